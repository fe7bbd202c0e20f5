"""The pipeline: ingest -> extract -> normalise -> compare -> report. The only place stages meet."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from checker.claims import Claim
from checker.compare import compare
from checker.documents import Document
from checker.extract import extract
from checker.ingest import ingest
from checker.normalise import normalise
from checker.report import Report, build_report
from checker.rulebook import Rulebook, load_rulebook


def run(
    paths: Iterable[str | Path],
    rules: Iterable[str | Path] = (),
    *,
    rulebook: Rulebook | None = None,
    timings: bool = False,
) -> Report:
    """Check a corpus and return its report."""
    started = time.perf_counter()
    paths = [str(p) for p in paths]
    rulebook = rulebook or load_rulebook(rules)
    ingested = ingest(paths)
    claims = extract_all(ingested.documents, rulebook)
    normalised = normalise(claims, ingested.documents, rulebook)
    discrepancies = compare(normalised, rulebook)
    seconds = round(time.perf_counter() - started, 3) if timings else None
    return build_report(
        paths,
        ingested.documents,
        normalised,
        discrepancies,
        ingested.diagnostics,
        rulebook.version,
        seconds,
    )


def extract_all(documents: list[Document], rulebook: Rulebook) -> list[Claim]:
    """Claims of every document, in document order."""
    return [claim for document in documents for claim in extract(document, rulebook)]
