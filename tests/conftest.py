"""Fixtures for every test: the repository, its sample corpus, the vendored SARIF schema, a subprocess runner.

Nothing here reads outside the repository, so the suite passes on any clone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed sequence of examples, so a run is reproducible; locally
# Hypothesis keeps exploring new ones (and remembers failures in .hypothesis/).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
LAWS = CORPUS / "laws"
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "schemas" / "sarif-schema-2.1.0.json"


def sarif_validator():
    """A Draft-4 validator for the vendored SARIF 2.1.0 schema (tests/fixtures/schemas/)."""
    import json

    import jsonschema

    return jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m lintlaw ARGS`` as a user would, capturing text output."""
    return subprocess.run(
        [sys.executable, "-m", "lintlaw", *args], input=input, capture_output=True, text=True,
        cwd=cwd or ROOT, env={**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}, timeout=300,
    )


@pytest.fixture
def cli():
    return run_cli
