"""Built years: the age of a thing ('the 86-year-old structure') is the year it was built.

An age given to a built thing (a noun of `built_things` in rules/open.yaml; a person is
never one) is a year-built value: the publication year minus the age, one year either side
(an age in years is rounded down, and the article may be written before or after the
anniversary). 'The building was constructed in 1935' is about the same thing: the subject
of a year the `built` frame keys is the built thing its clause names, one name per kind of
thing ('structure' and 'building' name one building), so outlets' years and ages compare.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import regex

from checker.words import Token, lemma

BUILT_ATTRIBUTE = "year built"
AGE_SLACK = 1  # years either side of publication year minus age
SUBJECT_REACH = 4  # words between a built thing and the verb it is the subject of
_YEAR_WRITTEN = regex.compile(r"(?P<about>about\s+)?(?P<year>\d{4})(?:\s+\([^()]*\))?")
_CLAUSE_WORDS = frozenset({",", "which", "that"})
_IT = "it"


def built_thing(word: str | None, things: Mapping[str, str]) -> str | None:
    """The thing a noun names when it is a built thing ('structures' -> 'building')."""
    if not word or not word[0].isalpha():
        return None
    return things.get(lemma(word)) or things.get(word.lower())


def year_from_age(age: float, published: dt.date | None) -> str | None:
    """The year a thing of this age in an article of `published` was built, as written.

    86 in an article of 2012 -> 'about 1926 (86 years old in 2012)'.
    """
    if published is None or age != int(age) or not 0 < age < published.year:
        return None
    years = int(age)
    return f"about {published.year - years} ({years} years old in {published.year})"


def year_value(text: str) -> tuple[int, int, int] | None:
    """(low, year, high) of a year as written: '1935', or 'about 1926 (...)' one year either side."""
    found = _YEAR_WRITTEN.fullmatch(text.strip())
    if not found:
        return None
    year = int(found.group("year"))
    slack = AGE_SLACK if found.group("about") else 0
    return year - slack, year, year + slack


def thing_before(
    words: list[Token],
    at: int,
    things: Mapping[str, str],
    skipped: frozenset[str],
    previous: list[Token] = (),
) -> str | None:
    """The built thing a verb at offset `at` is said of: 'The building was constructed'.

    Looking back from the verb past auxiliaries and function words (`skipped`) and a
    relative clause's opening ('the warehouse, which was built'), the first word must be
    a built thing, or 'it' for the built thing the previous sentence opens with ('The
    wooden structure ... It was built in 1935').
    """
    before = [w for w in words if w.end <= at]
    passed = 0
    for word in reversed(before):
        low = word.text.lower()
        if low == _IT:
            return opening_thing(previous, things, skipped)
        if low in skipped or low in _CLAUSE_WORDS:
            passed += 1
            if passed > SUBJECT_REACH:
                return None
            continue
        return built_thing(word.text, things)
    return None


def opening_thing(words: list[Token], things: Mapping[str, str], skipped: frozenset[str]):
    """The built thing a sentence opens with: 'The wooden structure at 12 Elm St. was ...'.

    The head is the last word of the opening noun phrase, which ends at the first function
    word or mark; it must be a built thing.
    """
    phrase = []
    for word in words[1:] if words and words[0].text.lower() in skipped else words:
        if not word.text.isalpha() or word.text.lower() in skipped:
            break
        phrase.append(word.text)
        if len(phrase) > SUBJECT_REACH:
            return None
    return built_thing(phrase[-1], things) if phrase else None
