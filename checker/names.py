"""Cleaning of entity mentions: possessives, honorifics, 'X-based' prefixes, articles."""

from __future__ import annotations

import functools
from pathlib import Path

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
    return frozenset(_detector().names)  # ~60,000 given names from many countries


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
    """gender_guesser's detector over its own name table, read once per process."""
    import gender_guesser.detector

    detector = gender_guesser.detector.Detector.__new__(gender_guesser.detector.Detector)
    detector.case_sensitive = False
    detector.names = name_table(
        Path(gender_guesser.detector.__file__).parent / "data" / "nam_dict.txt"
    )
    return detector


_GENDER_CODES = {
    "M": "male",
    "1M": "mostly_male",
    "?M": "mostly_male",
    "F": "female",
    "1F": "mostly_female",
    "?F": "mostly_female",
    "?": "andy",
}


def name_table(path: Path) -> dict[str, dict[str, str]]:
    """gender_guesser's `names` table (name -> gender -> country columns), as its reader builds it.

    The library's own reader decodes line by line through `codecs` and takes about twice as
    long; the table is the same (a test compares the two).
    """
    names: dict[str, dict[str, str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line[0] in "#=":
            continue
        code, name = line.split(None, 2)[:2]
        gender, countries = _GENDER_CODES[code], line[30:-1]
        name = name.lower()
        forms = (name.replace("+", r) for r in ("", " ", "-")) if "+" in name else (name,)
        for form in forms:
            names.setdefault(form, {})[gender] = countries
    return names
