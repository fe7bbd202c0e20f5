"""Incremental re-runs: the corpus-wide stages redo only what one changed article touches.

Normalising a claim reads the claim, its document's date, the rulebook and the corpus's
entity index; the index is the only corpus-wide input, and normalisation asks it only
`canonical(name)` and `frequency(name)`. So each document's normalised claims are kept
with the questions asked and the answers given: a re-run that gives the same answers
reuses them, and one whose answers changed (a new article made "Smith" someone else)
normalises that document again. The index itself is kept by the exact list of mentions it
was built from.

Entries are pickles (floats such as infinite bounds survive exactly), signed like the
rulebook cache (checker.rules_cache), keyed by content with the code's and the rulebook's
fingerprints (checker.cache.salt). Without a signing secret nothing is kept: the results
are the same, only slower.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from pathlib import Path

from pydantic import TypeAdapter

from checker.align import align, context_words
from checker.cache import content_key, salt
from checker.cache_pruning import touch
from checker.claims import Claim
from checker.compare import Comparer, compare
from checker.discrepancies import Discrepancy
from checker.documents import Document, Sentence
from checker.entities import EntityIndex
from checker.normalise import (
    ClaimNormaliser,
    NormalisedClaim,
    document_days,
    mentions,
    name_generic_events,
)
from checker.rulebook import Rulebook
from checker.rules_cache import read_signed, signing_secret, write_signed
from checker.spellings import sentence_around, spelling_claims

FORMAT = "3"
_CLAIMS = TypeAdapter(list[Claim])
_DISCREPANCIES = TypeAdapter(list[Discrepancy])  # no floats: JSON keeps them exactly
Asked = tuple[str, str, object]  # (method, name, answer)


class SignedStore:
    """Values kept as signed pickles, one file per key, under `directory`."""

    def __init__(self, directory: str | Path, kind: str, rulebook: Rulebook) -> None:
        self.directory = Path(directory) / kind / f"v{FORMAT}"
        self._root = os.fspath(self.directory)
        self.secret = signing_secret()
        self._salt = salt(rulebook.version, kind)

    def key(self, *parts: bytes) -> str:
        """The entry key of content given as parts."""
        return content_key(self._salt, *parts)

    def get(self, key: str):
        """The stored value, or None."""
        if self.secret is None:
            return None
        path = self._path(key)
        found = read_signed(path, self.secret)
        if found is not None:
            touch(path)
        return found

    def put(self, key: str, value) -> None:
        """Keep a value (a failure to write is not an error)."""
        if self.secret is not None:
            write_signed(self._path(key), self.secret, value)

    def _path(self, key: str) -> str:
        return f"{self._root}{os.sep}{key[:2]}{os.sep}{key[2:]}.pickle"


class _Recorder:
    """An entity index that notes every question asked of it and the answer."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self.asked: list[Asked] = []

    def canonical(self, name: str) -> str:
        """`EntityIndex.canonical`, noted."""
        answer = self.index.canonical(name)
        self.asked.append(("canonical", name, answer))
        return answer

    def frequency(self, name: str) -> int:
        """`EntityIndex.frequency`, noted."""
        answer = self.index.frequency(name)
        self.asked.append(("frequency", name, answer))
        return answer


def _answers_hold(asked: list[Asked], index: EntityIndex) -> bool:
    return all(getattr(index, method)(name) == answer for method, name, answer in asked)


def normalise_incrementally(
    claims: list[Claim],
    documents: list[Document],
    rulebook: Rulebook,
    names: dict[str, list[str]] | None,
    cache_dir: str | Path,
    days: dict[str, int | None] | None = None,
) -> tuple[list[NormalisedClaim], Origins]:
    """`checker.normalise.normalise`, reusing each document's normalised claims where they hold.

    With the claims come their origins: which entry and place each normalised claim is.
    `days` are each document's `document_days` when already known (None: read them here).
    """
    found = mentions(claims, documents, rulebook, names)
    index = _entity_index(found, rulebook, cache_dir)
    store = SignedStore(cache_dir, "normalised", rulebook)
    published = {d.id: d.published for d in documents}
    days = document_days(documents, rulebook) if days is None else days
    each = ClaimNormaliser(rulebook)
    normalised: list[NormalisedClaim] = []
    tokens: list[bytes] = []
    for document, run in itertools.groupby(claims, key=lambda c: c.evidence.document):
        run = list(run)
        date, day = published.get(document), days.get(document)
        key = store.key(_CLAIMS.dump_json(run), f"{date} {day}".encode())
        entry = store.get(key)
        if entry is None or not _answers_hold(entry[0], index):
            recorder = _Recorder(index)
            found = [(i, one) for i, c in enumerate(run) for one in each(c, date, recorder, day)]
            answers = hashlib.sha256(repr(recorder.asked).encode("utf-8", "replace")).hexdigest()
            store.put(key, (recorder.asked, [_packed(one, run, i) for i, one in found], answers))
            found = [one for _, one in found]
        else:
            found = [_unpacked(packed, run) for packed in entry[1]]
            answers = entry[2]
        normalised.extend(found)
        # the claims and the answers they were normalised with name the result
        tokens.extend(f"{key}:{answers}:{i}".encode() for i in range(len(found)))
    return name_generic_events(normalised, documents, rulebook), Origins(normalised, tokens)


