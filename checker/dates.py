"""Time expressions: find them in a sentence and resolve them against a publication date.

A cheap regex finds candidates; common shapes ("9 February", "in January", "last October",
"2019", "Friday") are resolved here, and only odd ones reach dateparser, cached.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict

from checker.patterns import compiled

Precision = Literal["day", "month", "year"]
Prefer = Literal["past", "future"]

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_NAMES = tuple(calendar.month_name)  # calendar.month_name calls strftime each time

_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[6-9]\d{2}|20\d{2})"
TIME_EXPRESSION = regex.compile(
    rf"""\b(?:
      (?P<weekday>{_WD})(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+(?P<d1>{_D}\s+{_M}(?:,?\s+{_Y})?|{_M}\s+{_D}(?:,?\s+{_Y})?))?
    | (?P<d2>{_D}\s+{_M}(?:,?\s+{_Y})?|{_M}\s+{_D}(?:st|nd|rd|th)?(?:,?\s+{_Y})?)
    | (?P<rel>(?:last|this|next|early|late|mid|mid-|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)\s*)?(?P<month>{_M})(?:\s+(?P<my>{_Y}))?(?!\s*\d)
    | (?P<endof>(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?)(?P<ey>{_Y}|year)
    | (?:in|since|during|by|from|until|of)\s+(?P<year>{_Y})
    | the\s+(?P<year>{_Y})(?=\s+(?-i:\p{{Lu}}))
    | (?P<relyear>last|this|next)\s+year
    | (?P<relunit>last|this|next)\s+(?P<unit>week|month)
    | (?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s+(?P<agounit>days?|weeks?|months?|years?)\s+(?P<ago>ago|earlier)
    | (?P<day>yesterday|today|tomorrow)
    )\b""",
    regex.X | regex.I,
)


_FULL_DATE = regex.compile(rf"\b(?:{_D}\s+{_M},?\s+{_Y}|{_M}\s+{_D},?\s+{_Y})\b", regex.I)
_HAS_YEAR = regex.compile(rf"\b{_Y}\b")


_CLAUSE_BREAK = regex.compile(r"[,;:()\u2014]")


def reference_date(
    sentence: str, position: int, value: str, published: dt.date | None
) -> dt.date | None:
    """The date a value without a year at `position` of `sentence` is read against.

    A full date in the same clause ('killed June 24, 2005 while investigating a June 20
    shooting') gives the year; the nearest one wins. Else the publication date: 'fired
    March 2 as coach, ..., since King took over on May 26, 2003' is this year's March 2.
    """
    if _HAS_YEAR.search(value):
        return published
    end = position + len(value)
    dates = [
        m
        for m in _FULL_DATE.finditer(sentence)
        if not m.start() <= position < m.end()
        and not _CLAUSE_BREAK.search(sentence[min(m.end(), end) : max(m.start(), position)])
    ]
    if not dates:
        return published
    nearest = min(dates, key=lambda m: (abs(m.start() - position), m.start()))
    span = _day_month(nearest.group(0), None, "past")
    return span.start if span else published


class DateSpan(BaseModel):
    """A stretch of calendar time, as precise as the text allowed."""

    model_config = ConfigDict(frozen=True)

    start: dt.date
    end: dt.date
    precision: Precision
    text: str | None = None

    def overlaps(self, other: DateSpan) -> bool:
        """True when the two spans share at least a day."""
        return self.start <= other.end and other.start <= self.end

    def label(self) -> str:
        """Human-readable form: 8 August 2024, January 2023, 2019."""
        if self.precision == "day":
            return f"{self.start.day} {_MONTH_NAMES[self.start.month]} {self.start.year}"
        if self.precision == "month":
            return f"{_MONTH_NAMES[self.start.month]} {self.start.year}"
        if self.text:
            return self.text
        if self.start.month == 1 and self.end.month == 12:
            return str(self.start.year)
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


def day(date: dt.date) -> DateSpan:
    """The span of a single day."""
    return DateSpan(start=date, end=date, precision="day")


def find_time_expressions(text: str) -> list[regex.Match]:
    """Every time expression in `text`, left to right."""
    return list(_time_expressions(text))


@functools.lru_cache(maxsize=1024)
def _time_expressions(text: str) -> tuple[regex.Match, ...]:
    return tuple(TIME_EXPRESSION.finditer(text))


def resolve(
    match: regex.Match, published: dt.date | None, prefer: Prefer = "past"
) -> DateSpan | None:
    """Resolve a TIME_EXPRESSION match against the publication date."""
    return resolve_text(match.group(0), published, prefer)


@functools.lru_cache(maxsize=16384)
def resolve_text(text: str, published: dt.date | None, prefer: Prefer = "past") -> DateSpan | None:
    """Resolve one time expression ("9 February", "last October", "Friday") to a DateSpan."""
    match = TIME_EXPRESSION.fullmatch(text.strip())
    if not match:
        match = TIME_EXPRESSION.search(text)
    if not match:
        return _dateparser_fallback(text, published, prefer)
    groups = match.groupdict()
    date_text = groups["d1"] or groups["d2"]
    if date_text:
        return _day_month(date_text, published, prefer)
    if groups["weekday"]:
        return _weekday(groups["weekday"], published, prefer)
    if groups["month"]:
        return _month(
            groups["month"], groups["my"], (groups["rel"] or "").strip().lower(), published, prefer
        )
    if groups["ey"]:
        year = (
            published.year if groups["ey"].lower() == "year" and published else _int(groups["ey"])
        )
        return _part_of_year(groups["endof"].lower(), year) if year else None
    if groups["year"]:
        return _year(int(groups["year"]))
    if groups["relyear"] and published:
        offset = {"last": -1, "this": 0, "next": 1}[groups["relyear"].lower()]
        return _year(published.year + offset)
    if groups["relunit"] and published:
        return _relative_unit(groups["relunit"].lower(), groups["unit"].lower(), published)
    if groups["agounit"] and published:
        return _ago(groups["count"].lower(), groups["agounit"].lower().rstrip("s"), published)
    if groups["day"] and published:
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[groups["day"].lower()]
        return day(published + dt.timedelta(days=offset))
    return None


_SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a few": 3,
    "several": 3,
}


def _relative_unit(rel: str, unit: str, published: dt.date) -> DateSpan:
    offset = {"last": -1, "this": 0, "next": 1}[rel]
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        return DateSpan(start=monday, end=monday + dt.timedelta(days=6), precision="day")
    month_index = published.year * 12 + published.month - 1 + offset
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return DateSpan(
        start=dt.date(year, month + 1, 1), end=dt.date(year, month + 1, last), precision="month"
    )


def _ago(count_text: str, unit: str, published: dt.date) -> DateSpan:
    count = (
        int(count_text)
        if count_text.isdigit()
        else _SMALL_NUMBERS.get(regex.sub(r"\s+", " ", count_text), 1)
    )
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
    point = published - dt.timedelta(days=days)
    if unit in ("day", "week"):
        return day(point)
    return DateSpan(
        start=point - dt.timedelta(days=15), end=point + dt.timedelta(days=15), precision="month"
    )


def weekday_of(text: str) -> int | None:
    """Index (Monday = 0) of the weekday named in `text`, if any."""
    lowered = text.lower()
    return next((i for i, name in enumerate(WEEKDAYS) if name in lowered), None)


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def _year(year: int) -> DateSpan:
    return DateSpan(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), precision="year")


def _part_of_year(part: str, year: int) -> DateSpan:
    part = compiled(r"^the\s+|\s+of(?:\s+the)?$").sub("", part.strip().lower())
    months = {"end": (10, 12), "middle": (5, 8)}.get(part, (1, 3))
    last = calendar.monthrange(year, months[1])[1]
    return DateSpan(
        start=dt.date(year, months[0], 1),
        end=dt.date(year, months[1], last),
        precision="year",
        text=f"{part} of {year}",
    )


def _day_month(text: str, published: dt.date | None, prefer: Prefer) -> DateSpan | None:
    parts = compiled(r"[A-Za-z]+|\d+").findall(text)
    month = next((_MONTHS[p.lower()] for p in parts if p.lower() in _MONTHS), None)
    numbers = [int(p) for p in parts if p.isdigit()]
    day_number = next((n for n in numbers if n <= 31), None)
    year = next((n for n in numbers if n > 31), None)
    if not month or not day_number:
        return None
    if year is None:
        if published is None:
            return None
        year = _nearest_year(month, day_number, published, prefer)
    try:
        return day(dt.date(year, month, day_number))
    except ValueError:
        return None


def _nearest_year(month: int, day_number: int, published: dt.date, prefer: Prefer) -> int:
    year = published.year
    try:
        candidate = dt.date(year, month, min(day_number, 28))
    except ValueError:
        return year
    if prefer == "past" and candidate > published + dt.timedelta(days=31):
        return year - 1
    if prefer == "future" and candidate < published - dt.timedelta(days=31):
        return year + 1
    return year


def _weekday(name: str, published: dt.date | None, prefer: Prefer) -> DateSpan | None:
    if published is None:
        return None
    target = WEEKDAYS.index(name.lower())
    delta = (published.weekday() - target) % 7
    if prefer == "future":
        return day(published + dt.timedelta(days=(target - published.weekday()) % 7))
    return day(published - dt.timedelta(days=delta))


def _month(
    name: str, year_text: str | None, rel: str, published: dt.date | None, prefer: Prefer
) -> DateSpan | None:
    month = _MONTHS.get(name.lower().rstrip("."))
    if month is None:
        return None
    year = _int(year_text)
    if year is None:
        if published is None:
            return None
        year = published.year
        if rel == "last" or (prefer == "past" and rel != "next" and month > published.month):
            year -= 1
        elif rel == "next" or (prefer == "future" and month < published.month):
            year += 1
    last_day = calendar.monthrange(year, month)[1]
    return DateSpan(
        start=dt.date(year, month, 1), end=dt.date(year, month, last_day), precision="month"
    )


@functools.lru_cache(maxsize=4096)
def _dateparser_fallback(text: str, published: dt.date | None, prefer: Prefer) -> DateSpan | None:
    import dateparser  # slow to import and to call: only for shapes the regex does not know

    settings = {"PREFER_DATES_FROM": prefer, "STRICT_PARSING": False}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return day(parsed.date()) if parsed else None
