"""Victims: an amount taken 'from' a name is about that name."""

from __future__ import annotations

from checker.documents import Document
from checker.extract import extract
from checker.places import gazetteer_for
from checker.rulebook import load_rulebook
from checker.victims import is_taking, victim_after

RULEBOOK = load_rulebook()
GAZETTEER = gazetteer_for(RULEBOOK)


def _money_subjects(text: str) -> list[str]:
    claims = extract(Document(id="d.txt", text=text), RULEBOOK)
    return [c.subject for c in claims if c.kind == "money"]


def test_verbs_of_taking_as_written():
    assert is_taking("stealing", RULEBOOK) and is_taking("stole", RULEBOOK)
    assert is_taking("made off with", RULEBOOK)
    assert not is_taking("valued", RULEBOOK)


def test_the_victim_is_the_first_name_after_from_that_is_no_place():
    after = " of gems from the Lyon branch of jeweller Orlandi, officials said."
    assert victim_after(after, RULEBOOK, GAZETTEER) == "Orlandi"
    assert victim_after(" of gems from a boutique in Lyon.", RULEBOOK, GAZETTEER) is None
    assert victim_after(" of gems, officials said, from Orlandi.", RULEBOOK, GAZETTEER) is None


def test_an_amount_stolen_from_a_firm_is_the_firms_loss():
    text = (
        "Ms Varga spoke to Bellamy Hotel staff. Bellamy Hotel guests were moved. "
        "In May, thieves stole £400,000 worth of watches from an employee of Swiss firm Orlandi."
    )
    assert _money_subjects(text) == ["Orlandi"]
