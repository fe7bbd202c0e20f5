"""Keeping the cache folder bounded: past a size cap, the least recently used entries go.

Every entry (claims, readings, document facts, compiled rules) is a file under the cache
folder; reading an entry refreshes its modification time, so the oldest times are the
entries no run has wanted for longest: those of old program versions, old rule packs and
documents that left the corpus. A sweep runs at most once per `SWEEP_INTERVAL` (a marker
file keeps the time of the last one), so a warm re-run does not walk the whole folder.
Pruning only ever costs a later run some re-extraction: it never changes a report.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from pydantic import BaseModel

DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB
KEEP_FRACTION = 0.8  # a sweep leaves this share of the cap, so the next is not due at once
SWEEP_INTERVAL = 3600.0  # seconds
MARKER = ".last-pruned"
_SIZE = re.compile(r"(?i)^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$")
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


class Pruned(BaseModel):
    """What a sweep found and removed."""

    swept: bool
    entries: int = 0
    size: int = 0
    removed: int = 0
    freed: int = 0


def parse_size(text: str) -> int:
    """Bytes of a size such as "500M", "2G", "1.5GiB" or "0" (no cap); ValueError if not one."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (e.g. 500M, 2G, 0 for no limit)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


def touch(path: str | Path) -> None:
    """Mark an entry as just used (a failure is not an error: it only ages sooner)."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune_cache(
    directory: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, *, force: bool = False
) -> Pruned:
    """Remove the least recently used entries when the folder holds more than `max_bytes`.

    Skipped (swept=False) when the cap is 0, the folder is missing, or the last sweep was
    less than SWEEP_INTERVAL ago, unless `force`.
    """
    root = Path(directory)
    marker = root / MARKER
    if max_bytes <= 0 or not root.is_dir() or (not force and _swept_recently(marker)):
        return Pruned(swept=False)
    entries = _entries(root)
    size = sum(entry_size for _, entry_size, _ in entries)
    removed = freed = 0
    if size > max_bytes:
        keep = int(max_bytes * KEEP_FRACTION)
        for path, entry_size, _ in sorted(entries, key=lambda e: (e[2], str(e[0]))):
            if size - freed <= keep:
                break
            if _remove(path):
                removed, freed = removed + 1, freed + entry_size
        _remove_empty_folders(root)
    _mark(marker)
    return Pruned(swept=True, entries=len(entries), size=size, removed=removed, freed=freed)


def _swept_recently(marker: Path) -> bool:
    try:
        return time.time() - marker.stat().st_mtime < SWEEP_INTERVAL
    except OSError:
        return False


def _entries(root: Path) -> list[tuple[Path, int, float]]:
    """(path, size, modification time) of every file under the folder but the marker."""
    found = []
    for folder, _, files in os.walk(root):
        for name in files:
            if name == MARKER and folder == str(root):
                continue
            path = Path(folder) / name
            try:
                info = path.stat()
            except OSError:
                continue
            found.append((path, info.st_size, info.st_mtime))
    return found


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


def _remove_empty_folders(root: Path) -> None:
    for folder, _, _ in os.walk(root, topdown=False):
        if folder != str(root):
            try:
                os.rmdir(folder)
            except OSError:
                pass  # not empty, or not ours to remove


def _mark(marker: Path) -> None:
    try:
        marker.touch()
    except OSError:
        pass
