"""Compiled matchers built from the vocabulary of the rule packs (one per rulebook)."""

from __future__ import annotations

import functools

import regex

from checker.rulebook import Hedge, Rulebook, alternation, expand


class Lexicon:
    """Regexes over the vocabulary: hedges, markers, scopes, names, places."""

    def __init__(self, rulebook: Rulebook) -> None:
        vocabulary = rulebook.vocabulary
        self.vocabulary = vocabulary
        self.hedge_at_start = _words(
            alternation(p for h in vocabulary.hedges for p in h.phrases), anchored=True
        )
        self._hedges = {p.lower(): h for h in vocabulary.hedges for p in h.phrases}
        self.future = _words(alternation(vocabulary.future_markers))
        self.past = _words(alternation(vocabulary.past_markers))
        self.change = _words(alternation(vocabulary.change_markers))
        self.revision = _words(alternation(vocabulary.revision_markers))
        self.negation = regex.compile(
            rf"(?<![\w-])(?:{alternation(vocabulary.negation_markers)})\s+(?:\S+\s+)?$", regex.I
        )
        denial, nouns = alternation(vocabulary.denial_verbs), alternation(vocabulary.report_nouns)
        self.denial = regex.compile(
            rf"\b(?:{denial})\s+(?:the\s+|a\s+|any\s+)?(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", regex.I
        )
        self.error_before = _words(alternation(vocabulary.error_adverbs))
        self.error_after = regex.compile(
            rf"^[^.;]{{0,60}}?\b(?:was|were|is|are|had\s+been|has\s+been|proved|turned\s+out\s+to\s+be)\s+"
            rf"(?:\w+\s+)?(?:{alternation(vocabulary.error_adjectives)})\b",
            regex.I,
        )
        self.total_scope = _words(alternation(vocabulary.total_scope_markers))
        place = expand("{PLACE}", rulebook.definitions)
        part = alternation(vocabulary.part_scope_markers)
        self.part_scope = regex.compile(
            rf"(?:\b(?i:in|across|within|throughout|for)\s+(?:the\s+)?)?(?P<place>{place})\s+(?i:{part})\b"
            rf"|\b(?i:only)\s+in\s+(?:the\s+)?(?P<place>{place})"
        )
        self.in_place = regex.compile(
            rf"\b(?i:in|across|within|throughout)\s+(?:the\s+)?(?P<place>{place})"
        )
        self.attribution = regex.compile(
            r"\b(?i:according\s+to)\s+(?P<who>[^,.;]{1,60})"
            rf"|\b(?P<marker>{alternation(vocabulary.attribution_markers)})\b",
            regex.I,
        )
        self.person_pronouns = {p.lower() for p in vocabulary.person_pronouns}
        self.org_pronouns = {p.lower() for p in vocabulary.org_pronouns}
        self.org_descriptors = {d.lower() for d in vocabulary.org_descriptors}
        self.not_names = set(vocabulary.not_names)
        self.org_suffixes = {s.rstrip(".") for s in vocabulary.org_suffixes}
        self.title_words = {n.lower() for o in rulebook.offices for n in o.names if " " not in n}
        self.event_nouns = {
            n.lower(): event for event, nouns in vocabulary.event_nouns.items() for n in nouns
        }
        self.event_noun = _words(alternation(self.event_nouns))
        self.person_scan = regex.compile(expand("{PERSON}", rulebook.definitions))
        self.org_scan = regex.compile(expand("{ORG}", rulebook.definitions))

    def hedge(self, value: str) -> tuple[str, Hedge] | None:
        """The hedge a value starts with ('more than $10 billion' -> more than)."""
        match = self.hedge_at_start.match(value)
        if not match:
            return None
        phrase = regex.sub(r"\s+", " ", match.group(0).lower())
        return match.group(0), self._hedges[phrase]

    def disputed(self, sentence: str, start: int, end: int) -> bool:
        """True when the sentence denies the value or calls it wrong ('not $5bn', 'denied reports that')."""
        before, after = sentence[:start], sentence[end:]
        return bool(
            self.negation.search(before[-25:])
            or self.denial.search(before)
            or self.error_before.search(before[-60:])
            or self.error_after.search(after)
        )

    def is_pronoun(self, text: str) -> bool:
        """He, she, it, its..."""
        lowered = text.lower()
        return lowered in self.person_pronouns or lowered in self.org_pronouns

    def is_descriptor(self, text: str) -> bool:
        """'the company', 'the startup'... (an organisation named by what it is)."""
        return regex.sub(r"\s+", " ", text.lower()).strip() in self.org_descriptors


def _words(pattern: str, anchored: bool = False) -> regex.Pattern:
    if not pattern:
        return regex.compile(r"(?!x)x")
    prefix = "" if anchored else r"(?<![\w-])"
    return regex.compile(rf"{prefix}(?:{pattern})(?![\w])", regex.I)


@functools.lru_cache(maxsize=8)
def lexicon_for(rulebook: Rulebook) -> Lexicon:
    """The Lexicon of a rulebook, built once."""
    return Lexicon(rulebook)
