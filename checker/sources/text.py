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
