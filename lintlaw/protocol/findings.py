"""Departures from the Protocol found by the element analysis, as ordinary ``Finding`` objects.

They carry ``origin="compare"`` and the taxonomy's rule names and codes, so ``--fail-on``,
SARIF and suppressions treat them like the findings of ``lintlaw check``. Severity and the
suggested wording come from the rule pack where the rule exists there. Messages say where the
text departs from the Protocol; they never say it "violates" anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lintlaw.model import Clause, Document, Finding, Outline, assign_fingerprints


@dataclass(frozen=True)
class RuleFacts:
    code: str
    name: str
    severity: str


CONSENT = RuleFacts("LL101", "consent-irrelevant-for-adults", "error")
NO_MEANS = RuleFacts("LL102", "trafficking-without-means", "error")
NARROWED = RuleFacts("LL115", "victim-scope-narrowed", "warning")
CHILD_AGE = RuleFacts("LL201", "child-age-below-18", "warning")
RULES = (CONSENT, NO_MEANS, NARROWED, CHILD_AGE)


@dataclass(frozen=True)
class Departure:
    """What the analysis found, before it becomes a Finding: a rule, a place and a message."""

    rule: RuleFacts
    clause: Clause
    start: int
    end: int
    message: str


def make_finding(departure: Departure, outline: Outline, ruleset: Any = None) -> Finding:
    """A ``Finding`` (origin ``compare``) for a departure, with positions resolved in the document."""
    document: Document = outline.document
    rule = ruleset.get(departure.rule.code) if ruleset is not None else None
    line, column = document.position(departure.start)
    end_line, end_column = document.position(departure.end)
    clause_text = " ".join(document.text[departure.clause.start:departure.clause.end].split())
    return Finding(
        file=document.path,
        rule=departure.rule.name,
        code=departure.rule.code,
        severity=getattr(rule, "severity", None) or departure.rule.severity,
        stance="protocol",
        message=departure.message,
        start=departure.start,
        end=departure.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        clause_id=departure.clause.id,
        clause_label=departure.clause.label,
        clause_text=clause_text,
        match=" ".join(document.text[departure.start:departure.end].split()),
        page=document.page(departure.start),
        suggestion=getattr(rule, "suggestion", None) if departure.rule is CONSENT else None,
        origin="compare",
    )


def to_findings(departures: list[Departure], outline: Outline, ruleset: Any = None) -> list[Finding]:
    """One finding per (rule, place), sorted, with fingerprints."""
    seen: set[tuple[str, int, int]] = set()
    findings: list[Finding] = []
    for departure in departures:
        key = (departure.rule.code, departure.start, departure.end)
        if key in seen:
            continue
        seen.add(key)
        findings.append(make_finding(departure, outline, ruleset))
    findings.sort(key=Finding.sort_key)
    assign_fingerprints(findings)
    return findings
