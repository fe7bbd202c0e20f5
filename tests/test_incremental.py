"""Caches never change a report: re-runs after a change, and new rules, options or code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from checker import rules_cache
from checker.lexicon import Lexicon, lexicon_for
from checker.pipeline import run
from checker.reporters import render
from checker.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
CUSTOM_PACK = (
    "pack: mine\nrules:\n  - id: height\n    kind: quantity\n    attribute: height\n"
    "    description: Height of a tower.\n    patterns:\n      - name: stands\n"
    "        regex: '(?P<subject>{ORG})\\s+stands\\s+(?P<value>{DIGITS})\\s+metres'\n"
)


@pytest.fixture(autouse=True)
def _own_secret(tmp_path, monkeypatch):
    monkeypatch.setenv(rules_cache.SECRET_VARIABLE, str(tmp_path / "secret"))


@pytest.fixture
def corpus(tmp_path):
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    path = tmp_path / "corpus"
    module.generate(path, docs=24, stories=4, seed=5, words=200)
    return path


def _json(corpus, **options) -> str:
    return render(run([corpus], jobs=1, **options), "json")


def test_rerun_after_one_change_is_byte_identical_to_a_cold_run(corpus, tmp_path):
    cache = tmp_path / "cache"
    _json(corpus, cache_dir=cache)
    changed = sorted(corpus.rglob("*.md"))[5]
    with open(changed, "a", encoding="utf-8") as stream:
        stream.write("\nThe company said it employs 4,200 people, up from 3,900.\n")
    warm = _json(corpus, cache_dir=cache)
    assert warm == _json(corpus)
    assert warm == _json(corpus, cache_dir=cache)  # and once more, everything cached


def test_options_are_part_of_every_key(corpus, tmp_path):
    cache = tmp_path / "cache"
    _json(corpus, cache_dir=cache)
    closed = _json(corpus, cache_dir=cache, open_claims=False)
    assert closed == _json(corpus, open_claims=False)
    assert closed != _json(corpus)


def test_an_edited_custom_pack_applies_at_once(tmp_path):
    article = tmp_path / "corpus" / "a.txt"
    article.parent.mkdir()
    article.write_text("Acme Towers stands 300 metres tall, the company said.\n", encoding="utf-8")
    pack = tmp_path / "mine.yaml"
    pack.write_text(CUSTOM_PACK.replace("height", "elevation"), encoding="utf-8")
    cache = tmp_path / "cache"

    def attributes() -> set[str]:
        report = run([article.parent], rules=[pack], jobs=1, cache_dir=cache)
        return {c.attribute for c in report.claims}

    assert "elevation" in attributes()
    pack.write_text(CUSTOM_PACK, encoding="utf-8")
    found = attributes()
    assert "height" in found and "elevation" not in found


def test_the_rulebook_comes_back_from_the_cache_equal(tmp_path):
    cache = tmp_path / "cache"
    built = load_rulebook(cache_dir=cache)
    entries = list((cache / "rules").rglob("*.pickle"))
    assert len(entries) == 1
    contents = tuple((s, Path(s).read_bytes()) for s in built.sources)
    read = rules_cache.cached_build(contents, True, cache, lambda: pytest.fail("rebuilt"))
    rulebook, _, lexicon = read
    assert rulebook.model_dump(exclude={"rules"}) == built.model_dump(exclude={"rules"})
    assert _patterns(rulebook) == _patterns(built)
    # The lexicon comes back with it (a warm start does not compile its patterns again).
    assert isinstance(lexicon, Lexicon)
    assert lexicon.future.pattern == lexicon_for(built).future.pattern


def _patterns(rulebook) -> list:
    return [
        (r.id, r.rule, r.trigger and r.trigger.pattern, [(n, p.pattern) for n, p in r.compiled])
        for r in rulebook.rules
    ]


def test_an_entry_not_signed_with_the_users_secret_is_never_unpickled(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    built = load_rulebook(cache_dir=cache)
    (entry,) = (cache / "rules").rglob("*.pickle")
    signature, _, payload = entry.read_bytes().partition(b"\n")
    entry.write_bytes(b"0" * len(signature) + b"\n" + payload)
    contents = tuple((s, Path(s).read_bytes()) for s in built.sources)
    rebuilt = []
    rules_cache.cached_build(contents, True, cache, lambda: rebuilt.append(1) or ("new", None))
    assert rebuilt == [1]
    monkeypatch.setenv(rules_cache.SECRET_VARIABLE, str(tmp_path / "another-user"))
    again = rules_cache.cached_build(contents, True, cache, lambda: ("rebuilt", None))
    assert again == ("rebuilt", None)
