"""Metadata fields shared by every input type: their names, and reading dates and strings."""

from __future__ import annotations

import datetime as dt
import functools

import regex

from checker.bounded import LIMITS

# Canonical metadata fields and the names they go by in front matter, records and manifests.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "text": ("text",),
    "title": ("title",),
    "published": ("published", "date"),
    "outlet": ("outlet", "source"),
    "url": ("url", "canonical_url"),
}
METADATA_FIELDS = ("title", "published", "outlet", "url")
MILLISECOND_TIMESTAMPS = 10**11  # a Unix time above this is in milliseconds
MAX_DATE_CHARS = 100  # a longer text is not a date (and is not handed to dateparser)
_SURROGATE = regex.compile(r"[\ud800-\udfff]")

_LOOKS_LIKE_DATE = regex.compile(
    r"^\d{4}-\d{2}-\d{2}$|^(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?,?\s+\d{4}$",
    regex.I,
)


class BadValue(ValueError):
    """A metadata value that cannot be read (the message says why)."""


def first_present(record: dict, names: tuple[str, ...]) -> object:
    """The value of the first of `names` that `record` has and is not empty (None if none)."""
    for name in names:
        value = lookup(record, name)
        if value not in (None, ""):
            return value
    return None


def lookup(record: dict, name: str) -> object:
    """`record[name]`, where a dotted name ('meta.date') walks nested objects."""
    value: object = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def read_date(value: object) -> dt.date | None:
    """A publication date from YAML, JSON or CSV: a date, an ISO or written date, a Unix time.

    Raises BadValue when the value is there but is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise BadValue(f"{short(value)} is not a date")
    if isinstance(value, int | float):
        return _from_timestamp(value)
    if isinstance(value, str) and len(value) <= MAX_DATE_CHARS:
        parsed = _from_iso(value.strip()) or parse_date_text(value)
        if parsed is not None:
            return parsed
    raise BadValue(f"cannot read the date {short(value)}")


def read_text_field(value: object) -> str | None:
    """A title, outlet or url: a string (numbers are written out), else BadValue."""
    if value is None or value == "":
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = without_surrogates(str(value)).strip()
        if len(text) > LIMITS.max_field_chars:
            raise BadValue(f"longer than {LIMITS.max_field_chars} characters: not read")
        return text or None
    raise BadValue(f"expected a string, got {type(value).__name__}")


def without_surrogates(text: str) -> str:
    """Text with lone surrogates (a JSON escape such as "ud800" alone) as U+FFFD.

    They cannot be written as UTF-8; every other character is kept, so offsets do not move.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def short(value: object, limit: int = 60) -> str:
    """The repr of a value, cut for a message."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _from_timestamp(value: float) -> dt.date:
    seconds = value / 1000 if abs(value) > MILLISECOND_TIMESTAMPS else value
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    except (OverflowError, OSError, ValueError) as exc:
        raise BadValue(f"{short(value)} is not a Unix time") from exc


def _from_iso(value: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


@functools.lru_cache(maxsize=4096)
def parse_date_text(value: str) -> dt.date | None:
    """Parse a stand-alone date ("2024-05-08", "March 4, 2024"); None when it is not one."""
    value = value.strip().strip(",")
    if not _LOOKS_LIKE_DATE.match(value):
        return None
    import dateparser  # slow to import; only needed for the few documents with a date line

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None
