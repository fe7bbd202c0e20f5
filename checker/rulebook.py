"""Rule packs: the YAML schema (pydantic), loading with located errors, and macro expansion.

A pack is one YAML file in `rules/`. It may hold extraction rules (regexes with named groups
and example sentences), vocabulary (hedges, tense markers, scopes...), regex definitions used
as `{MACRO}` inside patterns, the title ontology, entity aliases, a gazetteer of places and
comparison policies per attribute. All packs merge into one `Rulebook`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from checker.errors import RuleFileError

ClaimKind = Literal[
    "rank",
    "tally",
    "title",
    "money",
    "percent",
    "count",
    "age",
    "year",
    "quantity",
    "place",
    "first",
    "date",
    "weekday",
    "time",
    "name",
    "state",
    "game_time",
]
Tense = Literal["past", "current", "future"]
SubjectType = Literal["person", "org", "event", "place", "topic", "any"]
Bound = Literal[
    "exact",
    "lower",
    "at_least",
    "upper",
    "at_most",
    "approx",
    "approx_below",
    "approx_above",
    "range",
]
Severity = Literal["contradiction", "warning", "info"]

REGEX_TIMEOUT_SECONDS = 1.0
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where installed
_MACRO = regex.compile(r"(?<!\\[pPN])\{([A-Z][A-Z0-9_]*)\}")


class Strict(BaseModel):
    """Base for every pack model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- extraction rules -------------------------------------------------------------------


class Pattern(Strict):
    """One regular expression of a rule; named groups carry the parts of the claim."""

    name: str
    regex: str = Field(description="Python `regex` syntax; {MACRO} expands a definition.")


class ExpectedClaim(Strict):
    """What an example sentence must (or must not) yield; unset fields are not checked."""

    subject: str | None = None
    attribute: str | None = None
    value: str | None = None
    object: str | None = None
    tense: Tense | None = None
    scope: str | None = None
    disputed: bool | None = None
    change: bool | None = None


class Example(Strict):
    """An example sentence and the claims the rule must extract from it."""

    text: str
    published: dt.date | None = None
    expect: list[ExpectedClaim] = Field(default_factory=list)
    reject: list[ExpectedClaim] = Field(default_factory=list)


