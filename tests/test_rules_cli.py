"""``lintlaw rules`` and ``lintlaw rule``: plain and rich text, JSON, and the unknown-rule error."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import typer

from lintlaw.cli import rules as rules_cli
from lintlaw.cli.errors import run_guarded
from test_rules_support import fixture_pack  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("fixture_pack")


def cli(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    app = typer.Typer(pretty_exceptions_enable=False)

    @app.callback()
    def _root() -> None:
        """lintlaw (rule commands only)."""

    rules_cli.register(app)
    monkeypatch.setattr(sys, "argv", ["lintlaw", *argv])
    return run_guarded(app)


def test_rules_plain_table_when_piped(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    assert cli(["rules"], monkeypatch) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split() for line in lines] == [
        ["code", "name", "kind", "severity", "stance"],
        ["LL901", "person-sale", "phrase", "warning", "protocol"],
        ["LL902", "vice-words", "phrase", "warning", "protocol"],
    ]
    assert "┃" not in "".join(lines)


def test_rules_rich_table_in_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    assert cli(["rules"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "┃" in out and "LL902" in out and "2 rules" in out


def test_rules_json(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    assert cli(["rules", "--format", "json"], monkeypatch) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["version"]) == 12
    assert [(r["code"], r["name"], r["stance"]) for r in data["rules"]] == [
        ("LL901", "person-sale", "protocol"), ("LL902", "vice-words", "protocol"),
    ]


def test_extra_rule_folder_adds_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture) -> None:
    from test_rules_support import rule_yaml

    extra = tmp_path / "house"
    (extra / "house").mkdir(parents=True)
    (extra / "house" / "own.yaml").write_text(rule_yaml("HR001", "house-rule", "    - terms: [house words]"))
    assert cli(["rules", "--rules", str(extra)], monkeypatch) == 0
    assert "HR001" in capsys.readouterr().out


@pytest.mark.parametrize("key", ["LL902", "ll902", "vice-words"])
def test_rule_shows_markdown_when_piped(key: str, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture) -> None:
    assert cli(["rule", key], monkeypatch) == 0
    out = capsys.readouterr().out
    assert out.startswith("# LL902 vice-words\n")
    for part in ("## What it flags", "## Suggested wording", "> Use neutral words.", "## Sources",
                 "A fixture source — **Art. 1** (<https://example.org/source>)", "**Flagged**",
                 "- He sells a person.", "**Not flagged**", "- A sale of goods.",
                 "**Known gaps: should be flagged but are not yet**", "- Depravity is not yet flagged."):
        assert part in out, part


def test_rule_rendered_in_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert cli(["rule", "LL901"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "LL901 person-sale" in out and "What it flags" in out
    assert "## What it flags" not in out and "*emphasis*" not in out  # rendered, not the source


def test_rule_json(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    assert cli(["rule", "person-sale", "-f", "json"], monkeypatch) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["code"] == "LL901" and data["suggestion"] == "Use neutral words."
    assert data["sources"] == [{"title": "A fixture source", "pinpoint": "Art. 1", "url": "https://example.org/source"}]
    assert len(data["examples"]["flag"]) == 3 and data["todo"] == {"flag": [], "pass": []}
    assert data["help"].endswith("/docs/rules/LL901.md")


@pytest.mark.parametrize(
    ("key", "hint"),
    [("vice-word", "did you mean LL902 vice-words?"), ("LL9O1", "did you mean LL901 person-sale?"),
     ("qqqqqqqq", "run 'lintlaw rules' to list them")],
)
def test_unknown_rule_is_a_coded_error(key: str, hint: str, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture) -> None:
    assert cli(["rule", key], monkeypatch) == 2
    err = capsys.readouterr().err
    assert f"E351 unknown rule '{key}'" in err and hint in err
    assert "Traceback" not in err


def test_unknown_format_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    assert cli(["rules", "--format", "yaml"], monkeypatch) == 2
    assert "E305" in capsys.readouterr().err
