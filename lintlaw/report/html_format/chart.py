"""The summary chart: findings per rule as HTML bars (no script, no image), one row per rule.

Each row names the rule by its title, in words, and wraps on a narrow screen, so the chart stays
readable on a phone; each bar links to the rule's explanation.
"""

from __future__ import annotations

import html

from lintlaw.report.common import RuleInfo

STANCE_WORDS = {"protocol": "departs from the Protocol", "contested": "contested pattern", "meta": "housekeeping"}


def bar_chart(rows: list[tuple[RuleInfo, int]]) -> str:
    """One bar per rule that fired, coloured by severity, longest first."""
    if not rows:
        return '<p class="empty">No findings to chart.</p>'
    peak = max(count for _, count in rows)
    items = []
    for info, count in sorted(rows, key=lambda row: (-row[1], row[0].code)):
        code = html.escape(info.code)
        share = max(4, round(100 * count / peak))
        title = html.escape(info.title or info.short)
        items.append(
            f'<li><a href="#rule-{code}" class="bar" data-rule="{code}">'
            f'<span class="bar-label">{title} <small>{html.escape(STANCE_WORDS.get(info.stance, info.stance))}'
            f"</small></span>"
            f'<span class="bar-track"><span class="bar-fill sev-{html.escape(info.severity)}" '
            f'style="width: {share}%"></span><span class="bar-count">{count}</span></span></a></li>'
        )
    return f'<ol class="chart" aria-label="Findings per rule">{"".join(items)}</ol>'
