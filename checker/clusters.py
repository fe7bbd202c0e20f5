"""Clusters: a comparison group's claims by value, and which pairs of clusters are judged.

The claims of a group with one value key form a cluster. A group of up to EXACT_GROUP claims
is judged exhaustively: every pair of clusters, every claim of one against every claim of the
other. A larger group (one subject with thousands of values) costs n log n: its clusters,
sorted by value, are judged against their nearest neighbours and a few anchors (the extremes
of each end and the clusters most documents back), each through a few representative claims.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from checker.normalise import NormalisedClaim
from checker.open_claims import is_open_rule

EXACT_GROUP = 256  # claims; a larger group is judged by neighbours and anchors
NEIGHBOURS = 2  # a cluster of a large group is judged against the next two in value order
BUSIEST = 3  # the clusters backed by the most documents are anchors of a large group
WAYS_OF_STATING = 4  # representative claims per cluster of a large group: distinct times...
PER_WAY = 2  # ...each from up to two documents (a document never contradicts itself)


@dataclass
class Cluster:
    """The claims of one group that share a value key."""

    key: tuple
    claims: list[NormalisedClaim]  # in the group's order
    rank: int = 0  # place in the order the clusters are judged in (by repr of the key)
    steady: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    label: str | None = None  # how a report names it, when not its first claim's value

    @property
    def documents(self) -> set[str]:
        """The documents that give the value."""
        return {c.document for c in self.claims}

    @cached_property
    def representatives(self) -> list[NormalisedClaim]:
        """A few claims standing for the cluster: the first ones of each way of stating it."""
        chosen: dict[tuple, list[NormalisedClaim]] = {}
        for claim in by_position(self.claims):
            way = (claim.tense, claim.as_of, claim.published, claim.change)
            if way not in chosen and len(chosen) == WAYS_OF_STATING:
                continue
            picked = chosen.setdefault(way, [])
            if len(picked) < PER_WAY and all(c.document != claim.document for c in picked):
                picked.append(claim)
        return [claim for picked in chosen.values() for claim in picked]


def clusters_of(claims: list[NormalisedClaim]) -> list[Cluster]:
    """The group's clusters, in the order pairs are judged in (by repr of the value key)."""
    grouped: dict[tuple, list[NormalisedClaim]] = defaultdict(list)
    for claim in claims:
        grouped[claim.value.key].append(claim)
    ordered = sorted(grouped, key=repr)
    return [
        Cluster(key, grouped[key], rank, _steady_sentences(grouped[key]))
        for rank, key in enumerate(ordered)
    ]


def is_large(claims: list[NormalisedClaim]) -> bool:
    """Whether a group is too large to judge every pair of its claims."""
    return len(claims) > EXACT_GROUP


def pairs_to_judge(clusters: list[Cluster], large: bool) -> Iterator[tuple[Cluster, Cluster]]:
    """The pairs of clusters to judge, in rank order: all, or a large group's near ones."""
    if not large:
        yield from combinations(clusters, 2)
        return
    ranks = sorted(_near_pairs(clusters))
    for a, b in ranks:
        yield clusters[a], clusters[b]


def side_by_side(left: Cluster, right: Cluster) -> bool:
    """Whether one article states both values as they are (neither as a change).

    A sentence that gives '14.9 points' and 'five points', or '$160 million' and
    '$140 million', is telling two facts apart, not disagreeing with itself; so is an
    article that gives a 41-yard and a one-yard touchdown in two sentences, when open claims
    (whose keys are coarse) give either: the subject and attribute that group them are too
    coarse to compare them ('a 12-year sentence' and a pack's 'sentenced to seven years').
    """
    if not left.steady.isdisjoint(right.steady):
        return True
    if not (_all_open(left) or _all_open(right)):
        return False  # a pack's attribute is precise: one article giving two values is news
    shared = _documents(left.steady) & _documents(right.steady)
    return bool(shared - _slipped(left) - _slipped(right))  # a slip is judged (checker.align)


