"""Baselines end to end: record, check, triage, update, prune, and every way a file can be bad."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from checker.baseline import Baseline, load_baseline, render_baseline
from checker.cli import main

THIRD_TITLE = (
    "---\ntitle: Sunak at the launch\npublished: 2024-05-08\n---\n\n"
    "Foreign Secretary Rishi Sunak praised the decision.\n"
)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def repo(tmp_path, monkeypatch) -> Path:
    """A copy of seeds/ as a repository's corpus/, with the working directory at its root."""
    shutil.copytree(SEEDS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def make_baseline(*extra) -> dict:
    result = invoke("baseline", "corpus", "--output", ".factlint-baseline.json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(Path(".factlint-baseline.json").read_text(encoding="utf-8"))


def check_json(*extra) -> tuple[int, dict]:
    result = invoke(
        "check", "corpus", "--baseline", ".factlint-baseline.json", "--json", "r.json", *extra
    )
    return result.exit_code, json.loads(Path("r.json").read_text(encoding="utf-8"))


def states(report: dict) -> dict[str, str]:
    return {d["id"]: d["baseline"]["state"] for d in report["discrepancies"]}


def fixed(report: dict) -> list[str]:
    return [e["id"] for e in report["baseline"]["fixed"]]


# --- the scenario of the issue -------------------------------------------------------------


def test_baseline_then_check_passes_and_reports_everything_as_known(repo):
    data = make_baseline()
    assert data["schema_version"] == 1
    assert invoke("check", "corpus").exit_code == 1  # without the baseline the contradiction fails
    code, report = check_json()
    assert code == 0
    assert set(states(report).values()) == {"known"}
    assert set(states(report)) == {e["id"] for e in data["entries"]}
    assert report["baseline"] == {
        "file": ".factlint-baseline.json",
        "new": 0,
        "known": len(data["entries"]),
        "fixed": [],
    }


def test_a_document_with_a_third_title_fails_and_only_that_discrepancy_is_new(repo):
    before = {e["id"]: e for e in make_baseline()["entries"]}
    (repo / "corpus" / "005_third_title.md").write_text(THIRD_TITLE, encoding="utf-8")
    code, report = check_json()
    assert code == 1
    new = [d for d in report["discrepancies"] if d["baseline"]["state"] == "new"]
    assert len(new) == 1
    [sunak] = new
    assert sunak["subject"] == "Rishi Sunak" and sunak["attribute"] == "title"
    assert "Foreign Secretary" in {v["value"] for v in sunak["values"]}
    [old] = [i for i, e in before.items() if e["subject"] == "Rishi Sunak"]
    assert fixed(report) == [old] and sunak["baseline"]["replaces"] == [old]
    others = {i for i, s in states(report).items() if s == "known"}
    assert others == set(before) - {old}
    text = invoke("check", "corpus", "--baseline", ".factlint-baseline.json").output
    assert "[new (replaces " in text and "FIXED (1)" in text


def test_renaming_reordering_and_rewrapping_keep_every_id(repo):
    recorded = {e["id"] for e in make_baseline()["entries"]}
    corpus = repo / "corpus"
    wrapper = textwrap.TextWrapper(72, break_on_hyphens=False, break_long_words=False)
    for position, path in enumerate(sorted(corpus.iterdir(), reverse=True)):
        lines = path.read_text(encoding="utf-8").split("\n")
        target = corpus / ("archive" if position % 2 else "news") / f"{position}-story.md"
        target.parent.mkdir(exist_ok=True)
        target.write_text("\n".join(wrapper.fill(line) for line in lines), encoding="utf-8")
        path.unlink()
    code, report = check_json()
    assert code == 0
    assert set(states(report)) == recorded and set(states(report).values()) == {"known"}
    assert fixed(report) == []


def test_a_value_changed_in_place_fixes_the_old_id_and_adds_a_new_one(repo):
    recorded = {e["id"]: e for e in make_baseline()["entries"]}
    path = repo / "corpus" / "003_60f25514c8733ae1.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("$14.3 billion", "$15 billion"), encoding="utf-8")
    code, report = check_json()
    assert code == 0  # the investment discrepancy is a warning: below the default --fail-on
    [old] = [i for i, e in recorded.items() if e["attribute"] == "investment"]
    [new] = [i for i, s in states(report).items() if s == "new"]
    assert fixed(report) == [old] and new != old
    assert "$15 billion" in {v["value"] for d in report["discrepancies"] for v in d["values"]}
    assert check_json("--fail-on", "warning")[0] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "the file is empty"),
        (b'{"schema_version": 1, "entries": [', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[]", "expected a JSON object"),
        (b'{"schema_version": 7, "entries": []}', "schema_version 7 is not supported"),
        (b'{"schema_version": 1, "entries": [], "entries": []}', "appears twice"),
        (
            b'{"schema_version": 1, "entries": [{"id": "d-0123456789"}]}',
            "entries[0] (d-0123456789).summary",
        ),
        (b'{"schema_version": 1, "entrys": []}', "entrys"),
    ],
)
def test_a_missing_unreadable_or_corrupt_baseline_exits_2_naming_the_problem(
    repo, content, message
):
    if content is not None:
        Path("bad.json").write_bytes(content)
    result = invoke("check", "corpus", "--baseline", "bad.json")
    assert result.exit_code == 2
    assert "bad.json" in result.output and message in result.output


