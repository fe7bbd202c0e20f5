"""Normalise: claims from all documents become comparable claims.

Names resolve to one entity across the corpus, values become typed values (intervals,
offices, dates, places), and each claim gets the time it holds for (an explicit time in the
sentence, else the publication date) and its scope.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from pydantic import BaseModel, ConfigDict, Field

from checker.built_year import year_value
from checker.claims import Claim
from checker.dates import WEEKDAYS, DateSpan, day, reference_date, resolve_text, weekday_of
from checker.documents import Document
from checker.entities import EntityIndex
from checker.events import event_weekday, weekdays_in
from checker.exchange import with_dated_conversion
from checker.figure_bounds import beyond_figure
from checker.game_time import game_value
from checker.lexicon import Lexicon, lexicon_for
from checker.open_claims import UNNAMED_EVENT, is_open_rule
from checker.parties import PartyFinder, parties_of
from checker.periods import PeriodFinder
from checker.places import Gazetteer, gazetteer_for
from checker.relative_times import RECKONED
from checker.roles import name_roles
from checker.rulebook import Rulebook, Tense
from checker.stances import StanceFinder
from checker.taken_items import item_clause
from checker.values import (
    Value,
    format_amount,
    measure,
    money,
    office_value,
    offices,
    quantity,
    state_value,
    tally,
    time_of_day,
)

RELATION_ARROW = " \u2192 "


# Values that are a point in time: none is counted over a stretch ('on Thursday ... in the
# fifth operation since September' dates one operation, it is no part of a period's total).
POINT_KINDS = frozenset({"date", "weekday", "time", "year"})


class NormalisedClaim(BaseModel):
    """A claim in comparable form, with the claim it came from."""

    model_config = ConfigDict(frozen=True)

    claim: Claim
    subject: str = Field(description="Canonical entity, or 'A → B' for a relation.")
    attribute: str
    policy: str = Field(
        description="The attribute as the rule names it, which keys its comparison policy."
    )
    value: Value
    tense: Tense
    scope: str | None = None
    as_of: DateSpan | None = Field(None, description="When the value holds (None: unknown).")
    published: dt.date | None = None
    change: bool = False
    interim: bool = False
    parties: frozenset[str] = Field(
        frozenset(), description="Who else the sentence ties the value to (checker.parties)."
    )
    named_subject: str | None = Field(
        None, description="The person or organisation the claim's own sentence is about."
    )
    actor: str | None = Field(
        None,
        description="The party that leads the value's clause, or the organisation a "
        "descriptor opening the sentence stands for (checker.parties).",
    )
    period: str | None = Field(
        None, description="The stretch the value is counted over (checker.periods)."
    )
    day: int | None = Field(
        None, description="The weekday (Monday = 0) of the event an event's value is told of."
    )
    stance: str | None = Field(
        None, description="What the value is in a deal: 'ask', 'offer' (checker.stances)."
    )
    slip: bool = Field(
        False,
        description="The article gives this fact another value elsewhere, and an article that "
        "tells both passages gives one value: a slip of this one (checker.align).",
    )

    @property
    def document(self) -> str:
        """The id of the document the claim comes from."""
        return self.claim.evidence.document


def normalise(
    claims: list[Claim],
    documents: list[Document],
    rulebook: Rulebook,
    names: dict[str, list[str]] | None = None,
) -> list[NormalisedClaim]:
    """Resolve entities across the corpus and normalise every claim's value, time and scope.

    `names` are each document's `names_written` when already known (from a cache).
    """
    published = {d.id: d.published for d in documents}
    days = document_days(documents, rulebook)
    index = EntityIndex(mentions(claims, documents, rulebook, names), rulebook)
    each = ClaimNormaliser(rulebook)
    normalised = [
        one
        for claim in claims
        for one in each(
            claim, published.get(claim.evidence.document), index, days.get(claim.evidence.document)
        )
    ]
    return name_generic_events(normalised, documents, rulebook)


def mentions(
    claims: list[Claim],
    documents: list[Document],
    rulebook: Rulebook,
    names: dict[str, list[str]] | None = None,
) -> list[tuple[str, str]]:
    """The (name, type) mentions entity resolution reads: the claims' and the names written."""
    if names is None:
        lexicon = lexicon_for(rulebook)
        names = {d.id: names_written(d, lexicon) for d in documents}
    written = [(name, "any") for d in documents for name in names[d.id]]
    return [*_mentions(claims), *written]


