"""An ``EvalReport`` as plain text (table, errors to fix, summary line) or as one JSON-ready dict."""

from __future__ import annotations

from typing import Any

from lintlaw.evaluate.score import EvalReport, FalseNegative, FalsePositive

SCHEMA_VERSION = 1
COLUMNS = ("rule", "code", "tp", "fp", "fn", "allowed", "precision", "recall", "f1")


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
    return f"  {fp.case}: {fp.code} {fp.rule} at {fp.clause_label} (line {fp.line}) \"{_short(fp.match)}\" — {fp.reason}"


def _fn_line(fn: FalseNegative) -> str:
    quotes = " or ".join(f"\"{_short(q)}\"" for q in fn.quotes)
    where = f" in a clause with {quotes}" if quotes else ""
    detail = f" (fired in {', '.join(fn.fired_in)})" if fn.fired_in else ""
    return f"  {fn.case}: {fn.rule}{where} — {fn.reason}{detail}"


def _table(report: EvalReport) -> list[str]:
    rows = [COLUMNS] + [
        (r.rule, r.code or "-", str(r.tp), str(r.fp), str(r.fn), str(r.allowed),
         f"{r.precision:.3f}", f"{r.recall:.3f}", f"{r.f1:.3f}")
        for r in report.ordered_rules()
    ]
    rows.append(("total", "", str(report.tp), str(report.fp), str(report.fn),
                 str(sum(r.allowed for r in report.rules.values())),
                 f"{report.precision:.3f}", f"{report.recall:.3f}", f"{report.f1:.3f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [cell.rjust(width) for cell, width in zip(row[2:], widths[2:])]
        lines.append("  ".join(cells).rstrip())
    return lines


def render_text(report: EvalReport) -> str:
    """The per-rule table, then false positives, false negatives, errors, notes and the summary line."""
    lines = _table(report)
    sections = (
        ("false positives", [_fp_line(fp) for fp in report.false_positives]),
        ("false negatives", [_fn_line(fn) for fn in report.false_negatives]),
        ("errors", [f"  {e.case}: {e.file + ': ' if e.file else ''}{e.code} {e.message}" for e in report.errors]),
    )
    for title, body in sections:
        if body:
            lines += ["", f"{title} ({len(body)}):", *body]
    if report.unknown_rules:
        lines += ["", "note: expected or allowed, but no rule of that name is loaded: " + ", ".join(report.unknown_rules)]
    lines += ["", summary_line(report)]
    return "\n".join(lines) + "\n"


def _round(value: float) -> float:
    return round(value, 4)


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
        "false_positives": [
            {"case": fp.case, "rule": fp.rule, "code": fp.code, "clause": fp.clause_label, "line": fp.line,
             "match": fp.match, "reason": fp.reason}
            for fp in report.false_positives
        ],
        "false_negatives": [
            {"case": fn.case, "rule": fn.rule, "quotes": list(fn.quotes), "fired_in": list(fn.fired_in),
             "reason": fn.reason}
            for fn in report.false_negatives
        ],
        "errors": [
            {"case": e.case, "code": e.code, "message": e.message, "file": e.file, "line": e.line}
            for e in report.errors
        ],
        "unknown_rules": list(report.unknown_rules),
    }
