"""``check`` options a CI user relies on: rule selectors checked against the pack, nothing to lint,
empty files, --stdin-filename, colour, --statistics, --jobs and the progress bar."""

from __future__ import annotations

import io
import json
import re

import pytest

from conftest import LAWS, run_cli
from lintlaw.cli.progress import ProgressBar, wants_progress
from lintlaw.cli.style import ansi, use_color
from lintlaw.config import Config, PathOverride
from lintlaw.engine import load_rules
from lintlaw.selection import suggest, unknown_selectors

BILL = "1. (1) The consent of the victim to the intended exploitation is irrelevant.\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def bill(tmp_path):
    path = tmp_path / "bill.md"
    path.write_text(BILL, encoding="utf-8")
    return path


# --- selectors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_selector_on_the_command_line_is_E307_with_a_suggestion(bill, option):
    proc = run_cli("check", str(bill), option, "consent-irelevant-for-adults")
    assert proc.returncode == 2
    assert "E307" in proc.stderr and option in proc.stderr
    assert "did you mean 'consent-irrelevant-for-adults'?" in proc.stderr


def test_a_letter_o_for_a_zero_is_suggested_as_the_code(bill):
    proc = run_cli("check", str(bill), "--select", "LL1O1")
    assert proc.returncode == 2 and "did you mean 'LL101'?" in proc.stderr


@pytest.mark.parametrize("table", [
    'select = ["LL999"]',
    'ignore = ["client-criminalization"]',
    '[[tool.lintlaw.per-path]]\npath = "x/**"\nignore = ["LL10X"]',
])
def test_unknown_selector_in_the_configuration_is_E307_naming_the_file(tmp_path, bill, table):
    (tmp_path / "pyproject.toml").write_text(f"[tool.lintlaw]\n{table}\n", encoding="utf-8")
    proc = run_cli("check", str(bill), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout
    assert "E307" in proc.stderr and "pyproject.toml" in proc.stderr


def test_known_selectors_pass(bill):
    for key in ("LL1", "LL101", "ALL", "consent-irrelevant-for-adults", "LL900", "unused-suppression"):
        proc = run_cli("check", str(bill), "--select", key, "--fail-on", "never")
        assert proc.returncode == 0, (key, proc.stderr)


def test_config_command_warns_about_unknown_selectors(tmp_path):
    proc = run_cli("config", "--select", "LL1O1", cwd=tmp_path)
    assert proc.returncode == 0
    assert "warning: E307" in proc.stderr and "LL101" in proc.stderr


def test_unknown_selectors_lists_every_place():
    rules = load_rules().rules
    config = Config(select=["LL1", "nope"], ignore=["XY77"],
                    per_path=[PathOverride("a/**", select=["trafficking-without-mean"], ignore=[])])
    found = unknown_selectors(config, rules)
    assert [(u.key, u.suggestion) for u in found] == [
        ("nope", None), ("XY77", None), ("trafficking-without-mean", "trafficking-without-means")]
    assert suggest("LL10", [r.code for r in rules], []) in {r.code for r in rules}


# --- nothing to lint, empty files ------------------------------------------------------------------

def test_an_empty_folder_warns_and_exits_0(tmp_path):
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    proc = run_cli("check", str(tmp_path))
    assert proc.returncode == 0
    assert "warning: no files to lint" in proc.stderr


def test_everything_excluded_warns(tmp_path, bill):
    proc = run_cli("check", str(tmp_path), "--exclude", "*.md")
    assert proc.returncode == 0 and "warning: no files to lint" in proc.stderr


def test_an_empty_file_is_a_notice_not_a_read_error(tmp_path, bill):
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "empty.md"))
    assert proc.returncode == 0, proc.stderr
    assert "E102 notice" in proc.stdout and "1 empty file skipped" in proc.stdout
    assert "no files to lint" not in proc.stderr
    proc = run_cli("check", str(tmp_path), "--format", "json", "--fail-on", "never")
    data = json.loads(proc.stdout)
    assert proc.returncode == 0 and data["errors"] == []
    assert [n["code"] for n in data["notices"]] == ["E102"]
    assert [f["path"] for f in data["files"]] == [str(bill)]


# --- --stdin-filename ------------------------------------------------------------------------------

def test_stdin_filename_applies_per_path_settings_and_names_the_findings(tmp_path):
    (tmp_path / "lintlaw.toml").write_text('[[per-path]]\npath = "treaties/**"\nignore = ["LL101"]\n',
                                           encoding="utf-8")
    named = run_cli("check", "-", "--stdin-filename", "bills/b.md", input=BILL, cwd=tmp_path)
    assert named.returncode == 1 and named.stdout.startswith("bills/b.md:1:")
    ignored = run_cli("check", "-", "--stdin-filename", "treaties/t.md", input=BILL, cwd=tmp_path)
    assert ignored.returncode == 0 and "LL101" not in ignored.stdout


