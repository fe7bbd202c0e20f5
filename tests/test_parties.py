"""Parties, undated claims and bounds met at their edge: what keeps two facts from being one."""

from __future__ import annotations

import pytest

from checker import check
from checker.lexicon import lexicon_for
from checker.parties import PartyFinder, different_parties
from checker.places import gazetteer_for
from checker.rulebook import load_rulebook


@pytest.fixture(scope="module")
def finder() -> PartyFinder:
    rulebook = load_rulebook([])
    return PartyFinder(lexicon_for(rulebook), gazetteer_for(rulebook))


def _corpus(tmp_path, articles: dict[str, tuple[str | None, str]]) -> str:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, (date, sentence) in articles.items():
        header = f"date {date}\n\n" if date else ""
        (corpus / name).write_text(f"{header}{sentence}\n")
    return str(corpus)


def _flagged(report):
    return [d for d in report.discrepancies if d.severity != "info"]


@pytest.mark.parametrize(
    "sentence, parties",
    [
        ("The Boston Red Sox made Teixeira a $200 million offer.", {"Boston Red Sox", "Teixeira"}),
        # a place (gazetteer, place noun, after 'in') and a cited source are no parties
        ("Dan Patrick reported that the quake near Mount Sefton in Golden hit Tokyo.", set()),
        ("According to Newsday, the Red Sox offer is worth $22 million a season.", {"Red Sox"}),
        ("Reports of the offer varied.", set()),  # a sentence's first word is not a name
    ],
)
def test_parties_of_a_sentence(finder, sentence, parties):
    assert {name for name, opens in finder.in_sentence(sentence) if not opens} == parties


def test_a_short_name_is_the_same_party_as_its_long_form():
    assert not different_parties(frozenset({"Red Sox"}), frozenset({"Boston Red Sox"}))
    assert different_parties(frozenset({"Red Sox"}), frozenset({"Washington Nationals"}))
    assert not different_parties(frozenset(), frozenset({"Washington Nationals"}))


def test_offers_of_different_parties_are_two_offers(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "The Red Sox made Teixeira a $200 million offer."),
            "b.txt": ("2024-05-06", "The Nationals made Teixeira a $160 million offer."),
        },
    )
    assert _flagged(check([corpus])) == []


def test_one_partys_offer_in_two_figures_is_flagged(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "The Red Sox made Teixeira a $200 million offer."),
            "b.txt": ("2024-05-06", "The Red Sox made Teixeira a $160 million offer."),
        },
    )
    assert len(_flagged(check([corpus]))) == 1


def test_an_undated_claim_holds_when_the_claims_that_agree_with_it_do(tmp_path):
    sentence = "Police said {} people were arrested during the protest near the precinct."
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", sentence.format(3)),
            "b.txt": (None, sentence.format(3)),
            "c.txt": ("2024-05-09", sentence.format(40)),
        },
    )
    report = check([corpus])
    assert _flagged(report) == []
    assert [d.kind for d in report.discrepancies] == ["changed_over_time"]


@pytest.mark.parametrize(
    "other, flagged", [("One crew member was killed.", 0), ("Three crew members were killed.", 1)]
)
def test_a_bound_met_at_its_edge_agrees(tmp_path, other, flagged):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "At least one crew member was killed in the attack."),
            "b.txt": ("2024-05-06", other.replace(".", " in the attack.")),
        },
    )
    assert len(_flagged(check([corpus]))) == flagged


def test_counts_over_different_periods_are_two_facts(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "Thomas has scored two touchdowns in his last two games."),
            "b.txt": ("2024-05-06", "Thomas has scored eight touchdowns since Week 11."),
            "c.txt": ("2024-05-06", "Thomas has scored five touchdowns in the last two games."),
        },
    )
    flagged = _flagged(check([corpus]))
    assert [sorted(v.value for v in d.values) for d in flagged] == [["2", "5"]]


def test_a_count_over_a_named_period_is_a_part_of_one_over_none(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": (
                "2024-05-06",
                "Police made 86 arrests over the course of the first night of protests.",
            ),
            "b.txt": ("2024-05-06", "Police made 210 arrests during the protests."),
            "c.txt": ("2024-05-06", "Police made 240 arrests during the protests."),
        },
    )
    flagged = _flagged(check([corpus]))
    assert [sorted(v.value for v in d.values) for d in flagged] == [["210", "240"]]


def test_a_span_of_years_names_the_period_of_a_count(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "DiLeo has spent 19 seasons with the 76ers."),
            "b.txt": (
                "2024-05-06",
                "DiLeo spent four seasons as director of scouting (1999-2003).",
            ),
        },
    )
    assert _flagged(check([corpus])) == []


