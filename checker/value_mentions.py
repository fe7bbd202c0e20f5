"""Values: every value a sentence states, found by the value shapes of the open rules.

Money, a percentage, a measure, an age, a time of day, a date, a weekday, a score, a count.

Each mention carries what the text says about it: the noun it counts ("174 passengers") or
the noun it modifies ("the 6.1-magnitude quake"). Numbers that are names or labels (an
"A320", "Flight 1282", "the 2004 quake", an id inside a url) are not values.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
from dataclasses import dataclass

import regex

from checker.documents import is_title_case
from checker.patterns import compiled
from checker.prefilter import LiteralIndex, MacroAnalyser, fold
from checker.rulebook import Rulebook, ValueKind
from checker.scan import StartIndex, SubstringIndex
from checker.words import Token, lemma, tokens

_VALUE_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "sixty seventy eighty ninety hundred dozen dozens hundreds thousands half quarter monday tuesday "
    "wednesday thursday friday saturday sunday"
).split()
_MAY_HOLD_VALUE = regex.compile(r"\d|(?i:\b(?:" + "|".join(_VALUE_WORDS) + r")\b)")
_DIGIT = regex.compile(r"\d")
_VALUE_WORD_INDEX = SubstringIndex(_VALUE_WORDS)
_YEAR = regex.compile(r"(?:1[6-9]\d{2}|20\d{2})")
_URLISH = regex.compile(r"\S*(?:https?://|www\.|\.com|\.html?|/)\S*")
_URL_MARKS = ("/", "www.", ".com", ".htm")
_START = operator.attrgetter("start")
_GLUED_LABEL = regex.compile(r"[\p{L}#№][\p{L}-]*$")
_CAPITALS_DASH = regex.compile(r"(?<![\p{L}])\p{Lu}{1,6}-$")
_MODEL = regex.compile(r"\p{Lu}\p{L}*-\d+\p{L}*")  # 'AK-47', 'F-16', 'MiG-29'
_MODEL_NOUN = regex.compile(r"\p{Lu}\p{L}*(?:-|\s)\d+\p{L}*\s+\p{Ll}")  # 'AK 47 rifles'


@dataclass(frozen=True)
class ValueMention:
    """One value in a sentence: its kind, span (offsets in the sentence) and what it counts."""

    kind: ValueKind
    shape: str
    start: int
    end: int
    text: str
    noun: str | None = None
    noun_end: int | None = None
    modifies: str | None = None
    attribute: str | None = None  # the shape's own key, when it gives one
    about: str | None = None  # what the shape says the value is about ('223rd Street')
    policy: str = "fixed"  # the frame whose policy a keyed shape's value follows


class ValueFinder:
    """The compiled value shapes of a rulebook; `find` lists a sentence's values."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        rules = rulebook.open
        self.shapes = [
            (shape, rulebook.compile(shape.regex)) for shape in rules.values if shape.regex
        ]
        analyser = MacroAnalyser(rulebook.definitions, rulebook.word_lists)
        self.filter = LiteralIndex(
            [analyser.literals(shape.regex, pattern.pattern) for shape, pattern in self.shapes]
        )
        self.starts = StartIndex(
            [pattern for _, pattern in self.shapes],
            [analyser.starts(shape.regex, pattern.pattern) for shape, pattern in self.shapes],
        )
        self.label_words = {w.lower() for w in rules.label_words}
        self.modifiers = {w.lower() for w in rules.modifiers}
        self.generic = {w.lower() for w in rules.generic_nouns}
        self.synonyms = {k.lower(): v.lower() for k, v in rules.noun_synonyms.items()}
        self.function_words = {w.lower() for w in rules.function_words}
        self.months = set(_month_words())

    def find(self, text: str) -> list[ValueMention]:
        """The values of one sentence, left to right, none overlapping another."""
        if not _may_hold_value(text):
            return []
        taken: list[tuple[int, int]] = []
        found: list[ValueMention] = []
        urls = _url_spans(text)
        words = tokens(text)
        starts = self.starts.scan(text)  # where each shape can match: tried there only
        for position in self.filter.possible(text):  # the shapes whose literals all occur
            shape, pattern = self.shapes[position]
            for match in starts.finditer(position):
                span = match.span("value") if "value" in pattern.groupindex else match.span()
                if span[0] == span[1] or _overlaps(match.span(), taken) or _overlaps(span, urls):
                    continue
                counted = shape.kind == "count" and not shape.attribute
                if counted and self._is_label(text, span):
                    continue
                if counted and self._is_not_a_count(text, span):
                    continue
                mention = self._mention(shape.kind, shape.name, text, span, words)
                if mention is None:
                    continue
                if shape.attribute:
                    mention = _keyed(mention, shape.attribute, match, shape.frame or "fixed")
                taken.append(match.span())
                found.append(mention)
        return sorted(found, key=lambda m: m.start)

    def _mention(
        self, kind: ValueKind, shape: str, text: str, span: tuple[int, int], words: list[Token]
    ) -> ValueMention | None:
        start, end = span
        value_text = text[start:end].strip()
        if kind == "score" and not _plausible_score(value_text):
            return None
        noun, noun_end = (None, None)
        if kind in ("count", "money", "percent", "measure"):
            noun, noun_end = self._counted_noun(words, end)
        modifies = None
        if kind in ("measure", "age") and text[end : end + 1] in ("-", " ") or kind == "money":
            modifies = _next_word(words, end)
        return ValueMention(kind, shape, start, end, value_text, noun, noun_end, modifies)

    def _counted_noun(self, words: list[Token], end: int) -> tuple[str | None, int | None]:
        """The noun a number counts: '174 passengers', '10 more people', 'dozens of people'."""
        following = _following(words, end)
        following = following[_model_length(following) :][:4]  # '14 AK-47 rifles' count rifles
        after_verb = False
        for position, word in enumerate(following):
            if not word.text[0].isalpha():
                return None, None
            low = word.text.lower()
            if low in self.modifiers and low not in self.generic:
                after_verb = after_verb or low in self.function_words  # '12 are', '10 were'
                continue
            if after_verb and _is_inflected(low):
                return None, None  # '12 are reported': a verb, not what the number counts
            if _is_modifier(low) and position + 1 < len(following):
                continue  # '13 fully loaded magazines' count magazines
            if word.text[0].isupper():
                return None, None
            noun = lemma(low)
            if noun in self.function_words or low in self.function_words:
                return None, None
            if low in self.generic or noun in self.generic:
                return "people", word.end
            return self._complement(words, word, self.synonyms.get(noun, noun))
        return None, None

    def _complement(self, words: list[Token], noun: Token, base: str) -> tuple[str, int]:
        """'two counts of murder' counts 'count murder': an 'of' phrase says what of."""
        following = _following(words, noun.end)[:3]
        if len(following) >= 2 and following[0].text.lower() == "of":
            for word in following[1:]:
                low = word.text.lower()
                if word.text[0].isalpha() and low not in self.function_words:
                    return f"{base} {lemma(low)}", word.end
        return base, noun.end

    def _is_label(self, text: str, span: tuple[int, int]) -> bool:
        """A number that names something: 'A320', 'Flight 1282', 'Llama 3', 'No. 5'."""
        start, end = span
        before = text[:start]
        if _GLUED_LABEL.search(before) and not before.endswith(("-", "\u2013")):
            return True  # 'A320', '#5'
        if _CAPITALS_DASH.search(before):
            return True  # 'AK-47', 'F-16', 'COVID-19'
        if end < len(text) and (text[end].isalpha() and text[end : end + 2] not in ("th", "st")):
            if not compiled(r"(?i)(?:m|bn|k|s|nd|rd)\b").match(text[end:]):
                return True  # '320s', '3D'
        previous = before.rstrip().rsplit(None, 1)
        if not previous or before[-1:] not in (" ", "\u00a0"):
            return False
        word = previous[-1]
        if word.lower().rstrip(".") in self.label_words or word.lower() in self.label_words:
            return True
        is_capitalised = word[:1].isupper() and word.isalpha()
        opens_sentence = len(previous) == 1
        # 'Flight 1282' is a name; 'hitting Gray eleven times' is not ('Flight eleven' is rare)
        written_in_digits = text[start:end].strip()[:1].isdigit()
        return (
            is_capitalised
            and written_in_digits
            and not opens_sentence
            and word.lower() not in self.months
            and word.lower() not in self.generic
        )

    def _is_not_a_count(self, text: str, span: tuple[int, int]) -> bool:
        """Years ('the 2004 quake', 'in 2009') and lone 'one' are not counts."""
        value = text[span[0] : span[1]].strip()
        digits = value.replace(",", "")
        if _YEAR.fullmatch(digits):
            return True
        lowered = value.lower()
        before = text[: span[0]]
        if compiled(r"\d[-\u2013/]$").search(before):
            return True  # 'the 2003-04 season': the end of a range or a label, not a count
        if compiled(r"\p{Lu}\p{L}+,\s$").search(before) and compiled(r"[,.;)]|\s*$").match(
            text[span[1] :]
        ):
            return True  # 'Fred LaRue, 75, Dies': an age in apposition, not a count
        if compiled(r"(?:st|nd|rd|th)\b").match(text[span[1] : span[1] + 3]):
            return True  # '67th Precinct', 'the 3rd': a rank or an address, not a count
        if compiled(r"-\p{L}").match(text[span[1] : span[1] + 2]):
            return True  # '6.7-strength', 'a 10-storey block': a modifier, not a count
        after = text[span[1] :].lstrip()
        if compiled(r"(?i)of\s+(?:the\s+)?\d").match(after):
            return True  # '30 of the 80 wounded': a part of a count given beside it
        if after[:1].isupper() and not is_title_case(text) and not _MODEL_NOUN.match(after):
            return True  # '.357 Magnum', '747 Jumbo': a model, not a count
        if compiled(r"(?i)\bthe\s+$").search(text[: span[0]]):
            return True  # 'the two women': people already counted, not a new figure
        if lowered in ("one", "a single"):
            after = text[span[1] :].lstrip().lower()
            before = text[: span[0]].rstrip().lower()
            return after.startswith(("of", "another", "day")) or before.endswith(
                ("the", "no", "any", "each", "every", "this", "that")
            )
        return False


