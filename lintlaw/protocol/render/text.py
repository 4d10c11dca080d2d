"""Terminal report: element tables, redline in ``[-deleted-]{+inserted+}`` notation, articles, findings."""

from __future__ import annotations

import textwrap
from typing import Any

from lintlaw.protocol.redline import marked
from lintlaw.protocol.render.common import (
    CATEGORIES, PROPERTIES, STATUS_ORDER, article_label, clause_list, counts, definition_title, document_line,
    finding_line, pair_label, show,
)

WIDTH = 100


def redline_text(runs: list[dict[str, str]]) -> str:
    marks = {"delete": ("[-", "-]"), "insert": ("{+", "+}"), "equal": ("", "")}
    return "".join(marked(r["text"], *marks[r["op"]]) for r in runs)


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def _definition(entry: dict[str, Any]) -> list[str]:
    lines = [f"  {definition_title(entry)}"]
    for cat in CATEGORIES:
        table = entry[cat]
        lines.append(f"    {cat:<9} found: {show(table['found'])}; missing: {show(table['missing'])}; "
                     f"extra: {show(table['extra'])}")
    for key, label in PROPERTIES:
        lines.append(f"    {label}: {show(entry[key])}")
    if entry.get("consent_clause"):
        lines.append(f"    Consent clause: {entry['consent_clause']['label']}")
    if entry.get("incorporates"):
        used = ", ".join(f'{u["label"]} ("{u["term"]}")' if u.get("term") else u["label"]
                         for u in entry["incorporates"])
        lines.append(f"    Uses: {used}")
    return lines


def _articles(articles: list[dict[str, Any]]) -> list[str]:
    lines = ["Protocol articles (score: similarity to the article, 0-100)"]
    for a in articles:
        lines.append(f"  {article_label(a['article']):<15} {a['verdict']:<8} {clause_list(a['clauses'])}")
    return lines


def render_single(data: dict[str, Any]) -> str:
    doc, protocol = data["document"], data["protocol"]
    out = [f"lintlaw compare: {doc['path']} against the Palermo Protocol", f"Document: {document_line(doc)}", ""]
    out.append("Trafficking definitions and offences")
    if not data["definitions"]:
        out.append("  none found")
    for entry in data["definitions"]:
        out.extend(_definition(entry))
        out.append("")
    if data["redline"]:
        main = data["main_definition"]
        out.append(f"Redline: {protocol['label']} of the Protocol -> {main['label']} of this law "
                   "([-only in the Protocol-] {+only in this law+})")
        out.extend(_wrap(redline_text(data["redline"])))
        out.append("")
    out.extend(_articles(data["articles"]))
    out.append("")
    out.extend(_findings(data["findings"], "Departures from the Protocol"))
    return "\n".join(out).rstrip() + "\n"


def _findings(findings: list[dict[str, Any]], title: str) -> list[str]:
    lines = [f"{title}: {counts(findings)}"]
    lines.extend(f"  {finding_line(f)}" for f in findings)
    return lines


def render_against(data: dict[str, Any]) -> str:
    new, old = data["new"]["document"], data["old"]["document"]
    out = [f"lintlaw compare: {new['path']} against {old['path']}", ""]
    tally = {s: sum(1 for p in data["alignment"] if p["status"] == s) for s in ("unchanged", *STATUS_ORDER)}
    out.append("Clauses: " + ", ".join(f"{v} {k}" for k, v in tally.items()))
    for pair in data["alignment"]:
        if pair["status"] == "unchanged":
            continue
        side = pair["new"] or pair["old"]
        out.append(f"  {pair['status']}: {pair_label(pair)}")
        if pair["status"] == "modified":
            out.extend(_wrap(redline_text(pair["redline"]), "    "))
        elif pair["status"] in ("added", "removed"):
            marks = ("{+", "+}") if pair["status"] == "added" else ("[-", "-]")
            out.extend(_wrap(marked(side["text"], *marks), "    "))
    out.append("")
    out.append("Elements (old -> new)")
    for row in data["elements"]:
        out.extend(_element_row(row))
    out.append("")
    out.extend(_changes(data["introduced"], "Introduced by the new text"))
    out.extend(_changes(data["resolved"], "Removed by the new text"))
    return "\n".join(out).rstrip() + "\n"


def _element_row(row: dict[str, Any]) -> list[str]:
    new, old = row["new"], row["old"]
    ref = new or old
    name = f'"{ref["term"]}"' if ref.get("term") else ref["kind"]
    labels = " -> ".join(x["clause"]["label"] if x else "(none)" for x in (old, new))
    lines = [f"  {name} ({labels})"]
    for key in (*CATEGORIES, *(k for k, _ in PROPERTIES)):
        before = show(old[key]) if old else "(none)"
        after = show(new[key]) if new else "(none)"
        mark = "" if before == after else "   <- changed"
        lines.append(f"    {key:<27} {before} -> {after}{mark}")
    return lines


def _changes(changes: list[dict[str, Any]], title: str) -> list[str]:
    lines = [f"{title}: {counts(changes)}"]
    for c in changes:
        lines.append(f"  {c['change']}: {finding_line(c)}")
    lines.append("")
    return lines


def render(data: dict[str, Any]) -> str:
    return render_against(data) if data.get("mode") == "against" else render_single(data)
