"""The HTML report as markup: structure, escaping, links, every discrepancy present."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from html_corpus import write_hostile_corpus

from checker import check
from checker.cli import main, report_from_json
from checker.discrepancies import ClaimRef, Discrepancy
from checker.documents import Document
from checker.report import ClaimRecord, DocumentSummary, Report, Stats
from checker.reporters import REPORTERS
from checker.reporters.html import cut_sentence, file_link, render_html, safe_link, segments
from checker.reporters.json import render_json, report_schema

RUN = dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC)


class Page(HTMLParser):
    """Every element with its attributes, and the text of script and style elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._inside: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._inside = tag

    def handle_endtag(self, tag):
        self._inside = None

    def handle_data(self, data):
        if self._inside == "script":
            self.scripts.append(data)
        elif self._inside == "style":
            self.styles.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.elements if t == tag]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.elements if a.get("id")}


@pytest.fixture(scope="module")
def seeds_html(seeds_report):
    return render_html(seeds_report, generated=RUN)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")
    report = check([str(folder)])
    return report, render_html(report, destination=folder.parent / "report.html", generated=RUN)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_html_is_a_registered_reporter_with_its_own_option():
    assert "html" in REPORTERS
    result = CliRunner().invoke(main, ["check", "--help"])
    assert "--html FILE" in result.output


def test_every_discrepancy_has_an_anchor_summary_values_and_highlighted_quotes(
    seeds_report, seeds_html
):
    page = Page(seeds_html)
    articles = {a["id"]: a for a in page.all("article") if "disc" in (a.get("class") or "")}
    assert set(articles) == {d.id for d in seeds_report.discrepancies}
    marks = re.findall(r"<mark>(.*?)</mark>", seeds_html)
    for d in seeds_report.discrepancies:
        assert f'href="#{d.id}"' in seeds_html
        assert _escaped(d.summary) in seeds_html
        assert _escaped(d.explanation) in seeds_html
        for value in d.values:
            assert f"</i> {_escaped(value.value)}" in seeds_html
            for ref in value.claims:
                assert _escaped(ref.text) in marks


def test_sunak_values_side_by_side_with_both_sentences(seeds_html):
    card = _card(seeds_html, "d-fa81110680")
    assert card.count('<section class="v') == 2
    assert "<mark>Prime Minister Rishi Sunak</mark> welcomed Scale AI" in card
    assert "<q><mark>Chancellor Rishi Sunak</mark> said:</q>" in card
    assert "Scale AI Establishes First International HQ in UK" in card  # the document's title
    assert "2024-05-08" in card and "undated" in card


def test_header_counts_version_and_run_date(seeds_report, seeds_html):
    assert "seeds" in seeds_html
    assert "5 documents" in seeds_html and f"{seeds_report.stats.claims} claims" in seeds_html
    assert '<b>1</b> <span class="what">contradiction</span>' in seeds_html
    assert f"factlint {seeds_report.tool.version}" in seeds_html
    assert "run 2024-06-01 12:00 UTC" in seeds_html


def test_groups_by_subject_most_severe_first(seeds_report, seeds_html):
    subjects = re.findall(r'<section class="group" data-subject="([^"]*)">', seeds_html)
    assert subjects[0] == "Rishi Sunak"
    assert (
        len(subjects) == len(set(subjects)) == len({d.subject for d in seeds_report.discrepancies})
    )
    order = [re.search(r'class="disc sev-(\w+)"', m).group(1) for m in _cards(seeds_html)]
    assert order[0] == "contradiction"


def test_one_style_one_script_pinned_by_the_content_security_policy(seeds_html):
    page = Page(seeds_html)
    [meta] = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = meta["content"]
    assert "default-src 'none'" in policy and "img-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert len(page.scripts) == 1 and len(page.styles) == 1
    assert f"'sha256-{_sha256(page.scripts[0])}'" in policy
    assert f"'sha256-{_sha256(page.styles[0])}'" in policy
    assert seeds_html.index("Content-Security-Policy") < seeds_html.index("<style>")


def test_nothing_is_loaded_from_anywhere(seeds_html):
    page = Page(seeds_html)
    for tag, attrs in page.elements:
        assert "src" not in attrs, tag
        assert tag not in ("link", "img", "iframe", "object", "embed", "base"), tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    assert "@import" not in page.styles[0] and "url(" not in page.styles[0]
    for word in ("fetch(", "XMLHttpRequest", "import(", "eval(", "innerHTML", "document.write"):
        assert word not in page.scripts[0], word


def test_content_is_in_the_markup_not_built_by_script(seeds_report, seeds_html):
    """With JavaScript off every discrepancy, quote and article is already in the page."""
    script = Page(seeds_html).scripts[0]
    assert "createElement" not in script and "insertAdjacentHTML" not in script
    text = re.sub(r"<script>.*?</script>", "", seeds_html, flags=re.S)
    for record in seeds_report.claims:
        assert _escaped(record.text) in text or record.text in _unescaped_text(text)


