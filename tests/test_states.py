"""State scales (rules/states.yaml): levels that exclude each other at one time."""

from __future__ import annotations

import pytest

from checker import check
from checker.rulebook import StateLevel, load_rulebook, state_macro
from checker.values import state_value

LEVELS = [
    StateLevel(label="critical", words=["critical", "grave"]),
    StateLevel(label="serious", words=["serious"]),
    StateLevel(label="good", words=["good", "stable"]),
]


def _corpus(tmp_path, docs):
    for name, (published, text) in docs.items():
        front = f"---\npublished: {published}\n---\n" if published else ""
        (tmp_path / name).write_text(front + text + "\n", encoding="utf-8")
    return check([str(tmp_path)])


def _conditions(report):
    return [d for d in report.discrepancies if d.attribute == "hospital condition"]


@pytest.mark.parametrize(
    "text, label, rank",
    [
        ("critical", "critical", 0),
        ("stable", "stable", 2),  # a word of the level 'good', kept as written
        ("critical but stable", "critical", 0),  # the more severe level written
        ("stable but critical", "critical", 0),
        ("Serious", "serious", 1),
    ],
)
def test_a_state_is_the_most_severe_level_its_words_write(text, label, rank):
    value = state_value(text, "hospital condition", LEVELS)
    assert (value.label, value.point, value.unit) == (label, rank, "hospital condition")


def test_words_of_no_level_are_no_state():
    assert state_value("unknown", "hospital condition", LEVELS) is None
    assert state_value("criticality", "hospital condition", LEVELS) is None  # whole words only


def test_two_words_of_one_level_are_one_value():
    good = state_value("good", "c", LEVELS)
    stable = state_value("stable", "c", LEVELS)
    assert good.key == stable.key != state_value("serious", "c", LEVELS).key


def test_each_scale_gives_a_macro_of_its_words():
    rulebook = load_rulebook()
    assert state_macro("hospital condition") == "STATE_HOSPITAL_CONDITION"
    words = rulebook.word_lists["STATE_HOSPITAL_CONDITION"]
    assert {"critical", "serious", "fair", "stable"} <= set(words)


def test_critical_and_stable_on_the_same_day_disagree(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (
                "2010-09-10",
                "Bryant Dalton, 39, was shot in the neck and is in critical condition.",
            ),
            "b.md": (
                "2010-09-10",
                "The third victim, Bryant Dalton, was rushed to hospital. "
                "He was later transferred to Jefferson and listed in stable condition.",
            ),
        },
    )
    [found] = _conditions(report)
    assert found.severity == "warning"
    assert found.subject == "Bryant Dalton"
    assert {v.value for v in found.values} == {"critical", "stable"}


def test_a_later_day_s_condition_is_a_change_not_a_contradiction(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2010-09-10", "Police said Maria Lopez was in critical condition on Friday."),
            "b.md": (
                "2010-09-14",
                "Maria Lopez's condition was upgraded to fair, the hospital said.",
            ),
        },
    )
    [found] = _conditions(report)
    assert found.severity == "info"
    assert found.kind == "changed_over_time"


@pytest.mark.parametrize(
    "second",
    [
        "Maria Lopez remained in critical but stable condition at the hospital.",
        "Maria Lopez was in grave condition at St Mary's.",  # another word of the same level
        "Maria Lopez was critically injured in the crash.",  # the wound: no listing
    ],
)
def test_one_level_however_written_is_no_disagreement(tmp_path, second):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2010-09-10", "Maria Lopez is in critical condition, police said."),
            "b.md": ("2010-09-10", second),
        },
    )
    assert [d for d in _conditions(report) if d.severity != "info"] == []


def test_a_name_spelled_another_way_is_the_same_patient(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (
                "2010-09-10",
                "Bryant Dalton, 39, was shot and is hospitalized in critical condition.",
            ),
            "b.md": ("2010-09-10", "The third victim, Bryant Dalton, was taken to hospital."),
            "c.md": (
                "2010-09-10",
                "The third victim, identified as Brian Dalton, was rushed to hospital. "
                "He was later listed in stable condition.",
            ),
        },
    )
    [found] = [d for d in _conditions(report) if d.severity == "warning"]
    assert found.subject == "Bryant Dalton"  # the spelling most articles write
    documents = {c.document for v in found.values for c in v.claims}
    assert documents == {"a.md", "c.md"}
