"""Reporters: each renders the same Report in one format, registered by name in REPORTERS.

`factlint check --format NAME` writes one of them to standard output or --output, and every
registered reporter also gets its own `--NAME FILE` option, so one run can write several.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.report import Report
from checker.reporters.html import render_html
from checker.reporters.json import render_json
from checker.reporters.text import render_text


@dataclass(frozen=True)
class Reporter:
    """A named output format."""

    render: Callable[..., str]
    description: str


REPORTERS: dict[str, Reporter] = {
    "text": Reporter(render_text, "readable report for the terminal"),
    "json": Reporter(render_json, "the JSON report of the report contract"),
    "html": Reporter(render_html, "one self-contained page to read, filter and audit"),
}


def render(report: Report, fmt: str, **options) -> str:
    """Render a report in a registered format."""
    return REPORTERS[fmt].render(report, **options)
