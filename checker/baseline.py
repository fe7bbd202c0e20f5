"""Baselines: the discrepancies a corpus already had, so CI fails only on new ones.

A baseline file is JSON (sorted keys, one entry per discrepancy id, sorted by id) holding
what each discrepancy was about and how the team triaged it: `known` (the default),
`accepted` (a real contradiction, recorded) or `false_positive`, with an optional note.
`factlint baseline` writes it; `factlint check --baseline FILE` marks each discrepancy new or
known and lists the entries that no longer occur (fixed). Nothing is ever added silently.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.bounded import LimitError, load_json
from checker.discrepancies import (
    SEVERITY_ORDER,
    BaselineMark,
    BaselineStatus,
    Discrepancy,
    Kind,
)
from checker.errors import UsageError
from checker.rulebook import Severity

if TYPE_CHECKING:
    from checker.report import Report

BASELINE_SCHEMA_VERSION = 1
DEFAULT_BASELINE = ".factlint-baseline.json"
MAX_ERRORS_SHOWN = 5


class BaselineError(UsageError):
    """A baseline that is missing, unreadable or invalid: an error (exit 2), never a pass."""


class BaselineEntry(BaseModel):
    """One recorded discrepancy: what it was about, and how it was triaged."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^d-[0-9a-f]{10}$", description="The discrepancy's fingerprint.")
    summary: str = Field(description="What the discrepancy was, for people reading the file.")
    severity: Severity
    kind: Kind
    subject: str
    attribute: str
    scope: str | None = None
    values: list[str] = Field(min_length=2, description="The values that disagreed.")
    status: BaselineStatus = Field(
        "known",
        description="known (recorded, not looked at), accepted (a real contradiction the team "
        "has recorded) or false_positive.",
    )
    note: str | None = Field(None, description="Why it has its status; shown in reports.")


class Baseline(BaseModel):
    """The file `factlint baseline` writes and `factlint check --baseline` reads."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1] = BASELINE_SCHEMA_VERSION
    entries: list[BaselineEntry] = Field(default_factory=list)

    @field_validator("entries")
    @classmethod
    def _one_entry_per_id(cls, entries: list[BaselineEntry]) -> list[BaselineEntry]:
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                raise ValueError(f"{entry.id} appears twice")
            seen.add(entry.id)
        return sorted(entries, key=lambda e: e.id)

    def entry(self, discrepancy_id: str) -> BaselineEntry | None:
        """The entry recorded for an id."""
        return next((e for e in self.entries if e.id == discrepancy_id), None)


class BaselineComparison(BaseModel):
    """What a report's run found against its baseline (`report.baseline`)."""

    model_config = ConfigDict(frozen=True)

    file: str = Field(description="The baseline file given with --baseline.")
    new: int = Field(description="Discrepancies the baseline does not hold.")
    known: int = Field(description="Discrepancies the baseline holds.")
    fixed: list[BaselineEntry] = Field(
        default_factory=list, description="Baseline entries that no longer occur."
    )


class BaselineUpdate(BaseModel):
    """What `factlint baseline` changed in a file."""

    model_config = ConfigDict(frozen=True)

    baseline: Baseline
    added: list[str]
    kept: list[str]
    stale: list[str] = Field(description="Entries no longer found (kept unless pruned).")
    pruned: bool = False


# --- reading and writing ----------------------------------------------------------------------


