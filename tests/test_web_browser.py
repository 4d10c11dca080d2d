"""``lintlaw serve`` in a real headless Chromium, against a server this test starts on a free port.

A DOCX bill shows its findings and the Protocol comparison; a corrupt PDF shows its coded error;
a 25 MB upload gets the size message; the page does not scroll sideways at 390 px; the PDF
download works; nothing is fetched from elsewhere, no uploaded text reaches the server's log and
nothing is left in its temporary folder. Screenshots go to test-artifacts/ (serve-page.png is the
picture in docs/serve.md).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from tests.browsers import launched, require_browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
BILL = ROOT / "corpus" / "bills" / "anti-trafficking-bill-conflated.md"
EARLIER = ROOT / "corpus" / "bills" / "anti-trafficking-bill-aligned.md"
LAW = ROOT / "corpus" / "laws" / "lk_saarc-convention-implementation-act_2005.txt"
CANARY = "Zqx7canaryTextThatMustNotBeLogged"

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


server = _load("web_server", ROOT / "tests" / "fixtures" / "web" / "server.py")
builders = _load("ingest_builders", ROOT / "tests" / "fixtures" / "ingest" / "builders.py")


def bill_docx(folder: Path) -> Path:
    """The sample bill as a Word file: its title in the properties, one paragraph per line."""
    text = BILL.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]

    def build(document) -> None:
        for line in body.splitlines():
            if line.startswith("#"):
                document.add_heading(line.lstrip("# "), level=min(line.count("#"), 3))
            elif line.strip():
                document.add_paragraph(line)

    path = folder / "trafficking-bill.docx"
    path.write_bytes(builders.docx_bytes(build, title="Prevention of Trafficking Bill (illustrative draft)"))
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_browser()
    pytest.importorskip("starlette")
    folder = tmp_path_factory.mktemp("serve")
    with server.running_server(folder) as (base, process, log):
        yield base, folder, log
        assert process.poll() is None, "the server stopped during the tests"
    text = log.read_text(encoding="utf-8", errors="replace")
    assert CANARY not in text
    assert "open http://127.0.0.1:" in text and "this computer only" in text


@pytest.fixture(scope="module")
def browser():
    yield from launched()


@pytest.fixture
def page(browser, site):
    base = site[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "/")
    yield page
    assert errors == [], errors
    outside = [u for u in requests if not u.startswith((base + "/", "data:", "about:", "blob:"))]
    assert outside == [], outside
    context.close()


def analyse(page, path: Path, *, earlier: Path | None = None) -> None:
    page.set_input_files("#file", str(path))
    if earlier is not None:
        page.locator("#earlier-box summary").click()
        page.set_input_files("#earlier", str(earlier))
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden]), #error:not([hidden])", timeout=120_000)


def test_a_docx_bill_shows_its_findings_and_the_protocol_comparison(page, tmp_path):
    analyse(page, bill_docx(tmp_path), earlier=EARLIER)
    assert page.locator("#error").is_hidden()
    assert re.match(r"\d+ findings \(\d+ error", page.locator("#result-summary").inner_text())
    assert page.locator("#result-title").inner_text() == "Prevention of Trafficking Bill (illustrative draft)"
    assert page.locator("#detected").inner_text().startswith("Detected: English (en)")
    report = page.frame_locator("#report")
    report.locator("article.finding").first.wait_for()
    assert report.locator("article.finding").count() >= 5
    assert {"LL101", "LL102"} <= set(report.locator("article.finding").evaluate_all("cs => cs.map(c => c.dataset.rule)"))
    assert "Compared with the Palermo Protocol" in report.locator("#protocol h2").inner_text()
    assert "Palermo Protocol, Art. 3(a)" in report.locator("#protocol .protocol-pane").first.inner_text()
    report.locator("#shown:not(:empty)").wait_for()  # the report's own filters run inside the frame
    labels = page.locator("#downloads a").all_inner_texts()
    assert labels == ["HTML report", "PDF", "SARIF", "JSON", "CSV", "Changes (HTML)"]
    assert page.locator("#changes-link").is_visible()
    assert page.locator("#open-report").get_attribute("href") == page.locator("#report").get_attribute("src")


def test_the_language_is_shown_and_can_be_changed(page):
    # Record what the progress indicator said while the law was analysed, however fast that was.
    page.evaluate("""() => {
      window.statusSeen = [];
      new MutationObserver(() => {
        const box = document.getElementById("status");
        if (!box.hidden) window.statusSeen.push(document.getElementById("status-text").textContent);
      }).observe(document.getElementById("status"), {subtree: true, childList: true, attributes: true,
                                                      characterData: true});
    }""")
    page.set_input_files("#file", str(LAW))
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    seen = page.evaluate("() => window.statusSeen")
    assert any(text.startswith("Analysing the law") for text in seen), seen
    assert page.locator("#status").is_hidden()
    assert page.locator("#detected").inner_text().startswith("Detected: English (en)")
    page.select_option("#language", "fr")
    page.wait_for_selector("#detected:has-text('Read as fr')", timeout=120_000)
    assert page.locator("#detected").inner_text() == "Read as fr (detected: en)."


def test_a_corrupt_pdf_shows_its_coded_error(page, tmp_path):
    broken = tmp_path / "ministry-copy.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\ntrailer <<>>\n")
    analyse(page, broken)
    error = page.locator("#error").inner_text()
    assert error.startswith("ministry-copy.pdf: E105 malformed PDF"), error
    assert page.locator("#result").is_hidden()


def test_a_25_mb_upload_gets_the_size_message(page, tmp_path):
    big = tmp_path / "huge-law.txt"
    with big.open("wb") as handle:
        line = b"Every person who moves another person for prostitution commits an offence.\n"
        handle.write(line * (25 * 1024 * 1024 // len(line) + 1))
    analyse(page, big)
    error = page.locator("#error").inner_text()
    assert "E371" in error and "20 MB limit" in error, error


def test_pasted_text_is_analysed_and_never_logged(page, site):
    page.locator("#paste-box summary").click()
    page.fill("#text", f'"Trafficking" means the moving of women for prostitution. {CANARY}')
    page.click("#submit")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    assert page.frame_locator("#report").locator("article.finding").count() >= 1
    page.fill("#text", f"---\ntitle: [unclosed {CANARY}\n---\nA law.")
    page.click("#submit")
    page.wait_for_selector("#error:not([hidden])", timeout=120_000)
    assert "E108" in page.locator("#error").inner_text()


def test_no_sideways_scroll_at_390_px(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(site[0] + "/")
    width = "() => document.documentElement.scrollWidth"
    assert page.evaluate(width) <= 390
    analyse(page, BILL)
    page.frame_locator("#report").locator("article.finding").first.wait_for()
    assert page.evaluate(width) <= 390
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve-phone.png"))
    context.close()


def test_pdf_download_and_nothing_left_on_disk(page, site):
    _, folder, _ = site
    analyse(page, BILL)
    with page.expect_download(timeout=120_000) as info:
        page.locator("#downloads a", has_text="PDF").click()
    assert Path(info.value.path()).read_bytes().startswith(b"%PDF")
    assert info.value.suggested_filename == "anti-trafficking-bill-conflated-lintlaw-report.pdf"
    assert list((folder / "tmp").iterdir()) == []
    assert list((folder / "cwd").iterdir()) == []


def test_screenshot_of_a_law_from_the_corpus(page):
    """The picture in docs/serve.md: the page with the Sri Lanka Act's report."""
    analyse(page, LAW)
    page.frame_locator("#report").locator("article.finding").first.wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "serve-page.png"
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000


def test_without_javascript_the_form_opens_the_report(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site[0] + "/")
    page.set_input_files("#file", str(LAW))
    with page.expect_navigation(timeout=120_000):
        page.click("#submit")
    assert page.url.endswith("/report.html")
    assert page.locator("article.finding").count() >= 1
    assert page.locator("#protocol").is_visible()
    context.close()
