"""Helpers for the compare tests: hand-built clause trees and the corpus files they quote.

A row is ``(id, label, text, depth)`` or ``(id, label, text, depth, num)``; each row's text is
its own span, and rows that follow at a greater depth are its children. Rows with an empty id
are a tail: text after a list that belongs to the provision one level up.
"""

from __future__ import annotations

from pathlib import Path

from lintlaw.model import Clause, Document, Outline

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "corpus" / "reference"


def build(rows: list[tuple], path: str = "<test>", metadata: dict | None = None) -> Outline:
    text = ""
    spans = []
    for row in rows:
        cid, label, body, depth = row[:4]
        num = row[4] if len(row) > 4 else (label.rsplit("(", 1)[-1].rstrip(")") if label else None)
        start = len(text)
        text += body + "\n"
        spans.append((cid, label, start, start + len(body), depth, num))
    doc = Document(path=path, text=text, metadata=dict(metadata or {}))
    root = Clause(id="doc", label="", kind="document", start=0, end=len(text))
    stack = [root]
    for cid, label, start, end, depth, num in spans:
        while len(stack) > depth + 1:
            stack.pop()
        parent = stack[-1]
        if not cid:
            parent.own_spans.append((start, end))
            node = parent
            while node is not None:
                node.end = max(node.end, end)
                node = node.parent
            continue
        clause = Clause(id=cid, label=label, kind="clause", start=start, end=end, depth=depth, num=num,
                        own_spans=[(start, end)], parent=parent)
        parent.children.append(clause)
        node = parent
        while node is not None:
            node.end = max(node.end, end)
            node = node.parent
        stack.append(clause)
    return Outline(doc, root)


def by_term(comparison, term: str):
    return next(a for a in comparison.analyses if (a.site.term or "").lower() == term)
