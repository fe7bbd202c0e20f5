"""Guards for real news pages: headlines in Title Case, changes worded as news, titles tied to
the organisation written before them. Each guard is a general mechanism; the tests use several
forms real text takes.
"""

from __future__ import annotations

import pytest

from checker.documents import Document, is_title_case, split_sentences
from checker.extract import extract, match_sentence
from checker.mentions import Mentions


def claims_of(text: str, rulebook):
    return extract(Document(id="d", text=text), rulebook)


def mentions_of(text: str, rulebook) -> Mentions:
    document = Document(id="d", text=text)
    sentences = split_sentences(text, 0, rulebook.vocabulary.abbreviations)
    hits = [hit for sentence in sentences for hit in match_sentence(sentence, rulebook)]
    return Mentions(document, sentences, hits, rulebook)


def names_of(claims) -> set[str]:
    return (
        {c.subject for c in claims}
        | {c.org for c in claims if c.org}
        | {c.object for c in claims if c.object}
    )


# --- a) Title Case headlines -------------------------------------------------------------------

ACME = (
    "Acme Robotics said on Monday that Jane Doe will take over as chief executive. "
    "The company's founder, John Smith, is stepping down to join a rival. "
    "Smith founded Acme Robotics in 2010."
)


@pytest.mark.parametrize(
    "line",
    [
        "Acme Robotics Names New Chief as Founder Steps Aside",
        "Storm Ophelia Batters Coast",
        "ACME ROBOTICS NAMES NEW CHIEF",
        "Why This Matters to AI Development",
        "Alphabet CEO Sundar Pichai Touts Cloud Growth",
        "Future Strategies: What Lies Ahead for Scale AI?",
    ],
)
def test_title_case_lines(line):
    assert is_title_case(line)


@pytest.mark.parametrize(
    "line",
    [
        "Keir Starmer became Prime Minister on Friday, 5 July.",
        "Chancellor Rishi Sunak said:",
        "Photo: Getty Images",
        "Boeing turns to aerospace veteran Kelly Ortberg as chief executive",
        "Acme Robotics said on Monday that Jane Doe will take over.",
        "",
    ],
)
def test_ordinary_lines(line):
    assert not is_title_case(line)


@pytest.mark.parametrize(
    "headline",
    [
        "Acme Robotics Names New Chief as Founder Steps Aside",
        "# Acme Robotics Names New Chief as Founder Steps Aside",
        "ACME ROBOTICS NAMES NEW CHIEF AS FOUNDER STEPS ASIDE",
        "Acme Robotics Founder Steps Aside, Names Jane Doe Chief",
    ],
)
def test_headline_words_are_not_names(rulebook, headline):
    text = headline + "\n\n" + ACME
    claims = claims_of(text, rulebook)
    names = names_of(claims)
    assert not any(w in name for name in names for w in ("Names", "Steps", "Aside", "NAMES"))
    mentions = mentions_of(text, rulebook)
    assert mentions.focus_org == "Acme Robotics"
    assert "Founder Steps" not in mentions.persons
    assert not any("Steps" in name or "Names" in name for _, name in mentions.org_mentions)
    # the headline's known name still counts as a mention of it
    assert mentions.org_mentions[0] == (text.index("Acme Robotics"), "Acme Robotics")


@pytest.mark.parametrize(
    "headline",
    ["Storm Ophelia Batters Coast", "Storm Ophelia Batters Coast, Leaves 3 Dead"],
)
def test_headline_event_is_not_an_organisation(rulebook, headline):
    text = (
        headline + "\n\nStorm Ophelia hit the coast on Tuesday, killing 3 people. "
        "About 2,000 homes lost power. Ophelia is the third storm this year."
    )
    mentions = mentions_of(text, rulebook)
    assert not any("Batters" in name for _, name in mentions.org_mentions)
    assert mentions.focus_org is None
    assert mentions.focus_event == "Storm Ophelia"
    assert not any("Batters" in name for name in names_of(claims_of(text, rulebook)))


def test_headline_name_known_from_the_article_is_kept(rulebook):
    text = (
        "Jane Doe Takes Over at Acme Robotics\n\n"
        "Acme Robotics said Jane Doe, its chief operating officer, would lead the company."
    )
    mentions = mentions_of(text, rulebook)
    headline = mentions.sentences[0]
    assert mentions.in_title_case(headline)
    assert mentions.resolve("Jane Doe", 0, headline, "person") == "Jane Doe"
    assert mentions.resolve("Takes Over", 9, headline, "any") is None
    assert mentions.named_here("Acme Robotics", headline)
    assert not mentions.named_here("Takes Over", headline)
    assert mentions.named_here("the company", headline)


