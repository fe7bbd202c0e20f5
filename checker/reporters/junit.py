"""JUnit XML for CI test tabs.

One test case per discrepancy, failing for the new ones that reach --fail-on (the ones that
fail the run); the others pass, with their state in system-out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from checker.baseline import state_label
from checker.discrepancies import Discrepancy
from checker.report import Report


def render_junit(report: Report, fail_on: str = "contradiction", **_: object) -> str:
    """The report as a JUnit XML document."""
    failing = {d.id for d in report.failing(fail_on)}
    counts = {"tests": str(len(report.discrepancies)), "failures": str(len(failing))}
    suites = ET.Element("testsuites", name="factlint", **counts, errors="0")
    suite = ET.SubElement(suites, "testsuite", name="factlint", **counts, errors="0", skipped="0")
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="fail-on", value=fail_on)
    if report.baseline:
        ET.SubElement(properties, "property", name="baseline", value=report.baseline.file)
    for discrepancy in report.discrepancies:
        _case(suite, discrepancy, report, discrepancy.id in failing)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _case(suite: ET.Element, d: Discrepancy, report: Report, failing: bool) -> None:
    scope = f" [{d.scope}]" if d.scope else ""
    case = ET.SubElement(
        suite,
        "testcase",
        classname=f"factlint.{d.kind}",
        name=f"{d.subject} - {d.attribute}{scope} ({d.id})",
        file=_first_file(d, report),
    )
    details = _details(d, report)
    if failing:
        failure = ET.SubElement(case, "failure", message=d.summary, type=d.severity)
        failure.text = details
    else:
        state = state_label(d) or "new"
        out = ET.SubElement(case, "system-out")
        out.text = f"{d.severity}, {state} (does not fail the run)\n{details}"


def _first_file(d: Discrepancy, report: Report) -> str:
    document = report.document(d.values[0].claims[0].document)
    return (document.path if document and document.path else d.values[0].claims[0].document) or ""


def _details(d: Discrepancy, report: Report) -> str:
    lines = [d.explanation]
    state = state_label(d)
    if state:
        lines.append(f"Baseline: {state}")
    for value in d.values:
        lines.append(f"* {value.value}")
        for claim in value.claims:
            line, column = report.position(claim.document, claim.start)
            lines.append(f'    {claim.document}:{line}:{column} "{claim.sentence}"')
    return "\n".join(lines)