class ClaimNormaliser:
    """One claim's normalised claims, given the corpus's entities (the per-claim part of normalise)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.lexicon, self.gazetteer = lexicon_for(rulebook), gazetteer_for(rulebook)
        self.finder, self.periods, self.stances = (
            PartyFinder(self.lexicon, self.gazetteer),
            PeriodFinder(self.lexicon),
            StanceFinder(self.lexicon),
        )

    def __call__(
        self,
        claim: Claim,
        published: dt.date | None,
        index: EntityIndex,
        document_day: int | None = None,
    ) -> list[NormalisedClaim]:
        """The claim's normalised claims (none, one, or one per office of a title).

        `document_day` is the weekday of the event its document reports (`document_days`).
        """
        found = []
        for one in _normalise_one(
            claim, published, index, self.rulebook, self.lexicon, self.gazetteer
        ):
            parties, actor = self._parties(claim, one.subject, index)
            named = one.subject if _names_its_subject(claim) else None
            period = None if claim.kind in POINT_KINDS else self.periods.of(claim.evidence.sentence)
            told = _day_told(claim, document_day)
            stance = self._stance(claim)
            if parties or actor or named or period or told is not None or stance:
                one = one.model_copy(
                    update={
                        "parties": parties,
                        "actor": actor,
                        "named_subject": named,
                        "period": period,
                        "day": told,
                        "stance": stance,
                    }
                )
            found.append(one)
        return found

    def _parties(
        self, claim: Claim, subject: str, index: EntityIndex
    ) -> tuple[frozenset[str], str | None]:
        """The parties of the claim's clause and its actor.

        The actor is the party leading the clause, else the organisation a descriptor
        opening the sentence stands for ('The team made its offer').
        """
        evidence = claim.evidence
        offset = evidence.sentence_start
        at = (evidence.start - offset, evidence.end - offset)
        clause = None
        if claim.subject_type == "topic" and is_open_rule(evidence.rule):
            clause = item_clause(evidence.sentence, *at)  # a taken item's own clause
        parties, actor = parties_of(
            self.finder, evidence.sentence, subject, index.canonical, at, clause
        )
        if actor is None and claim.qualifiers.actor:
            actor = index.canonical(claim.qualifiers.actor)
        return parties, actor

    def _stance(self, claim: Claim) -> str | None:
        evidence = claim.evidence
        offset = evidence.sentence_start
        return self.stances.of(evidence.sentence, evidence.start - offset, evidence.end - offset)


def document_days(documents: list[Document], rulebook: Rulebook) -> dict[str, int | None]:
    """Each document's weekday of the event it reports ('Monday's earthquake'), if it says."""
    lexicon = lexicon_for(rulebook)
    return {d.id: document_day(d, lexicon) for d in documents}


def document_day(document: Document, lexicon: Lexicon) -> int | None:
    """One document's weekday of the event it reports (`document_days`): the document alone."""
    return event_weekday(document.text[document.body_start :], lexicon.event_noun)


def name_generic_events(
    claims: list[NormalisedClaim], documents: list[Document], rulebook: Rulebook
) -> list[NormalisedClaim]:
    """The corpus-wide last step of normalise: generic event names take the corpus's one name."""
    lexicon = lexicon_for(rulebook)
    claims = name_roles(claims, documents, lexicon)
    return _as_the_corpus_calls_it(_name_generic_events(claims, lexicon), documents, lexicon)


def _day_told(claim: Claim, document_day: int | None) -> int | None:
    """The weekday of the event an event claim is about: its sentence's, else its article's.

    'Rescuers searched on Tuesday for survivors of the quake that struck on Monday' names two
    days: neither.
    """
    if claim.subject_type != "event":
        return None
    named = weekdays_in(claim.evidence.sentence)
    return named[0] if len(named) == 1 else document_day


def _name_generic_events(claims: list[NormalisedClaim], lexicon: Lexicon) -> list[NormalisedClaim]:
    """'the fire' in one article is 'the Ridgeline Fire' of another when the corpus names one fire."""
    named: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.claim.subject_type == "event" and lexicon.named_event.fullmatch(claim.subject):
            kind = lexicon.event_kind(claim.subject)
            if kind:
                named[kind].add(claim.subject)
    main = _main_event(claims) or _main_entity(claims)
    renamed = []
    for claim in claims:
        if claim.subject == UNNAMED_EVENT and main:
            claim = claim.model_copy(update={"subject": main})
        names = named.get(claim.subject, set())
        if claim.claim.subject_type == "event" and len(names) == 1:
            claim = claim.model_copy(update={"subject": next(iter(names))})
        renamed.append(claim)
    return renamed