def test_ranks_over_different_periods_are_two_facts(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": (
                "2024-05-06",
                "Pierre Thomas is the fifth Saints running back to go on injured reserve this season.",
            ),
            "b.txt": (
                "2024-05-06",
                "Pierre Thomas is the second Saints running back in two days to go on injured reserve.",
            ),
        },
    )
    assert _flagged(check([corpus])) == []


def test_an_article_that_gives_both_values_tells_two_facts_apart(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": (
                "2024-05-06",
                "Gigante died while serving a 12-year sentence for racketeering. "
                "Decades earlier, Gigante was sentenced to seven years in prison for narcotics.",
            ),
            "b.txt": ("2024-05-06", "Gigante was serving a 12-year sentence for racketeering."),
        },
    )
    assert _flagged(check([corpus])) == []


def test_open_values_far_apart_are_two_facts(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "Thieves stole jewels worth €103 million from the hotel."),
            "b.txt": ("2024-05-06", "Thieves stole jewels worth €2 million from the hotel."),
            "c.txt": ("2024-05-06", "Thieves stole jewels worth €3 million from the hotel."),
        },
    )
    flagged = _flagged(check([corpus]))
    assert [sorted(v.value for v in d.values) for d in flagged] == [["€2 million", "€3 million"]]


@pytest.mark.parametrize("dollars, flagged", [("$2.5 million", 0), ("$3.5 million", 1)])
def test_a_converted_figure_allows_for_the_rate(tmp_path, dollars, flagged):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "Thieves stole jewels worth 2 million euros ($2.6 million)."),
            "b.txt": ("2024-05-06", f"Thieves stole jewels worth {dollars}."),
        },
    )
    assert len(_flagged(check([corpus]))) == flagged


def test_a_period_an_article_sets_apart_is_not_compared_with_the_others(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": (
                "2024-05-06",
                "The Navy seized 12 magazines from the boat. "
                "So far, the Navy has seized 31 magazines from pirates.",
            ),
            "b.txt": ("2024-05-06", "The Navy seized 12 magazines from the boat."),
            "c.txt": ("2024-05-06", "The Navy seized 31 magazines from the boat."),
        },
    )
    flagged = _flagged(check([corpus]))
    assert len(flagged) == 1
    [thirty_one] = [v for v in flagged[0].values if v.value == "31"]
    assert {c.document for c in thirty_one.claims} == {"c.txt"}  # a.txt's is 'so far'


def test_figures_that_agree_are_shown_as_one_value(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "The earthquake killed about 50 people in the province."),
            "b.txt": ("2024-05-06", "The earthquake killed 50 people in the province."),
            "c.txt": ("2024-05-06", "The earthquake killed 80 people in the province."),
        },
    )
    [flag] = _flagged(check([corpus]))
    assert sorted(v.value for v in flag.values) == ["80", "about 50 / 50"]


def test_a_distance_from_a_place_is_one_fact_of_that_place(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2005-11-27", "Qeshm lies 1,500 kilometers south of Tehran, the capital."),
            "b.txt": ("2005-11-27", "The island is about 940 miles south of Tehran, the capital."),
            "c.txt": (
                "2005-11-28",
                "Qeshm, located 1,150 kilometers southeast of Tehran, is busy.",
            ),
        },
    )
    [flag] = _flagged(check([corpus]))
    assert flag.subject == "Tehran" and flag.attribute == "distance"
    assert len(flag.values) == 2  # 1,500 km and 940 miles are one distance


def test_distances_far_apart_from_one_place_are_two_things(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": (
                "2005-11-27",
                "Police evacuated the building, about 15 miles north of Detroit.",
            ),
            "b.txt": ("2005-11-27", "Later a motorist 50 miles north of Detroit spotted the car."),
        },
    )
    assert _flagged(check([corpus])) == []


def test_a_headlines_common_words_are_no_parties_and_the_event_is_called_as_written(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": (
                "2010-09-10",
                "2 Dead, 1 Wounded in Shooting at Kraft Plant\n\nThe shooting shocked the city.",
            ),
            "b.txt": (
                "2010-09-10",
                "A gunman killed two workers and wounded two others at a Kraft factory. The "
                "shooting shocked the city.",
            ),
        },
    )
    flagged = [d for d in _flagged(check([corpus])) if d.attribute == "injured"]
    assert len(flagged) == 1
    assert flagged[0].subject == "shooting"  # no article writes 'attack', the kind's word
