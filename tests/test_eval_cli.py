"""``lintlaw eval`` end to end with the real engine, on a fixture rule pack (not the bundled one)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import typer

from lintlaw.cli import eval as eval_cli
from lintlaw.cli.errors import run_guarded
from test_rules_support import fixture_pack  # noqa: F401 - a fixture

SUMMARY = re.compile(
    r"^eval: precision \d\.\d{3} recall \d\.\d{3} f1 \d\.\d{3} \(cases \d+, expected \d+, findings \d+\)$"
)
CASES = """\
- id: sale
  source: authored example
  text: |
    1. Any person who sells a person commits an offence.
    2. Any person who buys a car commits no offence.
  expect:
    - rule: person-sale
      quote: ["no such words", "who SELLS a person"]
- id: vice
  text: |
    1. Houses of vice shall be closed.
  expect: []
- id: allowed-vice
  text: |
    1. Houses of debauchery shall be closed.
  allow: [vice-words]
- id: law-file
  file: laws/act.md
  expect: [person-sale, anti-prostitution-pledge]
- id: gone
  file: laws/missing.txt
  expect: [vice-words]
"""
ACT = """\
---
title: Fixture Act
language: en
---
1. Short title. This is the Fixture Act.

2. Offence. A person who sells a person is guilty of an offence.
"""


def cli(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    app = typer.Typer(pretty_exceptions_enable=False)

    @app.callback()
    def _root() -> None:
        """lintlaw (eval only)."""

    eval_cli.register(app)
    monkeypatch.setattr(sys, "argv", ["lintlaw", *argv])
    return run_guarded(app)


@pytest.fixture
def cases_file(tmp_path: Path, fixture_pack: Path) -> Path:  # noqa: F811 - the imported fixture
    (tmp_path / "laws").mkdir()
    (tmp_path / "laws" / "act.md").write_text(ACT, encoding="utf-8")
    path = tmp_path / "cases.yaml"
    path.write_text(CASES, encoding="utf-8")
    return path


def test_text_report(cases_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    assert cli(["eval", str(cases_file)], monkeypatch) == 0  # a low score is not an error
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[-1] == "eval: precision 0.667 recall 0.500 f1 0.571 (cases 5, expected 4, findings 3)"
    assert SUMMARY.match(lines[-1])
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:] if line and not line.startswith(" ")}
    assert rows["person-sale"] == ["LL901", "2", "0", "0", "0", "1.000", "1.000", "1.000"]
    assert rows["vice-words"] == ["LL902", "0", "1", "1", "1", "0.000", "0.000", "0.000"]
    assert rows["anti-prostitution-pledge"] == ["-", "0", "0", "1", "0", "1.000", "0.000", "0.000"]
    assert "  vice: LL902 vice-words at s. 1 (line 1) \"vice\" — not expected" in lines
    assert "  law-file: anti-prostitution-pledge — did not fire" in lines
    assert "  gone: vice-words — case error" in lines
    assert any(line.startswith("  gone: ") and "missing.txt: E101" in line for line in lines)
    assert "no rule of that name is loaded: anti-prostitution-pledge" in out


def test_json_report(cases_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    assert cli(["eval", str(cases_file), "--format", "json"], monkeypatch) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"] == {"cases": 5, "expected": 4, "findings": 3, "tp": 2, "fp": 1, "fn": 2,
                              "precision": 0.6667, "recall": 0.5, "f1": 0.5714}
    assert data["false_positives"] == [{"case": "vice", "rule": "vice-words", "code": "LL902", "clause": "s. 1",
                                        "line": 1, "match": "vice", "reason": "not expected", "near_miss": None,
                                        "language": "en", "tradition": None}]
    assert [e["code"] for e in data["errors"]] == ["E101"]
    assert data["unknown_rules"] == ["anti-prostitution-pledge"]


def test_extra_rule_folder(cases_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture) -> None:
    from test_rules_support import rule_yaml

    extra = tmp_path / "house" / "funding"
    extra.mkdir(parents=True)
    (extra / "pledge.yaml").write_text(rule_yaml("HR114", "anti-prostitution-pledge", "    - terms: [fixture act]"))
    assert cli(["eval", str(cases_file), "--rules", str(tmp_path / "house")], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "anti-prostitution-pledge" in out and "no rule of that name" not in out
    assert out.splitlines()[-1].endswith("(cases 5, expected 4, findings 4)")


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        ("- id: a\n  text: x\n  expects: [r]\n", "E404", ":3: E404 case 1 ('a'): unknown key 'expects'"),
        ("- id: a\n  text: [x\n", "E402", ": E402 invalid YAML"),
        ("{}\n", "E403", ":1: E403"),
    ],
)
def test_malformed_cases_file_exits_2(text: str, code: str, where: str, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    assert cli(["eval", str(path)], monkeypatch) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"lintlaw: {path}") and code in captured.err
    assert where.split(": ", 1)[-1] in captured.err and "Traceback" not in captured.err
    if where.startswith(":3:"):
        assert f"{path}:3: E404" in captured.err


def test_missing_cases_file_and_bad_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture) -> None:
    assert cli(["eval", str(tmp_path / "nope.yaml")], monkeypatch) == 2
    assert "E401 cases file not found" in capsys.readouterr().err
    assert cli(["eval", str(tmp_path / "nope.yaml"), "--format", "csv"], monkeypatch) == 2
    assert "E305" in capsys.readouterr().err


def test_public_development_set_runs_without_case_errors() -> None:
    """The bundled pack on the public development set: every file readable, every name a loaded rule."""
    from lintlaw.engine import load_rules
    from lintlaw.evaluate import engine_linter, evaluate, load_cases, render_text

    dev = Path(__file__).resolve().parent / "fixtures" / "eval" / "dev.yaml"
    ruleset = load_rules()
    report = evaluate(load_cases(dev), engine_linter(ruleset), codes={r.name: r.code for r in ruleset.rules})
    assert report.errors == [] and report.unknown_rules == []
    assert report.cases > 0 and SUMMARY.match(render_text(report).splitlines()[-1])
