"""The libyaml-based reader gives what PyYAML's own parser gives: data, limits and errors."""

from __future__ import annotations

import pytest
import yaml

from checker import bounded

TEXTS = [
    'title: "Acme: a headline"\noutlet: The Wire\npublished: 2024-05-04\nurl: https://x.org/a',
    "a: [1, [2, [3]]]\nb: {c: d}",
    "x: &a 1\ny: *a",
    "- 1\n- 2",
    "a: 2024-13-45",
    "\ufeffa: 1",
    "a: 1\r\nb: 2",
    "a: |\n  x\n   y\n",
    "",
    "a: 1\n\tb: 2",
    "a: b: c",
    "a: \x85b",
    "a: 'x",
    "---\na: 1\n---\nb: 2",
    "? [a]\n: b",
    "a: !!python/object foo",
    "x: &a [1]\ny: *a",
    "a: 0x" + "f" * 100,
    "[" * 100 + "]" * 100,
    "a: x" + "y" * (bounded.LIMITS.max_field_chars + 1),
]


def _outcome(read, text: str):
    try:
        return read(text)
    except (bounded.LimitError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return type(exc), str(exc), getattr(exc, "line", None), mark and mark.line


def _pure(text: str):
    return bounded._load_node(text, bounded._BoundedLoader)[0]


@pytest.mark.parametrize("text", TEXTS)
def test_libyaml_reads_like_pyyaml(text):
    assert _outcome(bounded.load_yaml, text) == _outcome(_pure, text)
