"""Markdown: a summary for a CI job page (GitHub's ``$GITHUB_STEP_SUMMARY``) or a pull request.

A headline with counts, a table of findings per rule with its basis, then a table of findings.
Law text is escaped so a clause cannot break the table or open an HTML comment. The findings
table stops at ``MAX_ROWS`` (GitHub caps a step summary at 1 MiB) and says how many it left out.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lintlaw.model import Finding, LintResult
from lintlaw.report.common import (
    plural,
    relative_uri,
    report_rules,
    rule_counts,
    rule_info,
    ruleset_version,
    severity_counts,
)

MAX_ROWS = 200
_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, markup characters neutralised."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def _headline(result: LintResult, suppressed: int) -> list[str]:
    files = len({f.path for f in result.files})
    n = len(result.findings)
    title = f"## lintlaw: {plural(n, 'finding')} in {plural(files, 'file')}"
    counts = " · ".join(
        f"{v} {k}" if k == "info" else plural(v, k) for k, v in severity_counts(result.findings).items()
    )
    lines = [title, "", f"**{counts}**" if n else "No findings."]
    extras = []
    if suppressed:
        extras.append(f"{plural(suppressed, 'finding')} suppressed with a recorded reason")
    if result.errors:
        extras.append(f"{plural(len(result.errors), 'file')} could not be read")
    if extras:
        lines += ["", "; ".join(extras) + "."]
    return lines


def _rules_table(result: LintResult, ruleset: Any) -> list[str]:
    infos = {info.code: info for info in report_rules(ruleset, result.findings)}
    lines = ["", "| Rule | Findings | Severity | Basis |", "|---|---:|---|---|"]
    for code, name, count in rule_counts(result.findings):
        info = infos[code]
        lines.append(
            f"| {escape(code)} {escape(name)} | {count} | {info.severity} | {escape(info.stance_label)} |"
        )
    return lines


def _findings_table(findings: list[Finding], ruleset: Any, root: Path | None) -> list[str]:
    lines = ["", "| Severity | Location | Clause | Rule | Message |", "|---|---|---|---|---|"]
    for finding in findings[:MAX_ROWS]:
        info = rule_info(ruleset, finding)
        where = f"{relative_uri(finding.file, root)}:{finding.line}:{finding.column}"
        message = finding.message
        if finding.match:
            message += f" — “{finding.match}”"
        lines.append(
            f"| {finding.severity} | `{where.replace('`', '')}` | {escape(finding.clause_label)} "
            f"| {escape(info.label)} | {escape(message)} |"
        )
    if len(findings) > MAX_ROWS:
        lines += ["", f"… and {len(findings) - MAX_ROWS} more; see the SARIF or HTML report."]
    return lines


def render(
    result: LintResult,
    ruleset: Any,
    *,
    documents: dict[str, Any] | None = None,
    root: Path | None = None,
    **_: Any,
) -> str:
    """The Markdown summary, ending in a newline."""
    suppressed = len(result.suppressed)
    findings = sorted(result.findings, key=Finding.sort_key)
    lines = _headline(result, suppressed)
    if findings:
        lines += _rules_table(result, ruleset)
        lines += _findings_table(findings, ruleset, root)
    if result.errors:
        lines += ["", "### Files not read", ""]
        lines += [f"- `{str(e).replace('`', '')}`" for e in result.errors]
    version = ruleset_version(ruleset)
    if version:
        lines += ["", f"<sub>Rule pack {escape(version)}.</sub>"]
    return "\n".join(lines) + "\n"
