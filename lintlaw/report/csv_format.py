"""CSV: one row per finding, for spreadsheets and for tallying findings across many laws.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) are
prefixed with an apostrophe; law text quoted from a list item otherwise starts with ``-``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from lintlaw.model import Finding, LintResult
from lintlaw.report.common import relative_uri

COLUMNS = (
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "page",
    "severity",
    "code",
    "rule",
    "stance",
    "clause_id",
    "clause_label",
    "message",
    "match",
    "suggestion",
    "fingerprint",
    "clause_text",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A value as a CSV cell that no spreadsheet evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(finding: Finding, root: Path | None) -> list[str]:
    values = finding.to_dict()
    values["file"] = relative_uri(finding.file, root)
    values["page"] = finding.page
    values["suggestion"] = finding.suggestion
    values["clause_id"] = finding.clause_id
    values["clause_label"] = finding.clause_label
    values["clause_text"] = " ".join(finding.clause_text.split())
    return [cell(values[name]) for name in COLUMNS]


def render(
    result: LintResult,
    ruleset: Any,
    *,
    documents: dict[str, Any] | None = None,
    root: Path | None = None,
    **_: Any,
) -> str:
    """A header row and one row per finding, in report order, CRLF line ends (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for finding in sorted(result.findings, key=Finding.sort_key):
        writer.writerow(row(finding, root))
    return buffer.getvalue()