def _packed(claim: NormalisedClaim, run: list[Claim], index: int):
    """A normalised claim to keep, its claim named by its place in the document's claims.

    Unpickling a model is slow (most of a warm re-run's normalising at 10k): the claim is
    already in memory, so only the other fields are kept, and the model is rebuilt from
    them as pickle would (`_unpacked`).
    """
    if claim.__pydantic_private__ is not None or claim.__pydantic_extra__ is not None:
        return claim  # pickled whole
    fields = dict(claim.__dict__)
    if fields.get("claim") is run[index]:
        fields["claim"] = index
    return type(claim), fields, claim.__pydantic_fields_set__


def _unpacked(packed, run: list[Claim]) -> NormalisedClaim:
    if not isinstance(packed, tuple):
        return packed
    model, fields, fields_set = packed
    fields = dict(fields)
    if isinstance(fields.get("claim"), int):
        fields["claim"] = run[fields["claim"]]
    claim = model.__new__(model)
    object.__setattr__(claim, "__dict__", fields)
    object.__setattr__(claim, "__pydantic_fields_set__", fields_set)
    object.__setattr__(claim, "__pydantic_extra__", None)
    object.__setattr__(claim, "__pydantic_private__", None)
    return claim


def _entity_index(
    found: list[tuple[str, str]], rulebook: Rulebook, cache_dir: str | Path
) -> EntityIndex:
    """The entity index of these mentions, kept by their exact list."""
    store = SignedStore(cache_dir, "entities", rulebook)
    key = store.key("\0".join(f"{name}\1{kind}" for name, kind in found).encode("utf-8", "replace"))
    index = store.get(key)
    if not isinstance(index, EntityIndex):
        index = EntityIndex(found, rulebook)
        store.put(key, index)
    return index


_ABSENT = object()


class Origins:
    """Where each normalised claim came from, to name a claim without serialising it.

    A claim's token names the normalisation entry (a hash of its document's claims) and its
    place there; the corpus-wide steps after it (naming generic events, aligning open claims)
    replace some fields, and those are added to the token by value.
    """

    def __init__(self, claims: list[NormalisedClaim], tokens: list[bytes]) -> None:
        self.claims, self.tokens = claims, tokens

    def digests(self, final: list[NormalisedClaim]) -> dict[int, bytes]:
        """A token per claim of `final` (the same claims, in order, after later steps), by id.

        Claims a later step added after them (checker.spellings) get none: never reused.
        """
        if len(final) < len(self.claims):
            return {}
        found = {}
        kept = final[: len(self.claims)]
        for claim, base, token in zip(kept, self.claims, self.tokens, strict=True):
            if claim is base:  # no later step replaced a field: most claims
                found[id(claim)] = token
                continue
            fields = base.__dict__
            changed = [(k, v) for k, v in claim.__dict__.items() if v is not fields.get(k, _ABSENT)]
            found[id(claim)] = token + repr(changed).encode() if changed else token
        return found


class GroupMemo:
    """Each comparison group's discrepancies, kept by the tokens of its claims.

    What a group yields depends on its claims, the days of their events (which other
    articles can tell: `Comparer.event_day`) and, for a weekday (whose discrepancy names
    the person or event it is about), on the people and events of the corpus (see
    `Comparer`), which then join the key. The entries of the last run are kept in one file.
    """

    def __init__(self, cache_dir: str | Path, rulebook: Rulebook, tokens: dict[int, bytes]) -> None:
        self.store = SignedStore(cache_dir, "groups", rulebook)
        self.tokens = tokens
        self.old = (self.store.get(self.store.key(b"last")) or {}) if tokens else {}
        self.new: dict[bytes, tuple[bytes, list]] = {}
        self._state: bytes | None = None

    def __call__(self, comparer: Comparer, group: list[NormalisedClaim]) -> list[Discrepancy]:
        """`comparer.group(group)`, from the last run when the group is the same."""
        parts = [self.tokens.get(id(c)) for c in group]
        if None in parts:
            return comparer.group(group)
        digest = hashlib.sha256(b"\0".join(parts))  # type: ignore[arg-type]
        # the day of an event claim may come from claims of other groups (compare._event_days)
        digest.update(repr([comparer.event_day(c) for c in group]).encode())
        if group[0].value.type == "weekday":
            digest.update(b"\1" + self._corpus(comparer))
        key = digest.digest()
        kept = self.old.get(key)
        if kept is None:
            found = comparer.group(group)
            kept = (_DISCREPANCIES.dump_json(found), [list(d._unlisted_support) for d in found])
        else:
            found = _DISCREPANCIES.validate_json(kept[0])
            for discrepancy, supports in zip(found, kept[1], strict=True):
                discrepancy.supported_also_by(supports)
        self.new[key] = kept
        return found

    def save(self) -> None:
        """Keep this run's groups for the next."""
        if self.tokens:
            self.store.put(self.store.key(b"last"), self.new)

    def _corpus(self, comparer: Comparer) -> bytes:
        if self._state is None:
            state = (comparer.people, sorted(comparer.events.items()))
            self._state = hashlib.sha256(repr(state).encode("utf-8", "replace")).digest()
        return self._state


