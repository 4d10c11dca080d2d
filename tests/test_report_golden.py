"""Every CI and advocate format from one real ``lintlaw check`` run, pinned by golden files.

The run lints tests/fixtures/report/draft-bill.md (an authored bill with a trafficking
definition without means, consent made irrelevant, client criminalisation and no
non-punishment clause) with the rules
that fire on it selected, writing all formats at once with repeated ``-o``. Two values depend on
the machine or on unrelated rule edits and are normalised before comparing: the absolute run
root in SARIF and the rule-pack hash.

Regenerate the golden files under tests/golden/report/ with:
    LINTLAW_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lintlaw.cli.app import app

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "report"
GOLDEN = HERE / "golden" / "report"
from conftest import sarif_validator
FORMATS = {"sarif": "sarif", "github": "txt", "junit": "xml", "markdown": "md", "csv": "csv", "html": "html"}
SELECT = "LL101,LL102,LL105,LL118"

pytestmark = pytest.mark.xdist_group("report-golden")


def normalise(text: str, root: Path, rule_pack: str) -> str:
    text = text.replace(root.resolve().as_uri().rstrip("/") + "/", "file:///RUN-ROOT/")
    return text.replace(rule_pack, "RULE-PACK") if rule_pack else text


def check_golden(name: str, text: str) -> None:
    """Compare bytes (CSV has CRLF line ends); write the file instead under LINTLAW_UPDATE_GOLDEN."""
    path = GOLDEN / name
    data = text.encode("utf-8")
    if os.environ.get("LINTLAW_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.is_file(), f"missing golden file {path}; run with LINTLAW_UPDATE_GOLDEN=1"
    assert data == path.read_bytes(), f"{name} differs from its golden file; see the module docstring"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("report-golden")
    old = Path.cwd()
    os.chdir(FIXTURES)
    try:
        args = ["check", "draft-bill.md", "--select", SELECT, "--fail-on", "warning"]
        for fmt, ext in FORMATS.items():
            args += ["-o", f"{fmt}:{out / ('draft-bill.' + ext)}"]
        result = CliRunner().invoke(app, args)
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output
    from lintlaw.engine import load_rules

    pack = load_rules().version
    texts = {fmt: (out / f"draft-bill.{ext}").read_bytes().decode("utf-8") for fmt, ext in FORMATS.items()}
    return {fmt: normalise(text, FIXTURES, pack) for fmt, text in texts.items()}


def test_the_fixture_bill_triggers_the_rules_it_was_written_for(outputs):
    log = json.loads(outputs["sarif"])
    fired = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert fired == {"LL101", "LL102", "LL105", "LL118"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_format_matches_its_golden_file(outputs, fmt):
    check_golden(f"draft-bill.{FORMATS[fmt]}", outputs[fmt])


def test_golden_sarif_validates_against_the_schema(outputs):
    sarif_validator().validate(json.loads(outputs["sarif"]))


def test_golden_html_loads_nothing_from_the_network(outputs):
    page = outputs["html"]
    assert not re.search(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=", page)
    assert "default-src 'none'" in page
