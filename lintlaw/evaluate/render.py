"""An ``EvalReport`` as plain text (table, errors to fix, summary line) or as one JSON-ready dict."""

from __future__ import annotations

from typing import Any

from lintlaw.evaluate.score import EvalReport, FalseNegative, FalsePositive, Tally

SCHEMA_VERSION = 2
COLUMNS = ("rule", "code", "tp", "fp", "fn", "allowed", "precision", "recall", "f1")
GROUP_COLUMNS = ("cases", "tp", "fp", "fn", "precision", "recall", "f1")


def summary_line(report: EvalReport) -> str:
    """The last line of the text output, always of this one form."""
    return (
        f"eval: precision {report.precision:.3f} recall {report.recall:.3f} f1 {report.f1:.3f} "
        f"(cases {report.cases}, expected {report.expected}, findings {report.findings})"
    )


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _fp_line(fp: FalsePositive) -> str:
    near = f"; a declared near miss: {fp.near_miss}" if fp.near_miss else ""
    return (f"  {fp.case}: {fp.code} {fp.rule} at {fp.clause_label} (line {fp.line}) "
            f"\"{_short(fp.match)}\" — {fp.reason}{near}")


def _fn_line(fn: FalseNegative) -> str:
    quotes = " or ".join(f"\"{_short(q)}\"" for q in fn.quotes)
    where = f" in a clause with {quotes}" if quotes else ""
    detail = f" (fired in {', '.join(fn.fired_in)})" if fn.fired_in else ""
    return f"  {fn.case}: {fn.rule}{where} — {fn.reason}{detail}"


def _aligned(rows: list[tuple[str, ...]], left: int) -> list[str]:
    """Rows as lines: the first ``left`` columns left-aligned, the numbers right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:left], widths[:left])]
        cells += [cell.rjust(width) for cell, width in zip(row[left:], widths[left:])]
        lines.append("  ".join(cells).rstrip())
    return lines


def _group_table(title: str, groups: dict[str, Tally]) -> list[str]:
    rows: list[tuple[str, ...]] = [(title, *GROUP_COLUMNS)]
    rows += [
        (name, str(t.cases), str(t.tp), str(t.fp), str(t.fn),
         f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}")
        for name, t in sorted(groups.items())
    ]
    return _aligned(rows, 1)


def _table(report: EvalReport) -> list[str]:
    rows = [COLUMNS] + [
        (r.rule, r.code or "-", str(r.tp), str(r.fp), str(r.fn), str(r.allowed),
         f"{r.precision:.3f}", f"{r.recall:.3f}", f"{r.f1:.3f}")
        for r in report.ordered_rules()
    ]
    rows.append(("total", "", str(report.tp), str(report.fp), str(report.fn),
                 str(sum(r.allowed for r in report.rules.values())),
                 f"{report.precision:.3f}", f"{report.recall:.3f}", f"{report.f1:.3f}"))
    return _aligned(rows, 2)


def render_text(
    report: EvalReport, *, by_rule: bool = True, by_language: bool = False, by_tradition: bool = False,
) -> str:
    """The chosen tables (per rule, per language, per tradition), then false positives, false
    negatives, errors, notes and the summary line."""
    tables = []
    if by_rule:
        tables.append(_table(report))
    if by_language:
        tables.append(_group_table("language", report.by_language))
    if by_tradition:
        tables.append(_group_table("tradition", report.by_tradition))
    lines: list[str] = []
    for table in tables:
        lines += ([""] if lines else []) + table
    sections = (
        ("false positives", [_fp_line(fp) for fp in report.false_positives]),
        ("false negatives", [_fn_line(fn) for fn in report.false_negatives]),
        ("errors", [f"  {e.case}: {e.file + ': ' if e.file else ''}{e.code} {e.message}" for e in report.errors]),
    )
    for title, body in sections:
        if body:
            lines += ([""] if lines else []) + [f"{title} ({len(body)}):", *body]
    if report.unknown_rules:
        lines += ["", "note: expected or allowed, but no rule of that name is loaded: " + ", ".join(report.unknown_rules)]
    lines += ([""] if lines else []) + [summary_line(report)]
    return "\n".join(lines) + "\n"


def _round(value: float) -> float:
    return round(value, 4)


def _groups(groups: dict[str, Tally]) -> list[dict[str, Any]]:
    return [
        {"name": name, "cases": t.cases, "tp": t.tp, "fp": t.fp, "fn": t.fn,
         "precision": _round(t.precision), "recall": _round(t.recall), "f1": _round(t.f1)}
        for name, t in sorted(groups.items())
    ]


def report_dict(report: EvalReport, cases_file: str | None = None) -> dict[str, Any]:
    """The same numbers as ``render_text``, as one JSON-ready object."""
    return {
        "schema_version": SCHEMA_VERSION,
        "cases_file": cases_file,
        "rules": [
            {"rule": r.rule, "code": r.code or None, "tp": r.tp, "fp": r.fp, "fn": r.fn, "allowed": r.allowed,
             "precision": _round(r.precision), "recall": _round(r.recall), "f1": _round(r.f1)}
            for r in report.ordered_rules()
        ],
        "totals": {
            "cases": report.cases, "expected": report.expected, "findings": report.findings,
            "tp": report.tp, "fp": report.fp, "fn": report.fn,
            "precision": _round(report.precision), "recall": _round(report.recall), "f1": _round(report.f1),
        },
        "by_language": _groups(report.by_language),
        "by_tradition": _groups(report.by_tradition),
        "false_positives": [
            {"case": fp.case, "rule": fp.rule, "code": fp.code, "clause": fp.clause_label, "line": fp.line,
             "match": fp.match, "reason": fp.reason, "near_miss": fp.near_miss or None,
             "language": fp.language or None, "tradition": fp.tradition or None}
            for fp in report.false_positives
        ],
        "false_negatives": [
            {"case": fn.case, "rule": fn.rule, "quotes": list(fn.quotes), "fired_in": list(fn.fired_in),
             "reason": fn.reason, "language": fn.language or None, "tradition": fn.tradition or None}
            for fn in report.false_negatives
        ],
        "errors": [
            {"case": e.case, "code": e.code, "message": e.message, "file": e.file, "line": e.line}
            for e in report.errors
        ],
        "unknown_rules": list(report.unknown_rules),
    }
