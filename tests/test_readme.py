"""The README's sample runs are what factlint prints (benchmarks/readme_samples.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "readme_samples.py"
_spec = importlib.util.spec_from_file_location("readme_samples", SCRIPT)
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


@pytest.mark.parametrize("name", samples.available())
def test_the_readme_sample_is_a_run(name):
    text = samples.README.read_text(encoding="utf-8")
    start, end = samples.block(text, name)
    assert text[start:end] == samples.SAMPLES[name]() + "\n", (
        f"run `python benchmarks/readme_samples.py --write` to refresh the '{name}' sample"
    )


def test_the_seeds_sample_is_always_checked():
    assert "seeds" in samples.available()
