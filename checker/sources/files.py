"""Finding the files of a corpus and reading their bytes, with every way that can fail.

Folders are walked in sorted order (never the file system's), hidden entries are left out,
symbolic links are followed once (a link back to a folder being walked is a loop, reported),
and a file is read only when it is a regular file under the size limit.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from checker.documents import Diagnostic
from checker.sources.base import note, skip

ASSET_FOLDER_SUFFIX = "_files"  # what browsers save a page's images and scripts into


class Found(BaseModel):
    """A file of the corpus: where it is and the name (id) it goes by."""

    model_config = ConfigDict(frozen=True)

    path: Path
    name: str


class ReadProblem(Exception):
    """A file whose bytes cannot be had; `diagnostic` says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass
class _Level:
    """A folder being walked: its remaining entries, the names in it, the folders above it."""

    entries: Iterator[os.DirEntry]
    folder: Path
    ancestors: frozenset[tuple[int, int] | None]
    names: set[str]


def walk(
    root: Path, skip_names: frozenset[str] = frozenset(), inside: tuple[str, ...] | None = None
) -> Iterator[Found | Diagnostic]:
    """Every file under `root` (sorted, depth first), or a Diagnostic for what cannot be walked.

    `skip_names` are root-level files that are not documents (manifests). `inside` are the real
    paths of the corpus roots: a symbolic link that leads outside all of them is skipped (None
    follows every link). Folders are walked with a stack, not recursion: any depth is fine.
    """
    top = _level(root, root, frozenset())
    if isinstance(top, Diagnostic):
        yield top
        return
    stack = [top]
    while stack:
        entry = next(stack[-1].entries, None)
        if entry is None:
            stack.pop()
            continue
        found = _visit(entry, stack[-1], root, skip_names, inside)
        if isinstance(found, _Level):
            stack.append(found)
        elif found is not None:
            yield found


def _visit(
    entry: os.DirEntry,
    level: _Level,
    root: Path,
    skip_names: frozenset[str],
    inside: tuple[str, ...] | None,
) -> Found | Diagnostic | _Level | None:
    """What one folder entry is: a file, a problem, a folder to walk, or nothing to read."""
    if entry.name.startswith(".") or (level.folder == root and entry.name in skip_names):
        return None
    path = Path(entry.path)
    relative = _name(path, root)
    if inside is not None and entry.is_symlink() and not is_inside(path, inside):
        return outside_corpus(relative, path)
    kind = _kind(path)
    if isinstance(kind, Diagnostic):
        return kind.model_copy(update={"document": relative})
    if kind == "file":
        return Found(path=path, name=relative)
    if kind != "folder":
        return skip("ingest.not-a-file", relative, f"not a regular file ({kind})")
    if _is_page_assets(entry.name, level.names):
        return None
    if _identity(path) in level.ancestors:
        return skip(
            "ingest.symlink-loop",
            relative,
            "symbolic link loop: this folder links back to a folder that contains it",
        )
    return _level(path, root, level.ancestors)


def _level(folder: Path, root: Path, ancestors: frozenset) -> _Level | Diagnostic:
    listing = _listing(folder, root)
    if isinstance(listing, Diagnostic):
        return listing
    names = {entry.name for entry in listing}
    return _Level(iter(listing), folder, ancestors | {_identity(folder)}, names)


def _listing(folder: Path, root: Path) -> list[os.DirEntry] | Diagnostic:
    """A folder's entries, sorted by name, or the Diagnostic for a folder that cannot be listed."""
    try:
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        name = _name(folder, root) or "."
        return skip("ingest.unreadable", name, f"cannot list the folder: {_reason(exc)}")


def is_inside(path: Path | str, inside: tuple[str, ...]) -> bool:
    """True when a path, links resolved, is one of the `inside` real paths or under one."""
    real = os.path.realpath(path)
    return any(real == top or real.startswith(top.rstrip(os.sep) + os.sep) for top in inside)


def outside_corpus(name: str, path: Path) -> Diagnostic:
    """The diagnostic for a symbolic link that leads outside the paths given."""
    return skip(
        "ingest.outside-corpus",
        name,
        f"symbolic link to {display(os.readlink(path))}, outside the corpus: not read "
        "(--follow-symlinks reads it)",
    )


def display(text: str) -> str:
    """A file name as text: undecodable bytes (kept by the OS as surrogates) as xNN escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def _kind(path: Path) -> str | Diagnostic:
    """'file', 'folder', another file type's name, or a Diagnostic for a broken link."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return skip("ingest.symlink-loop", "", "symbolic link loop (the link leads to itself)")
        if exc.errno == errno.ENOENT and path.is_symlink():
            target = display(os.readlink(path))
            return skip("ingest.broken-link", "", f"broken symbolic link to {target}")
        return skip("ingest.unreadable", "", f"cannot read: {_reason(exc)}")
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a file; raises ReadProblem when it is too large or cannot be read."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise ReadProblem(too_large(name, size, max_bytes))
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise ReadProblem(skip("ingest.unreadable", name, f"cannot read: {_reason(exc)}")) from exc
    if len(data) > max_bytes:
        raise ReadProblem(too_large(name, len(data), max_bytes))
    return data


def too_large(name: str, size: int, max_bytes: int) -> Diagnostic:
    """The diagnostic for a file over the size limit."""
    return skip(
        "ingest.too-large",
        name,
        f"{human_size(size)} is over the {human_size(max_bytes)} limit (raise it with --max-size)",
    )


def human_size(size: int) -> str:
    """1536 -> '1.5 KiB'."""
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    for unit in ("KiB", "MiB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


def not_a_document(name: str, suffix: str, supported: tuple[str, ...]) -> Diagnostic:
    """The diagnostic for a file of a type factlint does not read."""
    kind = f"{suffix} files" if suffix else "files without a suffix"
    return skip(
        "ingest.unsupported",
        name,
        f"not read: {kind} are not documents factlint reads ({', '.join(supported)})",
    )


def duplicate_root(name: str) -> Diagnostic:
    """The note for a path given twice on the command line."""
    return note("ingest.duplicate-path", name, "given more than once: read once")


def _is_page_assets(folder_name: str, siblings: set[str]) -> bool:
    """'page_files' beside 'page.html': the images and scripts of a page saved by a browser."""
    if not folder_name.endswith(ASSET_FOLDER_SUFFIX):
        return False
    page = folder_name.removesuffix(ASSET_FOLDER_SUFFIX)
    return any(f"{page}{suffix}" in siblings for suffix in (".html", ".htm"))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _name(path: Path, root: Path) -> str:
    return display(path.relative_to(root).as_posix()) if path != root else ""


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
