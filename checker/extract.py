"""Extract: the sentences of one document become claims, by the rules of the rule packs.

This stage is a pure function of (document, rulebook), so documents can be processed in
parallel or cached by content. Pronouns ("he", "its") and descriptors ("the company") are
resolved here, inside the document; names are matched across documents later (normalise).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from checker.claims import Claim, Evidence, Qualifiers
from checker.documents import Diagnostic, Document, Sentence, split_sentences
from checker.game_time import game_time_claims
from checker.mentions import Mentions
from checker.open_claims import open_claims
from checker.patterns import compiled, word_pattern
from checker.prefilter import MacroAnalyser, Starts, rule_filter_for
from checker.qualifiers import qualifiers_for
from checker.rulebook import REGEX_TIMEOUT_SECONDS, CompiledRule, Rulebook
from checker.scan import StartIndex
from checker.values import offices

PERSON_KINDS = frozenset({"title", "age"})


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
    mentions = Mentions(document, sentences, hits, rulebook)
    claims = PackClaims(mentions, rulebook).claims(hits)
    # Further extractors add their claims here: they share `mentions` for who is who and
    # checker.qualifiers for hedge, tense, change... Open claims leave the packs' spans alone.
    if rulebook.open_claims:
        claims += game_time_claims(mentions, sentences, rulebook)  # a game clock: no time of day
        taken = [(c.evidence.start, c.evidence.end) for c in claims]
        claims += open_claims(mentions, sentences, taken, rulebook)
    diagnostics = [_timeout(document, rule, s) for rule, s in timed_out.items()]
    return _dedupe(claims), diagnostics


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
    index, numbers = _rule_starts(rulebook)
    starts = index.scan(sentence.text)  # some patterns are tried only where a match can begin
    for rule, patterns in rule_filter_for(rulebook).candidates(sentence.text):
        if rule.id in timed_out:
            continue
        found: list[Hit] = []
        try:
            if rule.trigger is not None:
                trigger = starts.finditer(numbers[rule.id, None], REGEX_TIMEOUT_SECONDS)
                if next(trigger, None) is None:
                    continue
            for name, _ in patterns:
                for match in starts.finditer(numbers[rule.id, name], REGEX_TIMEOUT_SECONDS):
                    found.append(Hit(sentence, rule, name, match))
        except TimeoutError:
            timed_out[rule.id] = sentence
            continue
        hits.extend(found)
    return hits


@functools.lru_cache(maxsize=8)
def _rule_starts(rulebook: Rulebook) -> tuple[StartIndex, dict[tuple[str, str | None], int]]:
    """The rules' triggers (name None) and patterns in one StartIndex, by (rule id, name).

    Only patterns whose matches begin at literals, none a single letter, are tried at their
    starts: where a match may begin at any capital or at 'a', trying each is slower than the
    regex's own scan (and finds the same).
    """
    analyser = MacroAnalyser(rulebook.definitions, rulebook.word_lists)
    keys: list[tuple[str, str | None]] = []
    patterns: list[regex.Pattern] = []
    starts: list[Starts | None] = []
    for rule in rulebook.rules:
        sources = [
            (source.regex, name, pattern)
            for source, (name, pattern) in zip(rule.rule.patterns, rule.compiled, strict=True)
        ]
        if rule.trigger is not None:  # its source as RuleFilter analyses it
            sources.insert(0, (f"(?i:{rule.rule.trigger or ''})", None, rule.trigger))
        for source, name, pattern in sources:
            keys.append((rule.id, name))
            patterns.append(pattern)
            starts.append(_selective(analyser.starts(source, pattern.pattern)))
    return StartIndex(patterns, starts), {key: i for i, key in enumerate(keys)}


def _selective(starts: Starts | None) -> Starts | None:
    if starts is None or starts.classes or not starts.literals:
        return None
    return None if any(len(s) == 1 and s.isalpha() for s in starts.literals) else starts


def _timeout(document: Document, rule: str, sentence: Sentence) -> Diagnostic:
    return Diagnostic(
        code="extract.timeout",
        document=document.id,
        message=f"rule {rule} took over {REGEX_TIMEOUT_SECONDS:g} s on sentence "
        f"{sentence.index + 1} (offset {sentence.start}) and was stopped: its claims in this "
        "document are missing; simplify its regex",
        line=document.text.count("\n", 0, sentence.start) + 1,
    )


class PackClaims:
    """The claims of the rule packs' matches: each Hit becomes a Claim, or nothing.

    Who a match is about comes from `Mentions`; how its value is qualified (hedge, tense,
    change...) from checker.qualifiers.
    """

    def __init__(self, mentions: Mentions, rulebook: Rulebook):
        self.mentions = mentions
        self.document = mentions.document
        self.lexicon = mentions.lexicon
        self.rulebook = rulebook
        self._org_via_focus: set[tuple[int, int, str]] = set()  # evidence of such title claims
        self._title_split = rulebook.compile("(?:{TITLE_MODIFIER})?\\s*(?:{TITLES})\\s*$")
        # 'Alphabet Inc. CEO', 'Alphabet (GOOGL) CEO': an organisation written right before a
        # title that the pattern did not take in
        self._org_before_title = rulebook.compile(
            r"(?P<org>{ORG})(?P<stop>\.)?{POSS}?(?:\s*\([^()]{1,20}\))?\s+$"
        )

    def claims(self, hits: list[Hit]) -> list[Claim]:
        """The claims of `hits`, in the order of the hits."""
        claims = [claim for hit in hits if (claim := self.claim_or_retry(hit)) is not None]
        return self._written_orgs_win(claims)

    def _written_orgs_win(self, claims: list[Claim]) -> list[Claim]:
        """Titles whose organisation is only the focus guess take the one written elsewhere.

        'Sundar Pichai, the company's chief executive' in an article about Google Cloud takes
        the organisation the document writes before the same office of the same person
        ('Alphabet CEO Sundar Pichai'), not the article's focus organisation.
        """
        if not self._org_via_focus:
            return claims
        written: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
        for claim in claims:
            if claim.kind == "title" and claim.org and _key(claim) not in self._org_via_focus:
                current = self._current_offices(claim.value)
                written.setdefault(claim.subject, []).append(
                    (claim.evidence.start, claim.org, current)
                )
        result = []
        for claim in claims:
            if _key(claim) in self._org_via_focus and claim.subject in written:
                mine = self._current_offices(claim.value)
                orgs = [
                    (abs(start - claim.evidence.start), org)
                    for start, org, current in written[claim.subject]
                    if current & mine and org != claim.org
                ]
                if orgs:
                    claim = claim.model_copy(update={"org": min(orgs)[1]})
            result.append(claim)
        return result

    def _current_offices(self, title: str) -> frozenset[str]:
        units = offices(title, self.rulebook.offices, self.lexicon)
        return frozenset(u.office.id for u in units if u.tense in (None, "current"))

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
        mentions = self.mentions
        groups = {k: v for k, v in match.groupdict().items() if v}
        value = groups.get("value", "").strip()
        if not value:
            return None
        if mentions.in_title_case(sentence) and not all(
            mentions.named_here(groups[slot], sentence)
            for slot in ("subject", "org", "object")
            if slot in groups
        ):
            return None  # a headline's capitalised words that name nothing in the article
        start = sentence.start + match.start()
        org, org_via_focus = None, False
        if rule.kind == "title":
            value, org_text = self._split_title(value)
            if org_text and not mentions.named_here(org_text, sentence):
                return None
            org_text = org_text or groups.get("org") or self._org_written_before(hit)
            if org_text:
                org = mentions.resolve(org_text, start, sentence, "org")
                org_via_focus = self._via_focus(org_text, org, sentence, start)
        if rule.kind == "title" and self._is_predecessor(hit):
            return None  # "succeeding Jane Roe as chief executive": Roe held the post before
        subject, mention, via_focus = self._subject(hit, groups, start)
        if not subject or (rule.subject_type == "person" and not mentions.is_person(subject)):
            return None
        obj = (
            mentions.resolve(groups["object"], start, sentence, "org")
            if groups.get("object")
            else None
        )
        needs_object = rule.object_from == "focus_org" or "{object}" in (rule.attribute or "")
        if obj is None and needs_object and mentions.focus_org and mentions.focus_org != subject:
            obj = mentions.focus_org
        object_via_focus = (
            obj is not None
            and obj == mentions.focus_org
            and (not groups.get("object") or mentions.clean(groups["object"]) != obj)
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
        claim = Claim(
            kind=rule.kind,
            subject=subject,
            subject_type=rule.subject_type,
            subject_mention=mention,
            alternatives=mentions.focus_alternatives if via_focus else (),
            attribute=attribute,
            value=value,
            object=obj if obj != subject else None,
            object_alternatives=mentions.focus_alternatives if object_via_focus else (),
            org=org if org != subject else None,
            qualifiers=self._qualifiers(hit, groups, value),
            evidence=evidence,
        )
        if org_via_focus and claim.org:
            self._org_via_focus.add(_key(claim))
        return claim

    def _subject(
        self, hit: Hit, groups: dict[str, str], start: int
    ) -> tuple[str | None, str | None, bool]:
        """The claim's subject, the words that named it, and whether it is the document's focus guess."""
        rule, sentence, mentions = hit.rule.rule, hit.sentence, self.mentions
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
            return mentions.event_apart(mentions.event_named(raw), hit.sentence), raw, False
        resolved = mentions.resolve(raw, offset, sentence, rule.subject_type)
        via_focus = self._via_focus(raw, resolved, sentence, offset)
        return (
            resolved,
            (raw if resolved and mentions.clean(raw) != resolved else None),
            via_focus,
        )

    def _via_focus(self, text: str, resolved: str | None, sentence: Sentence, offset: int) -> bool:
        """Whether words resolved to the focus organisation only by guess.

        ('the company', or an 'its' with no organisation before it in the sentence.)
        """
        mentions = self.mentions
        lowered = text.strip().lower()
        return (
            resolved is not None
            and resolved == mentions.focus_org
            and (
                self.lexicon.is_descriptor(lowered)
                or (
                    lowered in self.lexicon.org_pronouns
                    and mentions.org_in_sentence_before(sentence, offset) is None
                )
            )
        )

    def _implicit_subject(self, hit: Hit, source: str) -> str | None:
        """A subject the pattern does not capture, from the rule's `subject_from`."""
        sentence = hit.sentence
        if source == "focus_org":
            return self.mentions.focus_org
        if source == "focus_event":
            return self.mentions.event_apart(self.mentions.event_in(sentence), sentence)
        if source == "focus_person":
            return self._person_in_sentence(hit) or self.mentions.focus_person
        if source == "attribute":
            return self._attribute(hit, groups_of(hit))
        if source in ("previous_person", "previous_known_person"):
            known = source == "previous_known_person"
            return self.mentions.person_before(sentence.start + hit.match.start(), known)
        return None

    def _person_in_sentence(self, hit: Hit) -> str | None:
        """The person the sentence names last before the match ('Lowe is seeking a ... deal')."""
        sentence = hit.sentence
        end = sentence.start + hit.match.start("value")
        named = [(o, n) for o, n in self.mentions.person_mentions if sentence.start <= o < end]
        return max(named)[1] if named else None

    def _org_written_before(self, hit: Hit) -> str | None:
        """The organisation written just before a title ('Alphabet Inc. CEO Sundar Pichai')."""
        start = hit.match.start("value")
        before = hit.sentence.text[max(0, start - 80) : start]
        found = self._org_before_title.search(before)
        if found is None:
            return None
        org = found.group("org")
        if found.group("stop") and org.split()[-1] not in self.lexicon.org_suffixes:
            return None  # a full stop that ends a sentence, not 'Inc.'
        return org

    def _is_predecessor(self, hit: Hit) -> bool:
        """Whether the subject is named as the one replaced ('succeeding X', 'replaces X')."""
        if "subject" not in hit.match.re.groupindex or hit.match.start("subject") < 0:
            return False
        start = hit.match.start("subject")
        return bool(self.lexicon.predecessor.search(hit.sentence.text[max(0, start - 40) : start]))

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
        if org and not any(w[:1].isupper() for w in org_words):
            org = None  # 'became chief executive': lower-case words name no organisation
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
        rule, match = hit.rule.rule, hit.match
        return qualifiers_for(
            self.mentions,
            hit.sentence,
            match.start("value"),
            match.end("value"),
            rule.kind,
            match.group(0),
            tense=rule.tense,
            change=rule.change,
            population=groups.get("population"),
            value=value,
        )


_TEMPLATE_FIELD = regex.compile(r"\{(\w+)\}")


def _words_of(text: str) -> str:
    return compiled(r"\s+").sub(" ", text.lower()).strip()


def _map_word(word: str, mapping: dict[str, str]) -> str | None:
    """The mapping of a word: exactly, else by the longest key it contains."""
    if not word or not mapping:
        return None
    if word in mapping:
        return mapping[word]
    for key, value in sorted(mapping.items(), key=lambda kv: -len(kv[0])):
        if word_pattern(key).search(word):
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
    return compiled(r"\s+").sub(" ", filled).strip() or None


def groups_of(hit: Hit) -> dict[str, str]:
    """The named groups a match filled."""
    return {k: v for k, v in hit.match.groupdict().items() if v}


def _key(claim: Claim) -> tuple[int, int, str]:
    return (claim.evidence.start, claim.evidence.end, claim.evidence.rule)


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