def _slipped(cluster: Cluster) -> set[str]:
    return {c.document for c in cluster.claims if c.slip}


def _all_open(cluster: Cluster) -> bool:
    return all(is_open_rule(c.claim.evidence.rule) for c in cluster.claims)


def _documents(steady: frozenset[tuple[str, int]]) -> set[str]:
    return {document for document, _ in steady}


def by_position(claims: list[NormalisedClaim]) -> list[NormalisedClaim]:
    """Claims in document order, then by where they are in it."""
    return sorted(claims, key=lambda c: (c.document, c.claim.evidence.start, c.claim.evidence.end))


class Changes:
    """When the group's changes ("was named", "now") were stated, by the value they change to."""

    def __init__(self, claims: list[NormalisedClaim]) -> None:
        stated: dict[tuple, list[dt.date]] = defaultdict(list)
        for claim in claims:
            if claim.change:
                stated[claim.value.key].append(stated_on(claim))
        self._stated = {key: sorted(dates) for key, dates in stated.items()}

    def between(self, key: tuple, earliest: dt.date, latest: dt.date) -> bool:
        """Whether a change to the value `key` was stated between two dates (inclusive)."""
        dates = self._stated.get(key, [])
        at = bisect.bisect_left(dates, earliest)
        return at < len(dates) and dates[at] <= latest


def stated_on(claim: NormalisedClaim) -> dt.date:
    """When a claim was made: its publication date, else the time it is about."""
    if claim.published:
        return claim.published
    return claim.as_of.start if claim.as_of else dt.date.min


def _steady_sentences(claims: list[NormalisedClaim]) -> frozenset[tuple[str, int]]:
    return frozenset(
        (c.document, c.claim.evidence.sentence_start)
        for c in claims
        if not c.change and c.tense == "current"
    )


def _near_pairs(clusters: list[Cluster]) -> set[tuple[int, int]]:
    """Ranks of the pairs a large group judges: neighbours in value order, and anchors.

    Every cluster is judged against the next NEIGHBOURS in value order and against every anchor.
    """
    ordered = sorted(clusters, key=_value_order)
    pairs: set[tuple[int, int]] = set()
    for at, cluster in enumerate(ordered):
        for other in ordered[at + 1 : at + 1 + NEIGHBOURS]:
            pairs.add(_ranked(cluster, other))
    for anchor in _anchors(ordered):
        pairs.update(_ranked(anchor, c) for c in clusters if c is not anchor)
    return pairs


def _anchors(ordered: list[Cluster]) -> list[Cluster]:
    """The clusters every other one is judged against.

    The lowest and highest values, the one ending lowest and the one starting highest (an
    interval disjoint from any other is disjoint from one of these two), and the busiest.
    """
    busiest = sorted(ordered, key=lambda c: (-len(c.documents), c.rank))[:BUSIEST]
    lowest_end = min(ordered, key=lambda c: (_bounds(c)[1], c.rank))
    highest_start = max(ordered, key=lambda c: (_bounds(c)[0], -c.rank))
    chosen = [ordered[0], ordered[-1], lowest_end, highest_start, *busiest]
    return list({id(c): c for c in chosen}.values())


def _ranked(a: Cluster, b: Cluster) -> tuple[int, int]:
    return (a.rank, b.rank) if a.rank < b.rank else (b.rank, a.rank)


def _value_order(cluster: Cluster) -> tuple:
    value = cluster.claims[0].value
    low, high = _bounds(cluster)
    return (value.type, value.unit, low, high, cluster.rank)


def _bounds(cluster: Cluster) -> tuple[float, float]:
    """Where a cluster's value lies on a line: a quantity's interval, a date's days."""
    value = cluster.claims[0].value
    if value.type == "quantity":
        return value.interval() or (-math.inf, math.inf)
    if value.type == "date" and value.span:
        return float(value.span.start.toordinal()), float(value.span.end.toordinal())
    return float(cluster.rank), float(cluster.rank)
