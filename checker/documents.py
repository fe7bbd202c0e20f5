"""Documents (what ingest produces) and their sentences (what extraction reads)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import regex
from pydantic import BaseModel, ConfigDict, Field


class Diagnostic(BaseModel):
    """A problem with one input (unreadable file, bad date...): reported, never fatal."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(description="Machine name, such as 'ingest.empty' or 'ingest.bad-date'.")
    document: str = Field(description="The document id or path the problem is about.")
    message: str
    line: int | None = None
    field: str | None = Field(None, description="The record, manifest or front-matter field.")
    skipped: bool = Field(False, description="True when the document was left out of the check.")


class Document(BaseModel):
    """One article as read from the corpus; offsets of claims point into `text`."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Path relative to the corpus root given, or the record's own id.")
    text: str = Field(description="The whole text as read (front matter included).")
    body_start: int = Field(0, description="Offset where the article body begins.")
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = Field(None, description="File the document came from, when it is a file.")
    record: int | None = Field(
        None,
        description="Where a record sits in its file: the line of a JSONL file, the 1-based "
        "item of a JSON array.",
    )
    format: str = Field("text", description="How it was read: text, html, jsonl or json.")

    @property
    def body(self) -> str:
        """The article text without front matter or a leading date line."""
        return self.text[self.body_start :]


class Sentence(BaseModel):
    """A sentence of a document with its character offsets."""

    model_config = ConfigDict(frozen=True)

    index: int
    start: int
    end: int
    text: str


_BOUNDARY = regex.compile(r"""[.!?]["”’')\]]*(?=\s+["“‘(\[]?[\p{Lu}\d])|\n\s*\n|\n""")
_TOKEN_BEFORE = regex.compile(r"([\p{L}.]+)\.$")


def split_sentences(text: str, start: int = 0, abbreviations: Iterable[str] = ()) -> list[Sentence]:
    """Split `text[start:]` into sentences, keeping offsets into `text`.

    Line breaks always end a sentence (headlines, list items); a full stop does not when it
    closes an abbreviation such as "Mr." or "U.S.".
    """
    abbrevs = {a.lower().rstrip(".") for a in abbreviations}
    sentences: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(
            text[cursor : match.start() + 1], abbrevs
        ):
            continue
        _append(sentences, text, cursor, end)
        cursor = end
    _append(sentences, text, cursor, len(text))
    return sentences


def _is_abbreviation(chunk: str, abbrevs: set[str]) -> bool:
    found = _TOKEN_BEFORE.search(chunk)
    if not found:
        return False
    token = found.group(1).lower().rstrip(".")
    return token in abbrevs or (len(token) == 1 and token.isalpha())


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return
    lead = len(raw) - len(raw.lstrip())
    begin = start + lead
    sentences.append(
        Sentence(index=len(sentences), start=begin, end=begin + len(stripped), text=stripped)
    )
