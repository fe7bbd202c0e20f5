"""Report outputs: what each output path is, checked before anything is read, written all at once.

A regular file or a new path is written atomically: a temporary file beside it, then a rename,
so an interrupted run leaves the previous report as it was. A character device, a FIFO, `-`
and /dev/stdout are written to directly (`-o /dev/null` works and stays a device). A symbolic
link that leads to a device or a FIFO is written through; any other link is refused, never
replaced. An output that is an input of the run (a document of the corpus, the baseline, a
rule pack, the configuration), or two outputs naming one file, is a usage error.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, TextIO

import click
from pydantic import BaseModel, ConfigDict, Field

from checker.errors import UsageError

STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
STDERR_NAMES = frozenset({"/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"})
SIGNATURE_BYTES = 4096  # how much of an existing file is read to tell a factlint report
OutputKind = Literal["stdout", "stderr", "stream", "file"]


class Target(BaseModel):
    """Where one output goes, as decided before the run."""

    model_config = ConfigDict(frozen=True)

    path: str = Field(description="The path as given.")
    option: str = Field(description="The option that named it, for messages ('--html').")
    kind: OutputKind = Field(
        description="stdout or stderr (written to the stream), stream (a device or FIFO, "
        "written directly) or file (a regular file or a new path, written atomically)."
    )
    real: str = Field(description="The resolved path (identifies the file).")

    @property
    def is_file(self) -> bool:
        """True when the output is a file on disk, written atomically."""
        return self.kind == "file"


class RunInputs(BaseModel):
    """What a run reads, so that no output can overwrite it."""

    model_config = ConfigDict(frozen=True)

    corpus: list[str] = Field(default_factory=list, description="The corpus paths given.")
    files: list[str] = Field(
        default_factory=list, description="Other files read: baseline, rule packs, configuration."
    )
    document_suffixes: frozenset[str] = Field(
        frozenset(), description="Suffixes read as documents in a corpus folder."
    )
    manifest_names: frozenset[str] = frozenset()


def plan_outputs(
    named: Iterable[tuple[str, str | None]],
    inputs: RunInputs,
    signatures: Iterable[str] = (),
) -> list[Target]:
    """The targets of the outputs named by (option, path); raises UsageError for a bad one.

    `signatures` are regular expressions that match the start of a factlint report (an earlier run's report in the
    corpus folder may be replaced; an article may not).
    """
    targets = [target_for(path, option) for option, path in named if path]
    _no_two_alike(targets)
    for target in targets:
        _not_an_input(target, inputs, tuple(signatures))
    return targets


def target_for(path: str, option: str) -> Target:
    """Classify one output path; raises UsageError for a link or file type never written."""
    if path in STDOUT_NAMES:
        return Target(path=path, option=option, kind="stdout", real="<stdout>")
    if path in STDERR_NAMES:
        return Target(path=path, option=option, kind="stderr", real="<stderr>")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return Target(path=path, option=option, kind="file", real=_real_new(path))
    except OSError as exc:
        raise UsageError(f"{option} {path}: cannot write: {_reason(exc)}") from exc
    if stat.S_ISLNK(info.st_mode):
        return _through_link(path, option)
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{option} {path}: is a folder, not a file")
    if stat.S_ISREG(info.st_mode):
        return Target(path=path, option=option, kind="file", real=os.path.realpath(path))
    if stat.S_ISSOCK(info.st_mode):
        raise UsageError(f"{option} {path}: is a socket: factlint cannot write reports to it")
    return Target(path=path, option=option, kind="stream", real=os.path.realpath(path))


def _through_link(path: str, option: str) -> Target:
    """A link to a device or FIFO is written through; a link to a file or nothing is refused."""
    real = os.path.realpath(path)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return Target(path=path, option=option, kind="stream", real=real)
    raise UsageError(
        f"{option} {path}: is a symbolic link (to {real}): factlint neither replaces a link "
        "nor writes through it to a file; name the file itself"
    )


def _real_new(path: str) -> str:
    parent, name = os.path.split(os.path.abspath(path))
    return os.path.join(os.path.realpath(parent), name)


def _no_two_alike(targets: list[Target]) -> None:
    seen: dict[str, Target] = {}
    for target in targets:
        if target.real == os.devnull:
            continue
        first = seen.setdefault(target.real, target)
        if first is not target:
            raise UsageError(
                f"{first.option} {first.path} and {target.option} {target.path} name the same "
                "file: give each output its own"
            )


def _not_an_input(target: Target, inputs: RunInputs, signatures: tuple[str, ...]) -> None:
    if not target.is_file:
        return
    what = _input_named(target.real, inputs) or _document_of_corpus(target.real, inputs)
    if what is None or _is_report(target.real, signatures):
        return
    raise UsageError(
        f"{target.option} {target.path}: is an input of this run ({what}): refusing to "
        "overwrite it; write the report somewhere else"
    )


def _input_named(real: str, inputs: RunInputs) -> str | None:
    for path in inputs.corpus:
        if path not in STDOUT_NAMES and os.path.realpath(path) == real:
            return "a document of the corpus"
    for path in inputs.files:
        if os.path.realpath(path) == real:
            return f"read as {path}"
    return None


def _document_of_corpus(real: str, inputs: RunInputs) -> str | None:
    """The corpus folder an existing file would be read from (a document or a manifest)."""
    if not os.path.isfile(real):
        return None
    name = os.path.basename(real)
    if name.startswith("."):
        return None
    suffix = os.path.splitext(name)[1].lower()
    for root in inputs.corpus:
        folder = os.path.realpath(root)
        if not os.path.isdir(folder) or os.path.commonpath([folder, real]) != folder:
            continue
        relative = os.path.relpath(real, folder)
        if any(part.startswith(".") for part in Path(relative).parts):
            continue
        if suffix in inputs.document_suffixes or relative in inputs.manifest_names:
            return f"{relative} of the corpus {root}"
    return None


def _is_report(real: str, signatures: tuple[str, ...]) -> bool:
    """True when an existing file is empty or a factlint report (an earlier run's output)."""
    try:
        with open(real, "rb") as stream:
            head = stream.read(SIGNATURE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    return not head.strip() or any(re.match(signature, head, re.S) for signature in signatures)


Content = str | Iterable[str]  # a text, or its pieces (a streamed report)
ECHO_CHUNK = 1 << 16  # characters written to the terminal at a time


def write_outputs(items: list[tuple[Target, Content]]) -> None:
    """Write every output, or none: files are staged beside their targets, then renamed together.

    Each output is a text or its pieces, written one after another (a streamed report).

    Raises UsageError when one cannot be written (nothing is renamed then); an interrupt
    before the renames leaves every previous file as it was.
    """
    staged: list[tuple[Target, str]] = []
    try:
        for target, content in items:
            if target.is_file:
                staged.append((target, _stage(target, content)))
        for target, _ in staged:
            _still_a_file(target)
        with _no_interrupts():
            for target, temporary in staged:
                _commit(target, temporary)
    except BaseException as exc:
        for _, temporary in staged:
            Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {exc.filename or 'a report'}: {_reason(exc)}") from exc
        raise
    for target, content in items:
        if not target.is_file:
            _write_stream(target, content)


def write_file(path: str, option: str, text: str) -> None:
    """Write one file (the baseline) the same way as the reports."""
    write_outputs([(target_for(path, option), text)])


def _stage(target: Target, content: Content) -> str:
    path = Path(target.path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {_reason(exc)}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as f:
            _put(content, f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, _mode_for(path))
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {path}: {_reason(exc)}") from exc
        raise
    return temporary


def _still_a_file(target: Target) -> None:
    """Refuse a target that became something else (a link, a device) since it was planned."""
    try:
        mode = os.lstat(target.path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise UsageError(f"{target.option} {target.path}: is no longer a regular file: not written")


def _commit(target: Target, temporary: str) -> None:
    """Rename the staged file over the target."""
    os.replace(temporary, target.path)


def _put(content: Content, stream: TextIO) -> None:
    for piece in [content] if isinstance(content, str) else content:
        stream.write(piece)


class _Echo:
    """A text stream onto standard output or error through click.echo, in large pieces."""

    def __init__(self, err: bool) -> None:
        self.err, self.pending, self.size = err, [], 0

    def write(self, text: str) -> None:
        self.pending.append(text)
        self.size += len(text)
        if self.size >= ECHO_CHUNK:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            click.echo("".join(self.pending), nl=False, err=self.err)
        self.pending, self.size = [], 0


def _write_stream(target: Target, content: Content) -> None:
    if target.kind in ("stdout", "stderr"):
        echo = _Echo(err=target.kind == "stderr")
        _put(content, echo)
        echo.flush()
        return
    try:
        handle = os.open(target.path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as stream:
            if stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise UsageError(f"{target.option} {target.path}: became a regular file")
            _put(content, stream)
    except OSError as exc:
        raise UsageError(f"cannot write {target.path}: {_reason(exc)}") from exc


@contextlib.contextmanager
def _no_interrupts() -> Iterator[None]:
    """Hold Ctrl-C while the staged files are renamed, so the outputs change together."""
    blockable = hasattr(signal, "pthread_sigmask") and _in_main_thread()
    if blockable:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if blockable:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _mode_for(path: Path) -> int:
    """The permissions a report gets: the old file's, else the usual ones (mkstemp's are 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def stdout_taken(targets: Iterable[Target]) -> bool:
    """True when an output goes to standard output (the terminal report then stays off it)."""
    return any(target.kind == "stdout" for target in targets)
