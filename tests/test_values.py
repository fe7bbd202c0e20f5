from __future__ import annotations

import math

import pytest

from checker.lexicon import lexicon_for
from checker.values import measure, money, offices, parse_number, quantity


@pytest.fixture(scope="module")
def lexicon(rulebook):
    return lexicon_for(rulebook)


@pytest.mark.parametrize(
    ("text", "unit", "point", "low", "high"),
    [
        ("$14.3 billion", "USD", 14.3e9, 14.25e9, 14.35e9),
        ("more than $10 billion", "USD", 10e9, 10e9, math.inf),
        ("about $13bn", "USD", 13e9, 11.7e9, 14.3e9),
        ("£2.1bn", "GBP", 2.1e9, 2.05e9, 2.15e9),
        ("up to €5m", "EUR", 5e6, -math.inf, 5e6),
        ("$54.20", "USD", 54.2, 54.195, 54.205),
        ("10 billion dollars", "USD", 10e9, 9.5e9, 10.5e9),
    ],
)
def test_money_becomes_an_interval(lexicon, text, unit, point, low, high):
    value = money(text, lexicon)
    assert value.unit == unit and value.point == pytest.approx(point)
    interval = value.interval()
    assert interval[0] == pytest.approx(low) and interval[1] == pytest.approx(high)


def test_converted_amount_in_parentheses_is_the_same_value(lexicon):
    value = money("about $86bn (roughly £69bn)", lexicon)
    assert value.unit == "USD" and value.point == pytest.approx(86e9)
    gbp = value.interval("GBP")
    assert gbp[0] < 69e9 < gbp[1]
    assert value.label == "about $86 billion"


@pytest.mark.parametrize(
    ("text", "number", "half"),
    [
        ("1,300", 1300, 50),
        ("171", 171, 0.5),
        ("170", 170, 5),
        ("7.8", 7.8, 0.05),
        ("five", 5, 0),
        ("seven hundred", 700, 0),
        ("a dozen", 12, 0),
        ("twenty-five", 25, 0),
        ("3 million", 3e6, 0.5e6),
    ],
)
def test_numbers_and_their_precision(lexicon, text, number, half):
    assert parse_number(text, lexicon) == (pytest.approx(number), pytest.approx(half))


@pytest.mark.parametrize(
    ("text", "contains", "excludes"),
    [
        ("nearly 500", 480, 505),
        ("just under 60", 59.7, 61),
        ("at least 30", 30, 29),
        ("fewer than 10", 9, 10),
        ("about 5,000", 5400, 5600),
    ],
)
def test_hedges(lexicon, text, contains, excludes):
    low, high = quantity(text, lexicon).interval()
    assert low <= contains <= high
    assert not low <= excludes < high


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("almost $2 million", 1_800_000, 2_000_000),
        ("nearly 3 billion", 2_700_000_000, 3_000_000_000),
        ("just over 2 million", 2_000_000, 2_200_000),
    ],
)
def test_a_near_miss_hedge_is_not_widened_to_the_figures_rounding(lexicon, text, low, high):
    """'Almost $2 million' is just short of $2 million, not anywhere from $1.5 million."""
    value = money(text, lexicon) if "$" in text else quantity(text, lexicon)
    assert value.interval() == (pytest.approx(low), pytest.approx(high))


def test_minority_stake_is_below_half(lexicon):
    value = quantity("minority", lexicon, "%")
    assert value.interval() == (0.0, 50.0) and value.is_bound


def test_title_phrases_become_offices(rulebook, lexicon):
    units = offices("co-founder and ex-CEO", rulebook.offices, lexicon)
    assert [(u.office.id, u.tense) for u in units] == [
        ("founder", None),
        ("chief_executive", "past"),
    ]
    units = offices("founder and chief executive", rulebook.offices, lexicon)
    assert [u.office.id for u in units] == ["founder", "chief_executive"]
    assert (
        offices("Chancellor", rulebook.offices, lexicon)[0].office.id
        == "chancellor_of_the_exchequer"
    )
    assert offices("interim CEO", rulebook.offices, lexicon)[0].interim
    assert offices("next chief executive", rulebook.offices, lexicon)[0].tense == "future"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between 700 and 750", 700, 750),
        ("700-750", 700, 750),
        ("700-750 million", 700e6, 750e6),
        ("5-7%", 5, 7),
    ],
)
def test_ranges(lexicon, text, low, high):
    value = quantity(text, lexicon)
    assert value.bound == "range" and value.is_bound
    assert value.interval() == (pytest.approx(low), pytest.approx(high))


def test_money_ranges_keep_the_currency(lexicon):
    value = money("between $1bn and $2bn", lexicon)
    assert value.unit == "USD" and value.interval() == (pytest.approx(1e9), pytest.approx(2e9))
    assert money("$700m-$750m", lexicon).interval() == (pytest.approx(700e6), pytest.approx(750e6))


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("about 58km (36 miles)", 52_000, 64_000),  # the figure's unit, not the conversion's
        ("2,000ft", 590, 630),  # a unit written against its number
    ],
)
def test_a_measure_is_in_the_unit_written_with_its_figure(lexicon, text, low, high):
    value = measure(text, lexicon)
    assert value.unit == "length"
    assert low <= value.interval()[0] and value.interval()[1] <= high


@pytest.mark.parametrize(
    "text, point",
    [
        ("half a mile", 804.672),
        ("a mile and a half", 2414.016),  # the article is one mile, the half is added
        ("a quarter of a mile", 402.336),
    ],
)
def test_a_fraction_of_a_unit_in_words(lexicon, text, point):
    value = measure(text, lexicon)
    assert value.unit == "length" and value.point == pytest.approx(point)
    assert value.label == text
