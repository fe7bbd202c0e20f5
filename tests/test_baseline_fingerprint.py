"""Discrepancy ids: what they must survive, and what must change them."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import SEEDS

from checker import check
from checker.discrepancies import fingerprint

SUNAK_PM = "000_a2a26cc6c8a62233.txt"
SUNAK_CHANCELLOR = "001_7c7718bbee5a6144.txt"
META_FIGURE = "003_60f25514c8733ae1.txt"


def ids(*paths: Path) -> dict[str, tuple]:
    report = check([str(p) for p in paths])
    return {
        d.id: (d.subject, d.attribute, tuple(sorted(v.value for v in d.values)))
        for d in report.discrepancies
    }


@pytest.fixture(scope="module")
def seed_ids() -> dict[str, tuple]:
    return ids(SEEDS)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def by_topic(found: dict[str, tuple], subject: str, attribute: str) -> dict[str, tuple]:
    return {k: v for k, v in found.items() if v[0] == subject and v[1] == attribute}


# --- the function --------------------------------------------------------------------------


def test_fingerprint_ignores_value_order_duplicates_and_case():
    a = fingerprint("Rishi Sunak", "title", None, ["prime_minister", "chancellor"])
    b = fingerprint("rishi sunak", "Title", "", ["chancellor", "prime_minister", "chancellor"])
    assert a == b and a.startswith("d-") and len(a) == 12


def test_fingerprint_changes_with_each_part():
    base = fingerprint("Rishi Sunak", "title", None, ["a", "b"])
    assert fingerprint("Keir Starmer", "title", None, ["a", "b"]) != base
    assert fingerprint("Rishi Sunak", "age", None, ["a", "b"]) != base
    assert fingerprint("Rishi Sunak", "title", "Scotland", ["a", "b"]) != base
    assert fingerprint("Rishi Sunak", "title", None, ["a", "c"]) != base
    assert fingerprint("Rishi Sunak", "title", None, ["a", "b", "c"]) != base


def test_fingerprint_keeps_parts_apart():
    # The separator keeps ("ab", "c") and ("a", "bc") from hashing alike.
    assert fingerprint("ab", "c", None, ["x", "y"]) != fingerprint("a", "bc", None, ["x", "y"])


def test_a_change_over_time_and_a_disagreement_on_the_same_values_differ():
    # Otherwise a change (info) that becomes a contradiction would keep its id and pass CI as known.
    disagreement = fingerprint("Scale AI", "chief executive", None, ["a", "b"])
    change = fingerprint("Scale AI", "chief executive", None, ["a", "b"], over_time=True)
    assert disagreement != change


# --- what ids must survive -----------------------------------------------------------------


def test_ids_are_unique_within_a_report(seed_ids):
    report = check([str(SEEDS)])
    assert len({d.id for d in report.discrepancies}) == len(report.discrepancies) == len(seed_ids)


def test_ids_survive_renaming_moving_and_reordering_documents(tmp_path, seed_ids):
    moved = tmp_path / "moved"
    for position, path in enumerate(sorted(SEEDS.glob("*.txt"), reverse=True)):
        folder = moved / ("news" if position % 2 else "archive/2024")
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, folder / f"{position:02d}-article.md")
    assert ids(moved) == seed_ids


def test_ids_survive_documents_given_one_by_one_in_any_order(seed_ids):
    files = sorted(SEEDS.glob("*.txt"), reverse=True)
    assert ids(*files) == seed_ids


def test_ids_survive_whitespace_and_line_ending_changes(corpus, seed_ids):
    for path in corpus.iterdir():
        text = path.read_text(encoding="utf-8")
        text = "\n".join(line + "  " for line in text.split("\n")).replace("\n", "\r\n\r\n")
        path.write_bytes(text.encode("utf-8"))
    assert ids(corpus) == seed_ids


@pytest.mark.parametrize("width", [60, 72, 100])
def test_ids_survive_re_wrapping_the_paragraphs(corpus, seed_ids, width):
    # Wrapped the way editors and `fmt` wrap: between words, never inside "San Francisco-based".
    wrapper = textwrap.TextWrapper(width, break_on_hyphens=False, break_long_words=False)
    for path in corpus.iterdir():
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(wrapper.fill(line) for line in lines), encoding="utf-8")
        assert max(len(line) for line in path.read_text(encoding="utf-8").split("\n")) <= width
    assert ids(corpus) == seed_ids


def test_ids_survive_lines_moving_within_a_document(corpus, seed_ids):
    path = corpus / SUNAK_PM
    paragraphs = path.read_text(encoding="utf-8").split("\n\n")
    sunak = next(p for p in paragraphs if "Prime Minister Rishi Sunak" in p)
    paragraphs.remove(sunak)
    paragraphs.insert(1, "An unrelated paragraph about the weather in London.\n\n" + sunak)
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    assert ids(corpus) == seed_ids


def test_ids_survive_one_more_source_repeating_a_known_value(corpus, seed_ids):
    (corpus / "005_repeat.md").write_text(
        "---\ntitle: Another visit\npublished: 2024-05-08\n---\n\n"
        "Prime Minister Rishi Sunak visited the new office in London.\n",
        encoding="utf-8",
    )
    report = check([str(corpus)])
    assert {d.id for d in report.discrepancies} == set(seed_ids)
    [sunak] = [d for d in report.discrepancies if d.subject == "Rishi Sunak"]
    supporting = {c.document for v in sunak.values for c in v.claims}
    assert "005_repeat.md" in supporting


# --- what must change ids ------------------------------------------------------------------


def test_a_new_conflicting_value_gives_a_new_id(corpus, seed_ids):
    (corpus / "005_third_title.md").write_text(
        "---\npublished: 2024-05-08\n---\n\nForeign Secretary Rishi Sunak praised the decision.\n",
        encoding="utf-8",
    )
    after = ids(corpus)
    old, new = by_topic(seed_ids, "Rishi Sunak", "title"), by_topic(after, "Rishi Sunak", "title")
    assert len(old) == len(new) == 1 and set(old) != set(new)
    assert "Foreign Secretary" in next(iter(new.values()))[2]
    unrelated = {k: v for k, v in seed_ids.items() if k not in old}
    assert {k: v for k, v in after.items() if k not in new} == unrelated


def test_a_value_changed_in_place_gives_a_new_id(corpus, seed_ids):
    path = corpus / META_FIGURE
    path.write_text(
        path.read_text(encoding="utf-8").replace("$14.3 billion", "$15 billion"), encoding="utf-8"
    )
    after = ids(corpus)
    old = by_topic(seed_ids, "Meta \u2192 Scale AI", "investment")
    new = by_topic(after, "Meta \u2192 Scale AI", "investment")
    assert len(old) == len(new) == 1 and set(old) != set(new)
    assert "$15 billion" in next(iter(new.values()))[2]


def _dated(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(f"---\npublished: 2024-07-06\n---\n\n{body}\n", encoding="utf-8")


def test_a_weekday_id_survives_more_sources_naming_someone_else(tmp_path):
    # The displayed subject of a weekday discrepancy is the person its sentences name most;
    # the id must not follow it when more sources repeat a known weekday.
    _dated(tmp_path, "a.md", "Keir Starmer became Prime Minister on Friday, 5 July.")
    _dated(tmp_path, "b.md", "Keir Starmer became Prime Minister on Thursday, 5 July.")
    [before] = check([str(tmp_path)]).discrepancies
    for n, who in enumerate(["bankers", "reporters", "farmers"]):
        _dated(
            tmp_path,
            f"c{n}.md",
            f"Chancellor Rachel Reeves spoke.\n\nOn Thursday, 5 July, Rachel Reeves met {who}.",
        )
    [after] = check([str(tmp_path)]).discrepancies
    assert (before.subject, after.subject) == ("Keir Starmer", "Rachel Reeves")
    assert after.id == before.id
