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
_WORD = rf"\p{{L}}+(?:-(?!{_NUMBER}\b)\p{{L}}+)*"  # 'bank-robber', never 'workers-two'
_PART_AFTER = regex.compile(
    rf"^\s*(?:{_WORD}\s+){{0,2}}?(?P<noun>\p{{Ll}}+(?:-(?!{_NUMBER}\b)\p{{Ll}}+)*)\s*(?:,\s*|\s+)(?:and|plus)\s+{_NUMBER}\s+[\p{{L}}-]+",
    regex.I,
)
_PART_BEFORE = regex.compile(
    rf"{_NUMBER}\s+[\p{{L}}-]+\s+(?:and|plus)\s+$|{_NUMBER}\s+[\p{{L}}-]+,\s+$", regex.I
)
# 'three workers (one a pregnant woman)', 'one of the wounded': a part of a count given before.
_PARTITIVE_BEFORE = regex.compile(r"\(\s*$")
# ('411 of the 650 seats' is a whole: the count of what was won, against the number there are)
_PARTITIVE_AFTER = regex.compile(
    r"^\s+of\s+(?:them|whom|(?:the|those|these)\s+(?!\d|(?:some|about|nearly)\s+\d))", regex.I
)
_INCREMENT = regex.compile(r"^\s*(?:more|additional|further|extra|other)\b", regex.I)
_INCREMENT_BEFORE = regex.compile(
    r"\b(?:another|an\s+additional|a\s+further|an\s+extra|adding|added|add)\s+$", regex.I
)


_STATE = regex.compile(r"\p{L}+ed", regex.I)  # 'wounded', 'injured': what befell them


def part_scope(text: str, start: int, end: int) -> str | None:
    """The part a count at [start, end) of a sentence stands for, or None for a whole."""
    after = text[end : end + 60]
    if _INCREMENT.match(after) or _INCREMENT_BEFORE.search(text[max(0, start - 20) : start]):
        return "more"
    if _PARTITIVE_AFTER.match(after) or _PARTITIVE_BEFORE.search(text[max(0, start - 3) : start]):
        return "part"
    coordinated = _PART_AFTER.match(after)
    if coordinated:
        return coordinated.group("noun").lower()
    if _PART_BEFORE.search(text[max(0, start - 40) : start]):
        noun = compiled(r"\s*([\p{L}-]+)").match(after)
        if noun and _STATE.fullmatch(noun.group(1)):
            return None  # '2 Dead, 1 Wounded': a count of another state, not a part
        return noun.group(1).lower() if noun else "part"
    return None
