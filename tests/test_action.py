"""The composite GitHub Action: its definition, and its run script executed as GitHub would run it.

The script runs under bash with the INPUT_* variables the action's ``env`` sets and with
GITHUB_STEP_SUMMARY / GITHUB_OUTPUT pointing at temporary files, using the ``lintlaw`` installed
next to this Python.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "report"
INPUTS = {"paths", "args", "fail-on", "sarif-file"}


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def lint_step(action: dict) -> dict:
    (step,) = [s for s in action["runs"]["steps"] if s.get("id") == "lint"]
    return step


def test_action_declares_the_inputs_and_uses_only_those(action):
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == INPUTS
    for name, spec in action["inputs"].items():
        assert spec.get("description") and "default" in spec, name
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", text))
    assert used <= INPUTS and used == INPUTS
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")
            assert "${{" not in step["run"], "inputs must reach scripts through env, not interpolation"
    env = lint_step(action)["env"]
    assert env == {
        "INPUT_PATHS": "${{ inputs.paths }}",
        "INPUT_ARGS": "${{ inputs.args }}",
        "INPUT_FAIL_ON": "${{ inputs.fail-on }}",
        "INPUT_SARIF_FILE": "${{ inputs.sarif-file }}",
        "LINTLAW_BIN": "${{ steps.install.outputs.bin }}",
    }
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.lint.outputs.exit-code }}"


def run_script(action: dict, workdir: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    scripts = Path(sys.executable).parent
    if shutil.which("lintlaw", path=str(scripts)) is None:
        pytest.skip(f"no lintlaw console script in {scripts}; run 'pip install -e .'")
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    summary = workdir / "step-summary.md"
    summary.write_text("# Output of an earlier step\n", encoding="utf-8")
    outputs = workdir / "github-output.txt"
    env = {
        **os.environ,
        "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}",
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(outputs),
        "LINTLAW_BIN": str(scripts),
        "INPUT_PATHS": inputs.get("paths", "."),
        "INPUT_ARGS": inputs.get("args", ""),
        "INPUT_FAIL_ON": inputs.get("fail_on", "warning"),
        "INPUT_SARIF_FILE": inputs.get("sarif_file", "lintlaw.sarif"),
    }
    proc = subprocess.run(
        ["bash", "-e", "-c", lint_step(action)["run"]], cwd=workdir, env=env, capture_output=True, text=True,
        timeout=600,
    )
    return proc, summary, outputs


def bills(tmp_path: Path, *names: str) -> Path:
    (tmp_path / "bills").mkdir()
    for name in names:
        shutil.copy(FIXTURES / name, tmp_path / "bills" / name)
    return tmp_path


def test_run_script_reports_findings_everywhere_and_keeps_the_exit_code(action, tmp_path):
    work = bills(tmp_path, "draft-bill.md", "clean-bill.md")
    proc, summary, outputs = run_script(action, work, paths="bills", sarif_file="reports/lintlaw.sarif")
    assert proc.returncode == 1, proc.stderr
    assert re.search(r"^::error file=bills/draft-bill\.md,line=\d+", proc.stdout, re.MULTILINE)
    assert "title=LL105 client-criminalisation::" in proc.stdout
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Output of an earlier step\n## lintlaw: ")  # appended, not overwritten
    assert "| LL105 client-criminalisation |" in text
    log = json.loads((work / "reports" / "lintlaw.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"bills/draft-bill.md"}
    assert outputs.read_text(encoding="utf-8") == "exit-code=1\n"


def test_run_script_passes_on_a_clean_bill(action, tmp_path):
    work = bills(tmp_path, "clean-bill.md")
    proc, summary, outputs = run_script(action, work, paths="bills/clean-bill.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "## lintlaw: 0 findings in 1 file" in summary.read_text(encoding="utf-8")
    assert json.loads((work / "lintlaw.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []
    assert outputs.read_text(encoding="utf-8") == "exit-code=0\n"


def test_fail_on_and_args_reach_lintlaw(action, tmp_path):
    work = bills(tmp_path, "draft-bill.md")
    proc, _, outputs = run_script(action, work, paths="bills", args="--select LL105", fail_on="error")
    assert proc.returncode == 0, proc.stdout + proc.stderr  # LL105 is a warning
    assert "::warning file=bills/draft-bill.md" in proc.stdout and "::error" not in proc.stdout
    assert outputs.read_text(encoding="utf-8") == "exit-code=0\n"


def test_inputs_cannot_inject_shell_commands(action, tmp_path):
    work = bills(tmp_path, "clean-bill.md")
    proc, _, outputs = run_script(action, work, paths="bills $(touch injected) ; touch injected2", args="`touch injected3`")
    assert not any((work / name).exists() for name in ("injected", "injected2", "injected3"))
    assert proc.returncode == 2  # the odd words were taken as paths that do not exist
    assert outputs.read_text(encoding="utf-8") == "exit-code=2\n"


def test_the_action_leaves_the_callers_python_alone_and_caches_pip(action):
    steps = action["runs"]["steps"]
    (python,) = [s for s in steps if str(s.get("uses", "")).startswith("actions/setup-python@")]
    assert python["with"]["update-environment"] is False
    (cache,) = [s for s in steps if str(s.get("uses", "")).startswith("actions/cache@")]
    (install,) = [s for s in steps if s.get("id") == "install"]
    assert cache["with"]["path"] == install["env"]["PIP_CACHE_DIR"]
    assert "-m venv" in install["run"] and "GITHUB_PATH" not in install["run"]
    assert not any("GITHUB_PATH" in s.get("run", "") or "GITHUB_ENV" in s.get("run", "") for s in steps)


def test_exit_code_3_is_documented(action):
    text = action["outputs"]["exit-code"]["description"]
    assert "3 internal error" in text and "2 usage" in text


def test_default_paths_are_the_files_lintlaw_reads_in_the_repository(action, tmp_path):
    from lintlaw.ingest.detect import SUFFIXES

    assert action["inputs"]["paths"]["default"] == ""
    script = lint_step(action)["run"]
    assert set(re.findall(r"'\*(\.\w+)'", script)) == set(SUFFIXES)
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    work = bills(tmp_path, "draft-bill.md", "clean-bill.md")
    (work / "notes.py").write_text("print('not a law')\n", encoding="utf-8")
    (work / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    (work / "ignored").mkdir()
    shutil.copy(FIXTURES / "draft-bill.md", work / "ignored" / "draft-bill.md")
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    subprocess.run(["git", "add", "."], cwd=work, check=True)
    proc, summary, _ = run_script(action, work, paths="")
    assert proc.returncode == 1, proc.stderr
    assert "file=bills/draft-bill.md" in proc.stdout and "ignored/" not in proc.stdout
    assert "in 2 files" in summary.read_text(encoding="utf-8")
