"""Stances: a value asked for and a value offered are two facts; two bidders' offers are two."""

from __future__ import annotations

import pytest

from checker import check
from checker.lexicon import lexicon_for
from checker.parties import PartyFinder
from checker.places import gazetteer_for
from checker.rulebook import load_rulebook
from checker.stances import StanceFinder


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_for(load_rulebook())


@pytest.mark.parametrize(
    ("sentence", "value", "stance"),
    [
        ("Teixeira is seeking a 10-year contract.", "10-year", "ask"),
        (
            "Boras countered by asking for an eight-year contract worth $200 million.",
            "eight-year",
            "ask",
        ),
        ("His agent's request for a 10-year deal was turned down.", "10-year", "ask"),
        ("The Orioles have offered Teixeira a seven-year deal.", "seven-year", "offer"),
        ("The Red Sox have made an eight-year offer to Teixeira.", "eight-year", "offer"),
        ("The kidnappers demanded $2 million for her release.", "$2 million", "ask"),
        ("Teixeira signed an eight-year contract with the Yankees.", "eight-year", None),
    ],
)
def test_the_stance_of_a_value_is_the_nearest_word_that_says_it(lexicon, sentence, value, stance):
    start = sentence.index(value)
    assert StanceFinder(lexicon).of(sentence, start, start + len(value)) == stance


def _corpus(tmp_path, docs):
    for name, text in docs.items():
        (tmp_path / name).write_text(f"---\npublished: 2008-12-16\n---\n{text}\n", encoding="utf-8")
    return check([str(tmp_path)])


def _folder(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    return folder


def _lengths(report):
    return [
        d for d in report.discrepancies if d.attribute == "contract length" and d.severity != "info"
    ]


def test_a_length_asked_for_and_one_offered_are_two_facts(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": "Mark Teixeira is seeking a 10-year contract.",
            "b.md": "The Orioles have offered Mark Teixeira a seven-year deal.",
        },
    )
    assert _lengths(report) == []


def test_two_clubs_offers_are_two_facts_but_one_club_s_offer_told_two_ways_conflicts(tmp_path):
    apart = _corpus(
        _folder(tmp_path, "apart"),
        {
            "a.md": "The Orioles have offered Mark Teixeira a seven-year deal.",
            "b.md": "The Red Sox offered Mark Teixeira an eight-year deal on Thursday.",
        },
    )
    assert _lengths(apart) == []
    same = _corpus(
        _folder(tmp_path, "same"),
        {
            "a.md": "The Red Sox have offered Mark Teixeira a seven-year deal.",
            "b.md": "The Red Sox offered Mark Teixeira an eight-year deal on Thursday.",
        },
    )
    [length] = _lengths(same)
    assert {v.value for v in length.values} == {"seven-year", "eight-year"}


def test_a_name_followed_by_according_to_is_a_party_not_the_source(lexicon):
    finder = PartyFinder(lexicon, gazetteer_for(load_rulebook()))
    parties = finder.in_sentence("The Orioles, according to reports, have offered Teixeira a deal.")
    assert ("Orioles", False) in parties
    cited = finder.in_sentence("Teixeira has an offer, according to Newsday.")
    assert all(name != "Newsday" for name, _ in cited)
