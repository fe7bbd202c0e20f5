"""Sidecar manifests: `sources.yaml` or `sources.csv` in a corpus root give or override metadata.

YAML: a list of entries (or `documents:` holding one), or a mapping from file to entry.
CSV: a header row with `file` and any of `title`, `published`, `outlet`, `url`. An entry's
`file` is a document id (a path relative to the root, or a record's id) or a file name, which
then covers every record of that file. The manifest wins over what a file says of itself.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import yaml
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

from checker.bounded import LIMITS, LimitError, load_yaml_node
from checker.documents import Diagnostic, Document
from checker.sources.base import DEFAULT_MAX_BYTES, note
from checker.sources.decoding import DecodeError, decode
from checker.sources.metadata import BadValue, read_date, without_surrogates

MANIFEST_NAMES = ("sources.yaml", "sources.yml", "sources.csv")


class ManifestEntry(BaseModel):
    """The metadata a manifest gives one document (or every record of one file)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str = Field(validation_alias=AliasChoices("file", "path", "id", "document"))
    title: str | None = None
    published: dt.date | str | None = Field(
        None, validation_alias=AliasChoices("published", "date")
    )
    outlet: str | None = Field(None, validation_alias=AliasChoices("outlet", "source"))
    url: str | None = None
    line: int = Field(0, description="Line of the entry in the manifest.")


class Manifest(BaseModel):
    """The entries of one manifest file, by the name they match."""

    model_config = ConfigDict(frozen=True)

    name: str
    entries: dict[str, ManifestEntry]


def find_manifests(root: Path) -> list[Path]:
    """The manifest files in a corpus root, in a fixed order."""
    return [root / name for name in MANIFEST_NAMES if (root / name).is_file()]


def read_manifest(
    path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Manifest, list[Diagnostic]]:
    """Read one manifest; bad entries are reported (file, line, field) and left out."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read(max_bytes + 1)
        if len(raw) > max_bytes:
            message = f"larger than {max_bytes} bytes (--max-size): not read"
            return Manifest(name=name, entries={}), [note("ingest.too-large", name, message)]
        text = decode(raw).text
    except (OSError, DecodeError) as exc:
        message = f"cannot read the manifest: {getattr(exc, 'strerror', None) or exc}"
        return Manifest(name=name, entries={}), [note("ingest.manifest", name, message)]
    problems: list[Diagnostic] = []
    if path.suffix == ".csv":
        raw = _csv_rows(text, name, problems)
    else:
        raw = _yaml_entries(text, name, problems)
    entries: dict[str, ManifestEntry] = {}
    for line, row in raw:
        entry = _entry(row, line, name, problems)
        if entry is None:
            continue
        if entry.file in entries:
            message = f"second entry for {entry.file!r} (first on line {entries[entry.file].line})"
            problems.append(note("ingest.manifest", name, message, line))
        entries[entry.file] = entry
    return Manifest(name=name, entries=entries), problems


def apply_manifest(
    manifest: Manifest, documents: list[tuple[Document, str]]
) -> tuple[list[Document], list[Diagnostic]]:
    """Documents (each with the name of its file) with the manifest's metadata applied."""
    used: set[str] = set()
    updated: list[Document] = []
    problems: list[Diagnostic] = []
    for document, file_name in documents:
        entry = manifest.entries.get(document.id) or manifest.entries.get(file_name)
        if entry is None:
            updated.append(document)
            continue
        used.add(entry.file)
        updated.append(_apply(entry, document, manifest.name, problems))
    for key, entry in manifest.entries.items():
        if key not in used:
            message = f"entry for {key!r} matches no document of the corpus"
            problems.append(note("ingest.manifest", manifest.name, message, entry.line, "file"))
    return updated, problems


def _apply(
    entry: ManifestEntry, document: Document, name: str, problems: list[Diagnostic]
) -> Document:
    changes: dict[str, object] = {
        field: value
        for field in ("title", "outlet", "url")
        if (value := getattr(entry, field)) not in (None, "")
    }
    try:
        published = read_date(entry.published)
    except BadValue as exc:
        message = f"entry for {entry.file!r}: {exc}"
        problems.append(note("ingest.bad-date", name, message, entry.line, "published"))
        published = None
    if published is not None:
        changes["published"] = published
    return document.model_copy(update=changes)


