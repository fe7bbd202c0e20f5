"""The gazetteer: canonical place names and which place lies within which."""

from __future__ import annotations

import functools

from checker.names import name_key
from checker.rulebook import Rulebook


class Gazetteer:
    """Looks places up by any of their names and answers containment questions."""

    def __init__(self, rulebook: Rulebook) -> None:
        self._canonical: dict[str, str] = {}
        self._parent: dict[str, str | None] = {}
        for place in rulebook.places:
            self._parent[place.name] = place.within
            for name in (place.name, *place.aliases):
                self._canonical.setdefault(name_key(name), place.name)

    def lookup(self, name: str) -> str | None:
        """The canonical name of a place, or None when the gazetteer does not know it."""
        key = name_key(name)
        if key.startswith("the "):
            key = key[4:]
        return self._canonical.get(key)

    def ancestors(self, place: str) -> list[str]:
        """The places containing `place`, nearest first."""
        chain: list[str] = []
        parent = self._parent.get(place)
        while parent and parent not in chain:
            chain.append(parent)
            parent = self._parent.get(parent)
        return chain

    def related(self, a: str, b: str) -> bool:
        """True when one place is, or lies within, the other."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)


@functools.lru_cache(maxsize=8)
def gazetteer_for(rulebook: Rulebook) -> Gazetteer:
    """The Gazetteer of a rulebook, built once."""
    return Gazetteer(rulebook)