def test_a_baseline_with_a_bad_status_names_the_entry_and_field(repo):
    data = make_baseline()
    data["entries"][1]["status"] = "wontfix"
    Path(".factlint-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    result = invoke("check", "corpus", "--baseline", ".factlint-baseline.json")
    assert result.exit_code == 2
    assert f"entries[1] ({data['entries'][1]['id']}).status" in result.output
    assert "'accepted'" in result.output


def test_a_baseline_that_is_a_folder_exits_2(repo):
    Path("folder.json").mkdir()
    result = invoke("check", "corpus", "--baseline", "folder.json")
    assert result.exit_code == 2 and "folder.json" in result.output


# --- triage --------------------------------------------------------------------------------


def triage(status: str, note: str | None, attribute: str = "title") -> str:
    path = Path(".factlint-baseline.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    [entry] = [e for e in data["entries"] if e["attribute"] == attribute]
    entry["status"], entry["note"] = status, note
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return entry["id"]


def test_statuses_and_notes_are_shown_in_reports(repo):
    make_baseline()
    sunak = triage("accepted", "Sunak was PM; the Chancellor quote is from 2021")
    code, report = check_json()
    assert code == 0
    [entry] = [d for d in report["discrepancies"] if d["id"] == sunak]
    assert entry["baseline"] == {
        "state": "known",
        "status": "accepted",
        "note": "Sunak was PM; the Chancellor quote is from 2021",
        "replaces": [],
        "severity_was": None,
    }
    text = invoke("check", "corpus", "--baseline", ".factlint-baseline.json").output
    assert "[accepted: Sunak was PM; the Chancellor quote is from 2021]" in text


def test_update_keeps_statuses_and_notes_and_adds_new_entries_as_known(repo):
    make_baseline()
    sunak = triage("false_positive", "quote is from an old interview")
    before = Path(".factlint-baseline.json").read_text(encoding="utf-8")
    (repo / "corpus" / "005_third_title.md").write_text(THIRD_TITLE, encoding="utf-8")
    result = invoke("baseline", "corpus", "--output", ".factlint-baseline.json")
    assert result.exit_code == 2 and "--update" in result.output  # never overwritten silently
    assert Path(".factlint-baseline.json").read_text(encoding="utf-8") == before
    data = make_baseline("--update")
    entries = {e["id"]: e for e in data["entries"]}
    assert entries[sunak]["status"] == "false_positive"  # no longer found, kept without --prune
    assert entries[sunak]["note"] == "quote is from an old interview"
    added = [e for e in entries.values() if "Foreign Secretary" in e["values"]]
    assert len(added) == 1 and added[0]["status"] == "known" and added[0]["note"] is None
    pruned = make_baseline("--update", "--prune")
    assert sunak not in {e["id"] for e in pruned["entries"]}


def test_update_keeps_the_status_of_entries_still_found(repo):
    make_baseline()
    meta = triage("accepted", "bound and figure agree", attribute="investment")
    data = make_baseline("--update")
    [entry] = [e for e in data["entries"] if e["id"] == meta]
    assert (entry["status"], entry["note"]) == ("accepted", "bound and figure agree")


def test_check_prune_drops_fixed_entries_and_never_adds_any(repo):
    recorded = {e["id"] for e in make_baseline()["entries"]}
    (repo / "corpus" / "005_third_title.md").write_text(THIRD_TITLE, encoding="utf-8")
    code, report = check_json()
    assert code == 1 and Path(".factlint-baseline.json").exists()
    after_check = {e.id for e in load_baseline(".factlint-baseline.json").entries}
    assert after_check == recorded  # checking never changes the file
    code, report = check_json("--prune")
    assert code == 1  # the new one still fails: pruning only drops, it never adds
    kept = {e.id for e in load_baseline(".factlint-baseline.json").entries}
    assert kept == recorded - set(fixed(report))
    assert not kept & {i for i, state in states(report).items() if state == "new"}


def test_prune_without_a_baseline_is_a_usage_error(repo):
    assert invoke("check", "corpus", "--prune").exit_code == 2
    assert invoke("baseline", "corpus", "--prune").exit_code == 2


def test_update_of_a_missing_baseline_is_an_error(repo):
    result = invoke("baseline", "corpus", "--update", "--output", "nope.json")
    assert result.exit_code == 2 and "nope.json" in result.output


# --- the file ------------------------------------------------------------------------------


def test_the_file_has_sorted_keys_and_sorted_entries_and_round_trips(repo):
    make_baseline()
    text = Path(".factlint-baseline.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert [e["id"] for e in data["entries"]] == sorted(e["id"] for e in data["entries"])
    for entry in data["entries"]:
        assert list(entry) == sorted(entry)
        assert entry["status"] == "known" and entry["summary"]
    assert render_baseline(load_baseline(".factlint-baseline.json")) == text
    assert text.endswith("}\n") and "\r" not in text


def test_the_baseline_schema_is_generated_from_the_model():
    result = invoke("schema", "--baseline")
    schema = json.loads(result.output)
    assert schema == Baseline.model_json_schema()
    assert schema["$defs"]["BaselineEntry"]["properties"]["status"]["enum"] == [
        "known",
        "accepted",
        "false_positive",
    ]


def test_without_baseline_the_json_report_has_no_baseline_fields(repo):
    invoke("check", "corpus", "--json", "plain.json")
    data = json.loads(Path("plain.json").read_text(encoding="utf-8"))
    assert "baseline" not in data
    assert all("baseline" not in d for d in data["discrepancies"])


def test_json_with_a_baseline_is_byte_identical_across_runs(repo):
    make_baseline()
    (repo / "corpus" / "005_third_title.md").write_text(THIRD_TITLE, encoding="utf-8")
    outputs = []
    for seed in ("0", "99"):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "checker",
                "check",
                "corpus",
                "--baseline",
                ".factlint-baseline.json",
                "--json",
                f"r{seed}.json",
                "--sarif",
                f"r{seed}.sarif",
                "-q",
            ],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        outputs.append((Path(f"r{seed}.json").read_bytes(), Path(f"r{seed}.sarif").read_bytes()))
    assert outputs[0] == outputs[1]


def test_a_known_id_whose_severity_rose_counts_as_new(repo):
    data = make_baseline()
    # Pretend the Sunak contradiction was recorded as a warning (a birthday-like ambiguity
    # that later sources settle gives the same values at a higher severity).
    [entry] = [e for e in data["entries"] if e["attribute"] == "title"]
    entry["severity"], entry["status"], entry["note"] = "warning", "accepted", "was ambiguous"
    Path(".factlint-baseline.json").write_text(json.dumps(data), encoding="utf-8")
    code, report = check_json()
    assert code == 1
    [sunak] = [d for d in report["discrepancies"] if d["id"] == entry["id"]]
    assert sunak["baseline"]["state"] == "new"
    assert sunak["baseline"]["severity_was"] == "warning"
    text = invoke("check", "corpus", "--baseline", ".factlint-baseline.json").output
    assert "[new: was warning in the baseline]" in text
    refreshed = make_baseline("--update")
    [after] = [e for e in refreshed["entries"] if e["id"] == entry["id"]]
    assert (after["severity"], after["status"], after["note"]) == (
        "contradiction",
        "accepted",
        "was ambiguous",
    )
    assert check_json()[0] == 0
