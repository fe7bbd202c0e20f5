"""The Dask engine: extraction and comparison on a dask.distributed cluster.

Extraction is a map over partitions of documents; each worker builds the rulebook once from
the rule packs' sources sent by the client (same files, same order, so the same
`Rulebook.version`). Comparison is a map over ranges of (subject, attribute, scope) groups:
the normalised claims are broadcast once, every worker builds the same `Comparer` the local
engine uses, and the client puts the discrepancies back in the local engine's order. The
report is byte-identical to the local engine's. Needs the optional extra:
`pip install "factlint[dask]"`, on the client and on every worker.
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import Any

from checker.cache import ClaimCache
from checker.compare import Comparer, comparison_groups, order_discrepancies
from checker.discrepancies import Discrepancy
from checker.documents import Document
from checker.engines.local import CachedExtraction, Extracted
from checker.errors import UsageError
from checker.extract import extract_reporting
from checker.normalise import NormalisedClaim
from checker.progress import ProgressBar
from checker.rulebook import Rulebook, load_rulebook

PARTITION_DOCUMENTS = 256
GROUPS_PER_TASK = 2000
_RULEBOOKS: dict[str, Rulebook] = {}
_COMPARERS: dict[str, tuple[Comparer, dict]] = {}


def connect(scheduler: str | None, workers: int | None = None):
    """A client of the cluster at `scheduler`, or of a new local cluster (closed with it)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError(
            '--engine dask needs the dask extra: pip install "factlint[dask]"'
        ) from exc
    if scheduler:
        try:
            return Client(scheduler, timeout="30s")
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    cluster = LocalCluster(
        n_workers=workers or 2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    client.close_cluster = cluster  # closed together (see close())
    return client


def close(client) -> None:
    """Close a client and the local cluster it started, if any."""
    cluster = getattr(client, "close_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def pack_sources(rulebook: Rulebook) -> list[tuple[str, bytes]]:
    """The rule packs a rulebook was built from, as (file name, bytes), in load order."""
    return [(Path(source).name, Path(source).read_bytes()) for source in rulebook.sources]


def worker_rulebook(version: str, sources: list[tuple[str, bytes]]) -> Rulebook:
    """The rulebook rebuilt from its packs' sources, once per worker process."""
    if version not in _RULEBOOKS:
        folder = Path(tempfile.mkdtemp(prefix="factlint-rules-"))
        files = []
        for index, (name, data) in enumerate(sources):
            path = folder / str(index) / name  # one folder each: names and order are kept
            path.parent.mkdir()
            path.write_bytes(data)
            files.append(path)
        rulebook = load_rulebook(files, bundled=False)
        if rulebook.version != version:
            raise RuntimeError(f"worker rebuilt rules {rulebook.version}, expected {version}")
        _RULEBOOKS[version] = rulebook
    return _RULEBOOKS[version]


def _extract_partition(
    documents: list[Document], version: str, sources: list[tuple[str, bytes]]
) -> list[Extracted]:
    rulebook = worker_rulebook(version, sources)
    return [extract_reporting(document, rulebook) for document in documents]


def extract_corpus_dask(
    documents: list[Document],
    rulebook: Rulebook,
    client: Any,
    *,
    cache: ClaimCache | None = None,
    progress: ProgressBar | None = None,
) -> list[Extracted]:
    """The claims and problems of each document, in document order, extracted on the cluster."""
    from dask.distributed import as_completed

    work = CachedExtraction(documents, cache, progress)
    todo = work.todo
    sources = client.scatter(pack_sources(rulebook), broadcast=True)
    partitions = [
        todo[i : i + PARTITION_DOCUMENTS] for i in range(0, len(todo), PARTITION_DOCUMENTS)
    ]
    futures = {
        client.submit(
            _extract_partition,
            [documents[i] for i in part],
            rulebook.version,
            sources,
            pure=False,
        ): part
        for part in partitions
    }
    for future in as_completed(futures):
        part = futures[future]
        for index, extracted in zip(part, future.result(), strict=True):
            work.record(index, extracted)
    return work.results()


def _compare_groups(
    claims: list[NormalisedClaim],
    token: str,
    keys: list[tuple],
    version: str,
    sources: list[tuple[str, bytes]],
) -> list[Discrepancy]:
    if token not in _COMPARERS:
        _COMPARERS.clear()  # one run at a time: drop the previous run's claims
        rulebook = worker_rulebook(version, sources)
        _COMPARERS[token] = (Comparer(rulebook, claims), comparison_groups(claims))
    comparer, groups = _COMPARERS[token]
    return [d for key in keys for d in comparer.group(groups[key])]


def compare_dask(
    claims: list[NormalisedClaim], rulebook: Rulebook, client: Any
) -> list[Discrepancy]:
    """compare(claims, rulebook), with the groups judged on the cluster."""
    keys = sorted(comparison_groups(claims))
    if not keys:
        return []
    token = uuid.uuid4().hex
    shared = client.scatter(claims, broadcast=True)
    sources = client.scatter(pack_sources(rulebook), broadcast=True)
    futures = [
        client.submit(
            _compare_groups,
            shared,
            token,
            keys[i : i + GROUPS_PER_TASK],
            rulebook.version,
            sources,
            pure=False,
        )
        for i in range(0, len(keys), GROUPS_PER_TASK)
    ]
    found = [d for future in futures for d in future.result()]
    return order_discrepancies(found)
