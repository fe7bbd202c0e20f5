from __future__ import annotations

import datetime as dt

import pytest

from checker.dates import find_time_expressions, reference_date, resolve_text

PUB = dt.date(2023, 11, 21)


@pytest.mark.parametrize(
    ("text", "published", "prefer", "start", "end"),
    [
        ("17 November", PUB, "past", dt.date(2023, 11, 17), dt.date(2023, 11, 17)),
        (
            "Thursday, 9 February",
            dt.date(2023, 2, 14),
            "past",
            dt.date(2023, 2, 9),
            dt.date(2023, 2, 9),
        ),
        ("in January", PUB, "past", dt.date(2023, 1, 1), dt.date(2023, 1, 31)),
        ("last October", dt.date(2023, 5, 12), "past", dt.date(2022, 10, 1), dt.date(2022, 10, 31)),
        ("Friday", PUB, "past", dt.date(2023, 11, 17), dt.date(2023, 11, 17)),
        ("in 2019", PUB, "past", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        (
            "the end of 2024",
            dt.date(2024, 3, 26),
            "future",
            dt.date(2024, 10, 1),
            dt.date(2024, 12, 31),
        ),
        ("8 August", dt.date(2024, 8, 1), "future", dt.date(2024, 8, 8), dt.date(2024, 8, 8)),
        ("March 4, 2024", None, "past", dt.date(2024, 3, 4), dt.date(2024, 3, 4)),
        ("yesterday", PUB, "past", dt.date(2023, 11, 20), dt.date(2023, 11, 20)),
    ],
)
def test_time_expressions_resolve_against_the_publication_date(text, published, prefer, start, end):
    span = resolve_text(text, published, prefer)
    assert (span.start, span.end) == (start, end)


def test_unknown_year_without_a_publication_date_is_unresolved():
    assert resolve_text("17 November", None) is None


def test_finder_picks_candidates_only():
    found = [
        m.group(0)
        for m in find_time_expressions(
            "He paid $52.40 a share last October, on Monday, 6 February 2023."
        )
    ]
    assert found == ["last October", "Monday, 6 February 2023"]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("three days ago", dt.date(2023, 11, 18), dt.date(2023, 11, 18)),
        ("two weeks ago", dt.date(2023, 11, 7), dt.date(2023, 11, 7)),
        ("last week", dt.date(2023, 11, 13), dt.date(2023, 11, 19)),
        ("last month", dt.date(2023, 10, 1), dt.date(2023, 10, 31)),
        ("last year", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    ],
)
def test_relative_expressions(text, start, end):
    span = resolve_text(text, PUB)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    "sentence, value, year",
    [
        ("He was killed June 24, 2005 while investigating a June 20 shooting.", "June 20", 2005),
        (
            "Cheeks, who was fired March 2 as coach, is the fourth coach since King took over "
            "on May 26, 2003.",
            "March 2",
            2007,  # another clause's date does not give the year: the publication's does
        ),
    ],
)
def test_a_full_date_of_the_same_clause_gives_the_year(sentence, value, year):
    at = reference_date(sentence, sentence.index(value), value, dt.date(2007, 5, 24))
    assert at is not None and at.year == year


@pytest.mark.parametrize(
    "text, year",
    [
        ("The 2008 Chiefs ended the season with a 2-14 record.", "2008"),  # that year's team
        ("The 2008 quake killed thousands.", None),  # a named event, not a date of the value
    ],
)
def test_a_year_before_a_name_dates_it(text, year):
    from checker.dates import find_time_expressions

    found = [m.group("year") for m in find_time_expressions(text) if m.group("year")]
    assert found == ([year] if year else [])