class ExtractionRule(Strict):
    """A rule turns regex matches in a sentence into claims of one kind."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    kind: ClaimKind
    description: str
    attribute: str | None = Field(
        None, description="Fixed attribute; else taken from attribute_map."
    )
    attribute_map: dict[str, str] = Field(
        default_factory=dict, description="Word in the `attribute` group -> attribute name."
    )
    subject_type: SubjectType = "any"
    subject_from: Literal[
        "group",
        "previous_person",
        "previous_known_person",
        "focus_org",
        "focus_event",
        "focus_person",
        "attribute",
    ] = Field(
        "group",
        description="Where the subject comes from when the pattern has no subject group "
        "(previous_known_person: the last name known to be a person's, never name-like words).",
    )
    object_from: Literal["group", "focus_org"] = Field(
        "group",
        description="focus_org: a relation whose other party is the organisation the article is about.",
    )
    tense: Tense | None = Field(
        None, description="Tense the rule implies, such as future for 'will take over'."
    )
    change: bool = Field(
        False, description="The rule reports a change, e.g. 'was named', 'became'."
    )
    trigger: str | None = Field(
        None,
        description="Cheap regex (case-insensitive) a sentence must contain before the patterns run.",
    )
    patterns: list[Pattern] = Field(min_length=1)
    examples: list[Example] = Field(default_factory=list)

    @model_validator(mode="after")
    def _attribute_source(self) -> ExtractionRule:
        if self.kind not in ("title", "weekday") and not self.attribute and not self.attribute_map:
            raise ValueError("needs `attribute` or `attribute_map`")
        return self


# --- knowledge ----------------------------------------------------------------------------


class HedgeExample(Strict):
    """Two written figures and whether, hedged as written, they can both be right."""

    value: str
    other: str
    agree: bool


class PreciseFigures(Strict):
    """A figure written precisely gets a narrower approximation ('an estimated $102 million')."""

    digits: int = Field(
        3, ge=1, description="Significant digits from which a figure counts as precise."
    )
    tolerance: float = Field(
        ge=0, le=1, description="Relative width for a precise figure (instead of `tolerance`)."
    )


class Hedge(Strict):
    """Words that turn a stated number into an interval."""

    bound: Bound
    phrases: list[str]
    tolerance: float | None = Field(
        None, ge=0, le=1, description="Relative width for approximations."
    )
    precise: PreciseFigures | None = Field(
        None,
        description="A narrower width for figures written with many significant digits: "
        "someone who writes '$102 million' did not round to the nearest ten.",
    )
    mark: bool = Field(
        False,
        description="The figure is a mark the value falls just short of or just past ('almost "
        "$2 million'): its interval is `tolerance` of the figure, not widened to the rounding "
        "the figure is written with ('$2 million' alone spans $1.5-2.5 million).",
    )
    examples: list[HedgeExample] = Field(default_factory=list)


class Vocabulary(Strict):
    """Closed word lists the mechanisms read; every list is optional in a pack."""

    hedges: list[Hedge] = Field(default_factory=list)
    trailing_hedges: dict[str, str] = Field(
        default_factory=dict,
        description="A hedge written after a value -> the hedge that means it before ('or more' -> 'at least').",
    )
    scale_words: dict[str, float] = Field(default_factory=dict)
    comparison_markers: list[str] = Field(
        default_factory=list,
        description="Words that bring in a figure to measure another against ('surpassing the "
        "$90 million deal'): the figure is another fact, not a claim about this one.",
    )
    rate_markers: dict[str, str] = Field(
        default_factory=dict,
        description="Written after an amount, they make it a rate -> the stretch it is per "
        "('$23 million per season' -> 'year'): a rate and a total are two facts.",
    )
    rate_openers: dict[str, str] = Field(
        default_factory=dict,
        description="The same, written before the amount ('an average annual value of $21 million').",
    )
    rate_exceptions: list[str] = Field(
        default_factory=list,
        description="Words after a rate marker that make it a time ('$4 million a year ago').",
    )
    currencies: dict[str, str] = Field(
        default_factory=dict, description="Symbol or code -> ISO code."
    )
    currency_words: dict[str, str] = Field(
        default_factory=dict, description="Word after an amount -> ISO code."
    )
    glued_currencies: dict[str, str] = Field(
        default_factory=dict,
        description="A letter glued to an amount where a sign was lost ('e80 million') -> ISO code.",
    )
    number_words: dict[str, float] = Field(default_factory=dict)
    none_words: list[str] = Field(
        default_factory=list,
        description="Words that count nobody ('no one', 'nobody'): a count of zero.",
    )
    ordinal_words: dict[str, int] = Field(
        default_factory=dict, description="'first' -> 1, 'second' -> 2..."
    )
    fraction_words: dict[str, tuple[float, float]] = Field(default_factory=dict)
    units: dict[str, tuple[str, float]] = Field(
        default_factory=dict,
        description="Unit word -> (dimension, factor to the dimension's base unit).",
    )
    title_modifiers: dict[str, Tense] = Field(default_factory=dict)
    past_markers: list[str] = Field(default_factory=list)
    future_markers: list[str] = Field(default_factory=list)
    change_markers: list[str] = Field(default_factory=list)
    title_change_markers: list[str] = Field(
        default_factory=list,
        description="Change markers for titles only ('stepping down', 'to join', 'succeeds').",
    )
    predecessor_markers: list[str] = Field(
        default_factory=list,
        description="Words before a name that make it the one who held a post before "
        "('succeeding', 'replaces'): that name does not get the new title.",
    )
    revision_markers: list[str] = Field(default_factory=list)
    marker_exceptions: list[str] = Field(
        default_factory=list,
        description="Phrases that contain a marker but are not one ('now that', 'New York').",
    )
    attribution_markers: list[str] = Field(default_factory=list)
    negation_markers: list[str] = Field(default_factory=list)
    denial_verbs: list[str] = Field(default_factory=list)
    generic_markers: list[str] = Field(
        default_factory=list,
        description="Modals of a general statement ('a magnitude 6 quake can cause...'): no claim.",
    )
    report_nouns: list[str] = Field(default_factory=list)
    error_adverbs: list[str] = Field(default_factory=list)
    error_adjectives: list[str] = Field(default_factory=list)
    total_scope_markers: list[str] = Field(default_factory=list)
    part_scope_markers: list[str] = Field(default_factory=list)
    population_nouns: list[str] = Field(
        default_factory=list, description="Nouns of a subgroup scope: 'among patients with ...'."
    )
    person_nouns: list[str] = Field(
        default_factory=list,
        description="Nouns for a person ('man', 'suspect'): 'the 61-year-old suspect' is someone named.",
    )
    org_descriptors: list[str] = Field(default_factory=list)
    person_pronouns: list[str] = Field(default_factory=list)
    role_nouns: dict[str, str] = Field(
        default_factory=dict,
        description="A noun that names a person by role -> the role ('gunman': perpetrator): "
        "'the suspect' of one article is the person another names beside the role.",
    )
    pronoun_genders: dict[str, Literal["female", "male"]] = Field(
        default_factory=dict,
        description="A person pronoun -> the gender it names ('she': female): who 'she' is.",
    )
    org_pronouns: list[str] = Field(default_factory=list)
    honorifics: list[str] = Field(default_factory=list)
    org_suffixes: list[str] = Field(default_factory=list)
    not_names: list[str] = Field(
        default_factory=list, description="Capitalised words that are never names."
    )
    abbreviations: list[str] = Field(default_factory=list)
    place_nouns: list[str] = Field(
        default_factory=list,
        description="Words that make a name a place ('Mount', 'Street'): never a party to a value.",
    )
    anchor_words: list[str] = Field(
        default_factory=list,
        description="Words after a duration that measure it from an event ('two weeks before "
        "the shooting'): the duration holds whenever it is told.",
    )
    period_markers: list[str] = Field(
        default_factory=list,
        description="Words that open the stretch a value is counted over ('since', 'in the last').",
    )
    share_markers: list[str] = Field(
        default_factory=list,
        description="Phrases that name the share of a whole a value is counted over ('on the "
        "ground', 'on offense'): two shares are two counts.",
    )
    stated_participles: list[str] = Field(
        default_factory=list,
        description="Participles after a figure that name it as someone's statement ('less "
        "than the $184 million reported'): a strict hedge before it bounds the value past it.",
    )
    stated_adverbs: list[str] = Field(
        default_factory=list,
        description="Adverbs allowed between such a figure and its participle ('first').",
    )
    source_verbs: list[str] = Field(
        default_factory=list,
        description="Verbs after a name that make it the source a sentence cites ('reported').",
    )
    hearsay_markers: list[str] = Field(
        default_factory=list,
        description="Attribution words after a name that pass on what others say of it "
        "('the Nationals reportedly bid'): the name is the one the value is about, not a source.",
    )
    clause_leads: list[str] = Field(
        default_factory=list,
        description="Words that may stand before the name that leads a clause ('and the "
        "Orioles offered'): that name is the clause's actor (checker.parties).",
    )
    stances: dict[str, list[str]] = Field(
        default_factory=dict,
        description="What a value is to the parties of a deal, by the lemmas that say it "
        "('ask': seek, demand; 'offer': offer, bid): a price asked and a price offered are "
        "two facts.",
    )
    region_words: list[str] = Field(
        default_factory=list,
        description="Words that make a place a region ('county', 'area'): it may hold a place "
        "the gazetteer does not know.",
    )
    locative_words: list[str] = Field(
        default_factory=list, description="Words before a place's name: 'in', 'near', 'off'."
    )
    speech_verbs: list[str] = Field(
        default_factory=list,
        description="Verbs after a name that make it a person ('Charles said'): people speak.",
    )
    event_nouns: dict[str, list[str]] = Field(
        default_factory=dict, description="Canonical event -> nouns."
    )
    event_categories: list[str] = Field(
        default_factory=list,
        description="Canonical events that name a category ('attack': shooting, stabbing): "
        "when no article writes the category's word, the event takes the noun they write.",
    )


class Office(Strict):
    """A title in the ontology with its synonyms."""

    id: str
    label: str
    names: list[str] = Field(min_length=1)
    leads: bool = Field(False, description="The holder leads the organisation (CEO, chair...).")
    groups: list[str] = Field(
        default_factory=list, description="Exclusive groups: one office per group at a time."
    )


class Alias(Strict):
    """Declared names of one entity."""

    canonical: str
    type: SubjectType = "any"
    aliases: list[str] = Field(default_factory=list)


class Place(Strict):
    """A place of the gazetteer and the place that contains it."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    within: str | None = None


