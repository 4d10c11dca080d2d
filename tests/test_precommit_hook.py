"""The pre-commit hook, for real: ``pre-commit try-repo`` on a temporary git repository.

try-repo clones this checkout (committed files plus uncommitted changes to tracked files) and
pip-installs it into a fresh environment, which needs PyPI, so the test is marked slow.
PRE_COMMIT_HOME points at a temporary folder, so nothing is left in the user's cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "report"

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("precommit")]


def test_hook_definition_matches_the_formats_lintlaw_reads():
    import re

    from lintlaw.ingest import SUPPORTED_SUFFIXES

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "lintlaw" and hook["language"] == "python"
    assert hook["entry"] == "lintlaw check"
    pattern = re.compile(hook["files"])
    for suffix in SUPPORTED_SUFFIXES:
        assert pattern.search(f"bills/act{suffix}"), suffix
    for other in ("setup.py", "bills/act.doc", "image.png"):
        assert not pattern.search(other), other


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True)


def try_repo(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "lintlaw", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


def test_try_repo_fails_on_a_bill_with_findings_and_passes_on_a_clean_one(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs this checkout to be a git repository")
    tracked = subprocess.run(
        ["git", "ls-files", "--error-unmatch", ".pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True
    )
    assert tracked.returncode == 0, ".pre-commit-hooks.yaml must be committed for try-repo to see it"

    repo = tmp_path / "drafts"
    (repo / "bills").mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "drafter@example.org")
    git(repo, "config", "user.name", "Drafter")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    shutil.copy(FIXTURES / "clean-bill.md", repo / "bills" / "libraries.md")
    git(repo, "add", "bills")
    clean = try_repo(repo, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "lintlaw" in clean.stdout and "Passed" in clean.stdout

    shutil.copy(FIXTURES / "draft-bill.md", repo / "bills" / "trafficking.md")
    git(repo, "add", "bills")
    dirty = try_repo(repo, env)
    assert dirty.returncode == 1, dirty.stdout + dirty.stderr
    assert "Failed" in dirty.stdout
    assert "bills/trafficking.md:" in dirty.stdout and "LL105" in dirty.stdout
    assert "bills/libraries.md:" not in dirty.stdout