def test_hostile_documents_render_as_text(hostile):
    report, html = hostile
    page = Page(html)
    assert len(page.all("script")) == 1
    for tag in ("img", "svg", "iframe", "textarea"):
        assert not page.all(tag), tag
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(4)&gt;" in html
    assert "&lt;/textarea&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    for attrs in page.all("a"):
        href = attrs.get("href") or ""
        assert not re.match(r"\s*[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith(
            ("http://", "https://")
        ), href
    assert any(len(d.values) >= 2 for d in report.discrepancies)


def test_hostile_front_matter_links_are_text_not_links(hostile):
    report, html = hostile
    hrefs = [a.get("href") or "" for a in Page(html).all("a")]
    assert not [h for h in hrefs if "javascript" in h.lower()]
    assert "url: javascript:alert(1)" in html  # shown, not linked
    assert "corpus/a-hostile.md" in hrefs  # a relative link to the file instead
    assert any(h.startswith("https://example.com/story?") for h in hrefs)
    assert "&#34;&gt;&lt;script&gt;alert(3)" in html or "%22%3E%3Cscript%3Ealert(3)" in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
        "http:/no-host",
        "",
        None,
    ],
)
def test_only_absolute_http_links_are_kept(url):
    assert safe_link(url) is None


@pytest.mark.parametrize("url", ["http://example.com", "https://example.com/a?b=1&c=%22#x"])
def test_http_links_are_kept(url):
    assert safe_link(url) == url


def test_file_links_are_relative_and_never_a_scheme(tmp_path):
    (tmp_path / "corpus").mkdir()
    assert file_link(str(tmp_path / "corpus" / "a b.txt"), tmp_path) == "corpus/a%20b.txt"
    assert file_link(str(tmp_path / "x.txt"), tmp_path / "out") == "../x.txt"
    link = file_link(str(tmp_path / "javascript:alert(1).txt"), tmp_path)
    assert link == "javascript%3Aalert%281%29.txt"
    assert file_link(None, tmp_path) is None


def test_links_to_files_are_relative_to_where_the_page_is_written(tmp_path):
    out = tmp_path / "deep" / "er" / "report.html"
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--html", str(out), "-q"])
    assert result.exit_code == 1, result.output
    html = out.read_text(encoding="utf-8")
    href = re.search(r'href="([^"#]*000_a2a26cc6c8a62233\.txt)"', html).group(1)
    assert (out.parent / href).resolve() == (SEEDS / "000_a2a26cc6c8a62233.txt").resolve()


def test_the_quote_is_cut_at_the_claims_offsets_not_the_first_match():
    text = "Intro.\n\nSunak met Sunak. Then Sunak left."
    sentence = "Sunak met Sunak."
    start = text.index(sentence) + len("Sunak met ")
    ref = ClaimRef(
        document="a", text="Sunak", sentence=sentence, start=start, end=start + 5, rule="r"
    )
    source = Document(id="a", text=text)
    assert cut_sentence(ref, source) == ("Sunak met ", "Sunak", ".")
    assert cut_sentence(ref, None) == ("", "Sunak", " met Sunak.")  # no text: first match


def _record(doc, start, end, attribute, value, discrepancies=()):
    return ClaimRecord(
        document=doc,
        kind="title",
        subject="X",
        attribute=attribute,
        value=value,
        raw=value,
        text="",
        sentence="",
        start=start,
        end=end,
        rule="r.x",
        discrepancies=list(discrepancies),
    )


def test_overlapping_claims_are_cut_into_pieces_that_list_every_claim():
    source = Document(id="a", text="\n\nabcdefghij\n", body_start=0)
    outer = _record("a", 2, 10, "outer", "O", ["d-1"])
    inner = _record("a", 4, 6, "inner", "I")
    pieces = segments(source, [outer, inner], 1, {"d-1": "warning"})
    assert [p.text for p in pieces] == ["ab", "cd", "efgh", "ij"]
    assert [len(p.tips) for p in pieces] == [1, 2, 1, 0]
    assert [p.anchor for p in pieces] == ["c-1-2", "c-1-4", None, None]
    assert [p.target for p in pieces] == ["d-1", "d-1", "d-1", None]
    assert pieces[1].severity == "warning" and "inner: I" in pieces[1].tips[1]


def test_every_claim_is_highlighted_in_its_article(seeds_report, seeds_html):
    tips = re.findall(r'data-tip="([^"]*)"', seeds_html)
    for record in seeds_report.claims:
        assert any(f"{record.attribute}: {_escaped(record.value)}" in tip for tip in tips)
    articles = seeds_html[seeds_html.index('<section id="documents"') :]
    for d in seeds_report.discrepancies:
        assert re.search(rf'<a class="[cwi]( m)?" id="c-\d+-\d+" href="#{d.id}"', articles)


