"""`factlint check` on a messy folder: every readable document checked, every other explained.

tests/fixtures/messy holds what a fact-checker's folder looks like: web pages saved from a
browser (with the browser's `_files` folder), a syndicated copy, a page that is really a
gzip download, a JSONL export with a broken line, a record without text and an unparsable
date, text in Windows-1252, UTF-16 and UTF-8 with a BOM, an empty file, a PDF, broken front
matter and a sources.csv manifest.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from checker.cli import main

MESSY = ROOT / "tests" / "fixtures" / "messy"
READABLE = [
    "lw-0412",
    "lw-0415",
    "notes/broken-front-matter.md",
    "notes/cp1252-smart-quotes.txt",
    "notes/utf16-memo.txt",
    "notes/utf8-bom.md",
    "pages/boeing-ortberg.html",
    "pages/wire-copy.htm",
]
SKIPPED = [
    ("export.jsonl", 2, "ingest.json"),
    ("export.jsonl", 3, "ingest.no-text"),
    ("notes/board-minutes.pdf", None, "ingest.unsupported"),
    ("notes/empty.txt", None, "ingest.empty"),
    ("pages/saved-download.html", None, "ingest.binary"),
]


def invoke(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


def json_report(*args) -> dict:
    result = invoke("check", *args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_readable_document_is_checked_and_every_other_explained():
    report = json_report(MESSY)
    assert [d["id"] for d in report["documents"]] == READABLE
    skipped = [(d["document"], d["line"], d["code"]) for d in report["diagnostics"] if d["skipped"]]
    assert skipped == SKIPPED
    assert report["stats"]["skipped"] == len(SKIPPED)
    # every file of the folder is a document, a skipped input, the manifest or a page's assets
    explained = {d["path"] for d in report["documents"]} | {
        str(MESSY / d["document"]) for d in report["diagnostics"]
    }
    for path in sorted(MESSY.rglob("*")):
        if path.is_dir() or path.name.startswith(".") or path.name == "sources.csv":
            continue
        if path.parent.name == "boeing-ortberg_files":
            continue
        assert str(path) in explained, path
    # every line of the JSONL export is a document or a skipped record
    lines = (MESSY / "export.jsonl").read_text(encoding="utf-8").splitlines()
    records = [d for d in report["documents"] if d["format"] == "jsonl"]
    assert len(records) + sum(1 for s in SKIPPED if s[0] == "export.jsonl") == len(lines)


def test_encodings_manifest_and_metadata_of_the_messy_folder():
    report = json_report(MESSY)
    docs = {d["id"]: d for d in report["documents"]}
    assert docs["notes/cp1252-smart-quotes.txt"]["outlet"] == "Harbourside Daily"  # sources.csv
    assert docs["notes/utf16-memo.txt"]["title"] == "Ortberg meets the machinists"
    assert docs["notes/utf8-bom.md"]["outlet"] == "Meridian Business Daily"  # front matter
    assert docs["pages/boeing-ortberg.html"]["published"] == "2024-08-01"
    assert docs["lw-0412"]["outlet"] == "Lantern Wire"
    quotes = {c["sentence"] for c in report["claims"]}
    assert any("\u2014 slowly" in q for q in quotes)  # a Windows-1252 dash, read right
    notes = {(d["document"], d["code"]) for d in report["diagnostics"] if not d["skipped"]}
    assert notes == {
        ("export.jsonl", "ingest.bad-date"),
        ("notes/broken-front-matter.md", "ingest.front-matter"),
        ("notes/cp1252-smart-quotes.txt", "ingest.charset"),
    }


def test_the_syndicated_copy_is_merged_and_findings_cross_formats():
    report = json_report(MESSY)
    [group] = report["duplicates"]
    assert group["kept"] == "pages/boeing-ortberg.html"
    [copy] = group["merged"]
    assert copy["id"] == "pages/wire-copy.htm" and copy["similarity"] == 0.889
    # Every claim of the copy that repeats the original is dropped (how many depends on what
    # extraction reads); none of the copy's claims then backs a discrepancy.
    assert copy["claims_dropped"] > 0
    assert not any(
        c["document"] == "pages/wire-copy.htm"
        for d in report["discrepancies"]
        for v in d["values"]
        for c in v["claims"]
    )
    ages = [d for d in report["discrepancies"] if d["subject"] == "Kelly Ortberg"]
    assert ages and ages[0]["severity"] == "contradiction"
    supporting = {c["document"] for v in ages[0]["values"] for c in v["claims"]}
    assert supporting == {"lw-0412", "pages/boeing-ortberg.html"}


def test_text_report_lists_skipped_documents_problems_and_copies():
    result = invoke("check", MESSY)
    assert result.exit_code == 1
    out = result.output
    assert "Skipped documents" in out and "Input problems" in out and "Copies counted once" in out
    assert "export.jsonl:2: line 2 is not valid JSON" in out
    assert "pages/saved-download.html: is a binary file" in out
    assert "pages/wire-copy.htm: copy of pages/boeing-ortberg.html" in out


def test_json_on_stdout_names_skipped_documents_on_stderr():
    result = invoke("check", MESSY, "--format", "json", "--fail-on", "never")
    assert "factlint: skipped: notes/empty.txt: empty file" in result.stderr
    json.loads(result.stdout)


# --- determinism ---------------------------------------------------------------------------


def _copy(order: str, destination: Path) -> None:
    """Copy the fixture creating files in a given order (directory order may follow it)."""
    files = sorted(p for p in MESSY.rglob("*") if p.is_file())
    if order == "reverse":
        files.reverse()
    for path in files:
        target = destination / path.relative_to(MESSY)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)


def test_json_is_byte_identical_across_hash_seeds_and_file_system_order(tmp_path):
    outputs = []
    for index, (seed, order) in enumerate([("0", "forward"), ("1", "reverse"), ("987", "reverse")]):
        workdir = tmp_path / f"run{index}"
        _copy(order, workdir / "corpus")
        subprocess.run(
            [sys.executable, "-m", "checker", "check", "corpus", "--format", "json", "-o", "r.json"]
            + ["-q", "--fail-on", "never"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=workdir,
            check=True,
        )
        outputs.append((workdir / "r.json").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert b'"duplicates"' in outputs[0] and b"lw-0412" in outputs[0]


def test_json_does_not_depend_on_directory_listing_order(monkeypatch):
    baseline = invoke("check", MESSY, "--format", "json", "--fail-on", "never").stdout
    real_scandir = os.scandir

    class Shuffled(list):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def shuffled_scandir(path="."):
        with real_scandir(path) as listing:
            entries = Shuffled(listing)
        random.Random(str(path)).shuffle(entries)
        return entries

    monkeypatch.setattr(os, "scandir", shuffled_scandir)
    assert invoke("check", MESSY, "--format", "json", "--fail-on", "never").stdout == baseline


# --- nothing lost, nothing written where it should not be ----------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def test_the_corpus_is_never_written_to(tmp_path):
    _copy("forward", tmp_path / "corpus")
    before = _snapshot(tmp_path / "corpus")
    invoke("check", tmp_path / "corpus", "--json", tmp_path / "out" / "r.json")
    invoke("claims", tmp_path / "corpus")
    assert _snapshot(tmp_path / "corpus") == before
    assert (tmp_path / "out" / "r.json").exists()


def test_a_report_written_into_the_corpus_is_not_read_back(tmp_path):
    _copy("forward", tmp_path / "corpus")
    out = tmp_path / "corpus" / "report.json"
    first = invoke(
        "check", tmp_path / "corpus", "-o", out, "--format", "json", "--fail-on", "never"
    )
    assert first.exit_code == 0
    content = out.read_bytes()
    invoke("check", tmp_path / "corpus", "-o", out, "--format", "json", "--fail-on", "never")
    assert out.read_bytes() == content
    # a report from another run is recognised, not read as records
    other = json.loads(invoke("check", tmp_path / "corpus", "--format", "json").stdout)
    assert any(
        d["document"] == "report.json" and d["code"] == "ingest.unsupported"
        for d in other["diagnostics"]
    )


@pytest.mark.parametrize(
    ("failure", "exit_code"),
    [(OSError(28, "No space left on device"), 2), (KeyboardInterrupt(), 130)],
)
def test_an_interrupted_write_leaves_the_previous_report_intact(
    tmp_path, monkeypatch, failure, exit_code
):
    out = tmp_path / "r.json"
    out.write_text("previous report\n", encoding="utf-8")
    out.chmod(0o640)

    def crash(*args, **kwargs):
        raise failure

    monkeypatch.setattr(os, "fsync", crash)
    result = invoke("check", MESSY, "--json", out)
    assert result.exit_code == exit_code
    if exit_code == 2:
        assert "cannot write" in result.output and "No space left" in result.output
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # no temporary left over
    monkeypatch.undo()
    invoke("check", MESSY, "--json", out)
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 1
    assert out.stat().st_mode & 0o777 == 0o640  # the report keeps its permissions


def test_an_input_error_leaves_the_previous_report_intact(tmp_path):
    out = tmp_path / "r.json"
    out.write_text("previous report\n", encoding="utf-8")
    result = invoke("check", tmp_path / "missing", "-o", out)
    assert result.exit_code == 2 and out.read_text(encoding="utf-8") == "previous report\n"


def test_every_report_writer_goes_through_the_outputs_module():
    """checker/outputs.py is the only writer of reports; it replaces files in one place only."""
    from checker import outputs

    sources = {p: p.read_text(encoding="utf-8") for p in (ROOT / "checker").rglob("*.py")}
    writers = [p for p, text in sources.items() if ".write(" in text or "write_text(" in text]
    # The caches are not reports: they write their own entries, atomically (checker/cache.py),
    # and the rules cache its signing secret (checker/rules_cache.py).
    writers.remove(ROOT / "checker" / "cache.py")
    writers.remove(ROOT / "checker" / "rules_cache.py")
    assert writers == [ROOT / "checker" / "outputs.py"]
    assert outputs._commit.__code__.co_names.count("replace") == 1
    assert sources[ROOT / "checker" / "outputs.py"].count("os.replace(") == 1


# --- bad user rules -------------------------------------------------------------------------


def test_a_pathological_user_regex_is_stopped_and_reported(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "slow.yaml").write_text(
        "pack: slow\nrules:\n  - id: backtrack\n    kind: count\n    attribute: employees\n"
        "    description: Nested alternation that backtracks exponentially.\n"
        "    patterns:\n      - name: nested\n        regex: '(?P<value>(?:a|aa)+)$'\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sentence = "a" * 40 + "!"
    (corpus / "doc.txt").write_text(
        "\n\n".join(["Boeing chief executive Kelly Ortberg, 64, spoke.", *[sentence] * 5]),
        encoding="utf-8",
    )
    report = json_report(corpus, "--rules", rules)
    # one timeout for the document, not one per sentence: the rule is not run again
    (diagnostic,) = [d for d in report["diagnostics"] if d["code"] == "extract.timeout"]
    assert diagnostic["document"] == "doc.txt" and "slow.backtrack" in diagnostic["message"]
    assert diagnostic["line"] == 3
    assert any(c["subject"] == "Kelly Ortberg" for c in report["claims"])  # other rules ran


def test_a_malformed_user_rule_pack_names_file_rule_and_field(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\nrules:\n  - id: r1\n    kind: count\n    attribute: a\n"
        "    description: d\n    colour: red\n    patterns:\n      - name: p\n"
        "        regex: '(?P<value>\\d+)'\n",
        encoding="utf-8",
    )
    result = invoke("check", MESSY, "--rules", pack)
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "bad.r1" in result.output
    assert "colour" in result.output
