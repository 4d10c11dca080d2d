"""Wording shared by the text, Markdown and HTML reports of ``compare``."""

from __future__ import annotations

from typing import Any

CATEGORIES = ("acts", "means", "purposes")
PROPERTIES = (
    ("means_required_for_adults", "Means required for adults"),
    ("consent", "Consent (Art. 3(b))"),
    ("child_age", "Child age (Art. 3(d))"),
    ("victims", "Victims"),
    ("purposes_limited_to_sexual", "Purposes limited to sexual exploitation"),
)
VERDICT_MARK = {"covered": "covered", "partial": "partial", "absent": "absent"}
STATUS_ORDER = ("modified", "renumbered", "added", "removed")


def show(value: Any) -> str:
    """A JSON value in words: yes/no, a dash for nothing, lists joined by commas."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "-"
    return str(value)


def article_label(key: str) -> str:
    return "Non-punishment" if key == "non-punishment" else f"Art. {key}"


def definition_title(entry: dict[str, Any]) -> str:
    clause = entry["clause"]
    if entry.get("kind") == "definition" and entry.get("term"):
        return f'{clause["label"]}: definition of "{entry["term"]}"'
    return f'{clause["label"]}: {entry.get("kind", "provision")}'


def clause_list(clauses: list[dict[str, Any]]) -> str:
    if not clauses:
        return "-"
    return ", ".join(f'{c["label"]} ({c["score"]:g})' for c in clauses)


def finding_line(f: dict[str, Any]) -> str:
    place = f'{f["clause"]["label"]}: ' if f["clause"].get("label") else ""
    match = " ".join(str(f.get("match", "")).split())
    if len(match) > 80:
        match = match[:79] + "…"
    return (f'{f["file"]}:{f["line"]}:{f["column"]}  {f["code"]}  {f["severity"]:<7}  {f["message"]}  '
            f'[{place}"{match}"]')


def counts(findings: list[dict[str, Any]]) -> str:
    n = len(findings)
    by = {s: sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info")}
    parts = ", ".join(f"{v} {k}{'s' if v != 1 else ''}" for k, v in by.items() if v)
    return f"{n} finding{'s' if n != 1 else ''}" + (f" ({parts})" if parts else "")


def pair_label(pair: dict[str, Any]) -> str:
    """``s. 4(2)``, or ``s. 4(2) -> s. 4(3)`` when the clause was renumbered."""
    new, old = pair.get("new"), pair.get("old")
    if new and old and new["label"] != old["label"]:
        return f'{old["label"]} -> {new["label"]}'
    return (new or old)["label"]


def document_line(doc: dict[str, Any]) -> str:
    extra = ", ".join(str(v) for v in (doc.get("jurisdiction"), doc.get("year")) if v)
    title = doc.get("title") or doc["path"]
    return f"{title}" + (f" ({extra})" if extra else "")
