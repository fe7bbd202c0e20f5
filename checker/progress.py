"""A progress bar on standard error (documents done, words per second, time left).

Shown only when standard error is a terminal and the run is not --quiet; otherwise every
call is a no-op, so pipelines and CI logs stay clean.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _WordsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.fields.get("words", 0) / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.0f} words/s", style="progress.data.speed")


class ProgressBar:
    """Extraction progress; `enabled=None` means "when standard error is a terminal"."""

    def __init__(self, total: int, enabled: bool | None = None, label: str = "extracting") -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._words = 0
        self._progress: Progress | None = None
        if self.enabled:
            self._progress = Progress(
                TextColumn(f"[bold]{label}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("documents"),
                _WordsPerSecond(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._progress.add_task(label, total=total, words=0)

    def __enter__(self) -> ProgressBar:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *_: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, documents: int, words: int) -> None:
        """Count documents done and the words they held."""
        if self._progress is None:
            return
        self._words += words
        self._progress.update(self._task, advance=documents, words=self._words)


def word_count(text: str) -> int:
    """Words in a text, as the progress bar and the benchmark count them."""
    return len(text.split())
