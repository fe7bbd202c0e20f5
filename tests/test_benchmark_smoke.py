"""The benchmark scripts run end to end on a tiny corpus (no timings are asserted)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_benchmark_runner_writes_a_results_table(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text(
        "# Notes kept\n\n<!-- results:start -->\nPREVIOUS-TABLE\n<!-- results:end -->\n"
    )
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--sizes",
            "12",
            "--baseline-sample",
            "3",
            "--jobs",
            "1",
            "--corpora",
            str(tmp_path / "corpora"),
            "--results",
            str(results),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    text = results.read_text()
    assert text.startswith("# Notes kept")
    assert "PREVIOUS-TABLE" not in text
    row = next(line for line in text.splitlines() if line.startswith("| 12 |"))
    assert row.count("|") == 14
    assert len(list((tmp_path / "corpora" / "12").rglob("*.md"))) == 12
