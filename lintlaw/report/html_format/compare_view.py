"""The Protocol side by side, in words a reader outside the drafting office follows.

Takes the JSON report of ``lintlaw compare`` (``protocol``, ``definitions``, ``articles``,
``redline``). The Protocol's Art. 3(a) is quoted once; then each definition or offence of the law
is quoted with, in sentences, only what differs from the Protocol (a missing means, consent set
aside in every case, a narrower group of victims …) and a small table of the elements that
differ, naming them in the Protocol's own words. No field name or clause id of the JSON report
reaches the page.
"""

from __future__ import annotations

import html
from typing import Any

ELEMENTS = ("acts", "means", "purposes")
ELEMENT_NAMES = {"acts": "Acts", "means": "Means", "purposes": "Purpose"}
VERDICT_CLASS = {"covered": "verdict-ok", "full": "verdict-ok", "partial": "verdict-part", "absent": "verdict-bad"}
VERDICT_WORDS = {"covered": "Covered", "full": "Covered", "partial": "Partly covered", "absent": "Not addressed"}
KIND_WORDS = {"definition": "definition", "offence": "offence"}
VICTIM_WORDS = {
    "women": "women only", "children": "children only", "girls": "girls only",
    "women-and-children": "women and children only", "other": "a narrower group than all persons",
}
PROTOCOL_PURPOSES_BEYOND_SEX = "forced labour or services, slavery, servitude and the removal of organs"


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _label(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("text") or item.get("label") or item.get("id") or "")
    return str(item)


def value_html(value: Any) -> str:
    """Any JSON value as compact HTML (kept for callers that show other compare data)."""
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
        if "label" in value and "text" in value:
            return f"<strong>{esc(value['label'])}</strong> {esc(value['text'])}"
        rows = "".join(f"<tr><th>{esc(k.replace('_', ' '))}</th><td>{value_html(v)}</td></tr>" for k, v in value.items())
        return f"<table>{rows}</table>"
    return esc(value)


