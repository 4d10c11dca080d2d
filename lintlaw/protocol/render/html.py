"""Self-contained HTML report: one file, inline CSS, no scripts, no network URLs; works offline."""

from __future__ import annotations

from html import escape
from typing import Any

from lintlaw.protocol.redline import marked
from lintlaw.protocol.render.common import (
    CATEGORIES, PROPERTIES, STATUS_ORDER, article_label, counts, definition_title, document_line, pair_label, show,
)

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem}
body{color:#1d1d1f}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}.clause{background:#fafafa;border-left:4px solid #999;padding:.5rem .8rem;white-space:pre-wrap}
.redline{background:#fafafa;border:1px solid #ddd;padding:.8rem;line-height:1.8}
ins{background:#d4f5d4;color:#0a4d0a;text-decoration:none;border-bottom:2px solid #2a8a2a}
del{background:#fbd5d5;color:#7a0d0d}
.covered{color:#0a5d0a;font-weight:600}.partial{color:#8a5a00;font-weight:600}.absent{color:#9a1010;font-weight:600}
.error{color:#9a1010}.warning{color:#8a5a00}.info{color:#1d4f91}.muted{color:#666}
""".strip()


def _e(value: Any) -> str:
    return escape(show(value), quote=True)


def redline_html(runs: list[dict[str, str]]) -> str:
    tags = {"delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>"), "equal": ("", "")}
    return "".join(marked(escape(run["text"], quote=False), *tags[run["op"]]) for run in runs)


def _page(title: str, body: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def _definition(entry: dict[str, Any]) -> list[str]:
    rows = "".join(
        f"<tr><th>{cat}</th><td>{_e(entry[cat]['found'])}</td><td>{_e(entry[cat]['missing'])}</td>"
        f"<td>{_e(entry[cat]['extra'])}</td></tr>" for cat in CATEGORIES
    )
    props = "".join(f"<tr><th>{escape(label)}</th><td>{_e(entry[key])}</td></tr>" for key, label in PROPERTIES)
    if entry.get("consent_clause"):
        props += f"<tr><th>Consent clause</th><td>{_e(entry['consent_clause']['label'])}</td></tr>"
    return [
        f"<h3>{escape(definition_title(entry))}</h3>",
        f"<div class=\"clause\">{escape(entry['clause']['text'])}</div>",
        "<table class=\"elements\"><tr><th>Element</th><th>Found</th><th>Missing</th><th>Extra</th></tr>"
        f"{rows}</table>",
        f"<table class=\"properties\">{props}</table>",
    ]


def _articles(articles: list[dict[str, Any]]) -> list[str]:
    rows = []
    for a in articles:
        clauses = ", ".join(f"{escape(c['label'])} <span class=\"muted\">({c['score']:g})</span>"
                            for c in a["clauses"]) or "-"
        rows.append(f"<tr><th>{escape(article_label(a['article']))}</th><td>{escape(a['title'])}</td>"
                    f"<td class=\"{a['verdict']}\">{a['verdict']}</td><td>{clauses}</td></tr>")
    return ["<h2>Protocol articles</h2>",
            "<table class=\"articles\"><tr><th>Article</th><th>Subject</th><th>Verdict</th>"
            "<th>Clauses (similarity 0-100)</th></tr>" + "".join(rows) + "</table>"]


def _findings(findings: list[dict[str, Any]], title: str) -> list[str]:
    out = [f"<h2>{escape(title)}: {escape(counts(findings))}</h2>"]
    if not findings:
        return out + ["<p>None.</p>"]
    items = []
    for f in findings:
        change = f"<strong>{escape(f['change'])}</strong>: " if f.get("change") else ""
        items.append(f"<li>{change}<span class=\"{f['severity']}\">{escape(f['code'])} {escape(f['rule'])}</span> "
                     f"({escape(f['severity'])}) at {escape(f['clause']['label'] or f['file'])}, line {f['line']}: "
                     f"{escape(f['message'])}</li>")
    return out + ["<ul class=\"findings\">" + "".join(items) + "</ul>"]


def render_single(data: dict[str, Any]) -> str:
    doc, protocol = data["document"], data["protocol"]
    title = f"{document_line(doc)} and the Palermo Protocol"
    body = [f"<h1>{escape(title)}</h1>",
            f"<p class=\"muted\">{escape(doc['path'])} compared with {escape(protocol['title'])}.</p>",
            "<h2>Trafficking definitions and offences</h2>"]
    if not data["definitions"]:
        body.append("<p>None found.</p>")
    for entry in data["definitions"]:
        body.extend(_definition(entry))
    if data["redline"]:
        main = data["main_definition"]
        body += [f"<h2>Redline: {escape(protocol['label'])} of the Protocol against {escape(main['label'])}</h2>",
                 "<p><del>only in the Protocol</del> <ins>only in this law</ins></p>",
                 f"<div class=\"redline\">{redline_html(data['redline'])}</div>"]
    body += _articles(data["articles"])
    body += _findings(data["findings"], "Departures from the Protocol")
    return _page(title, body)


def render_against(data: dict[str, Any]) -> str:
    new, old = data["new"]["document"], data["old"]["document"]
    title = f"{new['path']} against {old['path']}"
    body = [f"<h1>{escape(title)}</h1>", "<h2>Changed clauses</h2>"]
    changed = [p for p in data["alignment"] if p["status"] in STATUS_ORDER]
    if not changed:
        body.append("<p>No clause changed.</p>")
    for pair in changed:
        side = pair["new"] or pair["old"]
        if pair["status"] == "modified":
            content = redline_html(pair["redline"])
        elif pair["status"] == "renumbered":
            content = escape(side["text"])
        else:
            tag = "ins" if pair["status"] == "added" else "del"
            content = f"<{tag}>{escape(side['text'])}</{tag}>"
        body += [f"<h3>{escape(pair_label(pair))} ({pair['status']})</h3>", f"<div class=\"redline\">{content}</div>"]
    body.append("<h2>Elements, old and new</h2>")
    for row in data["elements"]:
        ref = row["new"] or row["old"]
        name = f'"{ref["term"]}"' if ref.get("term") else ref["kind"]
        cells = "".join(
            f"<tr><th>{escape(key)}</th><td>{_e(row['old'][key]) if row['old'] else '(none)'}</td>"
            f"<td>{_e(row['new'][key]) if row['new'] else '(none)'}</td></tr>"
            for key in (*CATEGORIES, *(k for k, _ in PROPERTIES))
        )
        body += [f"<h3>{escape(name)}</h3>", f"<table><tr><th></th><th>Old</th><th>New</th></tr>{cells}</table>"]
    body += _findings(data["introduced"], "Introduced by the new text")
    body += _findings(data["resolved"], "Removed by the new text")
    return _page(title, body)


def render(data: dict[str, Any]) -> str:
    return render_against(data) if data.get("mode") == "against" else render_single(data)
