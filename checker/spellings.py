"""Name spellings: where articles write one person's name two ways ("Brian" / "Bryant Dalton").

A fact-checker wants to know when outlets disagree on how a victim or official is named.
Two full names are one person spelled two ways when they share the surname, both first
words are known given names, and those given names are close in spelling but not equal, nor
one a short form of the other ("Chris" / "Christopher" is a nickname, not a misspelling).
Only spellings from different documents count, and only when no document writes both: an
article that names a Brian and a Bryant Dalton is about two people.

Spellings that sound alike ("Masoud" / "Massoud", "Elias" / "Ilias": transliterations
and variants, by jellyfish's metaphone) are reported as info, not flagged; a much shorter
name that begins like the other ("Alexis" / "Alexandros") is a nickname and not reported.

Each spelling becomes a claim (rule `open.name-spelling`) at its first mention in each
document that writes it, so the discrepancy carries quotes like any other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import jellyfish
from rapidfuzz.distance import JaroWinkler

from checker.claims import Claim, Evidence
from checker.documents import Document, Sentence, split_sentences
from checker.lexicon import lexicon_for
from checker.names import is_given_name
from checker.normalise import NormalisedClaim, names_written
from checker.patterns import word_pattern
from checker.rulebook import Rulebook
from checker.values import Value

RULE = "open.name-spelling"
ATTRIBUTE = "name spelling"
MIN_SIMILARITY = 0.8  # Jaro-Winkler of the given names: Brian/Bryant 0.85, Latoya/Latonya 0.96
MIN_GIVEN_LENGTH = 3
NICKNAME_PREFIX = 3  # "Alex-is" / "Alex-andros" share a beginning ...
NICKNAME_RATIO = 0.7  # ... and the short form is at most 70% of the long one's length
_VOWELS = "AEIOUY"


def sentence_around(document: Document, offset: int, rulebook: Rulebook) -> Sentence | None:
    """The sentence of a document's body around `offset`, if one holds it."""
    sentences = split_sentences(
        document.text, document.body_start, rulebook.vocabulary.abbreviations
    )
    return next((s for s in sentences if s.start <= offset < s.end), None)


SentenceAt = Callable[[Document, int, Rulebook], Sentence | None]


def spelling_claims(
    documents: list[Document],
    names: dict[str, list[str]] | None,
    rulebook: Rulebook,
    sentence_at: SentenceAt = sentence_around,
) -> list[NormalisedClaim]:
    """Claims for every person whose name the corpus spells two ways, one per document.

    `names` are each document's `names_written` when already known (None: read them here);
    `sentence_at` finds the sentence around an offset (a re-run passes one that
    remembers: checker.incremental.SentenceMemo).
    """
    if names is None:
        lexicon = lexicon_for(rulebook)
        names = {d.id: names_written(d, lexicon) for d in documents}
    writers = _writers(documents, names)
    claims = []
    by_id = {d.id: d for d in documents}
    for spellings in _spelling_groups(writers):
        subject = max(sorted(spellings), key=lambda name: len(writers[name]))
        for name in sorted(spellings):
            for document in sorted(writers[name]):
                claim = _claim_at_first_mention(
                    by_id[document], name, subject, rulebook, sentence_at
                )
                if claim is not None:
                    claims.append(claim)
    return claims


def under_one_spelling(
    claims: list[NormalisedClaim], spellings: list[NormalisedClaim]
) -> list[NormalisedClaim]:
    """Claims about a person under the name most documents spell him by.

    The spelling claims link each way a name is written ('Brian Dalton') to the person it
    spells ('Bryant Dalton'): an article's claims about Brian Dalton are about that person,
    and are compared with the others' (his condition in hospital, his age).
    """
    person = {s.value.label: s.subject for s in spellings if s.value.label != s.subject}
    if not person:
        return claims
    return [
        c.model_copy(update={"subject": person[c.subject]}) if c.subject in person else c
        for c in claims
    ]


def _writers(documents: list[Document], names: dict[str, list[str]]) -> dict[str, set[str]]:
    """Two-word person names ('Given Surname') and the documents that write each."""
    found: dict[str, set[str]] = defaultdict(set)
    for document in documents:
        for name in names.get(document.id, ()):
            words = name.split()
            if len(words) == 2 and is_given_name(words[0]) and len(words[0]) >= MIN_GIVEN_LENGTH:
                found[name].add(document.id)
    return found


def _spelling_groups(writers: dict[str, set[str]]) -> list[set[str]]:
    """Sets of names that spell one person two or more ways ('LaTonya' and 'Latonya' are one).

    Linked when two spellings are close and no document writes both; a set is the names
    linked directly or through others.
    """
    spelling = {name: name.casefold() for name in writers}
    written: dict[str, set[str]] = defaultdict(set)
    for name, documents in writers.items():
        written[spelling[name]] |= documents
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in sorted(written):
        by_surname[key.split()[1]].append(key)
    parent = {key: key for key in written}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for keys in by_surname.values():
        for i, first in enumerate(keys):
            for second in keys[i + 1 :]:
                given = first.split()[0], second.split()[0]
                if _misspelt(*given) and not written[first] & written[second]:
                    parent[root(second)] = root(first)
    members: dict[str, set[str]] = defaultdict(set)
    for name in writers:
        members[root(spelling[name])].add(name)
    return [names for _, names in sorted(members.items()) if len({spelling[n] for n in names}) > 1]


def _misspelt(a: str, b: str) -> bool:
    """Given names close in spelling that are neither equal nor a short form of each other."""
    x, y = a.casefold(), b.casefold()
    if x == y or _short_form(x, y):
        return False
    return JaroWinkler.similarity(x, y) >= MIN_SIMILARITY


def _short_form(x: str, y: str) -> bool:
    """One name is a prefix or a much shorter form beginning like the other ('alexis')."""
    short, long = sorted((x, y), key=len)
    if long.startswith(short):
        return True
    shared = len(_common_prefix(short, long))
    return shared >= NICKNAME_PREFIX and len(short) <= NICKNAME_RATIO * len(long)


def _common_prefix(x: str, y: str) -> str:
    end = 0
    while end < min(len(x), len(y)) and x[end] == y[end]:
        end += 1
    return x[:end]


def sound_alike(a: str, b: str) -> bool:
    """Spellings that are pronounced alike: a transliteration or variant, not an error."""
    return _sound(a.split()[0]) == _sound(b.split()[0])


def _sound(name: str) -> str:
    key = jellyfish.metaphone(name)
    # metaphone keeps an initial vowel as written; "Elias" and "Ilias" start with one sound
    return "A" + key[1:] if key[:1] in _VOWELS else key


def _claim_at_first_mention(
    document: Document, name: str, subject: str, rulebook: Rulebook, sentence_at: SentenceAt
) -> NormalisedClaim | None:
    found = word_pattern(name).search(document.text, pos=document.body_start)
    if found is None:
        return None
    sentence = sentence_at(document, found.start(), rulebook)
    if sentence is None:
        return None
    evidence = Evidence(
        document=document.id,
        sentence=sentence.text,
        sentence_start=sentence.start,
        start=found.start(),
        end=found.end(),
        text=found.group(),
        rule=RULE,
        pattern="given-name",
    )
    claim = Claim(
        kind="name",
        subject=subject,
        subject_type="person",
        attribute=ATTRIBUTE,
        value=name,
        evidence=evidence,
    )
    return NormalisedClaim(
        claim=claim,
        subject=subject,
        attribute=ATTRIBUTE,
        policy=ATTRIBUTE,
        value=Value(type="spelling", label=name),
        tense="current",
        published=document.published,
    )