def _protocol_words(comparison: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Element id → the Protocol's words for it (``abuse-of-power`` → "the abuse of power")."""
    ref = comparison.get("protocol") if isinstance(comparison.get("protocol"), dict) else {}
    elements = (ref or {}).get("elements") or {}
    words: dict[str, dict[str, str]] = {}
    for key in ELEMENTS:
        words[key] = {str(i["id"]): str(i.get("text") or i["id"]) for i in elements.get(key) or []
                      if isinstance(i, dict) and "id" in i}
    return words


def _say(items: Any, words: dict[str, str]) -> str:
    names = [words.get(_label(i), _label(i).replace("-", " ")) for i in items or []]
    if not names:
        return "none"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _protocol_quote(comparison: dict[str, Any]) -> str:
    ref = comparison.get("protocol") or {}
    lead = ("<p>The Palermo Protocol makes trafficking three things together: an <em>act</em> "
            "(recruiting, moving, harbouring or receiving a person), a <em>means</em> (force, "
            "threat, deception, abuse of vulnerability …) and a <em>purpose</em> of exploitation. "
            "An adult's consent is irrelevant only where a means was used (Art. 3(b)); for a child "
            "no means is needed, and a child is anyone under eighteen (Art. 3(c), (d)).</p>")
    if isinstance(ref, dict) and ref.get("text"):
        label = ref.get("label") or "Art. 3(a)"
        return (f'{lead}<figure class="protocol-pane"><figcaption>Palermo Protocol, {esc(label)}</figcaption>'
                f'<blockquote class="clause-text">{esc(ref["text"])}</blockquote></figure>')
    return lead


def differences(entry: dict[str, Any], comparison: dict[str, Any]) -> list[str]:
    """What this provision does differently from the Protocol, one plain sentence each."""
    words = _protocol_words(comparison)
    said: list[str] = []
    means = entry.get("means") if isinstance(entry.get("means"), dict) else {}
    acts = entry.get("acts") if isinstance(entry.get("acts"), dict) else {}
    purposes = entry.get("purposes") if isinstance(entry.get("purposes"), dict) else {}
    if means and not means.get("found"):
        said.append("It names none of the means the Protocol requires, such as force, threat, deception or "
                    "abuse of a position of vulnerability: helping an adult who agrees can count as trafficking.")
    elif entry.get("means_required_for_adults") is False:
        said.append("It does not require a means for adults: force, deception or abuse of vulnerability "
                    "need not be proved.")
    if entry.get("consent") == "unscoped":
        clause = entry.get("consent_clause") or {}
        where = f" ({esc(clause['label'])})" if isinstance(clause, dict) and clause.get("label") else ""
        said.append(f"Consent is set aside in every case{where}, not only where force, deception or another "
                    "means was used, as Art. 3(b) says.")
    if purposes and not purposes.get("found"):
        extra = purposes.get("extra") or []
        instead = f"; it speaks of {esc(_say(extra, {}))} instead" if extra else ""
        said.append(f"It names no purpose of exploitation{instead}.")
    if entry.get("purposes_limited_to_sexual"):
        said.append(f"It covers sexual purposes only; the Protocol also covers {PROTOCOL_PURPOSES_BEYOND_SEX}.")
    victims = entry.get("victims")
    if victims and victims != "persons":
        said.append(f"It protects {esc(VICTIM_WORDS.get(str(victims), str(victims)))}; the Protocol protects "
                    "every person.")
    age = entry.get("child_age")
    if isinstance(age, int) and age != 18:
        said.append(f"It treats as a child only a person under {age}; the Protocol says under eighteen "
                    "(Art. 3(d)).")
    if acts and acts.get("missing") and acts.get("found"):
        said.append(f"Of the Protocol's acts it leaves out {esc(_say(acts['missing'], words['acts']))}.")
    return said


def _elements_table(entry: dict[str, Any], comparison: dict[str, Any]) -> str:
    """Only the elements where the law differs: what the Protocol lists, what the law has."""
    words = _protocol_words(comparison)
    rows = []
    for key in ELEMENTS:
        value = entry.get(key)
        if not isinstance(value, dict) or not (value.get("missing") or value.get("extra")):
            continue
        has = list(value.get("found") or []) + list(value.get("extra") or [])
        lacks = value.get("missing") or []
        css = ' class="verdict-bad"' if lacks and not value.get("found") else ""
        rows.append(
            f'<tr><th scope="row">{ELEMENT_NAMES[key]}</th>'
            f'<td data-label="This law has">{esc(_say(has, words[key]))}</td>'
            f'<td data-label="It lacks"{css}>{esc(_say(lacks, words[key]))}</td></tr>'
        )
    if not rows:
        return ""
    return ('<table class="elements reflow"><thead><tr><th>Element</th><th>This law has</th>'
            f'<th>It lacks, of what the Protocol lists</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _definition(entry: dict[str, Any], comparison: dict[str, Any], seen: dict[str, str]) -> str:
    """One provision: its text, then what differs, or a pointer to a provision that differs alike."""
    clause = entry.get("clause") or {}
    label = clause.get("label") or "A provision"
    kind = KIND_WORDS.get(str(entry.get("kind") or ""), "")
    said = differences(entry, comparison)
    if said:
        body = '<ul class="differences">' + "".join(f"<li>{s}</li>" for s in said) + "</ul>"
    else:
        body = '<p class="verdict-ok">It matches the Protocol\'s definition on every element compared.</p>'
    body += _elements_table(entry, comparison)
    if said and body in seen:
        body = f'<p class="same-as">It differs from the Protocol in the same ways as {esc(seen[body])}.</p>'
    else:
        seen.setdefault(body, label)
    return (
        f'<article class="provision"><div class="law-pane"><h4>This law: {esc(label)}'
        f'{" — " + kind if kind else ""}</h4>'
        f'<blockquote class="clause-text">{esc(clause.get("text", ""))}</blockquote></div>{body}</article>'
    )


def _article(number: Any) -> str:
    """``Art. 9(5)`` for a numbered article; other keys (``non-punishment``) in words."""
    text = str(number)
    return f"Art. {text}" if text[:1].isdigit() else text.replace("-", " ")


def _articles(articles: list[Any]) -> str:
    rows = []
    for a in articles:
        if not isinstance(a, dict) or "article" not in a:
            continue
        verdict = str(a.get("verdict", ""))
        topics = a.get("topics") if isinstance(a.get("topics"), dict) else {}
        present = [k.replace("_", " ").replace("-", " ") for k, v in topics.items() if v]
        absent = [k.replace("_", " ").replace("-", " ") for k, v in topics.items() if not v]
        detail = ""
        if present and absent:
            detail = f"Has: {', '.join(present)}. Lacks: {', '.join(absent)}."
        elif absent and verdict != "absent":
            detail = f"Lacks: {', '.join(absent)}."
        labels = [str(c.get("label") or "") if isinstance(c, dict) else str(c) for c in a.get("clauses") or []]
        labels = [label for label in labels if label]
        clauses = esc(", ".join(labels)) if labels else '<span class="empty">none</span>'
        rows.append(
            f'<tr><th scope="row">{esc(_article(a["article"]))}</th><td data-label="Subject">{esc(a.get("title", ""))}</td>'
            f'<td data-label="In this law" class="{VERDICT_CLASS.get(verdict, "")}">'
            f'{esc(VERDICT_WORDS.get(verdict, verdict))}{" — " + esc(detail) if detail else ""}</td>'
            f'<td data-label="Where">{clauses}</td></tr>'
        )
    if not rows:
        return ""
    return (
        "<h3>The Protocol's other articles</h3><p>Which of the Protocol's articles this law takes up, "
        'and where.</p><table class="articles reflow"><thead><tr><th>Article</th><th>Subject</th>'
        f"<th>In this law</th><th>Where</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _redline(redline: Any) -> str:
    if not isinstance(redline, list) or not all(isinstance(op, dict) and "text" in op for op in redline):
        return ""
    tags = {"insert": "ins", "ins": "ins", "delete": "del", "del": "del"}
    parts = []
    for op in redline:
        tag = tags.get(str(op.get("op") or op.get("kind") or ""))
        text = esc(op["text"])
        parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return (
        '<details class="redline-box"><summary>Word by word: from the Protocol\'s definition to this '
        'law\'s</summary><p class="legend">Struck through: the Protocol\'s words the law leaves out. '
        f'Underlined: the law\'s own words.</p><pre class="redline">{"".join(parts)}</pre></details>'
    )


def render_comparison(comparison: dict[str, Any]) -> str:
    """The comparison section's inner HTML."""
    definitions = [d for d in comparison.get("definitions") or [] if isinstance(d, dict)]
    parts = [_protocol_quote(comparison)]
    if definitions:
        parts.append("<h3>How this law's provisions differ</h3>")
        seen: dict[str, str] = {}
        parts += [_definition(d, comparison, seen) for d in definitions]
    else:
        parts.append('<p class="empty">The comparison found no trafficking definition or offence in this law.</p>')
    parts.append(_redline(comparison.get("redline")))
    parts.append(_articles(comparison.get("articles") or []))
    return "\n".join(p for p in parts if p)
