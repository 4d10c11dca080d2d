"""The advocates' report: one self-contained HTML file, readable offline and without JavaScript.

It shows each law's text with flagged clauses shaded and matched words marked, every finding
with its rationale, basis (Protocol or contested) and sources, a chart of findings per rule,
filters (which need JavaScript), and, when ``compare`` has run, the Protocol side by side.
CSS and script are inlined and a Content-Security-Policy forbids loading anything, so the file
can be mailed to a ministry and opened anywhere.
"""

from __future__ import annotations

import bisect
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
from lintlaw.report.html_format.textview import clause_lines, render_rows, render_text

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _verdict(findings: list[Finding]) -> str:
    """The first sentence: how many departures from the Protocol, how many contested patterns."""
    if not findings:
        return "lintlaw found nothing to report: no departure from the Palermo Protocol and no contested pattern."
    stances = Counter(f.stance for f in findings)
    parts = []
    if stances.get("protocol"):
        parts.append(f"departs from the UN Palermo Protocol in {plural(stances['protocol'], 'place')}")
    if stances.get("contested"):
        parts.append(f"contains {plural(stances['contested'], 'contested pattern')} that rights-based bodies "
                     "criticise but the Protocol does not forbid")
    other = len(findings) - stances.get("protocol", 0) - stances.get("contested", 0)
    if other:
        parts.append(f"has {plural(other, 'other finding')}")
    return "This law " + " and ".join(parts) + "."


def _seriousness(findings: list[Finding]) -> str:
    counts = severity_counts(findings)
    words = {"error": "serious (errors)", "warning": "to review (warnings)", "info": "for information"}
    said = [f'<span class="sev-word sev-{esc(s)}">{n} {words.get(s, s)}</span>' for s, n in counts.items() if n]
    return f'<p class="seriousness">How serious: {", ".join(said)}.</p>' if said else ""


def _first_findings(ids: list[tuple[str, Finding]], infos: dict[str, RuleInfo], limit: int = 3) -> str:
    if not ids:
        return ""
    items = "".join(
        f'<li><a href="#{esc(fid)}"><span class="sev sev-{esc(f.severity)}">{esc(f.severity)}</span> '
        f"{esc(f.clause_label or f'line {f.line}')}: {esc(infos[f.code].title or infos[f.code].short)}</a></li>"
        for fid, f in ids[:limit]
    )
    more = f" <small>(of {len(ids)})</small>" if len(ids) > limit else ""
    return f'<h3>First findings{more}</h3><ol class="first-findings">{items}</ol>'


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
        + "".join(_checkbox("rule", c, rules[c].title or rules[c].short, rule[c]) for c in sorted(rule))
        + '</fieldset><output id="shown" aria-live="polite"></output></form>'
    )


def _segments(document: Document, findings: list[tuple[str, Finding]], cards: dict[str, str], prefix: str) -> str:
    """The law's lines cut where a flagged clause starts; each clause's cards stand beside it."""
    rows = render_rows(document, findings, prefix)
    starts = clause_lines(document, findings)
    numbers = [number for number, _ in rows]
    at: dict[int, list[str]] = {}
    for fid, _ in findings:  # a clause starting off the shown lines goes with the line before it
        line = starts.get(fid, 0)
        where = bisect.bisect_right(numbers, line) - 1
        at.setdefault(numbers[max(0, where)] if numbers else 0, []).append(fid)
    out: list[tuple[list[str], list[str]]] = []
    for number, row in rows:
        if number in at or not out:
            out.append(([], [cards[fid] for fid in at.get(number, [])]))
        out[-1][0].append(row)
    if not rows:
        out.append(([], [cards[fid] for fid, _ in findings]))
    return "\n".join(
        f'<div class="seg{" flagged-seg" if seg_cards else ""}"><div class="seg-text">{"".join(seg_rows)}</div>'
        f'<div class="seg-cards">{"".join(seg_cards)}</div></div>'
        for seg_rows, seg_cards in out
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
    cards = {
        fid: finding_card(fid, f, rule_info(ruleset, f), f"{prefix}-L{f.line}" if document else None)
        for fid, f in findings
    }
    if document is not None and findings:
        body = (f'<div class="law" role="region" aria-label="Text of {esc(title)}, with its findings">'
                f"{_segments(document, findings, cards, prefix)}</div>")
    elif document is not None:  # a clean law stays folded so the flagged ones are easy to find
        law = f'<div class="law" role="region" aria-label="Text of {esc(title)}">{render_text(document, [], prefix)}</div>'
        body = f'<details class="law-toggle"><summary>Show the text (no findings)</summary>{law}</details>'
    else:
        body = f'<div class="doc-findings">{"".join(cards.values())}</div>' if cards else ""
        body = body or '<p class="empty">No findings in this document.</p>'
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
    version = ruleset_version(ruleset)

    chart_rows = [(infos[code], fired[code]) for code in sorted(fired)]
    toc = ['<a href="#summary">Summary</a>', '<a href="#documents">The text and its findings</a>']
    extra = []
    if suppressed:
        toc.append('<a href="#suppressed">Suppressed</a>')
        extra.append(_suppressed_section(suppressed, root))
    if result.errors:
        toc.append('<a href="#errors">Not read</a>')
        items = "".join(f"<li>{esc(str(e))}</li>" for e in result.errors)
        extra.append(f'<section id="errors"><h2>Files not read</h2><ul>{items}</ul></section>')
    if comparison:
        toc.append('<a href="#protocol">Compared with the Protocol</a>')
        extra.append(
            '<section id="protocol"><h2>Compared with the Palermo Protocol</h2>'
            f"{render_comparison(comparison)}</section>"
        )
    toc.append('<a href="#rules">The rules</a>')
    rules_html = "".join(rule_card(infos[code], fired[code]) for code in sorted(fired))
    rules_html = rules_html or '<p class="empty">No rule fired.</p>'
    scope = f"{plural(len(paths), 'document')} read" + (f", {len(suppressed)} findings suppressed" if suppressed else "")

    body = [
        f'<header class="top"><h1>{esc(title)}</h1></header>',
        f'<nav class="toc">{"".join(toc)}</nav><main>',
        f'<section id="summary"><p class="verdict">{esc(_verdict(findings))}</p>{_seriousness(findings)}'
        f'<h3>What it does</h3>{bar_chart(chart_rows)}{_first_findings(ids, infos)}'
        f'<p class="scope">{esc(scope)}.</p></section>',
        f'<section id="filter-section" aria-label="Filter findings">{_filters(findings, infos)}</section>' if findings else "",
        f'<section id="documents">{"".join(sections)}</section>',
        *extra,
        f'<section id="rules"><h2>Why these findings: the rules</h2>{rules_html}</section>',
        "</main>",
        f"<footer><p>Findings marked <em>Protocol</em> depart from the UN Palermo Protocol; findings marked "
        "<em>Contested</em> report a pattern the Protocol does not forbid but rights-based bodies criticise.</p>"
        f'<p class="versions">Generated by lintlaw {esc(tool_version())}'
        + (f" · rule pack {esc(version)}" if version else "") + "</p></footer>",
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
