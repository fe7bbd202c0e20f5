"""The bundled corpus end to end: what a good checker must and must not report on seeds/."""

from __future__ import annotations

from checker.discrepancies import SEVERITY_ORDER

FLAGGED = {"contradiction", "warning"}
SUNAK_DOCS = ("000_a2a26cc6c8a62233.txt", "001_7c7718bbee5a6144.txt")


def _docs(value):
    return {c.document for c in value.claims}


def _about(report, words):
    return [d for d in report.discrepancies if any(w.lower() in d.subject.lower() for w in words)]


def test_sunak_title_is_a_contradiction_with_both_quotes(seeds_report):
    [sunak] = [
        d
        for d in seeds_report.discrepancies
        if d.subject == "Rishi Sunak" and d.attribute == "title"
    ]
    assert sunak.severity == "contradiction"
    values = {v.value: v for v in sunak.values}
    assert set(values) == {"Prime Minister", "Chancellor of the Exchequer"}
    assert _docs(values["Prime Minister"]) == {SUNAK_DOCS[0]}
    assert _docs(values["Chancellor of the Exchequer"]) == {SUNAK_DOCS[1]}
    quotes = {c.text for v in sunak.values for c in v.claims}
    assert quotes == {"Prime Minister Rishi Sunak", "Chancellor Rishi Sunak"}


def test_meta_investment_is_a_bound_versus_a_figure(seeds_report):
    [meta] = [d for d in seeds_report.discrepancies if d.attribute == "investment"]
    assert meta.subject == "Meta \u2192 Scale AI"
    assert meta.severity == "warning"
    assert meta.kind == "bound_vs_value"
    assert "bound" in meta.explanation and "compatible" in meta.explanation
    values = {v.value: _docs(v) for v in meta.values}
    assert values == {
        "$14.3 billion": {"003_60f25514c8733ae1.txt"},
        "more than $10 billion": {"004_f1215798d1999bf2.txt"},
    }


def test_change_of_chief_executive_is_not_a_contradiction(seeds_report):
    chiefs = [
        d for d in seeds_report.discrepancies if d.subject == "Scale AI" and "chief" in d.attribute
    ]
    assert chiefs and all(d.severity == "info" and d.kind == "changed_over_time" for d in chiefs)
    assert {"Alexandr Wang", "Jason Droege"} <= {v.value for d in chiefs for v in d.values}


def test_synonym_and_coheld_titles_are_not_flagged(seeds_report):
    assert not [d for d in _about(seeds_report, ["Wang"]) if d.severity in FLAGGED]


def test_different_scopes_and_companies_are_not_flagged(seeds_report):
    flagged = [d for d in seeds_report.discrepancies if d.severity in FLAGGED]
    for d in flagged:
        docs = set().union(*(_docs(v) for v in d.values))
        assert not ({"000_a2a26cc6c8a62233.txt", "002_452b0ef847d2f41e.txt"} <= docs), d.summary
        assert "OpenAI" not in d.subject and "London" not in d.subject and "UK" not in d.subject


def test_only_the_two_real_disagreements_are_flagged(seeds_report):
    flagged = sorted(
        (d.subject, d.attribute) for d in seeds_report.discrepancies if d.severity in FLAGGED
    )
    assert flagged == [("Meta \u2192 Scale AI", "investment"), ("Rishi Sunak", "title")]


def test_discrepancies_are_sorted_most_severe_first(seeds_report):
    ranks = [SEVERITY_ORDER[d.severity] for d in seeds_report.discrepancies]
    assert ranks == sorted(ranks, reverse=True)


def test_evidence_offsets_point_at_the_quoted_text(seeds_report):
    from pathlib import Path

    from conftest import SEEDS

    for record in seeds_report.claims:
        text = (Path(SEEDS) / record.document).read_text(encoding="utf-8")
        assert text[record.start : record.end] == record.text
        assert record.text in record.sentence


def test_documents_have_metadata(seeds_report):
    docs = {d.id: d for d in seeds_report.documents}
    assert str(docs["001_7c7718bbee5a6144.txt"].published) == "2024-05-08"
    assert str(docs["002_452b0ef847d2f41e.txt"].published) == "2024-03-04"
    assert docs["000_a2a26cc6c8a62233.txt"].published is None
    assert (
        docs["000_a2a26cc6c8a62233.txt"].title
        == "Scale AI Establishes First International HQ in UK"
    )
