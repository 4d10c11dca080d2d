"""A release the README's snippets resolve to: licence, changelog, versions and the tag they name."""

from __future__ import annotations

import re
import subprocess
import tomllib

from conftest import ROOT
from lintlaw import __version__
from lintlaw.rulepack import PACK_VERSION, PROJECT_URL

SEMVER = re.compile(r"^\d+\.\d+\.\d+$")


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_versions_are_semver_and_agree():
    assert SEMVER.match(__version__) and SEMVER.match(PACK_VERSION)
    assert pyproject()["project"]["version"] == __version__


def test_license_file_matches_pyproject():
    declared = pyproject()["project"]["license"]["text"]
    assert declared == "Apache-2.0"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text


def test_changelog_has_the_current_release_and_rule_pack():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    heading = re.search(rf"^## {re.escape(__version__)}\b.*$", text, re.M)
    assert heading, f"CHANGELOG.md has no section for {__version__}"
    section = text[heading.end():].split("\n## ", 1)[0]
    assert f"Rule pack {PACK_VERSION}" in section


def test_snippets_name_the_release_tag_and_the_project():
    tag = f"v{__version__}"
    for doc in ("README.md", "docs/ci.md"):
        text = (ROOT / doc).read_text(encoding="utf-8")
        uses = re.findall(r"uses: ([\w.-]+/lintlaw)@(\S+)", text)
        revs = re.findall(r"repo: (\S+/lintlaw)\n\s+rev: (\S+)", text)
        assert uses and revs, doc
        assert {ref for _, ref in uses} == {tag} and {rev for _, rev in revs} == {tag}, doc
        assert {f"https://github.com/{name}" for name, _ in uses} == {PROJECT_URL}, doc
        assert {repo for repo, _ in revs} == {PROJECT_URL}, doc
        assert "OWNER" not in text
    assert pyproject()["project"]["urls"]["Homepage"] == PROJECT_URL


def test_the_release_tag_exists_where_the_history_is_available():
    """In a clone with tags, the current version is tagged (a shallow CI clone may have none)."""
    proc = subprocess.run(["git", "tag", "--list", "v*"], cwd=ROOT, capture_output=True, text=True)
    tags = proc.stdout.split()
    if proc.returncode != 0 or not tags:
        import pytest

        pytest.skip("no tags in this clone")
    assert f"v{__version__}" in tags
