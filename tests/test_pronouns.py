"""Pronouns: 'she' stands for the person the text shows to be a woman (checker.pronouns)."""

from __future__ import annotations

from checker.documents import Document, split_sentences
from checker.extract import extract, match_sentence
from checker.mentions import Mentions
from checker.rulebook import load_rulebook

RULEBOOK = load_rulebook()


def _distances(text: str) -> list[str]:
    document = Document(id="doc.txt", text=text)
    return [c.subject for c in extract(document, RULEBOOK) if c.attribute == "distance away"]


def test_she_is_the_woman_named_before_not_the_man_named_last():
    text = (
        "Mara Q. Tellan was crossing Elm Street when she was struck by a van. "
        "Dario Fenwick said he and his family ran out of the house. "
        "She had moved about a mile and a half away years ago, Fenwick said."
    )
    assert _distances(text) == ["Mara Tellan"]


def test_he_stays_with_the_man_named_last():
    text = (
        "Mara Tellan said she saw the van. Dario Fenwick said he lived nearby. "
        "He had moved two miles away years ago, his friend said."
    )
    assert _distances(text) == ["Dario Fenwick"]


def test_two_women_named_before_leave_she_to_no_one_of_them():
    text = (
        "Mara Tellan was crossing Elm Street when she was struck by a van. "
        "Lena Voss said she saw it happen. "
        "Dario Fenwick said he and his family ran out of the house. "
        "She had moved about a mile and a half away years ago, Fenwick said."
    )
    assert "Mara Tellan" not in _distances(text)
    assert "Lena Voss" not in _distances(text)


def test_a_middle_initial_is_part_of_a_written_name():
    text = "Mara Q. Tellan was crossing Elm Street when she was struck by a van. Tellan died."
    document = Document(id="doc.txt", text=text)
    sentences = split_sentences(text, 0, RULEBOOK.vocabulary.abbreviations)
    hits = [h for s in sentences for h in match_sentence(s, RULEBOOK)]
    mentions = Mentions(document, sentences, hits, RULEBOOK)
    assert mentions.persons.get("Tellan") == "Mara Tellan"