def test_headline_declared_alias_is_a_name(rulebook):
    text = (
        "Google Parent Alphabet Posts Record Cloud Revenue\n\n"
        "Google Cloud said revenue rose. Google Cloud has more than 10,000 staff."
    )
    mentions = mentions_of(text, rulebook)
    assert (text.index("Alphabet"), "Alphabet") in mentions.org_mentions  # rules/entities.yaml
    assert not any("Posts" in name or "Record" in name for _, name in mentions.org_mentions)
    assert mentions.focus_org == "Google Cloud"


# --- b) changes worded as news -------------------------------------------------------------


def titles_of(text: str, rulebook) -> list:
    return [c for c in claims_of(text, rulebook) if c.kind == "title"]


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        (
            "Jane Roe is stepping down as chief executive of Acme Corp to join a rival.",
            "Jane Roe",
            "chief executive",
        ),
        (
            "Stepping down to join a rival, chief executive Jane Roe thanked the staff.",
            "Jane Roe",
            "chief executive",
        ),
        (
            "Acme Corp said Mark Hale was appointed interim chief executive on Monday.",
            "Mark Hale",
            "interim chief executive",
        ),
        (
            "Jane Roe was promoted to chief operating officer.",
            "Jane Roe",
            "chief operating officer",
        ),
        (
            "Acme Corp named Mark Hale chief executive, replacing Jane Roe.",
            "Mark Hale",
            "chief executive",
        ),
        (
            "Mark Hale succeeds Jane Roe as chief executive of Acme Corp.",
            "Mark Hale",
            "chief executive",
        ),
        ("Mark Hale took over from Jane Roe as chair in March.", "Mark Hale", "chair"),
    ],
)
def test_news_wording_marks_a_title_change(rulebook, text, subject, value):
    found = [c for c in titles_of(text, rulebook) if c.subject == subject and c.value == value]
    assert found, titles_of(text, rulebook)
    assert all(c.qualifiers.change for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "Mark Hale succeeds Jane Roe as chief executive of Acme Corp.",
        "Mark Hale replaces Jane Roe as chief executive of Acme Corp.",
        "Mark Hale, succeeding Jane Roe, became chief executive of Acme Corp.",
        "Acme Corp named Mark Hale chief executive, replacing Jane Roe.",
        "Acme Corp has appointed Mark Hale to succeed Jane Roe as chief executive.",
        "Mark Hale will replace Jane Roe as chief executive in June.",
    ],
)
def test_the_one_replaced_does_not_get_the_new_title(rulebook, text):
    assert not [c for c in titles_of(text, rulebook) if c.subject == "Jane Roe"]


@pytest.mark.parametrize(
    ("text", "subject", "left", "taken"),
    [
        (
            "Rishi Sunak moved Suella Braverman from Home Secretary to Foreign Secretary.",
            "Suella Braverman",
            "Home Secretary",
            "Foreign Secretary",
        ),
        (
            "The reshuffle began with Suella Braverman. It moved her from Home Secretary to "
            "Foreign Secretary.",
            "Suella Braverman",
            "Home Secretary",
            "Foreign Secretary",
        ),
        (
            "Jane Roe was promoted from chief operating officer to chief executive.",
            "Jane Roe",
            "chief operating officer",
            "chief executive",
        ),
        (
            "Jane Roe moved from the role of chief financial officer to chief executive.",
            "Jane Roe",
            "chief financial officer",
            "chief executive",
        ),
    ],
)
def test_from_title_to_title(rulebook, text, subject, left, taken):
    found = {c.value: c.qualifiers for c in titles_of(text, rulebook) if c.subject == subject}
    assert found[left].tense == "past"
    assert found[taken].tense == "current" and found[taken].change


def test_a_title_left_for_another_is_not_a_change_to_it(rulebook):
    """'Chief technology officer Mira Murati was named interim CEO': CTO is the post she leaves."""
    text = "Chief technology officer Mira Murati was named interim CEO while the board searches."
    found = {c.value: c.qualifiers for c in titles_of(text, rulebook)}
    assert not found["Chief technology officer"].change
    assert found["interim CEO"].change