class StateLevel(Strict):
    """One level of a state scale ('critical') and the words that write it."""

    label: str
    words: list[str] = Field(min_length=1, description="Lower-case words or phrases.")


class AttributePolicy(Strict):
    """How values of one attribute are compared."""

    name: str
    changes: Literal["never", "over_time", "on_event"] = Field(
        "over_time",
        description="never: values at different times still conflict; over_time: values at "
        "different dates are changes; on_event: a change needs a marker or a long gap.",
    )
    same_period_days: int = Field(
        0, ge=0, description="Dates closer than this count as the same time."
    )
    max_severity: Severity = "contradiction"
    note: str | None = Field(None, description="Added to the explanation of its discrepancies.")
    parties_apart: bool = Field(
        False,
        description="Values tied to different parties (the offers of two bidders) are two "
        "facts, as they are for open claims.",
    )
    tolerance: float | None = Field(None, ge=0, description="Absolute rounding tolerance.")
    ignore_tense: bool = Field(
        False,
        description="A one-off fact (a fee, a sentence): 'will pay' and 'paid' describe the same value.",
    )
    cumulative: bool = Field(
        False,
        description="A running total (a death toll): a later value below an earlier one is suspect.",
    )
    bounds: Severity = Field(
        "warning",
        description="How a bound that a figure satisfies ('more than 10' vs 12) is reported.",
    )
    far_ratio: float | None = Field(
        None,
        gt=1,
        description="Open values further apart than this ratio are two facts (unset: the "
        "comparison's default).",
    )
    one_day: bool = Field(
        False,
        description="The event happens on one day: two days given for it disagree, they do "
        "not tell two events (unset: a date's own weekday sets its event apart).",
    )
    levels: list[StateLevel] = Field(
        default_factory=list,
        description="A state scale (claims of kind `state`), most severe level first: two "
        "levels said of one subject at one time disagree ('critical' / 'stable').",
    )
    unnamed: Literal["keep", "the_one_named"] = Field(
        "keep",
        description="Claims about an unnamed person ('the third victim'): 'keep' them as they "
        "are, or 'the_one_named': about the one person the corpus names for this attribute "
        "(left out when it names none or several; checker.unnamed).",
    )
    unknown_places: Literal["agree", "conflict"] = Field(
        "agree",
        description="Places of kind `place` that the gazetteer does not know: 'agree' (the "
        "default: nothing is known of them) or 'conflict' (two different names of the place of "
        "one kind, such as a town of residence, disagree unless one is a region).",
    )


# --- open claims: any value in its context ------------------------------------------------


ValueKind = Literal[
    "money", "percent", "measure", "age", "time", "date", "weekday", "year", "score", "count"
]


class ValueShape(Strict):
    """What one kind of value looks like in text (a regex; {MACRO}s expand)."""

    kind: ValueKind
    name: str
    regex: str
    attribute: str | None = Field(
        None,
        description="A key the shape itself gives ('the 12200 block of Main Street' is a "
        "block number); the regex's `about` group, when set, names the subject.",
    )
    frame: str | None = Field(
        None,
        description="The frame whose comparison policy a keyed shape's values follow "
        "(unset: the value never changes).",
    )


