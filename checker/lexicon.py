"""Compiled matchers built from the vocabulary of the rule packs (one per rulebook)."""

from __future__ import annotations

import regex

from checker.names import clean_mention
from checker.patterns import compiled
from checker.per_rulebook import PerRulebook
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
        self.change = _words(
            alternation(vocabulary.change_markers), alternation(vocabulary.marker_exceptions)
        )
        self.title_change = _words(
            alternation([*vocabulary.change_markers, *vocabulary.title_change_markers]),
            alternation(vocabulary.marker_exceptions),
        )
        self.predecessor = regex.compile(
            rf"(?<![\w-])(?:{alternation(vocabulary.predecessor_markers) or '(?!x)x'})\s+$", regex.I
        )
        # "moved her from Home Secretary to Foreign Secretary": the first post is the one left
        post = r"(?:(?i:the)\s+)?(?:(?i:post|role|job)\s+of\s+)?"
        self.transition_from = regex.compile(rf"\b(?i:from)\s+{post}$")
        self.transition_to_after = rulebook.compile(rf"^\s+(?i:to)\s+{post}(?:{{TITLES}})")
        self.transition_to = rulebook.compile(
            rf"\b(?i:from)\s+{post}(?:{{TITLES}})\s+(?i:to)\s+{post}$"
        )
        self.revision = _words(
            alternation(vocabulary.revision_markers), alternation(vocabulary.marker_exceptions)
        )
        self.negation = regex.compile(
            rf"(?<![\w-])(?:{alternation(vocabulary.negation_markers)})\s+(?:\S+\s+)?$", regex.I
        )
        denial, nouns = alternation(vocabulary.denial_verbs), alternation(vocabulary.report_nouns)
        self.denial = regex.compile(
            rf"\b(?:{denial})\s+(?:the\s+|a\s+|any\s+)?(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", regex.I
        )
        self.generic = _words(alternation(vocabulary.generic_markers))
        comparisons = vocabulary.comparison_markers
        self.comparison = (
            regex.compile(rf"\b(?:{alternation(comparisons)})\s+(?:[\w'’-]+\s+){{0,4}}?$", regex.I)
            if comparisons
            else None
        )
        self.error_before = _words(alternation(vocabulary.error_adverbs))
        self.error_after = regex.compile(
            rf"^[^.;]{{0,60}}?\b(?:was|were|is|are|had\s+been|has\s+been|proved|turned\s+out\s+to\s+be)\s+"
            rf"(?:\w+\s+)?(?:{alternation(vocabulary.error_adjectives)})\b",
            regex.I,
        )
        self.total_scope = _words(alternation(vocabulary.total_scope_markers))
        place = expand("{PLACE}", rulebook.definitions)
        lists = rulebook.word_lists
        part = alternation(vocabulary.part_scope_markers)
        self.part_scope = regex.compile(
            rf"(?:\b(?i:in|across|within|throughout|for)\s+(?:the\s+)?)?(?P<place>{place})\s+(?i:{part})\b"
            rf"|\b(?i:only)\s+in\s+(?:the\s+)?(?P<place>{place})",
            ignore_unused=True,
            **lists,
        )
        groups = alternation(vocabulary.population_nouns)
        self.subgroup = regex.compile(
            rf"\b(?i:among)\s+(?P<group>(?i:{groups})\s+(?:with|aged|who|over|under|from)\b[^,;.]{{0,60}})"
        )
        self.in_place = regex.compile(
            rf"\b(?i:in|across|within|throughout)\s+(?:the\s+)?(?P<place>{place})",
            ignore_unused=True,
            **lists,
        )
        # 'the northern city of Thessaloniki, where another 20,000 people marched'
        self.place_where = regex.compile(
            rf"(?<![\p{{L}}])(?P<place>{place}),?\s+(?i:where)\b", ignore_unused=True, **lists
        )
        self.attribution = regex.compile(
            r"\b(?i:according\s+to)\s+(?P<who>[^,.;]{1,60})"
            rf"|\b(?P<marker>{alternation(vocabulary.attribution_markers)})\b",
            regex.I,
        )
        self.person_pronouns = {p.lower() for p in vocabulary.person_pronouns}
        self.org_pronouns = {p.lower() for p in vocabulary.org_pronouns}
        self.org_descriptors = {d.lower() for d in vocabulary.org_descriptors}
        self.descriptor_heads = {
            d.split()[-1] for d in self.org_descriptors if d.startswith("the ")
        }
        # 'The team made its offer': a sentence about an organisation named before
        the_descriptors = alternation(d for d in self.org_descriptors if d.startswith("the "))
        self.descriptor_opening = regex.compile(
            rf"[\s\"'\u201c\u2018]*(?:{the_descriptors or '(?!x)x'})(?![\w-])", regex.I
        )
        heads = alternation(self.descriptor_heads)
        self.qualified_descriptor = regex.compile(
            rf"the\s+(?:[\w-]+\s+){{1,3}}(?:{heads})", regex.I
        )
        self.not_names = set(vocabulary.not_names)
        self.org_suffixes = {s.rstrip(".") for s in vocabulary.org_suffixes}
        self.title_words = {n.lower() for o in rulebook.offices for n in o.names if " " not in n}
        self.event_nouns = {
            n.lower(): event for event, nouns in vocabulary.event_nouns.items() for n in nouns
        }
        self.event_noun = _words(alternation(self.event_nouns))
        not_names = alternation(vocabulary.not_names)
        self.named_event = rulebook.compile(f"(?!(?:{not_names})\\b)(?:{{NAMED_EVENT}})")
        self.person_scan = rulebook.compile("{PERSON}")
        speech = alternation(vocabulary.speech_verbs) if vocabulary.speech_verbs else None
        # the word right before a verb of speech, or right after 'said': a speaker's name
        self.speaker = (
            regex.compile(
                rf"(?P<name>\p{{Lu}}\p{{L}}+)(?:['\u2019]s?)?,?\s+(?:{speech})\b"
                rf"|\b(?:said|says)\s+(?:\p{{Lu}}\p{{L}}+\s+)?(?P<name>\p{{Lu}}\p{{L}}+)\b(?!\s+\p{{Lu}})"
            )
            if speech
            else None
        )
        self.org_scan = rulebook.compile("{ORG}")

    def hedge(self, value: str) -> tuple[str, Hedge] | None:
        """The hedge a value starts with ('more than $10 billion' -> more than)."""
        match = self.hedge_at_start.match(value)
        if not match:
            return None
        phrase = compiled(r"\s+").sub(" ", match.group(0).lower())
        return match.group(0), self._hedges[phrase]

    def is_generic(self, sentence: str) -> bool:
        """'A magnitude 6 quake can cause severe damage': a general statement, not a report."""
        return bool(compiled(r"\s*(?i:an?)\b").match(sentence) and self.generic.search(sentence))

    def is_reference(self, sentence: str, start: int) -> bool:
        """'surpassing the $90 million deal': a figure brought in to measure another against."""
        before = sentence[max(0, start - 60) : start]
        clause = before[max(before.rfind(","), before.rfind(";")) + 1 :]
        if len(clause.split()) <= 1:  # 'the previous club record, the $90 million': apposition
            clause = before.rstrip(" ,").removesuffix(clause.strip()).rstrip(" ,")
        return bool(self.comparison and self.comparison.search(clause + " "))

    def disputed(self, sentence: str, start: int, end: int) -> bool:
        """True when the sentence denies the value or calls it wrong ('not $5bn', 'denied reports that')."""
        before, after = sentence[:start], sentence[end:]
        return bool(
            self.negation.search(before[-25:])
            or self.denial.search(before)
            or self.error_before.search(before[-60:])
            or self.error_after.search(after)
        )

    def names_in(self, text: str) -> list[str]:
        """Capitalised names in a text ('Corvid-3', 'Sam Altman'), without words that are never names."""
        return [name for name, _ in self.names_at(text)]

    def names_at(self, text: str) -> list[tuple[str, int]]:
        """Capitalised names in a text with their offsets (lines never join two names)."""
        names = []
        offset = 0
        for line in text.splitlines(keepends=True):
            for match in self.org_scan.finditer(line):
                words = match.group(0).split()
                while words and words[0] in self.not_names:
                    words = words[1:]
                while words and words[-1] in self.not_names:
                    words = words[:-1]
                name = clean_mention(" ".join(words), self.vocabulary) if words else ""
                if name and not name[0].isdigit():
                    names.append((name, offset + match.start() + match.group(0).find(words[0])))
            offset += len(line)
        return names

    def event_name(self, text: str) -> str:
        """'the Ridgeline fire' -> 'Ridgeline Fire': one spelling per named event."""
        words = [w for w in text.split() if w.lower() != "the"]
        return " ".join(w[:1].upper() + w[1:] for w in words)

    def event_kind(self, name: str) -> str | None:
        """The kind of a named event: 'Ridgeline Fire' -> 'fire', 'Hurricane Milton' -> 'hurricane'."""
        words = name.lower().split()
        for candidate in (" ".join(words[-2:]), words[-1], words[0]):
            if candidate in self.event_nouns:
                return self.event_nouns[candidate]
        return None

    def is_pronoun(self, text: str) -> bool:
        """He, she, it, its..."""
        lowered = text.lower()
        return lowered in self.person_pronouns or lowered in self.org_pronouns

    def is_descriptor(self, text: str) -> bool:
        """'the company', 'the startup', 'maker'... (an organisation named by what it is)."""
        lowered = compiled(r"\s+").sub(" ", text.lower()).strip()
        return lowered in self.org_descriptors or lowered in self.descriptor_heads


def _words(pattern: str, exceptions: str = "", anchored: bool = False) -> regex.Pattern:
    if not pattern:
        return regex.compile(r"(?!x)x")
    prefix = "" if anchored else r"(?<![\w-])"
    if exceptions:
        prefix += rf"(?!(?:{exceptions})(?![\w]))"
    return regex.compile(rf"{prefix}(?:{pattern})(?![\w])", regex.I)


lexicon_for: PerRulebook[Lexicon] = PerRulebook(Lexicon)
"""The Lexicon of a rulebook, built once (`lexicon_for.remember` takes a cached one)."""
