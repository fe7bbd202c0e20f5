from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from checker.cli import main

MESSY = ROOT / "tests" / "fixtures" / "messy"


def invoke(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def test_text_report_and_exit_code_on_seeds():
    result = invoke("check", SEEDS)
    assert result.exit_code == 1
    assert "CONTRADICTION" in result.output
    assert "Rishi Sunak - title" in result.output
    assert '"Chancellor Rishi Sunak said:"' in result.output
    assert "\x1b[" not in result.output


def test_fail_on_thresholds():
    assert invoke("check", SEEDS, "--fail-on", "never").exit_code == 0
    assert invoke("check", SEEDS / "002_452b0ef847d2f41e.txt").exit_code == 0
    assert invoke("check", SEEDS, "--fail-on", "info").exit_code == 1


def test_json_report_follows_the_contract(tmp_path):
    out = tmp_path / "report.json"
    result = invoke("check", SEEDS, "--format", "json", "--output", out, "--quiet")
    assert result.exit_code == 1 and result.output == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["tool"]["name"] == "factlint"
    assert {d["id"] for d in data["documents"]} == {p.name for p in SEEDS.glob("*.txt")}
    for d in data["documents"]:
        assert set(d) >= {"id", "title", "published", "outlet", "url"}
    for d in data["discrepancies"]:
        assert d["id"].startswith("d-") and d["severity"] in {"contradiction", "warning", "info"}
        assert set(d) >= {"kind", "subject", "attribute", "summary", "explanation", "values"}
        assert len(d["values"]) >= 2
        for value in d["values"]:
            for claim in value["claims"]:
                assert set(claim) >= {"document", "text", "sentence", "start", "end", "rule"}
    assert set(data["stats"]) >= {"documents", "claims", "discrepancies", "seconds"}
    assert data["stats"]["seconds"] is None


def test_several_outputs_in_one_run(tmp_path):
    result = invoke("check", SEEDS, "--json", tmp_path / "a.json", "--text", tmp_path / "a.txt")
    assert "Rishi Sunak" in result.output
    assert json.loads((tmp_path / "a.json").read_text())["stats"]["documents"] == 5
    assert (tmp_path / "a.txt").read_text().startswith("factlint ")


@pytest.mark.parametrize("corpus", [SEEDS, MESSY], ids=["seeds", "messy"])
def test_json_is_byte_identical_across_runs_and_hash_seeds(tmp_path, corpus):
    outputs = []
    for seed in ("0", "1", "12345"):
        out = tmp_path / f"r{seed}.json"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "checker",
                "check",
                str(corpus),
                "--format",
                "json",
                "-o",
                str(out),
                "-q",
            ],
            env=env,
            check=False,
            cwd=ROOT,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_usage_and_input_errors_exit_2(tmp_path):
    result = invoke("check", tmp_path / "missing")
    assert result.exit_code == 2 and "no such file" in result.output
    result = invoke("check", tmp_path)
    assert result.exit_code == 2 and "no documents" in result.output
    result = invoke("check", SEEDS, "--fail-on", "sometimes")
    assert result.exit_code == 2


def test_bad_user_rule_pack_exits_2_naming_the_file(tmp_path):
    pack = tmp_path / "broken.yaml"
    pack.write_text(
        "pack: broken\nrules:\n  - id: x\n    kind: count\n    attribute: a\n    description: d\n"
        "    patterns:\n      - name: p\n        regex: '(unclosed'\n",
        encoding="utf-8",
    )
    result = invoke("check", SEEDS, "--rules", pack)
    assert result.exit_code == 2
    assert (
        "broken.yaml" in result.output
        and "broken.x" in result.output
        and "patterns.regex" in result.output
    )


def test_color_only_when_asked_and_never_with_no_color():
    assert "\x1b[" in invoke("check", SEEDS, "--color").output
    assert "\x1b[" not in invoke("check", SEEDS, env={"NO_COLOR": "1"}).output


def test_claims_command_lists_extracted_claims():
    result = invoke("claims", SEEDS, "--format", "jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert any(r["subject"] == "Rishi Sunak" and r["value"] == "Prime Minister" for r in rows)
    assert all(set(r) >= {"document", "start", "end", "rule", "sentence"} for r in rows)
    table = invoke("claims", SEEDS).output
    assert "titles.prefixed-title" in table


def test_schema_command_prints_the_generated_schema():
    schema = json.loads(invoke("schema").output)
    assert schema["title"] == "Report"
    assert "Discrepancy" in schema["$defs"]


def test_rules_list_and_validate():
    listing = invoke("rules", "list").output
    assert "titles.prefixed-title" in listing and "money.investment" in listing
    result = invoke("rules", "validate")
    assert result.exit_code == 0 and "0 failing" in result.output


def test_python_api():
    from checker import check

    report = check([str(SEEDS)])
    assert report.stats.documents == 5
    assert any(d.subject == "Rishi Sunak" for d in report.discrepancies)