def _entry(row: dict, line: int, name: str, problems: list[Diagnostic]) -> ManifestEntry | None:
    try:
        return ManifestEntry.model_validate({**_strings(row), "line": line})
    except ValidationError as exc:
        for error in exc.errors():
            field = ".".join(str(part) for part in error["loc"]) or None
            message = f"entry on line {line}: {field}: {error['msg']}"
            problems.append(note("ingest.manifest", name, message, line, field))
        return None


def _strings(row: dict) -> dict:
    """YAML reads `url: 42` as a number; manifest values other than dates are text."""
    return {
        without_surrogates(str(key)): without_surrogates(value)
        if isinstance(value, str)
        else value
        if isinstance(value, dt.date) or value is None
        else without_surrogates(str(value))
        for key, value in row.items()
    }


def _csv_rows(text: str, name: str, problems: list[Diagnostic]) -> list[tuple[int, dict]]:
    """The rows of a CSV manifest; reading stops, reported, at a row it cannot parse."""
    reader = csv.DictReader(io.StringIO(text))
    rows: list[tuple[int, dict]] = []
    last = 0
    try:
        with _field_limit(LIMITS.max_field_chars):
            for row in reader:
                last = reader.line_num
                cleaned = {
                    k.strip(): (v or "").strip() or None
                    for k, v in row.items()
                    if isinstance(k, str) and k.strip() and isinstance(v, str | None)
                }
                if any(cleaned.values()):
                    rows.append((last, cleaned))
    except csv.Error as exc:
        line = max(last, 1) + 1
        too_long = "field limit" in str(exc)
        problem = f"a field longer than {LIMITS.max_field_chars} characters" if too_long else exc
        message = f"line {line}: {problem}: the rows from here on are not read"
        problems.append(
            note("ingest.limit" if too_long else "ingest.manifest", name, message, line)
        )
    return rows


@contextlib.contextmanager
def _field_limit(chars: int) -> Iterator[None]:
    """The csv module's field size limit (process-wide state) set for one read, then restored."""
    previous = csv.field_size_limit(chars)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _yaml_entries(text: str, name: str, problems: list[Diagnostic]) -> list[tuple[int, dict]]:
    try:
        data, node = load_yaml_node(text)
    except LimitError as exc:
        problems.append(note("ingest.limit", name, f"not read: {exc.message}", exc.line))
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        message = f"not valid YAML: {getattr(exc, 'problem', None) or exc}"
        problems.append(note("ingest.manifest", name, message, line))
        return []
    if isinstance(data, dict) and set(data) == {"documents"}:
        data, node = data["documents"], node.value[0][1]
    if isinstance(data, list):
        return _listed(data, node, name, problems)
    if isinstance(data, dict):
        return _mapped(data, node, name, problems)
    if data is not None:
        message = "expected a list of entries or a mapping from file to entry"
        problems.append(note("ingest.manifest", name, message, 1))
    return []


def _listed(
    data: list, node: yaml.Node, name: str, problems: list[Diagnostic]
) -> list[tuple[int, dict]]:
    rows = []
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        if isinstance(item, dict):
            rows.append((line, item))
        else:
            problems.append(note("ingest.manifest", name, "entry is not a mapping", line))
    return rows


def _mapped(
    data: dict, node: yaml.Node, name: str, problems: list[Diagnostic]
) -> list[tuple[int, dict]]:
    lines = {key_node.value: key_node.start_mark.line + 1 for key_node, _ in node.value}
    rows = []
    for key, value in data.items():
        line = lines.get(str(key), 0)
        if isinstance(value, dict) or value is None:
            rows.append((line, {"file": str(key)} | dict(value or {})))
        else:
            message = f"entry for {key!r} is not a mapping of fields"
            problems.append(note("ingest.manifest", name, message, line))
    return rows
