"""The local engine: extraction in a process pool, with the claim cache and a progress bar."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from checker.cache import ClaimCache
from checker.claims import Claim
from checker.documents import Diagnostic, Document
from checker.extract import extract_reporting
from checker.progress import ProgressBar, word_count
from checker.rulebook import Rulebook

CHUNK_DOCUMENTS = 32  # documents per task: enough to make sending them cheap
MIN_PARALLEL_DOCUMENTS = 64  # fewer documents than this are not worth starting processes for

_WORKER_RULEBOOK: Rulebook | None = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


Extracted = tuple[list[Claim], list[Diagnostic]]


def extract_corpus(
    documents: list[Document],
    rulebook: Rulebook,
    *,
    jobs: int | None = None,
    cache: ClaimCache | None = None,
    progress: ProgressBar | None = None,
) -> list[Extracted]:
    """The claims and extraction problems of each document, in document order.

    Cached documents are not re-extracted; a document whose extraction reported a problem (a
    regex that timed out) is not cached, so the accident is not kept.
    """
    work = CachedExtraction(documents, cache, progress)
    for index, extracted in _extract_many(
        [documents[i] for i in work.todo], work.todo, rulebook, jobs
    ):
        work.record(index, extracted)
    return work.results()


class CachedExtraction:
    """The bookkeeping both engines share: cache look-ups, results in order, cache fills, progress."""

    def __init__(
        self, documents: list[Document], cache: ClaimCache | None, progress: ProgressBar | None
    ) -> None:
        self.documents, self.cache = documents, cache
        self.progress = progress or ProgressBar(len(documents), enabled=False)
        self._results: list[Extracted | None] = [None] * len(documents)
        self._keys = [cache.key(d) for d in documents] if cache else []
        self.todo: list[int] = []
        for index, document in enumerate(documents):
            found = cache.get(self._keys[index]) if cache else None
            if found is None:
                self.todo.append(index)
            else:
                self._results[index] = (found, [])
                self.progress.advance(1, word_count(document.text))

    def record(self, index: int, extracted: Extracted) -> None:
        """Keep a document's extraction; cache it unless it reported a problem."""
        self._results[index] = extracted
        if self.cache and not extracted[1]:
            self.cache.put(self._keys[index], extracted[0])
        self.progress.advance(1, word_count(self.documents[index].text))

    def results(self) -> list[Extracted]:
        """Every document's extraction, in document order."""
        return [extracted or ([], []) for extracted in self._results]


def _extract_many(
    documents: list[Document], positions: list[int], rulebook: Rulebook, jobs: int | None
) -> Iterator[tuple[int, Extracted]]:
    jobs = jobs or default_jobs()
    if jobs <= 1 or len(documents) < MIN_PARALLEL_DOCUMENTS:
        for position, document in zip(positions, documents, strict=True):
            yield position, extract_reporting(document, rulebook)
        return
    chunks = [
        (positions[i : i + CHUNK_DOCUMENTS], documents[i : i + CHUNK_DOCUMENTS])
        for i in range(0, len(documents), CHUNK_DOCUMENTS)
    ]
    pool = _pool(jobs, rulebook)
    try:
        futures: list[tuple[list[int], Future]] = [
            (where, pool.submit(_extract_chunk, chunk)) for where, chunk in chunks
        ]
        for where, future in futures:
            yield from zip(where, future.result(), strict=True)
    except BaseException:  # Ctrl-C: drop the work not started instead of waiting for it
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _pool(jobs: int, rulebook: Rulebook) -> ProcessPoolExecutor:
    """Workers that already hold the rulebook: forked from this process where possible."""
    global _WORKER_RULEBOOK
    _WORKER_RULEBOOK = rulebook  # forked workers inherit it, compiled
    if "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_interrupts
        )
    return ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_install_rulebook,
        initargs=(pickle.dumps(rulebook),),
    )


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process (which stops the run), so they print nothing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _install_rulebook(payload: bytes) -> None:
    _ignore_interrupts()
    global _WORKER_RULEBOOK
    _WORKER_RULEBOOK = pickle.loads(payload)


def _extract_chunk(documents: list[Document]) -> list[Extracted]:
    rulebook = _WORKER_RULEBOOK
    assert rulebook is not None, "worker started without a rulebook"
    return [extract_reporting(document, rulebook) for document in documents]