def test_stdin_filename_lets_a_suppression_table_match(tmp_path):
    plain = run_cli("check", "-", "--format", "json", input=BILL, cwd=tmp_path)
    fingerprint = json.loads(plain.stdout)["findings"][0]["fingerprint"]
    (tmp_path / "lintlaw-suppressions.toml").write_text(
        f'[suppress.{fingerprint}]\nfile = "bills/b.md"\nrule = "LL101"\nreason = "agreed"\n',
        encoding="utf-8")
    proc = run_cli("check", "-", "--stdin-filename", "bills/b.md", "--format", "json", input=BILL, cwd=tmp_path)
    data = json.loads(proc.stdout)
    assert proc.returncode == 0, proc.stderr
    assert data["findings"] == []


# --- colour ----------------------------------------------------------------------------------------

class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("choice, env, tty, expected", [
    ("auto", {}, True, True),
    ("auto", {}, False, False),
    ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"FORCE_COLOR": "1"}, False, True),
    ("auto", {"FORCE_COLOR": "0"}, False, False),
    ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
    ("auto", {"TERM": "dumb"}, True, False),
    ("always", {"NO_COLOR": "1"}, False, True),
    ("never", {"FORCE_COLOR": "1"}, True, False),
])
def test_colour_choice(choice, env, tty, expected):
    stream = Tty() if tty else io.StringIO()
    assert use_color(choice, stream, env) is expected


def test_colour_marks_severity_code_and_path(bill):
    coloured = run_cli("check", str(bill), "--color", "always").stdout
    assert ansi("LL101", "code") in coloured and ansi(str(bill), "path") in coloured
    assert ansi("error  ", "error") in coloured
    assert ANSI.sub("", coloured) == run_cli("check", str(bill), "--color", "never").stdout


def test_force_color_and_no_color_in_the_environment(bill, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert ANSI.search(run_cli("check", str(bill)).stdout)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(run_cli("check", str(bill)).stdout)


def test_reports_written_with_o_never_carry_colour(bill, tmp_path):
    out = tmp_path / "out.txt"
    run_cli("check", str(bill), "--color", "always", "-o", f"text:{out}")
    assert not ANSI.search(out.read_text(encoding="utf-8"))


# --- statistics, the rule hint ----------------------------------------------------------------------

def test_statistics_counts_findings_per_rule(tmp_path):
    (tmp_path / "a.md").write_text(BILL, encoding="utf-8")
    (tmp_path / "b.md").write_text(BILL, encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "--statistics", "--select", "LL101")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert re.fullmatch(r"2  LL101  error\s+consent-irrelevant-for-adults", lines[0])
    assert "Found 2 findings (2 errors) in 2 files." in lines


def test_statistics_needs_the_text_format(bill):
    proc = run_cli("check", str(bill), "--statistics", "--format", "json")
    assert proc.returncode == 2 and "E300" in proc.stderr


def test_the_rule_hint_is_printed_once_and_only_with_findings(tmp_path, bill):
    (tmp_path / "copy.md").write_text(BILL, encoding="utf-8")
    out = run_cli("check", str(tmp_path)).stdout
    lines = out.rstrip().splitlines()
    assert out.count("lintlaw rule CODE") == 1 and lines[-2].endswith("better drafting.")
    assert lines[-1].startswith("lintlaw 0.1.0, rule pack 0.1.0+")
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "c.md").write_text("1. The Minister shall publish a report.\n", encoding="utf-8")
    assert "lintlaw rule" not in run_cli("check", str(clean)).stdout


# --- jobs and progress -----------------------------------------------------------------------------

@pytest.mark.slow
def test_several_jobs_give_the_same_result_as_one(monkeypatch):
    import lintlaw.filerun as filerun
    from lintlaw.api import lint_path
    from lintlaw.report.json_format import render

    monkeypatch.setattr(filerun, "MIN_FILES_PER_WORKER", 1)
    one = lint_path([str(LAWS)], jobs=1, documents={})
    two = lint_path([str(LAWS)], jobs=2, documents={})
    assert render(one) == render(two)
    assert [f.path for f in one.files] == [f.path for f in two.files]


def test_the_progress_bar_waits_a_second_and_erases_itself():
    now = [0.0]
    stream = io.StringIO()
    bar = ProgressBar(stream, enabled=True, clock=lambda: now[0])
    bar.start(4)
    bar.advance()
    assert stream.getvalue() == ""  # under a second: nothing
    now[0] = 1.5
    bar.advance()
    assert "2/4 files" in stream.getvalue() and "#" * 15 in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_no_progress_bar_off_a_terminal(bill):
    assert wants_progress("auto", io.StringIO()) is False
    assert wants_progress("auto", Tty()) is True
    proc = run_cli("check", str(bill))
    assert "files" not in proc.stderr
