"""Large comparison groups: one subject with thousands of values is judged in n log n and
its discrepancy lists a bounded number of values and claims, counting the rest."""

from __future__ import annotations

import pytest

from checker import check
from checker.clusters import BUSIEST, NEIGHBOURS, Changes, clusters_of, pairs_to_judge
from checker.discrepancies import LISTED_CLAIMS, LISTED_VALUES
from checker.reporters.json import render_json


def _employs(numbers) -> str:
    return "Note\n\n" + " ".join(f"Acme Corp employs {n} people." for n in numbers) + "\n"


@pytest.fixture(scope="module")
def two_thousand_values(tmp_path_factory, rulebook):
    """Two documents that give Acme Corp 2,000 different headcounts between them."""
    folder = tmp_path_factory.mktemp("values")
    (folder / "a.txt").write_text(_employs(range(10, 2010, 2)), encoding="utf-8")
    (folder / "b.txt").write_text(_employs(range(11, 2011, 2)), encoding="utf-8")
    return folder, check([str(folder)], rulebook=rulebook)


def test_a_group_of_2000_values_lists_the_first_ones_and_counts_the_rest(two_thousand_values):
    _, report = two_thousand_values
    [found] = report.discrepancies
    assert (found.severity, found.kind) == ("contradiction", "conflicting_values")
    assert len(found.values) == LISTED_VALUES
    assert found.unlisted_values == 2000 - LISTED_VALUES
    assert found.summary.endswith(f" and {2000 - LISTED_VALUES:,} more")
    assert found.summary.count(" vs ") == LISTED_VALUES - 1
    first_in_a = {str(n) for n in range(10, 10 + 2 * LISTED_VALUES, 2)}  # a.txt, by offset
    assert {v.value for v in found.values} == first_in_a


def test_claims_of_unlisted_values_still_name_their_discrepancy(two_thousand_values):
    _, report = two_thousand_values
    [found] = report.discrepancies
    assert len(report.claims) == 2000
    assert all(record.discrepancies == [found.id] for record in report.claims)


def test_a_large_group_reports_the_same_bytes_on_every_run(two_thousand_values, rulebook):
    folder, report = two_thousand_values
    assert render_json(check([str(folder)], rulebook=rulebook)) == render_json(report)


def test_a_large_group_judges_a_bounded_number_of_pairs_per_cluster(two_thousand_values):
    _, report = two_thousand_values
    claims = _normalised(report)
    clusters = clusters_of(claims)
    pairs = list(pairs_to_judge(clusters, large=True))
    anchors = 4 + BUSIEST
    assert len(clusters) == 2000
    assert len(pairs) <= (NEIGHBOURS + anchors) * len(clusters)
    assert len({(a.rank, b.rank) for a, b in pairs}) == len(pairs)
    assert all(a.rank < b.rank for a, b in pairs)  # judged in the order a small group is


@pytest.mark.parametrize("others", [1, 150], ids=["exhaustive", "large"])
def test_a_value_with_many_claims_lists_the_first_ones_and_counts_the_rest(
    tmp_path, rulebook, others
):
    (tmp_path / "a.txt").write_text(_employs([12] * 150), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_employs([40] * others), encoding="utf-8")
    report = check([str(tmp_path)], rulebook=rulebook)
    [found] = report.discrepancies
    assert found.severity == "contradiction" and found.unlisted_values is None
    counts = {v.value: (len(v.claims), v.unlisted_claims) for v in found.values}
    listed = min(others, LISTED_CLAIMS)
    assert counts == {"12": (LISTED_CLAIMS, 50), "40": (listed, (others - listed) or None)}
    for value in found.values:
        assert [c.start for c in value.claims] == sorted(c.start for c in value.claims)
    assert sum(1 for record in report.claims if record.discrepancies) == 150 + others


def test_a_small_discrepancy_has_no_counts_in_its_json(seeds_report):
    text = render_json(seeds_report)
    assert "unlisted_values" not in text and "unlisted_claims" not in text


def test_changes_are_found_between_two_dates(two_thousand_values):
    import datetime as dt

    _, report = two_thousand_values
    claims = _normalised(report)
    changed = claims[0].model_copy(update={"change": True, "published": dt.date(2024, 5, 1)})
    index = Changes([changed, *claims[1:]])
    key = changed.value.key
    assert index.between(key, dt.date(2024, 4, 1), dt.date(2024, 5, 1))
    assert not index.between(key, dt.date(2024, 5, 2), dt.date(2024, 6, 1))
    assert not index.between(claims[1].value.key, dt.date.min, dt.date.max)


def _normalised(report):
    """The normalised claims of the report's corpus, as compare sees them."""
    from checker.ingest import ingest
    from checker.normalise import normalise
    from checker.pipeline import extract_all
    from checker.rulebook import load_rulebook

    rulebook = load_rulebook()
    documents = ingest(report.corpus).documents
    claims, _ = extract_all(documents, rulebook)
    return normalise(claims, documents, rulebook)
