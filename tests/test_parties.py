"""Parties, undated claims and bounds met at their edge: what keeps two facts from being one."""

from __future__ import annotations

import pytest
from story_corpus import warned_of

from checker import check
from checker.lexicon import lexicon_for
from checker.parties import PartyFinder, clause_around, different_parties, parties_of
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


def test_hearsay_after_a_name_does_not_make_it_a_source(finder):
    names = {name for name, _ in finder.in_sentence("The Nationals reportedly bid $160 million.")}
    assert names == {"Nationals"}
    assert finder.in_sentence("Dan Patrick reported the offer.") == ()


@pytest.mark.parametrize(
    "sentence, value, clause",
    [
        (
            "The Nationals bid $160 million, the Orioles $145 million.",
            "$145",
            " the Orioles $145 million.",
        ),
        ("The offer was $1,500 (a record) - a lot.", "$1,500", "The offer was $1,500 "),
        (
            "He said: the Orioles bid $140-$150 million; no more.",
            "$140-$150",
            "the Orioles bid $140-$150 million",
        ),
    ],
)
def test_a_value_has_its_clause(sentence, value, clause):
    start = sentence.index(value)
    low, high = clause_around(sentence, start, start + len(value))
    assert sentence[low:high] == clause


@pytest.mark.parametrize(
    "value, parties, actor",
    [
        ("$160", {"Nationals", "Teixeira"}, "Nationals"),
        ("$145", {"Orioles"}, "Orioles"),  # 'and the Orioles': only clause_leads words before
        ("$90", {"Nationals", "Orioles", "Angels", "Teixeira"}, None),  # no name leads it
    ],
)
def test_a_party_leading_the_value_clause_is_its_actor(finder, value, parties, actor):
    sentence = (
        "The Nationals bid $160 million for Teixeira, and the Orioles $145 million, "
        "after the Angels paid Hunter $90 million."
    )
    start = sentence.index(value)
    found, lead = parties_of(finder, sentence, "Hunter", lambda name: name, (start, start + 3))
    assert (found, lead) == (frozenset(parties), actor)


def test_two_actors_are_two_parties_unless_a_clause_names_the_other():
    nobody, orioles = frozenset(), frozenset({"Orioles"})
    assert different_parties(nobody, orioles, a_actor="Angels", b_actor="Orioles")
    assert not different_parties(nobody, orioles | {"Angels"}, a_actor="Angels", b_actor="Orioles")
    assert not different_parties(nobody, orioles, a_actor="Orioles", b_actor="Orioles")
    assert not different_parties(nobody, orioles, a_actor=None, b_actor="Orioles")


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
    assert warned_of(check([corpus])) == []


def test_one_partys_offer_in_two_figures_is_flagged(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "The Red Sox made Teixeira a $200 million offer."),
            "b.txt": ("2024-05-06", "The Red Sox made Teixeira a $160 million offer."),
        },
    )
    assert len(warned_of(check([corpus]))) == 1


def test_an_offer_in_a_clause_of_its_own_is_that_bidders(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": (
                "2024-05-06",
                "The Nationals have offered Teixeira $160 million over eight years.",
            ),
            "b.txt": (
                "2024-05-06",
                "The Nationals matched the Angels, the Orioles have made Teixeira an offer of "
                "$145 million over seven years, and nobody knows what the Red Sox offered.",
            ),
        },
    )
    assert warned_of(check([corpus])) == []


@pytest.mark.parametrize(
    "descriptor, flagged", [("The team", 0), ("The club", 0), ("Their agent", 1)]
)
def test_a_sentence_opening_with_the_team_is_about_the_team_named_before(
    tmp_path, descriptor, flagged
):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": (
                "2024-05-06",
                "The Angels made an eight-year offer to first baseman Mark Teixeira on Monday. "
                f"{descriptor} made its offer to Mark Teixeira, reportedly worth $160 million, "
                "during the meetings in Las Vegas.",
            ),
            "b.txt": (
                "2024-05-06",
                "The Nationals offered Mark Teixeira the same deal as the Angels, the Orioles "
                "have made Mark Teixeira an offer worth $145 million over seven years.",
            ),
        },
    )
    assert len(warned_of(check([corpus]))) == flagged


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
    assert warned_of(report) == []
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
    assert len(warned_of(check([corpus]))) == flagged


def test_counts_over_different_periods_are_two_facts(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "Thomas has scored two touchdowns in his last two games."),
            "b.txt": ("2024-05-06", "Thomas has scored eight touchdowns since Week 11."),
            "c.txt": ("2024-05-06", "Thomas has scored five touchdowns in the last two games."),
        },
    )
    flagged = warned_of(check([corpus]))
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
    flagged = warned_of(check([corpus]))
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
    assert warned_of(check([corpus])) == []


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
    assert warned_of(check([corpus])) == []


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
    assert warned_of(check([corpus])) == []


def test_open_values_far_apart_are_two_facts(tmp_path):
    corpus = _corpus(
        tmp_path,
        {
            "a.txt": ("2024-05-06", "Thieves stole jewels worth €103 million from the hotel."),
            "b.txt": ("2024-05-06", "Thieves stole jewels worth €2 million from the hotel."),
            "c.txt": ("2024-05-06", "Thieves stole jewels worth €3 million from the hotel."),
        },
    )
    flagged = warned_of(check([corpus]))
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
    assert len(warned_of(check([corpus]))) == flagged


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
    flagged = warned_of(check([corpus]))
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
    [flag] = warned_of(check([corpus]))
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
    [flag] = warned_of(check([corpus]))
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
    assert warned_of(check([corpus])) == []


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
    flagged = [d for d in warned_of(check([corpus])) if d.attribute == "injured"]
    assert len(flagged) == 1
    assert flagged[0].subject == "shooting"  # no article writes 'attack', the kind's word
