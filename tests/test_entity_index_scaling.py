"""The bucketed entity resolution gives exactly what the all-pairs version gave."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.entities import EntityIndex, similar
from checker.rulebook import load_rulebook

FIRST = ["Alexandr", "Alexander", "Alexandre", "Ann", "Anne", "Jon", "John", "Scale", "Meta"]
LAST = ["Wang", "Wangs", "Smith", "Smyth", "Droege", "AI", "Platforms", "Smithson"]


def reference(index: EntityIndex, counts: Counter) -> dict[str, str]:
    """The original quadratic algorithm, kept here as the specification."""
    canonical: dict[str, str] = {}
    long_names = sorted((n for n in counts if len(n.split()) >= 2), key=lambda n: (-counts[n], n))
    for name in long_names:
        twin = next((c for c in canonical.values() if similar(name, c)), None)
        canonical[name] = twin or name
    for name in counts:
        if name in canonical:
            continue
        canonical[name] = short_form(index, name, set(canonical.values())) or name
    return canonical


def short_form(index: EntityIndex, name: str, long_names: set[str]) -> str | None:
    if " " in name:
        return None
    types = index._types.get(name, {"any"})
    for candidate in (name, name[:-1] if name.endswith("s") and len(name) > 3 else None):
        if not candidate:
            continue
        person_like = "person" in types
        matches = {
            full
            for full in long_names
            if (
                full.split()[-1] == candidate
                and "org" not in types
                and (person_like or index._is_a("person", full))
            )
            or (
                full.split()[0] == candidate and not person_like and not index._is_a("person", full)
            )
        }
        if len(matches) == 1:
            return matches.pop()
    return None


NAME = st.one_of(
    st.sampled_from(FIRST + LAST),
    st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join),
    st.tuples(st.sampled_from(FIRST), st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join),
)
MENTIONS = st.lists(
    st.tuples(NAME, st.sampled_from(["person", "org", "any", "event"])), max_size=40
)


@settings(max_examples=200, deadline=None)
@given(MENTIONS)
def test_bucketed_resolution_equals_all_pairs(mentions):
    rulebook = load_rulebook()
    index = EntityIndex(mentions, rulebook)
    counts: Counter[str] = Counter()
    for name, _ in mentions:
        counts[index._declared.get(_key(name), name)] += 1
    assert index._canonical == reference(index, counts)


def _key(name):
    from checker.names import name_key

    return name_key(name)