class Frame(Strict):
    """A set of predicates that state one kind of fact: 'kill / die / dead / death toll'.

    The words are lemmas (as simplemma gives them); a phrase is a sequence of lemmas.
    """

    name: str = Field(description="The attribute key the predicates share ('killed').")
    words: list[str] = Field(min_length=1)
    subject: Literal["event", "place", "thing", "object", "nearest"] = Field(
        "nearest",
        description="event: the value is about the event the sentence reports (a death toll); "
        "place: about the place the sentence names, else the one its document is about (a "
        "crowd's size); thing: about the built thing the verb is said of, else the entity "
        "named before the value, never the document's focus (a year built); object: about "
        "the thing the verb acts on (the year voters approved a bond: checker.objects); "
        "nearest: about "
        "the entity the clause names.",
    )
    kinds: list[ValueKind] = Field(
        default_factory=list, description="The kinds of value the frame keys (empty: every kind)."
    )
    counts_people: bool = Field(
        False, description="A bare number is a count of people ('killing 10', 'ten dead')."
    )
    dimensions: list[str] = Field(
        default_factory=list,
        description="For measures: the unit dimensions the frame keys ('magnitude'); "
        "'measure' is a number without a unit.",
    )
    nouns: list[str] = Field(
        default_factory=list,
        description="For counts: the only nouns (lemmas) the frame counts, one fact whichever "
        "is written ('hit eleven times', 'seven bullets hit'); empty: any noun.",
    )
    attributes: dict[ValueKind, str] = Field(
        default_factory=dict,
        description="The attribute a kind of value takes, to align with a pack's "
        "('sentenced' measures are a 'prison sentence').",
    )
    changes: Literal["never", "over_time", "on_event"] = "over_time"
    cumulative: bool = False
    same_period_days: int = Field(0, ge=0)
    one_day: bool = Field(
        False,
        description="The frame's act happens once, on one day ('foiled the attack'): two "
        "outlets that date it on two days disagree. Unset for acts that recur (deaths after "
        "a crash are told on later days).",
    )
    far_ratio: float | None = Field(
        None,
        gt=1,
        description="Values further apart than this ratio are two facts: a building 15 miles "
        "from Detroit and a motorist 50 miles from it.",
    )
    taking: bool = Field(
        False,
        description="The frame of what was taken: the open rules' `taking_verbs` are its "
        "words too ('a $2.5 million necklace was lifted' keys as 'stole $2.5 million').",
    )


class OpenExpectation(Strict):
    """An open claim an example sentence must (or must not) yield; unset fields are not checked."""

    subject: str | None = None
    attribute: str | None = None
    value: str | None = None
    kind: ValueKind | None = None


class OpenExample(Strict):
    """An example sentence for the open-claim mechanism."""

    text: str
    published: dt.date | None = None
    expect: list[OpenExpectation] = Field(default_factory=list)
    reject: list[OpenExpectation] = Field(default_factory=list)


class RecordSplit(Strict):
    """A split of a win-loss record, however it is written.

    'one-possession games' and 'games decided by one score or less' are one split, keyed by
    `name`.
    """

    name: str = Field(min_length=1, description="The key the split's records compare by.")
    phrases: list[str] = Field(min_length=1, description="How articles write the split.")


class GamePlay(Strict):
    """A kind of play in a game report ('interception') and the words that name it."""

    name: str = Field(min_length=1, description="The play's key ('interception').")
    words: list[str] = Field(min_length=1, description="Lower-case words or phrases.")
    by_person: bool = Field(
        True,
        description="Keyed by each person its clause names (one interception of a player); "
        "false for plays a player makes many of in a game (a kicker's field goals).",
    )


class GamePhase(Strict):
    """A part of a period ('late in the third quarter'); phases are listed in game order."""

    name: str
    words: list[str] = Field(min_length=1, description="The words before 'the <period>'.")


class GameTime(Strict):
    """When in a game a play came: its period, the part of it, the game clock (checker.game_time)."""

    periods: dict[str, int] = Field(
        default_factory=dict,
        description="Period nouns and how many quarters each spans ('quarter': 1, 'half': 2).",
    )
    phases: list[GamePhase] = Field(
        default_factory=list,
        description="Parts of a period in game order: the first and the last exclude each other.",
    )
    clock_words: list[str] = Field(
        default_factory=list,
        description="Words after a game clock that make it time left ('10:03 to play in ...').",
    )
    clock_tolerance_seconds: int = Field(
        60, ge=0, description="Two clocks for one play this close are one time, rounded."
    )
    plays: list[GamePlay] = Field(default_factory=list)
    tie_words: list[str] = Field(
        default_factory=list,
        description="Words that make a play the one that tied the game ('tied the game').",
    )
    tie_play: str = Field(
        "score", description="The tying play's noun when its clause names none ('tying score')."
    )
    examples: list[OpenExample] = Field(default_factory=list)


class DayOffsets(Strict):
    """Phrases that move a number of days from the date a text gave last."""

    phrases: dict[str, int] = Field(
        default_factory=dict,
        description="Fixed phrases and the days they move ('the previous day': -1).",
    )
    units: dict[str, int] = Field(
        default_factory=dict, description="Units a count of them moves by, in days ('week': 7)."
    )
    directions: dict[str, int] = Field(
        default_factory=dict,
        description="Words after a counted unit and their sign ('earlier': -1, 'later': 1).",
    )
    closing: list[str] = Field(
        default_factory=list,
        description="Directions that offset from the last date only at the end of a clause "
        "('four days before.'): followed by a noun ('before the trial') they date from it.",
    )


