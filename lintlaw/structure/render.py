"""An outline as plain data or as an indented text tree (for ``lintlaw outline`` and golden tests).

Pure functions: they build strings and dicts, they never print.
"""

from __future__ import annotations

from typing import Any

from lintlaw.model import Clause, Outline
from lintlaw.structure.provisions import provision_details

SCHEMA_VERSION = 2
SNIPPET = 70


def clause_text(outline: Outline, clause: Clause) -> str:
    """The clause's own words on one line (chapeau and tail; children excluded)."""
    return " ".join(outline.own_text(clause).split())


def lines_of(outline: Outline, clause: Clause) -> tuple[int, int]:
    """1-based first and last line of the clause's span."""
    position = outline.document.position
    return position(clause.start)[0], position(max(clause.start, clause.end - 1))[0]


def clause_dict(outline: Outline, clause: Clause, depth: int | None = None,
                types: bool = True) -> dict[str, Any]:
    """The clause and (down to ``depth`` levels below the root) its children, as JSON-ready data.

    With ``types``, each clause carries its provision ``type`` (and, for a definition, its
    ``definiens``; for an offence, its ``penalty`` formula).
    """
    line, end_line = lines_of(outline, clause)
    data: dict[str, Any] = {
        "id": clause.id,
        "label": clause.label,
        "kind": clause.kind,
        "num": clause.num,
        "heading": clause.heading,
        "term": clause.term,
        "line": line,
        "end_line": end_line,
        "text": clause_text(outline, clause),
    }
    if types and clause is not outline.root:
        data.update(provision_details(outline, clause))
    if depth is None or clause.depth < depth:
        data["children"] = [clause_dict(outline, c, depth, types) for c in clause.children]
    else:
        data["children"] = []
    return data


def outline_dict(outline: Outline, tradition: str | None = None,
                 depth: int | None = None, types: bool = True) -> dict[str, Any]:
    """One file's outline: path, language, tradition and the clause tree under ``outline``
    (``types=False`` leaves out provision types: the structure alone, as golden files pin it)."""
    document = outline.document
    return {
        "path": document.path,
        "language": document.language,
        "tradition": tradition,
        "clauses": sum(1 for _ in outline.clauses()),
        "outline": clause_dict(outline, outline.root, depth, types),
    }


def outline_text(outline: Outline, depth: int | None = None, width: int = SNIPPET) -> str:
    """One line per clause, indented by depth: label, kind, provision type, id, line, start of its own text."""
    rows = []
    for clause in outline.clauses():
        if depth is not None and clause.depth > depth:
            continue
        line, _ = lines_of(outline, clause)
        words = clause_text(outline, clause)
        if not words and clause.heading and clause.heading != clause.label:
            words = f"[{clause.heading}]"
        if len(words) > width:
            words = words[: width - 1].rstrip() + "…"
        label = clause.label or "-"
        if clause.heading and words and not words.startswith("[") and clause.heading != label:
            label = f"{label} [{_short(clause.heading)}]"
        rows.append(f"{'  ' * (clause.depth - 1)}{label}  {clause.kind}  {clause.provision}  {clause.id}  L{line}"
                    + (f"  {words}" if words else ""))
    return "\n".join(rows) + ("\n" if rows else "")


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
