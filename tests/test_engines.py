"""Jobs, the claim cache, the progress bar and the Dask engine never change the report."""

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cache import ClaimCache
from checker.cli import main
from checker.engines.local import MIN_PARALLEL_DOCUMENTS
from checker.ingest import ingest
from checker.pipeline import run
from checker.progress import ProgressBar
from checker.reporters import render
from checker.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "generated"
    _generator().generate(path, docs=MIN_PARALLEL_DOCUMENTS + 16, stories=8, seed=3, words=250)
    return path


@pytest.fixture(scope="module")
def reference(corpus):
    return render(run([corpus], jobs=1), "json")


def test_parallel_extraction_gives_the_same_report(corpus, reference):
    assert render(run([corpus], jobs=2), "json") == reference


def test_cold_and_warm_cache_give_the_same_report(corpus, reference, tmp_path):
    cache = tmp_path / "cache"
    assert render(run([corpus], jobs=2, cache_dir=cache), "json") == reference
    entries = list(cache.glob("v1/*/*.json"))
    assert len(entries) == len(ingest([corpus]).documents)
    assert render(run([corpus], jobs=1, cache_dir=cache), "json") == reference


def test_corrupt_cache_entries_are_ignored_and_rebuilt(corpus, reference, tmp_path):
    cache = tmp_path / "cache"
    run([corpus], jobs=1, cache_dir=cache)
    entries = sorted(cache.glob("v1/*/*.json"))
    entries[0].write_bytes(entries[0].read_bytes()[:-40])  # truncated
    raw = bytearray(entries[1].read_bytes())
    raw[-10] ^= 0x20  # one flipped bit
    entries[1].write_bytes(bytes(raw))
    key, _, _ = entries[2].read_bytes().split(b"\n", 2)
    payload = b'[{"kind": "not a kind"}]'  # a valid checksum over an invalid claim list
    import hashlib

    entries[2].write_bytes(
        key + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    )
    entries[3].write_bytes(b"garbage")
    rulebook = load_rulebook()
    cache_reader = ClaimCache(cache, rulebook)
    documents = ingest([corpus]).documents
    keys = {cache_reader.key(d) for d in documents}
    assert render(run([corpus], jobs=1, cache_dir=cache), "json") == reference
    for entry in entries[:4]:  # rewritten, now valid
        key = entry.read_bytes().split(b"\n", 1)[0].decode()
        assert key in keys and cache_reader.get(key) is not None


def test_cache_key_depends_on_document_and_rules(corpus, tmp_path):
    rulebook = load_rulebook()
    documents = ingest([corpus]).documents
    cache = ClaimCache(tmp_path, rulebook)
    changed = documents[0].model_copy(update={"text": documents[0].text + " More."})
    assert cache.key(changed) != cache.key(documents[0])
    other_rules = rulebook.model_copy(update={"version": "something-else"})
    assert ClaimCache(tmp_path, other_rules).key(documents[0]) != cache.key(documents[0])


def test_cli_cache_lives_in_the_current_directory_not_the_corpus(corpus, tmp_path):
    runner = CliRunner()
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        result = runner.invoke(main, ["check", str(corpus), "-q", "--jobs", "1"])
        assert result.exit_code in (0, 1), result.output
        assert (tmp_path / ".factlint_cache").is_dir()
        assert not list(corpus.rglob(".factlint_cache"))
        result = runner.invoke(
            main, ["check", str(corpus), "-q", "--no-cache", "--cache-dir", "other"]
        )
        assert result.exit_code in (0, 1)
        assert not (tmp_path / "other").exists()
    finally:
        os.chdir(here)


def test_no_progress_bar_when_standard_error_is_not_a_terminal(corpus):
    result = CliRunner().invoke(
        main, ["check", str(corpus), "--no-cache", "--jobs", "1", "--format", "json"]
    )
    assert result.exit_code in (0, 1)
    assert "words/s" not in result.stderr and "extracting" not in result.stderr


def test_progress_bar_counts_documents_and_words(capsys):
    with ProgressBar(3, enabled=True) as bar:
        bar.advance(2, 1000)
        assert bar._progress.tasks[0].completed == 2
        assert bar._progress.tasks[0].fields["words"] == 1000


def test_scheduler_needs_the_dask_engine(corpus):
    result = CliRunner().invoke(main, ["check", str(corpus), "--scheduler", "tcp://x:8786"])
    assert result.exit_code == 2
    assert "--engine dask" in result.output


def test_dask_engine_gives_the_same_report_on_a_local_cluster(corpus, reference, tmp_path):
    import dask.distributed  # noqa: F401 - a test dependency: this test is never skipped

    cache = tmp_path / "cache"
    # Cold: every document extracted on the workers (and cached); warm: all read back.
    assert render(run([corpus], engine="dask", jobs=2, cache_dir=cache), "json") == reference
    assert len(list(cache.glob("v1/*/*.json"))) == len(ingest([corpus]).documents)
    assert render(run([corpus], engine="dask", jobs=2, cache_dir=cache), "json") == reference
