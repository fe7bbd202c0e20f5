"""The JSON report (../shared/spec/report-contract.md): the Report model, serialised."""

from __future__ import annotations

import json

from checker.report import Report


def render_json(report: Report, **_: object) -> str:
    """The report as JSON, byte-identical for the same corpus and rules."""
    return (
        json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False, sort_keys=False)
        + "\n"
    )


def report_schema() -> str:
    """The JSON Schema of the report, generated from the pydantic models."""
    return json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
