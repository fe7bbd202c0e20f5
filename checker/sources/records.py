"""JSON Lines and JSON arrays of records: one document per record.

A record has `text` and optionally `id`, `title`, `url`, `published` (or `date`) and
`outlet` (or `source`); `IngestOptions.fields` maps other names (`--field text=body`,
dotted names reach into nested objects). A record's id is its own `id`, else the file name
with the line (JSONL) or item number (JSON array). A bad line or record is skipped and
reported with its line; the rest of the file is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from checker.bounded import LimitError, load_json
from checker.documents import Diagnostic, Document
from checker.sources.base import IngestOptions, Reading, Source, note, skip
from checker.sources.decoding import decode_source
from checker.sources.metadata import (
    FIELD_NAMES,
    METADATA_FIELDS,
    BadValue,
    first_present,
    read_date,
    read_text_field,
    without_surrogates,
)


def read_jsonl(source: Source, options: IngestOptions) -> Reading:
    """Read a JSON Lines file: one record per non-blank line."""
    text, problems = decode_source(source)
    if text is None:
        return Reading(diagnostics=problems)
    records = _Records(source, options, problems)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = load_json(line)
        except json.JSONDecodeError as exc:
            message = f"line {number} is not valid JSON: {_json_error(exc)}"
            problems.append(skip("ingest.json", source.name, message, line=number))
            continue
        except LimitError as exc:
            message = f"line {number}: {exc.message}: not read"
            problems.append(skip("ingest.limit", source.name, message, line=number))
            continue
        records.add(record, f"{source.name}:{number}", number, f"line {number}", line=number)
    return Reading(documents=records.documents, diagnostics=problems)


def read_json(source: Source, options: IngestOptions) -> Reading:
    """Read a JSON file: an array of records, or one record."""
    text, problems = decode_source(source)
    if text is None:
        return Reading(diagnostics=problems)
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: {_json_error(exc)} (line {exc.lineno})"
        return Reading(
            diagnostics=[*problems, skip("ingest.json", source.name, message, line=exc.lineno)]
        )
    except LimitError as exc:
        where = f" (line {exc.line})" if exc.line else ""
        message = f"{exc.message}{where}: not read"
        return Reading(
            diagnostics=[*problems, skip("ingest.limit", source.name, message, line=exc.line)]
        )
    if _is_factlint_report(data):
        message = "a factlint report, not a document: not read"
        return Reading(diagnostics=[*problems, skip("ingest.unsupported", source.name, message)])
    records = _Records(source, options, problems)
    if isinstance(data, list):
        for index, record in enumerate(data, start=1):
            records.add(record, f"{source.name}[{index}]", index, f"item {index}")
    else:
        records.add(data, source.name, None, "the record")
    return Reading(documents=records.documents, diagnostics=problems)


class _Records:
    """Turns the records of one file into Documents, reporting the bad ones."""

    def __init__(self, source: Source, options: IngestOptions, problems: list[Diagnostic]):
        self.source, self.options, self.problems = source, options, problems
        self.documents: list[Document] = []

    def add(
        self,
        record: object,
        locator: str,
        position: int | None,
        where: str,
        line: int | None = None,
    ) -> None:
        """Add one record; `locator` is its id when it has none, `where` names it in messages."""
        name = self.source.name
        if not isinstance(record, dict):
            kind = {"list": "array", "str": "string"}.get(type(record).__name__, "value")
            message = f"{where} is a JSON {kind}, not a record object"
            self.problems.append(skip("ingest.record", name, message, line))
            return
        fields = dict(_fields(record, self.options))
        record_id = _id(fields.get("id"))
        text_name = self.options.fields.get("text", "text")
        body = _text(fields.get("text"))
        if body is None:
            label = f"{where} (id {record_id!r})" if record_id else where
            message = f"{label} has no text: field {text_name!r} is missing, empty or not a string"
            self.problems.append(skip("ingest.no-text", name, message, line, field=text_name))
            return
        self.documents.append(
            Document(
                id=record_id or locator,
                text=body.replace("\r\n", "\n"),
                path=self.source.path,
                record=position,
                format="jsonl" if line else "json",
                **self._metadata(fields, where, line),
            )
        )

    def _metadata(self, fields: dict, where: str, line: int | None) -> dict:
        metadata: dict[str, object] = {}
        for field in METADATA_FIELDS:
            value = fields.get(field)
            try:
                reader = read_date if field == "published" else read_text_field
                metadata[field] = reader(value)
            except BadValue as exc:
                label = self.options.fields.get(field, field)
                code = "ingest.bad-date" if field == "published" else "ingest.record"
                message = f"{where}, field {label!r}: {exc}"
                self.problems.append(note(code, self.source.name, message, line, field))
        return metadata


def _fields(record: dict, options: IngestOptions) -> Iterator[tuple[str, object]]:
    for field, names in FIELD_NAMES.items():
        chosen = (options.fields[field],) if field in options.fields else names
        yield field, first_present(record, chosen)


def _id(value: object) -> str | None:
    try:
        return read_text_field(value)
    except BadValue:
        return None


def _text(value: object) -> str | None:
    """The record's text: a string, or a list of paragraphs joined by blank lines."""
    if isinstance(value, list) and value and all(isinstance(p, str) for p in value):
        value = "\n\n".join(value)
    if isinstance(value, str) and value.strip():
        return without_surrogates(value)
    return None


def _is_factlint_report(data: object) -> bool:
    tool = data.get("tool") if isinstance(data, dict) else None
    return isinstance(tool, dict) and tool.get("name") == "factlint" and "schema_version" in data


def _json_error(exc: json.JSONDecodeError) -> str:
    """'Unterminated string starting at' -> 'unterminated string starting at column 52'."""
    return f"{exc.msg[0].lower()}{exc.msg[1:].removesuffix(' at')} at column {exc.colno}"
