"""A Markdown summary for a pull-request comment or $GITHUB_STEP_SUMMARY.

New discrepancies first, each with its values and quotes; known ones in a table with their
triage status and note; fixed baseline entries last. The text is trimmed, with an "and N
more" line, to stay under MAX_BYTES (GitHub's limit for a step summary).
"""

from __future__ import annotations

import regex

from checker.baseline import BaselineEntry, fixed_label, new_first, state_label
from checker.discrepancies import Discrepancy
from checker.report import Report

MAX_BYTES = 1024 * 1024
QUOTE_CHARS = 200
_SPECIAL = regex.compile(r"([\\`*\[\]<>|#~])")


def render_markdown(
    report: Report, fail_on: str = "contradiction", max_bytes: int = MAX_BYTES, **_: object
) -> str:
    """The report as Markdown of at most `max_bytes` bytes (UTF-8)."""
    out = _Budget(max_bytes)
    out.add(_header(report, fail_on))
    failing = {d.id for d in report.failing(fail_on)}
    ordered = new_first(report.discrepancies)
    new = [d for d in ordered if d.baseline is None or d.baseline.state == "new"]
    known = [d for d in ordered if d not in new]
    if new:
        title = "New discrepancies" if report.baseline else "Discrepancies"
        out.section(f"### {title} ({len(new)})", [_detail(d, report, d.id in failing) for d in new])
    if known:
        rows = [_known_row(d) for d in known]
        out.section(
            f"### Known ({len(known)})",
            rows,
            lead="| severity | discrepancy | status | id |\n| --- | --- | --- | --- |",
        )
    if report.baseline and report.baseline.fixed:
        fixed = report.baseline.fixed
        out.section(f"### Fixed ({len(fixed)})", [_fixed(e, report) for e in fixed])
    if not report.discrepancies and not (report.baseline and report.baseline.fixed):
        out.add("No discrepancies found.")
    return out.text()


class _Budget:
    """Collects blocks until the byte budget is spent, then says how many were left out."""

    RESERVE = 200  # room for the "and N more" line

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.blocks: list[str] = []
        self.used = 0
        self.full = False

    def add(self, block: str) -> bool:
        size = len(block.encode("utf-8")) + 2
        if self.full or self.used + size > self.max_bytes - self.RESERVE:
            self.full = True
            return False
        self.blocks.append(block)
        self.used += size
        return True

    def section(self, title: str, items: list[str], lead: str = "") -> None:
        if not self.add(title + ("\n\n" + lead if lead else "")):
            self.blocks.append(f"_… and {len(items)} more {title.lstrip('# ').lower()}_")
            return
        for shown, item in enumerate(items):
            if not self.add(item):
                self.blocks.append(
                    f"\n_… and {len(items) - shown} more not shown (see the full report)_"
                )
                return

    def text(self) -> str:
        return "\n\n".join(self.blocks).replace("|\n\n|", "|\n|") + "\n"


def _header(report: Report, fail_on: str) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in report.stats.by_severity.items() if n) or "none"
    lines = [
        f"## factlint: {_headline(report)}",
        "",
        f"{report.stats.documents} documents, {report.stats.claims} claims, "
        f"{report.stats.discrepancies} discrepancies ({counts}); fails on: {fail_on}.",
    ]
    if report.baseline:
        lines[-1] += f" Baseline: `{_escape(report.baseline.file)}`."
    skipped = sum(1 for d in report.diagnostics if d.skipped)
    if skipped:
        lines[-1] += f" {skipped} documents skipped (unreadable)."
    return "\n".join(lines)


def _headline(report: Report) -> str:
    if report.baseline is None:
        n = report.stats.discrepancies
        return f"{n} discrepanc{'y' if n == 1 else 'ies'}"
    b = report.baseline
    return f"{b.new} new, {b.known} known, {len(b.fixed)} fixed"


def _detail(d: Discrepancy, report: Report, failing: bool) -> str:
    marker = "❌" if failing else "⚠️" if d.severity != "info" else "ℹ️"
    scope = f" [{_escape(d.scope)}]" if d.scope else ""
    state = state_label(d)
    lines = [
        f"#### {marker} {d.severity}: {_escape(d.subject)} – {_escape(d.attribute)}{scope}",
        "",
        f"`{d.id}` · {d.kind}" + (f" · {_escape(state)}" if state else ""),
        "",
        _escape(d.explanation),
        "",
        "| value | source | quote |",
        "| --- | --- | --- |",
    ]
    for value in d.values:
        for claim in value.claims:
            line, _ = report.position(claim.document, claim.start)
            source = f"{claim.document}:{line}" + (
                f" ({claim.published})" if claim.published else ""
            )
            lines.append(
                f"| {_escape(value.value)} | {_escape(source)} | {_escape(_quote(claim.sentence))} |"
            )
    return "\n".join(lines)


def _known_row(d: Discrepancy) -> str:
    return f"| {d.severity} | {_escape(d.summary)} | {_escape(state_label(d) or '')} | `{d.id}` |"


def _fixed(entry: BaselineEntry, report: Report) -> str:
    return f"- `{entry.id}` {_escape(entry.summary)} ({_escape(fixed_label(report, entry))})"


def _quote(sentence: str) -> str:
    return sentence if len(sentence) <= QUOTE_CHARS else sentence[: QUOTE_CHARS - 1] + "…"


def _escape(text: str) -> str:
    """Text safe inside Markdown and table cells: no markup, no line breaks."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))
