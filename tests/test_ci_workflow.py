"""The GitHub workflow runs the README's test command on every supported Python, with a browser
found by path, and needs nothing outside the repository."""

from __future__ import annotations

import os
import stat

import yaml

from conftest import ROOT
from lintlaw.browser import ENV_VAR, find_chromium


def workflow() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))


def test_ci_runs_the_test_command_on_python_3_11_to_3_13():
    job = workflow()["jobs"]["test"]
    assert job["strategy"]["matrix"]["python-version"] == ["3.11", "3.12", "3.13"]
    runs = [step.get("run", "") for step in job["steps"]]
    assert any(r.strip() == "python3 tasks.py test" for r in runs)
    text = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "shared" not in text and "/usr/bin/chromium" not in text
    assert ENV_VAR in text


def _fake_browser(folder, name):
    path = folder / name
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_browser_is_found_by_variable_or_on_path(tmp_path):
    chrome = _fake_browser(tmp_path, "google-chrome")
    assert find_chromium({}, path=str(tmp_path)) == str(chrome)
    chromium = _fake_browser(tmp_path, "chromium")
    assert find_chromium({}, path=str(tmp_path)) == str(chromium)  # chromium first
    other = _fake_browser(tmp_path, "my-browser")
    assert find_chromium({ENV_VAR: str(other)}, path=str(tmp_path)) == str(other)
    assert find_chromium({ENV_VAR: str(tmp_path / "missing")}, path=str(tmp_path)) is None
    assert find_chromium({}, path=str(tmp_path / "empty")) is None


def test_no_test_reads_outside_the_repository():
    for path in (ROOT / "tests").glob("*.py"):
        if path.name == "test_ci_workflow.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "/work/" not in text and '"shared"' not in text and "../shared" not in text, path.name
    assert os.path.isfile(ROOT / "tests" / "fixtures" / "schemas" / "sarif-schema-2.1.0.json")


def test_ci_tests_the_lowest_typer_that_pyproject_allows():
    import re
    import tomllib

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    (typer,) = [d for d in deps if d.startswith("typer")]
    lowest = re.search(r">=([\d.]+)", typer).group(1)
    job = workflow()["jobs"]["lowest-typer"]
    installs = " ".join(step.get("run", "") for step in job["steps"])
    assert f"'typer=={lowest}.0'" in installs or f"'typer=={lowest}'" in installs
    assert "tests/test_cli_usage.py" in installs
