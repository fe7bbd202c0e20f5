"""Frames: the words that tie a value to what it is about become the key it is compared by.

The predicate that governs a value ("killing at least 10", "10 people died") is looked up by
its lemma in the frame lexicon of the open rules (kill / die / dead / death toll: `killed`);
a predicate the lexicon does not know gives its own lemma, so unseen kinds of fact still
align when outlets use the same words.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from checker.rulebook import Frame, Rulebook
from checker.words import Token, lemma

_CLAUSE_MARKS = frozenset(",;:()\u2014")
_SENTENCE_REACH = 12  # tokens: how far outside its clause a value looks for its predicate
_DATE_REACH = 8  # tokens between a date or time and its predicate
_DATED_KINDS = frozenset({"date", "weekday", "time", "year"})


@dataclass(frozen=True)
class Predicate:
    """What governs a value: a frame of the lexicon, else a lemma, and where it was read."""

    key: str
    frame: Frame | None
    start: int
    end: int


def word_lemma(word: str) -> str:
    """The lemma of a word; of the verb after a dash typed as a hyphen ('women-snatched').

    Only a past form in '-ed' after the hyphen counts, so a compound whose last part is a
    bare word ('low-cost', 'cost-cutting') keeps the lemma of the whole word.
    """
    head, _, tail = word.rpartition("-")
    if head and tail.isalpha() and tail.islower() and len(tail) > 4 and tail.endswith("ed"):
        base = lemma(tail)
        if base != tail:
            return base
    return lemma(word)


class FrameLexicon:
    """Lemmas and lemma phrases of the frames, and the words that never make a key."""

    def __init__(self, rulebook: Rulebook) -> None:
        rules = rulebook.open
        self.by_phrase: dict[tuple[str, ...], list[Frame]] = {}
        for frame in rules.frames:
            taking = rules.taking_verbs if frame.taking else ()
            for words in dict.fromkeys((*frame.words, *taking)):
                self.by_phrase.setdefault(tuple(lemma(w) for w in words.split()), []).append(frame)
        self.longest = max((len(p) for p in self.by_phrase), default=1)
        self.first_lemmas = frozenset(p[0] for p in self.by_phrase if p)
        self.ignored = {w.lower() for w in rules.ignored_words}
        self.frames = {f.name: f for f in rules.frames}
        self.clause_openers = frozenset(w.lower() for w in rules.clause_openers)
        self.gerund_openers = frozenset(w.lower() for w in rules.gerund_openers)
        self.determiners = frozenset(w.lower() for w in rules.date_determiners)

    def predicate(
        self,
        words: list[Token],
        start: int,
        end: int,
        kind: str,
        dimension: str | None = None,
        others: tuple[tuple[int, int], ...] = (),
        noun: str | None = None,
    ) -> Predicate | None:
        """The predicate nearest to a value of `kind` at [start, end): in its clause, then nearby.

        Only frames that key this kind of value count ('struck' dates an event, it does not
        count anything); a frame limited to some `dimensions` keys only measures of those,
        one limited to some `nouns` only counts of those.
        A word nearer another value of the sentence (`others`, character spans) is that
        value's: 'shot three co-workers, killing two' does not say the three were killed.
        """
        index = _indexes(words, start, end)
        if not index:
            return None
        first, last = index[0], index[-1]
        rivals = tuple(found for s, e in others if (found := _indexes(words, s, e)))
        low, high = _clause(words, first, last)
        if kind == "date" and (named := self._noun_dated(words, first, last)):
            return named
        if kind in _DATED_KINDS:
            # A date or a time belongs to the predicate beside it, in its own clause, or in
            # the next one when it opens the sentence ('In 1969, he was indicted').
            if low == 0 and high + 1 < len(words) and words[high].text == ",":
                high = _clause(words, high + 1, high + 1)[1]
            clause_low, clause_high = low, high
            low, high = max(low, first - _DATE_REACH), min(high, last + _DATE_REACH + 1)
            near = self._nearest(
                words, first, last, low, high, kind, dimension, rivals, noun, across=False
            )
            if near is not None and (
                not _is_participle(near, words) or self._is_gerund(near, words)
            ):
                return near
            # 'foiled an attack on vessels transiting the Gulf on Friday capturing 26': a date
            # adjunct belongs to the main verb of its clause, not to a participle beside it
            main = self._main_verb(words, first, last, clause_low, clause_high, kind, rivals)
            return main or near
        reach_low = max(0, first - _SENTENCE_REACH)
        reach_high = min(len(words), last + _SENTENCE_REACH + 1)
        return self._nearest(words, first, last, low, high, kind, dimension, rivals, noun) or (
            self._nearest(
                words, first, last, reach_low, reach_high, kind, dimension, rivals, noun, True
            )
        )

    def clause_frame(self, words: list[Token], start: int, end: int, kind: str) -> Predicate | None:
        """The nearest frame before a value in its clause, however far away.

        'shot a man in the back while doing yard work four days earlier': what an offset
        closing a clause dates.
        """
        index = _indexes(words, start, end)
        if not index:
            return None
        low = _clause(words, index[0], index[-1])[0]
        for i in range(index[0] - 1, low - 1, -1):
            if words[i].text[0].isalpha() and (found := self.frame_at(words, i, kind)):
                frame, size = found
                return Predicate(frame.name, frame, words[i].start, words[i + size - 1].end)
        return None

    def frame_at(
        self,
        words: list[Token],
        i: int,
        kind: str,
        dimension: str | None = None,
        noun: str | None = None,
    ) -> tuple[Frame, int] | None:
        """The frame (for values of `kind`) whose phrase starts at word i, and its length."""
        if i >= len(words) or word_lemma(words[i].text) not in self.first_lemmas:
            return None  # no phrase of the lexicon starts with this word
        for size in range(min(self.longest, len(words) - i), 0, -1):
            phrase = (word_lemma(words[i].text), *(lemma(w.text) for w in words[i + 1 : i + size]))
            for frame in self.by_phrase.get(phrase, ()):
                if (not frame.kinds or kind in frame.kinds) and _fits(frame, kind, dimension, noun):
                    return frame, size
        return None

    def _nearest(
        self,
        words: list[Token],
        first: int,
        last: int,
        low: int,
        high: int,
        kind: str,
        dimension: str | None,
        rivals: tuple[list[int], ...] = (),
        noun: str | None = None,
        frames_only: bool = False,
        across: bool = True,
    ) -> Predicate | None:
        """The nearest frame or verb; past a clause opener only when `across`.

        'sentenced on Friday after being convicted last month': Friday is the sentence's.
        """
        for i in _by_distance(first, last, low, high):
            word = words[i]
            if not word.text[0].isalpha() or _nearer_a_rival(i, first, last, rivals):
                continue
            if not across and self._opens_between(words, i, first, last):
                continue
            found = self.frame_at(words, i, kind, dimension, noun)
            if found is not None:
                frame, size = found
                return Predicate(frame.name, frame, word.start, words[i + size - 1].end)
            if not frames_only and self.is_verb_like(word.text):
                return Predicate(lemma(word.text), None, word.start, word.end)
        return None

    def _main_verb(
        self,
        words: list[Token],
        first: int,
        last: int,
        low: int,
        high: int,
        kind: str,
        rivals: tuple[list[int], ...],
    ) -> Predicate | None:
        """The nearest frame of the clause [low, high) that is no participle ('-ing')."""
        for i in _by_distance(first, last, low, high):
            word = words[i]
            if not word.text[0].isalpha() or _nearer_a_rival(i, first, last, rivals):
                continue
            if word.text.lower().endswith("ing") or self._opens_between(words, i, first, last):
                continue
            found = self.frame_at(words, i, kind)
            if found is not None:
                frame, size = found
                return Predicate(frame.name, frame, word.start, words[i + size - 1].end)
        return None

    def _noun_dated(self, words: list[Token], first: int, last: int) -> Predicate | None:
        """'The Nov. 30 escape by Comeaux': a date between a determiner and a noun is the noun's."""
        if first == 0 or last + 1 >= len(words):
            return None
        if words[first - 1].text.lower() not in self.determiners:
            return None
        noun = words[last + 1]
        text = noun.text
        if not text.isalpha() or not text.islower() or text in self.ignored:
            return None
        if self.is_verb_like(text) or text.endswith("s"):
            return None  # 'the June 20 shooting' is an event noun (a subject); a plural is no event
        return Predicate(lemma(text), None, noun.start, noun.end)

    def _is_gerund(self, predicate: Predicate, words: list[Token]) -> bool:
        """'convicted of murdering a deputy': an '-ing' word after 'of' names an event."""
        index = next((i for i, w in enumerate(words) if w.start == predicate.start), 0)
        return index > 0 and words[index - 1].text.lower() in self.gerund_openers

    def _opens_between(self, words: list[Token], i: int, first: int, last: int) -> bool:
        """Whether a clause opens between word i and the value ('died while climbing ...')."""
        between = range(i + 1, first) if i < first else range(last + 1, i)
        return any(words[j].text.lower() in self.clause_openers for j in between)

    def is_verb_like(self, word: str) -> bool:
        """An inflected verb form ('killing', 'rushing') that is not a word never keyed."""
        lowered = word.lower()
        if not word.isalpha() or word[0].isupper() or len(lowered) < 4:
            return False
        base = lemma(lowered)
        # An inflected form ('killing', 'shot') whose lemma differs, but not a plural noun.
        return (
            base not in self.ignored
            and lowered not in self.ignored
            and base != lowered
            and not lowered.endswith("s")
        )