def load_baseline(path: str | Path) -> Baseline:
    """Read and validate a baseline file; any problem is a BaselineError naming it."""
    path = Path(path)
    where = f"baseline {path}"
    if not path.exists():
        raise BaselineError(
            f"{where}: no such file (create it with: factlint baseline CORPUS --output {path})"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BaselineError(f"{where}: cannot read it: {exc.strerror}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{where}: not UTF-8 text (byte {exc.start})") from exc
    if not text.strip():
        raise BaselineError(f"{where}: the file is empty")
    try:
        data = load_json(text, object_pairs_hook=_no_duplicate_keys)
    except LimitError as exc:
        raise BaselineError(f"{where}:{exc.line or 1}: not read: {exc.message}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{where}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from exc
    except ValueError as exc:
        raise BaselineError(f"{where}: {exc}") from exc
    return _validate(data, where)


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    counts = Counter(key for key, _ in pairs)
    duplicates = sorted(key for key, n in counts.items() if n > 1)
    if duplicates:
        raise ValueError(f"key {duplicates[0]!r} appears twice in one object")
    return dict(pairs)


def _validate(data: object, where: str) -> Baseline:
    if not isinstance(data, dict):
        raise BaselineError(f"{where}: expected a JSON object, found {type(data).__name__}")
    version = data.get("schema_version")
    if version != BASELINE_SCHEMA_VERSION:
        raise BaselineError(
            f"{where}: schema_version {version!r} is not supported "
            f"(this factlint reads version {BASELINE_SCHEMA_VERSION})"
        )
    try:
        return Baseline.model_validate(data)
    except ValidationError as exc:
        problems = [_describe(error, data) for error in exc.errors()]
        more = len(problems) - MAX_ERRORS_SHOWN
        shown = "; ".join(problems[:MAX_ERRORS_SHOWN]) + (f"; and {more} more" if more > 0 else "")
        raise BaselineError(f"{where}: invalid: {shown}") from exc


def _describe(error: dict, data: dict) -> str:
    """'entries[2] (d-fa81110680).status: Input should be ...' from a pydantic error."""
    loc = list(error["loc"])
    parts: list[str] = []
    for position, part in enumerate(loc):
        if isinstance(part, int):
            parts[-1] += f"[{part}]"
            if loc[:position] == ["entries"]:
                entry = data["entries"][part] if isinstance(data.get("entries"), list) else None
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    parts[-1] += f" ({entry['id']})"
        else:
            parts.append(str(part))
    return f"{'.'.join(parts) or 'file'}: {error['msg']}"


def render_baseline(baseline: Baseline) -> str:
    """The baseline as JSON with sorted keys and sorted entries, so its diffs read well."""
    data = baseline.model_dump(mode="json")
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def baseline_schema() -> str:
    """The JSON Schema of the baseline file, generated from the pydantic model."""
    return json.dumps(Baseline.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


# --- recording --------------------------------------------------------------------------------


def entry_for(discrepancy: Discrepancy, previous: BaselineEntry | None = None) -> BaselineEntry:
    """The baseline entry of a discrepancy; a previous entry's status and note are kept."""
    return BaselineEntry(
        id=discrepancy.id,
        summary=discrepancy.summary,
        severity=discrepancy.severity,
        kind=discrepancy.kind,
        subject=discrepancy.subject,
        attribute=discrepancy.attribute,
        scope=discrepancy.scope,
        values=[value.value for value in discrepancy.values],
        status=previous.status if previous else "known",
        note=previous.note if previous else None,
    )


def record_baseline(
    report: Report, previous: Baseline | None = None, prune: bool = False
) -> BaselineUpdate:
    """A baseline holding every discrepancy of a report.

    With a previous baseline, statuses and notes are kept, new discrepancies are added as
    `known`, and entries no longer found stay unless `prune` is set.
    """
    previous = previous or Baseline()
    current = {d.id: entry_for(d, previous.entry(d.id)) for d in report.discrepancies}
    stale = [e for e in previous.entries if e.id not in current]
    entries = list(current.values()) + ([] if prune else stale)
    return BaselineUpdate(
        baseline=Baseline(entries=entries),
        added=sorted(i for i in current if previous.entry(i) is None),
        kept=sorted(i for i in current if previous.entry(i) is not None),
        stale=[e.id for e in stale],
        pruned=prune,
    )


def pruned(baseline: Baseline, report: Report) -> Baseline:
    """The baseline without the entries the report no longer finds."""
    found = {d.id for d in report.discrepancies}
    return Baseline(entries=[e for e in baseline.entries if e.id in found])


# --- checking ---------------------------------------------------------------------------------


def compare_with_baseline(report: Report, baseline: Baseline, file: str) -> Report:
    """The report with each discrepancy marked new or known, and the fixed entries listed."""
    found = {d.id for d in report.discrepancies}
    fixed = [e for e in baseline.entries if e.id not in found]
    marked = [_mark(d, baseline, fixed) for d in report.discrepancies]
    new = sum(1 for d in marked if d.baseline and d.baseline.state == "new")
    comparison = BaselineComparison(file=file, new=new, known=len(marked) - new, fixed=fixed)
    return report.model_copy(update={"discrepancies": marked, "baseline": comparison})


def _mark(discrepancy: Discrepancy, baseline: Baseline, fixed: list[BaselineEntry]) -> Discrepancy:
    entry = baseline.entry(discrepancy.id)
    if entry is not None and SEVERITY_ORDER[discrepancy.severity] > SEVERITY_ORDER[entry.severity]:
        mark = BaselineMark(
            state="new", status=entry.status, note=entry.note, severity_was=entry.severity
        )
    elif entry is not None:
        mark = BaselineMark(state="known", status=entry.status, note=entry.note)
    else:
        topic = (discrepancy.subject, discrepancy.attribute, discrepancy.scope)
        replaces = [e.id for e in fixed if (e.subject, e.attribute, e.scope) == topic]
        mark = BaselineMark(state="new", replaces=replaces)
    return discrepancy.model_copy(update={"baseline": mark})


# --- for reporters ----------------------------------------------------------------------------

STATUS_LABELS: dict[str, str] = {
    "known": "known",
    "accepted": "accepted",
    "false_positive": "false positive",
}


def state_label(discrepancy: Discrepancy) -> str | None:
    """'new', 'known', 'accepted: <note>'...: how a report shows a discrepancy's baseline state."""
    mark = discrepancy.baseline
    if mark is None:
        return None
    if mark.state == "new" and mark.severity_was:
        return f"new: was {mark.severity_was} in the baseline"
    if mark.state == "new":
        return "new" + (f" (replaces {', '.join(mark.replaces)})" if mark.replaces else "")
    label = STATUS_LABELS[mark.status or "known"]
    return f"{label}: {mark.note}" if mark.note else label


def new_first(discrepancies: list[Discrepancy]) -> list[Discrepancy]:
    """New discrepancies before known ones, each kept in report order (most severe first)."""
    return sorted(discrepancies, key=lambda d: d.baseline is not None and d.baseline.state != "new")


def replaced_by(report: Report, entry_id: str) -> list[str]:
    """Ids of the new discrepancies that replace a fixed entry (a value added or changed)."""
    return [d.id for d in report.discrepancies if d.baseline and entry_id in d.baseline.replaces]


def fixed_label(report: Report, entry: BaselineEntry) -> str:
    """'known', 'accepted: note; replaced by d-…': how a report shows a fixed entry."""
    label = STATUS_LABELS[entry.status] + (f": {entry.note}" if entry.note else "")
    successors = replaced_by(report, entry.id)
    return label + (f"; replaced by {', '.join(successors)}" if successors else "")


def values_new_first(report: Report, discrepancy: Discrepancy) -> list:
    """The discrepancy's values, those that the entries it replaces did not hold first.

    So an annotation lands on the claim that made the discrepancy new (the added document).
    """
    mark = discrepancy.baseline
    if not mark or not mark.replaces or not report.baseline:
        return list(discrepancy.values)
    known = {v for e in report.baseline.fixed if e.id in mark.replaces for v in e.values}
    return sorted(discrepancy.values, key=lambda value: value.value in known)
