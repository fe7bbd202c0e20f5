"""Entity resolution across the corpus: one canonical name per person or organisation.

Declared aliases come first (rules/entities.yaml); then a short form maps to the one longer
name it can stand for (a surname to a person's full name, a first word to an organisation:
"Sunak" -> "Rishi Sunak", "Scale" -> "Scale AI"); then near-identical spellings merge
(rapidfuzz, MIN_SIMILARITY). Different entities with similar names stay apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from checker.names import name_key
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
        long_names = sorted(
            (n for n in counts if len(n.split()) >= 2), key=lambda n: (-counts[n], n)
        )
        twins = _Twins()
        for name in long_names:
            twin = twins.first_similar(name)
            canonical[name] = twin or name
            if twin is None:
                twins.add(name)
        values = _Values(canonical.values())
        for name in counts:
            if name in canonical:
                continue
            canonical[name] = self._short_form(name, values) or name
            values.add(canonical[name])
        return canonical

    def _short_form(self, name: str, long_names: _Values) -> str | None:
        """The single longer name a one-word mention stands for, if there is exactly one."""
        if " " in name:
            return None
        types = self._types.get(name, {"any"})
        for candidate in (name, name[:-1] if name.endswith("s") and len(name) > 3 else None):
            if not candidate:
                continue
            person_like = "person" in types
            matches: set[str] = set()
            if "org" not in types:
                matches |= {
                    f
                    for f in long_names.by_last[candidate]
                    if person_like or self._is_a("person", f)
                }
            if not person_like:
                matches |= {
                    f for f in long_names.by_first[candidate] if not self._is_a("person", f)
                }
            if len(matches) == 1:
                return matches.pop()
        return None

    def _is(self, kind: str, name: str) -> bool:
        return kind in self._types.get(name, set()) or "any" in self._types.get(name, set())

    def _is_a(self, kind: str, name: str) -> bool:
        return kind in self._types.get(name, set())

    def _is_only(self, kind: str, name: str) -> bool:
        return self._types.get(name, set()) == {kind}


class _Twins:
    """Canonical names so far; finds the first one `similar` to a name without comparing all.

    `similar` needs equal keys, or keys of at least MIN_FUZZY_LENGTH whose last words start
    with the same letter and whose ratio reaches MIN_SIMILARITY: names are bucketed by that
    letter and each bucket is searched by rapidfuzz in one call.
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self._exact: dict[str, int] = {}
        self._buckets: dict[str, tuple[list[str], list[int]]] = {}

    def add(self, name: str) -> None:
        key = _fuzzy_key(name)
        self._exact.setdefault(key, len(self.names))
        if len(key) >= MIN_FUZZY_LENGTH:
            keys, positions = self._buckets.setdefault(key.split()[-1][:1], ([], []))
            keys.append(key)
            positions.append(len(self.names))
        self.names.append(name)

    def first_similar(self, name: str) -> str | None:
        key = _fuzzy_key(name)
        best = self._exact.get(key, len(self.names))
        if len(key) >= MIN_FUZZY_LENGTH:
            keys, positions = self._buckets.get(key.split()[-1][:1], ([], []))
            found = process.extract(
                key,
                keys,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=MIN_SIMILARITY,
                limit=None,
            )
            best = min([best, *(positions[index] for _, _, index in found)])
        return self.names[best] if best < len(self.names) else None


class _Values:
    """A growing set of canonical names, indexed by first and last word."""

    def __init__(self, names) -> None:
        self._seen: set[str] = set()
        self.by_first: defaultdict[str, set[str]] = defaultdict(set)
        self.by_last: defaultdict[str, set[str]] = defaultdict(set)
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        words = name.split()
        if name in self._seen or not words:
            return
        self._seen.add(name)
        self.by_first[words[0]].add(name)
        self.by_last[words[-1]].add(name)


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
