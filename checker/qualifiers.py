"""Qualifiers: what a sentence says around a value (hedge, tense, change, attribution, scope...).

Each function reads a value span of one sentence, so any extractor can qualify any value:

    qualifiers_for(mentions, sentence, value_start, value_end, kind, matched_text)

Offsets are into the sentence text. The rule-specific parts (a rule's fixed tense, its
`change: true`, a population group the pattern captured) are optional arguments.
"""

from __future__ import annotations

import functools

import regex

from checker.claims import Qualifiers
from checker.dates import find_time_expressions
from checker.documents import Sentence
from checker.lexicon import Lexicon
from checker.mentions import Mentions
from checker.parts import part_scope
from checker.patterns import compiled
from checker.scan import may_match

SCOPED_KINDS = frozenset({"money", "percent", "count"})
PART_KINDS = frozenset({"count", "quantity", "money"})  # a count can be a part of a whole
UNDATED_KINDS = frozenset({"date", "weekday", "year", "age"})
_CLAUSE_SEPARATOR = regex.compile(r"[,;:](?!\d)")
_CLAUSE_BREAK = regex.compile(r"[;:(\u2014]|\s[\u2013-]\s")
_SUBORDINATE_TIME = regex.compile(r"\b(?:since|after|before|when|until|while)\b[^,]*$", regex.I)
_CONTRAST_BEFORE_TIME = regex.compile(
    r"(?:up|down)\s+from\s+\S+(?:\s+\S+)?\s*$|(?:than|since|from)\s*$", regex.I
)
_INTERIM = regex.compile(r"\b(?:interim|acting)\b", regex.I)


def qualifiers_for(
    mentions: Mentions,
    sentence: Sentence | str,
    value_start: int,
    value_end: int,
    kind: str,
    matched_text: str | None = None,
    *,
    tense: str | None = None,
    change: bool = False,
    population: str | None = None,
    value: str | None = None,
) -> Qualifiers:
    """The qualifiers of the value at sentence[value_start:value_end].

    `kind` is the claim kind ('money', 'title'...). `matched_text` is the whole matched phrase
    (default: the value), read for change and interim markers. `tense` fixes the tense (a rule's
    `tense`; else it is read from the clause), `change` marks a change whatever the words
    (a rule's `change: true`), `population` is a group the value is about, and `value` is the
    value as the claim states it (default: the span's text), whose leading hedge is read.
    """
    text = sentence.text if isinstance(sentence, Sentence) else sentence
    lexicon = mentions.lexicon
    if value is None:
        value = text[value_start:value_end].strip()
    matched = text[value_start:value_end] if matched_text is None else matched_text
    hedge = lexicon.hedge(value)
    found_tense, markers = tense_of(lexicon, text, value_start, value_end, kind, tense)
    scope, whole = (None, False)
    if kind in SCOPED_KINDS:
        scope, whole = scope_of(mentions, text, value_start)
    if kind in PART_KINDS and scope is None:
        scope = part_scope(text, value_start, value_end)
    when = None
    if kind not in UNDATED_KINDS:
        when = nearest_time(text, value_start, value_end)
    if when and _dates_anothers_record(mentions, text, value_end, when):
        when = None
    return Qualifiers(
        hedge=hedge[0].lower() if hedge else None,
        tense=found_tense,
        markers=markers,
        change=change
        or (
            is_title_change(lexicon, text, value_start, matched)
            if kind == "title"
            else is_change(lexicon, text, value_start, matched)
        ),
        revision=bool(lexicon.revision.search(text)),
        interim=bool(_INTERIM.search(matched)),
        attribution=attribution(lexicon, text),
        disputed=lexicon.disputed(text, value_start, value_end),
        reference=lexicon.is_reference(text, value_start),
        generic=lexicon.is_generic(text),
        scope=scope,
        whole=whole,
        population=population,
        when=when,
        actor=described_actor(mentions, sentence),
    )


def described_actor(mentions: Mentions, sentence: Sentence | str) -> str | None:
    """The organisation a sentence that opens with an org descriptor is about.

    'The team made its offer, worth $160 million' is the offer of the organisation the
    article named last before the sentence. Only a `Sentence` knows where it stands.
    """
    if not isinstance(sentence, Sentence):
        return None
    if not mentions.lexicon.descriptor_opening.match(sentence.text):
        return None
    return mentions.org_before(sentence.start)


def tense_of(
    lexicon: Lexicon,
    text: str,
    value_start: int,
    value_end: int,
    kind: str,
    tense: str | None = None,
) -> tuple[str, tuple[str, ...]]:
    """The tense of a value and the marker words that gave it.

    A fixed `tense` wins; titles are current unless fixed; other values are future or past when
    a marker stands in their clause up to 80 characters before them ('will', 'previously').
    """
    if tense is None and kind == "title" and left_post(lexicon, text, value_start, value_end):
        return "past", ("from",)
    if tense is not None or kind == "title":
        return tense or "current", ()
    clause_start, _ = clause_bounds(text, value_start)
    window = text[max(clause_start, value_start - 80) : value_end]
    if (found := lexicon.future.search(window)) is not None:
        return "future", (found.group(0).lower(),)
    if (found := lexicon.past.search(window)) is not None:
        return "past", (found.group(0).lower(),)
    return "current", ()


def is_change(lexicon: Lexicon, text: str, value_start: int, matched_text: str) -> bool:
    """Whether the words before the value, or the matched phrase, mark a change ('became')."""
    before = clause_before(text, value_start)
    return bool(lexicon.change.search(before[-60:] + " " + matched_text))


