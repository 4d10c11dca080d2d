"""The baseline store: write, read, and split findings into new and known (CLI: test_baseline_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintlaw.baseline import compare, read_baseline, write_baseline
from lintlaw.errors import ConfigError
from lintlaw.model import Finding


def make(file: str, code: str, fingerprint: str, line: int = 1) -> Finding:
    return Finding(
        file=file, rule="rule-" + code.lower(), code=code, severity="warning", stance="contested",
        message="m", start=line, end=line + 1, line=line, column=1, end_line=line, end_column=2,
        clause_id="c", clause_label=f"s. {line}", clause_text="t", match="w", fingerprint=fingerprint,
    )


def test_write_then_read_round_trips_with_paths_relative_to_the_baseline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ci").mkdir()
    findings = [make("bills/b.md", "LL105", "bbbb", 9), make("bills/a.md", "LL101", "aaaa", 3)]
    count = write_baseline(Path("ci/baseline.json"), findings, version="0.1.0", rule_pack="pack1")
    assert count == 2
    data = json.loads((tmp_path / "ci" / "baseline.json").read_text())
    assert data["schema_version"] == 1 and data["rule_pack"] == "pack1"
    assert [(e["file"], e["fingerprint"]) for e in data["findings"]] == [
        ("../bills/a.md", "aaaa"), ("../bills/b.md", "bbbb")
    ]
    baseline = read_baseline(Path("ci/baseline.json"))
    assert [e.code for e in baseline.entries] == ["LL101", "LL105"]
    assert baseline.resolve(baseline.entries[0]) == str((tmp_path / "bills" / "a.md").resolve())


def test_the_file_is_deterministic(tmp_path):
    findings = [make(str(tmp_path / "a.md"), "LL105", "f1"), make(str(tmp_path / "a.md"), "LL101", "f2")]
    write_baseline(tmp_path / "one.json", findings)
    write_baseline(tmp_path / "two.json", list(reversed(findings)))
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()


def test_compare_reports_new_known_and_gone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    old = [make("a.md", "LL105", "keep"), make("a.md", "LL101", "fixed"), make("b.md", "LL105", "other-file")]
    write_baseline(tmp_path / "baseline.json", old)
    now = [make("a.md", "LL105", "keep", line=40), make("a.md", "LL105", "brand-new")]
    outcome = compare(now, read_baseline(tmp_path / "baseline.json"), ["a.md"])
    assert [f.fingerprint for f in outcome.new] == ["brand-new"]
    assert [f.fingerprint for f in outcome.known] == ["keep"]
    # b.md was not checked in this run, so its entry is not "gone"
    assert [e.fingerprint for e in outcome.gone] == ["fixed"]


def test_entries_for_rules_that_did_not_run_are_not_gone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline(tmp_path / "baseline.json", [make("a.md", "LL101", "x")])
    outcome = compare([], read_baseline(tmp_path / "baseline.json"), ["a.md"], lambda code, path: code != "LL101")
    assert outcome.gone == []


def test_same_fingerprint_in_another_file_is_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline(tmp_path / "baseline.json", [make("a.md", "LL105", "same")])
    outcome = compare([make("b.md", "LL105", "same")], read_baseline(tmp_path / "baseline.json"), ["b.md"])
    assert [f.file for f in outcome.new] == ["b.md"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "baseline is not valid JSON"),
        ('{"schema_version": 1}', "no 'findings' list"),
        ('{"schema_version": 99, "findings": []}', "unsupported baseline schema_version 99"),
        ('{"schema_version": 1, "findings": [{"file": "a.md", "code": "LL1"}]}', "findings[0] needs a string 'fingerprint'"),
        ('{"schema_version": 1, "findings": ["x"]}', "findings[0] must be an object"),
    ],
)
def test_bad_baselines_are_coded_errors(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        read_baseline(path)
    assert message in caught.value.message and caught.value.code == "E331"
    assert caught.value.file == str(path)


def test_unwritable_baseline_is_a_coded_error(tmp_path):
    with pytest.raises(ConfigError) as caught:
        write_baseline(tmp_path / "missing-dir" / "baseline.json", [])
    assert caught.value.code == "E332"
