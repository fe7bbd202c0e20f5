"""Incremental normalisation and comparison (checker.incremental): reuse only what still holds."""

from __future__ import annotations

import pytest

from checker import rules_cache
from checker.compare import Comparer
from checker.incremental import SignedStore
from checker.pipeline import run
from checker.reporters import render


@pytest.fixture(autouse=True)
def _own_secret(tmp_path, monkeypatch):
    monkeypatch.setenv(rules_cache.SECRET_VARIABLE, str(tmp_path / "secret"))


def _json(corpus, **options) -> str:
    return render(run([corpus], jobs=1, **options), "json")


def _claims(report_json: str) -> list[tuple[str, str, str]]:
    import json

    return [(c["document"], c["subject"], c["value"]) for c in json.loads(report_json)["claims"]]


def test_a_new_article_that_names_someone_renormalises_the_articles_it_changes(tmp_path):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Smith, 54, resigned as chief executive of Acme Corp on Monday.\n"
    )
    (corpus / "b.txt").write_text(
        "Smith, 55, resigned as chief executive of Acme Corp on Monday.\n"
    )
    first = _json(corpus, cache_dir=cache)
    assert ("a.txt", "Smith", "54") in _claims(first)
    (corpus / "c.txt").write_text("John Smith, 56, founded Acme Corp in 1990.\n")
    warm = _json(corpus, cache_dir=cache)  # a.txt's claims are unchanged, its entities not
    assert ("a.txt", "John Smith", "54") in _claims(warm)
    assert warm == _json(corpus)
    (corpus / "c.txt").unlink()
    assert _json(corpus, cache_dir=cache) == first


def test_a_group_of_the_same_claims_under_a_new_name_is_compared_again(tmp_path):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Smith, 54, resigned as chief executive of Acme Corp on Monday.\n"
    )
    (corpus / "b.txt").write_text(
        "Smith, 55, resigned as chief executive of Acme Corp on Monday.\n"
    )
    assert "Smith's age" in _json(corpus, cache_dir=cache)
    (corpus / "c.txt").write_text("John Smith founded Acme Corp in 1990.\n")  # no age of his
    warm = _json(corpus, cache_dir=cache)
    assert "John Smith's age" in warm and warm == _json(corpus)


def test_groups_and_documents_are_reused_and_changes_show(tmp_path):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    for name, count in (("a", "4,200"), ("b", "4,300"), ("c", "4,200")):
        text = f"Acme Corp employs {count} people, the company said on Monday.\n"
        (corpus / f"{name}.txt").write_text(text)
    (corpus / "d.txt").write_text("Birch Ltd employs 120 people. Birch Ltd employs 150 people.\n")
    _json(corpus, cache_dir=cache)
    (corpus / "b.txt").write_text("Acme Corp employs 4,200 people, the company said on Monday.\n")
    warm = _json(corpus, cache_dir=cache)
    assert warm == _json(corpus) and "4,300" not in warm
    assert warm == _json(corpus, cache_dir=cache)


def test_without_a_secret_nothing_is_kept_and_the_report_is_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(rules_cache, "signing_secret", lambda: None)
    monkeypatch.setattr("checker.incremental.signing_secret", lambda: None)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Smith, 54, resigned as chief executive of Acme Corp.\n")
    assert _json(corpus, cache_dir=tmp_path / "cache") == _json(corpus)
    assert not (tmp_path / "cache" / "normalised").exists()


def test_the_comparer_holds_only_the_corpus_state_the_group_keys_know(rulebook):
    """checker.incremental keys weekday groups by `people` and `events`: a new corpus-wide
    attribute of Comparer must join GroupMemo's key before this list is changed."""
    known = {
        "rulebook",
        "gazetteer",
        "offices",
        "lexicon",
        "people",
        "_by_name",
        "events",
        "_days",  # read through event_day, which joins every group's key
    }
    assert set(vars(Comparer(rulebook, []))) == known


def test_a_store_entry_is_found_by_its_key_only(tmp_path, rulebook):
    store = SignedStore(tmp_path, "x", rulebook)
    store.put(store.key(b"a"), [1, 2])
    assert store.get(store.key(b"a")) == [1, 2] and store.get(store.key(b"b")) is None


def test_a_kept_normalised_claim_comes_back_equal_and_holding_the_documents_claim(rulebook):
    import pickle

    from conftest import SEEDS

    from checker.extract import extract
    from checker.incremental import _packed, _unpacked
    from checker.ingest import ingest
    from checker.normalise import normalise

    documents = ingest([SEEDS]).documents[:3]
    claims = [c for d in documents for c in extract(d, rulebook)]
    for one in normalise(claims, documents, rulebook):
        where = next(i for i, c in enumerate(claims) if c is one.claim)
        back = _unpacked(pickle.loads(pickle.dumps(_packed(one, claims, where))), claims)
        assert back == one and back.claim is claims[where]
        assert back.model_dump_json() == one.model_dump_json() and hash(back) == hash(one)


def test_a_group_is_compared_again_when_another_article_tells_its_events_day(tmp_path):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    (corpus / "a.txt").write_text("An earthquake on Sunday injured five people in Qeshm.\n")
    (corpus / "b.txt").write_text("The earthquake measured 5.6 and injured two people.\n")
    (corpus / "c.txt").write_text("A 5.6-magnitude earthquake struck Qeshm on Monday.\n")
    first = _json(corpus, cache_dir=cache)
    assert first == _json(corpus)
    # the same a.txt and b.txt: only c.txt now gives b.txt's quake a's day
    (corpus / "c.txt").write_text("A 5.6-magnitude earthquake struck Qeshm on Sunday.\n")
    warm = _json(corpus, cache_dir=cache)
    assert warm == _json(corpus)
    assert warm != first


def test_spelling_quotes_follow_an_article_whose_sentences_changed(tmp_path):
    corpus, cache = tmp_path / "corpus", tmp_path / "cache"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Flood hits town\n\nThe victim, Brian Dalton, was 34. Neighbours said he taught music.\n"
    )
    (corpus / "b.txt").write_text(
        "River floods\n\nPolice named the man as Bryant Dalton on Tuesday. He was 34.\n"
    )
    first = _json(corpus, cache_dir=cache)
    assert "name spelling" in first and first == _json(corpus)
    assert _json(corpus, cache_dir=cache) == first  # every sentence from the last run
    # the mention moves to a new sentence: the kept sentence of the old text must not be used
    (corpus / "b.txt").write_text(
        "River floods\n\nA storm hit. Officers later named the man as Bryant Dalton. He was 34.\n"
    )
    warm = _json(corpus, cache_dir=cache)
    assert "Officers later named the man as Bryant Dalton." in warm
    assert warm == _json(corpus)
