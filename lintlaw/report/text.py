"""Terminal output in the style of ruff and Vale: one line per finding, then a summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lintlaw.model import LintResult

SEVERITY_WIDTH = 7


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def finding_line(finding: Any) -> str:
    """``path:line:col  LL101  error    message  [s. 14(2)(a): "matched words"]``."""
    place = f"{finding.clause_label}: " if finding.clause_label else ""
    page = f" (p. {finding.page})" if finding.page else ""
    return (
        f"{finding.file}:{finding.line}:{finding.column}{page}  {finding.code}  "
        f"{finding.severity:<{SEVERITY_WIDTH}}  {finding.message}  [{place}\"{_quote(finding.match)}\"]"
    )


def summary_line(result: LintResult) -> str:
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in ("error", "warning", "info")}
    n = len(result.findings)
    files = len(result.files)
    parts = ", ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in counts.items() if v)
    head = f"Found {n} finding{'s' if n != 1 else ''}" + (f" ({parts})" if parts else "")
    tail = f" in {files} file{'s' if files != 1 else ''}"
    errs = f"; {len(result.errors)} file{'s' if len(result.errors) != 1 else ''} could not be read" if result.errors else ""
    return head + tail + errs + "."


def render(result: LintResult, ruleset: Any = None, *, documents: Any = None, root: Path | None = None,
           **_: Any) -> str:
    lines = [finding_line(f) for f in result.findings]
    lines += [f"{e.location}: {e.code} {e.message}" for e in result.errors]
    if lines:
        lines.append("")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