def _as_the_corpus_calls_it(
    claims: list[NormalisedClaim], documents: list[Document], lexicon: Lexicon
) -> list[NormalisedClaim]:
    """A generic event named by the noun its articles use most: 'shooting', not 'attack'.

    The nouns of a category of events ('attack': shooting, bombing, stabbing) are one event
    so that articles meet; when the articles write the category's own word less often than
    one of its nouns, the label a reader sees is the noun most of them write (an
    'earthquake' stays one, however written). An earlier event or one set apart by its
    date is relabelled alike ('earlier attack' -> 'earlier shooting').
    """
    kinds = {_event_kind(c.subject) for c in claims if c.claim.subject_type == "event"}
    kinds &= set(lexicon.vocabulary.event_categories)
    if not kinds:
        return claims
    used: Counter[str] = Counter()
    for document in documents:
        used.update(
            " ".join(m.group(0).lower().split()) for m in lexicon.event_noun.finditer(document.text)
        )
    label = {}
    for kind in kinds:
        nouns = [n for n, k in lexicon.event_nouns.items() if k == kind and " " not in n]
        best = max(sorted(nouns), key=lambda n: used[n], default=kind)
        if used[best] > used[kind]:
            label[kind] = best  # the articles write the noun more than the kind's own word
    if not label:
        return claims
    return [
        c.model_copy(update={"subject": _relabelled(c.subject, label)})
        if _event_kind(c.subject) in label
        else c
        for c in claims
    ]


def _event_kind(subject: str) -> str:
    """The event a subject names, without 'earlier' or a date set apart ('attack (June 2005)')."""
    return subject.removeprefix("earlier ").split(" (", 1)[0]


def _relabelled(subject: str, label: dict[str, str]) -> str:
    kind = _event_kind(subject)
    return subject.replace(kind, label[kind], 1)


def _main_event(claims: list[NormalisedClaim]) -> str | None:
    """The event most documents report (what an unnamed 'the reported event' stands for)."""
    documents: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.claim.subject_type == "event" and claim.subject != UNNAMED_EVENT:
            if "(" not in claim.subject and not claim.subject.startswith("earlier "):
                documents[claim.subject].add(claim.document)
    if not documents:
        return None
    return max(sorted(documents), key=lambda event: len(documents[event]))


def _main_entity(claims: list[NormalisedClaim]) -> str | None:
    """The person or organisation most documents' claims are about (the story's focus)."""
    documents: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.claim.subject_type in ("person", "org", "any") and claim.subject != UNNAMED_EVENT:
            if RELATION_ARROW not in claim.subject:
                documents[claim.subject].add(claim.document)
    if not documents:
        return None
    return max(sorted(documents), key=lambda name: len(documents[name]))


def names_written(document: Document, lexicon: Lexicon) -> list[str]:
    """Names of several words in an article (not its headline): short forms find long ones."""
    body = document.body.lstrip()
    if document.title and body.startswith(document.title):
        body = body[len(document.title) :]
    return [name for name in lexicon.names_in(body) if " " in name]


def _mentions(claims: list[Claim]):
    for claim in claims:
        if not claim.alternatives:
            yield claim.subject, claim.subject_type
        if claim.object and not claim.object_alternatives:
            yield claim.object, "org"
        if claim.org:
            yield claim.org, "org"


