"""Where people live (rules/where.yaml): places compared through the gazetteer, and places
the gazetteer does not know compared by name when the policy says so."""

from __future__ import annotations

import pytest

from checker import check
from checker.names import name_key
from checker.places import gazetteer_for
from checker.rulebook import load_rulebook

REGIONS = ["county", "borough", "area"]


def _corpus(tmp_path, docs):
    for name, text in docs.items():
        (tmp_path / name).write_text("---\npublished: 2024-03-02\n---\n" + text + "\n", "utf-8")
    return check([str(tmp_path)])


def _residences(report):
    return [d for d in report.discrepancies if d.attribute == "residence"]


@pytest.fixture(scope="module")
def gazetteer():
    return gazetteer_for(load_rulebook())


@pytest.mark.parametrize(
    "a, b, apart",
    [
        ("Elmford", "Oakvale", True),  # two towns the gazetteer does not know
        ("Elmford", "Elmford, Ohio", False),  # one written inside the other
        ("Elmford", "Clay County", False),  # a region may hold the town
        ("Elmford", "the Elmford area", False),
        ("Elmford", "Queens", False),  # a known place may hold an unknown one
        ("Queens", "New York", False),  # a borough inside the city
        ("The Bronx", "Bronx", False),
        ("Queens", "Brooklyn", True),
        ("Detroit", "Michigan", False),
    ],
)
def test_places_apart_with_unknown_places_in_conflict(gazetteer, a, b, apart):
    assert gazetteer.apart(a, b, "conflict", REGIONS) is apart


def test_unknown_places_agree_by_default(gazetteer):
    assert not gazetteer.apart("Elmford", "Oakvale")
    assert gazetteer.apart("Queens", "Brooklyn")


def test_two_unknown_towns_of_one_persons_home_disagree(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.txt": "Police found Jane Roe, 59, of Elmford, lying in the road.",
            "b.txt": "Jane Roe, who lived in Oakvale, was taken to hospital.",
        },
    )
    (found,) = _residences(report)
    assert found.severity == "warning"
    assert {v.value for v in found.values} == {"Elmford", "Oakvale"}


@pytest.mark.parametrize("other", ["Queens", "Clay County", "Elmford, Ohio"])
def test_a_home_and_a_place_that_may_hold_it_agree(tmp_path, other):
    report = _corpus(
        tmp_path,
        {
            "a.txt": "Police found Jane Roe, 59, of Elmford, lying in the road.",
            "b.txt": f"Jane Roe, 59, of {other}, was taken to hospital.",
        },
    )
    assert _residences(report) == []


def test_a_middle_initial_names_the_same_person(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.txt": "Police found Jane K. Roe, 59, of Elmford, lying in the road.",
            "b.txt": "Jane Roe, who lived in Oakvale, was taken to hospital.",
        },
    )
    (found,) = _residences(report)
    assert found.subject == "Jane Roe"


def test_a_middle_initial_is_no_part_of_the_name_key():
    from checker.names import clean_mention

    vocabulary = load_rulebook().vocabulary
    assert name_key(clean_mention("Raj K. Chohan", vocabulary)) == "raj chohan"
    assert clean_mention("J. Smith", vocabulary) == "J. Smith"  # an initial first stays


def _where_died(report):
    return [d for d in report.discrepancies if d.attribute == "where died"]


def test_the_scene_and_the_way_to_hospital_disagree(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.txt": "A gunman shot three people. The woman, identified as Jane Roe, died at the scene.",
            "b.txt": "A gunman shot Jane Roe. Roe died on the way to the hospital.",
        },
    )
    (found,) = _where_died(report)
    assert {v.value for v in found.values} == {"at the scene", "on the way to the hospital"}


def test_an_unnamed_person_is_the_one_the_corpus_names(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.txt": "A gunman shot three people. The woman, identified as Jane Roe, died at the scene.",
            "b.txt": "A gunman shot three people. A spokeswoman said the third victim died on the way to the hospital.",
        },
    )
    (found,) = _where_died(report)
    assert found.subject == "Jane Roe"


def test_an_unnamed_person_is_left_out_when_several_are_named(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.txt": "Jane Roe died at the scene.",
            "b.txt": "Tom Baker died at Elmford Hospital.",
            "c.txt": "A spokeswoman said the third victim died on the way to the hospital.",
        },
    )
    assert _where_died(report) == []


def test_an_unnamed_person_in_an_article_that_names_the_person_is_another(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.txt": "Jane Roe died at the scene.",
            "b.txt": "Jane Roe was hit by a car. The woman died on the way to the hospital.",
        },
    )
    assert _where_died(report) == []


def test_unnamed_subjects_are_role_words_in_lower_case():
    from checker.unnamed import is_unnamed

    nouns = frozenset({"victim", "woman"})
    assert is_unnamed("third victim", nouns)
    assert is_unnamed("woman", nouns)
    assert not is_unnamed("Jane Roe", nouns)
    assert not is_unnamed("victim support", nouns)
