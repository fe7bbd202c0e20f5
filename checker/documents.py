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
_TOKEN_WINDOW = 40
_PARAGRAPH = regex.compile(r"[^\S\n]*\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")
_LINE_OF_ITS_OWN = regex.compile(r"\s*(?:[-*+>#|•]|\d+[.)])")
# Hard-wrapped prose keeps its lines at most this long; longer lines are paragraphs of their own.
MAX_WRAP_WIDTH = 120


def split_sentences(text: str, start: int = 0, abbreviations: Iterable[str] = ()) -> list[Sentence]:
    """Split `text[start:]` into sentences, keeping offsets into `text`.

    Line breaks end a sentence (headlines, list items), except the soft breaks of hard-wrapped
    paragraphs, which read as spaces; a full stop does not when it closes an abbreviation such
    as "Mr." or "U.S.". Offsets always point into `text`.
    """
    abbrevs = {a.lower().rstrip(".") for a in abbreviations}
    soft = soft_line_breaks(text, start)
    sentences: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start):
        end = match.end()
        if match.start() in soft and match.group() == "\n":
            continue
        if match.group().startswith(".") and _is_abbreviation(
            text, cursor, match.start() + 1, abbrevs
        ):
            continue
        _append(sentences, text, cursor, end)
        cursor = end
    _append(sentences, text, cursor, len(text))
    return sentences


def soft_line_breaks(text: str, start: int = 0) -> set[int]:
    """Offsets of the line breaks that only wrap a paragraph (the next word did not fit).

    A paragraph (lines between blank lines) is hard-wrapped when its lines are at most
    MAX_WRAP_WIDTH long; a break in it is soft when the line plus the next word would have
    been longer than the paragraph's longest line, and the next line does not start a list
    item, heading, quote or table row. Re-wrapping a document then leaves its sentences as
    they were.
    """
    soft: set[int] = set()
    for paragraph in _PARAGRAPH.finditer(text, start):
        lines = paragraph.group().split("\n")
        width = max(len(line.rstrip()) for line in lines)
        if len(lines) < 2 or width > MAX_WRAP_WIDTH:
            continue
        offset = paragraph.start()
        for line, following in zip(lines, lines[1:], strict=False):
            offset += len(line)
            next_word = following.split(maxsplit=1)[0]
            fits = len(line.rstrip()) + 1 + len(next_word) <= width
            if not fits and not _LINE_OF_ITS_OWN.match(following):
                soft.add(offset)
            offset += 1
    return soft


def _is_abbreviation(text: str, start: int, end: int, abbrevs: set[str]) -> bool:
    """Whether the full stop ending text[start:end] closes an abbreviation."""
    # The token is the run of letters and dots before the final one: look at a short window
    # first, and at the whole chunk only when the run reaches the window's edge.
    window = max(start, end - _TOKEN_WINDOW)
    found = _TOKEN_BEFORE.search(text[window:end])
    if found and found.start() == 0 and window > start:
        found = _TOKEN_BEFORE.search(text[start:end])
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
    # Only soft line breaks are left inside a sentence: read them as spaces (same length).
    flat = stripped.replace("\n", " ")
    sentences.append(Sentence(index=len(sentences), start=begin, end=begin + len(flat), text=flat))


# Words a Title Case headline keeps in lower case ("Acme Names New Chief as Founder Steps Aside").
MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on onto per to up via vs v with "
    "from into than".split()
)
_TITLE_WORD = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}'\u2019.&-]*")
# Fewer capitalised words than this do not make a line Title Case ("Photo: Getty Images").
MIN_TITLE_CASE_WORDS = 4


def is_title_case(text: str) -> bool:
    """True for a line in Title Case, as headlines are: every word capitalised, verbs included.

    Minor words (articles, short prepositions, conjunctions) may stay in lower case.

    In such a line capitalisation says nothing about names: "Acme Robotics Names New Chief as
    Founder Steps Aside" is a name ("Acme Robotics") and a sentence, not four names. An ordinary
    sentence has lower-case verbs ("Keir Starmer became Prime Minister").
    """
    capitalised = 0
    for match in _TITLE_WORD.finditer(text):  # stops at the first lower-case word
        word = match.group(0)
        if word.lower() in MINOR_WORDS:
            continue
        if not word[0].isupper():
            return False
        capitalised += 1
    return capitalised >= MIN_TITLE_CASE_WORDS
