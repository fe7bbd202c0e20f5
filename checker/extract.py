"""Extract: the sentences of one document become claims, by the rules of the rule packs.

This stage is a pure function of (document, rulebook), so documents can be processed in
parallel or cached by content. Pronouns ("he", "its") and descriptors ("the company") are
resolved here, inside the document; names are matched across documents later (normalise).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

import regex

from checker.claims import Claim, Evidence, Qualifiers
from checker.dates import find_time_expressions
from checker.documents import Diagnostic, Document, Sentence, split_sentences
from checker.events import (
    earlier_event,
    earlier_pattern,
    main_year,
    place_apart,
    place_counts,
    time_apart,
)
from checker.lexicon import Lexicon, lexicon_for
from checker.names import clean_mention, is_given_name
from checker.open_claims import open_claims
from checker.parts import part_scope
from checker.places import Gazetteer, gazetteer_for
from checker.prefilter import rule_filter_for
from checker.rulebook import REGEX_TIMEOUT_SECONDS, CompiledRule, Rulebook
from checker.scan import WordAlternation, may_match

_UNSET = object()
_GOES_ON = regex.compile(r"(?:It|That|This|The\s+(?:earlier|previous|same)\s+\w+)\s")
SCOPED_KINDS = frozenset({"money", "percent", "count"})
PERSON_KINDS = frozenset({"title", "age"})
_CLAUSE_SEPARATOR = regex.compile(r"[,;:](?!\d)")
FOCUS_CLOSE_RATIO = 0.67  # a runner-up this close to the top makes "the company" ambiguous
_SPACES = regex.compile(r"\s+")
_CLAUSE_BREAK = regex.compile(r"[;:(\u2014]|\s[\u2013-]\s")
_SUBORDINATE_TIME = regex.compile(r"\b(?:since|after|before|when|until|while)\b[^,]*$", regex.I)
_CONTRAST_BEFORE_TIME = regex.compile(
    r"(?:up|down)\s+from\s+\S+(?:\s+\S+)?\s*$|(?:than|since|from)\s*$", regex.I
)


@dataclass(frozen=True)
class Hit:
    """A regex match of one rule in one sentence."""

    sentence: Sentence
    rule: CompiledRule
    pattern: str
    match: regex.Match


def extract(document: Document, rulebook: Rulebook) -> list[Claim]:
    """Every claim the rules find in `document`, in text order."""
    return extract_reporting(document, rulebook)[0]


def extract_reporting(
    document: Document, rulebook: Rulebook
) -> tuple[list[Claim], list[Diagnostic]]:
    """The claims of `document`, and a Diagnostic for each rule whose regex timed out.

    A rule that times out on a sentence is not run on the rest of the document.
    """
    sentences = split_sentences(
        document.text, document.body_start, rulebook.vocabulary.abbreviations
    )
    timed_out: dict[str, Sentence] = {}
    hits = [hit for sentence in sentences for hit in match_sentence(sentence, rulebook, timed_out)]
    context = DocumentContext(document, sentences, hits, rulebook)
    claims = [claim for hit in hits if (claim := context.claim_or_retry(hit)) is not None]
    if rulebook.open_claims:
        taken = [(c.evidence.start, c.evidence.end) for c in claims]
        claims += open_claims(context, sentences, taken, rulebook)
    return _dedupe(claims), [_timeout(document, rule, s) for rule, s in timed_out.items()]


def match_sentence(
    sentence: Sentence, rulebook: Rulebook, timed_out: dict[str, Sentence] | None = None
) -> list[Hit]:
    """All matches of all rules in one sentence.

    A pattern that runs longer than REGEX_TIMEOUT_SECONDS is stopped; its rule is recorded in
    `timed_out` (with the sentence) and skipped for the sentences after it. Only the patterns
    whose literals all occur in the sentence are run (checker.prefilter): the others cannot
    match, so the hits are the same as running every pattern.
    """
    timed_out = {} if timed_out is None else timed_out
    hits: list[Hit] = []
    for rule, patterns in rule_filter_for(rulebook).candidates(sentence.text):
        if rule.id in timed_out:
            continue
        found: list[Hit] = []
        try:
            if rule.trigger is not None and not rule.trigger.search(
                sentence.text, timeout=REGEX_TIMEOUT_SECONDS
            ):
                continue
            for name, pattern in patterns:
                for match in pattern.finditer(sentence.text, timeout=REGEX_TIMEOUT_SECONDS):
                    found.append(Hit(sentence, rule, name, match))
        except TimeoutError:
            timed_out[rule.id] = sentence
            continue
        hits.extend(found)
    return hits


def _timeout(document: Document, rule: str, sentence: Sentence) -> Diagnostic:
    return Diagnostic(
        code="extract.timeout",
        document=document.id,
        message=f"rule {rule} took over {REGEX_TIMEOUT_SECONDS:g} s on sentence "
        f"{sentence.index + 1} (offset {sentence.start}) and was stopped: its claims in this "
        "document are missing; simplify its regex",
        line=document.text.count("\n", 0, sentence.start) + 1,
    )


class DocumentContext:
    """What one document says about who is who: people, organisations, the story's focus."""

    def __init__(
        self, document: Document, sentences: list[Sentence], hits: list[Hit], rulebook: Rulebook
    ):
        self.document = document
        self.sentences = sentences
        self.lexicon: Lexicon = lexicon_for(rulebook)
        self.gazetteer: Gazetteer = gazetteer_for(rulebook)
        self.rulebook = rulebook
        self._title_split = rulebook.compile("(?:{TITLE_MODIFIER})?\\s*(?:{TITLES})\\s*$")
        self.persons = self._find_persons(hits)
        self.person_mentions = self._mentions(self.persons)
        self.org_mentions, self.focus_org = self._find_orgs()
        self.focus_event = self._find_event()
        self._main_year: int | None | object = _UNSET
        self._main_place: Counter[str] | object = _UNSET
        self._earlier = earlier_pattern(rulebook.open.earlier_words, self.lexicon.event_noun)

    # --- who is who ---------------------------------------------------------------------

    def _find_persons(self, hits: list[Hit]) -> dict[str, str]:
        """Full names of people in the document, keyed by full name and by surname."""
        full_names: set[str] = set()
        orgs: set[str] = set()
        for hit in hits:
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
        self.name_candidates: list[tuple[int, str]] = []
        for sentence in self.sentences:
            for match in self.lexicon.person_scan.finditer(sentence.text, overlapped=True):
                raw = match.group(0)
                name = self.clean(raw)
                words = name.split()
                if len(words) < 2 or not self._plausible_name(name) or name in orgs:
                    continue
                self.name_candidates.append((sentence.start + match.start(), name))
                if raw.split()[0].rstrip(".") in honorifics or is_given_name(words[0]):
                    full_names.add(name)
        self.places_named = {
            self.clean(h.match.group("value"))
            for h in hits
            if h.rule.rule.kind in ("place", "first") and h.match.group("value")
        }
        full_names -= orgs
        self.explicit_orgs = orgs
        persons: dict[str, str] = {}
        surnames = Counter(name.split()[-1] for name in full_names)
        for name in sorted(full_names):
            persons[name] = name
            if surnames[name.split()[-1]] == 1:
                persons[name.split()[-1]] = name
        return persons

    def _plausible_name(self, name: str) -> bool:
        words = name.split()
        return (
            words[0] not in self.lexicon.not_names
            and not any(w.lower() in self.lexicon.title_words for w in words)
            and not any(w.rstrip(".") in self.lexicon.org_suffixes for w in words)
            and self.gazetteer.lookup(name) is None
            and not self.lexicon.event_noun.fullmatch(name)
        )

    def _mentions(self, names: dict[str, str]) -> list[tuple[int, str]]:
        if not names:
            return []
        pattern = WordAlternation(names)  # as regex \b(?:longest|...|shortest)\b
        mentions = []
        for sentence in self.sentences:
            for start, name in pattern.finditer(sentence.text):
                mentions.append((sentence.start + start, names[name]))
        return sorted(mentions)

    def _find_orgs(self) -> tuple[list[tuple[int, str]], str | None]:
        mentions: list[tuple[int, str]] = []
        for sentence in self.sentences:
            for match in self.lexicon.org_scan.finditer(sentence.text):
                name = self._org_name(match.group(0))
                if name:
                    mentions.append((sentence.start + match.start(), name))
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

    def _find_event(self) -> str | None:
        """The event the document is about: a named one ('the Ridgeline Fire') if it recurs."""
        self.named_events: list[tuple[int, str]] = []
        for sentence in self.sentences:
            for match in self.lexicon.named_event.finditer(sentence.text):
                self.named_events.append(
                    (sentence.start + match.start(), self.lexicon.event_name(match.group(0)))
                )
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

        A sentence that opens with 'It' or 'That' goes on about the previous one's event.
        """
        if event is None:
            return None
        if sentence.index and _GOES_ON.match(sentence.text):
            previous = self.sentences[sentence.index - 1]
            if previous.index != sentence.index:
                return self.event_apart(event, previous)
        published = self.document.published
        if self._main_year is _UNSET:
            self._main_year = main_year([s.text for s in self.sentences], published)
        when = time_apart(sentence.text, published, self._main_year)
        if when:
            return f"{event} ({when})"
        if earlier_event(sentence.text, self._earlier):
            return f"earlier {event}"
        if self._main_place is _UNSET:
            self._main_place = place_counts(self.sentences, self.gazetteer)
        elsewhere = place_apart(sentence.text, self._main_place, self.gazetteer)
        return f"{event} ({elsewhere})" if elsewhere else event

    @property
    def focus_person(self) -> str | None:
        """The person the document mentions most."""
        counts = Counter(name for _, name in self.person_mentions)
        if not counts:
            return None
        return max(sorted(counts), key=lambda name: counts[name])

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

    def person_before(self, offset: int) -> str | None:
        """The person (or name-like words) mentioned last before `offset`."""
        found: list[tuple[int, str]] = []
        for mentions in (self.person_mentions, self.name_candidates):
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
        lowered = regex.sub(r"\s+", " ", words.lower())
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
        if kind == "org" and (name in self.persons or self._is_place(name)):
            return None  # an organisation slot filled by a person or a place: not this claim
        return self.persons.get(name, name) if kind in ("person", "any") else name

    # --- claims --------------------------------------------------------------------------

    def claim_or_retry(self, hit: Hit, attempts: int = 3) -> Claim | None:
        """The claim of a match, retrying the pattern after a subject that is not an entity.

        ("Some outlets said Microsoft invested ...": the match starting at "Some" is dropped
        and the pattern is tried again from just after it.)
        """
        claim = self.claim(hit)
        text = hit.sentence.text
        while (
            claim is None
            and attempts
            and "subject" in hit.match.re.groupindex
            and hit.match.group("subject")
        ):
            attempts -= 1
            try:
                again = hit.match.re.search(
                    text, hit.match.start("subject") + 1, timeout=REGEX_TIMEOUT_SECONDS
                )
            except TimeoutError:
                return None
            if again is None:
                return None
            hit = Hit(hit.sentence, hit.rule, hit.pattern, again)
            claim = self.claim(hit)
        return claim

    def claim(self, hit: Hit) -> Claim | None:
        """The claim a rule match makes, or None when its subject cannot be resolved."""
        rule, match, sentence = hit.rule.rule, hit.match, hit.sentence
        groups = {k: v for k, v in match.groupdict().items() if v}
        value = groups.get("value", "").strip()
        if not value:
            return None
        start = sentence.start + match.start()
        org = None
        if rule.kind == "title":
            value, org_text = self._split_title(value)
            org_text = org_text or groups.get("org")
            if org_text:
                org = self.resolve(org_text, start, sentence, "org")
        subject, mention, via_focus = self._subject(hit, groups, start)
        if not subject or (rule.subject_type == "person" and not self._person_subject(subject)):
            return None
        obj = (
            self.resolve(groups["object"], start, sentence, "org") if groups.get("object") else None
        )
        needs_object = rule.object_from == "focus_org" or "{object}" in (rule.attribute or "")
        if obj is None and needs_object and self.focus_org and self.focus_org != subject:
            obj = self.focus_org
        object_via_focus = (
            obj is not None
            and obj == self.focus_org
            and (not groups.get("object") or self.clean(groups["object"]) != obj)
        )
        if "{object}" in (rule.attribute or "") and obj is None:
            return None
        attribute = (
            rule.attribute if rule.subject_from == "attribute" else self._attribute(hit, groups)
        )
        if not attribute:
            return None
        evidence = Evidence(
            document=self.document.id,
            sentence=sentence.text,
            sentence_start=sentence.start,
            start=start,
            end=sentence.start + match.end(),
            text=match.group(0),
            rule=hit.rule.id,
            pattern=hit.pattern,
        )
        return Claim(
            kind=rule.kind,
            subject=subject,
            subject_type=rule.subject_type,
            subject_mention=mention,
            alternatives=self.focus_alternatives if via_focus else (),
            attribute=attribute,
            value=value,
            object=obj if obj != subject else None,
            object_alternatives=self.focus_alternatives if object_via_focus else (),
            org=org if org != subject else None,
            qualifiers=self._qualifiers(hit, groups, value),
            evidence=evidence,
        )

    def _subject(
        self, hit: Hit, groups: dict[str, str], start: int
    ) -> tuple[str | None, str | None, bool]:
        """The claim's subject, the words that named it, and whether it is the document's focus guess."""
        rule, sentence = hit.rule.rule, hit.sentence
        if rule.kind == "weekday":
            return groups.get("date"), None, False
        raw = groups.get("subject")
        if raw is None:
            return (
                self._implicit_subject(hit, rule.subject_from),
                None,
                rule.subject_from == "focus_org",
            )
        offset = sentence.start + hit.match.start("subject")
        if rule.subject_type == "event":
            return self.event_apart(self._event(raw), sentence), raw, False
        resolved = self.resolve(raw, offset, sentence, rule.subject_type)
        lowered = raw.strip().lower()
        via_focus = (
            resolved is not None
            and resolved == self.focus_org
            and (
                self.lexicon.is_descriptor(lowered)
                or (
                    lowered in self.lexicon.org_pronouns
                    and self.org_in_sentence_before(sentence, offset) is None
                )
            )
        )
        return resolved, (raw if resolved and self.clean(raw) != resolved else None), via_focus

    def _implicit_subject(self, hit: Hit, source: str) -> str | None:
        """A subject the pattern does not capture, from the rule's `subject_from`."""
        sentence = hit.sentence
        if source == "focus_org":
            return self.focus_org
        if source == "focus_event":
            return self.event_apart(self.event_in(sentence), sentence)
        if source == "focus_person":
            return self.focus_person
        if source == "attribute":
            return self._attribute(hit, groups_of(hit))
        if source == "previous_person":
            return self.person_before(sentence.start + hit.match.start())
        return None

    def _event(self, raw: str) -> str:
        if self.lexicon.named_event.fullmatch(raw.strip()):
            return self.lexicon.event_name(raw)
        words = raw.lower().split()
        noun = (
            " ".join(words[-2:]) if " ".join(words[-2:]) in self.lexicon.event_nouns else words[-1]
        )
        event = self.lexicon.event_nouns.get(noun, noun)
        ordinal = next((w for w in words if w in ("second", "third", "fourth", "later")), None)
        return f"{ordinal} {event}" if ordinal else event

    def _person_subject(self, subject: str) -> bool:
        """A resolved person, or words that look like a name and name nothing else here."""
        if subject in self.persons.values():
            return True
        return self._plausible_name(subject) and subject not in self.explicit_orgs

    def _split_title(self, value: str) -> tuple[str, str | None]:
        """'former Rockwell Collins chief' -> ('former chief', 'Rockwell Collins')."""
        match = self._title_split.search(value)
        if not match or match.start() == 0:
            return value, None
        head = value[: match.start()].strip()
        modifiers = [
            w for w in head.split() if w.lower() in self.lexicon.vocabulary.title_modifiers
        ]
        org_words = [
            w for w in head.split() if w.lower() not in self.lexicon.vocabulary.title_modifiers
        ]
        org = " ".join(org_words).strip() or None
        title = " ".join([*modifiers, match.group(0).strip()])
        return title, org

    def _attribute(self, hit: Hit, groups: dict[str, str]) -> str | None:
        rule = hit.rule.rule
        if rule.kind == "title":
            return "title"
        if rule.kind == "weekday":
            return "weekday"
        if rule.attribute and _TEMPLATE_FIELD.search(rule.attribute.replace("{object}", "")):
            return _fill_template(rule.attribute, groups, rule.attribute_map)
        word = _words_of(groups.get("attribute", ""))
        mapped = _map_word(word, rule.attribute_map)
        if mapped:
            return mapped
        if rule.subject_from == "attribute" and word:
            return word  # the words themselves name the topic ('defence spending')
        return rule.attribute

    def _qualifiers(self, hit: Hit, groups: dict[str, str], value: str) -> Qualifiers:
        rule, match, text = hit.rule.rule, hit.match, hit.sentence.text
        lexicon = self.lexicon
        before = _clause_before(text, match.start("value"))
        matched = match.group(0)
        hedge = lexicon.hedge(value)
        markers: list[str] = []
        tense = rule.tense or "current"
        if rule.kind not in ("title",) and rule.tense is None:
            clause_start, _ = _clause_bounds(text, match.start("value"))
            window = text[max(clause_start, match.start("value") - 80) : match.end("value")]
            if (found := lexicon.future.search(window)) is not None:
                tense = "future"
                markers.append(found.group(0).lower())
            elif (found := lexicon.past.search(window)) is not None:
                tense = "past"
                markers.append(found.group(0).lower())
        change = rule.change or bool(lexicon.change.search(before[-60:] + " " + matched))
        attribution = _attribution(lexicon, text)
        scope, whole = (None, False)
        if rule.kind in SCOPED_KINDS:
            scope, whole = self._scope(text, match.start("value"))
        if rule.kind == "count" and scope is None:
            scope = part_scope(text, match.start("value"), match.end("value"))
        when = None
        if rule.kind not in ("date", "weekday", "year", "age"):
            when = _nearest_time(text, match.start("value"), match.end("value"))
        return Qualifiers(
            hedge=hedge[0].lower() if hedge else None,
            tense=tense,
            markers=tuple(markers),
            change=change,
            revision=bool(lexicon.revision.search(text)),
            interim=bool(regex.search(r"\b(?:interim|acting)\b", matched, regex.I)),
            attribution=attribution,
            disputed=lexicon.disputed(text, match.start("value"), match.end("value")),
            generic=lexicon.is_generic(text),
            scope=scope,
            whole=whole,
            population=groups.get("population"),
            when=when,
        )

    def _scope(self, text: str, position: int) -> tuple[str | None, bool]:
        """A place or group the value is limited to ('in Turkey alone'), or 'whole' markers."""
        for match in self.lexicon.part_scope.finditer(text):
            place = match.group("place")
            return self.gazetteer.lookup(place) or self.clean(place), False
        if (group := self.lexicon.subgroup.search(text)) is not None:
            return regex.sub(r"\s+", " ", group.group("group").strip()), False
        if self.lexicon.total_scope.search(text):
            return None, True
        start, end = _clause_bounds(text, position)
        opening = next((m.start() for m in _CLAUSE_SEPARATOR.finditer(text)), -1)
        opening_has_figure = 0 < opening and regex.search(r"\d", text[:opening])
        windows = [(start, end)] + (
            [(0, opening)] if 0 < opening < start and not opening_has_figure else []
        )
        places = [
            (abs(m.start() - position), canonical)
            for low, high in windows
            for m in self.lexicon.in_place.finditer(text, low, high)
            if (canonical := self.gazetteer.lookup(m.group("place")))
        ]
        return (min(places)[1], False) if places else (None, False)


