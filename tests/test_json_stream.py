"""The streamed JSON report: written entry by entry, byte-identical to one json.dumps."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

from checker import check
from checker.baseline import compare_with_baseline, record_baseline
from checker.cli import main
from checker.reporters import pieces, render
from checker.reporters.json import json_chunks, render_json

MESSY = ROOT / "tests" / "fixtures" / "messy"


def _dumped(report) -> str:
    """The JSON report as it was written before it was streamed: one dump of the model."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("corpus", [SEEDS, MESSY], ids=["seeds", "messy"])
def test_streamed_json_equals_one_dump_of_the_report(corpus, rulebook):
    report = check([str(corpus)], rulebook=rulebook)
    assert render_json(report) == _dumped(report)


def test_streamed_json_equals_one_dump_with_a_baseline_and_no_discrepancies(
    seeds_report, tmp_path, rulebook
):
    marked = compare_with_baseline(seeds_report, record_baseline(seeds_report).baseline, "b")
    assert marked.baseline is not None
    assert render_json(marked) == _dumped(marked)
    (tmp_path / "a.txt").write_text("Nothing to compare here.\n", encoding="utf-8")
    quiet = check([str(tmp_path)], rulebook=rulebook)
    assert quiet.discrepancies == [] and render_json(quiet) == _dumped(quiet)


def test_the_report_comes_in_pieces_no_larger_than_an_entry(seeds_report):
    chunks = list(json_chunks(seeds_report))
    entries = [*seeds_report.documents, *seeds_report.claims, *seeds_report.discrepancies]
    assert len(chunks) > len(entries)
    largest = max(len(json.dumps(e.model_dump(mode="json"), indent=2)) for e in entries)
    assert max(len(c) for c in chunks) < 2 * largest


def test_json_comes_in_pieces_and_other_formats_in_one(seeds_report):
    for fmt in ("json", "text", "markdown"):
        parts = list(pieces(seeds_report, fmt))
        assert "".join(parts) == render(seeds_report, fmt)
        assert (len(parts) > 1) == (fmt == "json")


def test_json_to_a_file_and_to_standard_output_are_the_same_bytes(tmp_path):
    out = tmp_path / "report.json"
    runner = CliRunner()
    runner.invoke(main, ["check", str(SEEDS), "--format", "json", "-o", str(out), "-q"])
    shown = runner.invoke(main, ["check", str(SEEDS), "--format", "json"])
    assert out.read_text(encoding="utf-8") == shown.output
    assert json.loads(shown.output)["stats"]["documents"] == 5


def test_entries_without_floats_take_pydantics_serialiser_and_stay_the_same_bytes():
    from pydantic import BaseModel

    from checker.discrepancies import Discrepancy
    from checker.duplicates import DuplicateGroup
    from checker.report import ClaimRecord
    from checker.reporters.json import _encode, _entry_json, _without_floats

    class Odd(BaseModel):
        text: str
        share: float = 1e-7
        more: dict[str, int] = {}

    assert _without_floats(ClaimRecord) and _without_floats(Discrepancy)
    assert not _without_floats(DuplicateGroup) and not _without_floats(Odd)
    record = ClaimRecord.model_validate(
        {
            "document": "a",
            "kind": "count",
            "subject": 'é\x00\x1f\u2028"\\\t',
            "attribute": "x",
            "value": "1",
            "raw": "1",
            "text": "1",
            "sentence": "",
            "start": 0,
            "end": 1,
            "rule": "r",
        }
    )
    for entry in (record, record.model_copy(update={"subject": "lone \ud800"}), Odd(text="a")):
        assert _entry_json(entry, 2) == _encode(entry.model_dump(mode="json"), depth=2)
