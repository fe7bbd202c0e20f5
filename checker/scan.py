"""Fast, exact stand-ins for regexes that extraction used to build for every document.

Compiling a regex costs about a millisecond in the `regex` module, far more than running it.
These helpers give the same answers as the regexes they replace (tests/test_scan.py checks
them against `regex` itself) without compiling anything per document.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Iterator

import ahocorasick
import regex

from checker.prefilter import LiteralIndex, Starts, fold, match_starts, required_literals

_WORD = regex.compile(r"\w")
_SPACE_THEN_CAPITAL = regex.compile(r"\s+\p{Lu}")
_DIGIT = regex.compile(r"\d")
_MEMO_SIZE = 4096  # characters remembered per character class


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

    def occurs(self, text: str) -> bool:
        """Whether any key occurs in `text`."""
        return not self._empty and next(self._automaton.iter(text), None) is not None

    def found(self, text: str) -> set[str]:
        """Every key that occurs in `text`."""
        if self._empty:
            return set()
        return {key for _, key in self._automaton.iter(text)}


class StartIndex:
    """`finditer` for a list of patterns, each tried only where one of its matches can begin.

    checker.prefilter.match_starts gives, for a pattern, the literals (or digits) every match
    begins with; one Aho-Corasick scan of a text finds them all. Trying `pattern.match` at those
    positions, left to right and after the previous match, finds the same matches as
    `pattern.finditer` (tests/test_scan.py checks it), without trying every position.
    """

    def __init__(
        self, patterns: list[regex.Pattern], starts: list[Starts | None] | None = None
    ) -> None:
        """`starts` are the patterns' match_starts when known (None in it: use finditer)."""
        self.patterns = patterns
        self.starts = [match_starts(p) for p in patterns] if starts is None else starts
        literals = {literal for s in self.starts if s for literal in s.literals}
        self._automaton = ahocorasick.Automaton()
        for literal in literals:
            self._automaton.add_word(literal, (literal, len(literal) - 1))
        self._empty = not literals
        if not self._empty:
            self._automaton.make_automaton()
        self._class_memo: dict = {}  # class node -> {character: whether it is a member}
        # Patterns with equal starts (one macro opens many) share one candidate list per text.
        groups: dict[Starts, int] = {}
        self.groups = [
            None if s is None else groups.setdefault(s, len(groups)) for s in self.starts
        ]

    def scan(self, text: str) -> TextStarts:
        """The start positions of every pattern in `text` (found once, used per pattern)."""
        return TextStarts(self, text)


class TextStarts:
    """One text's candidate start positions per pattern of a StartIndex."""

    def __init__(self, index: StartIndex, text: str) -> None:
        self.index = index
        self.text = text
        self._at: dict[str, list[int]] | None = None  # literal -> where it starts in the text
        self._digits: list[int] | None = None
        self._members: dict = {}  # class node -> the offsets of its members in the text
        self._positions: dict[int, list[int] | None] = {}  # start group -> its candidates

    def finditer(self, number: int, timeout: float | None = None) -> Iterator[regex.Match]:
        """The matches of pattern `number`, as `pattern.finditer(text)` gives them.

        A `timeout` (seconds) bounds all the work for this pattern, as it bounds `finditer`'s:
        TimeoutError is raised when it is spent.
        """
        pattern, starts, text = self.index.patterns[number], self.index.starts[number], self.text
        positions = self._candidates(number) if starts is not None else None
        if positions is None:
            yield from pattern.finditer(text, timeout=timeout)
            return
        deadline = None if timeout is None else time.monotonic() + timeout
        end = 0
        for position in positions:
            if position < end:
                continue
            if deadline is None:
                match = pattern.match(text, position)
            else:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("regex timed out")
                match = pattern.match(text, position, timeout=left)
            if match is not None:
                yield match
                end = match.end()

    def _candidates(self, number: int) -> list[int] | None:
        """The sorted offsets where pattern `number` may begin (None: offsets unknown)."""
        group = self.index.groups[number]
        if group not in self._positions:
            self._positions[group] = self._find_candidates(number)
        return self._positions[group]

    def _find_candidates(self, number: int) -> list[int] | None:
        if self._at is None:
            folded = fold(self.text)
            if len(folded) != len(self.text):
                return None  # offsets in the folded text would not be offsets in the text
            self._at = {}
            if not self.index._empty:
                for end, (literal, back) in self.index._automaton.iter(folded):
                    self._at.setdefault(literal, []).append(end - back)
        starts = self.index.starts[number]
        found: list[int] = []
        for literal in starts.literals & self._at.keys():
            found += self._at[literal]
        if starts.digits:
            if self._digits is None:
                self._digits = [m.start() for m in _DIGIT.finditer(self.text)]
            found += self._digits
        for node in starts.classes:
            found += self._class_members(node)
        return sorted(set(found))

    def _class_members(self, node) -> list[int]:
        if node not in self._members:
            known = self.index._class_memo.setdefault(node, {})
            offsets = []
            for offset, char in enumerate(self.text):
                member = known.get(char)
                if member is None:
                    member = node.matches(ord(char))
                    if len(known) < _MEMO_SIZE:
                        known[char] = member
                if member:
                    offsets.append(offset)
            self._members[node] = offsets
        return self._members[node]
