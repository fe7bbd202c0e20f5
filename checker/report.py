"""The report: one model that every output format (text, JSON, HTML...) renders."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from itertools import accumulate

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from checker import __version__
from checker.baseline import BaselineComparison
from checker.discrepancies import SEVERITY_ORDER, Discrepancy, drop_when_unset
from checker.documents import Diagnostic, Document
from checker.duplicates import DuplicateGroup
from checker.normalise import NormalisedClaim
from checker.rulebook import ClaimKind, Tense

SCHEMA_VERSION = 1
FAIL_ON_CHOICES = ("contradiction", "warning", "info", "never")


class ToolInfo(BaseModel):
    """The program that wrote the report."""

    model_config = ConfigDict(frozen=True)

    name: str = "factlint"
    version: str = __version__
    rules_version: str = Field("", description="Hash of the rule packs used.")


class DocumentSummary(BaseModel):
    """A document of the corpus and its metadata."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = Field(None, description="File the document was read from.")
    format: str = Field("text", description="How it was read: text, html, jsonl or json.")
    duplicate_of: str | None = Field(
        None, description="The document this copy was merged into (see `duplicates`)."
    )
    claims: int = 0
    line_starts: list[int] = Field(
        default_factory=list,
        exclude=True,
        description="Offsets where the text's lines start (in memory only: never serialised), "
        "to turn claim offsets into lines and columns.",
    )


class ClaimRecord(BaseModel):
    """An extracted, normalised claim (what the comparison saw), for auditing extraction."""

    model_config = ConfigDict(frozen=True)

    document: str
    kind: ClaimKind
    subject: str
    attribute: str
    value: str = Field(description="The normalised value.")
    raw: str = Field(description="The value as written.")
    text: str
    sentence: str
    start: int
    end: int
    rule: str
    tense: Tense = "current"
    hedge: str | None = None
    scope: str | None = None
    attribution: str | None = None
    disputed: bool = Field(
        False, description="Denied or called wrong in its sentence: not compared."
    )
    as_of: str | None = None
    discrepancies: list[str] = Field(
        default_factory=list, description="Ids of the discrepancies it supports."
    )


class Stats(BaseModel):
    """Counts for the run."""

    model_config = ConfigDict(frozen=True)

    documents: int
    claims: int
    discrepancies: int
    by_severity: dict[str, int]
    skipped: int = Field(0, description="Documents left out because they could not be read.")
    merged: int = Field(0, description="Documents merged into another as copies of it.")
    seconds: float | None = Field(
        None, description="Run time; null unless --timings (keeps JSON byte-identical)."
    )


class Report(BaseModel):
    """Everything one run found."""

    model_config = ConfigDict(frozen=True)

    schema_version: int = SCHEMA_VERSION
    tool: ToolInfo = Field(default_factory=ToolInfo)
    corpus: list[str] = Field(
        default_factory=list, description="The paths given on the command line."
    )
    documents: list[DocumentSummary]
    discrepancies: list[Discrepancy]
    claims: list[ClaimRecord] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    duplicates: list[DuplicateGroup] = Field(
        default_factory=list,
        description="Documents with the same or nearly the same text, counted once as evidence.",
    )
    stats: Stats
    baseline: BaselineComparison | None = Field(
        None, description="Set when the run was checked against a baseline (--baseline)."
    )

    @model_serializer(mode="wrap")
    def _serialise(self, handler: SerializerFunctionWrapHandler) -> dict:
        return drop_when_unset(handler(self), "baseline")

    # The documents as ingested (texts included), for reporters that show the articles (HTML).
    # Private, so never serialised: the JSON and its schema do not change.
    _sources: dict[str, Document] = PrivateAttr(default_factory=dict)
    _summaries: dict[str, DocumentSummary] | None = PrivateAttr(default=None)
    _display: Report | None = PrivateAttr(default=None)

    def failing(self, fail_on: str) -> list[Discrepancy]:
        """The discrepancies at or above a --fail-on threshold that a baseline does not hold."""
        if fail_on == "never":
            return []
        floor = SEVERITY_ORDER[fail_on]
        return [
            d
            for d in self.discrepancies
            if SEVERITY_ORDER[d.severity] >= floor
            and (d.baseline is None or d.baseline.state == "new")
        ]

    def position(self, doc_id: str, offset: int) -> tuple[int, int]:
        """The 1-based line and column (in characters) of an offset into a document's text."""
        summary = self.document(doc_id)
        starts = summary.line_starts if summary and summary.line_starts else [0]
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def document(self, doc_id: str) -> DocumentSummary | None:
        """The summary of one document (looked up by id; reporters call this per claim)."""
        if self._summaries is None:
            self._summaries = {d.id: d for d in self.documents}
        return self._summaries.get(doc_id)

    def source(self, doc_id: str) -> Document | None:
        """The document as ingested, with its text; None for a report read back from JSON."""
        return self._sources.get(doc_id)

    def __eq__(self, other: object) -> bool:
        # What is not serialised (texts, line starts) does not count: a report equals its JSON.
        if not isinstance(other, Report):
            return NotImplemented
        return self.model_dump(mode="json") == other.model_dump(mode="json")

    def model_copy(self, *, update: dict | None = None, deep: bool = False) -> Report:
        """A copy (pydantic's), without the display form kept for this report's content."""
        copy = super().model_copy(update=update, deep=deep)
        copy._display = None
        return copy

    def for_display(self) -> Report:
        """The report with control characters in its text made visible (checker.visible).

        For the formats people read (text, Markdown, annotations, JUnit, SARIF, HTML); the JSON
        report keeps the text as read. Offsets are unchanged: they point into the documents.
        """
        from checker.visible import visible, visible_model

        if self._display is None:
            shown = visible_model(self)
            if shown is not self:
                shown._summaries, shown._display = None, shown
                shown._sources = {visible(key): doc for key, doc in self._sources.items()}
            self._display = shown
        return self._display

    def with_sources(self, documents: Iterable[Document]) -> Report:
        """Keep the ingested documents (not serialised) for reporters that show their text."""
        self._sources = {d.id: d for d in documents}
        return self


