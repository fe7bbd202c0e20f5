"""Rule examples: every rule carries sentences and the claims it must (not) extract; run them."""

from __future__ import annotations

from collections.abc import Collection

from pydantic import BaseModel, ConfigDict

from checker.extract import extract_reporting
from checker.ingest import parse_document
from checker.names import name_key
from checker.normalise import RELATION_ARROW, NormalisedClaim, normalise
from checker.rulebook import CompiledRule, Example, ExpectedClaim, Rulebook


class ExampleResult(BaseModel):
    """The outcome of one example of one rule."""

    model_config = ConfigDict(frozen=True)

    rule: str
    index: int
    text: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        """True when the rule extracted what the example expects."""
        return not self.problems


def run_examples(rulebook: Rulebook, packs: Collection[str] | None = None) -> list[ExampleResult]:
    """Run every example of every rule (of the named `packs` only, when given)."""
    return [
        run_example(rulebook, rule, index, example)
        for rule in rulebook.rules
        if packs is None or rule.pack in packs
        for index, example in enumerate(rule.rule.examples)
    ]


def run_example(
    rulebook: Rulebook, rule: CompiledRule, index: int, example: Example
) -> ExampleResult:
    """Extract from one example sentence and compare with what it expects of `rule`."""
    document, _ = parse_document(example.text, f"{rule.id}#{index}")
    if example.published:
        document = document.model_copy(
            update={"published": example.published, "body_start": 0, "title": None}
        )
    else:
        document = document.model_copy(update={"body_start": 0, "title": None})
    extracted, stopped = extract_reporting(document, rulebook)
    claims = normalise(extracted, [document], rulebook)
    mine = [c for c in claims if c.claim.evidence.rule == rule.id]
    problems = [f"regex timed out: {d.message}" for d in stopped if f"rule {rule.id} " in d.message]
    for expected in example.expect:
        if not any(matches(c, expected) for c in mine):
            problems.append(
                f"expected {_show(expected)}, got {[_show_claim(c) for c in mine] or 'nothing'}"
            )
    for rejected in example.reject:
        if any(matches(c, rejected) for c in mine):
            problems.append(f"must not extract {_show(rejected)}")
    if not example.expect and not example.reject and mine:
        problems.append(f"must extract nothing, got {[_show_claim(c) for c in mine]}")
    return ExampleResult(rule=rule.id, index=index, text=example.text, problems=problems)


def matches(claim: NormalisedClaim, expected: ExpectedClaim) -> bool:
    """True when every field the expectation sets agrees with the claim."""
    subject, _, obj = claim.subject.partition(RELATION_ARROW)
    checks = [
        (expected.subject, [claim.subject, subject]),
        (expected.object, [obj, claim.claim.object or ""]),
        (expected.attribute, [claim.attribute]),
        (expected.value, [claim.value.label, claim.claim.value]),
        (expected.tense, [claim.tense]),
        (expected.scope, [claim.scope or "", claim.claim.qualifiers.scope or ""]),
    ]
    if expected.disputed is not None and expected.disputed != claim.claim.qualifiers.disputed:
        return False
    if expected.change is not None and expected.change != claim.claim.qualifiers.change:
        return False
    return all(want is None or name_key(want) in {name_key(v) for v in got} for want, got in checks)


def _show(expected: ExpectedClaim) -> str:
    return ", ".join(f"{k}={v!r}" for k, v in expected.model_dump(exclude_none=True).items())


def _show_claim(claim: NormalisedClaim) -> str:
    return f"{claim.subject} | {claim.attribute} | {claim.value.label} ({claim.tense}{', ' + claim.scope if claim.scope else ''})"
