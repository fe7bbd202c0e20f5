"""Parties: the people and organisations a sentence ties a value to, besides its subject.

"The Red Sox made Teixeira a $200 million offer" and "the Nationals made Teixeira a $160
million offer" give Teixeira two offers, not two figures for one: the values belong to
different parties. A party is a name of the sentence that is not the claim's subject, not a
place ('in Golden', 'Mount Sefton', a gazetteer name) and not the source the sentence cites
('Dan Patrick reported', 'according to Newsday'). Two claims whose sentences both name
parties, and no party in common, are about different things; so are two claims about
different named subjects when neither sentence names the other's.

A name that leads the value's clause (`clause_around`; 'and the Orioles offered...') is the
claim's actor, and the clause's names are then its parties: 'the Nationals bid $160 million,
the Orioles $150 million' gives each figure its own bidder. Two values of two actors, where
neither clause names the other's actor, are two facts.
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
# clause breaks: '; ' and ': ', a comma unless between digits ('$1,500'), parentheses, dashes
_CLAUSE_BREAK = regex.compile(r"[;:]\s|(?<!\d),|,(?!\d)|[()\u2014\u2013]|\s-{1,2}\s|--")
_LEAD_WORD = regex.compile(r"[\p{L}'\u2019-]+")


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
        # 'the Nationals reportedly bid': hearsay about the name, which is not its source
        hearsay = alternation(vocabulary.hearsay_markers) or "(?!x)x"
        self._cites_after = regex.compile(
            rf"^[\s,']{{0,{SOURCE_WINDOW}}}(?!(?:{hearsay})\b)(?:{markers})\b", regex.I
        )
        self.clause_leads = {w.casefold() for w in vocabulary.clause_leads}
        self._cites_before = regex.compile(r"\baccording\s+to\s+(?:the\s+)?$", regex.I)

    def in_sentence(self, sentence: str) -> tuple[tuple[str, bool], ...]:
        """The names of a sentence that can be parties, each with whether it opens it.

        A single word that opens the sentence ('Reports of...', 'Phillips had') is a name
        only if the corpus knows it as one.
        """
        return tuple((name, opens) for name, _, opens in self.located(sentence))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one finder per rulebook, sentences repeat
    def located(self, sentence: str) -> tuple[tuple[str, int, bool], ...]:
        """`in_sentence` with each name's offset: (name, offset, whether it opens the sentence)."""
        found = []
        for name, at in self.lexicon.names_at(sentence):
            if self._is_place(name, sentence[:at], sentence[at + len(name) :]):
                continue
            if not self._is_source(sentence, name, at):
                found.append((name, at, _opens(sentence, name, at)))
        return tuple(found)

    def leads(self, sentence: str, clause_start: int, at: int) -> bool:
        """Whether the name at `at` leads its clause: only `clause_leads` words before it."""
        before = _LEAD_WORD.findall(sentence[clause_start:at])
        return all(word.casefold() in self.clause_leads for word in before)

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


def clause_around(sentence: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The clause of the value at sentence[start:end]: from the break before it to the next.

    Breaks are '; ', ': ', a comma unless between digits, parentheses and dashes; a break
    inside the value ('$140-$150 million') is not one.
    """
    end = start if end is None else end
    low, high = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= start:
            low = match.end()
        elif match.start() >= end:
            high = match.start()
            break
    return low, high


def parties_of(
    finder: PartyFinder,
    sentence: str,
    subject: str,
    canonical,
    at: tuple[int, int] | None = None,
    clause: tuple[int, int] | None = None,
) -> tuple[frozenset[str], str | None]:
    """A claim's parties and actor: the canonical names of its sentence but its subject.

    `at` is the value's span in the sentence. The actor is the name that leads the value's
    clause (`clause_around`), the subject's own included ('and the Orioles offered $140
    million'); a clause with an actor is a fact of its own, and its parties are its names.
    A `clause` given (a taken item's, checker.taken_items) is one too.
    """
    if clause is not None:
        low, high = clause
    else:
        low, high = (0, len(sentence)) if at is None else clause_around(sentence, *at)
    subject_words = set(subject.casefold().split())
    parties, in_clause, actor = set(), set(), None
    for offset, resolved in _names(finder, sentence, canonical):
        inside = low <= offset < high
        if inside and actor is None and finder.leads(sentence, low, offset):
            actor = resolved
        if subject_words.intersection(resolved.casefold().split()):
            continue
        parties.add(resolved)
        if inside:
            in_clause.add(resolved)
    if clause is not None or (at is not None and actor is not None):
        parties = in_clause
    return frozenset(parties), actor


def _names(finder: PartyFinder, sentence: str, canonical):
    """The (offset, canonical name) of each of a sentence's names that can be a party."""
    headline = is_title_case(sentence)
    for name, offset, opens in finder.located(sentence):
        resolved = canonical(name)
        if opens and resolved == name:
            continue  # a capitalised first word the corpus does not know as a longer name
        if headline and " " not in name and is_common_word(name):
            continue  # '2 Dead, 1 Wounded in Shooting': a headline capitalises every word
        yield offset, resolved


def acting(actor: str | None, subject: str) -> str | None:
    """A claim's actor as a party: none when it is the subject the claim is now grouped under."""
    return None if actor is None or actor_is_subject(actor, subject) else actor


def different_parties(
    a: frozenset[str],
    b: frozenset[str],
    a_subject: str | None = None,
    b_subject: str | None = None,
    a_actor: str | None = None,
    b_actor: str | None = None,
) -> bool:
    """Whether two claims are about different parties (a short name counts as its long form).

    Either both name parties besides their subjects and none in common (a pass to Wayne, a
    pass to Clark), or both have actors, the two differ and neither clause names the other's
    (the Nationals bid $160 million; the Orioles offered $150 million), or both are about a
    named subject, the two differ and neither sentence names the other's (the Red Sox's
    offer to Teixeira, the Nationals' offer to Teixeira).
    """
    if a and b and not any(_same_party(x, y) for x in a for y in b):
        return True
    if _apart(a, b, a_actor, b_actor):
        return True
    return _apart(a, b, a_subject, b_subject)


def _apart(a: frozenset[str], b: frozenset[str], x: str | None, y: str | None) -> bool:
    """Two names that differ, where neither claim's parties name the other claim's name."""
    if not x or not y or _same_party(x, y):
        return False
    return not any(_same_party(x, other) for other in b) and not any(
        _same_party(y, other) for other in a
    )


def actor_is_subject(actor: str, subject: str) -> bool:
    """Whether an actor is the claim's subject itself (then it tells no two facts apart)."""
    return bool(set(subject.casefold().split()).intersection(actor.casefold().split()))


def _same_party(a: str, b: str) -> bool:
    if a == b:
        return True
    words_a, words_b = set(a.casefold().split()), set(b.casefold().split())
    return words_a <= words_b or words_b <= words_a
