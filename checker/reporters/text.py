"""The terminal report: grouped by severity, every value with its quotes."""

from __future__ import annotations

import textwrap

import click

from checker.baseline import fixed_label, new_first, state_label
from checker.discrepancies import Discrepancy
from checker.open_claims import is_open_rule
from checker.report import Report

STYLES = {
    "contradiction": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"fg": "cyan"},
}
WIDTH = 100


def render_text(report: Report, color: bool = False, **_: object) -> str:
    """A readable report; ANSI colour only when `color` is set."""
    lines = [_header(report, color), ""]
    for severity in ("contradiction", "warning", "info"):
        found = new_first([d for d in report.discrepancies if d.severity == severity])
        if not found:
            continue
        lines.append(_style(f"{severity.upper()} ({len(found)})", color, **STYLES[severity]))
        lines.append("")
        for discrepancy in found:
            lines.extend(_discrepancy(discrepancy, report, color))
            lines.append("")
    if not report.discrepancies:
        lines.append("No discrepancies found.")
        lines.append("")
    lines.extend(_fixed(report, color))
    skipped = [d for d in report.diagnostics if d.skipped]
    problems = [d for d in report.diagnostics if not d.skipped]
    for title, items in (("Skipped documents", skipped), ("Input problems", problems)):
        if items:
            lines.append(_style(title, color, bold=True))
            lines.extend(
                f"  {d.document}{f':{d.line}' if d.line else ''}: {d.message}" for d in items
            )
            lines.append("")
    if report.duplicates:
        lines.append(_style("Copies counted once", color, bold=True))
        lines.extend(
            f"  {m.id}: copy of {group.kept} ({m.similarity:.0%} alike, "
            f"{m.claims_dropped} repeated claim{'s' if m.claims_dropped != 1 else ''} not counted)"
            for group in report.duplicates
            for m in group.merged
        )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _header(report: Report, color: bool) -> str:
    counts = ", ".join(
        f"{n} {s}{'s' if n != 1 else ''}" for s, n in report.stats.by_severity.items() if n
    )
    seconds = f" in {report.stats.seconds:.2f}s" if report.stats.seconds is not None else ""
    inputs = "".join(
        f", {n} {label}"
        for n, label in ((report.stats.skipped, "skipped"), (report.stats.merged, "merged"))
        if n
    )
    text = (
        f"factlint {report.tool.version}: {report.stats.documents} documents{inputs}, {report.stats.claims} claims, "
        f"{report.stats.discrepancies} discrepancies{f' ({counts})' if counts else ''}{seconds}"
    )
    if report.baseline:
        b = report.baseline
        text += f"\nbaseline {b.file}: {b.new} new, {b.known} known, {len(b.fixed)} fixed"
    return _style(text, color, bold=True)


def _fixed(report: Report, color: bool) -> list[str]:
    """Baseline entries that no longer occur."""
    if not report.baseline or not report.baseline.fixed:
        return []
    lines = [
        _style(
            f"FIXED ({len(report.baseline.fixed)}): in the baseline, no longer found",
            color,
            bold=True,
        ),
        "",
    ]
    for entry in report.baseline.fixed:
        lines.append(f"  {entry.id}  {entry.summary} [{fixed_label(report, entry)}]")
    return [*lines, ""]


def _discrepancy(d: Discrepancy, report: Report, color: bool) -> list[str]:
    scope = f" [{d.scope}]" if d.scope else ""
    lines = [
        _style(f"{d.subject} - {d.attribute}{scope}", color, bold=True)
        + f"  ({d.kind}, {d.id})"
        + (f"  [{state_label(d)}]" if d.baseline else ""),
        *textwrap.wrap(d.explanation, WIDTH, initial_indent="  ", subsequent_indent="  "),
    ]
    for value in d.values:
        lines.append("  " + _style(f"* {value.value}", color, **STYLES[d.severity]))
        for ref in value.claims:
            doc = report.document(ref.document)
            meta = ", ".join(
                filter(
                    None,
                    [
                        doc.outlet if doc else None,
                        str(ref.published) if ref.published else None,
                        ref.attribution,
                        f"open claim {ref.rule}" if is_open_rule(ref.rule) else None,
                    ],
                )
            )
            lines.append(f"      {ref.document}" + (f" ({meta})" if meta else ""))
            lines.append("        " + _quote(ref.sentence, ref.text, color))
    return lines


def _quote(sentence: str, span: str, color: bool) -> str:
    """The sentence, shortened around the claim, with the claim's words emphasised."""
    at = sentence.find(span)
    if at < 0:
        return f'"{_shorten(sentence)}"'
    before, after = sentence[:at], sentence[at + len(span) :]
    if len(before) > 60:
        before = "..." + before[-57:]
    if len(after) > 60:
        after = after[:57] + "..."
    return '"' + before + _style(span, color, bold=True, underline=True) + after + '"'


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _style(text: str, color: bool, **style: object) -> str:
    return click.style(text, **style) if color else text