def open_qualifiers(
    context: DocumentContext, sentence: Sentence, start: int, end: int, kind: str
) -> Qualifiers:
    """The qualifiers of a value at [start, end) of a sentence, read without a rule."""
    lexicon, text = context.lexicon, sentence.text
    value = text[start:end]
    hedge = lexicon.hedge(value)
    clause_start, _ = _clause_bounds(text, start)
    window = text[max(clause_start, start - 80) : end]
    tense, markers = "current", []
    if (found := lexicon.future.search(window)) is not None:
        tense, markers = "future", [found.group(0).lower()]
    elif (found := lexicon.past.search(window)) is not None:
        tense, markers = "past", [found.group(0).lower()]
    scope, whole = (None, False)
    if kind in ("count", "money", "percent"):
        scope, whole = context._scope(text, start)
    if kind in ("count", "measure", "money") and scope is None:
        scope = part_scope(text, start, end)
    when = None
    if kind not in ("date", "weekday", "age"):
        when = _nearest_time(text, start, end)
    return Qualifiers(
        hedge=hedge[0].lower() if hedge else None,
        tense=tense,
        markers=tuple(markers),
        change=bool(lexicon.change.search(_clause_before(text, start)[-60:] + " " + value)),
        revision=bool(lexicon.revision.search(text)),
        attribution=_attribution(lexicon, text),
        disputed=lexicon.disputed(text, start, end),
        generic=lexicon.is_generic(text),
        scope=scope,
        whole=whole,
        when=when,
    )


