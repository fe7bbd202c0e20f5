from __future__ import annotations

import pytest

from checker.entities import MIN_SIMILARITY, EntityIndex, similar
from checker.rulebook import load_rulebook


def _index(rulebook, mentions):
    return EntityIndex(mentions, rulebook)


def test_short_forms_resolve_to_the_one_full_name(rulebook):
    index = _index(
        rulebook,
        [
            ("Rishi Sunak", "person"),
            ("Sunak", "person"),
            ("Scale AI", "org"),
            ("Scale", "org"),
            ("Scales", "org"),
            ("OpenAI", "org"),
        ],
    )
    assert index.canonical("Sunak") == "Rishi Sunak"
    assert index.canonical("Scale") == "Scale AI"
    assert index.canonical("Scales") == "Scale AI"
    assert index.canonical("OpenAI") == "OpenAI"


def test_declared_aliases(rulebook):
    index = _index(rulebook, [("Meta Platforms", "org"), ("Meta", "org")])
    assert index.canonical("Meta Platforms") == "Meta"


def test_ambiguous_short_form_is_left_alone(rulebook):
    index = _index(
        rulebook, [("Alice Smith", "person"), ("Bob Smith", "person"), ("Smith", "person")]
    )
    assert index.canonical("Smith") == "Smith"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Alexandr Wang", "Alexander Wang", True),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", True),
        ("Scale AI", "OpenAI", False),
        ("Adam D'Angelo", "Adam DAngelo", True),
        ("Mark Zuckerberg", "Mark Zuckerman", False),
        ("Sam Altman", "Sam Allman", False),
        ("Emmett Shear", "Emmett Shaw", False),
    ],
)
def test_fuzzy_matching_threshold(a, b, same):
    assert similar(a, b) is same, (a, b, MIN_SIMILARITY)


def test_fuzzy_spellings_merge_to_the_more_frequent(rulebook):
    index = _index(rulebook, [("Alexandr Wang", "person")] * 3 + [("Alexander Wang", "person")])
    assert index.canonical("Alexander Wang") == "Alexandr Wang"


def test_a_shared_surname_stands_for_the_person_named_far_more_often():
    from checker.documents import Document
    from checker.extract import extract

    text = (
        "Vincent Gigante died on Monday. Vincent Gigante was 77. His brother, the Rev. Louis "
        "Gigante, spoke. Vincent Gigante ran a crime family. Friends of Vincent Gigante wept. "
        "Mr. Gigante was sentenced to seven years in prison."
    )
    claims = extract(Document(id="d.txt", text=text), load_rulebook())
    [sentence] = [c for c in claims if c.attribute == "prison sentence"]
    assert sentence.subject == "Vincent Gigante"