def _normalise_one(
    claim: Claim,
    published: dt.date | None,
    index: EntityIndex,
    rulebook: Rulebook,
    lexicon: Lexicon,
    gazetteer: Gazetteer,
) -> list[NormalisedClaim]:
    place = gazetteer.lookup(claim.subject) if claim.subject_type == "place" else None
    subject = (
        claim.subject
        if claim.subject_type in ("event", "topic")
        else place or index.canonical(claim.subject)  # 'Tehran', not 'Tehran University'
    )
    subject = _pick(subject, claim.alternatives, index)
    attribute = claim.attribute
    if claim.object:
        obj = _pick(index.canonical(claim.object), claim.object_alternatives, index)
        if "{object}" in attribute:
            attribute = attribute.replace("{object}", obj)
        else:
            subject = subject + RELATION_ARROW + obj
    tense = claim.qualifiers.tense
    base = {
        "claim": claim,
        "subject": subject,
        "attribute": attribute,
        "policy": claim.policy or claim.attribute,
        "tense": tense,
        "published": published,
        "change": claim.qualifiers.change or claim.qualifiers.revision,
        "scope": _scope(claim, gazetteer),
        "as_of": None if _anchored(claim, lexicon) else _as_of(claim, published),
    }
    if claim.kind == "title":
        return _titles(claim, base, index, rulebook, lexicon)
    value = _value(claim, published, rulebook, lexicon, gazetteer)
    if value is None:
        return []
    if claim.kind == "weekday":
        base["subject"] = value.span.label() if value.span else claim.subject
    return [NormalisedClaim(**base, value=value)]


def _names_its_subject(claim: Claim) -> bool:
    """Whether the claim's sentence itself names its subject (no pronoun or focus for it)."""
    if claim.subject_type in ("event", "topic"):
        return False
    sentence = claim.evidence.sentence
    return any(word in sentence for word in claim.subject.split() if len(word) > 2)


def _pick(name: str, alternatives: tuple[str, ...], index: EntityIndex) -> str:
    """Of an ambiguous 'the company', the candidate the corpus mentions most."""
    if not alternatives:
        return name
    candidates = [name, *(index.canonical(a) for a in alternatives)]
    return max(candidates, key=lambda n: (index.frequency(n), -candidates.index(n)))


def _titles(
    claim: Claim, base: dict, index: EntityIndex, rulebook: Rulebook, lexicon: Lexicon
) -> list[NormalisedClaim]:
    """One normalised claim per office, plus 'who leads the organisation' for leading offices."""
    result = []
    org = index.canonical(claim.org) if claim.org else None
    for unit in offices(claim.value, rulebook.offices, lexicon):
        tense = unit.tense or claim.qualifiers.tense
        interim = unit.interim or claim.qualifiers.interim
        common = {**base, "tense": tense, "interim": interim}
        result.append(NormalisedClaim(**{**common, "value": office_value(unit)}))
        if org and unit.office.leads:
            person = Value(type="person", label=base["subject"])
            leader = {
                "subject": org,
                "attribute": unit.office.label,
                "policy": unit.office.label,
                "value": person,
            }
            result.append(NormalisedClaim(**{**common, **leader}))
    return result


def _value(
    claim: Claim,
    published: dt.date | None,
    rulebook: Rulebook,
    lexicon: Lexicon,
    gazetteer: Gazetteer,
) -> Value | None:
    policy = rulebook.policy(claim.policy or claim.attribute)
    if claim.kind == "time":
        return time_of_day(claim.value, lexicon)
    if claim.kind == "game_time":
        return game_value(claim.value, rulebook)
    if claim.kind == "state":
        return state_value(claim.value, policy.name, policy.levels)
    if claim.kind == "money":
        value = money(claim.value, lexicon)
        if value is None:
            return None
        value = beyond_figure(value, claim.value, rulebook)
        return with_dated_conversion(value, published, rulebook)
    if claim.kind == "percent":
        if (points := measure(claim.value, lexicon, policy.tolerance)) and points.unit:
            return points
        text = claim.value.replace("per cent", "%").replace("percent", "%")
        return quantity(text, lexicon, "%", policy.tolerance)
    if claim.kind == "tally":
        return tally(claim.value, lexicon)
    if claim.kind == "rank":
        rank = lexicon.vocabulary.ordinal_words.get(claim.value.strip().lower())
        if rank is None:
            return None
        return Value(
            type="quantity",
            label=claim.value.strip().lower(),
            low=rank,
            high=rank,
            point=rank,
            unit="rank",
        )
    if claim.kind in ("count", "quantity"):
        value = measure(claim.value, lexicon, policy.tolerance)
        if value is None or value.unit:
            return value
        if claim.kind == "count" and _is_fraction_of_one(value, claim.value, lexicon):
            return None  # 'a magnitude-5.2 quake has injured three': 5.2 counts nothing
        return value.model_copy(update={"label": _count_label(value, claim, lexicon)})
    if claim.kind == "year":
        return _year(claim.value)
    if claim.kind == "age":
        number = int(claim.value) if claim.value.isdigit() else None
        if number is None or not 0 < number < 120:
            return None
        return Value(
            type="quantity", label=str(number), low=number, high=number, point=number, unit="age"
        )
    if claim.kind in ("place", "first"):
        return Value(type="place", label=_place(claim.value, gazetteer))
    if claim.kind == "date":
        prefer = "future" if claim.qualifiers.tense == "future" else "past"
        evidence = claim.evidence
        at = reference_date(
            evidence.sentence, evidence.start - evidence.sentence_start, claim.value, published
        )
        span = resolve_text(claim.value, at, prefer)
        return Value(type="date", label=_date_label(claim.value, span), span=span) if span else None
    if claim.kind == "weekday":
        weekday = weekday_of(claim.value)
        span = resolve_text(claim.subject, published, "past")
        if weekday is None:
            return None
        return Value(
            type="weekday", label=claim.value.strip().capitalize(), weekday=weekday, span=span
        )
    return Value(type="text", label=claim.value)