def build_report(
    corpus: list[str],
    documents: list[Document],
    claims: list[NormalisedClaim],
    discrepancies: list[Discrepancy],
    diagnostics: list[Diagnostic],
    rules_version: str,
    seconds: float | None = None,
    duplicates: list[DuplicateGroup] | None = None,
) -> Report:
    """Assemble the report of a run."""
    support: dict[tuple, list[str]] = {}
    for discrepancy in discrepancies:
        for key in discrepancy.supports():
            support.setdefault(key, []).append(discrepancy.id)
    records = [_record(c, support) for c in claims]
    duplicates = duplicates or []
    kept_of = {m.id: g.kept for g in duplicates for m in g.merged}
    per_document: dict[str, int] = {}
    for record in records:
        per_document[record.document] = per_document.get(record.document, 0) + 1
    summaries = [
        DocumentSummary(
            id=d.id,
            title=d.title,
            published=d.published,
            outlet=d.outlet,
            url=d.url,
            path=d.path,
            format=d.format,
            duplicate_of=kept_of.get(d.id),
            claims=per_document.get(d.id, 0),
            line_starts=line_starts(d.text),
        )
        for d in documents
    ]
    by_severity = {s: sum(1 for d in discrepancies if d.severity == s) for s in SEVERITY_ORDER}
    report = Report(
        tool=ToolInfo(rules_version=rules_version),
        corpus=corpus,
        documents=summaries,
        discrepancies=discrepancies,
        claims=sorted(records, key=lambda r: (r.document, r.start, r.end, r.attribute, r.value)),
        diagnostics=sorted(
            diagnostics, key=lambda d: (d.document, d.line or 0, d.code, d.field or "", d.message)
        ),
        duplicates=duplicates,
        stats=Stats(
            documents=len(documents),
            claims=len(records),
            discrepancies=len(discrepancies),
            by_severity=by_severity,
            skipped=sum(1 for d in diagnostics if d.skipped),
            merged=len(kept_of),
            seconds=seconds,
        ),
    )
    return report.with_sources(documents)


def _record(claim: NormalisedClaim, support: dict[tuple, list[str]]) -> ClaimRecord:
    evidence, qualifiers = claim.claim.evidence, claim.claim.qualifiers
    key = (evidence.document, evidence.start, evidence.end, evidence.rule)
    return ClaimRecord(
        document=evidence.document,
        kind=claim.claim.kind,
        subject=claim.subject,
        attribute=claim.attribute,
        value=claim.value.label,
        raw=claim.claim.value,
        text=evidence.text,
        sentence=evidence.sentence,
        start=evidence.start,
        end=evidence.end,
        rule=evidence.rule,
        tense=claim.tense,
        hedge=qualifiers.hedge,
        scope=claim.scope,
        attribution=qualifiers.attribution,
        disputed=qualifiers.disputed,
        as_of=claim.as_of.label() if claim.as_of else None,
        discrepancies=sorted(set(support.get(key, []))),
    )


def line_starts(text: str) -> list[int]:
    """The offsets where each line of a text starts."""
    return list(accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0))
