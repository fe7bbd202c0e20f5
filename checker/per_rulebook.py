"""One object built per rulebook (a lexicon, a rule filter), kept for the few rulebooks in use.

The rules cache reads such objects back with the rulebook they were built for; `remember`
hands them over so that a warm start does not build them again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from checker.rulebook import Rulebook

T = TypeVar("T")
KEPT = 8  # rulebooks whose objects are kept (the oldest is dropped first)


class PerRulebook(Generic[T]):
    """`build(rulebook)`, once per rulebook (by its packs' hash and its open-claims switch)."""

    def __init__(self, build: Callable[[Rulebook], T]) -> None:
        self._build = build
        self._kept: dict[tuple[str, bool], T] = {}

    def __call__(self, rulebook: Rulebook) -> T:
        """The object of this rulebook, built on the first call."""
        found = self._kept.get(_key(rulebook))
        if found is None:
            found = self._build(rulebook)
            self.remember(rulebook, found)
        return found

    def remember(self, rulebook: Rulebook, built: T) -> None:
        """Use `built` (made for this rulebook, e.g. read from the rules cache) from now on."""
        if len(self._kept) >= KEPT:
            self._kept.pop(next(iter(self._kept)))
        self._kept[_key(rulebook)] = built


def _key(rulebook: Rulebook) -> tuple[str, bool]:
    return rulebook.version, rulebook.open_claims
