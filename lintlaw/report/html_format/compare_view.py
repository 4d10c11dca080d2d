"""The Protocol side by side: the law's definitions next to the Protocol, element by element.

Takes the JSON report of ``lintlaw compare`` (a dict with ``protocol``, ``definitions``,
``articles`` and ``redline``). Each definition or offence is shown beside the Protocol's
Art. 3(a), with a table of acts, means and purposes (what the Protocol lists, what the law has,
what it lacks, what it adds) and the other facts compare reports (consent scope, child age …).
Keys this view does not know are shown as plain tables, so a richer compare report still renders.
"""

from __future__ import annotations

import html
from typing import Any

ELEMENTS = ("acts", "means", "purposes")
SKIP = {"clause", "protocol", *ELEMENTS}
VERDICT_CLASS = {"covered": "verdict-ok", "full": "verdict-ok", "partial": "verdict-part", "absent": "verdict-bad"}


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _label(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("text") or item.get("label") or item.get("id") or "")
    return str(item)


def value_html(value: Any) -> str:
    """Any JSON value as compact HTML."""
    if value is None:
        return '<span class="empty">—</span>'
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        if not value:
            return '<span class="empty">none</span>'
        if all(not isinstance(v, (dict, list)) for v in value):
            return esc(", ".join(str(v) for v in value))
        return "<ul>" + "".join(f"<li>{value_html(v)}</li>" for v in value) + "</ul>"
    if isinstance(value, dict):
        if "label" in value and "text" in value and set(value) <= {"id", "label", "text"}:
            return f"<strong>{esc(value['label'])}</strong> {esc(value['text'])}"
        rows = "".join(f"<tr><th>{esc(k.replace('_', ' '))}</th><td>{value_html(v)}</td></tr>" for k, v in value.items())
        return f"<table>{rows}</table>"
    return esc(value)


def _names(items: Any, texts: dict[str, str] | None = None) -> str:
    """Element names, with ids (``abuse-of-power``) replaced by the Protocol's words where known."""
    if not items:
        return '<span class="empty">none</span>'
    texts = texts or {}
    return esc(", ".join(texts.get(_label(i), _label(i)) for i in items))


def _protocol_pane(comparison: dict[str, Any]) -> str:
    ref = comparison.get("protocol") or {}
    if isinstance(ref, dict) and ref.get("text"):
        label = ref.get("label") or "Art. 3(a)"
        return f'<h4>Palermo Protocol, {esc(label)}</h4><div class="clause-text">{esc(ref["text"])}</div>'
    return (
        "<h4>Palermo Protocol, Art. 3</h4><p>Trafficking requires an <em>act</em>, a <em>means</em> "
        "and a <em>purpose</em> of exploitation (Art. 3(a)); consent is irrelevant only where a "
        "means was used (Art. 3(b)); for a child no means is needed (Art. 3(c)); a child is "
        "under eighteen (Art. 3(d)).</p>"
    )


def _elements_table(entry: dict[str, Any], comparison: dict[str, Any]) -> str:
    reference = ((comparison.get("protocol") or {}).get("elements") or {}) if isinstance(
        comparison.get("protocol"), dict
    ) else {}
    rows = []
    for key in ELEMENTS:
        if key not in entry:
            continue
        value = entry[key]
        if isinstance(value, dict) and {"found", "missing"} <= set(value):
            listed = reference.get(key) or []
            texts = {str(i["id"]): str(i.get("text") or i["id"]) for i in listed if isinstance(i, dict) and "id" in i}
            missing = value.get("missing") or []
            css = ' class="verdict-bad"' if missing and not value.get("found") else ""
            rows.append(
                f"<tr><th>{esc(key)}</th><td>{_names(listed)}</td>"
                f"<td>{_names(value.get('found'), texts)}</td><td{css}>{_names(missing, texts)}</td>"
                f"<td>{_names(value.get('extra'), texts)}</td></tr>"
            )
        else:
            rows.append(f'<tr><th>{esc(key)}</th><td colspan="4">{value_html(value)}</td></tr>')
    if not rows:
        return ""
    return (
        '<table class="elements"><tr><th>Element</th><th>Protocol lists</th><th>This law has</th>'
        f"<th>This law lacks</th><th>Beyond the Protocol</th></tr>{''.join(rows)}</table>"
    )


