"""Stances: what a value is to the parties of a deal: asked for, or offered.

"Teixeira is seeking a 10-year contract" and "the Orioles offered Teixeira a seven-year deal"
give one player two figures, but not two figures for one fact: an ask and an offer can both
be true. The stance of a value is that of the nearest stance word (the vocabulary's lemmas)
before it in its sentence, or of the word right after it ('an eight-year offer'); two values
with different stances are two facts.
"""

from __future__ import annotations

import functools

from checker.lexicon import Lexicon
from checker.words import lemma, tokens

WORDS_BEFORE = 12  # how far back a stance word may govern the value
WORDS_AFTER = 2  # 'an eight-year offer', 'a $200 million bid'


class StanceFinder:
    """Finds the stance of a value in a sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        stances = lexicon.vocabulary.stances
        self._stance_of = {word: name for name, words in stances.items() for word in words}

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one finder per rulebook, sentences repeat
    def of(self, sentence: str, start: int, end: int) -> str | None:
        """The stance of the value at sentence[start:end] ('ask', 'offer'), if a word says it."""
        if not self._stance_of:
            return None
        words = [t for t in tokens(sentence) if t.text[0].isalpha()]
        before = [t for t in words if t.end <= start][-WORDS_BEFORE:]
        after = [t for t in words if t.start >= end][:WORDS_AFTER]
        for token in [*reversed(before), *after]:
            stance = self._stance_of.get(lemma(token.text))
            if stance:
                return stance
        return None


def different_stances(a: str | None, b: str | None) -> bool:
    """Whether two values have different stances (an ask and an offer): two facts."""
    return a is not None and b is not None and a != b
