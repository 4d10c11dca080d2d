"""The command line as CI sees it: every usage error exits 2 with the parser's message, help works
with -h, help text shows no Python types, and the installed typer is inside the pinned range."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from conftest import ROOT, run_cli

USAGE_ERRORS = {
    "unknown option": (["check", "--bogus", "x"], "No such option: --bogus"),
    "misspelt command": (["chek"], "No such command 'chek'"),
    "check without a path": (["check"], "Missing argument"),
    "rule without a name": (["rule"], "Missing argument"),
    "baseline write without a file": (["baseline", "write"], "Missing argument"),
    "option without its value": (["check", "x", "--format"], "requires an argument"),
    "jobs not a number": (["check", "x", "--jobs", "many"], "Invalid value for '--jobs'"),
    "unknown root option": (["--bogus"], "No such option: --bogus"),
    "extra argument": (["rules", "surplus"], "unexpected extra argument"),
}

LINTLAW_ERRORS = {
    "unknown format": (["check", "x", "--format", "nope"], "E305"),
    "unknown fail-on": (["check", "x", "--fail-on", "sometimes"], "E304"),
    "jobs below one": (["check", "x", "--jobs", "0"], "E300"),
    "unknown colour choice": (["check", "x", "--color", "sometimes"], "E300"),
    "stdin-filename without stdin": (["check", "x", "--stdin-filename", "a.md"], "E300"),
    "unknown selector": (["check", "x", "--select", "LL1O1"], "E307"),
}


@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_usage_errors_exit_2_with_the_parsers_message(case):
    args, message = USAGE_ERRORS[case]
    proc = run_cli(*args)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert message.lower() in proc.stderr.lower()
    assert "E900" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("case", sorted(LINTLAW_ERRORS))
def test_bad_option_values_are_coded_errors_exiting_2(case):
    args, code = LINTLAW_ERRORS[case]
    proc = run_cli(*args)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert code in proc.stderr and "E900" not in proc.stderr


def test_bare_lintlaw_prints_help_and_exits_2():
    proc = run_cli()
    assert proc.returncode == 2
    assert "Usage:" in proc.stdout + proc.stderr and "check" in proc.stdout + proc.stderr


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["check", "-h"], ["baseline", "-h"], ["baseline", "write", "-h"]])
def test_short_and_long_help_exit_0(args):
    proc = run_cli(*args)
    assert proc.returncode == 0, proc.stderr
    assert "Usage:" in proc.stdout


def _commands() -> list[list[str]]:
    from typer.main import get_command

    from lintlaw.cli.app import app

    root = get_command(app)
    found = [[]]
    for name, command in root.commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(command, "commands", {})]
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "lintlaw")
def test_help_shows_no_python_types_and_every_option_is_described(command):
    from typer.main import get_command

    from lintlaw.cli.app import app

    proc = run_cli(*command, "--help")
    assert proc.returncode == 0, proc.stderr
    assert not re.search(r"<(?:list\[\w+\]|bool|str|int|path|float)>", proc.stdout), proc.stdout
    node = get_command(app)
    for name in command:
        node = node.commands[name]
    for param in node.params:
        assert param.help, f"{' '.join(command)}: {param.name} has no help text"


@pytest.mark.parametrize("command", [[], ["check"]], ids=["lintlaw", "check"])
def test_exit_codes_are_listed_in_help(command):
    out = " ".join(run_cli(*command, "--help").stdout.split())
    for text in ("Exit codes: 0", "1 findings at or above --fail-on", "2 usage, configuration or input error",
                 "3 internal error"):
        assert text in out


def test_installed_typer_is_within_the_pinned_range():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = {Requirement(r).name: Requirement(r) for r in data["project"]["dependencies"]}
    spec = reqs["typer"].specifier
    assert any(s.operator == "<" for s in spec) and any(s.operator == ">=" for s in spec)
    assert spec.contains(version("typer")), f"typer {version('typer')} is outside {spec}"
    assert "click" not in reqs  # the CLI imports no click of its own


def test_the_cli_imports_no_click_directly():
    for path in (ROOT / "lintlaw").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(?:import click|from click\b)", text, re.M), path


def test_check_help_lists_the_ci_options(tmp_path: Path):
    proc = run_cli("check", "--help", cwd=tmp_path)
    assert "--stdin-filename" in proc.stdout and "--statistics" in proc.stdout and "--jobs" in proc.stdout


def test_every_check_option_is_documented():
    from typer.main import get_command

    from lintlaw.cli.app import app

    docs = "\n".join((ROOT / p).read_text(encoding="utf-8") for p in ("README.md", "docs/ci.md", "docs/report.md"))
    check = get_command(app).commands["check"]
    missing = [o for p in check.params for o in p.opts if o.startswith("--") and o != "--help" and o not in docs]
    assert not missing, f"check options missing from README.md, docs/ci.md and docs/report.md: {missing}"
