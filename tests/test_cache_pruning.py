"""The cache folder stays under its size cap: least recently used entries go first."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import rules_cache
from checker.cache_pruning import MARKER, parse_size, prune_cache
from checker.cli import main


def _entry(root: Path, name: str, size: int, age: float) -> Path:
    path = root / "v1" / name[:2] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    stamp = 1_000_000_000 + 10_000 - age
    os.utime(path, (stamp, stamp))
    return path


def test_oldest_entries_go_until_under_the_cap(tmp_path):
    old = _entry(tmp_path, "aa-old", 400, age=300)
    middle = _entry(tmp_path, "bb-middle", 400, age=200)
    new = _entry(tmp_path, "cc-new", 400, age=100)
    result = prune_cache(tmp_path, max_bytes=1000)
    assert (result.removed, result.freed, result.size) == (1, 400, 1200)
    assert not old.exists() and middle.exists() and new.exists()
    assert not old.parent.exists()  # its emptied folder goes too


def test_nothing_goes_under_the_cap_or_without_one(tmp_path):
    entry = _entry(tmp_path, "aa", 400, age=100)
    assert prune_cache(tmp_path, max_bytes=1000).removed == 0
    assert prune_cache(tmp_path, max_bytes=0, force=True).swept is False
    assert entry.exists()


def test_a_recent_sweep_is_not_repeated(tmp_path):
    _entry(tmp_path, "aa", 400, age=100)
    assert prune_cache(tmp_path, max_bytes=100).swept
    assert (tmp_path / MARKER).exists()
    _entry(tmp_path, "bb", 400, age=50)
    assert prune_cache(tmp_path, max_bytes=100).swept is False
    assert prune_cache(tmp_path, max_bytes=100, force=True).removed == 1


@pytest.mark.parametrize(
    ("text", "size"), [("0", 0), ("500M", 500 << 20), ("2G", 2 << 30), ("1.5GiB", 3 << 29)]
)
def test_sizes(text, size):
    assert parse_size(text) == size


def test_a_bad_size_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--cache-max-size", "lots"])
    assert result.exit_code == 2 and "--cache-max-size" in result.output


def test_a_used_entry_survives_and_the_report_is_unchanged(tmp_path, monkeypatch):
    monkeypatch.setenv(rules_cache.SECRET_VARIABLE, str(tmp_path / "secret"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, count in enumerate((120, 150)):
        (corpus / f"a{i}.txt").write_text(
            f"Note {i}\n\nAcme Corp employs {count} people, the company said on Monday.\n"
        )
    cache = tmp_path / "cache"
    stale = _entry(cache, "ff-stale", 50_000_000, age=10**9)  # far older than anything used

    def check() -> dict:
        args = ["check", str(corpus), "--format", "json", "--cache-dir", str(cache)]
        result = CliRunner().invoke(main, [*args, "--cache-max-size", "40M"])
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.output)

    first = check()
    assert not stale.exists()
    kept = sorted(p for p in cache.rglob("*") if p.is_file() and p.name != MARKER)
    assert kept  # this run's entries stay
    assert check() == first