def test_rendering_html_changes_neither_the_json_nor_its_schema(seeds_report, tmp_path):
    before = render_json(seeds_report)
    render_html(seeds_report, generated=RUN)
    assert render_json(seeds_report) == before
    assert "_sources" not in before and "sources" not in json.loads(report_schema())["properties"]
    assert render_html(seeds_report, generated=RUN) == render_html(seeds_report, generated=RUN)


def test_a_report_read_back_from_json_renders_without_the_texts(seeds_report):
    report = report_from_json(render_json(seeds_report))
    assert report.source("000_a2a26cc6c8a62233.txt") is None
    assert seeds_report.source("000_a2a26cc6c8a62233.txt") is not None
    assert report == seeds_report  # the kept texts are not part of the report's content
    assert report != report.model_copy(update={"corpus": ["elsewhere"]})
    html = render_html(report, generated=RUN)
    assert "<mark>Prime Minister Rishi Sunak</mark>" in html
    assert "text is not in this report" in html


def test_html_json_and_text_in_one_run(tmp_path):
    html, js = tmp_path / "r.html", tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--html", str(html), "--json", str(js)])
    assert result.exit_code == 1
    assert "Rishi Sunak - title" in result.output
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert json.loads(js.read_text(encoding="utf-8"))["stats"]["documents"] == 5
    out = tmp_path / "o.html"
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--format", "html", "-o", str(out)])
    assert "d-fa81110680" in out.read_text(encoding="utf-8")


def test_no_discrepancies_says_so(tmp_path):
    report = check([str(SEEDS / "002_452b0ef847d2f41e.txt")])
    html = render_html(report, generated=RUN)
    assert "No discrepancies" in html and 'id="matrix"' not in html


class _WithBaseline(Discrepancy):
    baseline: str | None = None


def test_a_baseline_status_shows_as_a_badge_and_a_filter(seeds_report):
    discrepancies = [
        _WithBaseline(**d.model_dump(), baseline="new" if i == 0 else "known")
        for i, d in enumerate(seeds_report.discrepancies)
    ]
    report = seeds_report.model_copy(update={"discrepancies": discrepancies})
    html = render_html(report, generated=RUN)
    assert '<em data-status="new">new</em>' in html
    assert '<select name="status">' in html and '<option value="known">' in html
    assert '<select name="status">' not in render_html(seeds_report, generated=RUN)


def test_sources_matrix_marks_the_document_standing_alone():
    report = _three_sources_report()
    html = render_html(report, generated=RUN)
    row = re.search(r'<div class="mr sev-contradiction"><a href="#d-x">.*?</div>', html).group(0)
    assert row.count("<i ") == 3
    assert row.count(" alone") == 1 and 'class="c3 v1 alone">B</i>' in row
    assert re.search(r"Stands alone in</span>(<span[^>]*>\d+</span>){3}", html)


def _three_sources_report() -> Report:
    docs = [
        Document(id=f"{n}.txt", text=f"Acme was founded in {y}.")
        for n, y in enumerate([1998, 1998, 2001], 1)
    ]
    refs = [
        ClaimRef(document=d.id, text=d.text[20:24], sentence=d.text, start=20, end=24, rule="r")
        for d in docs
    ]
    d = Discrepancy(
        id="d-x",
        severity="contradiction",
        kind="conflicting_values",
        subject="Acme",
        attribute="founded",
        summary="Sources disagree on Acme's founded: 1998 vs 2001",
        explanation="1998 and 2001 cannot both be right.",
        values=[{"value": "1998", "claims": refs[:2]}, {"value": "2001", "claims": refs[2:]}],
    )
    return Report(
        documents=[DocumentSummary(id=x.id) for x in docs],
        discrepancies=[d],
        stats=Stats(documents=3, claims=3, discrepancies=1, by_severity={"contradiction": 1}),
    ).with_sources(docs)


def _cards(html: str) -> list[str]:
    return re.findall(r'<article class="disc.*?</article>', html, flags=re.S)


def _card(html: str, did: str) -> str:
    [card] = [c for c in _cards(html) if f'id="{did}"' in c]
    return card


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _unescaped_text(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_page_is_written_in_utf8_with_the_characters_of_the_articles(tmp_path):
    out = tmp_path / "r.html"
    CliRunner().invoke(main, ["check", str(SEEDS), "--html", str(out), "-q"])
    text = out.read_bytes().decode("utf-8")
    assert "Scale AI’s decision" in text and '<meta charset="utf-8">' in text
    assert Path(out).stat().st_size < 200_000
