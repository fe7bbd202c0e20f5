"""Pronouns: the person 'she' or 'he' stands for, by the gender the text gives each person.

A person's gender is what the document shows of it: a given name the name list is sure of
('Ingrid'), and the gendered pronouns (rules/lexicon.yaml `pronoun_genders`) that follow
the person when no other person is named between them in the sentence ('Raj Chohan was
walking when she was struck'). Evidence that disagrees leaves the gender unknown. A pronoun
then stands for the person named last before it, unless the text shows that person to be
of the other gender: it stands for the one person of its own gender named before it, when
there is exactly one.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from checker.names import given_name_gender
from checker.words import tokens

if TYPE_CHECKING:
    from checker.mentions import Mentions

_UNKNOWN = "unknown"  # evidence both ways


class PronounPersons:
    """Who the gendered pronouns of one document stand for."""

    def __init__(self, context: Mentions):
        self.context = context
        self.genders_of = context.lexicon.vocabulary.pronoun_genders
        self.known = set(context.persons.values())
        self.mentions = [(o, n) for o, n in context.person_mentions if n in self.known]
        self.genders = self._genders()

    def gender(self, person: str) -> str | None:
        """The person's gender as the document shows it, None when unknown or mixed."""
        found = self.genders.get(person)
        return found if found != _UNKNOWN else None

    def person(self, pronoun: str, offset: int) -> str | None:
        """The person a pronoun at `offset` stands for (None: no one the text makes sure of)."""
        nearest = self.context.person_before(offset)
        wanted = self.genders_of.get(pronoun.lower())
        if nearest in self.known and (wanted is None or self.gender(nearest) != _other(wanted)):
            return nearest
        if wanted is None:
            return None
        index = bisect.bisect_left(self.mentions, (offset, ""))
        before = {n for _, n in self.mentions[:index] if self.gender(n) == wanted}
        return next(iter(before)) if len(before) == 1 else None

    def _genders(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for person in sorted(self.known):
            if gender := given_name_gender(person.split()[0]):
                _add(found, person, gender)
        for sentence in self.context.sentences:
            named = [(o, n) for o, n in self.mentions if sentence.start <= o < sentence.end]
            if not named:
                continue
            for word in tokens(sentence.text):
                gender = self.genders_of.get(word.text.lower())
                at = sentence.start + word.start
                before = {n for o, n in named if o < at}
                if gender and len(before) == 1:
                    _add(found, next(iter(before)), gender)
                    break
        return found


def _add(found: dict[str, str], person: str, gender: str) -> None:
    known = found.get(person)
    found[person] = gender if known in (None, gender) else _UNKNOWN


def _other(gender: str) -> str:
    return "male" if gender == "female" else "female"
