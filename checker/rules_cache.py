"""The rulebook cache: validated, compiled rule packs kept on disk by their content hash.

Validating the packs and compiling their ~200 large regexes takes seconds; unpickling the
result takes a tenth of one (`regex` pickles a pattern's compiled code, not just its source).
An entry's key hashes every pack file (path and bytes), the options, factlint's version, the
source of the `checker` package and the Python and `regex` versions, so an edited pack or a
new program never reads an old entry. Entries are pickles, so each is signed (HMAC-SHA256)
with a secret kept in the user's own cache folder: an entry planted in a shared or checked-in
cache folder does not verify and is ignored, never unpickled. Any failure means a rebuild.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import sys
from collections.abc import Callable
from pathlib import Path

import regex

from checker import __version__
from checker.cache import code_fingerprint, write_atomically
from checker.cache_pruning import touch

FORMAT = "2"  # 2: the entry holds the lexicon too
SECRET_VARIABLE = "FACTLINT_SECRET_DIR"  # where the signing secret lives (tests point it away)


def cached_build(
    contents: tuple[tuple[str, bytes], ...],
    open_claims: bool,
    directory: Path,
    build: Callable[[], object],
) -> object:
    """`build()`'s result, read from `directory` when an entry for these packs exists."""
    secret = signing_secret()
    if secret is None:
        return build()
    path = directory / "rules" / f"v{FORMAT}" / f"{entry_key(contents, open_claims)}.pickle"
    found = _read(path, secret)
    if found is not None:
        touch(path)
        return found
    built = build()
    _write(path, secret, built)
    return built


def entry_key(contents: tuple[tuple[str, bytes], ...], open_claims: bool) -> str:
    """The hash of everything a compiled rulebook depends on."""
    digest = hashlib.sha256()
    for part in (FORMAT, __version__, code_fingerprint(), sys.version, regex.__version__):
        digest.update(part.encode() + b"\0")
    digest.update(b"open" if open_claims else b"closed")
    for name, data in contents:
        digest.update(b"\0" + name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def signing_secret() -> bytes | None:
    """This user's secret for signing entries, created on first use (None: no place for it)."""
    folder = Path(os.environ.get(SECRET_VARIABLE) or _user_cache_home() / "factlint")
    path = folder / "cache-secret"
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_bytes(32))
        return _read_secret(path)
    except OSError:  # read-only home, or another process created it first
        try:
            return _read_secret(path)
        except OSError:
            return None


def _user_cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def _read_secret(path: Path) -> bytes | None:
    """The secret, unless the file is someone else's or others may read or change it."""
    status = path.stat()
    if status.st_mode & 0o077 or (hasattr(os, "getuid") and status.st_uid != os.getuid()):
        return None
    secret = path.read_bytes()
    return secret if len(secret) == 32 else None


def read_signed(path: str | Path, secret: bytes) -> object | None:
    """The value of a signed pickle, or None when it is missing, altered or unreadable."""
    return _read(path, secret)


def write_signed(path: str | Path, secret: bytes, value: object) -> None:
    """Store a value as a pickle signed with `secret` (a failure to write is not an error)."""
    _write(path, secret, value)


def _read(path: str | Path, secret: bytes) -> object | None:
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
    except OSError:
        return None
    signature, _, payload = raw.partition(b"\n")
    expected = hmac.new(secret, payload, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(signature, expected):
        return None
    try:
        return pickle.loads(payload)  # noqa: S301 - signed by this user's secret
    except Exception:  # noqa: BLE001 - an unreadable entry is rebuilt
        return None


def _write(path: str | Path, secret: bytes, value: object) -> None:
    """Store an entry atomically; a failure to write is not an error."""
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    signature = hmac.new(secret, payload, hashlib.sha256).hexdigest().encode()
    write_atomically(path, signature + b"\n" + payload)
