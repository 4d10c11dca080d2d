"""Finding cards and rule explanations: what each finding says, why, on what basis, and from where."""

from __future__ import annotations

import html
from typing import Any

from lintlaw.model import Finding
from lintlaw.report import markup
from lintlaw.report.common import RuleInfo, format_source
from lintlaw.sourcelinks import source_url

STANCE_SHORT = {"protocol": "Protocol", "contested": "Contested", "meta": "lintlaw"}


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def stance_badge(stance: str, label: str) -> str:
    short = STANCE_SHORT.get(stance, stance)
    return f'<span class="stance stance-{esc(stance)}" title="{esc(label)}">{esc(short)}</span>'


def sources_html(info: RuleInfo) -> str:
    if not info.sources:
        return ""
    items = []
    for source in info.sources:
        text = esc(format_source(source))
        url = source_url(source)
        if url.startswith(("https://", "http://")):
            text = f'<a href="{esc(url)}" rel="noreferrer">{text}</a>'
        items.append(f"<li>{text}</li>")
    return f'<ul class="sources">{"".join(items)}</ul>'


def finding_card(fid: str, finding: Finding, info: RuleInfo, line_anchor: str | None) -> str:
    """One finding as an ``article`` carrying the data attributes the filters read."""
    where = ", ".join(
        part
        for part in (
            finding.clause_label,
            f"line {finding.line}, column {finding.column}",
            f"page {finding.page}" if finding.page is not None else "",
        )
        if part
    )
    where_html = f'<a href="#{esc(line_anchor)}">{esc(where)}</a>' if line_anchor else esc(where)
    parts = [
        f'<article class="finding sev-{esc(finding.severity)}" id="{esc(fid)}" '
        f'data-severity="{esc(finding.severity)}" data-rule="{esc(finding.code)}" '
        f'data-stance="{esc(finding.stance)}">',
        '<header class="finding-head">'
        f'<span class="sev sev-{esc(finding.severity)}">{esc(finding.severity)}</span> '
        f'<a class="rule-ref" href="#rule-{esc(finding.code)}">{esc(info.title or info.short)}</a> '
        f"{stance_badge(finding.stance, info.stance_label)}</header>",
        f'<p class="where">{where_html}</p>',
        f'<p class="message">{esc(finding.message)}</p>',
    ]
    if finding.match:
        parts.append(f'<blockquote class="match">{esc(finding.match)}</blockquote>')
    if finding.frame:
        parts.append(f'<p class="frame"><strong>Read as:</strong> {esc(finding.frame)}</p>')
    if finding.suggestion:
        parts.append(f'<p class="suggestion"><strong>Suggested wording:</strong> {esc(finding.suggestion)}</p>')
    parts.append(f'<p class="basis"><strong>Basis:</strong> {esc(info.stance_label)}. '
                 f'<span class="code">{esc(info.label)}</span></p>')
    rationale = markup.to_html(info.description, heading_offset=2) if info.description else ""
    if rationale or info.sources:
        parts.append(
            '<details class="why"><summary>Why this is flagged</summary>'
            f"{rationale}{'<h4>Sources</h4>' + sources_html(info) if info.sources else ''}"
            f"{doc_link(info)}</details>"
        )
    parts.append("</article>")
    return "\n".join(parts)


def doc_link(info: RuleInfo) -> str:
    """A link to the rule's documentation page (``docs/rules/<code>.md`` of the release)."""
    if not info.help_url.startswith("https://"):
        return ""
    return f'<p class="doc-link"><a href="{esc(info.help_url)}" rel="noreferrer">The rule\'s page: {esc(info.label)}</a></p>'


def rule_card(info: RuleInfo, count: int) -> str:
    """A rule's full explanation, linked from its findings and from the chart."""
    facts = (f"{esc(info.label)} · {esc(info.severity)} · {stance_badge(info.stance, info.stance_label)} · "
             f"precision {esc(info.precision)}")
    body = markup.to_html(info.description, heading_offset=2) if info.description else f"<p>{esc(info.message)}</p>"
    sources = f"<h4>Sources</h4>{sources_html(info)}" if info.sources else ""
    return (
        f'<section class="rule-card" id="rule-{esc(info.code)}" data-rule="{esc(info.code)}">'
        f"<h3>{esc(info.title or info.short)}</h3>"
        f'<p class="facts">{count} finding{"s" if count != 1 else ""} · {facts}</p>'
        f'<details class="rule-body"><summary>What it flags, why it matters, better drafting, sources</summary>'
        f"{body}{sources}{doc_link(info)}</details></section>"
    )
