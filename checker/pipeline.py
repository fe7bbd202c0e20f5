"""The pipeline: ingest -> extract -> normalise -> compare -> report. The only place stages meet."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from checker.cache import ClaimCache
from checker.claims import Claim
from checker.compare import compare
from checker.documents import Document
from checker.engines.local import extract_corpus
from checker.ingest import ingest
from checker.normalise import normalise
from checker.progress import ProgressBar
from checker.report import Report, build_report
from checker.rulebook import Rulebook, load_rulebook


def run(
    paths: Iterable[str | Path],
    rules: Iterable[str | Path] = (),
    *,
    rulebook: Rulebook | None = None,
    timings: bool = False,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = False,
) -> Report:
    """Check a corpus and return its report.

    `jobs` processes extract claims (None: all cores); `cache_dir` keeps each document's
    claims by content hash (None: no cache); `engine="dask"` runs extraction and comparison
    on the dask.distributed cluster at `scheduler` (None: a local cluster); `progress` shows
    a bar on standard error (None: when it is a terminal). None of them changes the report.
    """
    started = time.perf_counter()
    paths = [str(p) for p in paths]
    rulebook = rulebook or load_rulebook(rules)
    ingested = ingest(paths)
    cache = ClaimCache(cache_dir, rulebook) if cache_dir is not None else None
    bar = ProgressBar(len(ingested.documents), enabled=progress)
    if engine == "dask":
        from checker.engines import dask as dask_engine

        client = dask_engine.connect(scheduler, jobs)
        try:
            with bar:
                per_document = dask_engine.extract_corpus_dask(
                    ingested.documents, rulebook, client, cache=cache, progress=bar
                )
            claims = [claim for found in per_document for claim in found]
            normalised = normalise(claims, ingested.documents, rulebook)
            discrepancies = dask_engine.compare_dask(normalised, rulebook, client)
        finally:
            dask_engine.close(client)
    else:
        with bar:
            claims = extract_all(ingested.documents, rulebook, jobs=jobs, cache=cache, progress=bar)
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


def extract_all(
    documents: list[Document],
    rulebook: Rulebook,
    *,
    jobs: int | None = 1,
    cache: ClaimCache | None = None,
    progress: ProgressBar | None = None,
) -> list[Claim]:
    """Claims of every document, in document order."""
    per_document = extract_corpus(documents, rulebook, jobs=jobs, cache=cache, progress=progress)
    return [claim for found in per_document for claim in found]