def _may_hold_value(text: str) -> bool:
    """Whether `text` has a digit or a number or day word (_MAY_HOLD_VALUE), cheaply."""
    if _DIGIT.search(text):
        return True
    # each word must occur in the folded text for the regex to find it
    return _VALUE_WORD_INDEX.occurs(fold(text)) and bool(_MAY_HOLD_VALUE.search(text))


def _is_inflected(word: str) -> bool:
    """A participle or verb form ('reported', 'killing'): its lemma is another word."""
    return word.endswith(("ed", "ing")) and lemma(word) != word


def _is_modifier(word: str) -> bool:
    """An adverb or a participle before the noun it modifies ('fully', 'loaded')."""
    return (len(word) > 4 and word.endswith("ly")) or _is_inflected(word)


def _keyed(mention: ValueMention, attribute: str, match: regex.Match, policy: str) -> ValueMention:
    """A mention whose shape says what it is: its key, and its subject when the shape names it."""
    about = match.group("about") if "about" in match.re.groupindex else None
    about = " ".join(about.split()) if about else None
    return dataclasses.replace(
        mention, attribute=attribute, noun=None, noun_end=None, about=about, policy=policy
    )


def _model_length(following: list[Token]) -> int:
    """How many words a model designation opens `following` with: 'AK-47', 'Boeing 737'."""
    if following and _MODEL.fullmatch(following[0].text):
        return 1
    if len(following) > 1 and following[0].text[0].isupper() and following[1].text.isdigit():
        return 2 if following[0].text.isalpha() else 0
    return 0


