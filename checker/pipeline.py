"""The pipeline: ingest -> extract -> normalise -> compare -> report. The only place stages meet."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from checker.claims import Claim
from checker.compare import compare
from checker.documents import Diagnostic, Document
from checker.duplicates import DEFAULT_SIMILARITY, drop_repeated_claims, find_duplicates
from checker.extract import extract_reporting
from checker.ingest import IngestOptions, ingest
from checker.normalise import normalise
from checker.report import Report, build_report
from checker.rulebook import Rulebook, load_rulebook


def run(
    paths: Iterable[str | Path],
    rules: Iterable[str | Path] = (),
    *,
    rulebook: Rulebook | None = None,
    timings: bool = False,
    ingest_options: IngestOptions | None = None,
    duplicate_similarity: float | None = DEFAULT_SIMILARITY,
    stdin: BinaryIO | None = None,
) -> Report:
    """Check a corpus and return its report.

    `duplicate_similarity` is how alike two texts must be (0-1) to count as one; None keeps
    every copy as separate evidence.
    """
    started = time.perf_counter()
    paths = [str(p) for p in paths]
    rulebook = rulebook or load_rulebook(rules)
    ingested = ingest(paths, ingest_options, stdin=stdin)
    claims, problems = extract_all(ingested.documents, rulebook)
    duplicates = []
    if duplicate_similarity is not None:
        duplicates = find_duplicates(ingested.documents, duplicate_similarity)
        claims, duplicates = drop_repeated_claims(claims, duplicates)
    normalised = normalise(claims, ingested.documents, rulebook)
    discrepancies = compare(normalised, rulebook)
    seconds = round(time.perf_counter() - started, 3) if timings else None
    return build_report(
        paths,
        ingested.documents,
        normalised,
        discrepancies,
        [*ingested.diagnostics, *problems],
        rulebook.version,
        seconds,
        duplicates,
    )


def extract_all(
    documents: list[Document], rulebook: Rulebook
) -> tuple[list[Claim], list[Diagnostic]]:
    """Claims of every document, in document order, and the extraction problems met."""
    claims: list[Claim] = []
    problems: list[Diagnostic] = []
    for document in documents:
        found, diagnostics = extract_reporting(document, rulebook)
        claims.extend(found)
        problems.extend(diagnostics)
    return claims, problems
