"""``lintlaw baseline write`` and ``lintlaw check --baseline`` end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "report"


def bill(tmp_path: Path) -> Path:
    (tmp_path / "bills").mkdir()
    return Path(shutil.copy(FIXTURES / "draft-bill.md", tmp_path / "bills" / "draft.md"))


def test_baseline_write_records_every_finding(cli, tmp_path):
    bill(tmp_path)
    proc = cli("baseline", "write", "lintlaw-baseline.json", "bills", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "lintlaw-baseline.json").read_text(encoding="utf-8"))
    check = cli("check", "bills", "--format", "json", cwd=tmp_path)
    findings = json.loads(check.stdout)["findings"]
    assert len(data["findings"]) == len(findings) > 0
    assert proc.stdout == f"Wrote {len(findings)} findings from 1 file to lintlaw-baseline.json.\n"
    assert {(e["file"], e["fingerprint"]) for e in data["findings"]} == {
        ("bills/draft.md", f["fingerprint"]) for f in findings
    }


def test_check_with_baseline_reports_only_new_findings_and_lists_gone_entries(cli, tmp_path):
    path = bill(tmp_path)
    assert cli("baseline", "write", "baseline.json", "bills", cwd=tmp_path).returncode == 0

    unchanged = cli("check", "bills", "--baseline", "baseline.json", cwd=tmp_path)
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    assert unchanged.stdout.strip().splitlines()[-2] == "Found 0 findings in 1 file."
    assert unchanged.stderr == ""

    text = path.read_text(encoding="utf-8")
    # A paragraph above shifts every line: still nothing new.
    text = text.replace("1. Short title\n", "1. Short title\n\nThis paragraph was added later.\n")
    # Redraft s. 3(2): the old consent finding goes, a reworded one is new.
    text = text.replace("is irrelevant and shall not be a defence", "shall not be a defence")
    path.write_text(text, encoding="utf-8")
    changed = cli("check", "bills", "--baseline", "baseline.json", "--format", "json", cwd=tmp_path)
    assert changed.returncode == 1
    new = json.loads(changed.stdout)["findings"]
    assert [(f["code"], f["match"]) for f in new] == [
        ("LL101", "consent of the victim to the intended exploitation shall not be a defence")
    ]
    assert "1 baseline entry in baseline.json no longer occurs" in changed.stderr
    assert "bills/draft.md:26  LL101  s. 3(2)" in changed.stderr


def test_checking_another_file_does_not_call_baseline_entries_gone(cli, tmp_path):
    bill(tmp_path)
    shutil.copy(FIXTURES / "clean-bill.md", tmp_path / "clean.md")
    assert cli("baseline", "write", "baseline.json", "bills", cwd=tmp_path).returncode == 0
    proc = cli("check", "clean.md", "--baseline", "baseline.json", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stderr == ""


def test_bad_baseline_is_exit_2_with_a_coded_message(cli, tmp_path):
    bill(tmp_path)
    (tmp_path / "baseline.json").write_text("[]", encoding="utf-8")
    proc = cli("check", "bills", "--baseline", "baseline.json", cwd=tmp_path)
    assert proc.returncode == 2
    assert "baseline.json: E331 not a lintlaw baseline" in proc.stderr
    missing = cli("check", "bills", "--baseline", "nope.json", cwd=tmp_path)
    assert missing.returncode == 2 and "E331 baseline file not found" in missing.stderr
