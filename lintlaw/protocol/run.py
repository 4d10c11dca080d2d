"""Files in, comparison out: what ``lintlaw compare`` calls.

One law against the Protocol: read, segment, compare; the departures then go through the same
configuration (``select``/``ignore``) and suppressions (``lintlaw:`` comments, the fingerprint
table) as the findings of ``lintlaw check``. With ``against``: both laws are also linted with
the rule pack, and the findings that count (for ``--fail-on`` and SARIF) are those the new text
introduces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lintlaw.config import Config
from lintlaw.model import Document, FileSummary, Finding, LintResult, Outline
from lintlaw.protocol.against import LawComparison, Side, compare_laws
from lintlaw.protocol.compare import Comparison, compare_outline
from lintlaw.protocol.findings import RULES
from lintlaw.suppress.session import SuppressionRun

COMPARE_CODES = frozenset(r.code for r in RULES)


@dataclass
class CompareRun:
    """The JSON-ready report, the findings that decide the exit code, and the documents read."""

    data: dict[str, Any]
    result: LintResult
    documents: dict[str, Document] = field(default_factory=dict)
    comparison: Comparison | None = None
    law: LawComparison | None = None


class _CompareOnly(SuppressionRun):
    """Suppressions for a compare run: only the rules compare can report count as active, so a
    comment meant for ``check`` is not reported unused here."""

    def active(self, code: str, path: str) -> bool:
        return code in COMPARE_CODES and super().active(code, path)


def _summary(document: Document, outline: Outline) -> FileSummary:
    return FileSummary(path=document.path, language=document.language, clauses=sum(1 for _ in outline.clauses()),
                       metadata=dict(document.metadata), format=document.format)


def _selected(findings: list[Finding], run: SuppressionRun, path: str) -> list[Finding]:
    return [f for f in findings if run.active(f.code, path)]


def compare_one(path: str, *, config: Config, ruleset: Any) -> CompareRun:
    """One law against the Protocol."""
    from lintlaw.ingest import read_path
    from lintlaw.structure import segment

    document = read_path(path)
    outline = segment(document)
    comparison = compare_outline(outline, ruleset=ruleset)
    suppressions = _CompareOnly(ruleset, config)
    result = LintResult(files=[_summary(document, outline)])
    result.findings = suppressions.document(document, outline, _selected(comparison.findings, suppressions, path))
    suppressions.finish(result)
    result.sort()
    comparison.findings = list(result.findings)
    data = comparison.to_dict()
    return CompareRun(data, result, {document.path: document}, comparison=comparison)


def _side(path: str, config: Config, ruleset: Any, suppressions: SuppressionRun) -> tuple[Side, Document]:
    from lintlaw.api import lint_document
    from lintlaw.ingest import read_path

    document = read_path(path)
    outline, checked = lint_document(document, ruleset)
    comparison = compare_outline(outline, ruleset=ruleset)
    merged = _selected([*checked, *comparison.findings], suppressions, path)
    kept = suppressions.document(document, outline, merged)
    holder = LintResult(files=[_summary(document, outline)], findings=kept)
    suppressions.finish(holder)
    holder.sort()
    return Side(comparison, holder.findings), document


def compare_two(new_path: str, old_path: str, *, config: Config, ruleset: Any) -> CompareRun:
    """A law against another law (or a bill against the act it amends)."""
    new_side, new_doc = _side(new_path, config, ruleset, SuppressionRun(ruleset, config))
    old_side, old_doc = _side(old_path, config, ruleset, SuppressionRun(ruleset, config))
    law = compare_laws(new_side, old_side)
    result = LintResult(files=[_summary(new_doc, new_side.comparison.outline),
                               _summary(old_doc, old_side.comparison.outline)],
                        findings=[c.finding for c in law.introduced])
    result.sort()
    return CompareRun(law.to_dict(), result, {new_doc.path: new_doc, old_doc.path: old_doc}, law=law)
