"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per job);
it drops the rest silently. This format therefore annotates the first findings of each level in
report order, prints the others as plain log lines so none is lost, and adds one notice saying
how many were not annotated. Upload the SARIF log for the full set in code scanning.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from lintlaw.model import Finding, LintResult
from lintlaw.report.common import plural, relative_uri, rule_info

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
PER_STEP_LIMIT = 10


def escape_data(text: str) -> str:
    """Escape a command's message as the runner expects (``%`` first, then CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: the message escapes plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: Any) -> str:
    """``::level key=value,...::message`` with every part escaped."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def _message(finding: Finding, stance_note: str) -> str:
    lines = [finding.message]
    where = finding.clause_label or finding.clause_id
    if where:
        lines.append(f"{where}: “{finding.match}”" if finding.match else where)
    if finding.stance == "contested":
        lines.append(stance_note)
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion}")
    return "\n".join(lines)


def _annotation(finding: Finding, ruleset: Any, root: Path | None) -> str:
    info = rule_info(ruleset, finding)
    return command(
        LEVELS.get(finding.severity, "warning"),
        _message(finding, info.stance_label),
        file=relative_uri(finding.file, root),
        line=finding.line,
        endLine=finding.end_line,
        col=finding.column,
        endColumn=finding.end_column,
        title=info.label,
    )


def _log_line(finding: Finding, root: Path | None) -> str:
    """A plain log line; the file name and message are escaped, so no part of it (a file named
    ``x\n::error ::…``, say) can start a line the runner would read as a workflow command."""
    path = escape_property(relative_uri(finding.file, root))
    return (f"{path}:{finding.line}:{finding.column}: {escape_data(finding.code)} [{finding.severity}] "
            f"{escape_data(finding.message)}")


def _error_lines(error: Any, root: Path | None) -> tuple[str, str]:
    file = getattr(error, "file", None)
    where = [escape_property(relative_uri(file, root)) if file else "<input>"]
    where += [str(n) for n in (getattr(error, "line", None), getattr(error, "column", None)) if n is not None]
    annotation = command(
        "error",
        f"{error.code} {error.message}",
        file=relative_uri(file, root) if file else None,
        line=getattr(error, "line", None),
        col=getattr(error, "column", None),
        title=f"lintlaw {error.code}",
    )
    return annotation, f"{':'.join(where)}: {error.code} {escape_data(error.message)}"


def render(
    result: LintResult,
    ruleset: Any,
    *,
    documents: dict[str, Any] | None = None,
    root: Path | None = None,
    **_: Any,
) -> str:
    """Annotations for input errors and findings, within GitHub's per-step limits."""
    items: list[tuple[str, str, str]] = [("error", *_error_lines(e, root)) for e in result.errors]
    for finding in sorted(result.findings, key=Finding.sort_key):
        level = LEVELS.get(finding.severity, "warning")
        items.append((level, _annotation(finding, ruleset, root), _log_line(finding, root)))
    counts = Counter(level for level, _, _ in items)
    truncated = any(n > PER_STEP_LIMIT for n in counts.values())
    budget = {level: PER_STEP_LIMIT for level in ("error", "warning", "notice")}
    if truncated:
        budget["notice"] -= 1  # the truncation notice itself
    annotated: list[str] = []
    overflow: list[str] = []
    for level, annotation, log_line in items:
        if budget[level]:
            budget[level] -= 1
            annotated.append(annotation)
        else:
            overflow.append(log_line)
    lines = []
    if overflow:
        lines.append(
            command(
                "notice",
                f"{plural(len(overflow), 'problem')} not shown as annotations: GitHub shows at most "
                f"{PER_STEP_LIMIT} error, {PER_STEP_LIMIT} warning and {PER_STEP_LIMIT} notice "
                "annotations per step (50 per job). They are listed in the log below; upload the "
                "SARIF output to see every finding in code scanning.",
                title="lintlaw: annotations truncated",
            )
        )
    lines.extend(annotated)
    lines.extend(overflow)
    if ruleset is not None:  # a plain log line, not an annotation
        from lintlaw.report.text import version_line

        lines.append(version_line(ruleset))
    return "\n".join(lines) + "\n" if lines else ""