def _clause_bounds(text: str, position: int) -> tuple[int, int]:
    """The comma-, colon- or semicolon-delimited clause around `position` ('2,000' is one number)."""
    breaks = [m.start() for m in _CLAUSE_SEPARATOR.finditer(text)]
    start = max((b + 1 for b in breaks if b < position), default=0)
    end = min((b for b in breaks if b >= position), default=len(text))
    return start, end


_TEMPLATE_FIELD = regex.compile(r"\{(\w+)\}")


def _words_of(text: str) -> str:
    return regex.sub(r"\s+", " ", text.lower()).strip()


def _map_word(word: str, mapping: dict[str, str]) -> str | None:
    """The mapping of a word: exactly, else by the longest key it contains."""
    if not word or not mapping:
        return None
    if word in mapping:
        return mapping[word]
    for key, value in sorted(mapping.items(), key=lambda kv: -len(kv[0])):
        if regex.search(rf"\b{regex.escape(key)}\b", word):
            return value
    return None


def _fill_template(template: str, groups: dict[str, str], mapping: dict[str, str]) -> str | None:
    """'{noun} {state}' filled from the match's groups, each mapped when the map knows it."""

    def field(match: regex.Match) -> str:
        name = match.group(1)
        if name == "object":
            return match.group(0)
        word = _words_of(groups.get(name, ""))
        return _map_word(word, mapping) or word

    filled = _TEMPLATE_FIELD.sub(field, template)
    return regex.sub(r"\s+", " ", filled).strip() or None


