"""Game time: when in a game a play came (its period, the part of it, the game clock).

A game report dates its plays by the game, not by the clock on the wall: 'late in the fourth
quarter', 'with 10:03 to play in the third quarter' (a clock of time left in a period, not a
time of day), 'a second-quarter score', 'on the first play of the second half'. Each play a
clause names (rules: `open.game_time.plays`) gets a claim of kind `game_time` for every
person the clause names (Quinn's interception, Davis's), keyed '<play> game time'; the play
that tied the game is one play whoever made it ('tying field goal'). Two outlets that put one
play in periods that do not overlap, early and late in one period, or at game clocks far
apart disagree (`conflict`).
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from checker.claims import Claim, Evidence
from checker.documents import Sentence
from checker.prefilter import LiteralIndex, required_literals
from checker.rulebook import GameTime, Rulebook, alternation
from checker.values import Value

if TYPE_CHECKING:
    from checker.mentions import Mentions
    from checker.normalise import NormalisedClaim

RULE_ID = "sport.game-time"  # a play is one fact whoever the sentence names beside it
ATTRIBUTE = "game time"
_CLAUSES = regex.compile(
    r";|,\s+(?:and|but|while|as)\s+|\s+but\s+|\s+and\s+(?=(?:they|he|she|it|the|then)\b)", regex.I
)
_CLOCK = regex.compile(r"(\d{1,2}):([0-5]\d)")


@dataclass(frozen=True)
class When:
    """A time in a game: the quarters it spans, the part of the period, the clock left."""

    first: int
    last: int
    phase: int | None  # index into the phases (game order)
    clock: int | None  # seconds left in the period


@dataclass(frozen=True)
class _Reader:
    rules: GameTime
    ordinals: dict[str, int]
    period: regex.Pattern
    attributive: regex.Pattern
    bare: regex.Pattern  # a period as a label reads it back ('second quarter')
    plays: tuple[tuple[str, bool, regex.Pattern], ...]
    tie: regex.Pattern
    times: LiteralIndex  # the literals `period` or `attributive` needs: no time without them

    def may_tell_time(self, text: str) -> bool:
        """False only when neither `period` nor `attributive` can match in `text`.

        A clause is a part of its sentence: a sentence without the literals has no clause
        with a time, so no claim (a play takes the time of its clause or the one before).
        """
        return bool(self.times.possible(text))


@functools.lru_cache(maxsize=8)
def _reader_for(rulebook: Rulebook) -> _Reader | None:
    rules = rulebook.open.game_time
    if rules is None or not rules.periods or not rules.plays:
        return None
    ordinals = {k.lower(): v for k, v in rulebook.vocabulary.ordinal_words.items() if v <= 4}
    ords, units = alternation(ordinals), alternation(rules.periods)
    phases = alternation(w for p in rules.phases for w in p.words)
    clock_words = alternation(rules.clock_words) if rules.clock_words else r"(?!x)x"
    named = rf"the\s+(?P<ord>{ords})[\s-]+(?P<unit>{units})\b(?!-)"
    period = (
        rf"(?:(?:\bwith\s+)?(?P<clock>\d{{1,2}}:[0-5]\d)\s+(?:minutes?\s+)?(?:{clock_words})\s+"
        rf"(?:in|of)\s+|\bat\s+the\s+(?P<clock>\d{{1,2}}:[0-5]\d)\s+mark\s+(?:in|of)\s+"
        rf"|(?<![\w-])(?P<phase>{phases})\s+|\b(?:in|during)\s+){named}"
    )
    plays = tuple(
        (
            p.name,
            p.by_person,
            regex.compile(rf"(?<![\w-])(?:{alternation(p.words)})(?![\w-])", regex.I),
        )
        for p in rules.plays
    )
    play_words = alternation(w for p in rules.plays for w in p.words)
    attributive = (
        rf"(?<![\w-])(?P<ord>{ords})[\s-](?P<unit>{units})(?=\s+(?:{play_words})(?![\w-]))"
    )
    tie = rf"(?<![\w-])(?:{alternation(rules.tie_words)})(?![\w-])" if rules.tie_words else "(?!x)x"
    period_pattern = regex.compile(period, regex.I)
    attributive_pattern = regex.compile(attributive, regex.I)
    times = [required_literals(p.pattern, p.flags) for p in (period_pattern, attributive_pattern)]
    return _Reader(
        rules=rules,
        ordinals=ordinals,
        period=period_pattern,
        attributive=attributive_pattern,
        bare=regex.compile(rf"(?<![\w-])(?P<ord>{ords})[\s-](?P<unit>{units})\b", regex.I),
        plays=plays,
        tie=regex.compile(tie, regex.I),
        times=LiteralIndex(times),
    )


def read_when(text: str, rulebook: Rulebook) -> When | None:
    """The game time a phrase writes ('late in the fourth quarter'), None when it writes none."""
    reader = _reader_for(rulebook)
    if reader is None:
        return None
    match = reader.period.search(text) or reader.bare.search(text)
    return _when(match, reader) if match else None


def _when(match: regex.Match, reader: _Reader) -> When:
    groups = match.groupdict()
    size = _lookup(reader.rules.periods, groups["unit"])
    number = reader.ordinals[groups["ord"].lower()]
    first, last = (number - 1) * size + 1, number * size
    phase = _phase(groups.get("phase"), reader.rules)
    if size > 1 and phase == 0:  # early in a half: its first quarter
        last = first
    elif size > 1 and phase == len(reader.rules.phases) - 1:
        first = last
    clock = None
    if groups.get("clock") and (found := _CLOCK.fullmatch(groups["clock"])):
        clock = int(found.group(1)) * 60 + int(found.group(2))
    return When(first, last, phase, clock)


def _lookup(mapping: dict[str, int], word: str) -> int:
    lowered = word.lower()
    return next(v for k, v in mapping.items() if k.lower() == lowered)


def _phase(words: str | None, rules: GameTime) -> int | None:
    if not words:
        return None
    lowered = " ".join(words.lower().split())
    for index, phase in enumerate(rules.phases):
        if lowered in (w.lower() for w in phase.words):
            return index
    return None


def game_value(text: str, rulebook: Rulebook) -> Value | None:
    """The value of a game_time claim: its quarters as low-high, its clock as point."""
    when = read_when(text, rulebook)
    if when is None:
        return None
    phase = "" if when.phase is None else str(when.phase)
    return Value(
        type="game_time",
        label=text,
        low=when.first,
        high=when.last,
        point=when.clock,
        unit=phase,
    )


def conflict(a: Value, b: Value, rulebook: Rulebook) -> str | None:
    """Why two game times of one play cannot both be right; None when they can."""
    rules = rulebook.open.game_time
    if rules is None or a.low is None or b.low is None or a.high is None or b.high is None:
        return None
    if a.high < b.low or b.high < a.low:
        return "the periods do not overlap"
    one_quarter = a.low == a.high == b.low == b.high
    if not one_quarter:
        return None
    if a.point is not None and b.point is not None:
        if abs(a.point - b.point) > rules.clock_tolerance_seconds:
            return "the game clocks are far apart"
        return None
    if a.unit and b.unit and {int(a.unit), int(b.unit)} == {0, len(rules.phases) - 1}:
        return "early and late in one period"
    return None


def game_time_claims(
    mentions: Mentions, sentences: list[Sentence], rulebook: Rulebook
) -> list[Claim]:
    """The game_time claims of a document: a claim per play, person and time its clauses tell.

    A document that tells one play at two times that cannot both be right tells two plays
    (a quarterback's two interceptions): those claims are left out.
    """
    reader = _reader_for(rulebook)
    if reader is None:
        return []
    claims = [
        claim
        for sentence in sentences
        if reader.may_tell_time(sentence.text) and not mentions.in_title_case(sentence)
        for claim in _sentence_claims(sentence, mentions, reader)
    ]
    return _one_time_per_play(claims, rulebook)


def _sentence_claims(sentence: Sentence, mentions: Mentions, reader: _Reader) -> list[Claim]:
    found, donor = [], None
    for start, end in _clauses(sentence.text):
        clause = sentence.text[start:end]
        times = _times(clause, reader)
        plays = [(name, by_person) for name, by_person, p in reader.plays if p.search(clause)]
        tie = reader.tie.search(clause)
        if not plays and not tie:
            donor = (start, times[0]) if len(times) == 1 else None
            continue
        if len(times) == 1:
            at = (start, times[0])
        elif not times and donor is not None:
            at = donor
        else:
            donor = None
            continue
        donor = None
        found += _claims(sentence, mentions, reader, (start, end), plays, bool(tie), at)
    return found


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for cut in _CLAUSES.finditer(text):
        spans.append((start, cut.start()))
        start = cut.end()
    spans.append((start, len(text)))
    return spans


def _times(clause: str, reader: _Reader) -> list[regex.Match]:
    found = list(reader.period.finditer(clause))
    taken = [(m.start(), m.end()) for m in found]
    for m in reader.attributive.finditer(clause):
        if not any(lo <= m.start() < hi for lo, hi in taken):
            found.append(m)
    return found


def _claims(
    sentence: Sentence,
    mentions: Mentions,
    reader: _Reader,
    clause: tuple[int, int],
    plays: list[tuple[str, bool]],
    tie: bool,
    at: tuple[int, regex.Match],
) -> list[Claim]:
    offset, match = at
    start, end = sentence.start + offset + match.start(), sentence.start + offset + match.end()
    value = regex.sub(r"^with\s+", "", match.group(0), flags=regex.I)
    evidence = Evidence(
        document=mentions.document.id,
        sentence=sentence.text,
        sentence_start=sentence.start,
        start=start,
        end=end,
        text=sentence.text[offset + match.start() : offset + match.end()],
        rule=RULE_ID,
        pattern="game-time",
    )
    claims = []
    if tie:
        noun = next((n for n, by_person in plays if not by_person), None) or reader.rules.tie_play
        claims.append(_claim(f"tying {noun}", "event", ATTRIBUTE, value, evidence))
    people = _people(sentence, mentions, clause)
    for name, by_person in plays:
        if not by_person:
            continue
        for person in people:
            claims.append(_claim(person, "person", f"{name} {ATTRIBUTE}", value, evidence))
    return claims


def _claim(subject: str, kind, attribute: str, value: str, evidence: Evidence) -> Claim:
    return Claim(
        kind="game_time",
        subject=subject,
        subject_type=kind,
        attribute=attribute,
        value=" ".join(value.split()),
        evidence=evidence,
    )


def _people(sentence: Sentence, mentions: Mentions, clause: tuple[int, int]) -> list[str]:
    """The people a clause names: known persons, and name-like words' bearers by surname."""
    low, high = sentence.start + clause[0], sentence.start + clause[1]
    found = [
        (position, name) for position, name in mentions.person_mentions if low <= position < high
    ]
    text = sentence.text[clause[0] : clause[1]]
    for name in _unknown_names(mentions):
        if (hit := regex.search(rf"\b{regex.escape(name.split()[-1])}\b", text)) is not None:
            found.append((low + hit.start(), name))
    names = [name for _, name in sorted(found) if not _placed(name, mentions)]
    return sorted(set(names), key=names.index)


def _placed(name: str, mentions: Mentions) -> bool:
    """A name with a place in it is a team's ('Indianapolis Colts'), not a player's."""
    return any(mentions.gazetteer.lookup(word) for word in name.split())


def _unknown_names(mentions: Mentions) -> list[str]:
    """Name-like words no rule named a person ('Jamaal Charles'), by a surname of their own."""
    known = set(mentions.persons.values())
    names = sorted({n for _, n in mentions.name_candidates} - known)
    surnames = Counter(n.split()[-1] for n in (*names, *known))
    return [
        n
        for n in names
        if surnames[n.split()[-1]] == 1
        and n not in mentions.explicit_orgs
        and mentions.is_person(n)
    ]


def _one_time_per_play(claims: list[Claim], rulebook: Rulebook) -> list[Claim]:
    by_key: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_key[(claim.subject, claim.attribute)].append(claim)
    two_plays = set()
    for key, group in by_key.items():
        values = [game_value(c.value, rulebook) for c in group]
        if any(
            a and b and conflict(a, b, rulebook)
            for i, a in enumerate(values)
            for b in values[i + 1 :]
        ):
            two_plays.add(key)
    return [c for c in claims if (c.subject, c.attribute) not in two_plays]


def under_one_play(claims: list[NormalisedClaim], rulebook: Rulebook) -> list[NormalisedClaim]:
    """Tying plays told without their kind under the one kind the other articles name.

    'They tied the game with 6:00 left' and 'Hale's tying field goal' are one play when the
    corpus names only one kind of tying play.
    """
    rules = rulebook.open.game_time
    if rules is None:
        return claims
    generic = f"tying {rules.tie_play}"
    named = Counter(
        c.subject
        for c in claims
        if c.claim.kind == "game_time" and c.subject.startswith("tying ") and c.subject != generic
    )
    if len(named) != 1:
        return claims
    (subject,) = named
    return [
        c.model_copy(update={"subject": subject})
        if c.claim.kind == "game_time" and c.subject == generic
        else c
        for c in claims
    ]
