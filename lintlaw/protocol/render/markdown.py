"""Markdown report (GitHub-flavoured tables; redline with ``<del>``/``<ins>``)."""

from __future__ import annotations

import html
from typing import Any

from lintlaw.protocol.redline import marked
from lintlaw.protocol.render.common import (
    CATEGORIES, PROPERTIES, STATUS_ORDER, article_label, clause_list, counts, definition_title, document_line,
    pair_label, show,
)


def cell(value: Any) -> str:
    return html.escape(show(value), quote=False).replace("|", "\\|").replace("\n", " ")


def redline_md(runs: list[dict[str, str]]) -> str:
    tags = {"delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>"), "equal": ("", "")}
    return "".join(marked(html.escape(run["text"], quote=False), *tags[run["op"]]) for run in runs)


def _definition(entry: dict[str, Any]) -> list[str]:
    lines = [f"### {definition_title(entry)}", "", f"> {cell(entry['clause']['text'])}", "",
             "| Element | Found | Missing | Extra |", "|---|---|---|---|"]
    for cat in CATEGORIES:
        t = entry[cat]
        lines.append(f"| {cat} | {cell(t['found'])} | {cell(t['missing'])} | {cell(t['extra'])} |")
    lines += ["", "| Property | This law |", "|---|---|"]
    lines += [f"| {label} | {cell(entry[key])} |" for key, label in PROPERTIES]
    if entry.get("consent_clause"):
        lines.append(f"| Consent clause | {cell(entry['consent_clause']['label'])} |")
    if entry.get("incorporates"):
        lines.append(f"| Uses | {cell([u['label'] for u in entry['incorporates']])} |")
    return lines + [""]


def _findings(findings: list[dict[str, Any]]) -> list[str]:
    if not findings:
        return ["None.", ""]
    lines = ["| Place | Rule | Severity | Message |", "|---|---|---|---|"]
    for f in findings:
        place = f'{f["file"]}:{f["line"]} ({f["clause"]["label"]})'
        lines.append(f"| {cell(place)} | {f['code']} {f['rule']} | {f['severity']} | {cell(f['message'])} |")
    return lines + [""]


def render_single(data: dict[str, Any]) -> str:
    doc, protocol = data["document"], data["protocol"]
    out = [f"# {cell(document_line(doc))} and the Palermo Protocol", "",
           f"`{doc['path']}` compared with {cell(protocol['title'])}.", "",
           "## Trafficking definitions and offences", ""]
    if not data["definitions"]:
        out += ["None found.", ""]
    for entry in data["definitions"]:
        out += _definition(entry)
    if data["redline"]:
        main = data["main_definition"]
        out += [f"## Redline: {protocol['label']} of the Protocol against {main['label']}", "",
                "<del>Only in the Protocol</del>, <ins>only in this law</ins>.", "",
                redline_md(data["redline"]), ""]
    out += ["## Protocol articles", "", "| Article | Verdict | Clauses (similarity) |", "|---|---|---|"]
    for a in data["articles"]:
        out.append(f"| {article_label(a['article'])} | {a['verdict']} | {cell(clause_list(a['clauses']))} |")
    out += ["", f"## Departures from the Protocol: {counts(data['findings'])}", ""]
    out += _findings(data["findings"])
    return "\n".join(out).rstrip() + "\n"


def render_against(data: dict[str, Any]) -> str:
    new, old = data["new"]["document"], data["old"]["document"]
    out = [f"# `{new['path']}` against `{old['path']}`", "", "## Changed clauses", ""]
    changed = [p for p in data["alignment"] if p["status"] in STATUS_ORDER]
    if not changed:
        out += ["No clause changed.", ""]
    for pair in changed:
        side = pair["new"] or pair["old"]
        out += [f"### {cell(pair_label(pair))} ({pair['status']})", ""]
        if pair["status"] == "modified":
            out.append(redline_md(pair["redline"]))
        elif pair["status"] == "renumbered":
            out.append(html.escape(side["text"], quote=False))
        else:
            tag = "ins" if pair["status"] == "added" else "del"
            out.append(f"<{tag}>{html.escape(side['text'], quote=False)}</{tag}>")
        out.append("")
    out += ["## Elements, old and new", ""]
    for row in data["elements"]:
        ref = row["new"] or row["old"]
        name = f'"{ref["term"]}"' if ref.get("term") else ref["kind"]
        out += [f"### {cell(name)}", "", "| | Old | New |", "|---|---|---|"]
        for key in (*CATEGORIES, *(k for k, _ in PROPERTIES)):
            before = cell(row["old"][key]) if row["old"] else "(none)"
            after = cell(row["new"][key]) if row["new"] else "(none)"
            out.append(f"| {key} | {before} | {after} |")
        out.append("")
    for title, key in (("Introduced by the new text", "introduced"), ("Removed by the new text", "resolved")):
        out += [f"## {title}: {counts(data[key])}", ""]
        out += [f"- {cell(c['change'])}: {cell(c['message'])}" for c in data[key]] or ["None."]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(data: dict[str, Any]) -> str:
    return render_against(data) if data.get("mode") == "against" else render_single(data)
