"""Helpers for tests that check a small corpus of dated articles end to end."""

from __future__ import annotations

from pathlib import Path


def dated_corpus(tmp_path: Path, *articles: tuple[str, str]) -> str:
    """A folder of articles a.txt, b.txt ... from (publication date, text) pairs."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, (date, text) in enumerate(articles):
        (corpus / f"{chr(97 + number)}.txt").write_text(f"date {date}\n\n{text}\n")
    return str(corpus)


def warned_of(report):
    """The discrepancies a user is warned of (contradictions and warnings)."""
    return [d for d in report.discrepancies if d.severity in ("warning", "contradiction")]
