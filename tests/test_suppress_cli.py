"""Suppressions through ``lintlaw check``: comments, the TOML table, and what each output shows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "report"
REASON = "Parliament chose to criminalise purchase; Committee report HC 12"


def suppressed_bill(tmp_path: Path) -> Path:
    text = (FIXTURES / "draft-bill.md").read_text(encoding="utf-8")
    text = text.replace(
        "4. Purchase of sexual services\n\n(1)",
        f'4. Purchase of sexual services\n\n<!-- lintlaw: ignore-next LL105 reason="{REASON}" -->\n(1)',
    )
    text = text.replace("5. Commencement", "<!-- lintlaw: ignore-next LL101 -->\n5. Commencement")
    path = tmp_path / "bill.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_comment_suppresses_and_an_unused_one_is_reported(cli, tmp_path):
    suppressed_bill(tmp_path)
    proc = cli("check", "bill.md", "--format", "json", "-o", "sarif:out.sarif", "-o", "html:out.html", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    codes = [f["code"] for f in json.loads(proc.stdout)["findings"]]
    assert "LL105" not in codes and "LL900" in codes
    results = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    (hidden,) = [r for r in results if "suppressions" in r]
    assert hidden["ruleId"] == "LL105"
    assert hidden["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": REASON}]
    html = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert 'id="suppressed"' in html and "Committee report HC 12" in html


def test_ignoring_the_meta_rule_silences_unused_reports(cli, tmp_path):
    suppressed_bill(tmp_path)
    proc = cli("check", "bill.md", "--format", "json", "--ignore", "LL900", cwd=tmp_path)
    assert "LL900" not in [f["code"] for f in json.loads(proc.stdout)["findings"]]


def test_table_suppresses_by_fingerprint_for_any_format(cli, tmp_path):
    (tmp_path / "bills").mkdir()
    shutil.copy(FIXTURES / "draft-bill.md", tmp_path / "bills" / "draft.md")
    first = json.loads(cli("check", "bills", "--format", "json", cwd=tmp_path).stdout)["findings"]
    target = next(f for f in first if f["code"] == "LL105")
    (tmp_path / "lintlaw.toml").write_text("fail-on = \"error\"\n", encoding="utf-8")
    (tmp_path / "lintlaw-suppressions.toml").write_text(
        f'[suppress.{target["fingerprint"]}]\nfile = "bills/draft.md"\nrule = "LL105"\nreason = "{REASON}"\n\n'
        '[suppress.00000000deadbeef]\nfile = "bills/draft.md"\nrule = "client-criminalisation"\nreason = "gone"\n',
        encoding="utf-8",
    )
    proc = cli("check", "bills", "--format", "json", cwd=tmp_path)
    after = json.loads(proc.stdout)["findings"]
    assert target["fingerprint"] not in [f["fingerprint"] for f in after]
    (unused,) = [f for f in after if f["code"] == "LL900"]
    assert unused["file"] == "lintlaw-suppressions.toml" and unused["line"] == 6


def test_malformed_table_stops_the_run(cli, tmp_path):
    shutil.copy(FIXTURES / "clean-bill.md", tmp_path / "clean.md")
    (tmp_path / "lintlaw-suppressions.toml").write_text('[suppress.abcdef0123456789]\nreason = "x"\n', encoding="utf-8")
    proc = cli("check", "clean.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "lintlaw-suppressions.toml:1: E322 suppress.abcdef0123456789: needs the 'rule'" in proc.stderr
