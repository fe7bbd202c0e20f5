"""Taken items: the value a clause of taking gives an item is the item's.

'Days later a $2.5 million necklace was lifted' and 'a second theft saw a diamond necklace
worth £1.2m stolen' both give what the necklace was worth: the amount is about the necklace,
not about the name the article gives most, so that two outlets' values of one stolen item
meet. The item is the noun a value is written before ('a $2.5 million necklace') or the noun
before a worth word ('a necklace worth £1.2m', `open.worth_words`); the clause is one of
taking when the value's predicate is a taking verb (checker.victims), and the item and the
verb stand in one clause.
"""

from __future__ import annotations

import functools

import regex

from checker.frames import FrameLexicon
from checker.rulebook import Rulebook, alternation
from checker.value_mentions import ValueMention
from checker.victims import is_taking
from checker.words import lemma, tokens

_NOUN = regex.compile(r"^\p{Ll}[\p{Ll}-]*\p{Ll}$")
_CLAUSE_BREAK = regex.compile(r"[;:()\u2014]|,(?!\d)|\b(?:and|but|while|after|before|when)\b")
_NEVER = regex.compile(r"(?!x)x")
_A_BEFORE = regex.compile(r"\b(?i:an?)\s+(?:[\p{L}-]+\s+){0,2}$")  # 'a (diamond) necklace'
REACH = 4  # words between a taken item's phrase and its verb ('worth £1.7m have been stolen')


@functools.lru_cache(maxsize=8)
def _worth_before(rulebook: Rulebook) -> regex.Pattern:
    """'a diamond necklace worth ': the noun before a worth word that ends the text."""
    words = rulebook.open.worth_words
    if not words:
        return _NEVER
    return regex.compile(rf"(?P<noun>\S+)\s+(?i:{alternation(words)})\s+$")


def taken_item(
    text: str,
    mention: ValueMention,
    verb: tuple[int, int] | None,
    rulebook: Rulebook,
    lexicon: FrameLexicon,
) -> str | None:
    """The item (a noun's lemma) a money value in a clause of taking is the worth of.

    `verb` is the span of the value's predicate when it is a verb of taking; else ('a
    necklace worth £1.2m was stolen' is keyed by 'worth') the verb is looked for beside the
    item's phrase.
    """
    if mention.kind != "money":
        return None
    attributive = _attributive(text, mention)
    if attributive is not None and lexicon.is_verb_like(attributive[0]):
        attributive = None  # '£1.2m stolen': the word after the value is its verb
    for found in (attributive, _worth(text, mention, rulebook)):
        if found is None or not _is_one_item(text, found, lexicon):
            continue
        word, start, end = found
        taking = [verb] if verb is not None else _taking_verbs_beside(text, start, end, rulebook)
        if any(_one_clause(text, start, end, span) for span in taking):
            return word
    return None


def _is_one_item(text: str, found: tuple[str, int, int], lexicon: FrameLexicon) -> bool:
    """'a necklace': one thing, a singular noun after 'a'; not the haul ('diamonds', 'jewellery').

    Plural or uncounted loot is what the event's haul is made of: its value is the event's.
    """
    word, start, _ = found
    plural = word.endswith("s") and lemma(word) != word
    if not _NOUN.match(word) or word in lexicon.ignored or plural:
        return False
    return bool(_A_BEFORE.search(text, 0, start))


def _one_clause(text: str, start: int, end: int, verb: tuple[int, int]) -> bool:
    """Whether a verb stands beside the phrase [start, end), in its clause."""
    gap = (verb[1], start) if verb[1] <= start else (end, verb[0])
    # a verb inside the phrase ('worth £1.2m stolen' has it after the value) is no verb of it
    return gap[0] <= gap[1] and not _CLAUSE_BREAK.search(text, *gap)


def _taking_verbs_beside(
    text: str, start: int, end: int, rulebook: Rulebook
) -> list[tuple[int, int]]:
    """The spans of the taking verbs up to REACH words before or after a phrase."""
    before = [w for w in tokens(text) if w.end <= start][-REACH:]
    after = [w for w in tokens(text) if w.start >= end][:REACH]
    return [(w.start, w.end) for w in (*before, *after) if is_taking(w.text, rulebook)]


def _attributive(text: str, mention: ValueMention) -> tuple[str, int, int] | None:
    """'a $2.5 million necklace': the one word the value is written before, and the phrase."""
    if mention.noun_end is None:
        return None
    word = text[mention.end : mention.noun_end]
    if not word.startswith(" ") or len(word.split()) != 1:
        return None
    return word.strip(), mention.start, mention.noun_end


def _worth(text: str, mention: ValueMention, rulebook: Rulebook) -> tuple[str, int, int] | None:
    """'a necklace worth £1.2m', 'jewels valued at $3 million': the noun before the worth word."""
    found = _worth_before(rulebook).search(text, 0, mention.start)
    if found is None:
        return None
    return found.group("noun"), found.start("noun"), mention.end


def item_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of a taken item's value at text[start:end]: its names are its parties.

    'thieves stole jewels from Chopard and a second theft saw a necklace worth £1.2m
    stolen': Chopard is the first theft's, not the necklace's.
    """
    low, high = 0, len(text)
    for found in _CLAUSE_BREAK.finditer(text):
        if found.end() <= start:
            low = found.end()
        elif found.start() >= end:
            high = found.start()
            break
    return low, high
