"""Times, distances and dates of the events a story reports, compared across outlets."""

from __future__ import annotations

import pytest
from story_corpus import dated_corpus, warned_of

from checker import check


@pytest.mark.parametrize(
    "first, second, flagged",
    [
        (
            "Luis Parra was arrested five buildings away on Elm Street shortly before midnight.",
            "Luis Parra was arrested by a SWAT team, three houses from the scene of the shooting.",
            True,
        ),
        (
            "Luis Parra was arrested five buildings away on Elm Street shortly before midnight.",
            "Luis Parra was found hiding in an apartment five doors away.",
            False,
        ),
        (
            "Luis Parra was found in a house three doors down from the shooting.",
            "Luis Parra was arrested by a SWAT team, three houses from the scene of the shooting.",
            False,
        ),
    ],
)
def test_how_far_from_the_scene_an_arrest_was_is_compared(tmp_path, first, second, flagged):
    corpus = dated_corpus(tmp_path, ("2005-06-25", first), ("2007-03-21", second))
    found = [d for d in warned_of(check([corpus])) if d.attribute == "distance away"]
    assert bool(found) == flagged, found
    if flagged:
        assert found[0].subject == "Luis Parra"  # years apart: still one arrest


def test_a_subject_its_sentence_names_labels_a_fact_before_a_documents_focus(tmp_path):
    corpus = dated_corpus(
        tmp_path,
        (
            "2005-06-25",
            "Deputy Jerry Hale was shot dead on Friday. Jerry Hale was a veteran. "
            "The defendant was arrested five buildings away on Elm Street shortly before midnight.",
        ),
        (
            "2005-06-26",
            "Luis Parra was arrested five buildings away on Elm Street shortly before midnight.",
        ),
    )
    report = check([corpus])
    subjects = {c.subject for c in report.claims if c.attribute == "distance away"}
    assert subjects == {"Luis Parra"}  # not the focus the first article's 'defendant' fell to
