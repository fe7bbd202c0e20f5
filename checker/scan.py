"""Fast, exact stand-ins for regexes that extraction used to build for every document.

Compiling a regex costs about a millisecond in the `regex` module, far more than running it.
These helpers give the same answers as the regexes they replace (tests/test_scan.py checks
them against `regex` itself) without compiling anything per document.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import ahocorasick
import regex

from checker.prefilter import LiteralIndex, required_literals

_WORD = regex.compile(r"\w")
_SPACE_THEN_CAPITAL = regex.compile(r"\s+\p{Lu}")


@functools.lru_cache(maxsize=65536)
def _is_word(char: str) -> bool:
    return _WORD.match(char) is not None


def at_boundary(text: str, index: int) -> bool:
    r"""True when `\b` matches at `index` of `text`."""
    before = index > 0 and _is_word(text[index - 1])
    after = index < len(text) and _is_word(text[index])
    return before != after


def count_word(text: str, word: str, *, not_before_capital: bool = False) -> int:
    r"""len(regex.findall(rf"\b{regex.escape(word)}\b", text)), with `(?!\s+\p{Lu})` if asked."""
    if not word:
        tail = r"(?!\s+\p{Lu})" if not_before_capital else ""
        return len(regex.findall(rf"\b\b{tail}", text))
    count, start, size = 0, 0, len(word)
    while (index := text.find(word, start)) != -1:
        end = index + size
        if (
            at_boundary(text, index)
            and at_boundary(text, end)
            and not (not_before_capital and _SPACE_THEN_CAPITAL.match(text, end))
        ):
            count += 1
            start = end
        else:
            start = index + 1
    return count


class WordAlternation:
    r"""`regex.compile(r"\b(?:" + "|".join(escaped words, longest first) + r")\b").finditer`."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in words:
            if word:
                self._automaton.add_word(word, word)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def finditer(self, text: str) -> list[tuple[int, str]]:
        """(start, word) of every match, left to right, as the regex would find them."""
        if self._empty:
            return []
        starts: dict[int, list[str]] = {}
        for end, word in self._automaton.iter(text):
            starts.setdefault(end - len(word) + 1, []).append(word)
        found: list[tuple[int, str]] = []
        cursor = 0
        for start in sorted(starts):
            if start < cursor or not at_boundary(text, start):
                continue
            for word in sorted(starts[start], key=len, reverse=True):
                if at_boundary(text, start + len(word)):
                    found.append((start, word))
                    cursor = start + len(word)
                    break
        return found


@functools.lru_cache(maxsize=256)
def _literal_index(pattern: regex.Pattern) -> LiteralIndex:
    return LiteralIndex([required_literals(pattern.pattern, pattern.flags, pattern.named_lists)])


def may_match(pattern: regex.Pattern, text: str) -> bool:
    """False only when `pattern` certainly finds nothing in `text` (see checker.prefilter)."""
    return bool(_literal_index(pattern).possible(text))


class SubstringIndex:
    """The keys (strings) that occur in a text as substrings, found in one scan."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for key in keys:
            if key:
                self._automaton.add_word(key, key)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def found(self, text: str) -> set[str]:
        """Every key that occurs in `text`."""
        if self._empty:
            return set()
        return {key for _, key in self._automaton.iter(text)}