class OpenRules(Strict):
    """Knowledge the open-claim mechanism reads: value shapes, frames and guard words."""

    values: list[ValueShape] = Field(default_factory=list)
    frames: list[Frame] = Field(default_factory=list)
    generic_nouns: list[str] = Field(
        default_factory=list, description="Counted nouns that say nothing ('people', 'others')."
    )
    noun_synonyms: dict[str, str] = Field(
        default_factory=dict,
        description="Counted nouns (lemmas) that name one thing, each to the noun it keys as "
        "('appliance': 'engine', as British fire services write).",
    )
    built_things: dict[str, str] = Field(
        default_factory=dict,
        description="Nouns (lemmas) of things that are built, each to the thing it names "
        "('structure': 'building'): the age of one ('the 86-year-old structure') is the year "
        "it was built (checker.built_year), and a year built is about the one its verb names.",
    )
    generic_heads: list[str] = Field(
        default_factory=list,
        description="Head nouns (lemmas) that only say what kind of thing was voted on or "
        "acted on ('measure', 'proposal'): the noun before them names it ('a bond measure' "
        "is the bond, checker.objects).",
    )
    modifiers: list[str] = Field(
        default_factory=list,
        description="Words between a number and the noun it counts ('more', 'other', 'injured').",
    )
    label_words: list[str] = Field(
        default_factory=list,
        description="Words after which a number is a name, not a quantity ('Flight 1282').",
    )
    record_words: list[str] = Field(
        default_factory=list,
        description="Words after a score that make it a record ('11-4 on the season').",
    )
    record_openers: list[str] = Field(
        default_factory=list,
        description="Words before a score that make it a record ('improved to 11-4').",
    )
    threshold_nouns: list[str] = Field(
        default_factory=list,
        description="Nouns after which a measure is a class, a lower bound ('a 200-yard game').",
    )
    record_scopes: list[str] = Field(
        default_factory=list,
        description="Words after a record that narrow it to a split ('9-1 in one-score games').",
    )
    record_splits: list[RecordSplit] = Field(
        default_factory=list,
        description="Named splits of a record: a score before one is a record of that split "
        "('8-1 in games decided by one score', '9-1 in one-possession games').",
    )
    level_labels: list[str] = Field(
        default_factory=list,
        description="Regexes ({MACRO}s expand) of labels that name a level, not a count "
        "('third-and-10', 'fourth down', 'one score'): a number inside one is no value.",
    )
    modifier_nouns: list[str] = Field(
        default_factory=list,
        description="Nouns a name after 'the' or 'a' only describes ('the NFL rookie record', "
        "up to two words between): such a name holds no value.",
    )
    label_nouns: list[str] = Field(
        default_factory=list,
        description="Nouns that make a measure before them a name ('the 20-yard line').",
    )
    ignored_words: list[str] = Field(
        default_factory=list, description="Lemmas that never make a key ('be', 'have', 'say')."
    )
    clause_openers: list[str] = Field(
        default_factory=list,
        description="Words that open another event's clause ('a 45-yard field goal before "
        "Ratliff intercepted a pass'): a value's context words stop there.",
    )
    taking_verbs: list[str] = Field(
        default_factory=list,
        description="Verbs (lemmas) of taking: an amount taken 'from' a name is about that "
        "name, the victim ('stole £910,000 of jewels from Chopard').",
    )
    worth_words: list[str] = Field(
        default_factory=list,
        description="Words between an item and its value ('a necklace worth $2 million'): in "
        "a clause of taking the value is the item's (checker.taken_items).",
    )
    gerund_openers: list[str] = Field(
        default_factory=list,
        description="Prepositions that make the '-ing' word after them an event ('convicted "
        "of murdering a deputy in June 2005'): a date beside it is that event's.",
    )
    date_determiners: list[str] = Field(
        default_factory=list,
        description="Words that open a noun phrase a date modifies ('the Nov. 30 escape'): the "
        "date is the noun's, keyed 'date escape'.",
    )
    year_anaphors: list[str] = Field(
        default_factory=list,
        description="Phrases that name the year the text gave last ('that same year', 'later "
        "that year'): a year value, read as that year.",
    )
    day_offsets: DayOffsets = Field(
        default_factory=lambda: DayOffsets(),
        description="Offsets in days from the last date the text gave ('the previous day', "
        "'four days earlier'): a date value, read from that date (checker.relative_times).",
    )
    function_words: list[str] = Field(
        default_factory=list, description="Words that are never the noun a number counts."
    )
    furniture_words: list[str] = Field(
        default_factory=list,
        description="Words that open a page's furniture, not its story ('Posted', 'Updated').",
    )
    earlier_words: list[str] = Field(
        default_factory=list,
        description="Words that set an event apart from the one reported ('previous', 'last year's').",
    )
    max_severity: Severity = Field(
        "warning", description="Open claims are less certain than a pack's: their cap."
    )
    game_time: GameTime | None = Field(
        None, description="When plays of a game came (claims of kind `game_time`)."
    )
    examples: list[OpenExample] = Field(default_factory=list)


class MonthlyRate(Strict):
    """What one unit of a currency was worth in US dollars over a month, on average."""

    month: str = Field(pattern=r"^\d{4}-(?:0[1-9]|1[0-2])$", description="'2013-09'.")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO code ('GBP').")
    usd: float = Field(gt=0, description="US dollars per unit of the currency.")


