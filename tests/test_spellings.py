"""Name spellings: one person's given name written two ways by different sources."""

from __future__ import annotations

import pytest

from checker import check
from checker.spellings import sound_alike


def _corpus(tmp_path, articles: dict[str, str]) -> str:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, sentence in articles.items():
        (corpus / name).write_text(f"date 2013-01-10\n\n{sentence}\n")
    return str(corpus)


def _spellings(report):
    return [d for d in report.discrepancies if d.kind == "name_spelling"]


def _victim(name: str) -> str:
    return f"The third victim, {name}, was taken to hospital with a gunshot wound."


def test_a_given_name_spelled_two_ways_is_a_warning_with_both_quotes(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": _victim("Brian Dalton"),
            "b.txt": _victim("Bryant Dalton"),
            "c.txt": _victim("Bryant Dalton"),
        },
    )
    [found] = _spellings(check([corpus]))
    assert found.severity == "warning"
    assert found.subject == "Bryant Dalton"  # the spelling most documents write
    quotes = {claim.text for value in found.values for claim in value.claims}
    assert quotes == {"Brian Dalton", "Bryant Dalton"}
    assert {claim.rule for value in found.values for claim in value.claims} == {
        "open.name-spelling"
    }


@pytest.mark.parametrize(
    "first, second, severity",
    [
        ("Masoud Dalman", "Massoud Dalman", "info"),  # a transliteration sounds alike
        ("Elias Vrettakos", "Ilias Vrettakos", "info"),  # so does an initial vowel
        ("Latoya Brown", "Latonya Brown", "warning"),
        ("Alexis Grigoropoulos", "Alexandros Grigoropoulos", None),  # a nickname
        ("Chris Dalton", "Christopher Dalton", None),  # a short form
        ("Brian Dalton", "Maria Dalton", None),  # two names, not two spellings
    ],
)
def test_what_kind_of_difference_two_spellings_are(tmp_path, first, second, severity):
    corpus = _corpus(tmp_path, {"a.txt": _victim(first), "b.txt": _victim(second)})
    assert [d.severity for d in _spellings(check([corpus]))] == ([severity] if severity else [])


def test_an_article_that_writes_both_names_is_about_two_people(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": "Brian Dalton and his cousin Bryant Dalton were both at the plant.",
            "b.txt": _victim("Brian Dalton"),
            "c.txt": _victim("Bryant Dalton"),
        },
    )
    assert _spellings(check([corpus])) == []


def test_sound_alike_compares_the_given_names():
    assert sound_alike("Jon Owen", "John Owen")
    assert not sound_alike("Brian Dalton", "Bryant Dalton")
