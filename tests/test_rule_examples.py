"""Every example sentence of every rule pack, as a test of its own (pytest -k <rule id>)."""

from __future__ import annotations

import pytest

from checker.examples import run_example
from checker.rulebook import load_rulebook

RULEBOOK = load_rulebook()
CASES = [
    (rule, i, example) for rule in RULEBOOK.rules for i, example in enumerate(rule.rule.examples)
]


@pytest.mark.parametrize(
    ("rule", "index", "example"), CASES, ids=[f"{r.id}-{i + 1}" for r, i, _ in CASES]
)
def test_rule_example(rule, index, example):
    result = run_example(RULEBOOK, rule, index, example)
    assert result.ok, "\n".join(result.problems)


@pytest.mark.parametrize("rule", RULEBOOK.rules, ids=[r.id for r in RULEBOOK.rules])
def test_every_rule_has_positive_and_negative_examples(rule):
    examples = rule.rule.examples
    assert any(e.expect for e in examples), f"{rule.id} has no example it must extract"
    assert any(not e.expect or e.reject for e in examples), (
        f"{rule.id} has no example it must not extract"
    )


KIND_MINIMUM = 15


@pytest.mark.parametrize("kind", sorted({r.rule.kind for r in RULEBOOK.rules}))
def test_each_claim_kind_has_many_examples(kind):
    examples = [e for r in RULEBOOK.rules if r.rule.kind == kind for e in r.rule.examples]
    assert len(examples) >= KIND_MINIMUM, f"{kind}: {len(examples)} examples, want {KIND_MINIMUM}"
