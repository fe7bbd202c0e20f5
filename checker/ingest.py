"""Ingest: paths on disk become Documents with metadata, or Diagnostics saying why not."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict

from checker.documents import Diagnostic, Document
from checker.errors import UsageError

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
MAX_TITLE_CHARS = 200

_FRONT_MATTER = regex.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", regex.S)
_DATE_LINE = regex.compile(
    r"\s*(?:date|published|dated)?[:\s]*(?P<date>[^\n]{4,40}?)\s*(?:\n|\Z)", regex.I
)
_LOOKS_LIKE_DATE = regex.compile(
    r"^\d{4}-\d{2}-\d{2}$|^(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+\d{1,2})?,?\s+\d{4}$",
    regex.I,
)


class IngestResult(BaseModel):
    """The documents read from a corpus and the problems met on the way."""

    model_config = ConfigDict(frozen=True)

    documents: list[Document]
    diagnostics: list[Diagnostic]


def ingest(paths: Iterable[str | Path]) -> IngestResult:
    """Read every .txt/.md document under `paths` (files or folders, recursively).

    Raises UsageError for a path that does not exist or a corpus without any document.
    """
    documents: list[Document] = []
    diagnostics: list[Diagnostic] = []
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise UsageError(f"{root}: no such file or directory")
        for path, doc_id in _walk(root):
            document, problems = read_document(path, doc_id)
            diagnostics.extend(problems)
            if document is not None:
                documents.append(document)
    if not documents and not any(d.skipped for d in diagnostics):
        raise UsageError(f"no documents (.txt, .md) found in {', '.join(map(str, paths))}")
    documents.sort(key=lambda d: d.id)
    return IngestResult(documents=documents, diagnostics=diagnostics)


def _walk(root: Path) -> Iterator[tuple[Path, str]]:
    if root.is_file():
        yield root, root.name
        return
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            yield path, relative.as_posix()


def read_document(path: Path, doc_id: str) -> tuple[Document | None, list[Diagnostic]]:
    """Read one file; a file that cannot be used gives a Diagnostic instead of a Document."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [_skip("ingest.unreadable", doc_id, f"cannot read {path}: {exc.strerror}")]
    if not raw.strip():
        return None, [_skip("ingest.empty", doc_id, f"{path} is empty")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [_skip("ingest.encoding", doc_id, f"{path}: not UTF-8 (byte {exc.start})")]
    return parse_document(text, doc_id, path=str(path))


def parse_document(
    text: str, doc_id: str, path: str | None = None
) -> tuple[Document, list[Diagnostic]]:
    """Build a Document from its text, reading front matter or a leading date line."""
    text = text.replace("\r\n", "\n")
    meta, body_start, problems = _front_matter(text, doc_id)
    published = _coerce_date(meta.get("published", meta.get("date")), doc_id, problems)
    if not meta:
        date_line = _leading_date(text)
        if date_line:
            published, body_start = date_line
    title = meta.get("title") or _headline(text[body_start:])
    document = Document(
        id=doc_id,
        text=text,
        body_start=body_start,
        title=str(title).strip() if title else None,
        published=published,
        outlet=_text_field(meta.get("outlet") or meta.get("source")),
        url=_text_field(meta.get("url") or meta.get("canonical_url")),
        path=path,
    )
    return document, problems


def _front_matter(text: str, doc_id: str) -> tuple[dict, int, list[Diagnostic]]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0, []
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        message = f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
        return (
            {},
            match.end(),
            [_note("ingest.front-matter", doc_id, message, line=(line or 0) + 2)],
        )
    if not isinstance(meta, dict):
        return (
            {},
            match.end(),
            [_note("ingest.front-matter", doc_id, "front matter is not a mapping", 1)],
        )
    return meta, match.end(), []


def _coerce_date(value: object, doc_id: str, problems: list[Diagnostic]) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    parsed = parse_date_text(str(value))
    if parsed is None:
        problems.append(
            _note("ingest.bad-date", doc_id, f"cannot read the publication date {value!r}")
        )
    return parsed


def _leading_date(text: str) -> tuple[dt.date, int] | None:
    stripped = len(text) - len(text.lstrip())
    match = _DATE_LINE.match(text, stripped)
    if not match:
        return None
    parsed = parse_date_text(match.group("date"))
    return (parsed, match.end()) if parsed else None


@functools.lru_cache(maxsize=4096)
def parse_date_text(value: str) -> dt.date | None:
    """Parse a stand-alone date ("2024-05-08", "March 4, 2024"); None when it is not one."""
    value = value.strip().strip(",")
    if not _LOOKS_LIKE_DATE.match(value):
        return None
    import dateparser  # slow to import; only needed for the few documents with a date line

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


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


def _text_field(value: object) -> str | None:
    return str(value).strip() if value not in (None, "") else None


def _skip(code: str, doc_id: str, message: str) -> Diagnostic:
    return Diagnostic(code=code, document=doc_id, message=message, skipped=True)


def _note(code: str, doc_id: str, message: str, line: int | None = None) -> Diagnostic:
    return Diagnostic(code=code, document=doc_id, message=message, line=line)