class RateExample(Strict):
    """An amount in an article of a date, and about what it was worth in US dollars."""

    amount: str
    published: dt.date
    usd: float = Field(gt=0, description="The amount in US dollars, within 1%.")


class ExchangeRates(Strict):
    """Dated exchange rates: an amount converts at the rate of its article's month."""

    source: str = Field(min_length=1, description="Where the rates come from, and how sure.")
    rates: list[MonthlyRate] = Field(default_factory=list)
    examples: list[RateExample] = Field(default_factory=list)


class RulePack(Strict):
    """One YAML file of rules/."""

    pack: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    description: str = ""
    definitions: dict[str, str] = Field(default_factory=dict)
    vocabulary: Vocabulary | None = None
    offices: list[Office] = Field(default_factory=list)
    aliases: list[Alias] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    attributes: list[AttributePolicy] = Field(default_factory=list)
    rules: list[ExtractionRule] = Field(default_factory=list)
    open: OpenRules | None = None
    exchange: ExchangeRates | None = None

    @field_validator("definitions")
    @classmethod
    def _definition_names(cls, value: dict[str, str]) -> dict[str, str]:
        for name in value:
            if not regex.fullmatch(r"[A-Z][A-Z0-9_]*", name):
                raise ValueError(f"definition name {name!r} must be UPPER_CASE")
        return value


# --- the merged rulebook ------------------------------------------------------------------


class CompiledRule(BaseModel):
    """An extraction rule with its pack, full id and compiled patterns."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    pack: str
    rule: ExtractionRule
    trigger: regex.Pattern | None
    compiled: list[tuple[str, regex.Pattern]]


class Rulebook(BaseModel):
    """Every pack merged: what extraction, normalisation and comparison read."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    rules: list[CompiledRule]
    vocabulary: Vocabulary
    offices: list[Office]
    aliases: list[Alias]
    places: list[Place]
    attributes: dict[str, AttributePolicy]
    definitions: dict[str, str]
    word_lists: dict[str, list[str]] = Field(
        description="Named lists the generated macros use (\\L<NAME>)."
    )
    open: OpenRules = Field(description="What the open-claim mechanism reads (merged).")
    open_claims: bool = Field(True, description="Whether open claims are extracted at all.")
    exchange: list[ExchangeRates] = Field(
        default_factory=list, description="Dated exchange rates, one entry per pack."
    )
    sources: list[str] = Field(description="Files the packs were read from.")
    version: str = Field(description="Hash of the packs' contents (for caches and reports).")

    def policy(self, attribute: str) -> AttributePolicy:
        """The comparison policy of an attribute (defaults when the packs declare none).

        A policy named '* word' applies to every attribute ending in that word ('miners present').
        """
        if attribute in self.attributes:
            return self.attributes[attribute]
        words = attribute.split()
        for start in range(1, len(words)):
            wildcard = self.attributes.get("* " + " ".join(words[start:]))
            if wildcard:
                return wildcard
        return AttributePolicy(name=attribute)

    def compile(self, text: str, flags: int = 0) -> regex.Pattern:
        """Compile a regex that may use {MACRO}s of the packs (compiled once per rulebook)."""
        return _compile_text(self, text, flags)

    def rule(self, rule_id: str) -> CompiledRule:
        """The compiled rule with this full id."""
        return next(r for r in self.rules if r.id == rule_id)

    def __hash__(self) -> int:
        return hash(self.version)


