"""Plain text and Markdown: YAML front matter, or a leading date line and a headline."""

from __future__ import annotations

import datetime as dt

import regex
import yaml

from checker.bounded import LIMITS, LimitError, load_yaml
from checker.documents import Diagnostic, Document
from checker.sources.base import IngestOptions, Reading, Source, note
from checker.sources.decoding import decode_source
from checker.sources.metadata import (
    FIELD_NAMES,
    BadValue,
    first_present,
    parse_date_text,
    read_date,
    read_text_field,
)

MAX_TITLE_CHARS = 200

_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", regex.S)
_DATE_LINE = regex.compile(
    r"\s*(?:date|published|dated)?[:\s]*(?P<date>[^\n]{4,40}?)\s*(?:\n|\Z)", regex.I
)


def read_text(source: Source, options: IngestOptions) -> Reading:
    """Read a .txt or .md file."""
    text, problems = decode_source(source)
    if text is None:
        return Reading(diagnostics=problems)
    document, more = parse_document(text, source.name, path=source.path)
    return Reading(documents=[document], diagnostics=problems + more)


def parse_document(
    text: str, doc_id: str, path: str | None = None
) -> tuple[Document, list[Diagnostic]]:
    """Build a Document from its text, reading front matter or a leading date line."""
    text = text.replace("\r\n", "\n")
    meta, body_start, problems = _front_matter(text, doc_id)
    published = _meta_date(meta, doc_id, problems)
    if not meta:
        date_line = _leading_date(text)
        if date_line:
            published, body_start = date_line
    if published is None and (found := dateline_date(text[body_start:])) is not None:
        published, line = found
        problems.append(
            note(
                "ingest.guessed-date",
                doc_id,
                f"publication date {published} read from the dateline {line!r} "
                "(set it in the front matter or sources.yaml if wrong)",
                field="published",
            )
        )
    title = _meta_text(meta, "title", doc_id, problems) or _headline(text[body_start:])
    document = Document(
        id=doc_id,
        text=text,
        body_start=body_start,
        title=title,
        published=published,
        outlet=_meta_text(meta, "outlet", doc_id, problems),
        url=_meta_text(meta, "url", doc_id, problems),
        path=path,
        format="text",
    )
    return document, problems


def _front_matter(text: str, doc_id: str) -> tuple[dict, int, list[Diagnostic]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0, []
    if len(match.group(1)) > LIMITS.max_field_chars:
        message = f"front matter not read: longer than {LIMITS.max_field_chars} characters"
        return {}, match.end(), [note("ingest.limit", doc_id, message, 1)]
    try:
        meta = load_yaml(match.group(1)) or {}
    except LimitError as exc:
        message = f"front matter not read: {exc.message}"
        line = exc.line + 1 if exc.line else None
        return {}, match.end(), [note("ingest.limit", doc_id, message, line)]
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        message = f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
        return {}, match.end(), [note("ingest.front-matter", doc_id, message, (line or 0) + 2)]
    if not isinstance(meta, dict):
        return (
            {},
            match.end(),
            [note("ingest.front-matter", doc_id, "front matter is not a mapping", 1)],
        )
    return meta, match.end(), []


def _meta_date(meta: dict, doc_id: str, problems: list[Diagnostic]) -> dt.date | None:
    value = first_present(meta, FIELD_NAMES["published"])
    try:
        return read_date(value)
    except BadValue:
        problems.append(
            note(
                "ingest.bad-date",
                doc_id,
                f"cannot read the publication date {value!r} in the front matter",
                field="published",
            )
        )
        return None


def _meta_text(meta: dict, field: str, doc_id: str, problems: list[Diagnostic]) -> str | None:
    try:
        return read_text_field(first_present(meta, FIELD_NAMES[field]))
    except BadValue as exc:
        problems.append(
            note("ingest.front-matter", doc_id, f"front matter {field}: {exc}", field=field)
        )
        return None


def _leading_date(text: str) -> tuple[dt.date, int] | None:
    stripped = len(text) - len(text.lstrip())
    match = _DATE_LINE.match(text, stripped)
    if not match:
        return None
    parsed = parse_date_text(match.group("date"))
    return (parsed, match.end()) if parsed else None


_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_IN_LINE = regex.compile(
    rf"(?<!\d)(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD},?\s+(?:19|20)\d\d"
    rf"|{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}/\d{1,2}/(?:(?:19|20)\d\d|\d\d))(?!\d)",
    regex.I,
)
_DATELINE_WORDS = regex.compile(
    r"(?i)\b(?:posted|published|updated|last\s+updated|first\s+published|originally\s+published"
    r"|modified|date|dated|on|at|by|am|pm|a\.m|p\.m|gmt|utc|edt|est|pdt|pst|cdt|cst|bst|et|ist"
    r"|time|mon|tue|wed|thu|fri|sat|sun)\b\.?|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)
DATELINE_LINES = 8  # a page's dateline comes before the story: only the first lines are read


def dateline_date(body: str) -> tuple[dt.date, str] | None:
    """The date of a page's dateline ('Posted: Nov 27, 2005 8:20 AM ET', '11/28/05'), if any.

    A dateline is a short line near the top that holds a date and nothing but publishing
    words and times; a date inside a sentence of the story is not one.
    """
    for line in body.splitlines()[:DATELINE_LINES]:
        line = line.strip()
        match = _DATE_IN_LINE.search(line) if len(line) <= 120 else None
        if match is None:
            continue
        rest = _DATELINE_WORDS.sub(" ", line[: match.start()] + " " + line[match.end() :])
        if len(regex.findall(r"[^\W\d_]{2,}", rest)) > 3:
            continue
        parsed = _parse_dateline(match.group(0))
        if parsed is not None:
            return parsed, line
    return None


def _parse_dateline(text: str) -> dt.date | None:
    numeric = regex.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", text)
    if numeric:
        month, day, year = (int(g) for g in numeric.groups())
        if month > 12 >= day:
            month, day = day, month
        year += 2000 if year < 100 else 0
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    cleaned = regex.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text)
    return parse_date_text(cleaned.replace(".", ""))


def _headline(body: str) -> str | None:
    for line in body.splitlines():
        line = line.strip()
        if not line:
            continue
        looks_like_headline = len(line) <= MAX_TITLE_CHARS and not line.endswith(
            (".", ":", '"', "”")
        )
        return line if looks_like_headline else None
    return None
