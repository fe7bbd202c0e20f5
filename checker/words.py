"""Words: a sentence's tokens with their offsets, and lemmas from simplemma (cached)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex
import simplemma

_TOKEN = regex.compile(
    r"[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]"
)


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark and its offsets in the sentence."""

    text: str
    start: int
    end: int


@functools.lru_cache(maxsize=4096)
def tokens(text: str) -> list[Token]:
    """The words and punctuation marks of `text`, left to right (cached: do not modify)."""
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of an English word ('killing' -> 'kill'), lower-cased."""
    lowered = word.lower().strip(".'\u2019")
    if not lowered.isalpha():
        return lowered
    base = simplemma.lemmatize(lowered, lang="en").lower()
    if base == lowered and lowered.endswith("ing") and len(lowered) > 5:
        # 'serving' is also a noun (a serving): the verb's lemma is what keys a predicate.
        stem = lowered[:-3]
        for candidate in (stem + "e", stem, stem[:-1]):
            if simplemma.is_known(candidate, lang="en"):
                return candidate
    return base


@functools.lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary English word ('Armed', 'Major'), not a name."""
    lowered = word.lower()
    return lowered.isalpha() and simplemma.is_known(lowered, lang="en") and lowered != word
