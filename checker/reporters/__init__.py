"""Reporters: each renders the same Report in one format, registered by name in REPORTERS.

`factlint check --format NAME` writes one of them to standard output or --output, and every
registered reporter also gets its own `--NAME FILE` option, so one run can write several.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from checker.report import Report
from checker.reporters.github import render_github
from checker.reporters.html import render_html
from checker.reporters.json import render_json
from checker.reporters.junit import render_junit
from checker.reporters.markdown import render_markdown
from checker.reporters.sarif import render_sarif
from checker.reporters.text import render_text


@dataclass(frozen=True)
class Reporter:
    """A named output format."""

    render: Callable[..., str]
    description: str


REPORTERS: dict[str, Reporter] = {
    "text": Reporter(render_text, "readable report for the terminal"),
    "json": Reporter(render_json, "the JSON report of the report contract"),
    "sarif": Reporter(render_sarif, "SARIF 2.1.0 for GitHub code scanning"),
    "markdown": Reporter(render_markdown, "summary for a pull request or $GITHUB_STEP_SUMMARY"),
    "junit": Reporter(render_junit, "JUnit XML, one test case per discrepancy"),
    "github": Reporter(render_github, "GitHub Actions annotations for new discrepancies"),
    "html": Reporter(render_html, "one self-contained page to read, filter and audit"),
}


def render(report: Report, fmt: str, **options) -> str:
    """Render a report in a registered format, passing only the options it takes."""
    renderer = REPORTERS[fmt].render
    parameters = inspect.signature(renderer).parameters.values()
    if not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        names = {p.name for p in parameters}
        options = {k: v for k, v in options.items() if k in names}
    return renderer(report, **options)
