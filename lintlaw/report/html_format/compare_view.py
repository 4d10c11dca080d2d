"""The Protocol side by side: the law's definitions next to the Protocol, element by element.

Takes the JSON report of ``lintlaw compare`` (a dict). Keys this view knows — ``definitions``
(each with ``clause`` and per-element results), ``articles`` and ``redline`` — get their own
layout; anything else in an entry is shown as a plain table, so a richer compare report still
renders without changes here.
"""

from __future__ import annotations

import html
from typing import Any

ELEMENTS = ("acts", "means", "purposes", "consent", "child_age")
PROTOCOL_DEFAULT_LABEL = "Palermo Protocol, Art. 3"


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def value_html(value: Any) -> str:
    """Any JSON value as compact HTML."""
    if value is None:
        return '<span class="empty">—</span>'
    if isinstance(value, bool):
        return '<span class="verdict-ok">yes</span>' if value else '<span class="verdict-bad">no</span>'
    if isinstance(value, (list, tuple)):
        if not value:
            return '<span class="empty">none</span>'
        if all(not isinstance(v, (dict, list)) for v in value):
            return esc(", ".join(str(v) for v in value))
        return "<ul>" + "".join(f"<li>{value_html(v)}</li>" for v in value) + "</ul>"
    if isinstance(value, dict):
        if set(value) >= {"label", "text"} and len(value) <= 3:
            return f"<strong>{esc(value['label'])}</strong> {esc(value['text'])}"
        rows = "".join(f"<tr><th>{esc(k)}</th><td>{value_html(v)}</td></tr>" for k, v in value.items())
        return f"<table>{rows}</table>"
    return esc(value)


def _protocol_pane(entry: dict[str, Any], comparison: dict[str, Any]) -> str:
    ref = entry.get("protocol") or comparison.get("protocol") or {}
    if isinstance(ref, dict) and ref.get("text"):
        label = ref.get("label") or PROTOCOL_DEFAULT_LABEL
        return f'<h4>{esc(label)}</h4><div class="clause-text">{esc(ref["text"])}</div>'
    return (
        f"<h4>{PROTOCOL_DEFAULT_LABEL}</h4><p>Trafficking requires an <em>act</em>, a <em>means</em> "
        "and a <em>purpose</em> of exploitation (Art. 3(a)); consent is irrelevant only where a "
        "means was used (Art. 3(b)); for a child no means is needed (Art. 3(c)); a child is "
        "under eighteen (Art. 3(d)).</p>"
    )


def _definition(entry: dict[str, Any], comparison: dict[str, Any]) -> str:
    clause = entry.get("clause") or {}
    label = clause.get("label") or clause.get("id") or "Definition"
    left = f'<h4>This law: {esc(label)}</h4><div class="clause-text">{esc(clause.get("text", ""))}</div>'
    order = {key: i for i, key in enumerate(ELEMENTS)}
    keys = sorted((k for k in entry if k not in ("clause", "protocol")), key=lambda k: order.get(k, len(order)))
    rows = []
    for key in keys:
        value = entry[key]
        rows.append(f"<tr><th>{esc(key.replace('_', ' '))}</th><td>{value_html(value)}</td></tr>")
    table = f'<table class="elements"><tr><th>Element</th><th>In this law</th></tr>{"".join(rows)}</table>'
    return (
        f'<div class="side-by-side"><div class="pane law-pane">{left}</div>'
        f'<div class="pane protocol-pane">{_protocol_pane(entry, comparison)}</div></div>{table}'
    )


def _articles(articles: list[Any]) -> str:
    if not articles:
        return ""
    if all(isinstance(a, dict) for a in articles):
        keys = list(dict.fromkeys(k for a in articles for k in a))
        head = "".join(f"<th>{esc(k.replace('_', ' '))}</th>" for k in keys)
        body = "".join(
            "<tr>" + "".join(f"<td>{value_html(a.get(k))}</td>" for k in keys) + "</tr>" for a in articles
        )
        return f"<h3>Protocol articles</h3><table class=\"articles\"><tr>{head}</tr>{body}</table>"
    return f"<h3>Protocol articles</h3>{value_html(articles)}"


def _redline(redline: Any) -> str:
    if not redline:
        return ""
    if isinstance(redline, str):
        return f'<h3>Redline against the Protocol</h3><pre class="redline">{esc(redline)}</pre>'
    if isinstance(redline, list) and all(isinstance(op, dict) and "text" in op for op in redline):
        tags = {"insert": "ins", "ins": "ins", "delete": "del", "del": "del"}
        parts = []
        for op in redline:
            tag = tags.get(str(op.get("op") or op.get("kind") or ""))
            text = esc(op["text"])
            parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
        return f'<h3>Redline against the Protocol</h3><pre class="redline">{"".join(parts)}</pre>'
    return f"<h3>Redline against the Protocol</h3>{value_html(redline)}"


def render_comparison(comparison: dict[str, Any]) -> str:
    """The comparison section's inner HTML."""
    definitions = comparison.get("definitions") or []
    parts = [_definition(d, comparison) for d in definitions if isinstance(d, dict)]
    if not parts:
        parts.append('<p class="empty">The comparison found no trafficking definition in this law.</p>')
    parts.append(_articles(comparison.get("articles") or []))
    parts.append(_redline(comparison.get("redline")))
    known = {"definitions", "articles", "redline", "protocol", "findings", "schema_version", "file", "files"}
    rest = {k: v for k, v in comparison.items() if k not in known}
    if rest:
        parts.append(f"<h3>Other results</h3>{value_html(rest)}")
    return "\n".join(p for p in parts if p)
