"""Compare: claims about the same subject, attribute and scope become discrepancies.

Claims are grouped by (subject, attribute, scope); within a group every pair of claims from
different documents is judged by a comparator for its value type, then by time: values
that hold at different times are a change (info), not a contradiction. A large group is
judged through its neighbouring values and a few anchors instead (checker.clusters).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from checker.align import different_parties_of
from checker.clusters import (
    Changes,
    Cluster,
    by_position,
    clusters_of,
    is_large,
    pairs_to_judge,
    side_by_side,
    stated_on,
)
from checker.dates import WEEKDAYS, DateSpan
from checker.discrepancies import (
    LISTED_CLAIMS,
    LISTED_VALUES,
    SEVERITY_ORDER,
    ClaimRef,
    Discrepancy,
    DiscrepancyValue,
    Kind,
    fingerprint,
    support_key,
)
from checker.events import different_days, places_named
from checker.game_time import conflict as game_time_conflict
from checker.lexicon import lexicon_for
from checker.normalise import NormalisedClaim
from checker.open_claims import is_open_rule
from checker.places import Gazetteer, gazetteer_for
from checker.rulebook import AttributePolicy, Office, Rulebook, Severity
from checker.spellings import sound_alike
from checker.stances import different_stances

_DAY_TYPES = frozenset({"date", "weekday"})  # values that are the day of their event


@dataclass(frozen=True)
class Verdict:
    """Why two claims disagree."""

    severity: Severity
    kind: Kind
    reason: str


@dataclass(frozen=True)
class Judged:
    """A verdict with the two claims it was reached on."""

    verdict: Verdict
    left: NormalisedClaim
    right: NormalisedClaim


def compare(
    claims: list[NormalisedClaim], rulebook: Rulebook, judge_group=None
) -> list[Discrepancy]:
    """Every discrepancy between documents, most severe first.

    `judge_group(comparer, group)` stands for `comparer.group(group)` when given (a cache).
    """
    comparer = Comparer(rulebook, claims)
    groups = comparison_groups(claims)
    judge = judge_group or Comparer.group
    found = [d for key in sorted(groups) for d in judge(comparer, groups[key])]
    return order_discrepancies(found)


def comparison_groups(
    claims: list[NormalisedClaim],
) -> dict[tuple[str, str, str, str], list[NormalisedClaim]]:
    """The claims that are compared with each other, by (subject, attribute, scope, period)."""
    groups: dict[tuple[str, str, str], list[NormalisedClaim]] = defaultdict(list)
    for claim in claims:
        qualifiers = claim.claim.qualifiers
        if not (qualifiers.disputed or qualifiers.generic or qualifiers.reference):
            groups[(claim.subject, claim.attribute, claim.scope or "")].append(claim)
    return {
        (*key, period): part
        for key, group in groups.items()
        for period, part in _by_period(group).items()
    }


def _by_period(group: list[NormalisedClaim]) -> dict[str, list[NormalisedClaim]]:
    """A group's claims, those counted over a period set apart by an article that gives both.

    An article that says 31 magazines were seized 'so far' and 12 in this operation tells
    the period's count from the operation's: its 'so far' figure is not compared with the
    operations' counts of other articles.
    """
    plain = {c.document for c in group if not c.period}
    set_apart = {c.period for c in group if c.period and c.document in plain}
    parts: dict[str, list[NormalisedClaim]] = defaultdict(list)
    for claim in group:  # other articles' counts over that period are compared with it
        parts[claim.period if claim.period in set_apart else ""].append(claim)
    return parts


def order_discrepancies(found: list[Discrepancy]) -> list[Discrepancy]:
    """Most severe first, then by subject, attribute and id (stable for equal keys)."""
    return sorted(
        found, key=lambda d: (-SEVERITY_ORDER[d.severity], d.subject.casefold(), d.attribute, d.id)
    )


class Comparer:
    """The comparators, with what they need from the rulebook and the corpus."""

    def __init__(self, rulebook: Rulebook, claims: list[NormalisedClaim]) -> None:
        self.rulebook = rulebook
        self.gazetteer: Gazetteer = gazetteer_for(rulebook)
        self.offices: dict[str, Office] = {o.id: o for o in rulebook.offices}
        self.lexicon = lexicon_for(rulebook)
        self.people = sorted({c.subject for c in claims if c.attribute in ("title", "age")})
        self._by_name: dict[str, str] | None = None
        self.events = _main_events(claims)
        self._days = _event_days(claims, rulebook)

    # --- one group -------------------------------------------------------------------------

    def group(self, claims: list[NormalisedClaim]) -> list[Discrepancy]:
        """The discrepancies within one (subject, attribute, scope) group.

        Disagreements (contradiction, warning) and changes over time (info) are reported
        apart, each with only the values it is about. A large group is judged in n log n
        (checker.clusters).
        """
        clusters = clusters_of(claims)
        if len(clusters) < 2 or len({c.document for c in claims}) < 2:
            return []
        policy = self.rulebook.policy(claims[0].policy)
        changes = Changes(claims)
        self._dated_by_cluster = _dated_by_cluster(clusters)
        large = is_large(claims)
        judged: list[tuple[Cluster, Cluster, Judged]] = []
        agreeing: set[tuple[int, int]] = set()
        for left, right in pairs_to_judge(clusters, large):
            if side_by_side(left, right):
                continue
            best = self._best_pair(_sides(left, large), _sides(right, large), policy, changes)
            if best:
                judged.append((left, right, best))
            elif not large and _same_quantity(left.claims[0], right.claims[0]):
                agreeing.add((left.rank, right.rank))
        found = []
        for flagged in (True, False):
            part = [j for j in judged if (j[2].verdict.severity != "info") == flagged]
            if part:
                top = max(
                    part, key=lambda j: (SEVERITY_ORDER[j[2].verdict.severity], j[2].verdict.kind)
                )[2]
                involved = {id(c): c for a, b, _ in part for c in (a, b)}
                shown = list(involved.values())
                if agreeing:  # never in a large group: its values are listed one by one
                    shown = _as_one_where_they_agree(shown, agreeing)
                found.append(self._discrepancy(claims[0], top, shown, policy))
        return found

    def _best_pair(
        self,
        left: list[NormalisedClaim],
        right: list[NormalisedClaim],
        policy: AttributePolicy,
        changes: Changes,
    ) -> Judged | None:
        best: Judged | None = None
        for a in left:
            for b in right:
                if a.document == b.document:
                    continue
                verdict = self.judge(a, b, policy, changes)
                if verdict and (
                    best is None
                    or SEVERITY_ORDER[verdict.severity] > SEVERITY_ORDER[best.verdict.severity]
                ):
                    best = Judged(verdict, a, b)
                    if verdict.severity == _MOST_SEVERE:
                        return best  # nothing later can replace it
        return best

    # --- two claims ------------------------------------------------------------------------

    def judge(
        self,
        a: NormalisedClaim,
        b: NormalisedClaim,
        policy: AttributePolicy,
        changes: Changes | None = None,
    ) -> Verdict | None:
        """Whether two claims disagree, and how badly; None when they agree."""
        if (
            _two_facts(a, b, policy)
            or self._on_two_days(a, b, policy)
            or (_open_pair(a, b) and self._elsewhere(a, b))
        ):
            return None  # two facts, or the values of two events (Sunday's quake, Monday's)
        if a.value.unit == "age" and b.value.unit == "age":
            return self._ages(a, b)
        if a.value.type == "spelling" == b.value.type:
            return _spellings(a, b)  # a name is spelled one way at any time
        verdict = self._values(a, b, policy)
        if verdict is None:
            return None
        if verdict.kind != "weekday_mismatch" and not self._same_time(a, b, policy, changes):
            if policy.cumulative and _falls(a, b):
                return Verdict("warning", "conflicting_values", _fall_reason(a, b))
            return Verdict("info", "changed_over_time", _changed_reason(a, b))
        if verdict.kind == "bound_vs_value":
            verdict = Verdict(policy.bounds, verdict.kind, verdict.reason)
        if SEVERITY_ORDER[verdict.severity] > SEVERITY_ORDER[policy.max_severity]:
            verdict = Verdict(policy.max_severity, verdict.kind, verdict.reason)
        return verdict

    def _values(
        self, a: NormalisedClaim, b: NormalisedClaim, policy: AttributePolicy | None = None
    ) -> Verdict | None:
        kind = a.value.type
        if kind != b.value.type:
            return None
        if kind == "quantity":
            return _quantities(a, b)
        if kind == "office":
            return self._offices(a, b)
        if kind == "weekday":
            return _weekdays(a, b)
        if kind == "date":
            return _dates(a, b)
        if kind == "place":
            return self._places(a, b, policy)
        if kind == "state":
            return _states(a, b)
        if kind == "game_time":
            return self._game_times(a, b)
        if kind == "tally" and a.value.key != b.value.key:
            return Verdict(
                "contradiction",
                "conflicting_values",
                f"{a.value.label} and {b.value.label} are different counts of the same vote",
            )
        if kind == "person" and a.value.key != b.value.key:
            return Verdict(
                "contradiction",
                "conflicting_values",
                f"{a.value.label} and {b.value.label} are named as {a.subject}'s {a.attribute} for the same period",
            )
        return None

    def _game_times(self, a: NormalisedClaim, b: NormalisedClaim) -> Verdict | None:
        """One play told at two game times that cannot both be right (checker.game_time)."""
        why = game_time_conflict(a.value, b.value, self.rulebook)
        if why is None:
            return None
        return Verdict("contradiction", "conflicting_values", _game_times_reason(a, b, why))

    def _offices(self, a: NormalisedClaim, b: NormalisedClaim) -> Verdict | None:
        office_a, office_b = (
            self.offices.get(a.value.office or ""),
            self.offices.get(b.value.office or ""),
        )
        if not office_a or not office_b or office_a.id == office_b.id:
            return None
        if not set(office_a.groups) & set(office_b.groups):
            return None
        return Verdict(
            "contradiction",
            "exclusive_titles",
            f"{office_a.label} and {office_b.label} are offices one person does not hold at the same time",
        )

    def _places(
        self, a: NormalisedClaim, b: NormalisedClaim, policy: AttributePolicy | None
    ) -> Verdict | None:
        unknown = policy.unknown_places if policy else "agree"
        regions = self.rulebook.vocabulary.region_words
        if not self.gazetteer.apart(a.value.label, b.value.label, unknown, regions):
            return None
        return Verdict(
            "contradiction",
            "conflicting_values",
            f"{a.value.label} and {b.value.label} are different places, neither inside the other",
        )

    def _ages(self, a: NormalisedClaim, b: NormalisedClaim) -> Verdict | None:
        if a.value.point == b.value.point or a.tense != b.tense:
            return None  # "turns 29 in April" is not the age now
        if _another_time_of_life(a, b):
            return None
        time = {id(a): self._time(a), id(b): self._time(b)}
        first, second = sorted((a, b), key=lambda c: (time[id(c)] or _NO_DATE).start)
        first_time, second_time = time[id(first)], time[id(second)]
        diff = (second.value.point or 0) - (first.value.point or 0)
        if first_time is None or second_time is None:
            if abs(diff) == 1:
                return Verdict(
                    "warning",
                    "possible_birthday",
                    f"ages {first.value.label} and {second.value.label} differ by one year and the dates are unknown, so a birthday may explain it",
                )
            if abs(diff) <= UNDATED_AGE_GAP:
                return Verdict(
                    "warning",
                    "possible_birthday",
                    f"ages {first.value.label} and {second.value.label} differ by {abs(diff):g} years and "
                    "an article is undated, so they may have been written years apart",
                )
            return Verdict(
                "contradiction",
                "age_mismatch",
                f"ages {first.value.label} and {second.value.label} differ by {abs(diff):g} years, more than a birthday explains",
            )
        days = max(0, (second_time.start - first_time.end).days)
        years = days / 365.25
        allowed = {math.floor(years), math.ceil(years)} if days else {0}
        span = f"{first_time.label()} and {second_time.label()}"
        if diff not in allowed and not (days and diff == math.floor(years) + 1):
            return Verdict(
                "contradiction",
                "age_mismatch",
                f"{first.subject} is {first.value.label} on {first_time.label()} and {second.value.label} on "
                f"{second_time.label()}, which no birthday between those dates explains",
            )
        if diff == math.floor(years) + 1 and years - math.floor(years) < 0.5:
            return Verdict(
                "warning",
                "possible_birthday",
                f"{first.subject} is {first.value.label} and then {second.value.label} only {days} days later, "
                f"possible only if a birthday fell between {span}",
            )
        return None

    def _same_time(
        self,
        a: NormalisedClaim,
        b: NormalisedClaim,
        policy: AttributePolicy,
        changes: Changes | None,
    ) -> bool:
        """True when both claims describe the value at the same time (so they cannot both hold)."""
        if policy.changes == "never":
            return True
        if a.tense != b.tense and not policy.ignore_tense:
            return False
        a_time, b_time = self._time(a), self._time(b)
        if a_time is None or b_time is None:
            return True
        gap = _gap_days(a_time, b_time)
        if policy.changes == "over_time":
            return gap <= policy.same_period_days
        if gap > policy.same_period_days:
            return False
        if gap == 0:
            return True
        earlier, later = sorted((a, b), key=stated_on)
        # A change to the later value, said between the two statements ("was named", "now").
        return changes is None or not changes.between(
            later.value.key, stated_on(earlier), stated_on(later)
        )

    def _time(self, claim: NormalisedClaim) -> DateSpan | None:
        """When a claim holds: its own date, else that of the dated claims that agree with it."""
        if claim.as_of is not None:
            return claim.as_of
        return getattr(self, "_dated_by_cluster", {}).get(id(claim))

    def _elsewhere(self, a: NormalisedClaim, b: NormalisedClaim) -> bool:
        """Whether two sentences place their values in different places, neither inside the other.

        'Thieves also targeted the Cannes film festival, stealing almost $2 million' and 'Paris
        thieves nab $2.5 million': two thefts.
        """
        here = places_named(a.claim.evidence.sentence, self.gazetteer)
        there = places_named(b.claim.evidence.sentence, self.gazetteer)
        if not here or not there:
            return False
        return not any(self.gazetteer.related(p, q) for p in here for q in there)

    def _on_two_days(self, a: NormalisedClaim, b: NormalisedClaim, policy: AttributePolicy) -> bool:
        """Whether two claims are values of two events, told on two different weekdays.

        The date of an act that happens once (the policy's `one_day`) is itself the day of
        its event: two outlets that tell it on two days ('foiled the attack on Friday', 'on
        Thursday') disagree about it, they do not tell two events.
        """
        if policy.one_day and a.value.type in _DAY_TYPES and b.value.type in _DAY_TYPES:
            return False
        return different_days(self.event_day(a), self.event_day(b))

    def event_day(self, claim: NormalisedClaim) -> int | None:
        """The weekday of a claim's event: its own, else that of the claims that agree with it."""
        return claim.day if claim.day is not None else self._days.get(id(claim))

    # --- the report entry ----------------------------------------------------------------

    def _discrepancy(
        self,
        sample: NormalisedClaim,
        top: Judged,
        clusters: list[Cluster],
        policy: AttributePolicy,
    ) -> Discrepancy:
        listing = Listing(clusters)
        values = listing.values()
        subject, attribute = sample.subject, sample.attribute
        if sample.value.type == "weekday":
            attribute = f"weekday of {sample.subject}"
            subject = self._participant([c for cs in clusters for c in cs.claims]) or sample.subject
        verdict = top.verdict
        labels = " vs ".join(v.value for v in values) + listing.more()
        scope = f" ({sample.scope})" if sample.scope else ""
        if verdict.kind == "changed_over_time":
            summary = f"{subject}'s {attribute}{scope} changed over time: {labels}"
        else:
            summary = f"Sources disagree on {subject}'s {attribute}{scope}: {labels}"
        explanation = _explain(verdict, top, sample.scope, policy)
        keys = [_value_key(cs.claims[0]) for cs in clusters]
        # The group's own subject and attribute, not the displayed ones (which, for a weekday,
        # depend on who else the corpus names), keep the id stable.
        stable_id = fingerprint(
            sample.subject,
            sample.attribute,
            sample.scope,
            keys,
            over_time=verdict.kind == "changed_over_time",
        )
        return Discrepancy(
            id=stable_id,
            severity=verdict.severity,
            kind=verdict.kind,
            subject=subject,
            attribute=attribute,
            scope=sample.scope,
            summary=summary,
            explanation=explanation,
            values=values,
            unlisted_values=listing.unlisted or None,
        ).supported_also_by(listing.unlisted_refs())

    def _participant(self, claims: list[NormalisedClaim]) -> str | None:
        """What a date is about, by vote over the sentences that give it.

        A person named near the date first, else the event the articles cover, else the name
        nearest the date.
        """
        people: Counter[str] = Counter()
        names: Counter[str] = Counter()
        seen: set[tuple[str, int]] = set()
        for claim in claims:
            evidence = claim.claim.evidence
            if (evidence.sentence, evidence.start) in seen:
                continue
            seen.add((evidence.sentence, evidence.start))
            at = evidence.start - evidence.sentence_start
            found = [
                (abs(position - at), self._person_or_name(name))
                for name, position in self.lexicon.names_at(evidence.sentence)
                if not self.gazetteer.lookup(name) and not evidence.text.startswith(name)
            ]
            if found:
                names[min(found)[1]] += 1
            nearest_person = min(((d, n) for d, n in found if n in self.people), default=None)
            if nearest_person:
                people[nearest_person[1]] += 1
        events = Counter(self.events.get(c.document) for c in claims if self.events.get(c.document))
        for votes in (people, events, names):
            if votes:
                return max(sorted(votes), key=lambda name: votes[name])
        return None

    def _person_or_name(self, name: str) -> str:
        # The first person (in sorted order) named `name` or with the surname `name`.
        if self._by_name is None:
            self._by_name = {}
            for person in self.people:
                self._by_name.setdefault(person, person)
                self._by_name.setdefault(person.split()[-1], person)
        return self._by_name.get(name, name)


UNDATED_AGE_GAP = 3  # years two undated articles may lie apart
LIFE_APART_YEARS = 10  # an open age this far from another is of another time of his life


def _another_time_of_life(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """'A doorman identified the 29-year-old Mr. Gigante' in an obituary of a man of 77.

    An age read from its sentence alone (an open claim) that lies decades from another is
    his age when something earlier happened, not a misreport of his age now.
    """
    if not (is_open_rule(a.claim.evidence.rule) or is_open_rule(b.claim.evidence.rule)):
        return False
    gap = abs((a.value.point or 0) - (b.value.point or 0))
    return gap > LIFE_APART_YEARS


_MOST_SEVERE = max(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__)
_NO_DATE = DateSpan(start=dt.date.min, end=dt.date.min, precision="day")


def _quantities(a: NormalisedClaim, b: NormalisedClaim) -> Verdict | None:
    va, vb = a.value, b.value
    ia, ib = in_one_unit(va, vb)
    if ia is None or ib is None:
        return None
    if va.unit != vb.unit:  # through a conversion in parentheses, itself rounded at a rate
        ia, ib = _widened(ia), _widened(ib)
    overlap = ia[0] < ib[1] and ib[0] < ia[1]
    # 'a dozen' (exactly 12) meets 'at least a dozen' at 12; rounded figures that only touch
    # ('411' and '412') do not agree.
    meets = (ia[1] == ib[0] or ib[1] == ia[0]) and (va.precision == 0 or vb.precision == 0)
    if overlap and va.unit == vb.unit and _rounds_up_past(va, vb):
        overlap = False
    if not overlap and not meets and ia != ib:
        return Verdict(
            "contradiction",
            "conflicting_values",
            f"{va.label} and {vb.label} cannot both be right, even allowing for rounding and hedges",
        )
    if va.is_bound != vb.is_bound:
        bound, figure = (va, vb) if va.is_bound else (vb, va)
        if _on_edge(bound, figure):
            return None  # 'at least one killed' and 'one dead' say the same
        if figure.bound != "exact":
            return None  # 'about 100' and 'at least 70': both hedged, neither more precise
        return Verdict(
            "warning",
            "bound_vs_value",
            f"{bound.label} is a bound that {figure.label} satisfies, so the two are compatible but not equally precise",
        )
    return None


def in_one_unit(va, vb) -> tuple[tuple[float, float] | None, tuple[float, float] | None]:
    """Two quantities' intervals in one unit (None where they have none in common).

    One's own unit, through the other's conversion, or through conversions both have
    ('£1.7m' and '€2 million', each in dollars).
    """
    ia, ib = va.interval(), vb.interval(va.unit)
    if ib is None:
        ia, ib = va.interval(vb.unit), vb.interval()
    if ia is None or ib is None:
        shared = sorted({u for u, _, _ in va.conversions} & {u for u, _, _ in vb.conversions})
        if shared:
            ia, ib = va.interval(shared[0]), vb.interval(shared[0])
    return ia, ib


def _rounds_up_past(x, y) -> bool:
    """Whether the finer of two exact figures rounds, half up, to a figure above the coarser.

    '130 pounds' covers 125 to 135, but 135 rounds to 140, not 130: the two disagree; 134
    and 125 would round to 130.
    """
    if x.bound != "exact" or y.bound != "exact" or x.point is None or y.point is None:
        return False
    if x.precision == y.precision:
        return False
    coarse, fine = (x, y) if x.precision > y.precision else (y, x)
    edge = coarse.point + coarse.precision
    return fine.point >= edge or math.isclose(fine.point, edge)


def _two_facts(a: NormalisedClaim, b: NormalisedClaim, policy: AttributePolicy) -> bool:
    """Whether two claims of one group state two facts, so that neither can contradict the other."""
    if a.period and b.period and a.period != b.period:
        return True  # 'the fifth this season' and 'the second in two days': two counts
    if different_stances(a.stance, b.stance):
        return True  # the length a player seeks and the length a club offers
    if not _open_pair(a, b):
        return policy.parties_apart and different_parties_of(a, b)
    far = policy.far_ratio or FAR_RATIO
    return (
        different_parties_of(a, b)  # two offers, two passes: two facts
        or _far_apart(a.value, b.value, far)  # two heists
        or a.claim.qualifiers.whole != b.claim.qualifiers.whole  # a whole and maybe a part
    )


def _open_pair(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """Both claims are open claims (whose keys are too coarse to tell parties apart)."""
    return is_open_rule(a.claim.evidence.rule) and is_open_rule(b.claim.evidence.rule)


CONVERSION_SLACK = 0.05  # '2 million euros ($2.6 million)': the rate an outlet used is not known


def _widened(interval: tuple[float, float]) -> tuple[float, float]:
    low, high = interval
    return low * (1 - CONVERSION_SLACK), high * (1 + CONVERSION_SLACK)


FAR_RATIO = 20  # open values this far apart are two facts (a haul of €103 million and €2 million)


def _far_apart(x, y, ratio: float = FAR_RATIO) -> bool:
    """Whether two quantities in one unit differ by more than outlets misreport one fact by."""
    if x.type != "quantity" or y.type != "quantity" or x.unit != y.unit:
        return False
    p, q = _middle(x), _middle(y)
    if p is None or q is None or p <= 0 or q <= 0:
        return False
    return max(p, q) / min(p, q) > ratio


def _middle(value) -> float | None:
    if value.point is not None:
        return value.point
    if value.low is not None and value.high is not None:
        return (value.low + value.high) / 2
    return value.low if value.low is not None else value.high


def _on_edge(bound, figure) -> bool:
    """Whether an exact figure is the closed end of a one-sided bound ('at least 1' and 1)."""
    if figure.point is None or bound.bound not in ("at_least", "at_most"):
        return False
    edge = bound.low if bound.bound == "at_least" else bound.high
    return edge is not None and math.isclose(edge, figure.point)


def _falls(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """True when the later of two dated running totals is wholly below the earlier one."""
    if a.as_of is None or b.as_of is None or a.tense != b.tense:
        return False
    earlier, later = sorted((a, b), key=lambda c: c.as_of.start)
    if later.as_of.start <= earlier.as_of.end:
        return False
    return later.value.interval()[1] <= earlier.value.interval()[0]


def _fall_reason(a: NormalisedClaim, b: NormalisedClaim) -> str:
    earlier, later = sorted((a, b), key=lambda c: c.as_of.start)
    return (
        f"a running total cannot fall, yet {later.value.label} ({later.as_of.label()}) is below "
        f"{earlier.value.label} ({earlier.as_of.label()})"
    )


def _spellings(a: NormalisedClaim, b: NormalisedClaim) -> Verdict | None:
    if a.value.key == b.value.key:
        return None
    if sound_alike(a.value.label, b.value.label):
        return Verdict(
            "info",
            "name_spelling",
            f"{a.value.label} and {b.value.label} sound alike: a variant or transliteration",
        )
    return Verdict(
        "warning",
        "name_spelling",
        f"{a.value.label} and {b.value.label} look like one person's name spelled two ways",
    )


def _game_times_reason(a: NormalisedClaim, b: NormalisedClaim, why: str) -> str:
    return f"{a.value.label} and {b.value.label}: {why}, and one play came at one time"


def _states(a: NormalisedClaim, b: NormalisedClaim) -> Verdict | None:
    """Two levels of one state scale ('critical' / 'stable' condition) said of one subject."""
    if a.value.unit != b.value.unit or a.value.point == b.value.point:
        return None
    return Verdict(
        "contradiction",
        "conflicting_values",
        f"{a.value.label} and {b.value.label} are different levels of {a.value.unit}: "
        "one subject is not in both at once",
    )


def _weekdays(a: NormalisedClaim, b: NormalisedClaim) -> Verdict | None:
    if a.value.weekday == b.value.weekday:
        return None
    span = a.value.span or b.value.span
    actual = (
        f"; the calendar says {span.label()} was a {WEEKDAYS[span.start.weekday()].capitalize()}"
        if span
        else ""
    )
    return Verdict(
        "contradiction",
        "weekday_mismatch",
        f"the same date cannot be both a {a.value.label} and a {b.value.label}{actual}",
    )


def _dates(a: NormalisedClaim, b: NormalisedClaim) -> Verdict | None:
    if a.value.span is None or b.value.span is None or a.value.span.overlaps(b.value.span):
        return None
    return Verdict(
        "contradiction",
        "conflicting_values",
        f"{a.value.label} and {b.value.label} are different dates for the same event",
    )


def _main_events(claims: list[NormalisedClaim]) -> dict[str, str]:
    """Per document, the event most of its event claims are about (a quake, a flood...)."""
    per_document: dict[str, Counter[str]] = defaultdict(Counter)
    for claim in claims:
        if claim.claim.subject_type == "event":
            per_document[claim.document][claim.subject] += 1
    return {doc: max(sorted(c), key=lambda e: c[e]) for doc, c in per_document.items()}


def _dated_by_cluster(clusters: list[Cluster]) -> dict[int, DateSpan]:
    """When each undated claim holds: when the dated claims of its value do.

    An undated claim has no publication date and no time said; an article that gives the
    same count as three articles of Monday is most likely about Monday too.
    """
    inferred: dict[int, DateSpan] = {}
    for cluster in clusters:
        spans = [c.as_of for c in cluster.claims if c.as_of is not None]
        if not spans or len(spans) == len(cluster.claims):
            continue
        span = DateSpan(
            start=min(s.start for s in spans),
            end=max(s.end for s in spans),
            precision=spans[0].precision,
        )
        inferred.update({id(c): span for c in cluster.claims if c.as_of is None})
    return inferred


def _event_days(claims: list[NormalisedClaim], rulebook: Rulebook) -> dict[int, int]:
    """The weekday of each event claim whose day is unsaid, where the corpus tells it.

    A 5.6 magnitude in an article that names no day is the 5.6 another article gives
    Sunday's quake; and an article whose one-off facts (a magnitude, a speed: values that
    never change) are all Sunday's is about Sunday's quake. One day only, else none. A toll
    is told on the day it rose to, not the event's.
    """
    told: dict[tuple, set[int]] = defaultdict(set)
    for claim in claims:
        if claim.day is not None:
            told[(claim.subject, claim.attribute, claim.value.key)].add(claim.day)
    inferred: dict[int, int] = {}
    per_document: dict[str, set[int]] = defaultdict(set)
    for claim in claims:
        days = (
            {claim.day}
            if claim.day is not None
            else told.get((claim.subject, claim.attribute, claim.value.key), set())
        )
        if len(days) == 1:
            inferred[id(claim)] = next(iter(days))
            if rulebook.policy(claim.policy).changes == "never":
                per_document[claim.document].add(inferred[id(claim)])
    for claim in claims:
        days = per_document.get(claim.document, set())
        if claim.claim.subject_type == "event" and id(claim) not in inferred and len(days) == 1:
            inferred[id(claim)] = next(iter(days))
    return inferred


def _gap_days(a: DateSpan, b: DateSpan) -> int:
    if a.overlaps(b):
        return 0
    return (b.start - a.end).days if a.end < b.start else (a.start - b.end).days


def _when(claim: NormalisedClaim) -> str:
    when = claim.as_of.label() if claim.as_of else "undated"
    tense = {"past": ", about the past", "future": ", forward-looking", "current": ""}[claim.tense]
    return when + tense


def _changed_reason(a: NormalisedClaim, b: NormalisedClaim) -> str:
    first, second = sorted(
        (a, b),
        key=lambda c: (
            {"past": 0, "current": 1, "future": 2}[c.tense],
            c.as_of.start if c.as_of else _NO_DATE.start,
        ),
    )
    return (
        f"{first.value.label} ({_when(first)}, {first.document}) and {second.value.label} ({_when(second)}, "
        f"{second.document}) hold at different times, so this is a change, not a contradiction"
    )


def _explain(verdict: Verdict, top: Judged, scope: str | None, policy: AttributePolicy) -> str:
    if verdict.kind == "changed_over_time":
        text = verdict.reason[0].upper() + verdict.reason[1:]
    else:
        a, b = sorted(
            (top.left, top.right),
            key=lambda c: (c.as_of.start if c.as_of else _NO_DATE.start, c.document),
        )
        text = (
            f"{verdict.reason[0].upper()}{verdict.reason[1:]}: {a.document} ({_when(a)}) says {a.value.label}, "
            f"{b.document} ({_when(b)}) says {b.value.label}"
        )
    if scope:
        text += f"; both are limited to {scope}"
    if policy.note:
        text += f". {policy.note.rstrip('.')}"
    return text + "."


def _ref(claim: NormalisedClaim) -> ClaimRef:
    evidence, qualifiers = claim.claim.evidence, claim.claim.qualifiers
    return ClaimRef(
        document=evidence.document,
        text=evidence.text,
        sentence=evidence.sentence,
        start=evidence.start,
        end=evidence.end,
        rule=evidence.rule,
        published=claim.published,
        as_of=claim.as_of.label() if claim.as_of else None,
        tense=claim.tense,
        hedge=qualifiers.hedge,
        scope=claim.scope,
        attribution=qualifiers.attribution,
    )


def _as_one_where_they_agree(
    clusters: list[Cluster], agreeing: set[tuple[int, int]]
) -> list[Cluster]:
    """Clusters that all agree with each other shown as one value.

    '1,500 kilometers' and 'about 940 miles' are one distance, which '1,150 kilometers'
    contradicts: the discrepancy lists two values, not three.
    """
    merged: list[list[Cluster]] = []
    for cluster in sorted(clusters, key=lambda c: (-len(c.documents), c.rank)):
        home = next(
            (
                group
                for group in merged
                if all(_ranked_pair(cluster, other) in agreeing for other in group)
            ),
            None,
        )
        if home is None:
            merged.append([cluster])
        else:
            home.append(cluster)
    return [group[0] if len(group) == 1 else _one_value(group) for group in merged]


def _one_value(group: list[Cluster]) -> Cluster:
    """Agreeing clusters as one, named by all their values ('1,500 kilometers / about 940 miles')."""
    labels = list(dict.fromkeys(cluster.claims[0].value.label for cluster in group))
    claims = [claim for cluster in group for claim in cluster.claims]
    return Cluster(group[0].key, claims, group[0].rank, label=" / ".join(labels))


def _same_quantity(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """Two figures that say the same, allowing for rounding, hedges and units."""
    if a.value.type != "quantity" or b.value.type != "quantity":
        return False
    if a.value.is_bound or b.value.is_bound:
        return False
    x, y = a.value, b.value
    if x.unit != y.unit and None in in_one_unit(x, y):
        return False  # euros and dollars with no conversion given cannot be told alike
    return _quantities(a, b) is None and not _far_apart(a.value, b.value, NEAR_RATIO)


NEAR_RATIO = 1.5  # figures farther apart than this are never shown as one value


def _ranked_pair(a: Cluster, b: Cluster) -> tuple[int, int]:
    return (a.rank, b.rank) if a.rank < b.rank else (b.rank, a.rank)


def _sides(cluster: Cluster, large: bool) -> list[NormalisedClaim]:
    """The claims a cluster is judged by: all of them, or a few in a large group."""
    return cluster.representatives if large else cluster.claims


class Listing:
    """What a discrepancy lists of its clusters, and counts of what it leaves out.

    The first LISTED_VALUES values by where they are first stated, each with its first
    LISTED_CLAIMS claims by position.
    """

    def __init__(self, clusters: list[Cluster]) -> None:
        self.labels = {c.rank: c.label for c in clusters if c.label}
        placed = sorted(((by_position(c.claims), c.rank) for c in clusters), key=_first_position)
        listed, self.rest = placed[:LISTED_VALUES], [claims for claims, _ in placed[LISTED_VALUES:]]
        # Shown in the order reports have always used: document name and offset, as one string.
        ordered = sorted(listed, key=_first_written)
        self.listed = [claims for claims, _ in ordered]
        self.names = [self.labels.get(rank) or claims[0].value.label for claims, rank in ordered]
        self.unlisted = len(self.rest)

    def values(self) -> list[DiscrepancyValue]:
        """The values listed, with the claims listed and a count of the others."""
        return [
            DiscrepancyValue(
                value=name,
                claims=[_ref(c) for c in claims[:LISTED_CLAIMS]],
                unlisted_claims=max(0, len(claims) - LISTED_CLAIMS) or None,
            )
            for claims, name in zip(self.listed, self.names, strict=True)
        ]

    def more(self) -> str:
        """The end of the summary's list of values: how many were left out."""
        return f" and {self.unlisted:,} more" if self.unlisted else ""

    def unlisted_refs(self) -> list[tuple[str, int, int, str]]:
        """Where the claims left out are (they support the discrepancy all the same)."""
        left_out = [c for claims in self.listed for c in claims[LISTED_CLAIMS:]]
        left_out += [c for claims in self.rest for c in claims]
        return [support_key(c.claim.evidence) for c in left_out]


def _first_position(placed: tuple[list[NormalisedClaim], int]) -> tuple[str, int, int, int]:
    first = placed[0][0]
    return (first.document, first.claim.evidence.start, first.claim.evidence.end, placed[1])


def _first_written(placed: tuple[list[NormalisedClaim], int]) -> tuple[str, int]:
    first = placed[0][0]
    return (first.document + str(first.claim.evidence.start), placed[1])


def _value_key(claim: NormalisedClaim) -> str:
    return "|".join(str(part) for part in claim.value.key)
