"""The JSON report (``schema_version`` 1): files read, findings, per-file errors and notices (empty files)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lintlaw import __version__
from lintlaw.model import LintResult

SCHEMA_VERSION = "1"


def as_dict(result: LintResult, ruleset: Any = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "lintlaw", "version": __version__},
        "files": [f.to_dict() for f in result.files],
        "findings": [f.to_dict() for f in result.findings],
        "errors": [e.to_dict() for e in result.errors],
        "notices": [n.to_dict() for n in result.notices],
    }
    if ruleset is not None:
        from lintlaw.rulepack import PACK_VERSION

        data["tool"]["rules_version"] = ruleset.version
        data["tool"]["rule_pack"] = {"version": PACK_VERSION, "hash": ruleset.version}
    return data


def render(result: LintResult, ruleset: Any = None, *, documents: Any = None, root: Path | None = None,
           **_: Any) -> str:
    return json.dumps(as_dict(result, ruleset), indent=2, ensure_ascii=False) + "\n"
