"""GitHub Actions workflow commands for the new discrepancies.

An annotation on the file and line of each new discrepancy (at most MAX_ANNOTATIONS), then a
notice of how many more there are. Known ones are left out.
"""

from __future__ import annotations

from checker.baseline import values_new_first
from checker.discrepancies import Discrepancy
from checker.report import Report

MAX_ANNOTATIONS = 10
# The annotation level of each severity; a discrepancy that fails the run is always an error.
LEVELS = {"contradiction": "error", "warning": "warning", "info": "notice"}


def render_github(report: Report, fail_on: str = "contradiction", **_: object) -> str:
    """`::error file=…,line=…::` for each new contradiction and each discrepancy that fails the run.

    Other new warnings get `::warning`, new infos `::notice`; known ones none.
    """
    failing = {d.id for d in report.failing(fail_on)}
    new = [d for d in report.discrepancies if d.baseline is None or d.baseline.state == "new"]
    new.sort(key=lambda d: d.id not in failing)
    lines = [_command(d, report, d.id in failing) for d in new[:MAX_ANNOTATIONS]]
    hidden = len(new) - MAX_ANNOTATIONS
    if hidden > 0:
        lines.append(
            f"::notice title=factlint::{hidden} more new discrepanc{'y' if hidden == 1 else 'ies'} "
            "not annotated (see the full report)"
        )
    return "".join(line + "\n" for line in lines)


def _command(d: Discrepancy, report: Report, failing: bool) -> str:
    level = "error" if failing else LEVELS[d.severity]
    claim = values_new_first(report, d)[0].claims[0]
    line, column = report.position(claim.document, claim.start)
    end_line, end_column = report.position(claim.document, claim.end)
    document = report.document(claim.document)
    properties = {
        "file": document.path if document and document.path else claim.document,
        "line": line,
        "col": column,
        "endLine": end_line,
        "endColumn": end_column,
        "title": f"factlint {d.severity} ({d.kind}): {d.subject} - {d.attribute}",
    }
    where = ", ".join(
        sorted({c.document for value in d.values for c in value.claims} - {claim.document})
    )
    message = f"{d.summary} [{d.id}]\n{d.explanation}" + (f"\nAlso in: {where}" if where else "")
    fields = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {fields}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
