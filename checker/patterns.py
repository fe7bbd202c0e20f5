"""Compiled-regex caches for patterns built at run time.

`regex.search(pattern_string, text)` looks the compiled pattern up in the `regex` module's
cache on every call, which costs far more than matching a short string (and the cache is
small, so per-name patterns get recompiled). These helpers compile each pattern once.
"""

from __future__ import annotations

import functools

import regex


@functools.lru_cache(maxsize=4096)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """`regex.compile(pattern, flags)`, cached."""
    return regex.compile(pattern, flags)


@functools.lru_cache(maxsize=65536)
def word_pattern(word: str) -> regex.Pattern:
    r"""The compiled `\b{word}\b` (word escaped), cached."""
    return regex.compile(rf"\b{regex.escape(word)}\b")
