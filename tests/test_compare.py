"""Comparison semantics on small hand-made corpora: time, scope, hedges, titles, ages."""

from __future__ import annotations

import pytest

from checker import check


def _corpus(tmp_path, docs):
    for name, (published, text) in docs.items():
        front = f"---\npublished: {published}\n---\n" if published else ""
        (tmp_path / name).write_text(front + text + "\n", encoding="utf-8")
    return check([str(tmp_path)])


def _find(report, subject, attribute):
    return [d for d in report.discrepancies if d.subject == subject and d.attribute == attribute]


def test_ages_allow_birthdays_between_publication_dates(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2024-07-04", "Sir Keir Starmer, 61, voted in north London."),
            "b.md": ("2024-07-08", "Keir Starmer, 62, toured Scotland."),
            "c.md": ("2025-08-01", "Keir Starmer, 62, spoke."),
        },
    )
    [age] = _find(report, "Keir Starmer", "age")
    assert age.severity == "warning" and age.kind == "possible_birthday"
    docs = {v.value: {c.document for c in v.claims} for v in age.values}
    assert docs == {"61": {"a.md"}, "62": {"b.md", "c.md"}}
    assert "4 days" in age.explanation


def test_impossible_ages_contradict(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2023-05-12", "Linda Yaccarino, 60, was named."),
            "b.md": ("2023-06-06", "Linda Yaccarino, 56, began work."),
        },
    )
    [age] = _find(report, "Linda Yaccarino", "age")
    assert (age.severity, age.kind) == ("contradiction", "age_mismatch")


def test_a_new_title_with_a_marker_is_a_change(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2024-07-04", "Shadow Chancellor Rachel Reeves spoke on Thursday."),
            "b.md": (
                "2024-07-05",
                "Rachel Reeves was named Chancellor of the Exchequer on Friday.",
            ),
        },
    )
    [title] = _find(report, "Rachel Reeves", "title")
    assert (title.severity, title.kind) == ("info", "changed_over_time")


def test_exclusive_titles_in_the_same_period_contradict(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2023-11-18", "Chief technology officer Mira Murati was in charge."),
            "b.md": ("2023-11-23", "Chief operating officer Mira Murati signed the letter."),
        },
    )
    [title] = _find(report, "Mira Murati", "title")
    assert (title.severity, title.kind) == ("contradiction", "exclusive_titles")


def test_chief_executive_and_another_chief_office_contradict(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (None, "Red Sox CEO Larry Lucchino and general manager Theo Epstein flew in."),
            "b.md": (None, "Red Sox COO Larry Lucchino and General Manager Theo Epstein met him."),
        },
    )
    [title] = _find(report, "Larry Lucchino", "title")
    assert (title.severity, title.kind) == ("contradiction", "exclusive_titles")
    assert not _find(report, "Theo Epstein", "title")  # a general manager, not a head coach


def test_synonyms_and_coheld_roles_agree(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (None, "Acme Corp CEO Jane Roe spoke."),
            "b.md": (None, "Jane Roe, founder and chief executive of Acme Corp, spoke."),
            "c.md": (None, "Acme Corp chief executive officer Jane Roe spoke."),
        },
    )
    assert not [d for d in report.discrepancies if d.severity != "info"]


def test_different_scopes_are_not_compared(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2024-07-08", "In Scotland alone, Labour won 37 seats."),
            "b.md": ("2024-07-08", "Labour won 411 of the 650 seats."),
        },
    )
    assert report.discrepancies == []


def test_same_day_disjoint_counts_contradict_and_later_counts_are_changes(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (
                "2023-02-07",
                "About 5,000 people have been confirmed dead across both countries after the earthquake.",
            ),
            "b.md": (
                "2023-02-07",
                "More than 9,000 people have now died in Turkey and Syria combined after the quake.",
            ),
            "c.md": (
                "2023-02-14",
                "More than 41,000 people are now known to have died after the earthquake.",
            ),
        },
    )
    deaths = _find(report, "earthquake", "deaths")
    flagged = [d for d in deaths if d.severity == "contradiction"]
    assert len(flagged) == 1
    assert {v.value for v in flagged[0].values} == {"about 5,000", "more than 9,000"}
    assert any(d.kind == "changed_over_time" for d in deaths)


def test_bound_versus_value_is_a_warning_and_two_bounds_agree(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (None, "Amazon invested $4 billion in Anthropic."),
            "b.md": (None, "Amazon invested more than $3 billion in Anthropic."),
            "c.md": (None, "Amazon invested more than $2 billion in Anthropic."),
        },
    )
    [investment] = _find(report, "Amazon \u2192 Anthropic", "investment")
    assert (investment.severity, investment.kind) == ("warning", "bound_vs_value")
    assert {v.value for v in investment.values} == {
        "$4 billion",
        "more than $3 billion",
        "more than $2 billion",
    }


