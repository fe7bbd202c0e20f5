"""Open claims: a value, the entity it is about and the frame that ties them become a claim.

No domain rule is needed: every value the value shapes find (checker.value_mentions) gets
a subject (the event the sentence reports, the entity its clause names, else the document's
focus) and an attribute key (checker.frames). Values a pack's rule already read are left to
the pack, whose rules are more precise. Rule ids are `open.<kind>`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from checker.built_year import BUILT_ATTRIBUTE, built_thing, thing_before, year_from_age
from checker.claims import Claim, Evidence, Qualifiers
from checker.dates import find_time_expressions, reference_date, resolve_text
from checker.documents import Sentence, is_title_case
from checker.figure_bounds import shared_predicates, widened
from checker.frames import FrameLexicon, Predicate, frame_lexicon_for
from checker.lexicon import Lexicon, lexicon_for
from checker.objects import object_after
from checker.patterns import compiled
from checker.pronouns import PronounPersons
from checker.qualifiers import place_where, qualifiers_for
from checker.relative_times import EARLIER, LATER, Anchor, with_day_offsets
from checker.roles import role_in
from checker.rulebook import ClaimKind, Rulebook, ValueKind, alternation
from checker.taken_items import taken_item
from checker.value_mentions import ValueMention, value_finder_for
from checker.values import parse_number, unit_dimension
from checker.victims import is_taking, victim_after
from checker.words import Token, is_common_word, lemma, tokens

if TYPE_CHECKING:
    from checker.mentions import Mentions

OPEN_PACK = "open"
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december".split()
)
UNNAMED_EVENT = "the reported event"  # what a toll is about when no article names the event
MIN_SENTENCE_WORDS = 4  # fewer words around the values: a dateline or a label, not a statement
_CLAUSE_BREAK = regex.compile(r"[,;:()]")
_CLAUSE_MARKS = frozenset(",;:()\u2014")
_CLAIM_KIND: dict[ValueKind, ClaimKind] = {
    "money": "money",
    "percent": "percent",
    "measure": "quantity",
    "age": "age",
    "time": "time",
    "date": "date",
    "weekday": "date",
    "year": "year",
    "score": "tally",
    "count": "count",
}


_NEVER = regex.compile(r"(?!x)x")
_ATTRIBUTIVE = regex.compile(r"\b(?i:an?)\s+$")
_DETERMINED = regex.compile(r"\b(?i:an?|the)\s+$")
_INNER_VERB = regex.compile(r"\d\s+(\p{Ll}{3,}ing)\s+\p{L}")
_UNSET = object()
_POSSESSOR = regex.compile(r"(\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)*)['\u2019]s?\s+record\s+\w+\s+to\s*$")


@dataclass(frozen=True)
class _Guards:
    """The guard words of a rulebook, compiled once (not per document)."""

    furniture: tuple[str, ...]  # a page's furniture opens with these
    label_nouns: frozenset[str]  # 'the 20-yard line'
    modified: regex.Pattern  # after a name: ' rookie record' ('the NFL rookie record')
    record_before: regex.Pattern  # 'improved to 11-4', '(11-4)'
    record_after: regex.Pattern  # '10-5 on the season'
    record_scope: regex.Pattern  # '9-1 in one-possession games': a split, not the record
    record_split: regex.Pattern  # '8-1 in games decided by one score': a named split
    splits: dict[str, str]  # a split's phrase (lowered, one space) -> the split's key
    trailing: regex.Pattern  # '300 yards or more'
    leading: dict[str, str]  # a trailing hedge -> the hedge that means it before a value
    rate_after: regex.Pattern  # '$23 million per season'
    rate_before: regex.Pattern  # 'an average annual value of $21 million'
    rates: dict[str, str]  # a rate marker (lowered) -> the stretch it is per


@functools.lru_cache(maxsize=8)
def _guards_for(rulebook: Rulebook) -> _Guards:
    rules, vocabulary = rulebook.open, lexicon_for(rulebook).vocabulary
    openers = rules.record_openers
    before = rf"(?:\b(?:{alternation(openers)})|\()\s*$" if openers else r"\(\s*$"
    after, trailing = rules.record_words, vocabulary.trailing_hedges
    return _Guards(
        furniture=tuple(w.lower() for w in rules.furniture_words),
        label_nouns=frozenset(w.lower() for w in rules.label_nouns),
        modified=(
            regex.compile(
                rf"\s+(?:[\p{{Ll}}-]+\s+){{0,2}}?(?:{alternation(rules.modifier_nouns)})\b", regex.I
            )
            if rules.modifier_nouns
            else _NEVER
        ),
        record_before=regex.compile(before, regex.I),
        record_after=(
            regex.compile(rf"^\s*(?:\w+\s+)?(?:{alternation(after)})\b", regex.I)
            if after
            else _NEVER
        ),
        record_scope=(
            regex.compile(rf"^\s*(?:{alternation(rules.record_scopes)})\s+([\w\s'-]+)", regex.I)
            if rules.record_scopes
            else _NEVER
        ),
        trailing=(
            regex.compile(rf"^\s*({alternation(trailing)})\b", regex.I) if trailing else _NEVER
        ),
        **_split_guards(rules),
        leading={k.lower(): v for k, v in trailing.items()},
        **_rate_guards(vocabulary),
    )


@functools.lru_cache(maxsize=8)
def _levels_for(rulebook: Rulebook) -> tuple[regex.Pattern, ...]:
    """The level labels of the open rules, compiled once."""
    return tuple(rulebook.compile(p) for p in rulebook.open.level_labels)


def _split_guards(rules) -> dict:
    """The named splits of a record: '9-1 in one-possession games' keys 'record one-score game'."""
    splits = {
        " ".join(phrase.lower().split()): split.name
        for split in rules.record_splits
        for phrase in split.phrases
    }
    if not splits or not rules.record_scopes:
        return {"record_split": _NEVER, "splits": splits}
    scopes = alternation(rules.record_scopes)
    pattern = rf"^\s*(?:{scopes})\s+(?:the\s+|their\s+|its\s+)?(?P<split>{alternation(splits)})\b"
    return {"record_split": regex.compile(pattern, regex.I), "splits": splits}


def _rate_guards(vocabulary) -> dict:
    after, before = vocabulary.rate_markers, vocabulary.rate_openers
    unless = vocabulary.rate_exceptions
    not_time = rf"(?!\s+(?:{alternation(unless)})\b)" if unless else ""
    return {
        "rate_after": (
            regex.compile(rf"^\s*(?P<rate>{alternation(after)})\b{not_time}", regex.I)
            if after
            else _NEVER
        ),
        "rate_before": (
            regex.compile(rf"\b(?P<rate>{alternation(before)})\s+(?:[\w'-]+\s+){{0,5}}$", regex.I)
            if before
            else _NEVER
        ),
        "rates": {" ".join(k.lower().split()): v for k, v in (*before.items(), *after.items())},
    }


def is_open_rule(rule_id: str) -> bool:
    """Whether a rule id names the open-claim mechanism (less certain than a pack's rule)."""
    return rule_id.startswith(OPEN_PACK + ".")


def open_claims(
    context: Mentions,
    sentences: list[Sentence],
    taken: list[tuple[int, int]],
    rulebook: Rulebook,
) -> list[Claim]:
    """The open claims of a document, leaving out values inside the spans in `taken`."""
    finder, lexicon = value_finder_for(rulebook), frame_lexicon_for(rulebook)
    reader = _OpenReader(context, lexicon, rulebook)
    claims: list[Claim] = []
    anaphor, last_year = _year_anaphor_for(rulebook), None
    anchor = Anchor(context.document.published)
    for sentence in sentences:
        mentions = _with_year_anaphors(
            sentence.text, finder.find(sentence.text), anaphor, last_year
        )
        mentions = _with_relative_years(sentence.text, mentions, reader.published)
        if not reader.is_furniture(sentence.text):  # 'Published April 11': no event's day
            mentions = with_day_offsets(sentence.text, mentions, rulebook, anchor, last_year)
        last_year = _last_year(sentence.text) or last_year
        if not mentions or reader.is_furniture(sentence.text):
            continue
        mentions = widened(sentence.text, mentions, rulebook)
        words = tokens(sentence.text)
        predicates = _shared_in_lists(
            sentence.text,
            mentions,
            [reader.predicate(words, m, _rivals(m, mentions)) for m in mentions],
        )
        predicates = shared_predicates(mentions, predicates, rulebook)
        splits = [span for m in mentions if (span := reader.split_span(sentence.text, m))]
        splits += reader.level_spans(sentence.text)
        for mention, predicate in zip(mentions, predicates, strict=True):
            start, end = sentence.start + mention.start, sentence.start + mention.end
            if any(start < high and low < end for low, high in taken):
                continue
            if any(low <= mention.start and mention.end <= high for low, high in splits):
                continue  # 'one score' in '8-1 in games decided by one score': the split's;
                # '10' in 'third-and-10': a level, not a count
            claim = reader.claim(sentence, words, mention, predicate)
            if claim is not None:
                claims.append(claim)
    return claims


def _never_changes(frame) -> bool:
    """A frame of a fact that never changes (when an event struck): a later day is another's."""
    return frame is not None and frame.changes == "never"


_A_YEAR = regex.compile(r"(?<![\d.,])(?:1[6-9]\d{2}|20\d{2})(?![\d.,]\d|s\b)")


@functools.lru_cache(maxsize=8)
def _year_anaphor_for(rulebook: Rulebook) -> regex.Pattern:
    """The phrases that name the year given last ('That same year'), as one pattern."""
    phrases = rulebook.open.year_anaphors
    if not phrases:
        return _NEVER
    return regex.compile(rf"\b(?:{alternation(phrases)})\b", regex.I)


def _last_year(text: str) -> str | None:
    """The last year a sentence writes in digits ('in 1967'), not a decade ('the 1970s')."""
    found = _A_YEAR.findall(text)
    return found[-1] if found else None


def _with_year_anaphors(
    text: str, mentions: list[ValueMention], anaphor: regex.Pattern, last_year: str | None
) -> list[ValueMention]:
    """'That same year he shot his father': the phrase is a year value, the one given last.

    The year is the last one written before the phrase, in its sentence or the ones before.
    """
    extra = []
    for found in anaphor.finditer(text):
        if any(m.start < found.end() and found.start() < m.end for m in mentions):
            continue
        year = _last_year(text[: found.start()]) or last_year
        if year:
            extra.append(ValueMention("year", "year-anaphor", found.start(), found.end(), year))
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


_POSSESSIVE = regex.compile(r"['\u2019]s\b")


def _with_relative_years(
    text: str, mentions: list[ValueMention], published: dt.date | None
) -> list[ValueMention]:
    """'Last year, voters approved a bond': a year counted back from publication is a year value.

    'last year' is the year before the article's ('2011 (last year)'); 'two years ago' is
    about that year, a year either side (the duration it holds is no measure). Not 'last
    year's attack' (an event's name), and not in an undated article.
    """
    if published is None or "year" not in text.lower():
        return mentions
    extra = []
    for found in find_time_expressions(text):
        start, end = found.span()
        written = _relative_year(found, published)
        if written is None or _POSSESSIVE.match(text, end):
            continue
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        if any(m.start < end and start < m.end for m in mentions if m not in inside):
            continue
        if any(m.kind != "measure" for m in inside):
            continue
        # 'two years ago': the duration inside names the year, it measures nothing
        mentions = [m for m in mentions if m not in inside]
        extra.append(ValueMention("year", "relative-year", start, end, written))
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


def _relative_year(found, published: dt.date) -> str | None:
    """The year a relative expression names, as written: '2011 (last year)', or None."""
    groups = found.groupdict()
    phrase = " ".join(found.group(0).lower().split())
    if (groups.get("relyear") or "").lower() == "last":
        return f"{published.year - 1} ({phrase})"
    if groups.get("ago") and (groups.get("agounit") or "").lower() in ("year", "years"):
        span = resolve_text(found.group(0), published, "past")
        return f"about {span.start.year} ({phrase})" if span else None
    return None


class _OpenReader:
    """Turns one value mention into a claim, with what the document says about who is who."""

    def __init__(self, context: Mentions, lexicon: FrameLexicon, rulebook: Rulebook):
        self.context = context
        self.lexicon = lexicon
        self.rulebook = rulebook
        self.words = lexicon_for(rulebook)
        self.published: dt.date | None = context.document.published
        honorifics = {h.rstrip(".") for h in context.lexicon.vocabulary.honorifics}
        self.not_names = honorifics | context.lexicon.not_names
        org_counts = Counter(name for _, name in context.org_mentions)
        self.org_counts = org_counts
        self._focus_found: object = _UNSET
        self._pronouns_found: PronounPersons | None = None
        self.thresholds = frozenset(w.lower() for w in rulebook.open.threshold_nouns)
        self.sentence_starts = frozenset(s.start for s in context.sentences)
        # An organisation named once may be a capitalised phrase ('Naval Command'); one named
        # twice or more is one the article is about.
        self.orgs = [(o, n) for o, n in context.org_mentions if org_counts[n] >= 2]
        self.guards = _guards_for(rulebook)
        self.levels = _levels_for(rulebook)
        self.things = {k.lower(): v for k, v in rulebook.open.built_things.items()}
        self.skipped = frozenset(w.lower() for w in rulebook.open.function_words)
        vocabulary = self.words.vocabulary
        amounts = (*vocabulary.number_words, *vocabulary.scale_words)
        self.before_object = self.skipped | {w.lower() for w in amounts}
        self.generic_heads = frozenset(lemma(w.lower()) for w in rulebook.open.generic_heads)

    def predicate(
        self, words: list[Token], mention: ValueMention, others: tuple[tuple[int, int], ...] = ()
    ) -> Predicate | None:
        """The frame or verb that says what a value is: 'Ten dead', 'killing 10'.

        `others` are the spans of the sentence's other values of its kind, whose nearer words
        are theirs.
        """
        dimension = unit_dimension(mention.text, self.words) if mention.kind == "measure" else None
        end = mention.noun_end or mention.end
        if mention.kind == "measure" and (inner := _INNER_VERB.search(mention.text)):
            # '4, 183 passing yards': the participle before the unit keys it ('yards passing')
            at = mention.start + inner.start(1)
            return Predicate(lemma(inner.group(1).lower()), None, at, at + len(inner.group(1)))
        found = self._noun_frame(words, mention) or self.lexicon.predicate(
            words, mention.start, end, mention.kind, dimension, others, mention.noun
        )
        if mention.shape in (EARLIER, LATER) and (found is None or found.frame is None):
            # an offset closes the clause it dates: its frame may stand far before it
            return self.lexicon.clause_frame(words, mention.start, end, mention.kind) or found
        return found

    def claim(
        self,
        sentence: Sentence,
        words: list[Token],
        mention: ValueMention,
        predicate: Predicate | None,
    ) -> Claim | None:
        if predicate is not None and predicate.frame is not None and mention.noun:
            if mention.noun_end == predicate.end:
                mention = replace(mention, noun=None)
        frame = predicate.frame if predicate else None
        if mention.attribute:
            return self._shaped(sentence, mention, mention.attribute)
        if mention.kind == "age" and (thing := built_thing(mention.modifies, self.things)):
            return self._built_from_age(sentence, mention, thing)
        if mention.kind == "score" and self._is_record(sentence.text, mention):
            return self._record(sentence, mention)  # a record says what it is: no frame needed
        if not _is_keyed(mention, predicate) or self._is_name(mention) or _is_class(mention):
            return None
        if mention.kind == "count" and not mention.noun and not _beside(words, mention, predicate):
            return None  # 'nine in favour of the death penalty': a bare number far from 'death'
        attribute = _attribute(mention, predicate, self.words)
        if not attribute:
            return None
        if mention.kind == "money" and (stretch := self._rate(sentence.text, mention)):
            attribute = f"{attribute} per {stretch}"  # a rate and a total are two facts
        victim = self._victim(sentence, mention, predicate)
        item = None if victim else self._taken_item(sentence, mention, predicate)
        if victim:
            subject, subject_type = victim, "any"
        elif item:
            subject, subject_type = item, "topic"  # a thing, not a name to resolve
        elif frame is not None and frame.subject == "place":
            subject, subject_type = self.context.place_of(sentence, mention.start), "place"
        elif frame is not None and frame.subject == "thing":
            subject, subject_type = self._thing(sentence, words, mention, predicate), "any"
        elif frame is not None and frame.subject == "object":
            subject, subject_type = self._object(words, predicate), "any"
        else:
            about_event = (frame is not None and frame.subject == "event") or mention.kind == "time"
            subject, subject_type = self._subject(sentence, mention, about_event)
        if not subject:
            return None
        if mention.shape == LATER and subject_type == "event" and _never_changes(frame):
            subject = f"later {subject}"  # 'the fire broke out; she died the next day'
        return self._claim(
            sentence, mention, subject, subject_type, attribute, _policy(mention, frame)
        )

    def _built_from_age(
        self, sentence: Sentence, mention: ValueMention, thing: str
    ) -> Claim | None:
        """'the 86-year-old structure': the year the building was built (checker.built_year)."""
        parsed = parse_number(mention.text, self.words)
        written = year_from_age(parsed[0], self.published) if parsed else None
        if written is None:
            return None
        year = replace(mention, kind="year", text=written)
        return self._claim(sentence, year, thing, "any", BUILT_ATTRIBUTE, f"{OPEN_PACK}:year")

    def _thing(
        self, sentence: Sentence, words: list[Token], mention: ValueMention, predicate
    ) -> str | None:
        """What a year built is about: the built thing its verb is said of, else a name before."""
        previous = self._previous(sentence)
        thing = thing_before(words, predicate.start, self.things, self.skipped, previous)
        return thing or self._entity_before(sentence, mention)

    def _previous(self, sentence: Sentence) -> list[Token]:
        """The words of the sentence before this one (none for the first)."""
        earlier = [s for s in self.context.sentences if s.end <= sentence.start]
        return tokens(earlier[-1].text) if earlier else []

    def _object(self, words: list[Token], predicate) -> str | None:
        """What an approval's year is about: the thing approved ('approved a $3 million bond')."""
        is_verb = self.lexicon.is_verb_like
        return object_after(words, predicate.end, self.before_object, self.generic_heads, is_verb)

    def _claim(
        self,
        sentence: Sentence,
        mention: ValueMention,
        subject: str,
        subject_type: str,
        attribute: str,
        policy: str,
    ) -> Claim:
        start = sentence.start + mention.start
        end = sentence.start + (mention.noun_end or mention.end)
        evidence = Evidence(
            document=self.context.document.id,
            sentence=sentence.text,
            sentence_start=sentence.start,
            start=start,
            end=end,
            text=sentence.text[mention.start : (mention.noun_end or mention.end)],
            rule=f"{OPEN_PACK}.{mention.kind}",
            pattern=mention.shape,
        )
        counted = mention.noun if mention.kind == "count" and mention.noun != "people" else None
        return Claim(
            kind=_CLAIM_KIND[mention.kind],
            subject=subject,
            subject_type=subject_type,
            attribute=attribute,
            policy=policy,
            counted=counted,
            value=self._hedged(sentence.text, mention),
            qualifiers=self._qualifiers(sentence, mention),
            evidence=evidence,
        )

    def _rate(self, text: str, mention: ValueMention) -> str | None:
        """The stretch an amount is per: '$23 million per season' or 'annual $21 million'."""
        guards = self.guards
        found = guards.rate_after.match(text[mention.end :]) or guards.rate_before.search(
            text[: mention.start]
        )
        if not found:
            return None
        return guards.rates.get(" ".join(found.group("rate").lower().split()))

    def _is_record(self, text: str, mention: ValueMention) -> bool:
        """'to improve to 11-4', 'a 10-5 record', '(9-5)': a record to date, not a game's score."""
        guards = self.guards
        if guards.record_before.search(text[: mention.start]):
            return True
        after = text[mention.end :]
        return bool(guards.record_after.match(after) or guards.record_split.match(after))

    def level_spans(self, text: str) -> list[tuple[int, int]]:
        """Where the sentence writes labels of a level ('third-and-10', 'fourth down')."""
        return [m.span() for pattern in self.levels for m in pattern.finditer(text)]

    def split_span(self, text: str, mention: ValueMention) -> tuple[int, int] | None:
        """Where the named split after a record is written ('in games decided by one score')."""
        if mention.kind != "score":
            return None
        found = self.guards.record_split.match(text[mention.end :])
        if not found:
            return None
        return mention.end + found.start("split"), mention.end + found.end("split")

    def _record(self, sentence: Sentence, mention: ValueMention) -> Claim | None:
        """'the Colts (11-4)': the record of the team named right before it."""
        at = sentence.start + mention.start
        named = [(o, n) for o, n in self.context.org_mentions if sentence.start <= o < at]
        owner = _POSSESSOR.search(sentence.text[: mention.start])
        if not named and not owner:
            return None
        team = owner.group(1) if owner else max(named)[1]  # 'Indianapolis' record rose to 9-5'
        attribute = self._record_key(sentence.text[mention.end :])
        return self._claim(sentence, mention, team, "org", attribute, f"{OPEN_PACK}:")

    def _shaped(self, sentence: Sentence, mention: ValueMention, attribute: str) -> Claim | None:
        """A value whose shape gives its key and, often, its subject ('the 12200 block of ...')."""
        subject = mention.about or self._entity_before(sentence, mention) or self._focus()
        if not subject:
            return None
        policy = f"{OPEN_PACK}:{mention.policy}"
        known = mention.about and self.context.gazetteer.lookup(mention.about)
        kind = "place" if known else "any"
        return self._claim(sentence, mention, subject, kind, attribute, policy)

    def _record_key(self, after: str) -> str:
        """'record', or the split a record is for: '9-1 in one-possession games'."""
        guards = self.guards
        if split := guards.record_split.match(after):
            return _join("record", guards.splits[" ".join(split.group("split").lower().split())])
        scope = None if guards.record_after.match(after) else guards.record_scope.match(after)
        if scope is None:
            return "record"
        ignored = self.rulebook.open.function_words
        words = [lemma(w.lower()) for w in scope.group(1).split()[:3]]
        return _join("record", *(w for w in words if w not in ignored))

    def _is_name(self, mention: ValueMention) -> bool:
        """'the 20-yard line': a measure that names a place, not one that was measured."""
        modifies = (mention.modifies or "").lower()
        return (
            mention.kind == "measure"
            and "-" in mention.text
            and modifies in self.guards.label_nouns
        )

    def _hedged(self, text: str, mention: ValueMention) -> str:
        """The value, with a hedge written after it moved before it ('300 yards or more')."""
        trailing = self.guards.trailing
        found = trailing.match(text[mention.end :]) or trailing.match(
            text[mention.noun_end or mention.end :]
        )
        if not found:
            return f"at least {mention.text}" if self._is_threshold(mention) else mention.text
        phrase = regex.sub(r"\s+", " ", found.group(1).lower())
        return f"{self.guards.leading[phrase]} {mention.text}"

    def _is_threshold(self, mention: ValueMention) -> bool:
        """'his second 200-yard game': a class of games (200 yards or more), not a total."""
        modifies = (mention.modifies or "").lower()
        return mention.kind == "measure" and "-" in mention.text and modifies in self.thresholds

    def _noun_frame(self, words: list[Token], mention: ValueMention) -> Predicate | None:
        """'Ten dead', '80 injured', '404 yards rushing': the word after the value is its predicate."""
        if mention.noun_end is None:
            return None
        index = next((i for i, w in enumerate(words) if w.end == mention.noun_end), None)
        dimension = unit_dimension(mention.text, self.words) if mention.kind == "measure" else None
        found = (
            self.lexicon.frame_at(words, index, mention.kind, dimension)
            if index is not None
            else None
        )
        if found is None and index is not None and mention.kind == "measure":
            word = words[index]  # '404 yards rushing': the verb after the unit keys the measure
            if self.lexicon.is_verb_like(word.text):
                return Predicate(lemma(word.text), None, word.start, word.end)
        if found is None:
            return None
        frame, size = found
        return Predicate(frame.name, frame, words[index].start, words[index + size - 1].end)

    # --- what the value is about ------------------------------------------------------------

    def _subject(self, sentence: Sentence, mention: ValueMention, about_event: bool):
        if mention.kind == "date" and (named := self._dated_event(sentence, mention)):
            return named, "event"
        if about_event:
            event = self._event(sentence, mention)
            if event:
                return event, "event"
        if mention.kind == "score":
            return self._sides(sentence), "event"
        if mention.kind == "age":
            person = self._person_beside(sentence, mention)
            return (person, "person") if person else (None, "any")
        if place := place_where(self.context, sentence.text, mention.start):
            return place, "place"  # 'Thessaloniki, where another 20,000 people marched'
        entity = None
        if not is_title_case(sentence.text):
            entity = self._entity_before(sentence, mention) or self._pronoun(sentence, mention)
        if entity:
            return entity, "any"
        if role := self._role(sentence):
            return role, "person"  # 'the suspect was found guilty': named by other articles
        focus = self._focus()
        if focus:
            return focus, "any"
        event = self._event(sentence, mention)
        return (event, "event") if event else (None, "any")

    def _victim(
        self, sentence: Sentence, mention: ValueMention, predicate: Predicate | None
    ) -> str | None:
        """Who an amount was taken from: 'stole £910,000 of jewels from Chopard'."""
        if not self._is_taking(sentence, mention, predicate):
            return None
        after = sentence.text[max(mention.end, predicate.end) :]
        return victim_after(after, self.rulebook, self.context.gazetteer)

    def _taken_item(
        self, sentence: Sentence, mention: ValueMention, predicate: Predicate | None
    ) -> str | None:
        """What a taken item's value is about: 'a $2.5 million necklace was lifted' (necklace)."""
        if mention.kind != "money" or predicate is None:
            return None
        verb = (predicate.start, predicate.end)
        if not self._is_taking(sentence, mention, predicate):
            verb = None  # 'a necklace worth £1.2m was stolen': keyed by 'worth'
        return taken_item(sentence.text, mention, verb, self.rulebook, self.lexicon)

    def _is_taking(
        self, sentence: Sentence, mention: ValueMention, predicate: Predicate | None
    ) -> bool:
        """Whether a money value's predicate is a verb of taking ('stole', 'was lifted')."""
        if mention.kind != "money" or predicate is None:
            return False
        return is_taking(sentence.text[predicate.start : predicate.end], self.rulebook)

    def _role(self, sentence: Sentence) -> str | None:
        """'In April 2007 the suspect was found guilty': a role as the sentence's subject.

        Not when the sentence names a person (who the role may be), nor when a verb comes
        before the role ('searching for the suspect': the suspect is no subject).
        """
        context = self.context
        if any(sentence.start <= o < sentence.end for o, _ in context.person_mentions):
            return None
        found = role_in(sentence.text, self.words)
        if found is None:
            return None
        role, at = found
        before = tokens(sentence.text[:at])
        if any(
            self.lexicon.is_verb_like(w.text) or lemma(w.text.lower()) in ("be", "have")
            for w in before
        ):
            return None
        return role

    def _event(self, sentence: Sentence, mention: ValueMention) -> str | None:
        """The event a value belongs to: the one reported, or an earlier one set apart.

        A day reckoned back from the date given last ('a shooting the previous day') is an
        earlier event's (checker.relative_times).
        """
        event = self.context.event_in(sentence) or UNNAMED_EVENT
        if mention.shape == EARLIER:
            return f"earlier {event}"
        return self.context.event_apart(event, sentence)

    def _person_beside(self, sentence: Sentence, mention: ValueMention) -> str | None:
        """The person an age is given for: named right after it ('16-year-old Kimani Gray')."""
        low = sentence.start + mention.end
        gap = sentence.text[mention.end : mention.end + 30]
        for offset, name in self.context.person_mentions:
            if low <= offset <= low + len(gap):
                between = sentence.text[mention.end : offset - sentence.start]
                if len(between.split()) <= 2 and not _CLAUSE_BREAK.search(between):
                    return name
        return None

    def _dated_event(self, sentence: Sentence, mention: ValueMention) -> str | None:
        """'the June 20 shooting': a date that names an event is that event's, not the story's."""
        after = sentence.text[mention.end : mention.end + 40]
        # 'the March 11, 2005, incident': a comma may close the date before its event
        found = self.context.lexicon.event_noun.match(after.lstrip().removeprefix(",").lstrip())
        if not found:
            return None
        event = self.context.lexicon.event_nouns.get(found.group(0).lower(), found.group(0).lower())
        at = reference_date(sentence.text, mention.start, mention.text, self.published)
        span = resolve_text(mention.text, at, "past")
        return f"{event} ({span.label() if span else mention.text})"

    def _sides(self, sentence: Sentence) -> str | None:
        """The two sides of a score ('Colts v Chiefs'), when the sentence names two."""
        names = sorted(
            {
                name
                for offset, name in self.context.org_mentions
                if sentence.start <= offset < sentence.end
            }
        )
        return " v ".join(names) if len(names) == 2 else None

    def is_furniture(self, text: str) -> bool:
        """A page's furniture (a dateline, a caption, 'Posted ...'), not a sentence of the story."""
        lowered = text.lstrip(" \t|*-\u2022").lower()
        if lowered.startswith(self.guards.furniture):
            return True
        words = [t for t in tokens(text) if t.text[0].isalpha()]
        return len(words) < MIN_SENTENCE_WORDS

    def _entity_before(self, sentence: Sentence, mention: ValueMention) -> str | None:
        """The person or organisation named last before the value in its sentence."""
        context = self.context
        at = sentence.start + mention.start
        found: list[tuple[int, str]] = [
            (offset, name)
            for offset, name in (*context.person_mentions, *self.orgs)
            if sentence.start <= offset < at and self._is_entity(name, offset, sentence)
        ]
        return max(found)[1] if found else None

    def _is_entity(self, name: str, offset: int, sentence: Sentence) -> bool:
        """A name to give a value to: not an honorific, nor a capitalised common word ('Armed')."""
        if name in self.not_names or name.lower().rstrip(".") in _MONTHS:
            return False
        if any(ch.isdigit() for ch in name):
            return False  # 'SEK 11bn', 'AK-47': a value or a model, not who it is about
        if offset == sentence.start and " " not in name and is_common_word(name):
            return False
        if _ATTRIBUTIVE.search(sentence.text, 0, offset - sentence.start):
            return False  # 'an NFL rookie record': a name used as a modifier names no holder
        return not self._modifies(name, offset - sentence.start, sentence.text)

    def _modifies(self, name: str, at: int, text: str) -> bool:
        """'set the NFL rookie record with 4,051 yards': a name that describes a record."""
        pattern = self.guards.modified
        return bool(_DETERMINED.search(text, 0, at) and pattern.match(text, at + len(name)))

    def _pronoun(self, sentence: Sentence, mention: ValueMention) -> str | None:
        """'In 1969, he was indicted': the person a pronoun of the value's sentence refers to."""
        context = self.context
        for word in tokens(sentence.text[: mention.start]):
            if word.text.lower() in context.lexicon.person_pronouns:
                person = self._pronouns().person(word.text, sentence.start + word.start)
                return person if person and person not in self.not_names else None
        return None

    def _pronouns(self) -> PronounPersons:
        """Who the document's pronouns stand for (found once per document)."""
        if self._pronouns_found is None:
            self._pronouns_found = PronounPersons(self.context)
        return self._pronouns_found

    def _focus(self) -> str | None:
        """The person or organisation the document names most (found once per document)."""
        if self._focus_found is _UNSET:
            self._focus_found = self._find_focus()
        return self._focus_found  # type: ignore[return-value]

    def _find_focus(self) -> str | None:
        context = self.context
        people = Counter(n for _, n in context.person_mentions if n not in self.not_names)
        orgs = Counter(n for o, n in context.org_mentions if self._may_be_focus(o, n))
        person = people.most_common(1)[0][0] if people else None
        org = orgs.most_common(1)[0][0] if orgs else None
        if person and (not org or people[person] >= orgs[org]):
            return person
        return org

    def _may_be_focus(self, offset: int, name: str) -> bool:
        """Not an honorific, nor a common word that only opens a sentence ('Armed robbers')."""
        if name in self.not_names:
            return False
        if offset not in self.sentence_starts or " " in name or self.org_counts[name] >= 2:
            return True
        return not (is_common_word(name) and self._is_common_here(name))

    def _is_common_here(self, word: str) -> bool:
        """A plural or participle ('Robbers', 'Armed'), a number ('Four'), or written lowered."""
        low = word.lower()
        inflected = low.endswith(("s", "ed")) and lemma(low) != low
        if inflected or low in self.words.vocabulary.number_words:
            return True
        return bool(compiled(rf"\b{regex.escape(low)}\b").search(self.context.document.text))

    # --- qualifiers ----------------------------------------------------------------------------

    def _qualifiers(self, sentence: Sentence, mention: ValueMention) -> Qualifiers:
        return qualifiers_for(
            self.context, sentence, mention.start, mention.end, _CLAIM_KIND[mention.kind]
        )


def _rivals(mention: ValueMention, mentions: list[ValueMention]) -> tuple[tuple[int, int], ...]:
    """The spans of the sentence's other values of the same kind ('three shot, two killed')."""
    return tuple(
        (m.start, m.noun_end or m.end)
        for m in mentions
        if m is not mention and m.kind == mention.kind
    )


_LIST_GLUE = regex.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _shared_in_lists(
    text: str, mentions: list[ValueMention], predicates: list[Predicate | None]
) -> list[Predicate | None]:
    """'confiscated 14 rifles, 31 magazines and 923 rounds': a list's counts share its verb."""
    shared = list(predicates)
    groups: list[list[int]] = []
    for i, mention in enumerate(mentions):
        previous = mentions[i - 1] if i else None
        if previous is not None and _listed(text, previous, mention):
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        known = next((predicates[i] for i in group if predicates[i] is not None), None)
        for i in group:
            shared[i] = shared[i] or known
    return shared


def _listed(text: str, previous: ValueMention, mention: ValueMention) -> bool:
    """Whether two counts of nouns stand side by side in a list ('31 magazines and 923')."""
    if previous.kind != "count" or mention.kind != "count" or not previous.noun:
        return False
    gap = text[previous.noun_end or previous.end : mention.start]
    return _LIST_GLUE.fullmatch(gap) is not None


def _is_keyed(mention: ValueMention, predicate: Predicate | None) -> bool:
    """Whether the words around a value say enough to compare it.

    A time of day needs the event it dates; a bare number needs a noun it counts, or a frame
    that counts people ('killing 10').
    """
    frame = predicate.frame if predicate else None
    if mention.kind == "time":
        return frame is not None
    if mention.kind == "count" and not mention.noun:
        return frame is not None and frame.counts_people
    if mention.kind == "count":
        return predicate is not None
    if mention.kind == "measure":
        # '58km' needs a predicate; '400-metre tanker' says what it measures.
        return predicate is not None or "-" in mention.text
    if mention.kind in ("score", "year"):
        return frame is not None  # a year or a score needs a frame: 'found in 1991' is too vague
    return True


def _is_class(mention: ValueMention) -> bool:
    """'the seven-year offers': a measure of several things, not of the one the story reports."""
    modifies = (mention.modifies or "").lower()
    return (
        mention.kind == "measure"
        and "-" in mention.text
        and modifies.endswith("s")
        and lemma(modifies) != modifies
    )


BARE_COUNT_REACH = 3  # words between a bare number and the frame that says what it counts


def _beside(words: list[Token], mention: ValueMention, predicate: Predicate | None) -> bool:
    """Whether a bare number is next to its frame, in its clause ('killing 10', '10 were killed').

    'Of the 23 pirates arrested, 12 are reported to be Somali': the 12 are not the arrested.
    """
    if predicate is None:
        return False
    low, high = min(mention.end, predicate.end), max(mention.start, predicate.start)
    between = [w.text for w in words if low <= w.start and w.end <= high]
    if any(w in _CLAUSE_MARKS for w in between):
        return False
    return sum(1 for w in between if w[0].isalnum()) <= BARE_COUNT_REACH


def _attribute(mention: ValueMention, predicate: Predicate | None, lexicon: Lexicon) -> str | None:
    """The key a value is compared by: its predicate and the noun or dimension it measures."""
    key = predicate.key if predicate else ""
    kind = mention.kind
    if predicate and predicate.frame and kind in predicate.frame.attributes:
        return predicate.frame.attributes[kind]
    if kind == "age":
        return "age"
    if kind in ("date", "weekday"):
        return f"date {key}".strip() if key else None
    if kind == "year":
        return f"year {key}" if key else None
    if kind == "time":
        return f"time {key}".strip() if key else "time"
    if kind == "score":
        return f"{key} score".strip() if key else None
    if kind == "money":
        # A money value keys by its frame ('cost'): a verb the lexicon does not know says
        # little about which amount it is ('made', 'disguised').
        frame = predicate.frame.name if predicate and predicate.frame else ""
        return f"{frame} amount".strip() if frame else None
    if kind == "percent":
        return f"{key} share {mention.noun or ''}".strip() if key else None
    if kind == "measure":
        if "-" in mention.text and mention.modifies:
            # 'an 86-yard touchdown run', 'the 400-metre tanker': what it measures is its key.
            return _join(lemma(mention.modifies), _dimension(mention, lexicon))
        return _join(key, _dimension(mention, lexicon))
    noun = None if mention.noun == "people" else mention.noun
    if not key and not noun:
        return None
    return _join(key, noun)


def _dimension(mention: ValueMention, lexicon: Lexicon) -> str:
    return unit_dimension(mention.text, lexicon) or "measure"


def _join(*parts: str | None) -> str:
    words: list[str] = []
    for part in parts:
        for word in (part or "").split():
            if word not in words:
                words.append(word)
    return " ".join(words)


def _policy(mention: ValueMention, frame) -> str:
    if mention.kind in ("age", "year"):
        return f"{OPEN_PACK}:{mention.kind}"
    return f"{OPEN_PACK}:{frame.name}" if frame is not None else f"{OPEN_PACK}:"
