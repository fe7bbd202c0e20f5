"""Entity resolution across the corpus: one canonical name per person or organisation.

Declared aliases come first (rules/entities.yaml), and a declared name is never a short form
of another ("Google" stays apart from "Google Cloud"); then a short form maps to the one longer
name it can stand for (a surname to a person's full name, a first word to an organisation:
"Sunak" -> "Rishi Sunak", "Scale" -> "Scale AI"); then near-identical spellings merge
(rapidfuzz, MIN_SIMILARITY). Different entities with similar names stay apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from checker.names import is_given_name, name_key
from checker.rulebook import Rulebook

MIN_SIMILARITY = 92.0
MIN_FUZZY_LENGTH = 8


class EntityIndex:
    """Maps every mention seen in the corpus to a canonical name."""

    def __init__(self, mentions: Iterable[tuple[str, str]], rulebook: Rulebook) -> None:
        """`mentions` are (name, type) pairs, type being person, org, place, event or any."""
        self._declared: dict[str, str] = {}
        for alias in rulebook.aliases:
            for name in (alias.canonical, *alias.aliases):
                self._declared[name_key(name)] = alias.canonical
        counts: Counter[str] = Counter()
        self._types: dict[str, set[str]] = {}
        for name, kind in mentions:
            name = self._declared.get(name_key(name), name)
            counts[name] += 1
            self._types.setdefault(name, set()).add(kind)
        self._counts = counts
        self._canonical = self._resolve(counts)
        self._frequency: Counter[str] = Counter()
        for name, count in counts.items():
            self._frequency[self._canonical.get(name, name)] += count

    def frequency(self, name: str) -> int:
        """How often the corpus's claims mention an entity (under any of its names)."""
        return self._frequency[self.canonical(name)]

    def canonical(self, name: str) -> str:
        """The canonical name for a mention (the mention itself when nothing better is known)."""
        name = self._declared.get(name_key(name), name)
        return self._canonical.get(name, name)

    def _resolve(self, counts: Counter[str]) -> dict[str, str]:
        canonical: dict[str, str] = {}
        blocks: dict[tuple[str, str], list[str]] = defaultdict(list)  # spellings worth comparing
        long_names = sorted(
            (n for n in counts if len(n.split()) >= 2), key=lambda n: (-counts[n], n)
        )
        for name in long_names:
            key = _fuzzy_key(name)
            block = blocks[_block(key)]
            twin = _closest(key, block)
            canonical[name] = twin or name
            if twin is None:
                block.append(name)
        _merge_tails(canonical, counts)
        by_first: dict[str, set[str]] = defaultdict(set)
        by_last: dict[str, set[str]] = defaultdict(set)
        for full in set(canonical.values()):
            by_first[full.split()[0]].add(full)
            by_last[full.split()[-1]].add(full)
        declared = set(self._declared.values())
        for name in counts:
            if name in declared:
                # a declared entity is itself, not a short form: 'Google' is not 'Google Cloud'
                canonical.setdefault(name, name)
            elif name not in canonical:
                canonical[name] = self._short_form(name, by_first, by_last) or name
        return canonical

    def _short_form(
        self, name: str, by_first: dict[str, set[str]], by_last: dict[str, set[str]]
    ) -> str | None:
        """The single longer name a one-word mention stands for, if there is exactly one."""
        if " " in name:
            return None
        types = self._types.get(name, {"any"})
        person_like = "person" in types
        for candidate in (name, name[:-1] if name.endswith("s") and len(name) > 3 else None):
            if not candidate:
                continue
            surnames = set()
            if "org" not in types:
                surnames = {
                    f for f in by_last.get(candidate, ()) if person_like or self._is_a("person", f)
                }
            first_words = set()
            if not person_like:
                first_words = {
                    f for f in by_first.get(candidate, ()) if not self._is_a("person", f)
                }
            matches = surnames | first_words
            if len(matches) == 1:
                return matches.pop()
            if len(matches) > 1:
                return _dominant(matches, self._counts)
        return None

    def _is(self, kind: str, name: str) -> bool:
        return kind in self._types.get(name, set()) or "any" in self._types.get(name, set())

    def _is_a(self, kind: str, name: str) -> bool:
        return kind in self._types.get(name, set())

    def _is_only(self, kind: str, name: str) -> bool:
        return self._types.get(name, set()) == {kind}


DOMINANT_SHARE = 3.0  # a surname shared by several names stands for one this much more frequent


def _dominant(names: set[str], counts: Counter[str]) -> str | None:
    """Of several full names a short form may stand for, the one the corpus names far more."""
    ranked = sorted(names, key=lambda n: (-counts[n], n))
    if counts[ranked[0]] >= DOMINANT_SHARE * max(counts[ranked[1]], 1):
        return ranked[0]
    return None


def _merge_tails(canonical: dict[str, str], counts: Counter[str]) -> None:
    """Names that end alike are one person when the extra words are given names or titles.

    'Luis Orozco' is 'Jose Luis Orozco' (Jose is a given name); 'Sheriff Jerry Ortiz' is
    'Jerry Ortiz' (Sheriff is not). Only a single candidate merges.
    """
    names = sorted(set(canonical.values()), key=lambda n: (-len(n.split()), n))
    by_tail: dict[tuple[str, ...], list[str]] = defaultdict(list)  # names by their shorter tails
    for name in names:
        words = name.split()
        for size in range(2, len(words)):
            by_tail[tuple(words[-size:])].append(name)
    target: dict[str, str] = {}
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        longer = by_tail.get(tuple(words), [])
        if len(longer) != 1:
            continue
        extra = longer[0].split()[: -len(words)]
        if all(is_given_name(w) for w in extra):
            target.setdefault(name, longer[0])
        elif not any(is_given_name(w) for w in extra):
            target.setdefault(longer[0], name)
    for mention, resolved in canonical.items():
        canonical[mention] = target.get(resolved, resolved)


def _block(key: str) -> tuple[str, str]:
    words = key.split()
    return (words[0][:1], words[-1][:1]) if words else ("", "")


def _closest(key: str, names: list[str]) -> str | None:
    """The name in `names` spelled like `key`, if any (rapidfuzz, MIN_SIMILARITY)."""
    if not names or len(key) < MIN_FUZZY_LENGTH:
        exact = [n for n in names if _fuzzy_key(n) == key]
        return exact[0] if exact else None
    found = process.extractOne(
        key, names, scorer=fuzz.ratio, processor=_fuzzy_key, score_cutoff=MIN_SIMILARITY
    )
    return found[0] if found else None


def _fuzzy_key(name: str) -> str:
    return name_key(name.replace("'", "").replace("\u2019", ""))


def similar(a: str, b: str) -> bool:
    """True when two multi-word names are spellings of the same name ("Alexandr"/"Alexander")."""
    key_a, key_b = _fuzzy_key(a), _fuzzy_key(b)
    if key_a == key_b:
        return True
    if (
        min(len(key_a), len(key_b)) < MIN_FUZZY_LENGTH
        or key_a.split()[-1][:1] != key_b.split()[-1][:1]
    ):
        return False
    return fuzz.ratio(key_a, key_b) >= MIN_SIMILARITY
