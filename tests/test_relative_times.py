"""Relative days ('the previous day', 'four days earlier') read from the date stated last."""

from __future__ import annotations

import datetime as dt

import pytest
from story_corpus import dated_corpus, warned_of

from checker import check
from checker.documents import Document
from checker.extract import extract
from checker.relative_times import offset_pattern
from checker.rulebook import load_rulebook

RULEBOOK = load_rulebook()
PUBLISHED = dt.date(2011, 3, 12)


def _dates(text: str, published: dt.date | None = PUBLISHED):
    document = Document(id="doc.txt", text=text, published=published)
    return [c for c in extract(document, RULEBOOK) if c.evidence.rule == "open.date"]


def test_a_counted_offset_is_read_from_the_date_of_its_sentence():
    text = (
        "The guard was killed on March 8, while looking into a robbery in which the man shot "
        "a farmer in the leg while he was feeding goats near a barn three days earlier."
    )
    (claim,) = [c for c in _dates(text) if "earlier" in c.value]
    assert claim.value == "5 March 2011 (three days earlier)"
    assert claim.subject.startswith("earlier ")  # an event before the one dated: another one
    assert claim.attribute == "date struck"  # its frame stands far before it in its clause


def test_a_fixed_offset_is_read_from_the_date_a_sentence_before_stated():
    text = (
        "The guard was shot at a gate.\nEnd of duty: Tuesday, March 8, 2011\nHe was on his round.\n"
        "He had come to ask about a shooting that had taken place the previous day."
    )
    (claim,) = [c for c in _dates(text, None) if "previous" in c.value]
    assert claim.value == "7 March 2011 (the previous day)"
    assert claim.subject == "earlier attack"  # labelled as the articles write it later


def test_an_offset_with_no_date_before_it_makes_no_claim():
    text = "The guard was shot at a gate. The man who shot him was arrested the next day."
    assert not [c for c in _dates(text, None) if "next day" in c.value]


def test_a_later_offset_dates_the_event_of_its_clause():
    text = "The guard was shot on March 8. The man was arrested two days later."
    (claim,) = [c for c in _dates(text) if "later" in c.value]
    assert claim.value == "10 March 2011 (two days later)"
    assert claim.attribute == "date arrested"
    assert not claim.subject.startswith("earlier")


def test_a_reckoned_day_is_no_anchor_for_the_next_offset():
    text = (
        "The guard was shot on March 8, a day after a raid that took place two days earlier. "
        "The man was arrested the next day."
    )
    (claim,) = [c for c in _dates(text) if "next day" in c.value]
    assert claim.value == "9 March 2011 (the next day)"  # from March 8, not from March 6


@pytest.mark.parametrize(
    "text",
    [
        "He was married two weeks before the shooting.",  # a duration up to a named event
        "The day before the trial he was calm.",  # dated from the trial, not the last date
        "It happened two days ago.",  # read from the publication date elsewhere
        "The previous day's shooting was the first.",  # a noun modifier, not an adverb
    ],
)
def test_phrases_that_are_not_offsets_from_the_last_date(text):
    assert not list(offset_pattern(RULEBOOK).finditer(text))


def test_an_earlier_event_dated_by_two_offsets_is_flagged_when_they_disagree(tmp_path):
    first = (
        "The guard was shot at a gate.\nEnd of duty: Friday, March 11, 2011\nHe was on his round.\n"
        "He had come to ask about a shooting that had taken place the previous day.\n"
        "The shooting had shaken the town."
    )
    second = (
        "The guard was killed on March 11, while investigating an attack in which Luis Parra "
        "shot a farmer in the leg while the farmer was feeding goats four days earlier."
    )
    corpus = dated_corpus(tmp_path, ("2011-03-12", first), ("2011-03-13", second))
    found = [d for d in warned_of(check([corpus])) if d.attribute == "date struck"]
    # 'shooting' written more often than 'attack': the earlier event is labelled with it too
    assert [d.subject for d in found] == ["earlier shooting"], found
    values = sorted(v.value for v in found[0].values)
    assert values == ["10 March 2011 (the previous day)", "7 March 2011 (four days earlier)"]


def test_the_same_earlier_day_reckoned_two_ways_is_no_discrepancy(tmp_path):
    first = (
        "The guard was shot at a gate.\nEnd of duty: Friday, March 11, 2011\nHe was on his round.\n"
        "He had come to ask about a shooting that had taken place the previous day."
    )
    second = (
        "The guard was killed on March 11, while investigating an attack in which Luis Parra "
        "shot a farmer in the leg a day earlier."
    )
    corpus = dated_corpus(tmp_path, ("2011-03-12", first), ("2011-03-13", second))
    assert not [d for d in warned_of(check([corpus])) if d.attribute == "date struck"]


def test_the_last_date_stated_counts_however_precise():
    text = (
        "A jury on Tuesday convicted a man charged in a March 2010 shooting at a bakery. "
        "He shot the baker because he was furious over his firing four days earlier."
    )
    assert not [c for c in _dates(text) if "earlier" in c.value]  # no day known after a month


def test_a_publication_line_is_no_anchor():
    text = "Published March 11, 2011\nA man fired four days earlier from his job shot a clerk."
    assert not [c for c in _dates(text) if "earlier" in c.value]


def test_a_later_day_of_a_fact_that_never_changes_is_another_events():
    text = "The fire broke out on March 8 and a woman was burned so badly she died the next day."
    (claim,) = [c for c in _dates(text) if "next day" in c.value]
    assert claim.value == "9 March 2011 (the next day)"
    assert claim.subject == "later fire"  # not the day the fire broke out
