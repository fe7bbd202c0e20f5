"""The gazetteer: canonical place names and which place lies within which."""

from __future__ import annotations

import functools
from collections.abc import Iterable

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

    def apart(self, a: str, b: str, unknown: str = "agree", regions: Iterable[str] = ()) -> bool:
        """True when two place names are different places, neither inside the other.

        Places the gazetteer knows are compared through it. With `unknown` 'conflict', two
        names it does not know are apart too, unless one may hold the other: a region (a
        name with one of `regions`, 'Clay County'), or one name written inside the other
        ('Elmford' and 'Elmford, Ohio'). A known place and an unknown one are never apart:
        the gazetteer cannot tell whether one lies within the other.
        """
        place_a, place_b = self.lookup(a), self.lookup(b)
        if place_a and place_b:
            return not self.related(place_a, place_b)
        if place_a or place_b or unknown != "conflict":
            return False
        key_a, key_b = _place_key(a), _place_key(b)
        if not key_a or not key_b or key_a in key_b or key_b in key_a:
            return False
        words = {w.casefold() for w in regions}
        return not any(w in words for w in (*key_a.split(), *key_b.split()))


def _place_key(name: str) -> str:
    """The name of a place as words, without a leading 'the' ('The Bronx' -> 'bronx')."""
    key = name_key(name)
    return key[4:] if key.startswith("the ") else key


@functools.lru_cache(maxsize=8)
def gazetteer_for(rulebook: Rulebook) -> Gazetteer:
    """The Gazetteer of a rulebook, built once."""
    return Gazetteer(rulebook)
