"""Game time: when in a game a play came (checker.game_time, rules/sport.yaml open.game_time)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from story_corpus import warned_of

from checker import check
from checker.documents import Document
from checker.extract import extract
from checker.game_time import _reader_for, conflict, game_value, read_when
from checker.rulebook import load_rulebook

RULEBOOK = load_rulebook()
EXAMPLES = RULEBOOK.open.game_time.examples


def _game_times(text: str):
    return [
        c for c in extract(Document(id="doc.txt", text=text), RULEBOOK) if c.kind == "game_time"
    ]


def _matches(claim, expected) -> bool:
    return all(
        getattr(expected, field) is None or getattr(expected, field) == actual
        for field, actual in (
            ("subject", claim.subject),
            ("attribute", claim.attribute),
            ("value", claim.value),
        )
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.text[:40] for e in EXAMPLES])
def test_game_time_examples(example):
    claims = _game_times(example.text)
    for expected in example.expect:
        assert any(_matches(c, expected) for c in claims), (expected, claims)
    for rejected in example.reject:
        assert not any(_matches(c, rejected) for c in claims), (rejected, claims)
    if not example.expect and not example.reject:
        assert claims == []


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("late in the fourth quarter", 4, 4),
        ("in the second half", 3, 4),
        ("the first play of the second half", 3, 3),  # early in a half: its first quarter
        ("late in the first half", 2, 2),
        ("10:03 to play in the third quarter", 3, 3),
        ("4th-quarter", 4, 4),
    ],
)
def test_a_period_is_the_quarters_it_spans(text, first, last):
    when = read_when(text, RULEBOOK)
    assert (when.first, when.last) == (first, last)


def _conflict(a: str, b: str) -> str | None:
    return conflict(game_value(a, RULEBOOK), game_value(b, RULEBOOK), RULEBOOK)


@pytest.mark.parametrize(
    "a, b",
    [
        ("in the third quarter", "in the 4th quarter"),
        ("second quarter", "the first play of the second half"),
        ("early in the fourth quarter", "late in the fourth quarter"),
        ("10:03 to play in the third quarter", "6:00 remaining in the third quarter"),
    ],
)
def test_one_play_at_two_times_that_exclude_each_other(a, b):
    assert _conflict(a, b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("late in the fourth quarter", "4:08 to play in the fourth quarter"),  # a clock is no phase
        ("in the second half", "late in the fourth quarter"),
        ("midway through the third quarter", "late in the third quarter"),
        ("4:08 to play in the fourth quarter", "4:30 left in the fourth quarter"),  # rounded
        ("in the third quarter", "later in the third quarter"),
    ],
)
def test_one_play_at_two_times_that_fit(a, b):
    assert _conflict(a, b) is None


def _corpus(tmp_path: Path, *texts: str) -> str:
    for name, text in zip("abc", texts, strict=False):
        (tmp_path / f"{name}.txt").write_text(f"date 2024-05-06\n\n{text}\n")
    return str(tmp_path)


def test_outlets_that_put_one_interception_in_two_quarters_disagree(tmp_path):
    corpus = _corpus(
        tmp_path,
        "Quarterback Sam Berger was picked off by cornerback Tom Ruiz late in the third quarter.",
        "Quarterback Sam Berger threw an interception in the 4th quarter, a costly one.",
    )
    flagged = warned_of(check([corpus]))
    assert [(d.subject, d.attribute) for d in flagged] == [("Sam Berger", "interception game time")]
    assert flagged[0].severity == "warning"


def test_a_tying_play_told_without_its_kind_is_the_tying_field_goal(tmp_path):
    corpus = _corpus(
        tmp_path,
        "Kicker Dan Hale tied the game at 10-10 with a 40-yard field goal with 8:12 to play in "
        "the third quarter.",
        "The Hawks came out and tied the game with 5:00 remaining in the third quarter.",
    )
    flagged = warned_of(check([corpus]))
    assert [(d.subject, d.attribute) for d in flagged] == [("tying field goal", "game time")]


def test_a_game_clock_is_not_a_time_of_day(tmp_path):
    corpus = _corpus(
        tmp_path,
        "Kicker Dan Hale tied the game with 8:12 to play in the third quarter.",
        "The rally began at 8:40 p.m. Kicker Dan Hale tied the game with 8:12 left in the third "
        "quarter.",
    )
    report = check([corpus])
    assert not [c for c in report.claims if c.kind == "time" and "8:12" in c.value]
    assert not warned_of(report)


def test_an_article_that_tells_two_times_of_a_play_tells_two_plays(tmp_path):
    corpus = _corpus(
        tmp_path,
        "Quarterback Sam Berger was picked off in the first quarter. Later, Sam Berger was "
        "picked off again late in the third quarter.",
        "Quarterback Sam Berger threw an interception in the 4th quarter, a costly one.",
    )
    assert not warned_of(check([corpus]))


_TIME_WORDS = [
    "late", "early", "in", "the", "fourth", "2nd", "first", "quarter", "half", "with", "10:03",
    "left", "to", "play", "at", "mark", "of", "Quinn", "threw", "an", "interception", "tying",
    "field", "goal", "touchdown", "-", ",", "and", "QUARTER", "Fourth-quarter", ".",
]  # fmt: skip


@given(st.lists(st.sampled_from(_TIME_WORDS), min_size=1, max_size=14))
@settings(max_examples=300, deadline=None)
def test_a_sentence_the_time_prefilter_rejects_tells_no_game_time(words):
    reader = _reader_for(RULEBOOK)
    text = " ".join(words)
    if not reader.may_tell_time(text):
        assert not reader.period.search(text) and not reader.attributive.search(text), text
        assert _game_times(text) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.text[:40] for e in EXAMPLES])
def test_the_time_prefilter_passes_every_sentence_with_a_game_time(example):
    if example.expect:
        assert _reader_for(RULEBOOK).may_tell_time(example.text)


def test_the_time_prefilter_rejects_a_sentence_without_a_period():
    reader = _reader_for(RULEBOOK)
    assert not reader.may_tell_time("Quinn threw an interception with 10:03 left.")
    assert reader.may_tell_time("Quinn threw an interception in the second half.")
