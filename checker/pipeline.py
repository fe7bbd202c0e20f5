"""The pipeline: ingest -> extract -> normalise -> align -> compare -> report. The only place stages meet."""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from checker.align import align
from checker.cache import ClaimCache
from checker.cache_pruning import DEFAULT_MAX_BYTES, prune_cache
from checker.claims import Claim
from checker.compare import compare
from checker.document_facts import document_facts
from checker.documents import Diagnostic, Document
from checker.duplicates import DEFAULT_SIMILARITY, drop_repeated_claims, find_duplicates
from checker.engines.local import Extracted, extract_corpus
from checker.game_time import under_one_play
from checker.incremental import (
    align_incrementally,
    compare_incrementally,
    normalise_incrementally,
    spellings_incrementally,
)
from checker.ingest import IngestOptions, ingest
from checker.normalise import normalise
from checker.progress import ProgressBar
from checker.report import Report, build_report
from checker.rulebook import Rulebook, load_rulebook
from checker.spellings import spelling_claims, under_one_spelling
from checker.unnamed import name_the_unnamed

_paused = 0  # how many callers have the cycle collector paused


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the corpus-wide stages run.

    They hold millions of long-lived objects that every collection walks again (a third of
    a warm re-run's CPU at 10k) and make few cycles. Processes forked meanwhile (extraction
    workers) collect as usual.
    """
    global _paused
    enabled = gc.isenabled()
    gc.disable()
    _paused += 1
    try:
        yield
    finally:
        _paused -= 1
        if enabled:
            gc.enable()


@contextlib.contextmanager
def _collecting() -> Iterator[None]:
    """Run the cycle collector again for a while, if it was paused."""
    resume = bool(_paused) and not gc.isenabled()
    if resume:
        gc.enable()
    try:
        yield
    finally:
        if resume:
            gc.disable()


def _collect_in_child() -> None:
    global _paused
    if _paused:
        _paused = 0
        gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_collect_in_child)


@cycle_collector_paused()  # the whole run: it is most of the process
def run(
    paths: Iterable[str | Path],
    rules: Iterable[str | Path] = (),
    *,
    rulebook: Rulebook | None = None,
    timings: bool = False,
    ingest_options: IngestOptions | None = None,
    duplicate_similarity: float | None = DEFAULT_SIMILARITY,
    stdin: BinaryIO | None = None,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool | None = False,
    open_claims: bool = True,
    cache_max_bytes: int = DEFAULT_MAX_BYTES,
) -> Report:
    """Check a corpus and return its report.

    `duplicate_similarity` is how alike two texts must be (0-1) to count as one; None keeps
    every copy as separate evidence. `jobs` processes extract claims (None: all cores);
    `cache_dir` keeps each document's claims by content hash (None: no cache);
    `engine="dask"` runs extraction and comparison on the dask.distributed cluster at
    `scheduler` (None: a local cluster); `progress` shows a bar on standard error (None: when
    it is a terminal). None of these four changes the report. `open_claims=False` reads only
    what the packs' rules name (no claims for other values). Past `cache_max_bytes` (0: no
    cap) the least recently used cache entries are removed after the run.
    """
    started = time.perf_counter()
    paths = [str(p) for p in paths]
    if rulebook is None:
        with _collecting():  # compiling the rules makes cycles, and few objects live on
            rulebook = load_rulebook(rules, open_claims=open_claims, cache_dir=cache_dir)
    ingested = ingest(paths, ingest_options, stdin=stdin, cache_dir=cache_dir)
    cache = ClaimCache(cache_dir, rulebook) if cache_dir is not None else None
    bar = ProgressBar(len(ingested.documents), enabled=progress)
    client = None
    if engine == "dask":
        from checker.engines import dask as dask_engine

        client = dask_engine.connect(scheduler, jobs)
    try:
        with bar:
            if client is not None:
                extracted = dask_engine.extract_corpus_dask(
                    ingested.documents, rulebook, client, cache=cache, progress=bar
                )
            else:
                extracted = extract_corpus(
                    ingested.documents, rulebook, jobs=jobs, cache=cache, progress=bar
                )
        claims, problems = _flatten(extracted)
        shingles, names, days = _facts(ingested.documents, rulebook, cache_dir)
        duplicates = []
        if duplicate_similarity is not None:
            duplicates = find_duplicates(ingested.documents, duplicate_similarity, shingles)
            claims, duplicates = drop_repeated_claims(claims, duplicates)
        origins = None
        if cache_dir is None:
            normalised = normalise(claims, ingested.documents, rulebook, names)
        else:
            normalised, origins = normalise_incrementally(
                claims, ingested.documents, rulebook, names, cache_dir, days
            )
        if rulebook.open_claims and origins is not None:
            normalised = align_incrementally(normalised, rulebook, origins, cache_dir)
        elif rulebook.open_claims:
            normalised = align(normalised, rulebook)
        if rulebook.open_claims and origins is not None:
            spellings = spellings_incrementally(ingested.documents, names, rulebook, cache_dir)
        elif rulebook.open_claims:
            spellings = spelling_claims(ingested.documents, names, rulebook)
        if rulebook.open_claims:
            normalised = under_one_spelling(normalised, spellings) + spellings
            normalised = under_one_play(normalised, rulebook)
        normalised = name_the_unnamed(normalised, rulebook, ingested.documents)
        if client is not None:
            discrepancies = dask_engine.compare_dask(normalised, rulebook, client)
        elif origins is not None:
            discrepancies = compare_incrementally(
                normalised, rulebook, origins, cache_dir, compare=compare
            )
        else:
            discrepancies = compare(normalised, rulebook)
    finally:
        if client is not None:
            dask_engine.close(client)
    if cache_dir is not None:
        prune_cache(cache_dir, cache_max_bytes)
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
    documents: list[Document],
    rulebook: Rulebook,
    *,
    jobs: int | None = 1,
    cache: ClaimCache | None = None,
) -> tuple[list[Claim], list[Diagnostic]]:
    """Claims of every document, in document order, and the extraction problems met."""
    return _flatten(extract_corpus(documents, rulebook, jobs=jobs, cache=cache))


def _facts(documents: list[Document], rulebook: Rulebook, cache_dir: str | Path | None):
    """Each document's shingles, written names and event day from the cache (all None: no cache)."""
    if cache_dir is None:
        return None, None, None
    facts = document_facts(documents, rulebook, cache_dir)
    shingles = {i: f.shingles for i, f in facts.items()}
    return (
        shingles,
        {i: f.names for i, f in facts.items()},
        {i: f.event_day for i, f in facts.items()},
    )


def _flatten(extracted: list[Extracted]) -> tuple[list[Claim], list[Diagnostic]]:
    claims = [claim for found, _ in extracted for claim in found]
    problems = [problem for _, found in extracted for problem in found]
    return claims, problems
