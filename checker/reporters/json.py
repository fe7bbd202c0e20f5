"""The JSON report (../shared/spec/report-contract.md): the Report model, serialised.

`json_chunks` streams it: the report's lists come one entry at a time, so no dump of the
whole report, nor one string of it, need ever be in memory (checker/outputs.py writes them). The bytes are those of
`json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from pydantic import BaseModel

from checker.report import Report

INDENT = 2
STREAMED = ("documents", "discrepancies", "claims", "diagnostics", "duplicates")


def render_json(report: Report, **_: object) -> str:
    """The report as JSON, byte-identical for the same corpus and rules."""
    return "".join(json_chunks(report))


def json_chunks(report: Report, **_: object) -> Iterator[str]:
    """The JSON report in pieces: each field, and each entry of the long lists."""
    small = report.model_dump(mode="json", exclude=set(STREAMED))
    names = [name for name in Report.model_fields if name in small or name in STREAMED]
    yield "{"
    for index, name in enumerate(names):
        yield ("," if index else "") + f"\n{' ' * INDENT}{_encode(name)}: "
        if name in STREAMED:
            yield from _list_chunks(getattr(report, name))
        else:
            yield _encode(small[name], depth=1)
    yield "\n}\n" if names else "}\n"


def _list_chunks(entries: list[BaseModel]) -> Iterator[str]:
    """A list of models as a field of the report (one level deep), one entry at a time."""
    if not entries:
        yield "[]"
        return
    inner = "\n" + " " * (2 * INDENT)
    yield "["
    for index, entry in enumerate(entries):
        yield ("," if index else "") + inner + _encode(entry.model_dump(mode="json"), depth=2)
    yield "\n" + " " * INDENT + "]"


def _encode(data: object, depth: int = 0) -> str:
    """JSON of `data` as json.dumps(indent=2) writes it `depth` levels deep."""
    text = json.dumps(data, indent=INDENT, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * (INDENT * depth)) if depth else text


def report_schema() -> str:
    """The JSON Schema of the report, generated from the pydantic models."""
    return json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
