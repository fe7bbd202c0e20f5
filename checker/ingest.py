"""Ingest: paths on disk (or standard input) become Documents, or Diagnostics saying why not.

Each file goes to the reader for its suffix (`READERS`, one module per input type in
`checker/sources/`); a sidecar manifest in a corpus root then gives or overrides metadata.
"""

from __future__ import annotations

import errno
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from pydantic import BaseModel, ConfigDict, TypeAdapter

from checker.cache import ContentStore, salt
from checker.documents import Diagnostic, Document
from checker.errors import UsageError
from checker.sources.base import IngestOptions, Reading, Source, note, skip
from checker.sources.files import (
    Found,
    ReadProblem,
    display,
    duplicate_root,
    is_inside,
    not_a_document,
    outside_corpus,
    read_bytes,
    too_large,
    walk,
)
from checker.sources.html import looks_like_html, read_html
from checker.sources.manifest import MANIFEST_NAMES, apply_manifest, find_manifests, read_manifest
from checker.sources.metadata import parse_date_text
from checker.sources.records import read_json, read_jsonl
from checker.sources.text import parse_document, read_text

__all__ = [
    "READERS",
    "IngestOptions",
    "IngestResult",
    "ingest",
    "parse_date_text",
    "parse_document",
]

Reader = Callable[[Source, IngestOptions], Reading]
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".json": read_json,
}
_READING = TypeAdapter(Reading)
STDIN = "-"
STDIN_ID = "<stdin>"
_STDIN_READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "json": read_json,
    "jsonl": read_jsonl,
}


class IngestResult(BaseModel):
    """The documents read from a corpus and the problems met on the way."""

    model_config = ConfigDict(frozen=True)

    documents: list[Document]
    diagnostics: list[Diagnostic]


def ingest(
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    stdin: BinaryIO | None = None,
    cache_dir: str | Path | None = None,
) -> IngestResult:
    """Read every document under `paths`: files, folders (recursively) or "-" for stdin.

    `cache_dir` keeps what each file was read as, by its bytes, name and the options (None:
    no cache). Raises UsageError for a path that does not exist, or when no document could
    be read.
    """
    options = options or IngestOptions()
    readings = None if cache_dir is None else ReadingCache(cache_dir, options)
    paths = [str(p) for p in paths]
    for path in paths:
        _check_exists(path)
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    seen: set[str] = set()
    inside = None if options.follow_symlinks else _corpus_roots(paths)
    for path in paths:
        key = path if path == STDIN else os.path.realpath(path)
        if key in seen:
            diagnostics.append(duplicate_root(path))
            continue
        seen.add(key)
        reading = (
            _read_stdin(stdin or sys.stdin.buffer, options)
            if path == STDIN
            else _read_root(Path(path), options, inside, readings)
        )
        documents.extend(reading.documents)
        diagnostics.extend(reading.diagnostics)
    documents = _unique_ids(documents, diagnostics)
    if not documents:
        raise UsageError(_no_documents(paths, diagnostics))
    documents.sort(key=lambda d: d.id)
    return IngestResult(documents=documents, diagnostics=diagnostics)


def read_source(source: Source, options: IngestOptions, suffix: str) -> Reading:
    """Read one source with the reader for `suffix` (unknown suffixes are read as text)."""
    return read_safely(READERS.get(suffix.lower(), read_text), source, options)


def read_safely(reader: Reader, source: Source, options: IngestOptions) -> Reading:
    """Run a reader; an error it did not foresee skips the source (reported), never the run."""
    try:
        return reader(source, options)
    except Exception as exc:  # the one net: a third-party parser's bug is one file's problem
        message = f"could not be read ({type(exc).__name__}: {str(exc)[:200]}): not read"
        return Reading(diagnostics=[skip("ingest.failed", source.name, message)])


def _check_exists(path: str) -> None:
    if path == STDIN:
        return
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UsageError(f"{path}: symbolic link loop") from exc
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise UsageError(f"{path}: no such file or directory") from exc
        # anything else (permissions...) is reported for the file itself, and the run goes on


def _corpus_roots(paths: list[str]) -> tuple[str, ...]:
    """The real paths of the corpus: links inside it may lead anywhere among them."""
    return tuple(os.path.realpath(p) for p in paths if p != STDIN)


