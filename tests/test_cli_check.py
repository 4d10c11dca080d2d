"""``lintlaw check`` end to end: formats, exit codes, selection, configuration and bad input."""

from __future__ import annotations

import json

import pytest
import typer

from lintlaw.cli.errors import run_guarded

BILL = """---
title: Test Bill
jurisdiction: Testland
year: 2026
language: en
---
1. (1) Any person who recruits, transports or harbours a woman for the purpose of prostitution commits
the offence of trafficking.
(2) The consent of the woman shall be immaterial.

2. Any person who pays or promises payment in exchange for a sexual service commits an offence.
"""

CLEAN = """1. The Minister shall publish an annual report on the health of the population.
"""


@pytest.fixture
def bill(tmp_path):
    path = tmp_path / "bill.md"
    path.write_text(BILL, encoding="utf-8")
    return path


def test_text_output_names_place_rule_and_words(cli, bill):
    proc = cli("check", str(bill))
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    consent = next(line for line in lines if "LL101" in line)
    assert consent.startswith(f"{bill}:9:")
    assert "error" in consent and '"consent of the woman shall be immaterial"' in consent
    assert "s. 1(2)" in consent or "1(2)" in consent
    assert lines[-3].startswith("Found ") and "lintlaw rule CODE" in lines[-2]
    assert lines[-1].startswith("lintlaw 0.1.0, rule pack 0.1.0+")


