"""Mentions: who is who in one document (people, organisations, named events, the focus).

The rules' matches name people and organisations in many ways: "Sam Altman", "Altman", "he",
"the company", "its", "the private equity firm". `Mentions` finds the names the document uses
and resolves a mention at an offset to the entity it stands for, inside the document; names
are matched across documents later (normalise).

Names are learnt from the ordinary sentences only. In a Title Case line (a headline:
checker.documents.is_title_case) every word is capitalised, so a capitalised run there is a
name only when it is one the ordinary sentences use, a declared alias or a known place.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import TYPE_CHECKING

import regex

from checker.documents import Document, Sentence, is_title_case
from checker.events import (
    earlier_event,
    earlier_pattern,
    main_place,
    main_year,
    place_apart,
    place_counts,
    places_at,
    time_apart,
)
from checker.lexicon import Lexicon, lexicon_for
from checker.names import clean_mention, is_given_name, name_key
from checker.patterns import compiled
from checker.places import Gazetteer, gazetteer_for
from checker.rulebook import Rulebook
from checker.scan import WordAlternation, may_match
from checker.words import is_common_word

if TYPE_CHECKING:
    from checker.extract import Hit

FOCUS_CLOSE_RATIO = 0.67  # a runner-up this close to the top makes "the company" ambiguous
_SPACES = regex.compile(r"\s+")
_MIDDLE_INITIAL = regex.compile(r"(?<=\S)\s+\p{Lu}\.(?=\s)")


_UNSET = object()
_GOES_ON = regex.compile(r"(?:It|That|This|The\s+(?:earlier|previous|same)\s+\w+)\s")


class Mentions:
    """What one document says about who is who: people, organisations, the story's focus."""

    def __init__(
        self, document: Document, sentences: list[Sentence], hits: list[Hit], rulebook: Rulebook
    ):
        self.document = document
        self.sentences = sentences
        self.lexicon: Lexicon = lexicon_for(rulebook)
        self.gazetteer: Gazetteer = gazetteer_for(rulebook)
        self.rulebook = rulebook
        self.title_case = frozenset(s.start for s in sentences if is_title_case(s.text))
        self._declared = {
            name_key(name)
            for alias in rulebook.aliases
            for name in (alias.canonical, *alias.aliases)
        }
        self.persons = self._find_persons(hits)
        self.person_mentions = self._mentions(self.persons)
        self.org_mentions, self.focus_org = self._find_orgs()
        self.focus_event = self._find_event()
        self._main_year: int | None | object = _UNSET
        self._places: Counter[str] | object = _UNSET
        self._earlier = earlier_pattern(rulebook.open.earlier_words, self.lexicon.event_noun)

    # --- people ---------------------------------------------------------------------------

    def _find_persons(self, hits: list[Hit]) -> dict[str, str]:
        """Full names of people in the document, keyed by full name and by surname."""
        full_names: set[str] = set()
        orgs: set[str] = set()
        for hit in hits:
            if hit.sentence.start in self.title_case:
                continue  # capitalised words of a headline are not names by themselves
            groups = hit.match.groupdict()
            orgs.update(self.clean(groups[g]) for g in ("org", "object") if groups.get(g))
            subject = self.clean(groups.get("subject") or "")
            if (
                hit.rule.rule.subject_type == "org"
                and subject
                and not is_given_name(subject.split()[0])
            ):
                orgs.add(subject)
            if hit.rule.rule.subject_type == "person" and groups.get("subject"):
                name = self.clean(groups["subject"])
                if len(name.split()) >= 2 and self._plausible_name(name):
                    full_names.add(name)
        honorifics = {h.rstrip(".") for h in self.lexicon.vocabulary.honorifics}
        speakers = self._speakers()
        self.name_candidates: list[tuple[int, str]] = []
        for sentence in self.ordinary_sentences():
            for match in self.lexicon.person_scan.finditer(sentence.text, overlapped=True):
                raw = match.group(0)
                name = _MIDDLE_INITIAL.sub("", self.clean(raw))  # 'Raj K. Chohan': Raj Chohan
                words = name.split()
                if len(words) < 2 or not self._plausible_name(name) or name in orgs:
                    continue
                self.name_candidates.append((sentence.start + match.start(), name))
                if (
                    raw.split()[0].rstrip(".") in honorifics
                    or is_given_name(words[0])
                    or (words[-1] in speakers and not is_common_word(words[0]))
                ):
                    full_names.add(name)
        self.places_named = {
            self.clean(h.match.group("value"))
            for h in hits
            if h.rule.rule.kind in ("place", "first") and h.match.group("value")
        }
        full_names -= orgs
        self.explicit_orgs = orgs
        persons: dict[str, str] = {}
        by_surname: dict[str, list[str]] = {}
        for name in sorted(full_names):
            persons[name] = name
            by_surname.setdefault(name.split()[-1], []).append(name)
        for surname, names in by_surname.items():
            if (bearer := _surname_bearer(names, self.document.text)) is not None:
                persons[surname] = bearer
        return persons

    def _speakers(self) -> frozenset[str]:
        """The words a verb of speech follows ('Charles said'): the names of people who spoke.

        A name whose given name is not a known one ('Jamaal Charles') is a person when it,
        or its surname alone, speaks in the document, and its first word is no common word
        ('the Geological Survey said' is an organisation).
        """
        speaker = self.lexicon.speaker
        if speaker is None:
            return frozenset()
        return frozenset(
            name
            for sentence in self.ordinary_sentences()
            for match in speaker.finditer(sentence.text)
            if (name := match.group("name")) not in self.lexicon.not_names
        )

    def _plausible_name(self, name: str) -> bool:
        words = name.split()
        return (
            words[0] not in self.lexicon.not_names
            and not any(w.lower() in self.lexicon.title_words for w in words)
            and not any(w.rstrip(".") in self.lexicon.org_suffixes for w in words)
            and self.gazetteer.lookup(name) is None
            and not self.lexicon.event_noun.fullmatch(name)
        )

    def is_person(self, subject: str) -> bool:
        """A resolved person, or words that look like a name and name nothing else here."""
        if subject in self.persons.values():
            return True
        return self._plausible_name(subject) and subject not in self.explicit_orgs

    def _mentions(self, names: dict[str, str]) -> list[tuple[int, str]]:
        if not names:
            return []
        pattern = WordAlternation(names)  # as regex \b(?:longest|...|shortest)\b
        mentions = []
        for sentence in self.sentences:
            for start, name in pattern.finditer(sentence.text):
                mentions.append((sentence.start + start, names[name]))
        return sorted(mentions)

    @property
    def focus_person(self) -> str | None:
        """The person the document mentions most."""
        counts = Counter(name for _, name in self.person_mentions)
        if not counts:
            return None
        return max(sorted(counts), key=lambda name: counts[name])

    # --- organisations --------------------------------------------------------------------

    def _find_orgs(self) -> tuple[list[tuple[int, str]], str | None]:
        mentions: list[tuple[int, str]] = []
        for sentence in self.ordinary_sentences():
            for match in self.lexicon.org_scan.finditer(sentence.text):
                name = self._org_name(match.group(0))
                if name:
                    mentions.append((sentence.start + match.start(), name))
        if self.title_case:
            mentions = sorted(mentions + self._known_orgs_in_title_case(mentions))
        counts = Counter(name for _, name in mentions)
        merged = _merge_short_forms(counts)
        mentions = [(offset, merged.get(name, name)) for offset, name in mentions]
        totals = Counter(name for _, name in mentions)
        ranked = sorted(
            totals.items(), key=lambda item: (-item[1], _first_offset(mentions, item[0]))
        )
        focus = ranked[0][0] if ranked else None
        self.focus_alternatives = tuple(
            name
            for name, count in ranked[1:3]
            if focus and count >= FOCUS_CLOSE_RATIO * ranked[0][1]
        )
        return mentions, focus

    def _known_orgs_in_title_case(self, mentions: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """The organisations of the ordinary sentences (or declared aliases) a headline names."""
        known = {name for _, name in mentions} | self.explicit_orgs
        known |= {
            name
            for alias in self.rulebook.aliases
            if alias.type in ("org", "any")
            for name in (alias.canonical, *alias.aliases)
        }
        pattern = WordAlternation(known)
        found = []
        for sentence in self.sentences:
            if sentence.start in self.title_case:
                for start, raw in pattern.finditer(sentence.text):
                    if name := self._org_name(raw):
                        found.append((sentence.start + start, name))
        return found

    def _org_name(self, raw: str) -> str | None:
        words = raw.split()
        while words and (
            words[0] in self.lexicon.not_names
            or words[0].lower() in self.lexicon.org_descriptors
            or words[0] in ("of", "Of", "for")
        ):
            words = words[1:]
        if not words:
            return None
        name = self.clean(" ".join(words))
        if not name or name[0].isdigit() or name in self.persons or self._is_place(name):
            return None
        if name.lower() in self.lexicon.event_nouns or all(
            w in self.lexicon.not_names for w in name.split()
        ):
            return None
        return name

    # --- events ---------------------------------------------------------------------------

    def _find_event(self) -> str | None:
        """The event the document is about: a named one ('the Ridgeline Fire') if it recurs."""
        self.named_events: list[tuple[int, str]] = []
        for sentence in self.sentences:
            for match in self.lexicon.named_event.finditer(sentence.text):
                self.named_events.append(
                    (sentence.start + match.start(), self.lexicon.event_name(match.group(0)))
                )
        if self.title_case:  # a headline's named event counts when the article names it too
            ordinary = {n for p, n in self.named_events if not self._in_title_case(p)}
            self.named_events = [
                (p, n) for p, n in self.named_events if n in ordinary or not self._in_title_case(p)
            ]
        named = Counter(name for _, name in self.named_events)
        if named and named.most_common(1)[0][1] >= 2:
            return named.most_common(1)[0][0]
        body = self.document.body
        if not may_match(self.lexicon.event_noun, body):
            return None
        events = Counter(
            self.lexicon.event_nouns[_SPACES.sub(" ", m.group(0).lower())]
            for m in self.lexicon.event_noun.finditer(body)
        )
        return events.most_common(1)[0][0] if events else None

    def event_in(self, sentence: Sentence) -> str | None:
        """The named event a sentence mentions, else the document's event."""
        for position, name in self.named_events:
            if sentence.start <= position < sentence.end:
                return name
        return self.focus_event

    def event_apart(self, event: str | None, sentence: Sentence) -> str | None:
        """`event`, or another one when the sentence sets it apart (checker.events).

        A sentence that opens with 'It' or 'That' goes on about the previous one's event,
        unless it dates its own.
        """
        if event is None:
            return None
        published = self.document.published
        if self._main_year is _UNSET:
            self._main_year = main_year([s.text for s in self.sentences], published)
        when = time_apart(sentence.text, published, self._main_year)
        if when:
            return f"{event} ({when})"
        if sentence.index and _GOES_ON.match(sentence.text):
            return self.event_apart(event, self.sentences[sentence.index - 1])
        if earlier_event(sentence.text, self._earlier):
            return f"earlier {event}"
        elsewhere = place_apart(sentence.text, self.place_counts, self.gazetteer)
        return f"{event} ({elsewhere})" if elsewhere else event

    @property
    def place_counts(self) -> Counter[str]:
        """How often the document names each place the gazetteer knows (counted once)."""
        if self._places is _UNSET:
            self._places = place_counts(self.sentences, self.gazetteer)
        return self._places  # type: ignore[return-value]

    def _unknown_places(self, text: str) -> list[tuple[int, str]]:
        """Places the gazetteer does not know that a sentence names after 'in' ('In Heraklion,')."""
        found = []
        for match in self.lexicon.in_place.finditer(text):
            name = self.clean(match.group("place"))
            if self.gazetteer.lookup(name) is None and not self.names_entity(name):
                found.append((match.start("place"), name))
        return found

    def place_of(self, sentence: Sentence, position: int) -> str | None:
        """The place a value at `position` is about: the sentence's nearest, else the document's.

        'as many as 20,000 took to the streets of Athens'; 'police put the march at 30,000'
        in an article about Athens.
        """
        named = places_at(sentence.text, self.gazetteer) + self._unknown_places(sentence.text)
        if named:
            return min(named, key=lambda found: (abs(found[0] - position), found[0]))[1]
        return main_place(self.place_counts, self.gazetteer)

    def event_named(self, raw: str) -> str:
        """The event a mention names: 'the Ridgeline fire' -> 'Ridgeline Fire', 'the quake' -> 'earthquake'."""
        if self.lexicon.named_event.fullmatch(raw.strip()):
            return self.lexicon.event_name(raw)
        words = raw.lower().split()
        noun = (
            " ".join(words[-2:]) if " ".join(words[-2:]) in self.lexicon.event_nouns else words[-1]
        )
        event = self.lexicon.event_nouns.get(noun, noun)
        ordinal = next((w for w in words if w in ("second", "third", "fourth", "later")), None)
        return f"{ordinal} {event}" if ordinal else event

    # --- Title Case lines -----------------------------------------------------------------

    def ordinary_sentences(self) -> list[Sentence]:
        """The sentences that are not Title Case lines: the ones names are learnt from."""
        return [s for s in self.sentences if s.start not in self.title_case]

    def _in_title_case(self, offset: int) -> bool:
        index = bisect.bisect_right([s.start for s in self.sentences], offset) - 1
        return index >= 0 and self.sentences[index].start in self.title_case

    def in_title_case(self, sentence: Sentence) -> bool:
        """Whether a sentence is a Title Case line (a headline), where capitals name nothing."""
        return sentence.start in self.title_case

    def names_entity(self, name: str) -> bool:
        """A person of the document, or an organisation a rule named as one."""
        return name in self.persons or name in self.persons.values() or name in self.explicit_orgs

    def is_known(self, name: str) -> bool:
        """A name the ordinary sentences use, a declared alias or a place the gazetteer knows."""
        return (
            name in self.persons
            or name in self.persons.values()
            or name in self.explicit_orgs
            or any(name == n for _, n in self.org_mentions)
            or any(name == n for _, n in self.named_events)
            or self._is_place(name)
            or name_key(name) in self._declared
        )

    def named_here(self, text: str, sentence: Sentence) -> bool:
        """False for capitalised words of a Title Case line that name nothing named elsewhere.

        ("Founder Steps" in "Acme Names New Chief as Founder Steps Aside"; pronouns and
        descriptors such as "the company" are always fine.)
        """
        if sentence.start not in self.title_case:
            return True
        name = self.clean(self._strip_leading(text.strip()))
        words = [w for w in name.split() if w not in self.lexicon.not_names]
        if not any(w[:1].isupper() for w in words):
            return True  # a pronoun or a descriptor ('the company')
        return self.is_known(name)

    # --- resolving a mention --------------------------------------------------------------

    def clean(self, mention: str) -> str:
        """A mention without possessive, honorific, article or 'X-based' prefix."""
        return clean_mention(mention, self.lexicon.vocabulary)

    def _is_place(self, name: str) -> bool:
        """A place the gazetteer knows, or one the text calls a place ('based in Denver')."""
        return bool(self.gazetteer.lookup(name)) or name in self.places_named

    def _strip_leading(self, text: str) -> str:
        """'Many of Twitter' -> 'Twitter'."""
        words = text.split()
        while len(words) > 1 and (words[0] in self.lexicon.not_names or words[0] in ("of", "Of")):
            words = words[1:]
        return " ".join(words)

    def person_before(self, offset: int, known: bool = False) -> str | None:
        """The person (or name-like words, unless `known`) mentioned last before `offset`."""
        found: list[tuple[int, str]] = []
        sources = (self.person_mentions,) if known else (self.person_mentions, self.name_candidates)
        for mentions in sources:
            index = bisect.bisect_left(mentions, (offset, ""))
            if index:
                found.append(mentions[index - 1])
        if not found:
            return None
        position, name = max(found)
        return self.persons.get(name, name)

    def org_before(self, offset: int, exclude: str | None = None) -> str | None:
        """The organisation named last before `offset` in the document."""
        index = bisect.bisect_left(self.org_mentions, (offset, ""))
        for _position, name in reversed(self.org_mentions[:index]):
            if name != exclude:
                return name
        return None

    def org_in_sentence_before(self, sentence: Sentence, offset: int) -> str | None:
        """The organisation named last in the sentence before `offset` (what 'its' refers to)."""
        found = None
        for position, name in self.org_mentions:
            if sentence.start <= position < offset and name != self.person_before(position + 1):
                found = name
        return found

    def resolve(self, text: str, offset: int, sentence: Sentence, kind: str) -> str | None:
        """The entity a mention stands for: pronouns, descriptors and surnames resolved."""
        words = text.strip()
        lowered = compiled(r"\s+").sub(" ", words.lower())
        if lowered in self.lexicon.person_pronouns:
            return self.person_before(offset)
        if lowered in self.lexicon.org_pronouns:
            return self.org_in_sentence_before(sentence, offset) or self.focus_org
        if self.lexicon.is_descriptor(lowered) or lowered.startswith(
            ("the company", "the startup")
        ):
            return self.focus_org
        if self.lexicon.qualified_descriptor.fullmatch(lowered):
            # "the private equity firm": a particular organisation, the one named last
            return self.org_before(offset, exclude=self.focus_org) or self.focus_org
        name = self.clean(self._strip_leading(words))
        if not name or all(w in self.lexicon.not_names for w in name.split()):
            return None
        if sentence.start in self.title_case and not self.is_known(name):
            return None  # capitalised words of a headline that name nothing in the article
        if kind == "org" and (name in self.persons or self._is_place(name)):
            return None  # an organisation slot filled by a person or a place: not this claim
        return self.persons.get(name, name) if kind in ("person", "any") else name


SURNAME_SHARE = 3  # a surname several people share stands for one named this much more often


def _surname_bearer(names: list[str], text: str) -> str | None:
    """The person a bare surname means: the only one with it, else the one named far more.

    An obituary of Vincent Gigante names his brother Louis once and him four times: 'Mr.
    Gigante' is Vincent.
    """
    if len(names) == 1:
        return names[0]
    named = {n: text.count(n) for n in names}
    ranked = sorted(names, key=lambda n: (-named[n], n))
    if named[ranked[0]] >= SURNAME_SHARE * max(named[ranked[1]], 1):
        return ranked[0]
    return None


def _merge_short_forms(counts: Counter) -> dict[str, str]:
    """Map 'Scale' to 'Scale AI' when exactly one longer name starts with it."""
    merged: dict[str, str] = {}
    for name in counts:
        if " " in name:
            continue
        longer = [n for n in counts if n != name and n.split()[0] == name]
        if len(longer) == 1:
            merged[name] = longer[0]
    return merged


def _first_offset(mentions: list[tuple[int, str]], name: str) -> int:
    return next(offset for offset, n in mentions if n == name)
