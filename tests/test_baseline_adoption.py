"""What adopting factlint on a real repository needs: re-wrapped articles read the same, installs work."""

from __future__ import annotations

import textwrap

from checker.documents import split_sentences


def test_soft_line_breaks_join_a_wrapped_paragraph_and_keep_offsets():
    prose = (
        "Prime Minister Rishi Sunak welcomed the decision of the company to open an office. "
        "He said it was a vote of confidence."
    )
    text = "Headline Of The Story\n\n" + textwrap.fill(prose, 40) + "\n"
    assert text.count("\n") > 4
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Headline Of The Story",
        "Prime Minister Rishi Sunak welcomed the decision of the company to open an office.",
        "He said it was a vote of confidence.",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end].replace("\n", " ") == sentence.text


def test_short_lines_list_items_and_long_lines_stay_apart():
    listing = "Board members named on Friday\n- Adam D'Angelo\n- Helen Toner\n* Tasha McCauley\n"
    assert len(split_sentences(listing)) == 4
    heading = "Why This Matters\n" + "Scale AI has positioned itself as a vital player " * 4 + "\n"
    assert len(split_sentences(heading)) == 2
    long_lines = ("word " * 30 + "\n") * 2
    assert len(split_sentences(long_lines)) == 2


def test_bundled_rules_are_found_in_an_installed_package(tmp_path, monkeypatch):
    # pip install (CI, pre-commit) puts rules/ at checker/bundled_rules, with no checkout beside.
    from checker import rulebook

    installed = tmp_path / "site-packages" / "checker"
    (installed / "bundled_rules").mkdir(parents=True)
    monkeypatch.setattr(rulebook, "__file__", str(installed / "rulebook.py"))
    assert rulebook.default_rules_dir() == installed / "bundled_rules"