def _url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of urls and paths in a sentence (ids inside them are not values)."""
    if not any(mark in text for mark in _URL_MARKS):
        return []  # every _URLISH match holds one of them: no need to run it
    return [m.span() for m in _URLISH.finditer(text) if "/" in m.group(0) or "." in m.group(0)]


def _following(words: list[Token], end: int) -> list[Token]:
    """The words that start at or after offset `end` (words are in text order)."""
    return words[bisect.bisect_left(words, end, key=_START) :]


def _plausible_score(text: str) -> bool:
    numbers = [int(n) for n in compiled(r"\d+").findall(text)]
    return len(numbers) == 2 and all(n < 200 for n in numbers) and numbers != [0, 0]


def _next_word(words: list[Token], end: int) -> str | None:
    for word in _following(words, end):
        if word.text[0].isalpha():
            return word.text
    return None


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < high and low < span[1] for low, high in taken)


@functools.lru_cache(maxsize=1)
def _month_words() -> tuple[str, ...]:
    import calendar

    names = [m.lower() for m in calendar.month_name if m] + [
        m.lower() for m in calendar.month_abbr if m
    ]
    return (*names, "sept")


@functools.lru_cache(maxsize=8)
def value_finder_for(rulebook: Rulebook) -> ValueFinder:
    """The value finder of a rulebook (built once)."""
    return ValueFinder(rulebook)
