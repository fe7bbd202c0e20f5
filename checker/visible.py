r"""Control characters made visible, so that text from a document never acts on what shows it.

C0 and C1 controls other than tab and newline (ESC starts terminal escape sequences, NUL and
vertical tab are not allowed in XML), the bidirectional embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069: they make text display in an order other than its own), lone
surrogates and the noncharacters U+FFFE and U+FFFF become escapes such as `\x1b` and `\u202e`.
The result is printable and well-formed in XML; text without such characters is returned as is.
"""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

# Knowledge as data: the ranges that never reach an output raw.
INVISIBLE_RANGES = (
    ("\x00", "\x08"),
    ("\x0b", "\x1f"),
    ("\x7f", "\x9f"),
    ("\u202a", "\u202e"),
    ("\u2066", "\u2069"),
    ("\ud800", "\udfff"),
    ("\ufffe", "\uffff"),
)
_INVISIBLE = re.compile("[" + "".join(f"{a}-{b}" for a, b in INVISIBLE_RANGES) + "]")


def visible(text: str) -> str:
    r"""The text with every control character above written as an escape (`\x1b`, `\u202e`)."""
    if not _INVISIBLE.search(text):
        return text
    return _INVISIBLE.sub(_escape, text)


def has_invisible(text: str) -> bool:
    """True when the text holds a character that `visible` escapes."""
    return _INVISIBLE.search(text) is not None


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_model(model: M) -> M:
    """A copy of a pydantic model whose strings (nested models, lists, dicts) are made visible.

    The model itself is returned when nothing needed escaping; numbers (offsets) never change.
    """
    updates = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        shown = _visible_value(value)
        if shown is not value:
            updates[name] = shown
    return model.model_copy(update=updates) if updates else model


def _visible_value(value: object) -> object:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, BaseModel):
        return visible_model(value)
    if isinstance(value, list | tuple):
        items = [_visible_value(item) for item in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        pairs = [(_visible_value(k), _visible_value(v)) for k, v in value.items()]
        if all(k is a and v is b for (k, v), (a, b) in zip(pairs, value.items(), strict=True)):
            return value
        return dict(pairs)
    return value
