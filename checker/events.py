"""Events apart: the event a sentence reports is the story's, unless the sentence sets it apart.

A sentence that dates what it tells well before the article ("in December 2003", "last
year") or names an earlier event ("the previous quake", "last year's attack") is about
another event: its tolls and magnitudes are not compared with the story's.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter

import regex

from checker.dates import WEEKDAYS, find_time_expressions, resolve_text, weekday_of

EARLIER_EVENT_DAYS = 45  # an event dated this long before publication is another event


def time_apart(text: str, published: dt.date | None, main_year: int | None) -> str | None:
    """The time that places a sentence well before the story ('December 2003'), if any."""
    for match in find_time_expressions(text):
        span = resolve_text(match.group(0), published, "past")
        if span is None and published is None and _is_past_stretch(match):
            return " ".join(match.group(0).split())  # an undated story's 'in September'
        if span is None:
            continue
        if published is not None:
            if (published - span.end).days > EARLIER_EVENT_DAYS:
                return span.label()
        elif span.precision != "day" and main_year is not None and span.end.year < main_year:
            return span.label()
    return None


def _is_past_stretch(match) -> bool:
    """A month or a year before an undated story ('in September', 'last year'): an earlier event.

    A story reports its own event by the day ('on Sunday'); a bare month is another one's.
    """
    groups = match.groupdict()
    month_only = groups.get("month") and not groups.get("rel")
    return bool(month_only or (groups.get("relyear") or "").lower() == "last")


def earlier_event(text: str, earlier: regex.Pattern | None) -> bool:
    """Whether the sentence names an earlier event ('the previous quake', 'last year's attack')."""
    return bool(earlier is not None and earlier.search(text))


def earlier_pattern(words: list[str], event_noun: regex.Pattern) -> regex.Pattern | None:
    """'previous|earlier|...' followed (within two words) by an event noun."""
    return _earlier_pattern(tuple(words), event_noun)


@functools.lru_cache(maxsize=8)
def _earlier_pattern(words: tuple[str, ...], event_noun: regex.Pattern) -> regex.Pattern | None:
    if not words:
        return None
    cues = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])
    return regex.compile(
        rf"(?i)\b(?:{cues})\s+(?:[\w-]+\s+){{0,2}}?(?:{event_noun.pattern})", regex.V0
    )


_IN_PLACE = regex.compile(
    r"\b(?:in|across|near|off)\s+(?:the\s+)?(?:(?i:north|south|east|west|central)\w*\s+)?"
    r"(?P<place>\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)"
)


_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?")


def place_counts(sentences, gazetteer) -> Counter[str]:
    """How often a document names each place the gazetteer knows."""
    places: Counter[str] = Counter()
    for sentence in sentences:
        for match in _CAPITALISED.finditer(sentence.text):
            if (place := gazetteer.lookup(match.group(0))) is not None:
                places[place] += 1
    return places


def places_at(text: str, gazetteer) -> list[tuple[int, str]]:
    """The places of the gazetteer a sentence names, with their offsets."""
    found = ((m.start(), gazetteer.lookup(m.group(0))) for m in _CAPITALISED.finditer(text))
    return [(offset, place) for offset, place in found if place]


def main_place(places: Counter[str], gazetteer) -> str | None:
    """The place a document is about: named at least twice, more than any other but its own.

    Places it lies within do not count against it (Athens, not Greece, when both are named
    as often).
    """
    top = max(places.values(), default=0)
    leaders = sorted(place for place, count in places.items() if count == top)
    if top < 2:
        return None
    inner = [p for p in leaders if all(gazetteer.related(p, q) for q in leaders)]
    innermost = [p for p in inner if not any(p in gazetteer.ancestors(q) for q in inner)]
    return innermost[0] if len(innermost) == 1 else None


def places_named(text: str, gazetteer) -> frozenset[str]:
    """The places of the gazetteer a sentence names."""
    return _places_named(text, gazetteer)


@functools.lru_cache(maxsize=4096)
def _places_named(text: str, gazetteer) -> frozenset[str]:
    found = (gazetteer.lookup(m.group(0)) for m in _CAPITALISED.finditer(text))
    return frozenset(place for place in found if place)


def place_apart(text: str, places: Counter[str], gazetteer) -> str | None:
    """A place that sets a sentence's event apart ('a quake in eastern China').

    The document must be about one place (named at least twice, more than any other), and
    the sentence must name another, unrelated place the document names nowhere else, and
    not the main one.
    """
    main = main_place(places, gazetteer)
    if main is None:
        return None
    named = {gazetteer.lookup(m.group(0)) for m in _CAPITALISED.finditer(text)}
    if any(p and gazetteer.related(p, main) for p in named):
        return None
    for match in _IN_PLACE.finditer(text):
        place = gazetteer.lookup(match.group("place"))
        if place is not None and places[place] <= 1 and not gazetteer.related(place, main):
            return place
    return None


def main_year(sentences_text: list[str], published: dt.date | None) -> int | None:
    """The year a document is about: its publication year, else the year it names most."""
    if published is not None:
        return published.year
    years: Counter[int] = Counter()
    for text in sentences_text:
        for match in find_time_expressions(text):
            span = resolve_text(match.group(0), None, "past")
            if span is not None:
                years[span.start.year] += 1
    if not years:
        return None
    return max(sorted(years), key=lambda y: years[y])


def event_weekday(text: str, event_noun: regex.Pattern) -> int | None:
    """The weekday an article names its event by ('Monday's earthquake', 'the Sunday quake').

    An article whose event is 'Monday's earthquake' reports Monday's quake, whatever day
    its sentences leave unsaid.
    """
    match = _named_by_day(event_noun).search(text)
    return weekday_of(match.group("day")) if match else None


@functools.lru_cache(maxsize=8)
def _named_by_day(event_noun: regex.Pattern) -> regex.Pattern:
    days = "|".join(WEEKDAYS)
    return regex.compile(
        rf"(?i)\b(?P<day>{days})(?:['\u2019]s)?\s+(?:{event_noun.pattern})", regex.V0
    )


_WEEKDAY = regex.compile(rf"(?i)\b(?:{'|'.join(WEEKDAYS)})\b")


_STATED_ON = regex.compile(
    r"(?i)\b(?:said|says|told|published|reported|announced|confirmed|added)\b[^,.;]{0,40}$"
)


def weekdays_in(text: str) -> list[int]:
    """The different weekdays a sentence tells events on, in order.

    The day something was said or published ('findings published on Friday', 'police said
    on Wednesday') is not an event's.
    """
    found = [
        weekday_of(m.group(0))
        for m in _WEEKDAY.finditer(text)
        if not _STATED_ON.search(text[: m.start()])
    ]
    return list(dict.fromkeys(d for d in found if d is not None))


def different_days(a: int | None, b: int | None) -> bool:
    """Whether two event values are told of events on two different weekdays."""
    return a is not None and b is not None and a != b