def _is_participle(predicate: Predicate, words: list[Token]) -> bool:
    """Whether a predicate was read from a present participle ('capturing', 'transiting')."""
    text = next((w.text for w in words if w.start == predicate.start), "")
    return text.lower().endswith("ing") and text.isalpha()


def _indexes(words: list[Token], start: int, end: int) -> list[int]:
    return [i for i, w in enumerate(words) if start <= w.start < end]


def _gap(i: int, indexes: list[int]) -> int:
    return indexes[0] - i if i < indexes[0] else i - indexes[-1]


def _nearer_a_rival(i: int, first: int, last: int, rivals: tuple[list[int], ...]) -> bool:
    """Whether word i is nearer another value of the sentence than the one at [first, last]."""
    own = _gap(i, [first, last])
    return any(_gap(i, r) < own for r in rivals if not r[0] <= i <= r[-1])


def _fits(frame: Frame, kind: str, dimension: str | None, noun: str | None) -> bool:
    """Whether a frame limited to some unit dimensions or nouns keys this value.

    'magnitude' keys no km; 'hit' with nouns [time, bullet] keys 'eleven times', not '300 homes'.
    """
    if frame.nouns and (kind != "count" or noun not in frame.nouns):
        return False
    return kind != "measure" or not frame.dimensions or (dimension or "measure") in frame.dimensions


def _clause(words: list[Token], first: int, last: int) -> tuple[int, int]:
    low = first
    while low > 0 and words[low - 1].text not in _CLAUSE_MARKS:
        low -= 1
    high = last + 1
    while high < len(words) and words[high].text not in _CLAUSE_MARKS:
        high += 1
    return low, high


def _by_distance(first: int, last: int, low: int, high: int):
    """Word indexes in [low, high) outside [first, last], nearest first (left before right)."""
    for distance in range(1, max(first - low, high - last) + 1):
        if first - distance >= low:
            yield first - distance
        if last + distance < high:
            yield last + distance


@functools.lru_cache(maxsize=8)
def frame_lexicon_for(rulebook: Rulebook) -> FrameLexicon:
    """The frame lexicon of a rulebook (built once)."""
    return FrameLexicon(rulebook)
