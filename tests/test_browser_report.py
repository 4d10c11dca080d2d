"""The HTML report in a real headless Chromium: findings render, filters work, nothing is fetched.

Needs a Chromium-family browser, found by ``lintlaw.browser.find_chromium`` ($PLAYWRIGHT_CHROMIUM_EXECUTABLE,
else chromium or Google Chrome on PATH; ``.ci/run`` installs Debian's chromium). Outside CI a
missing browser skips these tests; under CI it fails them. Screenshots are saved to test-artifacts/: the whole page
(html-report.png) and its first screen (html-report-top.png, copied to docs/images/ for the README).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lintlaw.api import lint_path
from lintlaw.config import Config
from lintlaw.engine import load_rules
from lintlaw.protocol import compare_document
from lintlaw.report import FORMATTERS

from lintlaw.browser import ENV_VAR
from tests.browsers import CHROMIUM, launched, require_browser

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "report" / "draft-bill.md"
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]



@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, dict[str, int]]:
    """The report for the fixture bill (real check and compare runs), and what it should show."""
    documents: dict = {}
    ruleset = load_rules()
    old = Path.cwd()
    os.chdir(FIXTURE.parent)
    try:
        result = lint_path([FIXTURE.name], config=Config(), ruleset=ruleset, documents=documents)
    finally:
        os.chdir(old)
    assert result.findings, "the fixture bill must produce findings"
    comparison = compare_document(documents[FIXTURE.name], ruleset=ruleset).to_dict()
    html = FORMATTERS["html"](result, ruleset, documents=documents, root=FIXTURE.parent, comparison=comparison)
    path = tmp_path_factory.mktemp("browser") / "report.html"
    path.write_text(html, encoding="utf-8")
    by_severity: dict[str, int] = {}
    for finding in result.findings:
        by_severity[finding.severity] = by_severity.get(finding.severity, 0) + 1
    return path, len(result.findings), by_severity


@pytest.fixture(scope="module")
def browser():
    yield from launched()


@pytest.fixture
def page(browser, report):
    path, _, _ = report
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector("#shown:not(:empty)")
    yield page
    assert errors == [], errors
    assert all(url.startswith(("file:", "data:", "about:")) for url in requests), requests
    context.close()


def visible_findings(page) -> int:
    return page.locator("article.finding:visible").count()


def test_findings_text_chart_and_protocol_render(page, report):
    _, total, _ = report
    assert visible_findings(page) == total
    assert page.locator("#shown").inner_text() == f"{total} of {total} findings shown"
    assert page.locator(".law mark.hl").count() >= total
    assert page.locator(".law .row.flagged").count() >= 1
    assert page.locator("ol.chart a.bar").count() == len({c for c in page.locator("article.finding").evaluate_all(
        "cards => cards.map(c => c.dataset.rule)")})
    first = page.locator("article.finding").first
    assert first.locator(".stance").inner_text() in ("Protocol", "Contested")
    first.locator("details.why summary").click()
    assert first.locator("details.why ul.sources li").count() >= 1
    assert page.locator("#protocol .provision .law-pane").first.inner_text().startswith("This law: s. 2")
    assert "Palermo Protocol, Art. 3(a)" in page.locator("#protocol .protocol-pane").first.inner_text()
    means = page.locator("#protocol table.elements").first.locator("tr", has_text="Means")
    assert "deception" in means.locator("td").nth(1).inner_text()  # the definition lacks every means
    assert page.locator("#protocol pre.redline del").count() >= 1


def test_severity_filter_hides_findings_and_their_highlights(page, report):
    _, total, by_severity = report
    page.locator('form#filters input[name="severity"][value="warning"]').uncheck()
    expected = total - by_severity.get("warning", 0)
    assert visible_findings(page) == expected
    assert page.locator("#shown").inner_text() == f"{expected} of {total} findings shown"
    warning_marks = page.locator('.law mark.hl.sev-warning')
    assert warning_marks.count() >= 1
    assert all("off" in (cls or "") for cls in warning_marks.evaluate_all("ms => ms.map(m => m.className)"))
    page.locator('form#filters input[name="severity"][value="warning"]').check()
    assert visible_findings(page) == total


def test_rule_filter_and_chart_bars_select_one_rule(page, report):
    _, total, _ = report
    page.locator('form#filters button[data-group="rule"][data-set="none"]').click()
    assert visible_findings(page) == 0
    assert page.locator("#shown").inner_text() == f"0 of {total} findings shown"
    page.locator('form#filters input[name="rule"][value="LL105"]').check()
    shown = page.locator("article.finding:visible")
    assert shown.count() >= 1
    assert set(shown.evaluate_all("cards => cards.map(c => c.dataset.rule)")) == {"LL105"}
    page.locator('form#filters button[data-group="rule"][data-set="all"]').click()
    assert visible_findings(page) == total
    page.locator('ol.chart a.bar[data-rule="LL101"]').click()
    assert set(page.locator("article.finding:visible").evaluate_all("cs => cs.map(c => c.dataset.rule)")) == {"LL101"}


def test_readable_without_javascript(browser, report):
    path, total, _ = report
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri())
    assert visible_findings(page) == total
    assert page.locator("form#filters").is_hidden()
    assert page.locator(".noscript").is_visible()
    assert page.locator(".law mark.hl").count() >= total
    context.close()


def test_screenshots_are_saved(page):
    """The whole page, and its first screen (the README's picture: docs/images/html-report.png)."""
    ARTIFACTS.mkdir(exist_ok=True)
    whole = ARTIFACTS / "html-report.png"
    page.screenshot(path=str(whole), full_page=True)
    top = ARTIFACTS / "html-report-top.png"
    page.set_viewport_size({"width": 1280, "height": 1350})
    page.screenshot(path=str(top))
    assert whole.stat().st_size > 10_000 and top.stat().st_size > 10_000


# --- layout: phone and desktop, print, PDF ---------------------------------------------------------

WIDTHS = {"phone": 390, "desktop": 1400}


def open_at(browser, report, width: int):
    path, _, _ = report
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector("#shown:not(:empty)")
    return context, page


@pytest.fixture(params=sorted(WIDTHS))
def sized(request, browser, report):
    """The report at a phone's and a desktop's width (height 900), with the viewport's width."""
    path, _, _ = report
    width = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector("#shown:not(:empty)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"html-report-{width}.png"), full_page=True)
    yield page, width
    context.close()


def box(locator) -> dict:
    return locator.evaluate("e => { const r = e.getBoundingClientRect(); "
                            "return {left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY}; }")


def font_px(locator) -> float:
    return float(locator.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))


def test_no_sideways_scroll_and_readable_type(sized):
    page, width = sized
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.body.scrollWidth") <= width
    for selector in (".law .lt", "article.finding .message", "ol.chart .bar-label", "p.verdict",
                     "#protocol ul.differences li", "form#filters label"):
        assert font_px(page.locator(selector).first) >= 14, selector
    for selector in (".law .ln", ".sev", ".stance", "ol.chart .bar-label small"):
        assert font_px(page.locator(selector).first) >= 12, selector


def test_filter_labels_stay_inside_their_box(sized):
    page, _ = sized
    form = box(page.locator("form#filters"))
    for label in page.locator("form#filters label").all():
        b = box(label)
        assert form["left"] <= b["left"] and b["right"] <= form["right"] + 0.5, b


def test_the_element_table_and_the_chart_fit_the_screen(sized):
    page, width = sized
    for selector in ("#protocol table.elements", "#protocol table.articles", "ol.chart"):
        b = box(page.locator(selector).first)
        assert b["right"] <= width, selector
    if width < 760:  # the element table reflows into one block per element
        assert page.locator("#protocol table.elements td").first.evaluate("e => getComputedStyle(e).display") == "block"
    for label in page.locator("ol.chart .bar-label").all():
        assert box(label)["right"] <= width


def test_each_card_stands_beside_or_after_its_clause(sized, report):
    page, width = sized
    _, total, _ = report
    segments = page.locator(".law .seg.flagged-seg").all()
    assert segments and sum(s.locator("article.finding").count() for s in segments) == total
    for seg in segments:
        text = box(seg.locator(".seg-text"))
        cards = box(seg.locator(".seg-cards"))
        flagged = seg.locator(".row.flagged")
        assert flagged.count() >= 1  # the segment starts with the clause its cards are about
        if width >= 760:
            assert cards["left"] >= text["right"] - 1 and abs(cards["top"] - text["top"]) < 2
        else:
            assert cards["top"] >= box(flagged.first)["bottom"] - 1


def test_the_page_is_at_most_four_times_the_law_on_a_desktop(browser, report):
    context, page = open_at(browser, report, WIDTHS["desktop"])
    law = page.evaluate("Array.from(document.querySelectorAll('.seg-text'))"
                        ".reduce((sum, e) => sum + e.getBoundingClientRect().height, 0)")
    assert page.evaluate("document.documentElement.scrollHeight") <= 4 * law
    context.close()


def test_the_first_screen_says_what_the_law_does_and_keeps_the_hash_for_the_footer(sized):
    page, _ = sized
    verdict = page.locator("p.verdict")
    assert box(verdict)["bottom"] <= 900
    assert verdict.inner_text().startswith("This law departs from the UN Palermo Protocol in ")
    assert "contested pattern" in verdict.inner_text()
    chart = page.locator("ol.chart").inner_text()
    assert "Adult consent made irrelevant without reference to a means" in chart and "LL101" not in chart
    pack = load_rules().version
    before_findings = page.evaluate("document.querySelector('#documents').getBoundingClientRect().top")
    assert page.locator("footer").inner_text().count(pack) == 1
    header = page.evaluate("Array.from(document.querySelectorAll('header, #summary, nav')).map(e => e.innerText).join(' ')")
    assert pack not in header and "0.1.0" not in header and before_findings > 0


def test_the_comparison_speaks_to_people(page):
    text = page.locator("#protocol").inner_text()
    assert "unscoped" not in text and "sec_" not in text and "means_required" not in text
    assert "Consent is set aside in every case" in text and "not only where force, deception" in text
    body = page.locator("body").inner_text()
    assert body.count('"Trafficking in persons" shall mean') == 1  # Art. 3(a) quoted once
    assert page.locator("#protocol p.same-as").count() >= 1  # a provision that differs alike says so


def test_print_shows_findings_beside_clauses_without_filters(browser, report):
    path, _, _ = report
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.goto(path.as_uri())
    page.emulate_media(media="print")
    assert page.locator("form#filters").is_hidden() and page.locator("nav.toc").is_hidden()
    columns = page.locator(".seg").first.evaluate("e => getComputedStyle(e).gridTemplateColumns").split()
    assert len(columns) == 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-report-print.png"), full_page=True)
    context.close()


def test_check_writes_a_pdf_with_the_same_browser(tmp_path, monkeypatch):
    require_browser()
    from pypdf import PdfReader

    from conftest import run_cli

    monkeypatch.setenv(ENV_VAR, str(CHROMIUM))
    out = tmp_path / "report.pdf"
    proc = run_cli("check", str(FIXTURE), "-o", f"pdf:{out}", "-q", "--compare")
    assert proc.returncode == 1, proc.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "This law departs from the UN Palermo Protocol" in text


def test_pdf_without_a_browser_is_a_clear_error(tmp_path, monkeypatch):
    from conftest import run_cli

    monkeypatch.setenv(ENV_VAR, str(tmp_path / "no-browser"))
    proc = run_cli("check", str(FIXTURE), "-o", f"pdf:{tmp_path / 'r.pdf'}")
    assert proc.returncode == 2 and "E308" in proc.stderr and ENV_VAR in proc.stderr
    assert not (tmp_path / "r.pdf").exists()
