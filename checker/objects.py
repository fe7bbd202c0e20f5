"""Objects: what a verb acts on keys the values of its act ('voters approved a bond in 2010').

The year of an approval is the year of the thing approved, not of whoever approved it: one
article's 'Palmer voters in 2010 approved a $3 million bond' and another's 'Last year,
voters approved a bond measure' date one bond. The object is the noun phrase right after
the verb (past determiners, amounts and names that modify it); its head noun names it, but
a head that only says what kind of thing was voted on (`generic_heads` in rules/open.yaml:
'measure', 'proposal') gives way to the noun before it ('a bond measure' is the bond).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from checker.words import Token, lemma

MAX_OBJECT_WORDS = 3  # lower-case words of an object's noun phrase
_CLAUSE_MARKS = frozenset(",;:()\u2014.")


def object_after(
    words: list[Token],
    at: int,
    skipped: Collection[str],
    generic: Collection[str],
    is_verb: Callable[[str], bool],
) -> str | None:
    """The lemma of the noun a verb ending at offset `at` takes as its object, if any.

    `skipped` are the words before the noun that say nothing of it (determiners, numbers,
    scale words); a word `is_verb` says is an inflected verb ends the phrase ('a bond
    measure allowing the city ...').
    """
    phrase: list[str] = []
    for word in (w for w in words if w.start >= at):
        text, low = word.text, word.text.lower()
        if text in _CLAUSE_MARKS:
            break
        if not phrase and _modifies(text, low, skipped):
            continue
        if not text.isalpha() or not text.islower() or low in skipped or is_verb(text):
            break
        phrase.append(low)
        if len(phrase) == MAX_OBJECT_WORDS:
            break
    while len(phrase) > 1 and lemma(phrase[-1]) in generic:
        phrase.pop()
    return lemma(phrase[-1]) if phrase else None


def _modifies(text: str, low: str, skipped: Collection[str]) -> bool:
    """A word before the object's noun: a determiner, a figure, a sign or a name ('Palmer')."""
    return low in skipped or not text[0].isalpha() or text[0].isupper()
