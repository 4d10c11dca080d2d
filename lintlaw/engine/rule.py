"""The Rule record: one YAML file under ``rules/<topic>/``, validated and ready to run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("phrase", "pattern", "conditional", "absence")
SCOPES = ("clause", "sentence", "section", "definition", "document")
STANCES = ("protocol", "contested")


@dataclass
class Rule:
    """A validated rule. ``spec`` keeps the matching part (match / requires / forbids / …)."""

    code: str
    name: str
    kind: str
    severity: str
    stance: str
    scope: str
    message: str
    description: str
    sources: list[dict[str, Any]]
    examples: dict[str, list[str]]
    spec: dict[str, Any]
    path: Path
    topic: str = ""
    title: str = ""
    precision: str = "high"
    tags: list[str] = field(default_factory=list)
    suggestion: str | None = None
    todo: dict[str, list[str]] = field(default_factory=dict)

    @property
    def help_url(self) -> str:
        """The rule's documentation page in the released repository (``docs/rules/LL101.md``)."""
        from lintlaw.rulepack import rule_help_url

        return rule_help_url(self.code)

    def summary(self) -> dict[str, Any]:
        """The one-line facts shown by ``lintlaw rules``."""
        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "severity": self.severity,
            "stance": self.stance,
            "scope": self.scope,
            "title": self.title,
        }
