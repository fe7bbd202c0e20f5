"""The HTML report in a real browser: headless Chromium driven by Playwright.

Chromium comes from Debian (`apt-get install chromium`, done by .ci/run). These tests fail when
it is missing; set FACTLINT_NO_BROWSER=1 to skip them on a machine without it (not honoured
when CI is set). Screenshots go
to tests/output/ (git-ignored) and their paths are printed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS
from html_corpus import large_report, write_hostile_corpus

from checker.cli import main
from checker.reporters.html import render_html

OUTPUT = ROOT / "tests" / "output"
CHROMIUM = os.environ.get("FACTLINT_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SUNAK = "d-fa81110680"
LARGE_BYTES = 20_000_000


@pytest.fixture(scope="module")
def browser():
    if os.environ.get("FACTLINT_NO_BROWSER") == "1":
        if os.environ.get("CI"):
            pytest.fail("FACTLINT_NO_BROWSER=1 is not honoured in CI: the browser tests must run")
        pytest.skip("FACTLINT_NO_BROWSER=1: browser tests skipped on request")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set FACTLINT_NO_BROWSER=1)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Visit:
    """A page opened from disk, with every request, dialog and console error recorded."""

    def __init__(
        self,
        browser,
        path: Path,
        fragment: str = "",
        javascript: bool = True,
        intercept: bool = True,
        **context,
    ):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(java_script_enabled=javascript, **context)
        self.outside: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        if intercept:  # block anything but the page itself (slows big pages: it proxies them)
            self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(self.url + fragment)

    def _route(self, route):
        if route.request.url.split("#")[0] == self.url:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visible_cards(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "article.disc", "cards => cards.filter(c => c.offsetParent !== null).map(c => c.id)"
        )

    def assert_sealed(self) -> None:
        """Nothing left the page, nothing popped up, nothing failed (CSP included)."""
        assert self.outside == [], self.outside
        assert {u.split("#")[0] for u in self.requests} <= {self.url}, self.requests
        assert self.dialogs == [], self.dialogs
        assert self.errors == [], self.errors

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / "seeds-report.html"
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--html", str(path), "-q"])
    assert result.exit_code == 1, result.output
    return path


def _screenshot(page, name: str, capsys, full_page: bool = False) -> Path:
    path = OUTPUT / name
    page.screenshot(path=str(path), full_page=full_page)
    with capsys.disabled():
        print(f"\nscreenshot: {path.relative_to(ROOT)}")
    return path


def test_sunak_is_prime_minister_in_one_article_and_chancellor_in_another(
    browser, seeds_page, capsys
):
    visit = Visit(browser, seeds_page, viewport={"width": 1280, "height": 1000})
    page = visit.page
    card = page.locator(f"#{SUNAK}")
    assert card.is_visible()
    first = page.locator("article.disc").first
    assert first.get_attribute("id") == SUNAK  # the contradiction comes first
    values = card.locator(".values > section")
    assert values.count() == 2
    left, right = values.nth(0).bounding_box(), values.nth(1).bounding_box()
    assert abs(left["y"] - right["y"]) < 2 and right["x"] > left["x"] + left["width"] - 1
    assert "Prime Minister" in values.nth(0).inner_text()
    assert "Chancellor" in values.nth(1).inner_text()
    marks = card.locator("mark")
    assert [marks.nth(i).inner_text() for i in range(2)] == [
        "Prime Minister Rishi Sunak",
        "Chancellor Rishi Sunak",
    ]
    for i in range(2):
        assert marks.nth(i).is_visible()
        colour = marks.nth(i).evaluate("m => getComputedStyle(m).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#shown").inner_text() == "4 of 4"
    _screenshot(page, "html-report-seeds.png", capsys)
    _screenshot(page, "html-report-seeds-full.png", capsys, full_page=True)
    visit.assert_sealed()
    visit.close()


def test_filters_and_search_hide_and_show_the_right_discrepancies(browser, seeds_page):
    visit = Visit(browser, seeds_page)
    page = visit.page
    page.evaluate("localStorage.clear()")
    everything = visit.visible_cards()
    assert len(everything) == 4
    page.locator("input[name=sev][value=contradiction]").uncheck()
    assert SUNAK not in visit.visible_cards() and len(visit.visible_cards()) == 3
    assert page.locator("#shown").inner_text() == "3 of 4"
    assert "sev=warning%2Cinfo" in page.url or "sev=warning,info" in page.url
    assert not page.locator(f'.mx a[href="#{SUNAK}"]').is_visible()  # matrix row follows
    page.locator("#reset").click()
    assert visit.visible_cards() == everything

    page.fill("input[name=q]", "chancellor")
    page.wait_for_function("() => document.querySelector('#shown').textContent === '1 of 4'")
    assert visit.visible_cards() == [SUNAK]
    page.fill("input[name=q]", "no such words anywhere")
    page.wait_for_function("() => document.querySelector('#shown').textContent === '0 of 4'")
    assert page.locator("#none-shown").is_visible()
    page.fill("input[name=q]", "")
    page.wait_for_function("() => document.querySelector('#shown').textContent === '4 of 4'")

    page.select_option("select[name=kind]", "exclusive_titles")
    assert visit.visible_cards() == [SUNAK]
    page.select_option("select[name=kind]", "")
    page.select_option("select[name=subject]", "Meta → Scale AI")
    meta = visit.visible_cards()
    assert len(meta) == 2 and SUNAK not in meta
    page.select_option("select[name=subject]", "")
    doc = page.locator("select[name=doc] option", has_text="001_7c7718bbee5a6144.txt")
    page.select_option("select[name=doc]", doc.get_attribute("value"))
    by_doc = visit.visible_cards()
    assert SUNAK in by_doc and len(by_doc) < 4
    page.select_option("select[name=doc]", "")
    visit.assert_sealed()
    visit.close()


def test_filter_state_is_shared_by_url_and_kept_in_local_storage(browser, seeds_page):
    visit = Visit(browser, seeds_page, fragment="#sev=contradiction&q=sunak")
    page = visit.page
    assert visit.visible_cards() == [SUNAK]
    assert page.locator("input[name=sev][value=warning]").is_checked() is False
    assert page.input_value("input[name=q]") == "sunak"
    page.goto(visit.url)  # no fragment: the last state comes back from localStorage
    assert visit.visible_cards() == [SUNAK]
    assert "sev=contradiction" in page.url
    page.locator("#reset").click()
    assert len(visit.visible_cards()) == 4
    visit.assert_sealed()
    visit.close()


def test_anchor_to_a_hidden_discrepancy_shows_it(browser, seeds_page):
    visit = Visit(browser, seeds_page, fragment="#sev=info")
    page = visit.page
    assert SUNAK not in visit.visible_cards()
    page.evaluate(f"location.hash = '#{SUNAK}'")
    page.wait_for_function(f"() => document.getElementById('{SUNAK}').offsetParent !== null")
    assert page.locator(f"#{SUNAK}").is_visible()
    visit.assert_sealed()
    visit.close()


def test_j_and_k_move_between_visible_discrepancies(browser, seeds_page):
    visit = Visit(browser, seeds_page)
    page = visit.page
    page.evaluate("localStorage.clear()")
    page.goto(visit.url)
    ids = visit.visible_cards()
    current = "document.querySelector('article.disc.current')?.id"
    page.keyboard.press("j")
    assert page.evaluate(current) == ids[0]
    page.keyboard.press("j")
    assert page.evaluate(current) == ids[1]
    page.keyboard.press("k")
    assert page.evaluate(current) == ids[0]
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type("j")  # typing in the search box is not navigation
    assert page.evaluate(current) == ids[0]
    visit.assert_sealed()
    visit.close()


def test_claims_in_articles_show_their_value_on_hover_and_link_to_the_discrepancy(
    browser, seeds_page, capsys
):
    visit = Visit(browser, seeds_page, viewport={"width": 1280, "height": 900})
    page = visit.page
    claim = page.locator(f'#documents a[href="#{SUNAK}"]').first
    claim.scroll_into_view_if_needed()
    claim.hover()
    tip = claim.evaluate("a => getComputedStyle(a, '::after').content")
    assert "title: Chancellor of the Exchequer" in tip or "title: Prime Minister" in tip
    _screenshot(page, "html-report-article.png", capsys)
    claim.click()
    assert page.url.endswith(f"#{SUNAK}")
    assert page.locator(f"#{SUNAK}").is_visible()
    visit.assert_sealed()
    visit.close()


def test_everything_is_there_without_javascript(browser, seeds_page, seeds_report):
    visit = Visit(browser, seeds_page, javascript=False)
    page = visit.page
    assert len(visit.visible_cards()) == len(seeds_report.discrepancies)
    assert not page.locator("#filters").is_visible()  # filters need the script: hidden
    assert page.locator("#matrix").is_visible() and page.locator("#documents .doc").count() == 5
    tips = "\n".join(
        page.eval_on_selector_all("#documents [data-tip]", "els => els.map(e => e.dataset.tip)")
    )
    for claim in seeds_report.claims:
        assert f"{claim.subject} · {claim.attribute}: {claim.value}" in tips
    visit.assert_sealed()
    visit.close()


def test_readable_on_a_phone_and_printable(browser, seeds_page, capsys):
    visit = Visit(browser, seeds_page, viewport={"width": 390, "height": 844}, is_mobile=True)
    page = visit.page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px screen"
    values = page.locator(f"#{SUNAK} .values > section")
    assert values.nth(1).bounding_box()["y"] > values.nth(0).bounding_box()["y"] + 20  # stacked
    _screenshot(page, "html-report-phone.png", capsys)
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert page.locator(f"#{SUNAK}").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    visit.assert_sealed()
    visit.close()


def test_hostile_documents_cannot_run_or_load_anything(browser, tmp_path, capsys):
    corpus = write_hostile_corpus(tmp_path / "hostile")
    path = OUTPUT / "hostile-report.html"
    result = CliRunner().invoke(main, ["check", str(corpus), "--html", str(path), "-q"])
    assert result.exit_code in (0, 1), result.output
    visit = Visit(browser, path, viewport={"width": 1280, "height": 1000})
    page = visit.page
    assert len(visit.visible_cards()) >= 2
    body = page.inner_text("body")
    for text in (
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(4)>",
        "</textarea><svg onload=alert(6)>",
        '"><img src=x onerror=alert(1)>',
        "url: javascript:alert(1)",
    ):
        assert text in body, text
    assert page.locator("img, svg, iframe, textarea").count() == 0
    assert page.locator("script").count() == 1
    assert (
        page.eval_on_selector_all(
            "a[href]", "as => as.filter(a => !/^(https?:|file:)/.test(a.href)).map(a => a.href)"
        )
        == []
    )
    for link in page.locator("#documents a.ext").all():
        link.hover()
    page.locator("input[name=q]").fill("alert")
    page.wait_for_timeout(200)
    page.mouse.wheel(0, 3000)
    _screenshot(page, "html-report-hostile.png", capsys, full_page=True)
    visit.assert_sealed()
    visit.close()


def test_ten_thousand_discrepancies_render_load_and_filter_under_20_mb(browser):
    """Behaviour only: every card is on the page and the search filters them (speed: benchmarks)."""
    report = large_report(10_000)
    assert report.stats.discrepancies == 10_000
    path = OUTPUT / "large-report.html"
    path.write_text(render_html(report, destination=path), encoding="utf-8")
    assert path.stat().st_size < LARGE_BYTES
    visit = Visit(browser, path, intercept=False, viewport={"width": 1280, "height": 1000})
    page = visit.page
    assert page.locator("article.disc").count() == 10_000
    values = {v.value for d in report.discrepancies for v in d.values}
    assert (
        set(
            page.eval_on_selector_all(
                "article.disc mark", "ms => ms.slice(0, 50).map(m => m.textContent)"
            )
        )
        <= values
    )
    page.fill("input[name=q]", "Belbelka Energy")
    page.wait_for_function(
        "() => !document.querySelector('#shown').textContent.startsWith('10000 ')"
    )
    shown = visit.visible_cards()
    assert 1 <= len(shown) <= 3
    visit.assert_sealed()
    visit.close()
