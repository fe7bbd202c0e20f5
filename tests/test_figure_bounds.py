"""Figure bounds: 'less than the $175 million reported' bounds a value past a stated figure."""

from __future__ import annotations

import pytest

from checker import check
from checker.figure_bounds import beyond_figure, figure_bounds_for
from checker.lexicon import lexicon_for
from checker.rulebook import load_rulebook
from checker.values import money

RULEBOOK = load_rulebook()
LEXICON = lexicon_for(RULEBOOK)


def _corpus(tmp_path, *sentences: str) -> str:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for number, sentence in enumerate(sentences):
        (corpus / f"{number}.txt").write_text(f"date 2024-05-06\n\n{sentence}\n")
    return str(corpus)


def test_a_figure_bound_excludes_the_figure_it_names():
    text = "less than the $175 million"
    value = beyond_figure(money(text, LEXICON), text, RULEBOOK)
    assert value.interval() == (float("-inf"), pytest.approx(174.5e6))
    text = "more than the $90 million"
    assert beyond_figure(money(text, LEXICON), text, RULEBOOK).interval()[0] == pytest.approx(
        90.5e6
    )


def test_a_plain_hedge_is_no_figure_bound():
    text = "less than $175 million"
    assert not figure_bounds_for(RULEBOOK).is_bound(text)
    assert beyond_figure(money(text, LEXICON), text, RULEBOOK).interval()[1] == 175e6


def test_a_bound_past_a_reported_figure_disagrees_with_it(tmp_path):
    corpus = _corpus(
        tmp_path,
        "The club offered the pitcher an eight-year deal worth $175 million.",
        "The club made the pitcher an offer of more than $150 million, but insiders say it is "
        "less than the $175 million reported by a local station.",
    )
    flagged = [d for d in check([corpus]).discrepancies if d.severity != "info"]
    values = {v.value for d in flagged for v in d.values}
    assert {"$175 million", "less than $175 million"} <= values, flagged