def left_post(lexicon: Lexicon, text: str, value_start: int, value_end: int) -> bool:
    """Whether a title is the first of a 'from TITLE to TITLE' move: the post someone left."""
    return bool(
        lexicon.transition_from.search(text[max(0, value_start - 40) : value_start])
        and lexicon.transition_to_after.match(text[value_end : value_end + 120])
    )


def is_title_change(lexicon: Lexicon, text: str, value_start: int, matched_text: str) -> bool:
    """Whether a title is worded as a change.

    A change or title-change marker of the lexicon in the clause before the title or in the
    match ('who is stepping down to join a rival, the chief executive', 'was appointed interim
    chief executive'), or the title is the second post of 'from TITLE to TITLE'. (The words
    after the match are not read: 'Chief technology officer Mira Murati was named interim CEO'
    changes her title away from the one matched.)
    """
    if lexicon.transition_to.search(text[max(0, value_start - 120) : value_start]):
        return True
    before = clause_before(text, value_start)[-60:]
    return bool(lexicon.title_change.search(before + " " + matched_text))


def scope_of(mentions: Mentions, text: str, position: int) -> tuple[str | None, bool]:
    """A place or group the value is limited to ('in Turkey alone'), or 'whole' markers."""
    lexicon, gazetteer = mentions.lexicon, mentions.gazetteer
    if may_match(lexicon.part_scope, text):  # 'alone', 'only': most sentences hold neither
        for match in lexicon.part_scope.finditer(text):
            place = match.group("place")
            return gazetteer.lookup(place) or mentions.clean(place), False
    if (group := lexicon.subgroup.search(text)) is not None:
        return compiled(r"\s+").sub(" ", group.group("group").strip()), False
    if any(not _names_event(lexicon, text, m.end()) for m in lexicon.total_scope.finditer(text)):
        return None, True
    if (place := place_where(mentions, text, position)) is not None:
        return place, False
    start, end = clause_bounds(text, position)
    opening = next((m.start() for m in _CLAUSE_SEPARATOR.finditer(text)), -1)
    opening_has_figure = 0 < opening and compiled(r"\d").search(text[:opening])
    windows = [(start, end)] + (
        [(0, opening)] if 0 < opening < start and not opening_has_figure else []
    )
    places = [
        (abs(m.start() - position), canonical)
        for low, high in windows
        for m in lexicon.in_place.finditer(text, low, high)
        if (canonical := gazetteer.lookup(m.group("place")))
    ]
    return (min(places)[1], False) if places else (None, False)


def _names_event(lexicon, text: str, end: int) -> bool:
    """A marker that describes an event ('a nationwide strike'), not the value's scope."""
    return bool(lexicon.event_noun.match(text[end:].lstrip()))


WHERE_REACH = 60  # characters from 'where' to a value of its clause


def place_where(mentions: Mentions, text: str, position: int) -> str | None:
    """The place a 'where' clause holding the value is about ('Thessaloniki, where 20,000')."""
    found = None
    for match in mentions.lexicon.place_where.finditer(text, 0, position):
        between = text[match.end() : position]
        if len(between) <= WHERE_REACH and not _CLAUSE_BREAK.search(between):
            found = mentions.gazetteer.lookup(match.group("place"))
    return found


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The comma-, colon- or semicolon-delimited clause around `position` ('2,000' is one number)."""
    breaks = [m.start() for m in _CLAUSE_SEPARATOR.finditer(text)]
    start = max((b + 1 for b in breaks if b < position), default=0)
    end = min((b for b in breaks if b >= position), default=len(text))
    return start, end


def clause_before(text: str, position: int, limit: int = 80) -> str:
    """The words before `position` back to the last clause break (';', ':', '(', a dash)."""
    window = text[max(0, position - limit) : position]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _dates_anothers_record(mentions: Mentions, text: str, value_end: int, when: str) -> bool:
    """Whether the time after a value dates a record another holds, named in between.

    'with 4,051 yards, breaking Newton's record set a year ago': a year ago is the record's.
    """
    at = text.find(when, value_end)
    if at < 0:
        return False
    return bool(
        _held_record(tuple(mentions.rulebook.open.modifier_nouns)).search(text, value_end, at)
    )


@functools.lru_cache(maxsize=8)
def _held_record(nouns: tuple[str, ...]) -> regex.Pattern:
    if not nouns:
        return regex.compile(r"(?!x)x")
    words = "|".join(regex.escape(n) for n in nouns)
    return regex.compile(rf"\p{{Lu}}\p{{L}}+['\u2019]s?\s+(?:[\p{{L}}-]+\s+){{0,2}}?(?:{words})\b")


def nearest_time(text: str, start: int, end: int, limit: int = 80) -> str | None:
    """The time expression that dates a value: in its clause, or opening the sentence."""
    best: tuple[int, str] | None = None
    for match in find_time_expressions(text):
        lead = text[max(0, match.start() - 25) : match.start()]
        if _CONTRAST_BEFORE_TIME.search(lead) or _SUBORDINATE_TIME.search(lead):
            continue
        between = text[min(match.end(), end) : max(match.start(), start)]
        opens_sentence = match.start() <= 12 and "," in text[match.end() : match.end() + 3]
        if "," in between and not opens_sentence:
            continue
        distance = start - match.end() if match.end() <= start else max(0, match.start() - end)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, match.group(0))
    return best[1] if best else None


def attribution(lexicon: Lexicon, text: str) -> str | None:
    """Who the sentence attributes its claim to ('according to X'), or the marker ('said')."""
    match = lexicon.attribution.search(text)
    if not match:
        return None
    return (
        ("according to " + match.group("who").strip())
        if match.group("who")
        else match.group("marker").lower()
    )
