"""Roles and the events dates belong to (checker.roles, checker.frames)."""

from __future__ import annotations

from story_corpus import dated_corpus

from checker import check
from checker.documents import Document
from checker.extract import extract
from checker.rulebook import load_rulebook

RULEBOOK = load_rulebook()


def _dates(text: str) -> list[tuple[str, str]]:
    document = Document(id="doc.txt", text=text)
    return [
        (c.subject, c.attribute)
        for c in extract(document, RULEBOOK)
        if c.kind == "date" and c.evidence.rule.startswith("open.")
    ]


def test_a_date_after_of_and_a_gerund_is_the_gerunds():
    text = "A jury ordered death for Luis Parra, convicted of murdering a deputy in June 2005."
    assert ("Luis Parra", "date murder") in _dates(text)


def test_a_date_between_a_determiner_and_a_noun_is_the_nouns():
    text = "The Nov. 30 escape by Carl Brandt, a convicted robber, led to an inquiry."
    attributes = [a for _, a in _dates(text)]
    assert attributes == ["date escape"]


def test_a_date_of_the_main_clause_is_not_the_verb_after_a_clause_opener():
    text = "Marcus Webb was sentenced at the Crown Court on Friday after being convicted of fraud."
    document = Document(id="doc.txt", text=text)
    found = [c.attribute for c in extract(document, RULEBOOK) if c.kind == "date"]
    assert "date convicted" not in found


def test_the_suspect_of_one_article_is_the_killer_another_names(tmp_path):
    corpus = dated_corpus(
        tmp_path,
        (
            "2007-05-02",
            "Convicted cop killer Luis Parra was convicted March 20 of first-degree murder.",
        ),
        (
            "2007-06-01",
            "A deputy was shot at a door. In April 2007 the suspect was found guilty of murder.",
        ),
    )
    found = [
        d
        for d in check([corpus]).discrepancies
        if d.attribute == "date convicted" and d.severity in ("warning", "contradiction")
    ]
    assert [d.subject for d in found] == ["Luis Parra"]


def test_a_role_after_a_verb_is_no_subject():
    text = "Deputies were searching for the suspect on Friday night in the park."
    assert all(subject != "the suspect" for subject, _ in _dates(text))
