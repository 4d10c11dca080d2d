"""The real lint function for evaluation: read a case's text or file, run one shared rule set.

Language: a case's ``language`` wins; otherwise a ``text:`` case is English (the format's default)
and a ``file:`` case keeps what the file declares (front matter) or what ingest detects.
"""

from __future__ import annotations

from lintlaw.engine import RuleSet
from lintlaw.evaluate.model import Case
from lintlaw.evaluate.score import Facets, LintFunction
from lintlaw.model import Document, Finding


def case_document(case: Case) -> Document:
    """The Document a case describes; ingest errors (E1xx) name the case's file."""
    from lintlaw.ingest import read_path, read_text

    if case.file is not None:
        document = read_path(case.file, display=str(case.file))
    else:
        document = read_text(case.text or "", path=f"<case {case.id}>")
        document.language = "en"
    if case.language:
        document.language = case.language
    return document


def engine_linter(ruleset: RuleSet) -> LintFunction:
    """A lint function that runs ``ruleset`` (compiled once, reused for every case)."""
    from lintlaw.api import lint_document

    def lint(case: Case) -> list[Finding]:
        return lint_document(case_document(case), ruleset)[1]

    return lint


def case_facets(case: Case) -> Facets:
    """A case's language and tradition: its own keys first, then the file's front matter.

    A ``text:`` case without keys is English with no tradition; a ``file:`` case without them
    takes ``language`` (or what ingest detects) and ``tradition`` from the file.
    """
    if case.file is None:
        return Facets(case.language or "en", case.tradition or "")
    document = case_document(case)
    tradition = case.tradition or str(document.metadata.get("tradition") or "")
    return Facets(document.language or "", tradition)
