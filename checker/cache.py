"""The claim cache: each document's extracted claims, stored by content hash.

An entry's key hashes the document (its id, text and metadata), the rule packs'
`Rulebook.version`, factlint's version and the source of the `checker` package, so a changed
document, rule pack or program never reads a stale entry. Entries are JSON validated by the
pydantic models on the way in, with a checksum line: an entry that fails either check is
ignored and rebuilt, never trusted. The cache lives in `.factlint_cache/` in the current
directory by default, outside the corpus, and never changes results.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from checker import __version__
from checker.cache_pruning import touch
from checker.claims import Claim
from checker.documents import Document
from checker.rulebook import Rulebook

DEFAULT_CACHE_DIR = ".factlint_cache"
FORMAT = "1"
_CLAIMS = TypeAdapter(list[Claim])


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the checker package's source, so new code never reads old entries."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def content_key(seed: bytes, *parts: bytes) -> str:
    """The key of content given as parts, seeded with what else the value depends on."""
    digest = hashlib.sha256(seed)
    for part in parts:
        digest.update(b"\0" + hashlib.sha256(part).digest())
    return digest.hexdigest()


class ContentStore:
    """Values derived from content, one checksummed JSON entry per key, under `directory`.

    Keys hash the content with a salt (the format, factlint's version, the code and whatever
    else the value depends on), so a changed input or program never reads a stale entry.
    """

    def __init__(self, directory: str | Path, adapter: TypeAdapter, salt: bytes) -> None:
        self.directory = Path(directory)
        self._root = os.fspath(self.directory / f"v{FORMAT}")
        self.adapter = adapter
        self._salt = salt
        self.hits = self.misses = self.rejected = 0

    def key(self, *parts: bytes) -> str:
        """The entry key of content given as parts."""
        return content_key(self._salt, *parts)

    def get(self, key: str):
        """The stored value, or None when there is no valid entry."""
        path = self._path(key)
        try:
            with open(path, "rb") as stream:
                raw = stream.read()
        except OSError:
            self.misses += 1
            return None
        found = _decode(raw, key, self.adapter)
        if found is None:
            self.rejected += 1
        else:
            self.hits += 1
            touch(path)
        return found

    def put(self, key: str, value) -> None:
        """Store a value (atomically; a failure to write or to serialise is not an error)."""
        try:
            payload = self.adapter.dump_json(value)
        except (ValueError, TypeError):  # e.g. text with lone surrogates: simply not cached
            return
        _write(self._path(key), key, payload)

    def _path(self, key: str) -> str:
        # a string, not a Path: tens of thousands of lookups per warm run (Path's joins cost 1 s at 10k)
        return f"{self._root}{os.sep}{key[:2]}{os.sep}{key[2:]}.json"


def salt(*parts: str) -> bytes:
    """The salt of a store: the cache format, factlint's version, the code and `parts`."""
    return "\0".join([FORMAT, __version__, code_fingerprint(), *parts]).encode()


class ClaimCache(ContentStore):
    """Extracted claims on disk, one file per document, under `directory`."""

    def __init__(self, directory: str | Path, rulebook: Rulebook) -> None:
        super().__init__(directory, _CLAIMS, salt(rulebook.version))

    def key(self, document: Document) -> str:  # type: ignore[override]
        """The entry key of a document: its content with everything extraction depends on."""
        payload = document.model_dump_json().encode("utf-8")
        return hashlib.sha256(self._salt + b"\0" + payload).hexdigest()


def _write(path: str | Path, key: str, payload: bytes) -> None:
    body = key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"
    write_atomically(path, body + payload)


def write_atomically(path: str | Path, data: bytes) -> None:
    """Replace a cache entry in one step (a failure to write is not an error)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".entry.", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        return


def _decode(raw: bytes, key: str, adapter: TypeAdapter):
    """The value of an entry, or None when it is truncated, altered or not valid."""
    parts = raw.split(b"\n", 2)
    if len(parts) != 3 or parts[0] != key.encode():
        return None
    checksum, payload = parts[1], parts[2]
    if hashlib.sha256(payload).hexdigest().encode() != checksum:
        return None
    try:
        return adapter.validate_json(payload)
    except (ValidationError, ValueError):
        return None
