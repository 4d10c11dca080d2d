"""``lintlaw compare`` end to end: golden text, Markdown, JSON and HTML for one bill, the same for
``--against``, and the contracts around them (JSON fields, offline HTML, SARIF, exit codes).

The documents are the authored bills in tests/golden/compare/bills/ (version 2 adds a clause that
makes consent no defence). Each run copies them into an empty folder with an empty lintlaw.toml,
so no configuration of the checkout leaks in and the paths in the output are bare file names.

Regenerate the golden files under tests/golden/compare/ with:
    LINTLAW_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_compare_golden.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lintlaw.cli.app import app
from test_compare_support import ROOT

GOLDEN = ROOT / "tests" / "golden" / "compare"
BILLS = GOLDEN / "bills"
from conftest import sarif_validator
SUFFIX = {"text": "txt", "markdown": "md", "json": "json", "html": "html"}
ISSUE_KEYS = {"clause", "acts", "means", "purposes", "means_required_for_adults", "consent", "child_age", "victims",
              "purposes_limited_to_sexual"}


@pytest.fixture()
def workdir(tmp_path, monkeypatch) -> Path:
    for bill in BILLS.glob("*.md"):
        shutil.copy(bill, tmp_path / bill.name)
    (tmp_path / "lintlaw.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["compare", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LINTLAW_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with LINTLAW_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file; see the module docstring"


@pytest.mark.parametrize("fmt", list(SUFFIX))
def test_one_bill_against_the_protocol_matches_its_golden_file(workdir, fmt):
    code, out = run("bill-v2.md", "--format", fmt)
    assert code == 1  # an error-level departure (LL101) at the default --fail-on warning
    check_golden(f"bill-v2.{SUFFIX[fmt]}", out)


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_bill_against_its_earlier_version_matches_its_golden_file(workdir, fmt):
    code, out = run("bill-v2.md", "--against", "bill-v1.md", "-f", fmt)
    assert code == 1
    check_golden(f"bill-v2-against-v1.{SUFFIX[fmt]}", out)


def test_json_report_has_the_documented_fields(workdir):
    _, out = run("bill-v2.md", "-f", "json")
    data = json.loads(out)
    assert data["schema_version"] == "1"
    assert {"schema_version", "document", "definitions", "articles", "findings"} <= set(data)
    for entry in data["definitions"]:
        assert ISSUE_KEYS <= set(entry)
        assert set(entry["clause"]) == {"id", "label", "text"}
        for category in ("acts", "means", "purposes"):
            assert {"found", "missing", "extra"} <= set(entry[category])
        assert entry["consent"] in ("scoped", "unscoped", "absent")
        assert entry["victims"] in ("persons", "women-and-children", "women", "children", "other")
        assert entry["child_age"] is None or isinstance(entry["child_age"], int)
    articles = [a["article"] for a in data["articles"]]
    assert articles == ["3", "5", "6", "7", "8", "9", "9(5)", "10", "14", "non-punishment"]
    for article in data["articles"]:
        assert article["verdict"] in ("covered", "partial", "absent")
        assert all({"id", "label", "score"} <= set(c) for c in article["clauses"])
    assert all(f["origin"] == "compare" for f in data["findings"])


def test_html_report_is_one_offline_file(workdir):
    _, page = run("bill-v2.md", "-f", "html")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"https?://|<script|<link|<img|@import|url\(", page)
    assert "<ins>" in page and "<del>" in page
    assert 'class="elements"' in page and 'class="articles"' in page


def test_output_file_and_quiet(workdir):
    code, out = run("bill-v2.md", "--format", "html", "-o", "reports/law-vs-protocol.html")
    assert code == 1 and out == ""
    assert (workdir / "reports" / "law-vs-protocol.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run("bill-v2.md", "-q") == (1, "")


def test_fail_on_select_and_ignore_apply_to_compare_findings(workdir):
    assert run("bill-v2.md", "-q", "--fail-on", "never")[0] == 0
    assert run("bill-v1.md", "-q")[0] == 0  # the first version keeps the Protocol's elements
    assert run("bill-v2.md", "-q", "--ignore", "LL101")[0] == 0
    _, out = run("bill-v2.md", "-f", "json", "--select", "LL2")
    assert json.loads(out)["findings"] == []


def test_suppression_comments_apply_to_compare_findings(workdir):
    text = (workdir / "bill-v2.md").read_text(encoding="utf-8")
    comment = '<!-- lintlaw: ignore-next LL101 reason="scoped by section 3(2)" -->\n'
    marked = text.replace("(3) It shall be no defence", comment + "(3) It shall be no defence")
    (workdir / "bill-v3.md").write_text(marked, encoding="utf-8")
    code, out = run("bill-v3.md", "-f", "json")
    assert code == 0
    assert json.loads(out)["findings"] == []


def test_sarif_output_validates(workdir):
    _, out = run("bill-v2.md", "-f", "sarif")
    log = json.loads(out)
    sarif_validator().validate(log)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "LL101"
    assert result["properties"]["origin"] == "compare"


def test_bad_input_is_a_coded_error_not_a_traceback(workdir):
    result = CliRunner().invoke(app, ["compare", "missing.txt"])
    assert result.exit_code != 0 and "Traceback" not in result.output
    from lintlaw.cli.errors import run_guarded
    import sys

    argv = sys.argv
    try:
        sys.argv = ["lintlaw", "compare", "missing.txt"]
        assert run_guarded(app) == 2
        sys.argv = ["lintlaw", "compare", "bill-v2.md", "--format", "yaml"]
        assert run_guarded(app) == 2
    finally:
        sys.argv = argv


def test_a_pdf_law_is_compared_from_its_text_layer(workdir):
    from reportlab.pdfgen import canvas

    lines = [
        "1. In this Act, unless the context otherwise requires,",
        '(a) "trafficking" means the moving, selling or buying of women and children for prostitution',
        "with or without the consent of the person being subjected to trafficking.",
    ]
    pdf = canvas.Canvas(str(workdir / "law.pdf"))
    y = 800
    for line in lines:
        pdf.drawString(40, y, line)
        y -= 16
    pdf.save()
    code, out = run("law.pdf", "-f", "json")
    data = json.loads(out)
    [definition] = data["definitions"]
    assert definition["term"] == "trafficking" and definition["consent"] == "unscoped"
    assert definition["victims"] == "women-and-children" and definition["means_required_for_adults"] is False
    assert code == 1 and {f["code"] for f in data["findings"]} == {"LL101", "LL102", "LL115"}
    assert all(f["page"] == 1 for f in data["findings"])


def test_docs_cover_every_compare_error_code_and_json_field(workdir):
    sources = [*(ROOT / "lintlaw" / "protocol").rglob("*.py"), ROOT / "lintlaw" / "cli" / "compare.py"]
    codes = sorted({c for p in sources for c in re.findall(r'"(E34\d)"', p.read_text(encoding="utf-8"))})
    assert codes == ["E341", "E342", "E343"]
    compare_md = (ROOT / "docs" / "compare.md").read_text(encoding="utf-8")
    errors_md = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert all(f"| {c} |" in compare_md and f"| {c} |" in errors_md for c in codes)
    _, out = run("bill-v2.md", "-f", "json")
    data = json.loads(out)
    fields = set(data["definitions"][0]) | set(data["articles"][0])
    assert all(f"`{field}`" in compare_md for field in fields)
