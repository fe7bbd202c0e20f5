"""What every reader takes (a source's bytes and name) and gives (documents, diagnostics)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.documents import Diagnostic, Document
from checker.sources.metadata import FIELD_NAMES

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
StdinFormat = Literal["auto", "text", "html", "json", "jsonl"]


class IngestOptions(BaseModel):
    """How to read a corpus: size limit, record field names, the type of standard input."""

    model_config = ConfigDict(frozen=True)

    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0, description="Larger files are skipped.")
    fields: dict[str, str] = Field(
        default_factory=dict,
        description="Record field names: canonical name ('text') -> name in the records ('body').",
    )
    stdin_format: StdinFormat = "auto"
    exclude: frozenset[str] = Field(
        frozenset(), description="Real paths never read as documents (this run's own outputs)."
    )
    follow_symlinks: bool = Field(
        False,
        description="Read what symbolic links lead to outside the paths given (default: skip).",
    )

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, fields: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(fields) - set(FIELD_NAMES))
        if unknown:
            raise ValueError(f"unknown record fields {unknown}: use {', '.join(FIELD_NAMES)}")
        return fields


class Source(BaseModel):
    """One input: a file's bytes (or standard input's) and the name it goes by."""

    model_config = ConfigDict(frozen=True)

    data: bytes
    name: str = Field(description="Id of the file: its path relative to the corpus root.")
    path: str | None = Field(None, description="The file on disk; None for standard input.")


class Reading(BaseModel):
    """What a reader made of one source."""

    model_config = ConfigDict(frozen=True)

    documents: list[Document] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)


def skip(
    code: str, name: str, message: str, line: int | None = None, field: str | None = None
) -> Diagnostic:
    """A diagnostic for an input left out of the check."""
    return Diagnostic(
        code=code, document=name, message=message, line=line, field=field, skipped=True
    )


def note(
    code: str, name: str, message: str, line: int | None = None, field: str | None = None
) -> Diagnostic:
    """A diagnostic for a problem that did not stop the input from being checked."""
    return Diagnostic(code=code, document=name, message=message, line=line, field=field)
