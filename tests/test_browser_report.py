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

from lintlaw.browser import ENV_VAR, HEADLESS_ARGS, find_chromium

CHROMIUM = find_chromium()
LAUNCH_ARGS = list(HEADLESS_ARGS)
ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "report" / "draft-bill.md"
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]



def require_browser() -> None:
    if CHROMIUM is not None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"no Chromium found; CI must install one or set {ENV_VAR} (see .ci/run)")
    pytest.skip(f"no Chromium found (apt-get install chromium, or set {ENV_VAR}); CI runs this test")


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
    require_browser()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


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
    assert page.locator("svg.chart a.bar").count() == len({c for c in page.locator("article.finding").evaluate_all(
        "cards => cards.map(c => c.dataset.rule)")})
    first = page.locator("article.finding").first
    assert first.locator(".stance").inner_text() in ("Protocol", "Contested")
    first.locator("details.why summary").click()
    assert first.locator("details.why ul.sources li").count() >= 1
    assert page.locator("#protocol .side-by-side .law-pane").first.inner_text().startswith("This law: s. 2")
    assert "Palermo Protocol, Art. 3(a)" in page.locator("#protocol .protocol-pane").first.inner_text()
    means = page.locator("#protocol table.elements").first.locator("tr", has_text="means")
    assert "deception" in means.locator("td").nth(2).inner_text()  # the definition lacks every means
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
    page.locator('svg.chart a.bar[data-rule="LL101"]').click()
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