# --- c) titles tied to the organisation written before them --------------------------------

GOOGLE_CLOUD = (
    "Google Cloud said on Monday it would expand. Google Cloud has 10,000 staff. "
    "Google Cloud chief executive Thomas Kurian said demand was strong. "
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Alphabet CEO Sundar Pichai said the unit was growing.",
        "Alphabet Inc. CEO Sundar Pichai said the unit was growing.",
        "Alphabet Inc.'s CEO Sundar Pichai said the unit was growing.",
        "Alphabet (NASDAQ: GOOGL) CEO Sundar Pichai said the unit was growing.",
        "In a blog post, Alphabet chief executive Sundar Pichai wrote that it was growing.",
        "Sundar Pichai, Alphabet's chief executive, said the unit was growing.",
    ],
)
def test_the_organisation_written_before_the_title_wins(rulebook, sentence):
    claims = claims_of(GOOGLE_CLOUD + sentence, rulebook)
    pichai = [c for c in claims if c.kind == "title" and c.subject == "Sundar Pichai"]
    assert pichai and all(c.org and c.org.startswith("Alphabet") for c in pichai)


@pytest.mark.parametrize(
    "text",
    [
        "Alphabet CEO Sundar Pichai spoke first. "
        "Sundar Pichai, the company's chief executive, said Google Cloud would grow.",
        "Sundar Pichai, the company's chief executive, said Google Cloud would grow. "
        "Later, Alphabet CEO Sundar Pichai spoke again.",
    ],
)
def test_a_focus_guess_gives_way_to_the_written_organisation(rulebook, text):
    claims = claims_of(GOOGLE_CLOUD + text, rulebook)
    pichai = [c for c in claims if c.kind == "title" and c.subject == "Sundar Pichai"]
    assert len(pichai) == 2 and {c.org for c in pichai} == {"Alphabet"}


def test_without_a_written_organisation_the_focus_guess_stays(rulebook):
    text = GOOGLE_CLOUD + "Sundar Pichai, the company's chief executive, said it would grow."
    (pichai,) = [c for c in claims_of(text, rulebook) if c.subject == "Sundar Pichai"]
    assert pichai.org == "Google Cloud"


def test_a_declared_entity_is_not_a_short_form_of_the_focus(tmp_path):
    """'Google CEO Sundar Pichai' in Google Cloud articles: Google is not Google Cloud."""
    from checker import check

    (tmp_path / "a.txt").write_text(
        GOOGLE_CLOUD + "Alphabet and Google CEO Sundar Pichai said it was growing.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Thomas Kurian, the chief executive of Google Cloud, told analysts it was profitable. "
        "Google Cloud has more than 10,000 staff.",
        encoding="utf-8",
    )
    report = check([str(tmp_path)])
    assert not [d for d in report.discrepancies if d.attribute == "chief executive"]


# --- the extraction steps other extractors reuse ---------------------------------------------


def test_qualifiers_for_any_value_span(rulebook):
    from checker.qualifiers import qualifiers_for

    text = "Acme Corp said it now employs more than 2,000 people in Turkey alone, up from 1,500."
    mentions = mentions_of(text, rulebook)
    start = text.index("more than")
    end = text.index(" people")
    found = qualifiers_for(mentions, text, start, end, "count", text[start:end])
    assert found.hedge == "more than" and found.change and found.scope == "Turkey"
    assert found.attribution == "said"
    sentence = mentions.sentences[0]
    assert qualifiers_for(mentions, sentence, start, end, "count") == found
    fixed = qualifiers_for(mentions, text, start, end, "count", tense="past", population="staff")
    assert fixed.tense == "past" and fixed.population == "staff"


def test_mentions_resolve_pronouns_and_descriptors(rulebook):
    text = "Acme Corp hired Jane Roe in May. She said the company would grow and its staff agreed."
    mentions = mentions_of(text, rulebook)
    second = mentions.sentences[1]
    assert mentions.resolve("She", second.start, second, "person") == "Jane Roe"
    assert mentions.resolve("the company", second.start + 9, second, "org") == "Acme Corp"
    assert mentions.person_before(second.start) == "Jane Roe"
    assert mentions.org_before(second.start) == "Acme Corp"
    assert mentions.focus_org == "Acme Corp" and mentions.focus_person == "Jane Roe"