class ReadingCache(ContentStore):
    """What each file was read as, by its bytes, its names and the options that matter."""

    def __init__(self, directory: str | Path, options: IngestOptions) -> None:
        # `exclude` and `follow_symlinks` decide which files are read, not how one is read
        how = options.model_dump_json(exclude={"exclude", "follow_symlinks"})
        super().__init__(Path(directory) / "ingest", _READING, salt(how))

    def read(self, source: Source, suffix: str, options: IngestOptions) -> Reading:
        """`read_source`, from the cache when this source was read before."""
        key = self.key(
            source.data, source.name.encode(), str(source.path).encode(), suffix.encode()
        )
        found = self.get(key)
        if found is None:
            found = read_source(source, options, suffix)
            self.put(key, found)
        return found


def _read_root(
    root: Path,
    options: IngestOptions,
    inside: tuple[str, ...] | None,
    readings: ReadingCache | None = None,
) -> Reading:
    if not root.is_dir():
        found = Found(path=root, name=display(root.name))
        return _read_file(found, options, explicit=True, readings=readings)
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    files: list[tuple[Document, str]] = []
    for found in walk(root, frozenset(MANIFEST_NAMES), inside):
        if isinstance(found, Diagnostic):
            diagnostics.append(found)
            continue
        if os.path.realpath(found.path) in options.exclude:
            continue
        reading = _read_file(found, options, explicit=False, readings=readings)
        files.extend((document, found.name) for document in reading.documents)
        diagnostics.extend(reading.diagnostics)
    for manifest_path in find_manifests(root):
        if inside is not None and not is_inside(manifest_path, inside):
            diagnostics.append(outside_corpus(manifest_path.name, manifest_path))
            continue
        manifest, problems = read_manifest(manifest_path, manifest_path.name, options.max_bytes)
        diagnostics.extend(problems)
        updated, problems = apply_manifest(manifest, files)
        diagnostics.extend(problems)
        files = list(zip(updated, [name for _, name in files], strict=True))
    documents.extend(document for document, _ in files)
    return Reading(documents=documents, diagnostics=diagnostics)


def _read_file(
    found: Found, options: IngestOptions, explicit: bool, readings: ReadingCache | None = None
) -> Reading:
    suffix = found.path.suffix.lower()
    if not explicit and suffix not in READERS:
        return Reading(diagnostics=[not_a_document(found.name, suffix, tuple(READERS))])
    try:
        data = read_bytes(found.path, found.name, options.max_bytes)
    except ReadProblem as problem:
        return Reading(diagnostics=[problem.diagnostic])
    source = Source(data=data, name=found.name, path=display(str(found.path)))
    if readings is not None:
        return readings.read(source, suffix, options)
    return read_source(source, options, suffix)


def _read_stdin(stream: BinaryIO, options: IngestOptions) -> Reading:
    data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        return Reading(diagnostics=[too_large(STDIN_ID, len(data), options.max_bytes)])
    source = Source(data=data, name=STDIN_ID)
    kind = options.stdin_format
    if kind == "auto":
        kind = "html" if looks_like_html(data) else "text"
    return read_safely(_STDIN_READERS[kind], source, options)


def _unique_ids(documents: list[Document], diagnostics: list[Diagnostic]) -> list[Document]:
    """Give documents that share an id (two records with one id...) distinct ids."""
    counts = Counter(d.id for d in documents)
    unique: list[Document] = []
    for document in documents:
        if counts[document.id] == 1:
            unique.append(document)
            continue
        new_id = _disambiguated(document)
        diagnostics.append(
            note(
                "ingest.duplicate-id",
                new_id,
                f"id {document.id!r} is used by {counts[document.id]} documents: "
                f"this one is {new_id!r}",
            )
        )
        unique.append(document.model_copy(update={"id": new_id}))
    return unique


def _disambiguated(document: Document) -> str:
    """A record's id with its file and line; a file's path as given (two roots, one name)."""
    where = document.path or STDIN_ID
    if document.record is not None:
        kind = ":" if document.format == "jsonl" else "#"
        return f"{document.id} ({Path(where).name}{kind}{document.record})"
    return where


def _no_documents(paths: list[str], diagnostics: list[Diagnostic]) -> str:
    skipped = [d for d in diagnostics if d.skipped and d.code != "ingest.unsupported"]
    kinds = ", ".join(READERS)
    message = f"no documents ({kinds}) could be read from {', '.join(paths)}"
    if skipped:
        reasons = "; ".join(
            f"{d.document}{f':{d.line}' if d.line else ''}: {d.message}" for d in skipped[:10]
        )
        more = f" (and {len(skipped) - 10} more)" if len(skipped) > 10 else ""
        message += f": {reasons}{more}"
    return message
