"""Terminal output in the style of ruff and Vale: one line per finding, then a summary.

The formatter stays pure: colour comes from a ``style(text, role)`` callable that the command
line passes (roles: ``path``, ``code``, a severity name, ``dim``, ``summary``); the default adds
nothing. ``statistics=True`` prints a count per rule instead of each finding, as ruff does.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Callable

from lintlaw.model import LintResult

SEVERITY_WIDTH = 7
RULE_HINT = "Run 'lintlaw rule CODE' for what a rule flags, why it matters and better drafting."


def _plain(text: str, role: str) -> str:
    return text


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def finding_line(finding: Any, style: Callable[[str, str], str] = _plain) -> str:
    """``path:line:col  LL101  error    message  [s. 14(2)(a): "matched words"]``."""
    place = f"{finding.clause_label}: " if finding.clause_label else ""
    page = f" (p. {finding.page})" if finding.page else ""
    severity = f"{finding.severity:<{SEVERITY_WIDTH}}"
    where = f'[{place}"{_quote(finding.match)}"]'
    return (
        f"{style(finding.file, 'path')}:{finding.line}:{finding.column}{page}  {style(finding.code, 'code')}  "
        f"{style(severity, finding.severity)}  {finding.message}  {style(where, 'dim')}"
    )


def summary_line(result: LintResult) -> str:
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in ("error", "warning", "info")}
    n = len(result.findings)
    files = len(result.files)
    parts = ", ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in counts.items() if v)
    head = f"Found {n} finding{'s' if n != 1 else ''}" + (f" ({parts})" if parts else "")
    tail = f" in {files} file{'s' if files != 1 else ''}"
    errs = f"; {len(result.errors)} file{'s' if len(result.errors) != 1 else ''} could not be read" if result.errors else ""
    empty = sum(1 for n in result.notices if n.code == "E102")
    unread = sum(1 for n in result.notices if n.code == "E112")
    notes = f"; {empty} empty file{'s' if empty != 1 else ''} skipped" if empty else ""
    notes += f"; {unread} file{'s' if unread != 1 else ''} in a language lintlaw cannot analyse" if unread else ""
    return head + tail + errs + notes + "."


def version_line(ruleset: Any) -> str:
    from lintlaw import __version__
    from lintlaw.report.common import ruleset_version

    return f"lintlaw {__version__}, rule pack {ruleset_version(ruleset)}"


def statistics_lines(result: LintResult, style: Callable[[str, str], str] = _plain) -> list[str]:
    """``count  code  severity  name``, most frequent rule first (ties by code)."""
    counts = Counter((f.code, f.rule, f.severity) for f in result.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [
        f"{n:>{width}}  {style(code, 'code')}  {style(f'{severity:<{SEVERITY_WIDTH}}', severity)}  {name}"
        for (code, name, severity), n in rows
    ]


def render(result: LintResult, ruleset: Any = None, *, documents: Any = None, root: Path | None = None,
           style: Callable[[str, str], str] = _plain, statistics: bool = False, **_: Any) -> str:
    lines = statistics_lines(result, style) if statistics else [finding_line(f, style) for f in result.findings]
    lines += [f"{style(e.location, 'path')}: {style(e.code, 'code')} {e.message}" for e in result.errors]
    lines += [f"{style(n.location, 'path')}: {style(n.code, 'code')} notice: {n.message}"
              + ("; nothing to lint" if n.code == "E102" else "") for n in result.notices]
    if lines:
        lines.append("")
    lines.append(style(summary_line(result), "summary"))
    if result.findings:
        lines.append(RULE_HINT)
    if ruleset is not None:
        lines.append(style(version_line(ruleset), "dim"))
    return "\n".join(lines) + "\n"
