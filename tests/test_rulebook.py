"""Bad rule packs are errors that name the file, line, rule and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import RuleFileError
from checker.rulebook import load_rulebook

FIXTURES = Path(__file__).parent / "fixtures" / "bad_rules"

CASES = {
    "unknown_key.yaml": ("Extra inputs are not permitted", 8, "rules.patterns"),
    "bad_regex.yaml": ("not a valid regex", None, "patterns.regex"),
    "unknown_macro.yaml": ("unknown definition {NOPE}", None, "patterns.regex"),
    "no_attribute.yaml": ("needs `attribute` or `attribute_map`", 4, "rules"),
    "bad_kind.yaml": ("Input should be", 5, "rules.kind"),
    "syntax.yaml": ("not valid YAML", 7, None),
    "duplicate.yaml": ("duplicate rule id", None, "id"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_pack_is_located(name):
    message, line, field = CASES[name]
    with pytest.raises(RuleFileError) as caught:
        load_rulebook([FIXTURES / name], bundled=False)
    error = caught.value
    assert message in str(error)
    assert error.path.endswith(name)
    if line is not None:
        assert error.line == line
    if field is not None:
        assert field in (error.field or "")
    if name not in ("syntax.yaml",):
        assert error.rule is None or error.rule.startswith("bad.")


def test_every_fixture_is_covered():
    assert sorted(p.name for p in FIXTURES.glob("*.yaml")) == sorted(CASES)


def test_bundled_rules_load_with_unique_dotted_ids(rulebook):
    ids = [r.id for r in rulebook.rules]
    assert len(ids) == len(set(ids))
    assert all(i.count(".") == 1 for i in ids)


def test_user_pack_adds_rules(tmp_path, rulebook):
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "pack: mine\nrules:\n  - id: height\n    kind: quantity\n    subject_type: any\n    attribute: height\n"
        "    description: Height of a tower.\n    patterns:\n      - name: stands\n"
        "        regex: '(?P<subject>{ORG})\\s+stands\\s+(?P<value>{DIGITS})\\s+metres'\n",
        encoding="utf-8",
    )
    book = load_rulebook([tmp_path])
    assert "mine.height" in [r.id for r in book.rules]
    assert len(book.rules) == len(rulebook.rules) + 1
