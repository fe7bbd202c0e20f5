"""Syndicated copies: documents with the same or nearly the same text count once as evidence.

Texts are compared as word sequences (rapidfuzz's Indel similarity, so a changed byline or a
dropped paragraph costs little and two independent reports of one event stay apart). Only
documents that share a sampled five-word shingle are compared, which keeps a large corpus
near linear. In each group the earliest published document (then the first id) is kept; a
merged copy's claims that repeat the kept document's are dropped, so copying adds no
corroboration, while a claim the copy changed is still compared.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter, defaultdict
from itertools import combinations

import regex
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz.distance import Indel

from checker.claims import Claim
from checker.documents import Document

DEFAULT_SIMILARITY = 0.85
SHINGLE = 5
SAMPLE_MODULUS = 8  # keep one shingle in eight (by a stable hash) to find candidate pairs
MAX_SHINGLE_DOCUMENTS = 100  # a shingle in more documents than this is a common phrase
MIN_SHARED_SHINGLES = 0.5  # candidates share at least half of the shorter one's sampled shingles
_WORD = regex.compile(r"\w+")


class MergedDocument(BaseModel):
    """A copy merged into another document."""

    model_config = ConfigDict(frozen=True)

    id: str
    similarity: float = Field(description="Word-level similarity to the kept document (0-1).")
    claims_dropped: int = Field(0, description="Its claims that repeated the kept document's.")


class DuplicateGroup(BaseModel):
    """Documents with the same or nearly the same text: one kept, the others merged into it."""

    model_config = ConfigDict(frozen=True)

    kept: str = Field(description="The document whose claims count (earliest published).")
    merged: list[MergedDocument]


def find_duplicates(
    documents: list[Document],
    threshold: float = DEFAULT_SIMILARITY,
    shingles: dict[str, list[int]] | None = None,
) -> list[DuplicateGroup]:
    """Groups of documents whose texts are at least `threshold` similar, sorted by kept id.

    `shingles` are each document's `sampled_shingles` when already known (from a cache).
    """
    words = _Words(documents)
    if shingles is None:
        shingles = {d.id: sampled_shingles(d) for d in documents}
    parent = {d.id: d.id for d in documents}
    for a, b in sorted(_candidates(shingles)):
        if _similarity(words[a], words[b], threshold) is not None:
            _union(parent, a, b)
    members: dict[str, list[Document]] = defaultdict(list)
    for document in documents:
        members[_find(parent, document.id)].append(document)
    groups = []
    for group in members.values():
        if len(group) < 2:
            continue
        kept, *others = sorted(group, key=_keep_order)
        merged = [
            MergedDocument(
                id=other.id,
                similarity=round(_similarity(words[kept.id], words[other.id], 0.0) or 0.0, 3),
            )
            for other in sorted(others, key=lambda d: d.id)
        ]
        groups.append(DuplicateGroup(kept=kept.id, merged=merged))
    return sorted(groups, key=lambda g: g.kept)


def drop_repeated_claims(
    claims: list[Claim], groups: list[DuplicateGroup]
) -> tuple[list[Claim], list[DuplicateGroup]]:
    """Claims without the merged copies' repeats, and the groups with the counts dropped."""
    kept_of = {m.id: g.kept for g in groups for m in g.merged}
    kept_keys: dict[str, set[tuple]] = defaultdict(set)
    for claim in claims:
        if claim.evidence.document not in kept_of:
            kept_keys[claim.evidence.document].add(_claim_key(claim))
    dropped: dict[str, int] = defaultdict(int)
    remaining = []
    for claim in claims:
        kept = kept_of.get(claim.evidence.document)
        if kept is not None and _claim_key(claim) in kept_keys[kept]:
            dropped[claim.evidence.document] += 1
            continue
        remaining.append(claim)
    counted = [
        group.model_copy(
            update={
                "merged": [
                    m.model_copy(update={"claims_dropped": dropped[m.id]}) for m in group.merged
                ]
            }
        )
        for group in groups
    ]
    return remaining, counted


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


class _Words(dict):
    """Each document's words, split when first asked for (most are never compared)."""

    def __init__(self, documents: list[Document]) -> None:
        super().__init__()
        self._documents = {d.id: d for d in documents}

    def __missing__(self, doc_id: str) -> list[str]:
        self[doc_id] = _words(self._documents[doc_id].body)
        return self[doc_id]


def sampled_shingles(document: Document) -> list[int]:
    """The sampled shingle hashes of a document's body, sorted (what candidates share)."""
    return sorted(_sampled_shingles(_words(document.body)))


def _candidates(shingles: dict[str, list[int]]) -> set[tuple[str, str]]:
    """Pairs of documents that share most of their sampled shingles.

    Shingles found in more than MAX_SHINGLE_DOCUMENTS documents are common phrases ("people
    familiar with the matter") and are ignored, so the work stays near linear in the corpus.
    """
    index: dict[int, list[str]] = defaultdict(list)
    sampled: dict[str, int] = {}
    for doc_id, keys in shingles.items():
        sampled[doc_id] = len(keys)
        for key in keys:
            index[key].append(doc_id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in index.values():
        if len(ids) <= MAX_SHINGLE_DOCUMENTS:
            shared.update(combinations(sorted(ids), 2))
    return {
        pair
        for pair, count in shared.items()
        if count >= MIN_SHARED_SHINGLES * min(sampled[pair[0]], sampled[pair[1]])
    }


def _sampled_shingles(tokens: list[str]) -> set[int]:
    if len(tokens) < SHINGLE * SAMPLE_MODULUS:
        return {zlib.crc32(" ".join(tokens).encode("utf-8"))}
    hashes = {
        zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode("utf-8"))
        for i in range(len(tokens) - SHINGLE + 1)
    }
    return {h for h in hashes if h % SAMPLE_MODULUS == 0}


def _similarity(a: list[str], b: list[str], threshold: float) -> float | None:
    """Word-level Indel similarity, or None when under `threshold` (cheap length check first)."""
    if not a or not b:
        return None
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < threshold:
        return None
    score = Indel.normalized_similarity(a, b, score_cutoff=threshold)
    return score if score >= threshold and score > 0 else None


def _keep_order(document: Document) -> tuple:
    """Earliest published first (undated last), then by id."""
    return (document.published is None, document.published or dt.date.min, document.id)


def _claim_key(claim: Claim) -> tuple:
    return (
        claim.kind,
        claim.subject,
        claim.attribute,
        claim.value.casefold(),
        claim.object,
        claim.org,
    )


def _find(parent: dict[str, str], item: str) -> str:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: dict[str, str], a: str, b: str) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)
