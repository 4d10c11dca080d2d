"""The summary chart: findings per rule as an inline SVG bar chart (no script, no external file)."""

from __future__ import annotations

import html

from lintlaw.report.common import RuleInfo

ROW = 26
LABEL_WIDTH = 330
BAR_WIDTH = 300
COUNT_WIDTH = 50


def bar_chart(rows: list[tuple[RuleInfo, int]]) -> str:
    """One bar per rule that fired, coloured by severity; each bar links to the rule's explanation."""
    if not rows:
        return '<p class="empty">No findings to chart.</p>'
    peak = max(count for _, count in rows)
    width = LABEL_WIDTH + BAR_WIDTH + COUNT_WIDTH
    height = ROW * len(rows) + 4
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="chart-title"><title id="chart-title">Findings per rule</title>'
    ]
    for i, (info, count) in enumerate(rows):
        y = i * ROW + 2
        bar = max(2, round(BAR_WIDTH * count / peak))
        label = html.escape(f"{info.code} {info.name}")
        parts.append(
            f'<a href="#rule-{html.escape(info.code)}" class="bar" data-rule="{html.escape(info.code)}">'
            f"<title>{label}: {count}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" class="bar-label">{label}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{bar}" height="{ROW - 8}" rx="3" '
            f'class="sev-{html.escape(info.severity)}"/>'
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{y + 17}" class="bar-count">{count}</text></a>'
        )
    parts.append("</svg>")
    return "".join(parts)
