"""A figure written with many significant digits gets a narrower approximation."""

from __future__ import annotations

import pytest

from checker.lexicon import lexicon_for
from checker.rulebook import load_rulebook
from checker.values import figures_agree, money, significant_digits

RULEBOOK = load_rulebook()
LEXICON = lexicon_for(RULEBOOK)
CASES = [
    (hedge.bound, example) for hedge in RULEBOOK.vocabulary.hedges for example in hedge.examples
]


@pytest.mark.parametrize(("bound", "example"), CASES, ids=[e.value for _, e in CASES])
def test_hedge_examples(bound, example):
    agrees = figures_agree(example.value, example.other, LEXICON)
    assert agrees == example.agree, f"{bound}: {example.value} vs {example.other}"


def test_every_approximation_has_examples():
    approximations = [h for h in RULEBOOK.vocabulary.hedges if h.bound.startswith("approx")]
    assert approximations and all(h.examples for h in approximations)


@pytest.mark.parametrize(
    ("text", "digits"),
    [("102", 3), ("1,300", 2), ("2.50", 3), ("0.05", 1), ("$184 million", 3), ("85", 2)],
)
def test_significant_digits(text, digits):
    assert significant_digits(text) == digits


def test_an_estimate_written_precisely_is_narrow():
    low, high = money("an estimated $102 million", LEXICON).interval()
    assert 98e6 < low and high < 106e6
    assert not figures_agree("an estimated $102 million", "$108 million", LEXICON)


def test_a_round_estimate_keeps_the_wide_hedge():
    low, high = money("an estimated $100 million", LEXICON).interval()
    assert low == pytest.approx(90e6) and high == pytest.approx(110e6)
