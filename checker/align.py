"""Align: open claims that state one fact in different words get one subject and attribute.

Outlets name a fact differently: "Charles' 86-yard touchdown run" in one article is "an
84-yard scamper by Jamaal Charles" in another, so the subject and key an open claim takes
from its own sentence (checker.open_claims) differ from outlet to outlet. Here claims of one
kind and unit are linked across documents when the words around their values agree (each
word weighted by how rare it is in the corpus), most alike first, never joining two
different values of one document (an article does not give one fact two values) nor two
events set apart. The exception is a slip: an article that gives a fact two values in two
passages, when another article tells both passages with one value (an updated wire story
that says '84-yard scamper' where its own later paragraph and the first version say
86-yard); the odd value is marked `slip` so that compare judges it against the others. Each linked set takes the label most of its claims have, so that compare
judges them together. Pack claims keep their own groups: an open claim never takes a pack's
label, which would give it the pack's more severe policy.

Candidate pairs come from shared rare words (an inverted index), so the cost stays close
to linear in the corpus.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import combinations

from checker.normalise import NormalisedClaim
from checker.open_claims import is_open_rule
from checker.parties import acting, different_parties
from checker.periods import different_periods
from checker.rulebook import Rulebook
from checker.words import lemma, tokens

WINDOW = 8  # words each side of a value that say what it is about
MIN_SIMILARITY = 0.6  # weighted share of context words two claims must have in common
NEAR_RATIO = 1.5  # values this close are one fact told two ways; farther apart, two facts
NEAR_YEARS = 10
NEAR_DAYS = 45
MIN_SHARED = 2  # one word in common is chance
MAX_POSTING = 64  # a word shared by more claims of one kind than this is no evidence of one fact
# Dates and times of one story are all near each other, and their words are an event's:
# their frames key them (checker.frames), not their neighbourhood.
_ALIGNED_KINDS = frozenset({"money", "percent", "quantity", "count", "year"})


def align(claims: list[NormalisedClaim], rulebook: Rulebook, context=None) -> list[NormalisedClaim]:
    """The claims, with open claims that state one fact relabelled to one subject and attribute.

    `context` stands for `context_words` when given (a cache).
    """
    stop = _stop_words(rulebook)
    openers = frozenset(w.lower() for w in rulebook.open.clause_openers)
    members = [
        i
        for i, c in enumerate(claims)
        if c.claim.kind in _ALIGNED_KINDS and is_open_rule(c.claim.evidence.rule)
    ]
    claims = with_complements(claims, members)
    neighbours = _values_by_sentence(claims)
    context = context or context_words
    contexts = {i: context(claims[i], stop, neighbours, openers) for i in members}
    weights = _rarity(claims, contexts)
    pairs = _candidate_pairs(claims, contexts, weights)
    groups = _Groups(claims, members, _partners(pairs))
    for _, i, j in pairs:
        if are_near(claims[i], claims[j]):
            groups.join(i, j)
    return groups.relabelled()


def with_complements(claims: list[NormalisedClaim], members: list[int]) -> list[NormalisedClaim]:
    """The claims, a count of a bare noun keyed as the corpus's count of it with a complement.

    '923 rounds' (key 'seized round') and 'about 300 rounds of ammunition' (key 'seized round
    ammunition') count one thing: the 'of' phrase only says what the rounds are. A key that
    differs from another document's only by the complement of the noun it counts takes the
    longer key, when the corpus gives that noun one complement only ('counts of murder' and
    'counts of fraud' leave 'counts' alone).
    """
    longer: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for i in members:
        claim = claims[i]
        noun, _, complement = (claim.claim.counted or "").partition(" ")
        base = claim.attribute.removesuffix(f" {complement}")
        if complement and " " not in complement and base.endswith(noun) and base != claim.attribute:
            longer[(claim.claim.kind, base)].add((complement, claim.document))
    found = list(claims)
    for i in members:
        claim = claims[i]
        counted = claim.claim.counted or ""
        options = longer.get((claim.claim.kind, claim.attribute), set())
        complements = {c for c, _ in options}
        if not counted or " " in counted or not claim.attribute.endswith(counted):
            continue
        if len(complements) != 1 or all(d == claim.document for _, d in options):
            continue
        (complement,) = complements
        found[i] = claim.model_copy(
            update={
                "attribute": f"{claim.attribute} {complement}",
                "claim": claim.claim.model_copy(update={"counted": f"{counted} {complement}"}),
            }
        )
    return found


def are_near(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """Whether two values are close enough to be one fact reported differently.

    Outlets that disagree on a fact are near each other ('86-yard' and '84-yard', 31 and 32,
    1957 and 1967); similar words around far-apart values ('rushed for 226 yards', 'an
    86-yard run') are more often two facts.
    """
    x, y = a.value, b.value
    if x.key == y.key:
        return True
    if x.span is not None and y.span is not None:
        return abs((x.span.start - y.span.start).days) <= NEAR_DAYS
    if _is_bound(x) or _is_bound(y):
        # 'over 100 yards' is no anchor for 86: only a figure inside it is near
        return _overlap(x, y)
    p, q = _middle(x), _middle(y)
    if p is None or q is None:
        return True
    if a.claim.kind == "year":
        return abs(p - q) <= NEAR_YEARS
    if p <= 0 or q <= 0:
        return p == q
    return max(p, q) / min(p, q) <= NEAR_RATIO


_OPEN_BOUNDS = frozenset({"lower", "at_least", "upper", "at_most"})


def _is_bound(value) -> bool:
    return value.bound in _OPEN_BOUNDS


def _overlap(x, y) -> bool:
    if None in (x.low, x.high, y.low, y.high):
        return False
    return x.low <= y.high and y.low <= x.high


def _middle(value) -> float | None:
    if value.point is not None:
        return value.point
    ends = [e for e in (value.low, value.high) if e is not None and math.isfinite(e)]
    return sum(ends) / len(ends) if ends else None


def context_words(
    claim: NormalisedClaim,
    stop: frozenset[str],
    neighbours: dict[tuple[str, int], tuple[tuple[int, int], ...]] | None = None,
    openers: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The lemmas of the content words around a claim's value, in its sentence.

    A word nearer another value of the sentence is that value's ('ran for 226 yards,
    including an 84-yard scamper': 'ran' is the 226's, 'scamper' the 84's), and the words
    stop where another event's clause opens ('a 45-yard field goal before Ratliff
    intercepted a pass': the interception is not the field goal's).
    """
    evidence = claim.claim.evidence
    low = evidence.start - evidence.sentence_start
    high = evidence.end - evidence.sentence_start
    spans = (neighbours or {}).get((claim.document, evidence.sentence_start), ())
    others = tuple(s for s in spans if s != (low, high))
    own = frozenset(
        lemma(t.text) for t in tokens(f"{claim.subject} {claim.attribute}") if t.text.isalpha()
    )
    return _window(evidence.sentence, low, high, others, stop, openers) | (own - stop)


def _values_by_sentence(
    claims: list[NormalisedClaim],
) -> dict[tuple[str, int], tuple[tuple[int, int], ...]]:
    """The spans of every claim's value in each sentence, by (document, sentence start)."""
    found: dict[tuple[str, int], set[tuple[int, int]]] = defaultdict(set)
    for claim in claims:
        evidence = claim.claim.evidence
        base = evidence.sentence_start
        found[(claim.document, base)].add((evidence.start - base, evidence.end - base))
    return {key: tuple(sorted(spans)) for key, spans in found.items()}


@lru_cache(maxsize=65536)
def _window(
    sentence: str,
    low: int,
    high: int,
    others: tuple[tuple[int, int], ...],
    stop: frozenset[str],
    openers: frozenset[str] = frozenset(),
) -> frozenset[str]:
    words = [
        t
        for t in tokens(sentence)
        if any(ch.isalpha() for ch in t.text)
        and not low <= t.start < high
        and _nearest_is_own(t.start, low, high, others)
    ]
    before = _content(_upto_opener([t for t in words if t.end <= low][::-1], openers, True), stop)
    after = _content(_upto_opener([t for t in words if t.start >= high], openers, False), stop)
    return frozenset((*before, *after))


def _upto_opener(words: list, openers: frozenset[str], backwards: bool) -> list:
    """The words up to where another clause opens.

    Going forwards they stop before the opener; going backwards, at it ('when Ratliff ...
    returned it 35 yards': 'when' opens the 35's clause).
    """
    for n, token in enumerate(words):
        if token.text.lower() in openers:
            return words[: n + 1] if backwards else words[:n]
    return words


def _content(words: list, stop: frozenset[str]) -> list[str]:
    """The first WINDOW content lemmas of `words`."""
    found = [lemma(t.text) for t in words]
    return [w for w in found if w.isalpha() and w not in stop and len(w) > 1][:WINDOW]


def _distance(at: int, low: int, high: int) -> int:
    return low - at if at < low else max(0, at - high)


def _nearest_is_own(at: int, low: int, high: int, others: tuple[tuple[int, int], ...]) -> bool:
    own = _distance(at, low, high)
    return all(own <= _distance(at, a, b) for a, b in others if not (a <= at < b))


def _stop_words(rulebook: Rulebook) -> frozenset[str]:
    rules = rulebook.open
    return frozenset(w.lower() for w in (*rules.function_words, *rules.ignored_words))


def _rarity(claims: list[NormalisedClaim], contexts: dict[int, frozenset[str]]) -> dict[str, float]:
    """Inverse document frequency of each context word: rare words say more."""
    per_document: dict[str, set[str]] = defaultdict(set)
    for i, words in contexts.items():
        per_document[claims[i].document].update(words)
    frequency = Counter(w for words in per_document.values() for w in words)
    documents = len(per_document)
    return {w: math.log(1 + documents / n) for w, n in frequency.items()}


def _block(claim: NormalisedClaim) -> tuple[str, str]:
    value = claim.value
    return claim.claim.kind, value.unit if value.type == "quantity" else ""


def _candidate_pairs(
    claims: list[NormalisedClaim],
    contexts: dict[int, frozenset[str]],
    weights: dict[str, float],
) -> list[tuple[float, int, int]]:
    """(similarity, i, j) of claims of different documents alike enough to align, most alike first.

    The similarity is the rarity of the words two contexts share over that of the smaller
    context, summed posting by posting (an inverted index), so pairs that share no rare word
    are never looked at; pairs sharing fewer than MIN_SHARED words are left out.
    """
    postings: dict[tuple, list[int]] = defaultdict(list)
    for i in sorted(contexts):
        block = _block(claims[i])
        for word in contexts[i]:
            postings[(block, word)].append(i)
    documents = [claim.document for claim in claims]
    shared: dict[tuple[int, int], list] = defaultdict(lambda: [0, 0.0])
    for key in sorted(postings):
        posting = postings[key]
        if len(posting) > MAX_POSTING:
            continue
        weight = weights.get(key[1], 0.0)
        for i, j in combinations(posting, 2):
            if documents[i] != documents[j]:
                found = shared[(i, j)]
                found[0] += 1
                found[1] += weight
    totals = {i: sum(weights.get(w, 0.0) for w in words) for i, words in contexts.items()}
    scored = []
    for (i, j), (count, weight) in shared.items():
        smaller = min(totals[i], totals[j])
        if count >= MIN_SHARED and smaller and weight / smaller >= MIN_SIMILARITY:
            scored.append((weight / smaller, i, j))
    return sorted(scored, key=lambda s: (-s[0], s[1], s[2]))


def _partners(pairs: list[tuple[float, int, int]]) -> dict[int, set[int]]:
    """The claims each claim is alike enough to align with."""
    found: dict[int, set[int]] = defaultdict(set)
    for _, i, j in pairs:
        found[i].add(j)
        found[j].add(i)
    return found


class _Groups:
    """Linked sets of claims (union-find) that keep each document's values apart."""

    def __init__(
        self,
        claims: list[NormalisedClaim],
        members: list[int],
        partners: dict[int, set[int]] | None = None,
    ) -> None:
        self.claims = claims
        self.partners = partners or {}
        self.slips: set[int] = set()
        self.parent = {i: i for i in members}
        self.sets: dict[int, list[int]] = {i: [i] for i in members}
        for label_members in _by_label(claims, members).values():
            for other in label_members[1:]:
                self._union(label_members[0], other)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        if different_parties_of(self.claims[i], self.claims[j]):
            return  # the Red Sox's offer and the Nationals' are two offers
        if _different_frames(self.claims[i], self.claims[j]):
            return  # 'villages damaged' and 'people injured': the lexicon keeps them apart
        if _different_nouns(self.claims[i], self.claims[j]):
            return  # 'three turnovers' and 'two running backs' count different things
        if _different_moves(self.claims[i], self.claims[j]):
            return  # 'plunged 5.4 per cent' (in the day) is not 'closed down 3.9 percent'
        a, b = self.find(i), self.find(j)
        if a != b and self._compatible(self.sets[a], self.sets[b]):
            self._union(a, b)

    def _union(self, i: int, j: int) -> None:
        a, b = sorted((self.find(i), self.find(j)))
        if a != b:
            self.parent[b] = a
            self.sets[a].extend(self.sets.pop(b))

    def _compatible(self, left: list[int], right: list[int]) -> bool:
        claims = self.claims
        slips = []
        for i, j in self._conflicts(left, right):
            odd = self._slip(i, j)
            if odd is None:
                return False  # one article, two values: two facts
            slips.append(odd)
        if not _labels_compatible(claims, left, right):
            return False
        self.slips.update(slips)
        return True

    def _conflicts(self, left: list[int], right: list[int]) -> list[tuple[int, int]]:
        """Pairs of claims, one on each side, where one article gives two values."""
        claims = self.claims
        by_document: dict[str, list[int]] = defaultdict(list)
        for i in left:
            by_document[claims[i].document].append(i)
        return [
            (i, j)
            for j in right
            for i in by_document.get(claims[j].document, ())
            if claims[i].value.key != claims[j].value.key
            and i not in self.slips
            and j not in self.slips
        ]

    def _slip(self, i: int, j: int) -> int | None:
        """The claim of the two that is a slip of its article, None when they are two facts.

        Two near values of one article are one fact misstated when another article has a
        claim alike each of them, in two sentences, with one value: that article tells both
        passages and gives the fact once; the value it does not give is the slip.
        """
        claims = self.claims
        a, b = claims[i], claims[j]
        if not are_near(a, b):
            return None
        for x in sorted(self.partners.get(i, ())):
            for y in sorted(self.partners.get(j, ())):
                p, q = claims[x], claims[y]
                if (
                    x != y
                    and p.document == q.document != a.document
                    and p.value.key == q.value.key
                    and p.claim.evidence.sentence_start != q.claim.evidence.sentence_start
                    and p.value.key in (a.value.key, b.value.key)
                ):
                    return i if a.value.key != p.value.key else j
        return None

    def relabelled(self) -> list[NormalisedClaim]:
        claims = list(self.claims)
        for members in self.sets.values():
            if len({claims[i].document for i in members}) < 2:
                continue
            subject, attribute, policy = _label(claims, members)
            for i in members:
                claim = claims[i]
                slip = i in self.slips
                if claim.subject != subject or claim.attribute != attribute or slip:
                    update = {"subject": subject, "attribute": attribute, "policy": policy}
                    claims[i] = claim.model_copy(
                        update={**update, "slip": True} if slip else update
                    )
        return claims


def _by_label(claims: list[NormalisedClaim], members: list[int]) -> dict[tuple, list[int]]:
    found: dict[tuple, list[int]] = defaultdict(list)
    for i in members:
        found[(claims[i].subject, claims[i].attribute, _block(claims[i]))].append(i)
    return found


def _labels_compatible(claims: list[NormalisedClaim], left: list[int], right: list[int]) -> bool:
    """Two events set apart ('the quake (2004)', 'the quake') never merge."""
    both = (*left, *right)
    if not any(_is_event_apart(claims[i]) for i in both):
        return True
    return len({claims[i].subject for i in both if claims[i].claim.subject_type == "event"}) == 1


def _is_event_apart(claim: NormalisedClaim) -> bool:
    return claim.claim.subject_type == "event" and claim.subject.endswith(")")


def _label(claims: list[NormalisedClaim], members: list[int]) -> tuple[str, str, str]:
    """The label most of a set's claims have (the first in order on a tie), with its policy.

    A subject its own sentence names counts before one guessed from the document's focus:
    on a tie, 'Orozco was arrested five buildings away' names who, 'The defendant was
    arrested ...' (given the article's focus) does not.
    """
    counts = Counter((claims[i].subject, claims[i].attribute) for i in members)
    named = Counter(
        (claims[i].subject, claims[i].attribute) for i in members if claims[i].named_subject
    )
    (subject, attribute), _ = min(
        counts.items(), key=lambda item: (-item[1], -named[item[0]], item[0])
    )
    policy = next(
        claims[i].policy
        for i in sorted(members)
        if (claims[i].subject, claims[i].attribute) == (subject, attribute)
    )
    return subject, attribute, policy


def different_parties_of(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """Values of different parties, or counted over different periods: two facts."""
    return different_parties(
        a.parties,
        b.parties,
        a.named_subject,
        b.named_subject,
        acting(a.actor, a.subject),
        acting(b.actor, b.subject),
    ) or different_periods(a.period, b.period)


def _different_frames(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """Whether two claims are keyed by two different frames of the lexicon (killed, injured)."""
    x, y = _frame(a), _frame(b)
    return bool((x or y) and x != y)


def _frame(claim: NormalisedClaim) -> str:
    """The frame an open claim was keyed by ('killed'), '' when a verb or its shape keyed it."""
    return (claim.claim.policy or "").partition(":")[2]


def _different_nouns(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """Whether two counts count different nouns ('rifles', 'magazines')."""
    x, y = a.claim.counted, b.claim.counted
    return bool(x and y and x != y)


def _different_moves(a: NormalisedClaim, b: NormalisedClaim) -> bool:
    """Whether two percentages are keyed by different verbs or frames (rose, fell, closed).

    A percentage is a change or a share its verb names: the words around it are alike for
    a rise and a fall, so only one key (a frame gathers synonyms) makes them one fact.
    """
    if a.claim.kind != "percent" or b.claim.kind != "percent":
        return False
    return a.attribute.split()[:1] != b.attribute.split()[:1]