def test_json_output_has_the_documented_shape(cli, bill):
    proc = cli("check", str(bill), "--format", "json")
    data = json.loads(proc.stdout)
    assert data["schema_version"] == "1"
    assert data["tool"]["name"] == "lintlaw"
    assert data["files"] == [{"path": str(bill), "language": "en", "clauses": data["files"][0]["clauses"]}]
    assert data["errors"] == []
    finding = data["findings"][0]
    assert set(finding) >= {"file", "rule", "code", "severity", "stance", "message", "line", "column", "end_line",
                            "end_column", "clause", "match", "fingerprint"}
    assert set(finding["clause"]) == {"id", "label", "text"}
    keys = [(f["file"], f["line"], f["column"], f["code"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert {"consent-irrelevant-for-adults", "trafficking-without-means", "client-criminalisation"} <= {
        f["rule"] for f in data["findings"]}


def test_fail_on_threshold(cli, bill):
    assert cli("check", str(bill), "--fail-on", "never").returncode == 0
    only_warning = cli("check", str(bill), "--select", "LL105", "--fail-on", "error")
    assert only_warning.returncode == 0 and "LL105" in only_warning.stdout
    assert cli("check", str(bill), "--select", "LL105").returncode == 1


def test_select_and_ignore_by_prefix_and_name(cli, bill):
    data = json.loads(cli("check", str(bill), "-f", "json", "--select", "LL10", "--ignore",
                          "client-criminalisation").stdout)
    rules = {f["code"] for f in data["findings"]}
    assert "LL105" not in rules and "LL101" in rules


def test_clean_file_exits_zero(cli, tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN)
    proc = cli("check", str(path))
    assert proc.returncode == 0
    assert "Found 0 findings in 1 file." in proc.stdout


def test_bad_files_are_reported_and_the_rest_still_linted(cli, tmp_path, bill):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    proc = cli("check", str(tmp_path), "--format", "json")
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert {e["code"] for e in data["errors"]} == {"E103"}  # an empty file is a notice, not an error
    assert [n["code"] for n in data["notices"]] == ["E102"] and data["notices"][0]["file"].endswith("empty.txt")
    assert data["errors"][0]["file"].endswith("binary.txt")
    assert any(f["file"].endswith("bill.md") for f in data["findings"])
    assert "Traceback" not in proc.stderr


def test_missing_path_is_a_coded_error(cli, tmp_path):
    proc = cli("check", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    assert "nope.txt" in proc.stdout and "E101" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_stdin(cli):
    proc = cli("check", "-", "--format", "json", input=BILL)
    data = json.loads(proc.stdout)
    assert proc.returncode == 1
    assert data["findings"][0]["file"] == "-" or data["findings"][0]["file"] == "<stdin>"


def test_several_outputs_from_one_run(cli, bill, tmp_path):
    out = tmp_path / "out"
    proc = cli("check", str(bill), "-o", f"json:{out / 'r.json'}", "-o", f"csv:{out / 'r.csv'}")
    assert proc.returncode == 1
    assert json.loads((out / "r.json").read_text())["findings"]
    assert "LL101" in (out / "r.csv").read_text()
    assert "LL101" in proc.stdout


def test_unknown_format_is_a_usage_error(cli, bill):
    proc = cli("check", str(bill), "-o", "rtf:x.rtf")
    assert proc.returncode == 2
    assert "E305" in proc.stderr


def test_configuration_file_is_applied(cli, tmp_path, bill):
    (tmp_path / "lintlaw.toml").write_text('ignore = ["LL105"]\nfail-on = "error"\n'
                                           '[[per-path]]\npath = "bill.md"\nignore = ["LL102"]\n')
    proc = cli("check", "bill.md", "-f", "json", cwd=tmp_path)
    codes = {f["code"] for f in json.loads(proc.stdout)["findings"]}
    assert "LL105" not in codes and "LL102" not in codes and "LL101" in codes
    shown = cli("config", cwd=tmp_path)
    assert "lintlaw.toml" in shown.stdout and "LL105" in shown.stdout


def test_invalid_configuration_names_the_file(cli, tmp_path, bill):
    (tmp_path / "lintlaw.toml").write_text('fail-on = "sometimes"\n')
    proc = cli("check", str(bill), cwd=tmp_path)
    assert proc.returncode == 2
    assert "lintlaw.toml" in proc.stderr and "E302" in proc.stderr


def test_extra_rule_folder(cli, tmp_path, bill, repo_root):
    rules = tmp_path / "house" / "style"
    rules.mkdir(parents=True)
    source = (repo_root / "rules" / "clients" / "client-criminalisation.yaml").read_text()
    rules.joinpath("sexual-service.yaml").write_text(
        source.replace("code: LL105", "code: HR001").replace("name: client-criminalisation", "name: house-sexual-service"))
    proc = cli("check", str(bill), "--rules", str(tmp_path / "house"), "--select", "HR", "-f", "json")
    assert {f["code"] for f in json.loads(proc.stdout)["findings"]} == {"HR001"}


def test_broken_rule_folder_is_a_coded_error(cli, tmp_path, bill):
    rules = tmp_path / "broken" / "x"
    rules.mkdir(parents=True)
    rules.joinpath("bad.yaml").write_text("code: LL999\nname: bad\nkind: phrase\n  oops: [\n")
    proc = cli("check", str(bill), "--rules", str(tmp_path / "broken"))
    assert proc.returncode == 2
    assert "bad.yaml:4" in proc.stderr and "E201" in proc.stderr


def test_internal_errors_exit_3_without_traceback(capsys):
    app = typer.Typer()

    @app.command()
    def boom() -> None:
        raise RuntimeError("kaput")

    import sys

    argv = sys.argv
    sys.argv = ["lintlaw"]
    try:
        assert run_guarded(app) == 3
    finally:
        sys.argv = argv
    err = capsys.readouterr().err
    assert "E900" in err and "kaput" in err and "Traceback" not in err


def test_compare_adds_the_protocol_to_the_html_report(cli, repo_root, tmp_path):
    law = repo_root / "corpus" / "laws" / "lk_saarc-convention-implementation-act_2005.txt"
    report = tmp_path / "report.html"
    proc = cli("check", str(law), "-o", f"html:{report}", "--compare", "-q")
    assert proc.returncode == 1, proc.stderr
    html = report.read_text(encoding="utf-8")
    assert 'id="protocol"' in html
    assert "Consent is set aside in every case" in html and "unscoped" not in html


def test_compare_needs_one_document_and_an_html_report(cli, repo_root):
    proc = cli("check", str(repo_root / "corpus" / "bills"), "--compare", "-f", "html")
    assert proc.returncode == 2 and "E300" in proc.stderr
    proc = cli("check", str(repo_root / "corpus" / "bills"), "--compare")
    assert proc.returncode == 2 and "E305" in proc.stderr and "<input>" not in proc.stderr