def _definition(entry: dict[str, Any], comparison: dict[str, Any]) -> str:
    clause = entry.get("clause") or {}
    label = clause.get("label") or clause.get("id") or "Definition"
    kind = f" ({esc(entry['kind'])})" if entry.get("kind") else ""
    left = f'<h4>This law: {esc(label)}{kind}</h4><div class="clause-text">{esc(clause.get("text", ""))}</div>'
    facts = "".join(
        f"<tr><th>{esc(k.replace('_', ' '))}</th><td>{value_html(v)}</td></tr>"
        for k, v in entry.items()
        if k not in SKIP and k != "kind"
    )
    facts_table = f'<table class="law-facts">{facts}</table>' if facts else ""
    return (
        f'<div class="side-by-side"><div class="pane law-pane">{left}</div>'
        f'<div class="pane protocol-pane">{_protocol_pane(comparison)}</div></div>'
        f"{_elements_table(entry, comparison)}{facts_table}"
    )


def _article(number: Any) -> str:
    """``Art. 9(5)`` for a numbered article; other keys (``non-punishment``) as they are."""
    text = str(number)
    return f"Art. {text}" if text[:1].isdigit() else text


def _articles(articles: list[Any]) -> str:
    if not articles:
        return ""
    if not all(isinstance(a, dict) and "article" in a for a in articles):
        return f"<h3>Protocol articles</h3>{value_html(articles)}"
    rows = []
    for a in articles:
        verdict = str(a.get("verdict", ""))
        topics = a.get("topics") or {}
        topic_text = ", ".join(f"{k} {'✓' if v else '✗'}" for k, v in topics.items()) if isinstance(topics, dict) else ""
        labels = [str(c.get("label") or c.get("id")) if isinstance(c, dict) else str(c) for c in a.get("clauses") or []]
        clauses = esc(", ".join(labels)) if labels else '<span class="empty">none</span>'
        rows.append(
            f"<tr><td>{esc(_article(a['article']))}</td><td>{esc(a.get('title', ''))}</td>"
            f'<td class="{VERDICT_CLASS.get(verdict, "")}">{esc(verdict)}</td><td>{esc(topic_text)}</td>'
            f"<td>{clauses}</td></tr>"
        )
    return (
        '<h3>Protocol articles</h3><table class="articles"><tr><th>Article</th><th>Subject</th>'
        f"<th>Verdict</th><th>Topics</th><th>Clauses of this law</th></tr>{''.join(rows)}</table>"
    )


def _redline(redline: Any) -> str:
    if not redline:
        return ""
    head = "<h3>Redline: from the Protocol's definition to this law's</h3>"
    if isinstance(redline, str):
        return f'{head}<pre class="redline">{esc(redline)}</pre>'
    if isinstance(redline, list) and all(isinstance(op, dict) and "text" in op for op in redline):
        tags = {"insert": "ins", "ins": "ins", "delete": "del", "del": "del"}
        parts = []
        for op in redline:
            tag = tags.get(str(op.get("op") or op.get("kind") or ""))
            text = esc(op["text"])
            parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
        return (
            f'{head}<p class="legend">Struck: Protocol words the law leaves out. Underlined: the '
            f'law\'s own words.</p><pre class="redline">{"".join(parts)}</pre>'
        )
    return f"{head}{value_html(redline)}"


def render_comparison(comparison: dict[str, Any]) -> str:
    """The comparison section's inner HTML."""
    definitions = comparison.get("definitions") or []
    parts = [_definition(d, comparison) for d in definitions if isinstance(d, dict)]
    if not parts:
        parts.append('<p class="empty">The comparison found no trafficking definition or offence in this law.</p>')
    parts.append(_articles(comparison.get("articles") or []))
    parts.append(_redline(comparison.get("redline")))
    known = {"definitions", "articles", "redline", "protocol", "findings", "schema_version", "document",
             "main_definition", "file", "files"}
    rest = {k: v for k, v in comparison.items() if k not in known}
    if rest:
        parts.append(f"<h3>Other results</h3>{value_html(rest)}")
    return "\n".join(p for p in parts if p)
