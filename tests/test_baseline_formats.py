"""CI formats: SARIF, Markdown, JUnit and GitHub workflow commands, with and without a baseline."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import SEEDS

from checker import check
from checker.baseline import Baseline, compare_with_baseline, record_baseline
from checker.cli import main
from checker.reporters import REPORTERS, Reporter, render
from checker.reporters.github import MAX_ANNOTATIONS, render_github
from checker.reporters.junit import render_junit
from checker.reporters.markdown import MAX_BYTES, render_markdown
from checker.reporters.sarif import render_sarif

THIRD_TITLE = (
    "---\npublished: 2024-05-08\n---\n\nForeign Secretary Rishi Sunak praised the decision.\n"
)

# A hand-written subset of the SARIF 2.1.0 schema: what GitHub code scanning needs.
MESSAGE = {
    "type": "object",
    "required": ["text"],
    "properties": {"text": {"type": "string", "minLength": 1}},
}
LOCATION = {
    "type": "object",
    "required": ["physicalLocation"],
    "properties": {
        "id": {"type": "integer", "minimum": -1},
        "message": MESSAGE,
        "physicalLocation": {
            "type": "object",
            "required": ["artifactLocation", "region"],
            "properties": {
                "artifactLocation": {
                    "type": "object",
                    "required": ["uri"],
                    "properties": {
                        "uri": {"type": "string", "minLength": 1},
                        "uriBaseId": {"type": "string"},
                    },
                },
                "region": {
                    "type": "object",
                    "required": ["startLine", "startColumn"],
                    "properties": {
                        key: {"type": "integer", "minimum": 1}
                        for key in ("startLine", "startColumn", "endLine", "endColumn")
                    },
                },
            },
        },
    },
}
RESULT = {
    "type": "object",
    "required": ["ruleId", "message", "partialFingerprints"],
    "properties": {
        "ruleId": {"type": "string"},
        "ruleIndex": {"type": "integer", "minimum": 0},
        "level": {"enum": ["none", "note", "warning", "error"]},
        "kind": {"enum": ["notApplicable", "pass", "fail", "review", "open", "informational"]},
        "message": MESSAGE,
        "locations": {"type": "array", "maxItems": 10, "items": LOCATION},
        "relatedLocations": {"type": "array", "items": LOCATION},
        "partialFingerprints": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"type": "string"},
        },
        "baselineState": {"enum": ["new", "unchanged", "updated", "absent"]},
        "suppressions": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind"],
                "properties": {
                    "kind": {"enum": ["inSource", "external"]},
                    "status": {"enum": ["accepted", "underReview", "rejected"]},
                    "justification": {"type": "string"},
                },
            },
        },
    },
}
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool", "results"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name", "rules"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "version": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "minItems": 1,
                                        "items": {
                                            "type": "object",
                                            "required": ["id", "shortDescription"],
                                            "properties": {
                                                "id": {"type": "string"},
                                                "shortDescription": MESSAGE,
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                    "results": {"type": "array", "items": RESULT},
                },
            },
        },
    },
}


@pytest.fixture()
def corpus(tmp_path, monkeypatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    return Path("corpus")


def baseline_of(report) -> Baseline:
    return record_baseline(report).baseline


def with_new_title(corpus: Path):
    """The seeds' report checked against their own baseline after a third title for Sunak."""
    baseline = baseline_of(check([str(corpus)]))
    (corpus / "005_third_title.md").write_text(THIRD_TITLE, encoding="utf-8")
    return compare_with_baseline(check([str(corpus)]), baseline, ".factlint-baseline.json")


def many(report, count: int):
    """A report with `count` distinct copies of its first discrepancy (for limits)."""
    first = report.discrepancies[0]
    copies = [first.model_copy(update={"id": f"d-{n:010x}"}) for n in range(count)]
    return report.model_copy(update={"discrepancies": copies})


# --- SARIF ---------------------------------------------------------------------------------


