"""Roles: a person an article names only by role ('the suspect') is the one the corpus names.

One article of a story may never write the gunman's name: 'In April the suspect was found
guilty'. Another writes it beside the role: 'cop killer Jose Luis Orozco', 'the gunman,
Luis Parra'. The role nouns (rules/lexicon.yaml `role_nouns`: suspect, gunman, killer...
-> perpetrator) say which roles are one; a claim about 'the suspect' takes the name of the
one person the corpus writes beside a noun of that role. Two such people leave it alone.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import TYPE_CHECKING

import regex

from checker.rulebook import alternation

if TYPE_CHECKING:
    from checker.documents import Document
    from checker.lexicon import Lexicon
    from checker.normalise import NormalisedClaim

_NAME = r"\p{Lu}\p{Ll}+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}\p{Ll}+){0,3}"


@functools.lru_cache(maxsize=8)
def _patterns(nouns: tuple[str, ...]) -> tuple[regex.Pattern, regex.Pattern] | None:
    """'killer Jose Luis Orozco' and 'Luis Parra, the gunman': a role written beside a name."""
    if not nouns:
        return None
    role = alternation(nouns)
    before = regex.compile(rf"\b(?i:(?P<role>{role}))\s+(?P<name>{_NAME})")
    after = regex.compile(
        rf"(?P<name>{_NAME}),\s+(?i:the|a|an)\s+(?:\p{{Ll}}+\s+)?(?i:(?P<role>{role}))\b"
    )
    return before, after


def role_in(text: str, lexicon: Lexicon) -> tuple[str, int] | None:
    """The first person a sentence names by role, and where ('the suspect was found guilty')."""
    nouns = tuple(sorted(lexicon.vocabulary.role_nouns))
    if not nouns:
        return None
    found = _role_phrase(nouns).search(text)
    return (f"the {found.group('role').lower()}", found.start()) if found else None


@functools.lru_cache(maxsize=8)
def _role_phrase(nouns: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(rf"\b(?i:the)\s+(?i:(?P<role>{alternation(nouns)}))\b(?!['\u2019])")


def named_roles(documents: list[Document], lexicon: Lexicon) -> dict[str, set[str]]:
    """The names the corpus writes beside a noun of each role (role -> names)."""
    roles = lexicon.vocabulary.role_nouns
    patterns = _patterns(tuple(sorted(roles)))
    named: dict[str, set[str]] = defaultdict(set)
    if patterns is None:
        return named
    for document in documents:
        for pattern in patterns:
            for found in pattern.finditer(document.text):
                named[roles[found.group("role").lower()]].add(found.group("name"))
    return named


def name_roles(
    claims: list[NormalisedClaim], documents: list[Document], lexicon: Lexicon
) -> list[NormalisedClaim]:
    """Claims about 'the suspect' take the name of the one person the corpus gives that role."""
    roles = lexicon.vocabulary.role_nouns
    if not any(c.subject.startswith("the ") and c.subject[4:] in roles for c in claims):
        return claims
    subjects = {c.subject for c in claims if c.claim.subject_type in ("person", "any")}
    people: dict[str, str] = {}
    for role, names in named_roles(documents, lexicon).items():
        found = {_as_subject(name, subjects) for name in names} - {None}
        if len(found) == 1:
            people[role] = next(iter(found))  # type: ignore[assignment]
    renamed = []
    for claim in claims:
        role = roles.get(claim.subject[4:]) if claim.subject.startswith("the ") else None
        if role in people:
            named = people[role] if claim.named_subject else None  # the role was written
            claim = claim.model_copy(update={"subject": people[role], "named_subject": named})
        renamed.append(claim)
    return renamed


def _as_subject(name: str, subjects: set[str]) -> str | None:
    """The claims' subject a written name stands for: itself, else the one with its surname."""
    if name in subjects:
        return name
    surname = name.split()[-1]
    found = sorted(s for s in subjects if " " in s and s.split()[-1] == surname)
    return found[0] if len(found) == 1 else None
