"""The advocates' report: one self-contained HTML file, readable offline and without JavaScript.

It shows each law's text with flagged clauses shaded and matched words marked, every finding
with its rationale, basis (Protocol or contested) and sources, a chart of findings per rule,
filters (which need JavaScript), and, when ``compare`` has run, the Protocol side by side.
CSS and script are inlined and a Content-Security-Policy forbids loading anything, so the file
can be mailed to a ministry and opened anywhere.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from lintlaw.model import SEVERITY_RANK, Document, Finding, LintResult
from lintlaw.report.common import (
    RuleInfo,
    plural,
    relative_uri,
    report_rules,
    rule_info,
    ruleset_version,
    severity_counts,
    tool_version,
)
from lintlaw.report.html_format.cards import STANCE_SHORT, esc, finding_card, rule_card
from lintlaw.report.html_format.chart import bar_chart
from lintlaw.report.html_format.compare_view import render_comparison
from lintlaw.report.html_format.textview import render_text

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _stats(result: LintResult, suppressed: int) -> str:
    cards = [f'<div class="stat"><b>{len(result.findings)}</b>findings</div>']
    for severity, n in severity_counts(result.findings).items():
        cards.append(f'<div class="stat sev-{severity}"><b>{n}</b>{esc(severity)}</div>')
    stances = Counter(f.stance for f in result.findings)
    for stance in sorted(stances):
        cards.append(f'<div class="stat"><b>{stances[stance]}</b>{esc(STANCE_SHORT.get(stance, stance))} basis</div>')
    cards.append(f'<div class="stat"><b>{len(result.files)}</b>{"file" if len(result.files) == 1 else "files"}</div>')
    if suppressed:
        cards.append(f'<div class="stat"><b>{suppressed}</b>suppressed</div>')
    return f'<div class="stats">{"".join(cards)}</div>'


def _checkbox(name: str, value: str, label: str, count: int) -> str:
    return (
        f'<label><input type="checkbox" name="{esc(name)}" value="{esc(value)}" checked> '
        f"{esc(label)} <small>({count})</small></label>"
    )


def _filters(findings: list[Finding], rules: dict[str, RuleInfo]) -> str:
    sev = Counter(f.severity for f in findings)
    stance = Counter(f.stance for f in findings)
    rule = Counter(f.code for f in findings)
    severities = sorted(sev, key=lambda s: -SEVERITY_RANK.get(s, 0))

    def buttons(group: str) -> str:
        return (
            f'<button type="button" data-group="{group}" data-set="all">all</button>'
            f'<button type="button" data-group="{group}" data-set="none">none</button>'
        )

    return (
        '<noscript><p class="noscript">Filters need JavaScript; every finding is shown.</p></noscript>'
        '<form id="filters" hidden aria-label="Filter findings">'
        f'<fieldset class="severities"><legend>Severity {buttons("severity")}</legend>'
        + "".join(_checkbox("severity", s, s, sev[s]) for s in severities)
        + f'</fieldset><fieldset class="stances"><legend>Basis {buttons("stance")}</legend>'
        + "".join(_checkbox("stance", s, STANCE_SHORT.get(s, s), stance[s]) for s in sorted(stance))
        + f'</fieldset><fieldset class="rules"><legend>Rule {buttons("rule")}</legend>'
        + "".join(_checkbox("rule", c, rules[c].label, rule[c]) for c in sorted(rule))
        + '</fieldset><output id="shown" aria-live="polite"></output></form>'
    )


def _document_section(
    index: int,
    path: str,
    document: Document | None,
    findings: list[tuple[str, Finding]],
    ruleset: Any,
    root: Path | None,
) -> str:
    prefix = f"d{index}"
    title = (document.title if document else None) or relative_uri(path, root)
    meta = [relative_uri(path, root)]
    if document is not None:
        for key in ("jurisdiction", "year"):
            if document.metadata.get(key):
                meta.append(str(document.metadata[key]))
        meta.append(f"language {document.language}")
    count = plural(len(findings), "finding")
    cards = "\n".join(
        finding_card(fid, f, rule_info(ruleset, f), f"{prefix}-L{f.line}" if document else None)
        for fid, f in findings
    )
    cards = cards or '<p class="empty">No findings in this document.</p>'
    if document is not None:
        law = f'<div class="law" role="region" aria-label="Text of {esc(title)}">{render_text(document, findings, prefix)}</div>'
        if findings:
            body = f'<div class="doc-grid">{law}<div class="doc-findings">{cards}</div></div>'
        else:  # a clean law stays folded so the flagged ones are easy to find
            body = f'<details class="law-toggle"><summary>Show the text (no findings)</summary>{law}</details>'
    else:
        body = f'<div class="doc-findings">{cards}</div>'
    return (
        f'<section class="document" id="doc-{index}"><h2>{esc(title)}</h2>'
        f'<p class="doc-meta">{esc(" · ".join(meta))} · <span class="doc-count">{count}</span></p>{body}</section>'
    )


def _suppressed_section(items: list[Any], root: Path | None) -> str:
    rows = "".join(
        f"<tr><td>{esc(relative_uri(s.finding.file, root))}:{s.finding.line}</td>"
        f"<td>{esc(s.finding.code)} {esc(s.finding.rule)}</td><td>{esc(s.finding.clause_label)}</td>"
        f"<td>{esc(s.reason or 'no reason given')}</td><td>{esc(s.source)}</td></tr>"
        for s in sorted(items, key=lambda s: s.finding.sort_key())
    )
    return (
        '<section id="suppressed"><h2>Suppressed findings</h2><p>The drafters accepted these findings '
        "and recorded why.</p><table><tr><th>Where</th><th>Rule</th><th>Clause</th><th>Reason</th>"
        f"<th>Suppressed by</th></tr>{rows}</table></section>"
    )


def render(
    result: LintResult,
    ruleset: Any,
    *,
    documents: dict[str, Document] | None = None,
    root: Path | None = None,
    comparison: dict[str, Any] | None = None,
    title: str | None = None,
    **_: Any,
) -> str:
    """The whole report as one HTML page."""
    documents = documents or {}
    findings = sorted(result.findings, key=Finding.sort_key)
    ids = [(f"f{i}", f) for i, f in enumerate(findings, start=1)]
    suppressed = list(result.suppressed)
    infos = {info.code: info for info in report_rules(ruleset, findings)}
    fired = Counter(f.code for f in findings)

    paths = list(dict.fromkeys([f.path for f in result.files] + [f.file for f in findings]))
    sections = []
    for index, path in enumerate(paths):
        mine = [(fid, f) for fid, f in ids if f.file == path]
        sections.append(_document_section(index, path, documents.get(path), mine, ruleset, root))

    if title is None:
        titles = [d.title for d in documents.values() if d.title]
        title = f"lintlaw report: {titles[0]}" if len(titles) == 1 else "lintlaw report"
    headline = f"{plural(len(findings), 'finding')} in {plural(len(paths), 'document')}"
    version = ruleset_version(ruleset)
    sub = f"{headline} · lintlaw {tool_version()}" + (f" · rule pack {version}" if version else "")

    chart_rows = [(infos[code], fired[code]) for code in sorted(fired)]
    toc = ['<a href="#summary">Summary</a>', '<a href="#documents">Documents</a>']
    extra = []
    if suppressed:
        toc.append('<a href="#suppressed">Suppressed</a>')
        extra.append(_suppressed_section(suppressed, root))
    if result.errors:
        toc.append('<a href="#errors">Not read</a>')
        items = "".join(f"<li>{esc(str(e))}</li>" for e in result.errors)
        extra.append(f'<section id="errors"><h2>Files not read</h2><ul>{items}</ul></section>')
    if comparison:
        toc.append('<a href="#protocol">Protocol side by side</a>')
        extra.append(
            '<section id="protocol"><h2>Compared with the Palermo Protocol</h2>'
            f"{render_comparison(comparison)}</section>"
        )
    toc.append('<a href="#rules">Rules</a>')
    rules_html = "".join(rule_card(infos[code], fired[code]) for code in sorted(fired))
    rules_html = rules_html or '<p class="empty">No rule fired.</p>'

    body = [
        f'<header class="top"><h1>{esc(title)}</h1><p class="sub">{esc(sub)}</p></header>',
        f'<nav class="toc">{"".join(toc)}</nav><main>',
        f'<section id="summary"><h2>Summary</h2>{_stats(result, len(suppressed))}'
        f'<figure><figcaption>Findings per rule</figcaption>{bar_chart(chart_rows)}</figure></section>',
        f'<section id="filter-section"><h2>Filter</h2>{_filters(findings, infos)}</section>' if findings else "",
        f'<section id="documents">{"".join(sections)}</section>',
        *extra,
        f'<section id="rules"><h2>Why these findings: the rules</h2>{rules_html}</section>',
        "</main>",
        f"<footer>Generated by lintlaw {esc(tool_version())}. Findings marked <em>Protocol</em> depart "
        "from the UN Palermo Protocol; findings marked <em>Contested</em> report a pattern the Protocol "
        "does not forbid but rights-based bodies criticise.</footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="lintlaw">\n'
        f"<title>{esc(title)}</title>\n<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + f"\n<script>\n{_asset('report.js')}</script>\n</body>\n</html>\n"
    )