def test_a_hedged_figure_that_meets_a_bound_agrees_with_it(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2024-03-01", "About 100 people were injured in the earthquake."),
            "b.md": ("2024-03-01", "At least 70 people were injured in the earthquake."),
            "c.md": ("2024-03-01", "Officials said 90 people were injured in the earthquake."),
        },
    )
    [injuries] = [d for d in report.discrepancies if d.attribute == "injuries"]
    assert injuries.kind == "bound_vs_value"  # the exact 90 against 'at least 70'
    assert {v.value for v in injuries.values} == {"90", "at least 70"}


def test_a_figure_brought_in_for_comparison_is_another_fact(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2024-03-01", "The Angels said the deal is worth $160 million."),
            "b.md": (
                "2024-03-01",
                "The offer would be the biggest in club history, surpassing the $90 million "
                "deal the Angels gave to Hunter.",
            ),
        },
    )
    assert [d for d in report.discrepancies if d.severity != "info"] == []
    [reference] = [c for c in report.claims if c.value == "$90 million"]
    assert reference.document == "b.md"


def test_rounding_is_tolerated(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (None, "Amazon invested $4.1 billion in Anthropic."),
            "b.md": (None, "Amazon invested $4 billion in Anthropic."),
        },
    )
    assert report.discrepancies == []


def test_weekday_mismatch_names_the_calendar_day(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (
                "2023-11-18",
                "OpenAI chief executive Sam Altman, 38, was removed on Friday 17 November.",
            ),
            "b.md": ("2023-11-21", "The board removed Altman on Thursday, 17 November."),
        },
    )
    [weekday] = [d for d in report.discrepancies if d.kind == "weekday_mismatch"]
    assert weekday.subject == "Sam Altman"
    assert "was a Friday" in weekday.explanation


def test_a_document_never_contradicts_itself(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2023-05-12", "Linda Yaccarino, 60, was named. Linda Yaccarino, 56, said."),
            "b.md": ("2023-05-12", "Nothing to see."),
        },
    )
    assert report.discrepancies == []


def test_conversions_and_different_currencies(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (
                None,
                "Twitter has agreed to be bought by Elon Musk in a deal worth $44 billion (about £34.5bn).",
            ),
            "b.md": (None, "Elon Musk has completed his £34.5bn takeover of Twitter."),
            "c.md": (None, "Elon Musk has completed his €41bn takeover of Twitter."),
        },
    )
    assert report.discrepancies == []


def test_denied_or_wrong_figures_are_not_compared(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2024-03-01", "Microsoft invested $13 billion in OpenAI."),
            "b.md": (
                "2024-03-01",
                "Microsoft denied reports that it had invested $20 billion in OpenAI.",
            ),
            "c.md": (
                "2024-03-01",
                "Some outlets wrongly said Microsoft invested $30 billion in OpenAI.",
            ),
        },
    )
    assert report.discrepancies == []
    disputed = [c for c in report.claims if c.disputed]
    assert {c.value for c in disputed} == {"$20 billion", "$30 billion"}


def test_a_range_against_a_figure_inside_it_is_a_bound(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2024-03-01", "Between 700 and 750 people were killed in the flood."),
            "b.md": ("2024-03-01", "Officials said 720 people were killed in the flood."),
            "c.md": ("2024-03-01", "Officials said 900 people were killed in the flood."),
        },
    )
    [deaths] = [d for d in report.discrepancies if d.attribute == "deaths"]
    assert deaths.severity == "contradiction"
    assert "900" in {v.value for v in deaths.values}


def test_a_running_total_that_falls_is_suspect(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2023-02-10", "More than 20,000 people have died after the earthquake."),
            "b.md": ("2023-02-14", "About 12,000 people have died after the earthquake."),
        },
    )
    [deaths] = report.discrepancies
    assert (deaths.severity, deaths.kind) == ("warning", "conflicting_values")
    assert "cannot fall" in deaths.explanation


@pytest.mark.parametrize("weight, flagged", [("135", True), ("134", False), ("125", False)])
def test_a_finer_figure_must_round_half_up_to_the_coarser(tmp_path, weight, flagged):
    report = _corpus(
        tmp_path,
        {
            "a.md": ("2024-07-04", "Deputies said Jose Orozco is wanted; he weighs 130 pounds."),
            "b.md": (
                "2024-07-04",
                f"Deputies said Jose Orozco is wanted; he weighs {weight} pounds.",
            ),
        },
    )
    found = [d for d in report.discrepancies if d.severity in ("contradiction", "warning")]
    assert bool(found) == flagged


