"""Taken items: the value a clause of taking gives one item is the item's (checker.taken_items)."""

from __future__ import annotations

from checker import check
from checker.documents import Document
from checker.extract import extract
from checker.rulebook import load_rulebook
from checker.taken_items import item_clause

RULEBOOK = load_rulebook()


def _money(text: str) -> list[tuple[str, str, str]]:
    claims = extract(Document(id="d.txt", text=text), RULEBOOK)
    return [(c.subject, c.attribute, c.value) for c in claims if c.kind == "money"]


def test_lifted_is_a_verb_of_taking_that_keys_an_amount():
    text = "Guests left early. On Friday a $4 million brooch was lifted by a waiter at the gala."
    assert ("brooch", "cost amount", "$4 million") in _money(text)


def test_an_item_worth_an_amount_stolen_is_what_the_amount_is_about():
    text = "Vela Gems lost stock in March, and a later theft saw a ruby ring worth £600,000 stolen."
    assert ("ring", "cost amount", "£600,000") in _money(text)


def test_thieves_who_stole_an_item_worth_an_amount_give_the_items_value():
    text = "Police said thieves stole a painting worth $3 million in the night at the Orvel Museum."
    assert [s for s, _, _ in _money(text)] == ["painting"]


def test_plural_or_uncounted_loot_is_the_haul_not_one_item():
    for text in (
        "The robbers stole diamonds worth $5 million in the raid on Tarrant Jewels.",
        "The robbers stole jewellery worth $5 million in the raid on Tarrant Jewels.",
    ):
        assert [s for s, _, _ in _money(text)] != ["diamond"]
        assert [s for s, _, _ in _money(text)] != ["jewellery"]


def test_an_item_in_a_clause_without_taking_keeps_the_usual_subject():
    text = "Marta Olsen wore a necklace worth $2 million at the premiere on Sunday."
    assert [s for s, _, _ in _money(text)] != ["necklace"]


def test_a_taken_items_parties_are_its_own_clauses_names():
    text = "Thieves robbed Vela Gems in May and a second theft saw a gold watch worth $1m stolen."
    at = text.index("$1m")
    low, high = item_clause(text, at, at + 3)
    assert "Vela" not in text[low:high] and "watch" in text[low:high]


def test_two_outlets_disagree_on_one_taken_items_value(tmp_path):
    """The names of the first theft's clause do not set the watch apart from the other's."""
    lead = "Thieves robbed the Vela Gems boutique in Lyon on Monday.\n\n"
    (tmp_path / "a.txt").write_text(
        lead + "In May, thieves stole cash from an employee of jeweller Orlandi during the "
        "Venice Film Festival and a second theft saw a gold watch worth $1 million stolen.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        lead + "Days later a $2.5 million watch was lifted by a guest at a party at the "
        "resort of Port Ferro, near the border.\n",
        encoding="utf-8",
    )
    report = check([str(tmp_path)])
    flagged = [
        d
        for d in report.discrepancies
        if d.subject == "watch" and d.severity in ("contradiction", "warning")
    ]
    assert flagged, [(d.subject, d.attribute, d.severity) for d in report.discrepancies]
