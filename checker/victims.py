"""Victims: who an amount was taken from, when a verb of taking names them.

'thieves stole £910,000 worth of jewellery from an employee of Swiss firm Chopard': the
amount is what Chopard lost, and Chopard, named after 'from', is what it is about, not the
name the article gives most. The verbs are data (`open.taking_verbs`, lemmas); the victim
is the first name after 'from' in the value's clause that is not a place ('from a boutique
in Paris' names no victim) nor a word that is never a name ('American').
"""

from __future__ import annotations

import functools

import regex

from checker.lexicon import lexicon_for
from checker.places import Gazetteer
from checker.rulebook import Rulebook
from checker.words import lemma

_FROM = regex.compile(r"^[^,;:.!?()]{0,60}?\bfrom\s+(?P<phrase>[^,;:.!?()]{1,120})")
_CLAUSE_END = regex.compile(
    r"\b(?:that|which|who|whom|where|when|while|and|but|during|after|before)\b", regex.I
)


@functools.lru_cache(maxsize=8)
def _taking_verbs(rulebook: Rulebook) -> frozenset[str]:
    return frozenset(v.lower() for v in rulebook.open.taking_verbs)


def is_taking(verb: str, rulebook: Rulebook) -> bool:
    """Whether a verb as written ('stealing', 'made off with') is one of taking."""
    words = verb.lower().split()
    verbs = _taking_verbs(rulebook)
    return bool(words) and (
        " ".join([lemma(words[0]), *words[1:]]) in verbs or lemma(words[0]) in verbs
    )


def victim_after(text: str, rulebook: Rulebook, gazetteer: Gazetteer) -> str | None:
    """The one named after 'from' at the start of `text` (the rest of a value's clause)."""
    found = _FROM.match(text)
    if found is None:
        return None
    phrase = found.group("phrase")
    end = _CLAUSE_END.search(phrase)
    phrase = phrase[: end.start()] if end else phrase
    lexicon = lexicon_for(rulebook)
    for name in lexicon.names_in(phrase):
        if not gazetteer.lookup(name) and name not in lexicon.not_names:
            return name
    return None
