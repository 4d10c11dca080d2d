"""Suppressions over one ``lint_path`` run: comments per document, then the table for the whole run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lintlaw.engine.loader import rule_selected
from lintlaw.model import Document, Finding, LintResult, Outline
from lintlaw.suppress.apply import resolver, suppress_document, suppress_with_table
from lintlaw.suppress.meta import META_RULES
from lintlaw.suppress.model import Directive
from lintlaw.suppress.table import FILENAME, load_table


def rule_active(ruleset: Any, config: Any, code: str, path: str) -> bool:
    """Whether rule ``code`` runs on ``path`` under the configuration's select/ignore lists."""
    rule = ruleset.get(code) or META_RULES.get(code)
    if rule is None:
        return False
    extra_select, extra_ignore = config.overrides_for(path)
    select = [*config.select, *extra_select] if config.select else []
    return rule_selected(rule.code, rule.name, select, [*config.ignore, *extra_ignore])


class SuppressionRun:
    """Holds what a run needs to apply suppressions.

    ``ruleset`` is the whole rule pack (so a comment naming a deselected rule is not called
    unknown); ``config`` decides which rules ran on which file. The table is
    ``lintlaw-suppressions.toml`` in the configuration's folder, if present; a broken table
    raises a coded ``ConfigError`` before any file is read.
    """

    def __init__(self, ruleset: Any, config: Any, table: Path | None = None) -> None:
        self.ruleset = ruleset
        self.config = config
        self.resolve = resolver(ruleset)
        self.suppressed: list[Any] = []
        path = table if table is not None else Path(config.root) / FILENAME
        self.table: list[Directive] = []
        if path.is_file():
            self.table = load_table(path, self.resolve, display=config.relative(path))

    def active(self, code: str, path: str) -> bool:
        return rule_active(self.ruleset, self.config, code, path)

    def document(self, document: Document, outline: Outline | None, findings: list[Finding]) -> list[Finding]:
        """The findings to report for one document: unsuppressed ones plus suppression problems."""
        outcome = suppress_document(
            document, outline, findings, self.resolve, lambda code: self.active(code, document.path)
        )
        self.suppressed.extend(outcome.suppressed)
        return outcome.kept + [p for p in outcome.problems if self.active(p.code, document.path)]

    def finish(self, result: LintResult) -> None:
        """Apply the table to the whole run and record every suppressed finding on ``result``."""
        if self.table:
            outcome = suppress_with_table(
                result.findings, self.table, [f.path for f in result.files], self.active
            )
            result.findings = outcome.kept + [p for p in outcome.problems if self.active(p.code, p.file)]
            self.suppressed.extend(outcome.suppressed)
        result.suppressed = sorted(self.suppressed, key=lambda s: s.finding.sort_key())
