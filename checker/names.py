"""Cleaning of entity mentions: possessives, honorifics, 'X-based' prefixes, articles."""

from __future__ import annotations

import functools

import regex

from checker.rulebook import Vocabulary

_POSSESSIVE = regex.compile(r"(?:['\u2019]s|s['\u2019]|['\u2019])$")
_PLACE_PREFIX = regex.compile(
    r"^(?:[\p{Lu}][\p{L}.]*\s+){0,3}?[\p{Lu}][\p{L}.]*-(?:based|backed|owned|listed|headquartered)\s+"
)
_MIDDLE_INITIAL = regex.compile(r"(?<=\p{L}{2})\s+\p{Lu}\.(?=\s+\p{Lu}\p{Ll})")
_ARTICLE = regex.compile(r"^(?:the|a|an)\s+", regex.I)
_SPACES = regex.compile(r"\s+")
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


@functools.lru_cache(maxsize=65536)
def _clean(mention: str, honorifics: frozenset[str]) -> str:
    text = _SPACES.sub(" ", mention.strip(" ,.;:\"'()[]\u201c\u201d\u2018\u2019"))
    text = _POSSESSIVE.sub("", text)
    text = _PLACE_PREFIX.sub("", text)
    text = _ARTICLE.sub("", text)
    text = _MIDDLE_INITIAL.sub("", text)  # 'Raj K. Chohan' is 'Raj Chohan'
    words = text.split(" ")
    while len(words) > 1 and words[0].rstrip(".") in honorifics:
        words = words[1:]
    return " ".join(words)


def clean_mention(mention: str, vocabulary: Vocabulary) -> str:
    """The entity name in a mention: "Scale's" -> "Scale", "Sir Keir Starmer" -> "Keir Starmer".

    A middle initial is dropped: "Raj K. Chohan" -> "Raj Chohan".
    """
    return _clean(mention, _honorifics(vocabulary))


def _honorifics(vocabulary: Vocabulary) -> frozenset[str]:
    cached = _HONORIFICS.get(id(vocabulary))
    if cached is None or cached[0] is not vocabulary:
        cached = (vocabulary, frozenset(h.rstrip(".") for h in vocabulary.honorifics))
        _HONORIFICS[id(vocabulary)] = cached
    return cached[1]


_HONORIFICS: dict[int, tuple[Vocabulary, frozenset[str]]] = {}


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A comparison key for names: lower case, letters and digits only."""
    return _NOT_ALNUM.sub(" ", name.casefold()).strip()


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    import gender_guesser.detector  # a list of ~60,000 given names from many countries

    return frozenset(gender_guesser.detector.Detector(case_sensitive=False).names)


def is_given_name(word: str) -> bool:
    """True when a word is a known given name ('Robert', 'Ingrid', 'Satya')."""
    return word.casefold() in _given_names()


@functools.lru_cache(maxsize=4096)
def given_name_gender(word: str) -> str | None:
    """'female' or 'male' for a given name the list is sure of ('Ingrid'), else None ('Raj')."""
    found = _detector().get_gender(word)
    return found if found in ("female", "male") else None


@functools.lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)
