"""Parts and wholes: a count that is one part of a total is not the total.

"two women and one man died" counts two of the three dead; "the bodies of two more victims"
adds two to an earlier toll. Such a count keeps a scope of its own ("women", "more"), so it
is compared with the same part in other articles, never with the whole.
"""

from __future__ import annotations

import regex

from checker.patterns import compiled

_NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|another)"
)
_PART_AFTER = regex.compile(
    rf"^\s*(?:[\p{{L}}-]+\s+){{0,2}}?(?P<noun>[\p{{Ll}}-]+)\s*(?:,\s*|\s+)(?:and|plus)\s+{_NUMBER}\s+[\p{{L}}-]+",
    regex.I,
)
_PART_BEFORE = regex.compile(
    rf"{_NUMBER}\s+[\p{{L}}-]+\s+(?:and|plus)\s+$|{_NUMBER}\s+[\p{{L}}-]+,\s+$", regex.I
)
_INCREMENT = regex.compile(r"^\s*(?:more|additional|further|extra|other)\b", regex.I)
_INCREMENT_BEFORE = regex.compile(
    r"\b(?:another|an\s+additional|a\s+further|an\s+extra|adding|added|add)\s+$", regex.I
)


def part_scope(text: str, start: int, end: int) -> str | None:
    """The part a count at [start, end) of a sentence stands for, or None for a whole."""
    after = text[end : end + 60]
    if _INCREMENT.match(after) or _INCREMENT_BEFORE.search(text[max(0, start - 20) : start]):
        return "more"
    coordinated = _PART_AFTER.match(after)
    if coordinated:
        return coordinated.group("noun").lower()
    if _PART_BEFORE.search(text[max(0, start - 40) : start]):
        noun = compiled(r"\s*([\p{L}-]+)").match(after)
        return noun.group(1).lower() if noun else "part"
    return None
