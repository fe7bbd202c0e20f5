"""Reporters: each renders the same Report in one format, registered by name in REPORTERS.

`factlint check --format NAME` writes one of them to standard output or --output, and every
registered reporter also gets its own `--NAME FILE` option, so one run can write several.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checker.report import Report
from checker.reporters.github import render_github
from checker.reporters.html import render_html
from checker.reporters.json import json_chunks, render_json
from checker.reporters.junit import render_junit
from checker.reporters.markdown import render_markdown
from checker.reporters.sarif import render_sarif
from checker.reporters.text import render_text


@dataclass(frozen=True)
class Reporter:
    """A named output format."""

    render: Callable[..., str]
    description: str
    signature: str = r"(?!)"  # a regular expression matching the start of such a report
    raw: bool = False  # True: the text as read (JSON); else control characters made visible
    chunks: Callable[..., Iterable[str]] | None = None  # the text in pieces (else: render)


REPORTERS: dict[str, Reporter] = {
    "text": Reporter(
        render_text,
        "readable report for the terminal",
        r"(?:\x1b\[[0-9;]*m)?factlint \S+: \d+ documents",
    ),
    "json": Reporter(
        render_json,
        "the JSON report of the report contract",
        r'\{\s*"schema_version": \d+,\s*"tool": \{\s*"name": "factlint"',
        raw=True,
        chunks=json_chunks,
    ),
    "sarif": Reporter(
        render_sarif,
        "SARIF 2.1.0 for GitHub code scanning",
        r'\{\s*"\$schema": "[^"]*sarif[^"]*",.*?"driver": \{\s*"name": "factlint"',
    ),
    "markdown": Reporter(
        render_markdown, "summary for a pull request or $GITHUB_STEP_SUMMARY", r"## factlint: "
    ),
    "junit": Reporter(
        render_junit,
        "JUnit XML, one test case per discrepancy",
        r'<\?xml[^>]*\?>\s*<testsuites name="factlint"',
    ),
    "github": Reporter(
        render_github,
        "GitHub Actions annotations for new discrepancies",
        r"::(?:error|warning|notice) ",
    ),
    "html": Reporter(
        render_html,
        "one self-contained page to read, filter and audit",
        r'<!DOCTYPE html>.*?<meta name="generator" content="factlint ',
    ),
}
SIGNATURES = tuple(reporter.signature for reporter in REPORTERS.values())


def render(report: Report, fmt: str, **options) -> str:
    """Render a report in a registered format, passing only the options it takes."""
    reporter = REPORTERS[fmt]
    shown = report if reporter.raw else report.for_display()
    return reporter.render(shown, **_taken_by(reporter.render, options))


def pieces(report: Report, fmt: str, **options) -> Iterable[str]:
    """A report in a registered format as pieces of text: streamed where the format can be."""
    reporter = REPORTERS[fmt]
    if reporter.chunks is None:
        return [render(report, fmt, **options)]
    shown = report if reporter.raw else report.for_display()
    return reporter.chunks(shown, **_taken_by(reporter.chunks, options))


def _taken_by(function: Callable, options: dict) -> dict:
    """The options a reporter's function takes."""
    parameters = inspect.signature(function).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return options
    names = {p.name for p in parameters}
    return {k: v for k, v in options.items() if k in names}
