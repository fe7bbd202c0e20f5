"""The JSON report (../shared/spec/report-contract.md): the Report model, serialised.

`json_chunks` streams it: the report's lists come one entry at a time, so no dump of the
whole report, nor one string of it, need ever be in memory (checker/outputs.py writes them). The bytes are those of
`json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import types
import typing
from collections.abc import Iterator

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

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
        yield ("," if index else "") + inner + _entry_json(entry, depth=2)
    yield "\n" + " " * INDENT + "]"


def _entry_json(entry: BaseModel, depth: int) -> str:
    """`_encode(entry.model_dump(mode="json"), depth)`, by pydantic's serialiser where it is the same.

    pydantic writes JSON in Rust, byte for byte as json.dumps(indent=2, ensure_ascii=False)
    does, except for floats (exponents, NaN); models with no float anywhere take that path.
    A text it cannot encode (a lone surrogate) falls back to json.dumps.
    """
    if _without_floats(type(entry)):
        try:
            text = entry.model_dump_json(indent=INDENT)
        except PydanticSerializationError:
            pass
        else:
            return text.replace("\n", "\n" + " " * (INDENT * depth))
    return _encode(entry.model_dump(mode="json"), depth=depth)


@functools.cache
def _without_floats(model: type) -> bool:
    """Whether no field of a model (nor of the models in it) can hold a float or unknown data."""
    return all(_float_free(field.annotation, set()) for field in model.model_fields.values())


def _float_free(annotation: object, seen: set) -> bool:
    """Whether a field type holds only texts, integers, booleans, dates, None and such models."""
    if annotation is Ellipsis or annotation is type(None):
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation not in seen:
            seen.add(annotation)
            return all(_float_free(f.annotation, seen) for f in annotation.model_fields.values())
        return True
    if isinstance(annotation, type) and annotation is not float:
        return issubclass(annotation, (str, int, dt.date))  # bool is an int
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Literal:
        return all(isinstance(a, (str, int)) for a in arguments)
    if origin is typing.Annotated:
        return _float_free(arguments[0], seen)
    return origin in _CONTAINERS and all(_float_free(a, seen) for a in arguments)


_CONTAINERS = (list, tuple, set, frozenset, dict, typing.Union, types.UnionType)


def _encode(data: object, depth: int = 0) -> str:
    """JSON of `data` as json.dumps(indent=2) writes it `depth` levels deep."""
    text = json.dumps(data, indent=INDENT, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * (INDENT * depth)) if depth else text


def report_schema() -> str:
    """The JSON Schema of the report, generated from the pydantic models."""
    return json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
