"""SARIF 2.1.0, the format GitHub code scanning and other static-analysis viewers read.

One rule per discrepancy kind; one result per discrepancy, with a location for each claim
that supports it, the stable id as its partial fingerprint and its baseline state
(new, unchanged, or absent for a baseline entry that no longer occurs).
"""

from __future__ import annotations

import json
import re
from typing import get_args
from urllib.parse import quote

from checker.baseline import BaselineEntry, values_new_first
from checker.discrepancies import KIND_DESCRIPTIONS, Discrepancy, Kind
from checker.report import Report

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factlint/v1"
LEVELS = {"contradiction": "error", "warning": "warning", "info": "note"}
# GitHub code scanning reads at most 10 locations per result; the rest go in relatedLocations.
MAX_LOCATIONS = 10
KINDS: tuple[str, ...] = get_args(Kind)
_DRIVE = re.compile(r"^[A-Za-z]:/")


def render_sarif(report: Report, **_: object) -> str:
    """The report as a SARIF 2.1.0 log (deterministic, like the JSON report)."""
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [_run(report)],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _run(report: Report) -> dict:
    results = [_result(report, d) for d in report.discrepancies]
    if report.baseline:
        results.extend(_absent(entry, report.baseline.file) for entry in report.baseline.fixed)
    return {
        "tool": {
            "driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "rules": [_rule(kind) for kind in KINDS],
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(report)],
        "results": results,
    }


def _rule(kind: str) -> dict:
    return {
        "id": kind,
        "name": "".join(part.capitalize() for part in kind.split("_")),
        "shortDescription": {"text": kind.replace("_", " ")},
        "fullDescription": {"text": KIND_DESCRIPTIONS[kind]},
        "help": {"text": KIND_DESCRIPTIONS[kind]},
        "properties": {"tags": ["factlint", "fact-consistency"]},
    }


def _result(report: Report, d: Discrepancy) -> dict:
    locations = [
        _location(report, claim, f"{value.value} ({claim.document})", number)
        for number, (value, claim) in enumerate(_claims(values_new_first(report, d)), start=1)
    ]
    result = {
        "ruleId": d.kind,
        "ruleIndex": KINDS.index(d.kind),
        "level": LEVELS[d.severity],
        "message": {"text": f"{d.summary}. {d.explanation}"},
        "locations": locations[:MAX_LOCATIONS],
        "partialFingerprints": {FINGERPRINT_KEY: d.id},
        "properties": _properties(d),
    }
    if len(locations) > MAX_LOCATIONS:
        result["relatedLocations"] = locations[MAX_LOCATIONS:]
    if d.baseline:
        result["baselineState"] = "new" if d.baseline.state == "new" else "unchanged"
        if d.baseline.state == "known" and d.baseline.status in ("accepted", "false_positive"):
            result["suppressions"] = [_suppression(d.baseline.status, d.baseline.note)]
    return result


def _claims(values: list):
    """Each value's first claim first (those are the locations viewers show), then the rest."""
    pairs = [(value, claim) for value in values for claim in value.claims]
    firsts = [(value, value.claims[0]) for value in values]
    return firsts + [pair for pair in pairs if pair not in firsts]


def _location(report: Report, claim, message: str, number: int) -> dict:
    line, column = report.position(claim.document, claim.start)
    end_line, end_column = report.position(claim.document, claim.end)
    summary = report.document(claim.document)
    return {
        "id": number,
        "physicalLocation": {
            "artifactLocation": _artifact(
                summary.path if summary and summary.path else claim.document
            ),
            "region": {
                "startLine": line,
                "startColumn": column,
                "endLine": end_line,
                "endColumn": end_column,
                "snippet": {"text": claim.text},
            },
        },
        "message": {"text": message},
    }


def _artifact(path: str) -> dict:
    """A relative path stays relative to the checkout (%SRCROOT%); an absolute one is a file URI."""
    posix = path.replace("\\", "/")
    if posix.startswith("/") or _DRIVE.match(posix):
        return {"uri": "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")}
    return {"uri": quote(posix.removeprefix("./")), "uriBaseId": "%SRCROOT%"}


def _properties(d: Discrepancy) -> dict:
    properties = {
        "id": d.id,
        "severity": d.severity,
        "subject": d.subject,
        "attribute": d.attribute,
        "values": [value.value for value in d.values],
    }
    if d.scope:
        properties["scope"] = d.scope
    if d.baseline:
        properties["baseline"] = d.baseline.model_dump(mode="json", exclude_none=True)
    return properties


def _suppression(status: str, note: str | None) -> dict:
    justification = "false positive" if status == "false_positive" else "accepted"
    return {
        "kind": "external",
        "status": "accepted",
        "justification": f"{justification}: {note}" if note else justification,
    }


def _absent(entry: BaselineEntry, baseline_file: str) -> dict:
    """A baseline entry no longer found: reported with baselineState absent, as a pass."""
    return {
        "ruleId": entry.kind,
        "ruleIndex": KINDS.index(entry.kind),
        "kind": "pass",
        "level": "none",
        "message": {"text": f"No longer found (fixed): {entry.summary}"},
        "partialFingerprints": {FINGERPRINT_KEY: entry.id},
        "baselineState": "absent",
        "properties": {
            "id": entry.id,
            "severity": entry.severity,
            "subject": entry.subject,
            "attribute": entry.attribute,
            "values": entry.values,
            "baseline": {"file": baseline_file, "status": entry.status, "note": entry.note},
        },
    }


def _invocation(report: Report) -> dict:
    notifications = [
        {
            "level": "warning" if diagnostic.skipped else "note",
            "message": {"text": diagnostic.message},
            "descriptor": {"id": diagnostic.code},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _artifact(diagnostic.document),
                        **({"region": {"startLine": diagnostic.line}} if diagnostic.line else {}),
                    }
                }
            ],
        }
        for diagnostic in report.diagnostics
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notifications}