def groups_of(hit: Hit) -> dict[str, str]:
    """The named groups a match filled."""
    return {k: v for k, v in hit.match.groupdict().items() if v}


def _clause_before(text: str, position: int, limit: int = 80) -> str:
    window = text[max(0, position - limit) : position]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _nearest_time(text: str, start: int, end: int, limit: int = 80) -> str | None:
    """The time expression that dates a value: in its clause, or opening the sentence."""
    best: tuple[int, str] | None = None
    for match in find_time_expressions(text):
        lead = text[max(0, match.start() - 25) : match.start()]
        if _CONTRAST_BEFORE_TIME.search(lead) or _SUBORDINATE_TIME.search(lead):
            continue
        between = text[min(match.end(), end) : max(match.start(), start)]
        opens_sentence = match.start() <= 12 and "," in text[match.end() : match.end() + 3]
        if "," in between and not opens_sentence:
            continue
        distance = start - match.end() if match.end() <= start else max(0, match.start() - end)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, match.group(0))
    return best[1] if best else None


def _attribution(lexicon: Lexicon, text: str) -> str | None:
    match = lexicon.attribution.search(text)
    if not match:
        return None
    return (
        ("according to " + match.group("who").strip())
        if match.group("who")
        else match.group("marker").lower()
    )


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


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple] = set()
    unique: list[Claim] = []
    for claim in sorted(
        claims, key=lambda c: (c.evidence.start, -(c.evidence.end - c.evidence.start))
    ):
        key = (
            claim.kind,
            claim.subject,
            claim.attribute,
            claim.value.lower(),
            claim.object,
            claim.evidence.sentence_start,
        )
        if key not in seen:
            seen.add(key)
            unique.append(claim)
    return unique
