"""Claims about a person an article does not name ('the third victim died on the way').

Another article may name the person ('Jane Roe died at the scene'). For an attribute whose
policy says `unnamed: the_one_named`, an unnamed person's claim is about the one person the
corpus names for that attribute; when it names none or several, the claim is left out, so an
unnamed person is never compared as if a name, nor merged with one of several named people.
An article that names the person (her surname anywhere in it) would have called her by name:
an unnamed person in it is someone else ('The unidentified woman was pronounced dead'), and
is left out too.
"""

from __future__ import annotations

import regex

from checker.documents import Document
from checker.normalise import NormalisedClaim
from checker.rulebook import Rulebook


def is_unnamed(subject: str, person_nouns: frozenset[str]) -> bool:
    """True for a person written by a role, not a name: 'third victim', 'woman'."""
    words = subject.split()
    return bool(words) and words[-1].casefold() in person_nouns and subject == subject.lower()


def name_the_unnamed(
    claims: list[NormalisedClaim], rulebook: Rulebook, documents: list[Document]
) -> list[NormalisedClaim]:
    """The claims, those about an unnamed person under the one person named for the attribute."""
    nouns = frozenset(n.casefold() for n in rulebook.vocabulary.person_nouns)
    attributes = {c.attribute for c in claims if rulebook.policy(c.attribute).unnamed != "keep"}
    if not attributes:
        return claims
    named: dict[str, set[str]] = {a: set() for a in attributes}
    for claim in claims:
        if claim.attribute in attributes and not is_unnamed(claim.subject, nouns):
            named[claim.attribute].add(claim.subject)
    texts = {d.id: d.text for d in documents}
    kept = []
    for claim in claims:
        if claim.attribute in attributes and is_unnamed(claim.subject, nouns):
            people = named[claim.attribute]
            if len(people) != 1:
                continue  # nobody or several named: who is meant cannot be told
            person = next(iter(people))
            if _names(texts.get(claim.document, ""), person):
                continue  # the article names her elsewhere: its unnamed person is another
            claim = claim.model_copy(update={"subject": person})
        kept.append(claim)
    return kept


def _names(text: str, person: str) -> bool:
    """Whether a text writes the person's surname (the name's last word) as a word."""
    surname = person.split()[-1]
    return regex.search(rf"(?<!\p{{L}}){regex.escape(surname)}(?!\p{{L}})", text) is not None
