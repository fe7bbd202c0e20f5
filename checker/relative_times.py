"""Relative days: 'the previous day', 'four days earlier', read from the date the text gave last.

An offset is reckoned from the event dated last before it, in its sentence or the ones
before ('killed on June 24, while investigating a shooting four days earlier' dates that
shooting 20 June). The offset becomes a date value that keeps the words the outlet wrote
('20 June 2005 (four days earlier)'). An offset with no date before it makes no claim.
The phrases, units and directions are data (rules/open.yaml, `day_offsets`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

import regex

from checker.dates import day, find_time_expressions, reference_date, resolve_text
from checker.lexicon import lexicon_for
from checker.rulebook import Rulebook, alternation
from checker.value_mentions import ValueMention
from checker.values import parse_number

EARLIER, LATER = "day-earlier", "day-later"  # the shapes of the mentions made here
RECKONED = regex.compile(r"\([^()]+\)$")  # the offset as written, closing a value made here
_CLAUSE_END = r"(?=\s*(?:[.,;:!?)\u2014]|$))"


@functools.lru_cache(maxsize=8)
def offset_pattern(rulebook: Rulebook) -> regex.Pattern | None:
    """One pattern for every offset phrase of the rulebook, counted ('four days later') or not."""
    offsets = rulebook.open.day_offsets
    if not offsets.phrases and not offsets.units:
        return None
    closing = set(offsets.closing)
    fixed = [p for p in offsets.phrases if p not in closing]
    fixed_closing = [p for p in offsets.phrases if p in closing]
    numbers = [*lexicon_for(rulebook).vocabulary.number_words, r"\d{1,3}"]
    units = alternation(list(offsets.units))
    open_dirs = [d for d in offsets.directions if d not in closing]
    closing_dirs = [d for d in offsets.directions if d in closing]
    count = rf"(?P<count>{'|'.join(_escaped(numbers))})\s+(?P<unit>{units})\s+"
    parts = []
    if fixed:
        parts.append(rf"(?P<phrase>{alternation(fixed)})(?![\w'\u2019])")
    if fixed_closing:
        parts.append(rf"(?P<phrase_end>{alternation(fixed_closing)}){_CLAUSE_END}")
    if units and open_dirs:
        parts.append(rf"{count}(?P<dir>{alternation(open_dirs)})\b")
    if units and closing_dirs:
        parts.append(
            rf"(?P<count2>{'|'.join(_escaped(numbers))})\s+(?P<unit2>{units})\s+"
            rf"(?P<dir2>{alternation(closing_dirs)}){_CLAUSE_END}"
        )
    return regex.compile(rf"(?i)\b(?:{'|'.join(parts)})", regex.V0)


def _escaped(words) -> list[str]:
    escaped = [w if w.startswith("\\") else regex.escape(w).replace(r"\ ", r"\s+") for w in words]
    return sorted(escaped, key=len, reverse=True)


def offset_days(match: regex.Match, rulebook: Rulebook) -> int | None:
    """The days an offset phrase moves: -1 for 'the previous day', 28 for 'four weeks later'."""
    offsets = rulebook.open.day_offsets
    phrase = match.group("phrase") or match.group("phrase_end")
    if phrase:
        return offsets.phrases.get(" ".join(phrase.lower().split()))
    count_text = match.group("count") or match.group("count2")
    unit = (match.group("unit") or match.group("unit2")).lower()
    direction = (match.group("dir") or match.group("dir2")).lower()
    count = parse_number(count_text, lexicon_for(rulebook))
    if count is None or not count[0].is_integer():
        return None
    return int(count[0]) * offsets.units[unit] * offsets.directions[direction]


def _stated_day(
    match: regex.Match, text: str, published: dt.date | None, year: str | None
) -> dt.date | None:
    """The day a stated time expression names; None for a month, a year or a stretch."""
    written = match.group(0)
    groups = match.groupdict()
    if not (groups["d1"] or groups["d2"] or groups["weekday"] or groups["day"]):
        return None
    if year and (groups["d1"] or groups["d2"]) and not regex.search(r"\d{4}", written):
        span = resolve_text(f"{groups['d1'] or groups['d2']} {year}", None, "past")
    else:
        span = resolve_text(written, reference_date(text, match.start(), written, published))
    if span is None or span.precision != "day" or span.start != span.end:
        return None
    return span.start


def stated_anchor(
    text: str,
    published: dt.date | None,
    year: str | None,
    anchor: dt.date | None,
    before: int | None = None,
    skip: tuple[tuple[int, int], ...] = (),
) -> dt.date | None:
    """The day the last time expression of `text` (up to `before`) names, else `anchor`.

    The last one stated counts, however precise: after 'an April 2007 shooting' no day is
    known, and a day reckoned from one (the spans in `skip`) is no statement. A year-less
    day is read in the year given last ('June 24' after 'in June 2005').
    """
    for match in find_time_expressions(text[:before] if before is not None else text):
        if not any(match.start() < high and low < match.end() for low, high in skip):
            anchor = _stated_day(match, text, published, year)
    return anchor


@dataclass
class Anchor:
    """The day the sentences read so far stated last, worked out only when an offset asks.

    Most articles hold no offset: their sentences are kept as they come, and read for dates
    only when a sentence has an offset to reckon from them.
    """

    published: dt.date | None
    day: dt.date | None = None
    pending: list[tuple[str, str | None]] = field(default_factory=list)

    def current(self) -> dt.date | None:
        """The day stated last in the sentences told so far (None: none, or no day)."""
        for text, year in self.pending:
            self.day = stated_anchor(text, self.published, year, self.day)
        self.pending.clear()
        return self.day


def with_day_offsets(
    text: str,
    mentions: list[ValueMention],
    rulebook: Rulebook,
    anchor: Anchor,
    year: str | None,
) -> list[ValueMention]:
    """The sentence's mentions with its day offsets as dates; `anchor` then counts the sentence.

    An offset replaces a value it overlaps ('four days' in 'four days earlier' is no
    duration); `anchor` holds the day the sentences before stated last.
    """
    pattern = offset_pattern(rulebook)
    found = list(pattern.finditer(text)) if pattern is not None else []
    if not found:
        anchor.pending.append((text, year))
        return mentions
    spans = tuple((m.start(), m.end()) for m in found)
    before, published = anchor.current(), anchor.published
    extra = []
    for match in found:
        days = offset_days(match, rulebook)
        start = stated_anchor(text, published, year, before, match.start(), spans)
        if days is None or start is None:
            continue  # no day stated before: the offset makes no claim
        reckoned = start + dt.timedelta(days=days)
        value = f"{day(reckoned).label()} ({' '.join(match.group(0).split())})"
        shape = EARLIER if days < 0 else LATER
        extra.append(ValueMention("date", shape, match.start(), match.end(), value))
    anchor.day = stated_anchor(text, published, year, before, skip=spans)
    if not extra:
        return mentions
    kept = [m for m in mentions if not any(m.start < e.end and e.start < m.end for e in extra)]
    return sorted([*kept, *extra], key=lambda m: m.start)