def compare_incrementally(
    claims: list[NormalisedClaim],
    rulebook: Rulebook,
    origins: Origins,
    cache_dir: str | Path,
    compare=compare,
) -> list[Discrepancy]:
    """`compare` (checker.compare's), reusing the discrepancies of groups the last run compared."""
    memo = GroupMemo(cache_dir, rulebook, origins.digests(claims))
    found = compare(claims, rulebook, judge_group=memo)
    memo.save()
    return found


class ContextMemo:
    """The words around each open claim's value (checker.align), kept by the claim's token.

    A claim's context reads its sentence, its own subject and attribute and where the other
    values of its document's sentence are: all named by its token (its document's claims).
    """

    def __init__(self, cache_dir: str | Path, rulebook: Rulebook, tokens: dict[int, bytes]) -> None:
        self.store = SignedStore(cache_dir, "contexts", rulebook)
        self.tokens = tokens
        self.old = (self.store.get(self.store.key(b"last")) or {}) if tokens else {}
        self.new: dict[bytes, frozenset[str]] = {}

    def __call__(
        self, claim: NormalisedClaim, stop: frozenset[str], neighbours, openers: frozenset[str]
    ) -> frozenset[str]:
        """`context_words(claim, ...)`, from the last run when the claim is the same.

        The stop words and clause openers come from the rules, which key the store.
        """
        token = self.tokens.get(id(claim))
        if token is None:
            return context_words(claim, stop, neighbours, openers)
        found = self.old.get(token)
        if found is None:
            found = context_words(claim, stop, neighbours, openers)
        self.new[token] = found
        return found

    def save(self) -> None:
        """Keep this run's contexts for the next."""
        if self.tokens:
            self.store.put(self.store.key(b"last"), self.new)


def align_incrementally(
    claims: list[NormalisedClaim], rulebook: Rulebook, origins: Origins, cache_dir: str | Path
) -> list[NormalisedClaim]:
    """`checker.align.align`, reusing the contexts of the claims the last run aligned."""
    memo = ContextMemo(cache_dir, rulebook, origins.digests(claims))
    aligned = align(claims, rulebook, context=memo)
    memo.save()
    return aligned


class SentenceMemo:
    """The sentence around an offset of a document (checker.spellings), kept by the text.

    A sentence depends on the document's text, where its body starts and the rulebook's
    abbreviations (which key the store); the entries of the last run are kept in one file.
    """

    def __init__(self, cache_dir: str | Path, rulebook: Rulebook) -> None:
        self.store = SignedStore(cache_dir, "sentences", rulebook)
        self.old = self.store.get(self.store.key(b"last")) or {}
        self.new: dict[bytes, tuple[int, int, int, str] | None] = {}

    def __call__(self, document: Document, offset: int, rulebook: Rulebook) -> Sentence | None:
        """`checker.spellings.sentence_around`, from the last run when the text is the same."""
        text = document.text.encode("utf-8", "surrogatepass")
        key = hashlib.sha256(f"{document.body_start} {offset}\0".encode() + text).digest()
        kept = self.old.get(key, _ABSENT)
        if kept is _ABSENT:
            found = sentence_around(document, offset, rulebook)
            kept = None if found is None else (found.index, found.start, found.end, found.text)
        self.new[key] = kept  # fields, not the model: unpickling models is slow
        if kept is None:
            return None
        index, start, end, text = kept
        return Sentence(index=index, start=start, end=end, text=text)

    def save(self) -> None:
        """Keep this run's sentences for the next."""
        self.store.put(self.store.key(b"last"), self.new)


def spellings_incrementally(
    documents: list[Document],
    names: dict[str, list[str]] | None,
    rulebook: Rulebook,
    cache_dir: str | Path,
) -> list[NormalisedClaim]:
    """`checker.spellings.spelling_claims`, reusing the sentences the last run found."""
    memo = SentenceMemo(cache_dir, rulebook)
    found = spelling_claims(documents, names, rulebook, sentence_at=memo)
    memo.save()
    return found
