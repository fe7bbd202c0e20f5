"""Parties: the people and organisations a sentence ties a value to, besides its subject.

"The Red Sox made Teixeira a $200 million offer" and "the Nationals made Teixeira a $160
million offer" give Teixeira two offers, not two figures for one: the values belong to
different parties. A party is a name of the sentence that is not the claim's subject, not a
place ('in Golden', 'Mount Sefton', a gazetteer name) and not the source the sentence cites
('Dan Patrick reported', 'according to Newsday'). Two claims whose sentences both name
parties, and no party in common, are about different things; so are two claims about
different named subjects when neither sentence names the other's.
"""

from __future__ import annotations

import functools

import regex

from checker.documents import is_title_case
from checker.lexicon import Lexicon
from checker.places import Gazetteer
from checker.rulebook import alternation
from checker.words import is_common_word

SOURCE_WINDOW = 24  # characters between a name and the attribution verb after it


class PartyFinder:
    """Finds the parties of a sentence, given the words that mark places and sources."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        vocabulary = lexicon.vocabulary
        self.lexicon, self.gazetteer = lexicon, gazetteer
        self.place_nouns = {w.casefold() for w in vocabulary.place_nouns}
        self._locative = regex.compile(
            rf"\b(?:{alternation(vocabulary.locative_words)})\s+(?:the\s+)?$", regex.I
        )
        # 'Lynch reported' cites Lynch; 'the Orioles, according to reports,' is about them.
        after = [*vocabulary.attribution_markers, *vocabulary.source_verbs]
        markers = alternation([m for m in after if not m.casefold().startswith("according")])
        self._cites_after = regex.compile(rf"^[\s,']{{0,{SOURCE_WINDOW}}}(?:{markers})\b", regex.I)
        self._cites_before = regex.compile(r"\baccording\s+to\s+(?:the\s+)?$", regex.I)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one finder per rulebook, sentences repeat
    def in_sentence(self, sentence: str) -> tuple[tuple[str, bool], ...]:
        """The names of a sentence that can be parties, each with whether it opens it.

        A single word that opens the sentence ('Reports of...', 'Phillips had') is a name
        only if the corpus knows it as one.
        """
        found = []
        for name, at in self.lexicon.names_at(sentence):
            if self._is_place(name, sentence[:at], sentence[at + len(name) :]):
                continue
            if not self._is_source(sentence, name, at):
                found.append((name, _opens(sentence, name, at)))
        return tuple(found)

    def _is_place(self, name: str, before: str, after: str) -> bool:
        words = [w.strip(".,").casefold() for w in name.split()]
        following = after.split(maxsplit=1)[:1]
        return (
            len(name.replace(".", "")) <= 2
            or bool(self.place_nouns.intersection(words))
            or bool(following and following[0].strip(".,").casefold() in self.place_nouns)
            or self.gazetteer.lookup(name) is not None
            or bool(self._locative.search(before))
        )

    def _is_source(self, sentence: str, name: str, at: int) -> bool:
        after = sentence[at + len(name) :]
        return bool(self._cites_after.search(after) or self._cites_before.search(sentence[:at]))


def _opens(sentence: str, name: str, at: int) -> bool:
    """Whether a one-word name opens the sentence."""
    return " " not in name and not sentence[:at].strip(" \"'“‘(")


def parties_of(finder: PartyFinder, sentence: str, subject: str, canonical) -> frozenset[str]:
    """The canonical names of a claim's parties: its sentence's names that are not its subject."""
    subject_words = set(subject.casefold().split())
    parties = set()
    headline = is_title_case(sentence)
    for name, opens in finder.in_sentence(sentence):
        resolved = canonical(name)
        if opens and resolved == name:
            continue  # a capitalised first word the corpus does not know as a longer name
        if headline and " " not in name and is_common_word(name):
            continue  # '2 Dead, 1 Wounded in Shooting': a headline capitalises every word
        if subject_words.intersection(resolved.casefold().split()):
            continue
        parties.add(resolved)
    return frozenset(parties)


def different_parties(
    a: frozenset[str], b: frozenset[str], a_subject: str | None = None, b_subject: str | None = None
) -> bool:
    """Whether two claims are about different parties (a short name counts as its long form).

    Either both name parties besides their subjects and none in common (a pass to Wayne, a
    pass to Clark), or both are about a named subject, the two differ and neither sentence
    names the other's (the Red Sox's offer to Teixeira, the Nationals' offer to Teixeira).
    """
    if a and b and not any(_same_party(x, y) for x in a for y in b):
        return True
    if not a_subject or not b_subject or _same_party(a_subject, b_subject):
        return False
    return not any(_same_party(a_subject, y) for y in b) and not any(
        _same_party(b_subject, x) for x in a
    )


def _same_party(a: str, b: str) -> bool:
    if a == b:
        return True
    words_a, words_b = set(a.casefold().split()), set(b.casefold().split())
    return words_a <= words_b or words_b <= words_a