def default_rules_dir() -> Path:
    """The bundled rules/ folder: beside the package in a checkout, inside it when installed."""
    package = Path(__file__).resolve().parent
    checkout = package.parent / "rules"
    if checkout.is_dir():
        return checkout
    # Installed: pyproject maps rules/ to checker/bundled_rules. (importlib.resources gives a
    # MultiplexedPath for that namespace package, whose str() is not a path.)
    return package / "bundled_rules"


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    """The YAML files under the given files or folders, sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.y*ml") if p.suffix in (".yaml", ".yml")))
        elif path.is_file():
            files.append(path)
        else:
            raise RuleFileError(str(path), "no such rule file or folder")
    return files


def load_pack(path: Path, data: bytes | None = None) -> RulePack:
    """Parse and validate one pack; errors name the file, line, rule and field.

    `data` is the file's bytes when they were already read.
    """
    try:
        text = (path.read_bytes() if data is None else data).decode("utf-8")
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # as read_text() reads it
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), f"cannot read: {exc}") from exc
    try:
        parsed = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleFileError(
            str(path),
            f"not valid YAML: {getattr(exc, 'problem', exc)}",
            line=mark.line + 1 if mark else None,
        ) from exc
    if not isinstance(parsed, dict):
        raise RuleFileError(str(path), "a rule pack must be a mapping with a `pack:` key", line=1)
    try:
        return RulePack.model_validate(parsed)
    except ValidationError as exc:
        raise _located(path, parsed, _line_index(text), exc) from exc


def load_rulebook(
    extra: Iterable[str | Path] = (),
    *,
    bundled: bool = True,
    open_claims: bool = True,
    cache_dir: str | Path | None = None,
) -> Rulebook:
    """Load the bundled packs plus user packs (files or folders) into one Rulebook.

    `open_claims=False` turns off claims for values no rule names (only the packs' rules run).
    `cache_dir` keeps the compiled rulebook there by the packs' content (None: no disk cache).
    """
    files = (pack_files([default_rules_dir()]) if bundled else []) + pack_files(extra)
    contents = tuple((str(f), _read_pack(f)) for f in files)
    return _load(contents, open_claims, None if cache_dir is None else str(cache_dir))


def _read_pack(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RuleFileError(str(path), f"cannot read: {exc}") from exc


@functools.lru_cache(maxsize=8)
def _load(
    contents: tuple[tuple[str, bytes], ...], open_claims: bool, cache_dir: str | None
) -> Rulebook:
    """The rulebook of these pack files' contents, built once per process (and per cache)."""
    if cache_dir is None:
        return _build(contents, open_claims)
    from checker.lexicon import lexicon_for
    from checker.prefilter import rule_filter_for
    from checker.rules_cache import cached_build

    def build() -> tuple[Rulebook, object, object]:
        rulebook = _build(contents, open_claims)
        return rulebook, rule_filter_for(rulebook), lexicon_for(rulebook)

    rulebook, rule_filter, lexicon = cached_build(contents, open_claims, Path(cache_dir), build)
    rule_filter_for.remember(rulebook, rule_filter)
    lexicon_for.remember(rulebook, lexicon)
    return rulebook


def _build(contents: tuple[tuple[str, bytes], ...], open_claims: bool = True) -> Rulebook:
    packs = [(Path(f), load_pack(Path(f), data)) for f, data in contents]
    vocabulary = _merge_vocabularies(p.vocabulary for _, p in packs if p.vocabulary)
    offices = [o for _, p in packs for o in p.offices]
    definitions: dict[str, str] = {}
    for _, pack in packs:
        definitions.update(pack.definitions)
    policies = [a for _, p in packs for a in p.attributes]
    lists = word_lists(vocabulary, offices, policies)
    definitions.update(_generated_definitions(lists))
    rules: list[CompiledRule] = []
    seen: set[str] = set()
    for path, pack in packs:
        for rule in pack.rules:
            full_id = f"{pack.pack}.{rule.id}"
            if full_id in seen:
                raise RuleFileError(str(path), "duplicate rule id", rule=full_id, field="id")
            seen.add(full_id)
            compiled = [
                (p.name, _compile(p, definitions, lists, path, full_id)) for p in rule.patterns
            ]
            trigger = None
            if rule.trigger:
                trigger = _compile(
                    Pattern(name="trigger", regex=f"(?i:{rule.trigger})"),
                    definitions,
                    lists,
                    path,
                    full_id,
                )
            rules.append(
                CompiledRule(
                    id=full_id, pack=pack.pack, rule=rule, trigger=trigger, compiled=compiled
                )
            )
    open_rules = _merge_open(p.open for _, p in packs if p.open)
    for shape in open_rules.values:
        _compile(
            Pattern(name=shape.name, regex=shape.regex),
            definitions,
            lists,
            Path("open"),
            "open." + shape.kind,
        )
    digest = hashlib.sha256()
    for name, data in contents:
        digest.update(Path(name).name.encode() + b"\0" + data)
    if not open_claims:
        digest.update(b"\0no-open-claims")
    return Rulebook(
        rules=rules,
        vocabulary=vocabulary,
        offices=offices,
        aliases=[a for _, p in packs for a in p.aliases],
        places=[pl for _, p in packs for pl in p.places],
        attributes={
            **{a.name: a for _, p in packs for a in p.attributes},
            **_open_policies(open_rules),
        },
        definitions=definitions,
        word_lists=lists,
        open=open_rules,
        open_claims=open_claims,
        exchange=[p.exchange for _, p in packs if p.exchange],
        sources=[str(p) for p, _ in packs],
        version=digest.hexdigest()[:12],
    )


def _merge_vocabularies(vocabularies: Iterable[Vocabulary]) -> Vocabulary:
    merged: dict[str, object] = {}
    for vocabulary in vocabularies:
        for name in Vocabulary.model_fields:
            value = getattr(vocabulary, name)
            if isinstance(value, dict):
                merged.setdefault(name, {}).update(value)  # type: ignore[union-attr]
            else:
                merged.setdefault(name, []).extend(value)  # type: ignore[union-attr]
    return Vocabulary.model_validate(merged)


def _open_policies(rules: OpenRules) -> dict[str, AttributePolicy]:
    """One comparison policy per frame ('open:killed'), one for ages and one for the rest."""
    cap = rules.max_severity
    policies = {
        f"open:{f.name}": AttributePolicy(
            name=f"open:{f.name}",
            changes=f.changes,
            cumulative=f.cumulative,
            same_period_days=f.same_period_days,
            one_day=f.one_day,
            max_severity=cap,
            bounds="info",
            far_ratio=f.far_ratio,
        )
        for f in rules.frames
    }
    policies["open:age"] = AttributePolicy(
        name="open:age", changes="never", max_severity=cap, bounds="info"
    )
    policies["open:year"] = AttributePolicy(
        name="open:year", changes="never", max_severity=cap, bounds="info"
    )
    policies["open:fixed"] = AttributePolicy(  # a value whose shape names what it is
        name="open:fixed", changes="never", max_severity=cap, bounds="info"
    )
    policies["open:"] = AttributePolicy(name="open:", max_severity=cap, bounds="info")
    return policies


def _merge_open(parts: Iterable[OpenRules]) -> OpenRules:
    merged: dict[str, object] = {}
    for part in parts:
        for name in sorted(part.model_fields_set):  # a pack's unset fields keep the others' values
            value = getattr(part, name)
            if isinstance(value, list):
                merged.setdefault(name, []).extend(value)  # type: ignore[union-attr]
            else:
                merged[name] = value
    return OpenRules.model_validate(merged)


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any phrase (longest first), spaces matching any whitespace."""
    unique = sorted(set(phrases), key=lambda s: (-len(s), s))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in unique)


def _generated_definitions(lists: dict[str, list[str]]) -> dict[str, str]:
    """Macros built from word lists, so patterns never repeat the vocabulary."""
    return {name: f"(?i:\\L<{name}>)" if values else "(?!x)x" for name, values in lists.items()}


def state_macro(scale: str) -> str:
    """The macro of a state scale's words: 'hospital condition' -> STATE_HOSPITAL_CONDITION."""
    return "STATE_" + regex.sub(r"[^A-Z0-9]+", "_", scale.upper()).strip("_")


def word_lists(
    vocabulary: Vocabulary, offices: list[Office], policies: Iterable[AttributePolicy] = ()
) -> dict[str, list[str]]:
    """The word lists behind the generated macros, as `regex` named lists (fast to compile).

    Each state scale (a policy with `levels`) gives one: {STATE_<NAME>}, its levels' words.
    """
    lists = {
        "TITLE": [n for o in offices for n in o.names],
        "HEDGE": [phrase for h in vocabulary.hedges for phrase in h.phrases],
        "SCALE": list(vocabulary.scale_words),
        "CURRENCY": list(vocabulary.currencies),
        "CURRENCY_WORD": list(vocabulary.currency_words),
        "NUMBER_WORD": list(vocabulary.number_words),
        "NONE_WORD": vocabulary.none_words,
        "ORDINAL": list(vocabulary.ordinal_words),
        "FRACTION_WORD": list(vocabulary.fraction_words),
        "ORG_DESCRIPTOR": vocabulary.org_descriptors,
        "PERSON_PRONOUN": vocabulary.person_pronouns,
        "PERSON_NOUN": vocabulary.person_nouns,
        "ORG_PRONOUN": vocabulary.org_pronouns,
        "HONORIFIC": vocabulary.honorifics,
        "NOT_NAME": vocabulary.not_names,
        "EVENT_NOUN": [n for nouns in vocabulary.event_nouns.values() for n in nouns],
        "TITLE_MODIFIER": list(vocabulary.title_modifiers),
        "FUTURE_MARKER": vocabulary.future_markers,
        "UNIT": list(vocabulary.units),
    }
    for policy in policies:
        if policy.levels:
            lists[state_macro(policy.name)] = [w for lv in policy.levels for w in lv.words]
    return {name: sorted({" ".join(v.split()) for v in values}) for name, values in lists.items()}


def expand(pattern: str, definitions: dict[str, str], _depth: int = 0) -> str:
    """Replace every {MACRO} by its definition, recursively."""
    if _depth > 20:
        raise ValueError("definitions nest too deeply (a cycle?)")

    def substitute(match: regex.Match) -> str:
        name = match.group(1)
        if name not in definitions:
            raise KeyError(name)
        return "(?:" + expand(definitions[name], definitions, _depth + 1) + ")"

    return _MACRO.sub(substitute, pattern)


def _compile(
    pattern: Pattern,
    definitions: dict[str, str],
    lists: dict[str, list[str]],
    path: Path,
    rule_id: str,
) -> regex.Pattern:
    try:
        return regex.compile(
            expand(pattern.regex, definitions), regex.V0, ignore_unused=True, **lists
        )
    except KeyError as exc:
        raise RuleFileError(
            str(path),
            f"unknown definition {{{exc.args[0]}}} in pattern {pattern.name!r}",
            rule=rule_id,
            field="patterns.regex",
        ) from exc
    except (regex.error, ValueError) as exc:
        raise RuleFileError(
            str(path),
            f"pattern {pattern.name!r} is not a valid regex: {exc}",
            rule=rule_id,
            field="patterns.regex",
        ) from exc


@functools.lru_cache(maxsize=256)
def _compile_text(rulebook: Rulebook, text: str, flags: int) -> regex.Pattern:
    return regex.compile(
        expand(text, rulebook.definitions), flags, ignore_unused=True, **rulebook.word_lists
    )


def _line_index(text: str) -> dict[tuple, int]:
    """Map each YAML path (tuple of keys and indexes) to its 1-based line."""
    index: dict[tuple, int] = {}

    def walk(node: yaml.Node, path: tuple) -> None:
        index[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                index[path + (key.value,)] = key.start_mark.line + 1
                walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, path + (i,))

    root = yaml.compose(text)
    if root is not None:
        walk(root, ())
    return index


def _located(
    path: Path, data: dict, lines: dict[tuple, int], exc: ValidationError
) -> RuleFileError:
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    line = next((lines[loc[:i]] for i in range(len(loc), -1, -1) if loc[:i] in lines), None)
    rule = None
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules") or []
        if loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rule = f"{data.get('pack', '?')}.{rules[loc[1]].get('id', loc[1])}"
    field = ".".join(str(p) for p in loc if not isinstance(p, int)) or None
    message = error["msg"]
    others = [f"{e['msg']} ({'.'.join(str(p) for p in e['loc'])})" for e in exc.errors()[1:4]]
    if others:
        message += "; also: " + "; ".join(others)
    return RuleFileError(str(path), message, line=line, rule=rule, field=field)
