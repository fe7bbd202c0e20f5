"""Figure bounds: an amount said to lie beyond a figure that someone else stated.

'sources say it is less than the $184 million reported by WCVB': the sentence does not give
$184 million as the offer; it says the offer is below that reported figure. The value is an
upper bound that excludes the figure itself (not even $184 million, rounded), and it
disagrees with an outlet that states the $184 million. 'more than the $160 million offered'
is a lower bound the same way.

A figure bound is written as a strict hedge ('less than', 'more than': lexicon hedges of
bound upper or lower), 'the', the figure, and a participle that names it as stated
(lexicon `stated_participles`: 'reported', 'offered'). Without the participle the figure is
only something measured against ('more than the $21 million Sabathia got'), and stays a
reference.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import regex

from checker.frames import Predicate
from checker.rulebook import Rulebook, alternation
from checker.value_mentions import ValueMention
from checker.values import Value

STRICT_BOUNDS = ("upper", "lower")
_NEVER = regex.compile(r"(?!x)x")


class FigureBounds:
    """The patterns of a rulebook that find figure bounds around a money mention."""

    def __init__(self, rulebook: Rulebook) -> None:
        vocabulary = rulebook.vocabulary
        strict = [p for h in vocabulary.hedges if h.bound in STRICT_BOUNDS for p in h.phrases]
        participles = vocabulary.stated_participles
        if not strict or not participles:
            self.before, self.after, self.written = _NEVER, _NEVER, _NEVER
            return
        hedges = alternation(strict)
        self.before = regex.compile(rf"(?<![\w-])(?:{hedges})\s+the\s+$", regex.I)
        adverbs = alternation(vocabulary.stated_adverbs)
        self.after = regex.compile(
            rf"^\s*(?:(?:{adverbs or '(?!x)x'})\s+)?(?:{alternation(participles)})\b", regex.I
        )
        self.written = regex.compile(rf"^\s*(?:{hedges})\s+the\s+", regex.I)

    def widen(self, text: str, mention: ValueMention) -> ValueMention:
        """The mention with its strict hedge and 'the' when it is a figure bound, else itself."""
        if mention.kind != "money" or not self.after.match(text[mention.end :]):
            return mention
        found = self.before.search(text[max(0, mention.start - 40) : mention.start])
        if found is None:
            return mention
        start = mention.start - (len(found.group(0)))
        return replace(mention, start=start, text=text[start : mention.end])

    def is_bound(self, value: str) -> bool:
        """Whether a claim's value is written as a figure bound ('less than the $184 million')."""
        return bool(self.written.match(value))


@functools.lru_cache(maxsize=8)
def figure_bounds_for(rulebook: Rulebook) -> FigureBounds:
    """The FigureBounds of a rulebook, built once."""
    return FigureBounds(rulebook)


def widened(text: str, mentions: list[ValueMention], rulebook: Rulebook) -> list[ValueMention]:
    """A sentence's mentions, each figure bound widened to its hedge ('less than the $184m')."""
    bounds = figure_bounds_for(rulebook)
    return [bounds.widen(text, mention) for mention in mentions]


def shared_predicates(
    mentions: list[ValueMention], predicates: list[Predicate | None], rulebook: Rulebook
) -> list[Predicate | None]:
    """A figure bound whose own words key nothing bounds the amount written before it.

    'an offer in excess of $160 million, but it is less than the $184 million reported':
    both amounts are of the offer, so the bound takes the offer's predicate.
    """
    bounds = figure_bounds_for(rulebook)
    shared = list(predicates)
    for i, mention in enumerate(mentions):
        if shared[i] is not None or not bounds.is_bound(mention.text):
            continue
        earlier = [predicates[j] for j in range(i) if mentions[j].kind == "money" and predicates[j]]
        if earlier:
            shared[i] = earlier[-1]
    return shared


def beyond_figure(value: Value, text: str, rulebook: Rulebook) -> Value:
    """A figure bound's interval, past the stated figure's rounding.

    'less than the $184 million' excludes 183.5 to 184.5 million, which '$184 million' covers.
    """
    if value.point is None or not figure_bounds_for(rulebook).is_bound(text):
        return value
    if value.bound == "upper":
        return value.model_copy(update={"high": value.point - value.precision})
    if value.bound == "lower":
        return value.model_copy(update={"low": value.point + value.precision})
    return value
