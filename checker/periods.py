"""Periods: the stretch of time a sentence counts a value over ('in his last two games').

"Two touchdowns in his last two games" and "eight touchdowns since Week 11" are counts over
different stretches, not two counts of one thing. A period is the marker the vocabulary
lists ('since', 'in the last', 'this season') with the few words after it, up to the next
punctuation, as comparable words: possessives and articles dropped, numbers as digits; else a
span of years ('as director (1999-2003)').
"""

from __future__ import annotations

import functools

import regex

from checker.lexicon import Lexicon
from checker.rulebook import alternation

_YEAR_SPAN = regex.compile(r"\b((?:1[89]|20)\d\d)\s*[-\u2013]\s*((?:1[89]|20)?\d\d)\b")
PERIOD_WORDS = 3  # words after a marker that say which stretch ('last two games')
_FILLER = frozenset({"the", "his", "her", "their", "its", "our", "a", "an"})


class PeriodFinder:
    """Finds the period a value in a sentence is counted over."""

    def __init__(self, lexicon: Lexicon) -> None:
        vocabulary = lexicon.vocabulary
        self._numbers = {w.casefold(): n for w, n in vocabulary.number_words.items()}
        self._marker = regex.compile(
            rf"\b(?P<marker>{alternation(vocabulary.period_markers)})\b"
            rf"(?P<rest>(?:\s+[\w'’-]+){{0,{PERIOD_WORDS}}})",
            regex.I,
        )
        self._share = (
            regex.compile(rf"\b(?:{alternation(vocabulary.share_markers)})\b", regex.I)
            if vocabulary.share_markers
            else None
        )
        spans = [u for u, (dimension, _) in vocabulary.units.items() if dimension == "months"]
        numbers = alternation([*vocabulary.number_words, "a", "an"])
        self._within = regex.compile(  # 'the second in two days', 'in less than a month'
            rf"\b(?:in|within)\s+(?:less\s+than\s+|under\s+)?(?:{numbers}|\d+)\s+"
            rf"(?:{alternation(spans)})\b",
            regex.I,
        )

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one finder per rulebook, sentences repeat
    def of(self, sentence: str) -> str | None:
        """The period (and share of a whole) the sentence's values are counted over, as words.

        'Six touchdowns on offense this year' and 'two on the ground this year' are counted
        over one season but two shares of play.
        """
        period = self._period(sentence)
        share = self._share.search(sentence) if self._share else None
        if not share:
            return period
        words = [w for w in share.group(0).casefold().split() if w not in _FILLER]
        return " ".join([period, *words] if period else words)

    def _period(self, sentence: str) -> str | None:
        match = self._marker.search(sentence)
        if not match:
            span = _YEAR_SPAN.search(sentence)  # 'four seasons as director (1999-2003)'
            if span:
                return f"{span.group(1)}-{span.group(2)}"
            within = self._within.search(sentence)
            words = within.group(0).casefold().split() if within else []
            return " ".join(self._plain(w) for w in words if w not in _FILLER) or None
        words = f"{match.group('marker')} {match.group('rest')}".casefold().split()
        return " ".join(self._plain(w) for w in words if w not in _FILLER)

    def _plain(self, word: str) -> str:
        number = self._numbers.get(word)
        return f"{number:g}" if number is not None else word


def different_periods(a: str | None, b: str | None) -> bool:
    """Whether two values are counted over different periods.

    A count over a named stretch ('86 arrests over the course of Saturday's protests') is a
    part of a count that names none ('more than 200 arrested'), not another figure for it.
    """
    return bool((a or b) and a != b)
