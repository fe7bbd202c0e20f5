"""Built years: a thing's age is the year it was built (checker.built_year)."""

from __future__ import annotations

import datetime as dt

import pytest
from story_corpus import warned_of

from checker import check
from checker.built_year import thing_before, year_from_age, year_value
from checker.documents import Document
from checker.extract import extract
from checker.objects import object_after
from checker.rulebook import load_rulebook
from checker.words import tokens

RULEBOOK = load_rulebook()
THINGS = RULEBOOK.open.built_things
PUBLISHED = dt.date(2020, 5, 4)


def _open(text: str, published: dt.date | None = PUBLISHED):
    document = Document(id="doc.txt", text=text, published=published)
    return [c for c in extract(document, RULEBOOK) if c.evidence.rule.startswith("open.")]


def _built(text: str, published: dt.date | None = PUBLISHED):
    return [(c.subject, c.value) for c in _open(text, published) if c.attribute == "year built"]


def _corpus(tmp_path, *sentences: str) -> str:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i, sentence in enumerate(sentences):
        (corpus / f"{i}.txt").write_text(f"date 2020-05-04\n\n{sentence}\n")
    return str(corpus)


def test_the_age_of_a_building_is_the_year_it_was_built():
    text = "Inspectors said the 60-year-old structure had no working sprinklers."
    assert _built(text) == [("building", "about 1960 (60 years old in 2020)")]


def test_the_age_of_a_person_stays_an_age():
    claims = _open("Inspectors said the 60-year-old caretaker had no keys to the hall.")
    assert not [c for c in claims if c.attribute == "year built"]


def test_an_age_without_a_publication_year_gives_no_year():
    assert _built("Inspectors said the 60-year-old structure had no sprinklers.", None) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The structure was erected in 1931 by a railway company.", "building"),
        ("The old bridge dates back to 1890, records show.", "bridge"),
        ("The flour mill, which was built in 1902, closed last year.", "mill"),
    ],
)
def test_a_year_built_is_about_the_thing_its_verb_is_said_of(text, subject):
    (found,) = _built(text)
    assert found[0] == subject


def test_a_year_built_of_no_thing_named_is_not_given_to_the_documents_focus():
    text = "Mayor Ann Reed said the plan was good. It was built in 1931, Ann Reed said."
    assert _built(text) == []


def test_a_building_year_and_age_that_cannot_agree_are_flagged(tmp_path):
    corpus = _corpus(
        tmp_path,
        "Police said the 60-year-old building was empty when the fire began.",
        "The building was constructed in 1975, when the town grew.",
    )
    flagged = warned_of(check([corpus]))
    assert [d.attribute for d in flagged] == ["year built"], flagged


def test_a_building_year_and_age_that_agree_are_not_flagged(tmp_path):
    corpus = _corpus(
        tmp_path,
        "Police said the 60-year-old building was empty when the fire began.",
        "The building was constructed in 1959, when the town grew.",
    )
    assert not [d for d in check([corpus]).discrepancies if d.attribute == "year built"]


def test_year_values_as_written():
    assert year_value("1935") == (1935, 1935, 1935)
    assert year_value("about 1926 (86 years old in 2012)") == (1925, 1926, 1927)
    assert year_value("the 1930s") is None
    assert year_from_age(86, dt.date(2012, 8, 7)) == "about 1926 (86 years old in 2012)"
    assert year_from_age(2.5, dt.date(2012, 8, 7)) is None


def test_the_thing_before_a_verb_skips_auxiliaries_only():
    skipped = frozenset(w.lower() for w in RULEBOOK.open.function_words)
    text = "The trading post, also built in 1935, is open."
    at = text.index("built")
    assert thing_before(tokens(text), at, THINGS, skipped) is None
    text = "The warehouse was built in 1935."
    assert thing_before(tokens(text), text.index("built"), THINGS, skipped) == "warehouse"


def _approved(text: str, published: dt.date | None = PUBLISHED):
    claims = _open(text, published)
    return [(c.subject, c.value) for c in claims if c.attribute == "year approved"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Town voters in 2016 approved a $4 million bond to fix the roads.", ("bond", "2016")),
        (
            "Last year, town voters approved a bond measure for the roads.",
            ("bond", "2019 (last year)"),
        ),
        ("The county board approved the Harbor levy in 2015, Lee said.", ("levy", "2015")),
        (
            "Two years ago, voters approved a school tax proposal.",
            ("tax", "about 2018 (two years ago)"),
        ),
    ],
)
def test_the_year_of_an_approval_is_about_the_thing_approved(text, found):
    assert _approved(text) == [found]


def test_an_approval_of_nothing_named_gives_no_year():
    assert _approved("Mayor Ann Reed said voters approved it in 2016.") == []


def test_last_year_needs_a_publication_date_and_is_no_events_name():
    assert _approved("Last year, town voters approved a bond measure.", None) == []
    claims = _open("Last year's vote approved nothing, Ann Reed said in 2016.")
    assert not [c for c in claims if "last year" in c.value]


def test_an_approval_told_in_two_years_is_flagged(tmp_path):
    corpus = _corpus(
        tmp_path,
        "Town voters in 2016 approved a $4 million bond to fix the roads.",
        "Last year, town voters approved a bond measure for the roads.",
    )
    flagged = warned_of(check([corpus]))
    assert [d.attribute for d in flagged] == ["year approved"], flagged
    assert flagged[0].subject == "bond"


def test_the_object_is_the_head_noun_after_the_verb():
    text = "approved the Palmer bond measure allowing the city to buy it"
    skipped = frozenset(w.lower() for w in RULEBOOK.open.function_words)
    generic = frozenset(RULEBOOK.open.generic_heads)
    assert object_after(tokens(text), len("approved"), skipped, generic, _verb) == "bond"
    text = "approved, in the end, a bond"
    assert object_after(tokens(text), len("approved"), skipped, generic, _verb) is None


def _verb(word: str) -> bool:
    return word.endswith("ing")


def test_it_is_the_built_thing_the_previous_sentence_opens_with():
    text = "The wooden structure at 12 Elm Street was a shop. It was built in 1931, Lee said."
    assert _built(text) == [("building", "1931")]
    text = "Ann Reed ran the shop for years. It was built in 1931, Lee said."
    assert _built(text) == []