def _year(written: str) -> Value | None:
    """A year ('1935'), or one a thing's age gives, a year either side ('about 1926 (...)')."""
    found = year_value(written)
    if found is None:
        return None
    low, year, high = found
    bound = "exact" if low == high else "approx"
    return Value(
        type="quantity",
        label=written.strip(),
        low=low,
        high=high,
        point=year,
        bound=bound,
        precision=(high - low) / 2,
        unit="year",
    )


def _date_label(written: str, span: DateSpan | None) -> str:
    """A date's label: a weekday as the article wrote it, with the date it falls on.

    'on Friday' in an article of 11 November 2011 is 'Friday 11 November 2011': the reader
    sees the day the outlet gave, and the date compared.
    """
    if span is None:
        return written
    if relative := RECKONED.search(written):
        return f"{span.label()} {relative.group(0)}"  # '20 June 2005 (four days earlier)'
    weekday = weekday_of(written)
    if weekday is None or span.precision != "day":
        return span.label()
    return f"{WEEKDAYS[weekday].capitalize()} {span.label()}"


def _is_fraction_of_one(value, text: str, lexicon: Lexicon) -> bool:
    """A count with a decimal point and no scale word ('5.2', not '1.5 million')."""
    point = value.point
    return (
        point is not None
        and point != int(point)
        and not any(word in lexicon.vocabulary.scale_words for word in text.lower().split())
    )


def _count_label(value, claim: Claim, lexicon: Lexicon) -> str:
    hedge = lexicon.hedge(claim.value)
    if value.point is None:
        return claim.value.strip()
    number = format_amount(value.point, "") if value.point >= 1e6 else f"{value.point:,.10g}"
    return ((hedge[0].lower() + " ") if hedge else "") + number


def _place(text: str, gazetteer: Gazetteer) -> str:
    for part in [text, *text.split(",")]:
        found = gazetteer.lookup(part.strip())
        if found:
            return found
    return text.strip()


def _scope(claim: Claim, gazetteer: Gazetteer) -> str | None:
    scope = claim.qualifiers.scope
    if not scope:
        return None
    return gazetteer.lookup(scope) or scope


def _anchored(claim: Claim, lexicon: Lexicon) -> bool:
    """Whether a duration is measured from an event its sentence names, not from today.

    'He had married two weeks before the shooting' holds at any date it is told, so it
    takes no date of its own.
    """
    if claim.kind != "quantity":
        return False
    vocabulary = lexicon.vocabulary
    spans = {
        u.casefold() for u, (dimension, _) in vocabulary.units.items() if dimension == "months"
    }
    words = claim.evidence.text.casefold().replace("-", " ").split()
    if not words or words[-1] not in spans:
        return False
    offset = claim.evidence.end - claim.evidence.sentence_start
    after = claim.evidence.sentence[offset:].lstrip().casefold()
    return any(
        after.startswith(word) and after[len(word) : len(word) + 1] in ("", " ", ",", ".")
        for word in vocabulary.anchor_words
    )


def _as_of(claim: Claim, published: dt.date | None) -> DateSpan | None:
    when = claim.qualifiers.when
    if when:
        prefer = "future" if claim.qualifiers.tense == "future" else "past"
        span = resolve_text(when, published, prefer)
        if span is not None:
            return span
    return day(published) if published else None