def test_an_open_age_decades_apart_is_another_time_of_life(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.md": (
                "2005-12-19",
                "Vincent Gigante was tried. A doorman identified the 29-year-old Mr. Gigante "
                "as the shooter.",
            ),
            "b.md": ("2005-12-20", "Vincent Gigante, 77, died in prison on Monday."),
            "c.md": ("2005-12-20", "Vincent Gigante, 75, died in prison on Monday."),
        },
    )
    [age] = [d for d in report.discrepancies if d.attribute == "age"]
    assert sorted(v.value for v in age.values) == ["75", "77"]  # not 29, his age in 1957


def test_an_age_given_to_the_suspect_is_the_age_of_the_person_named_before(tmp_path):
    report = _corpus(
        tmp_path,
        {
            "a.txt": ("2012-03-05", "Police arrested John Harlow, 60, on Monday at the hospital."),
            "b.txt": (
                "2012-03-05",
                "Police arrested John Harlow on Monday. The 61-year-old suspect was taken away.",
            ),
            "c.txt": ("2012-03-05", "A 61-year-old man, John Harlow, was arrested on Monday."),
        },
    )
    [found] = _find(report, "John Harlow", "age")
    assert found.kind == "age_mismatch"
    rules = {claim.rule for value in found.values for claim in value.claims}
    assert rules == {"ages.age", "ages.age-referring-back"}


def test_a_peak_speed_inside_a_bound_is_no_flag_but_one_outside_is(tmp_path):
    chase = "The car crash came after a chase in which speeds reached 120 mph."
    docs = {
        "a.md": ("2024-03-01", chase),
        "b.md": (
            "2024-03-01",
            "Police chased the car crash suspect at speeds of more than 100 mph.",
        ),
    }
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    inside = _corpus(tmp_path / "one", docs)
    docs["b.md"] = (
        "2024-03-01",
        "Police chased the car crash suspect at speeds of less than 90 mph.",
    )
    outside = _corpus(tmp_path / "two", docs)
    assert [d.severity for d in inside.discrepancies if d.attribute == "speed"] == ["info"]
    [flag] = [d for d in outside.discrepancies if d.attribute == "speed"]
    assert flag.severity in ("contradiction", "warning")


@pytest.mark.parametrize("named", ["Monday's earthquake", "The earthquake"])
def test_an_article_about_another_day_s_quake_reports_another_event(tmp_path, named):
    report = _corpus(
        tmp_path,
        {
            "a.md": (
                None,
                "A 5.6 magnitude earthquake hit the island on Sunday, injuring five people.",
            ),
            "b.md": (None, "An earthquake measuring 5.6 jolted the island, injuring two people."),
            "c.md": (
                None,
                "A magnitude-5.2 quake has injured three people on the island. "
                f"{named} was the second one to hit the island in 24 hours.",
            ),
        },
    )
    flags = {
        d.attribute: {v.value for v in d.values}
        for d in report.discrepancies
        if d.severity != "info"
    }
    if named.startswith("Monday"):  # 5.2 and three injured are Monday's, not Sunday's
        assert flags == {"injured": {"5", "2"}}
    else:
        assert flags == {"injured": {"5", "2", "3"}, "magnitude": {"5.6", "5.2"}}


def test_the_day_something_was_said_is_not_an_event_s_day():
    from checker.events import weekdays_in

    assert weekdays_in("The train that derailed on Tuesday was doing 68 mph.") == [1]
    assert weekdays_in("The findings published on Friday say the train was doing 86 mph.") == []
    assert weekdays_in("The crash on Tuesday killed five, police said on Wednesday.") == [1]


@pytest.mark.parametrize("place, flagged", [("Cannes", 0), ("Paris", 1)])
def test_values_placed_in_two_unrelated_places_are_two_facts(tmp_path, place, flagged):
    report = _corpus(
        tmp_path,
        {
            "a.md": (
                "2024-03-01",
                f"Thieves stole jewellery worth almost $2 million from a hotel safe in {place} "
                "during the film festival.",
            ),
            "b.md": (
                "2024-03-01",
                "Thieves stole jewellery worth $2.6 million from a store in Paris during the festival.",
            ),
        },
    )
    assert len([d for d in report.discrepancies if d.severity != "info"]) == flagged
