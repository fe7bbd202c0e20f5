"""Syndicated copies count once as evidence; a fact the copy changed is still compared."""

from __future__ import annotations

import datetime as dt
import glob

from conftest import ROOT, SEEDS

from checker import check
from checker.documents import Document
from checker.duplicates import find_duplicates
from checker.ingest import ingest

STORY = (
    "Boeing has named Kelly Ortberg, the 64-year-old former Rockwell Collins chief, as its next "
    "chief executive. He will take over on 8 August.\n\n"
    "Ortberg, an engineer by training, spent more than three decades at Rockwell Collins, the "
    "avionics maker based in Cedar Rapids, Iowa. He ran the company until its sale to United "
    "Technologies in 2018 and then led Collins Aerospace for a time before retiring.\n\n"
    "Dave Calhoun, who said in March that he would stay until the end of the year, will now hand "
    "over to Ortberg, months earlier than planned. He will remain as an adviser to the board.\n\n"
    "Investors and airline customers have been pressing for a leader with hands-on engineering "
    "experience. Analysts said Ortberg's background as a supplier meant he already knew the "
    "company's factories and many of its managers.\n"
)
OTHER = (
    "Kelly Ortberg, 64, takes over a company under pressure from regulators and customers. The "
    "Federal Aviation Administration capped production of the 737 after a door plug blew out of "
    "an Alaska Airlines jet in January, and the machinists' union is preparing for talks on a new "
    "contract that expires in September. Ortberg will be based in Seattle, not at the head office "
    "in Arlington, Virginia, people familiar with the plans said.\n"
)


def doc(doc_id: str, text: str, published: dt.date | None = None) -> Document:
    return Document(id=doc_id, text=text, published=published)


def test_identical_and_near_identical_texts_group_the_earliest_is_kept():
    copy = "By a staff writer. " + STORY.replace("Analysts said", "Several analysts said")
    documents = [
        doc("b-copy.txt", copy, dt.date(2024, 8, 2)),
        doc("a-original.txt", STORY, dt.date(2024, 8, 1)),
        doc("c-same.txt", STORY),
        doc("d-other.txt", OTHER, dt.date(2024, 8, 1)),
    ]
    (group,) = find_duplicates(documents)
    assert group.kept == "a-original.txt"
    assert [m.id for m in group.merged] == ["b-copy.txt", "c-same.txt"]
    similarity = {m.id: m.similarity for m in group.merged}
    assert similarity["c-same.txt"] == 1.0 and 0.9 < similarity["b-copy.txt"] < 1.0


def test_independent_reports_of_one_story_are_not_merged():
    """The seeds (and the dev stories, when ../shared is beside the checkout) are all distinct."""
    stories = sorted(glob.glob(str(ROOT.parent / "shared" / "corpora" / "dev" / "*")))
    documents = ingest([SEEDS, *stories]).documents
    assert len(documents) >= 5
    assert find_duplicates(documents) == []


def test_copies_add_no_corroboration_but_a_changed_fact_is_still_compared(tmp_path):
    (tmp_path / "original.md").write_text(
        "---\noutlet: Harbour Times\npublished: 2024-08-01\n---\n" + STORY, encoding="utf-8"
    )
    (tmp_path / "copy.md").write_text(
        "---\noutlet: Plainsview Post\npublished: 2024-08-01\n---\n" + STORY, encoding="utf-8"
    )
    changed = STORY.replace("the 64-year-old", "the 61-year-old")
    (tmp_path / "edited.md").write_text(
        "---\noutlet: Lantern Wire\npublished: 2024-08-01\n---\n" + changed, encoding="utf-8"
    )
    report = check([str(tmp_path)])
    (group,) = report.duplicates
    assert group.kept == "copy.md"  # same date: the first id
    assert sorted(m.id for m in group.merged) == ["edited.md", "original.md"]
    assert report.stats.merged == 2
    assert report.document("original.md").duplicate_of == "copy.md"
    ages = [d for d in report.discrepancies if d.attribute == "age"]
    assert len(ages) == 1
    documents_per_value = {v.value: sorted(c.document for c in v.claims) for v in ages[0].values}
    assert documents_per_value == {"61": ["edited.md"], "64": ["copy.md"]}
    assert all(c.document != "original.md" for c in report.claims)

    kept_all = check([str(tmp_path)], duplicate_similarity=None)
    assert kept_all.duplicates == [] and any(c.document == "original.md" for c in kept_all.claims)