def test_sarif_has_the_required_structure(corpus):
    report = with_new_title(corpus)
    sarif = json.loads(render_sarif(report))
    jsonschema.validate(sarif, SARIF_SUBSET)
    [run] = sarif["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules)) and "exclusive_titles" in rules
    current = [r for r in run["results"] if r.get("baselineState") != "absent"]
    assert len(current) == len(report.discrepancies)
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    for result, discrepancy in zip(current, report.discrepancies, strict=True):
        assert result["partialFingerprints"] == {"factlint/v1": discrepancy.id}
        claims = sum(len(v.claims) for v in discrepancy.values)
        assert len(result["locations"]) + len(result.get("relatedLocations", [])) == claims


def test_sarif_locations_point_at_the_quoted_claims(corpus):
    report = check([str(corpus)])
    sarif = json.loads(render_sarif(report))
    checked = 0
    for result in sarif["runs"][0]["results"]:
        for location in result["locations"]:
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
            path = Path(physical["artifactLocation"]["uri"])  # relative to the checkout
            lines = path.read_text(encoding="utf-8").split("\n")
            region = physical["region"]
            line = lines[region["startLine"] - 1]
            assert region["startLine"] == region["endLine"]
            quoted = line[region["startColumn"] - 1 : region["endColumn"] - 1]
            assert quoted == region["snippet"]["text"]
            checked += 1
    assert checked >= 8


def test_sarif_baseline_states_and_suppressions(corpus):
    report = with_new_title(corpus)
    results = json.loads(render_sarif(report))["runs"][0]["results"]
    states = [r["baselineState"] for r in results]
    assert states.count("new") == 1 and states.count("absent") == 1
    assert states.count("unchanged") == len(report.discrepancies) - 1
    [new] = [r for r in results if r["baselineState"] == "new"]
    first = new["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "corpus/005_third_title.md"
    assert first["region"]["snippet"]["text"] == "Foreign Secretary Rishi Sunak"
    [absent] = [r for r in results if r["baselineState"] == "absent"]
    assert absent["kind"] == "pass" and absent["level"] == "none"
    assert absent["partialFingerprints"]["factlint/v1"] == report.baseline.fixed[0].id
    accepted = report.model_copy(
        update={
            "discrepancies": [
                d.model_copy(
                    update={
                        "baseline": d.baseline.model_copy(
                            update={"status": "false_positive", "note": "old quote"}
                        )
                    }
                )
                for d in report.discrepancies
            ]
        }
    )
    for result in json.loads(render_sarif(accepted))["runs"][0]["results"]:
        if result["baselineState"] == "unchanged":
            assert result["suppressions"] == [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": "false positive: old quote",
                }
            ]
        else:  # a new one is never suppressed, whatever an old entry said
            assert "suppressions" not in result


def test_sarif_without_a_baseline_has_no_baseline_state():
    sarif = json.loads(render_sarif(check([str(SEEDS)])))
    jsonschema.validate(sarif, SARIF_SUBSET)
    assert all("baselineState" not in r for r in sarif["runs"][0]["results"])


def test_sarif_artifact_uris_are_uri_encoded():
    from checker.reporters.sarif import _artifact

    assert _artifact("news/my story #1.md") == {
        "uri": "news/my%20story%20%231.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert _artifact("./a/b.md")["uri"] == "a/b.md"
    assert _artifact("/srv/news/a b.md") == {"uri": "file:///srv/news/a%20b.md"}
    assert _artifact("C:\\news\\a.md") == {"uri": "file:///C:/news/a.md"}


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_lists_new_ones_first_then_known_then_fixed(corpus):
    text = render_markdown(with_new_title(corpus))
    assert text.startswith("## factlint: 1 new, 3 known, 1 fixed")
    new, known, fixed = (text.index(h) for h in ("### New", "### Known", "### Fixed"))
    assert new < known < fixed
    assert "Foreign Secretary" in text[new:known]
    assert "replaced by d-" in text[fixed:]


def test_markdown_without_a_baseline_lists_every_discrepancy():
    report = check([str(SEEDS)])
    text = render_markdown(report)
    assert text.startswith(f"## factlint: {len(report.discrepancies)} discrepancies")
    assert text.count("\n#### ") == len(report.discrepancies)
    assert "### Known" not in text and "### Fixed" not in text


def test_markdown_stays_under_its_byte_limit_with_an_and_more_line():
    report = many(check([str(SEEDS)]), 3000)
    text = render_markdown(report)
    size = len(text.encode("utf-8"))
    assert MAX_BYTES / 2 < size <= MAX_BYTES
    shown = text.count("\n#### ")
    assert 0 < shown < 3000
    assert f"and {3000 - shown} more not shown" in text
    small = render_markdown(report, max_bytes=4000)
    assert len(small.encode("utf-8")) <= 4000 and "more not shown" in small


def test_markdown_escapes_markup_from_articles():
    report = check([str(SEEDS)])
    first = report.discrepancies[0]
    odd = first.model_copy(
        update={"subject": "A | B <script>", "explanation": "*bold* `code`\nline"}
    )
    text = render_markdown(report.model_copy(update={"discrepancies": [odd]}))
    assert "A \\| B \\<script\\>" in text and "\\*bold\\* \\`code\\` line" in text
    assert "<script>" not in text


# --- JUnit ---------------------------------------------------------------------------------


def test_junit_has_one_case_per_discrepancy_failing_for_the_new_ones(corpus):
    report = with_new_title(corpus)
    root = ET.fromstring(render_junit(report))
    [suite] = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == len(report.discrepancies) == int(suite.get("tests"))
    failing = [c for c in cases if c.find("failure") is not None]
    assert len(failing) == 1 == int(suite.get("failures")) == int(root.get("failures"))
    [new] = [d for d in report.discrepancies if d.baseline.state == "new"]
    assert new.id in failing[0].get("name")
    assert failing[0].find("failure").get("message") == new.summary
    assert "Foreign Secretary Rishi Sunak" in failing[0].find("failure").text
    for case in cases:
        if case.find("failure") is None:
            assert "known" in case.find("system-out").text


def test_junit_follows_fail_on_without_a_baseline():
    report = check([str(SEEDS)])

    def failures(fail_on: str) -> int:
        return int(ET.fromstring(render_junit(report, fail_on=fail_on)).get("failures"))

    assert failures("contradiction") == 1
    assert failures("warning") == 2
    assert failures("info") == len(report.discrepancies)
    assert failures("never") == 0


# --- GitHub workflow commands --------------------------------------------------------------


def test_github_annotates_only_new_discrepancies(corpus):
    report = with_new_title(corpus)
    lines = render_github(report).splitlines()
    assert len(lines) == 1
    # On the added document: the value that made the discrepancy new.
    assert lines[0].startswith("::error file=corpus/005_third_title.md,line=5,col=1,")
    assert "Foreign Secretary" in lines[0]
    baseline = baseline_of(report)
    assert render_github(compare_with_baseline(report, baseline, "b.json")) == ""


def test_github_annotates_at_most_ten_then_says_how_many_more():
    lines = render_github(many(check([str(SEEDS)]), 25)).splitlines()
    assert len(lines) == MAX_ANNOTATIONS + 1
    assert all(line.startswith("::error ") for line in lines[:MAX_ANNOTATIONS])
    assert lines[-1].startswith("::notice") and "15 more new discrepancies" in lines[-1]


def test_github_commands_escape_their_data():
    report = check([str(SEEDS)])
    first = report.discrepancies[0]
    odd = first.model_copy(update={"subject": "A, B: C", "summary": "100% sure\nor not"})
    [line] = render_github(report.model_copy(update={"discrepancies": [odd]})).splitlines()
    assert "A%2C B%3A C" in line.split("::")[1]
    assert "100%25 sure%0Aor not" in line.split("::", 2)[2]


# --- the CLI -------------------------------------------------------------------------------


def test_every_format_from_one_run(corpus):
    result = CliRunner().invoke(
        main,
        [
            "check",
            "corpus",
            "--format",
            "github",
            "--sarif",
            "r.sarif",
            "--markdown",
            "r.md",
            "--junit",
            "r.xml",
        ],
    )
    assert result.exit_code == 1
    assert result.output.startswith(
        "::error file=corpus/001_7c7718bbee5a6144.txt"
    ) or result.output.startswith("::error file=corpus/000_a2a26cc6c8a62233.txt")
    jsonschema.validate(json.loads(Path("r.sarif").read_text(encoding="utf-8")), SARIF_SUBSET)
    assert Path("r.md").read_text(encoding="utf-8").startswith("## factlint:")
    assert ET.parse("r.xml").getroot().get("failures") == "1"


def test_render_passes_a_reporter_only_the_options_it_takes(monkeypatch):
    def strict(report, color=False):
        return f"color={color}"

    monkeypatch.setitem(REPORTERS, "strict", Reporter(strict, "test"))
    report = check([str(SEEDS)])
    assert render(report, "strict", color=True, fail_on="warning") == "color=True"
