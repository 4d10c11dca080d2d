"""Suppressions: a drafting office saying "we know, and here is why" about a finding.

In text and Markdown sources, ``<!-- lintlaw: ... -->`` comments (see :mod:`.comments`); for
PDF and DOCX, ``lintlaw-suppressions.toml`` keyed by fingerprint (see :mod:`.table`).
Suppressed findings keep their reason for SARIF and the HTML report; a suppression that matches
nothing is reported as ``LL900 unused-suppression``, a malformed comment as ``LL901``.
"""

from __future__ import annotations

from pathlib import Path

from lintlaw.suppress.apply import Outcome, resolver, suppress_document, suppress_with_table
from lintlaw.suppress.meta import INVALID, META_RULES, UNUSED
from lintlaw.suppress.model import Directive, Suppressed
from lintlaw.suppress.table import FILENAME, load_table


def find_table(root: Path) -> Path | None:
    """``lintlaw-suppressions.toml`` in ``root`` (the configuration's folder), if there is one."""
    candidate = Path(root) / FILENAME
    return candidate if candidate.is_file() else None


__all__ = [
    "Directive",
    "FILENAME",
    "INVALID",
    "META_RULES",
    "Outcome",
    "Suppressed",
    "UNUSED",
    "find_table",
    "load_table",
    "resolver",
    "suppress_document",
    "suppress_with_table",
]
