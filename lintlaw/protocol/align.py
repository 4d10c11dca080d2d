"""Align the clauses of two versions of a law (or of two laws) and redline each aligned pair.

The units are clauses with text of their own (a section's chapeau, a paragraph, an item).
Pairs are chosen greedily by a score that is mostly the rapidfuzz ``ratio`` of the two own
texts (numbering left out) and partly the agreement of their labels, so a renumbered but
unchanged paragraph still finds its counterpart (status ``renumbered``), and an inserted
paragraph is reported as added rather than as a change to its neighbour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from lintlaw.model import Clause, Outline
from lintlaw.protocol.redline import Run, redline

TEXT_WEIGHT = 0.85
MIN_TEXT_SCORE = 55.0  # below this two clauses are not the same provision, whatever their labels


@dataclass
class Unit:
    """A clause and its own text (the text not inside its children)."""

    clause: Clause
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.clause.id, "label": self.clause.label, "text": self.text}


@dataclass
class Pair:
    """An aligned pair (both sides), an added clause (``old`` is None) or a removed one (``new`` is None)."""

    status: str  # unchanged | renumbered | modified | added | removed
    new: Unit | None
    old: Unit | None
    score: float = 0.0
    runs: list[Run] = field(default_factory=list)

    @property
    def label(self) -> str:
        unit = self.new or self.old
        return unit.clause.label if unit else ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "status": self.status,
            "score": self.score,
            "new": self.new.to_dict() if self.new else None,
            "old": self.old.to_dict() if self.old else None,
        }
        if self.status == "modified":
            data["redline"] = [r.to_dict() for r in self.runs]
        return data


def units(outline: Outline) -> list[Unit]:
    """Clauses with text of their own, in text order (the root's own text is left out)."""
    text = outline.document.text
    result = []
    for clause in outline.clauses():
        pieces, cursor = [], clause.start
        for child in clause.children:
            if child.start > cursor:
                pieces.append(text[cursor:child.start])
            cursor = max(cursor, child.end)
        pieces.append(text[cursor:clause.end])
        own = " ".join(" ".join(pieces).split())
        if own:
            result.append(Unit(clause, own))
    return result


_NUMBERING = re.compile(r"^(?:\s*(?:\(\w{1,6}(?:\.\d+)?\)|\w{1,6}(?:\.\d+)*[.)](?=\s)|[-\u2022*]|\u00a7+))+\s*")


def _key(text: str) -> str:
    """Text compared when aligning: lower case, single spaces, leading numbering left out."""
    return " ".join(_NUMBERING.sub("", text).lower().split())


def align(new: Outline, old: Outline) -> list[Pair]:
    """Every unit of both outlines, paired where they correspond, in the new text's order."""
    new_units, old_units = units(new), units(old)
    matrix = cdist([_key(u.text) for u in new_units], [_key(u.text) for u in old_units],
                   scorer=fuzz.ratio, workers=1) if new_units and old_units else []
    candidates = []
    for i, nu in enumerate(new_units):
        for j, ou in enumerate(old_units):
            text_score = float(matrix[i][j])
            if text_score < MIN_TEXT_SCORE:
                continue
            label_score = 100.0 if nu.clause.label == ou.clause.label else fuzz.ratio(nu.clause.label, ou.clause.label)
            combined = TEXT_WEIGHT * text_score + (1 - TEXT_WEIGHT) * label_score
            candidates.append((-combined, i, j, text_score))
    candidates.sort()
    new_pair: dict[int, tuple[int, float]] = {}
    old_taken: set[int] = set()
    for _, i, j, text_score in candidates:
        if i in new_pair or j in old_taken:
            continue
        new_pair[i] = (j, text_score)
        old_taken.add(j)
    pairs: list[Pair] = []
    emitted: set[int] = set()
    for i, nu in enumerate(new_units):
        if i in new_pair:
            j, text_score = new_pair[i]
            for k in range(j):
                if k not in old_taken and k not in emitted:
                    pairs.append(Pair("removed", None, old_units[k]))
                    emitted.add(k)
            ou = old_units[j]
            same = _key(nu.text) == _key(ou.text)
            runs = [] if same else redline(ou.text, nu.text)
            status = "modified" if not same else "unchanged" if nu.clause.label == ou.clause.label else "renumbered"
            pairs.append(Pair(status, nu, ou, round(text_score, 1), runs))
        else:
            pairs.append(Pair("added", nu, None))
    for k, ou in enumerate(old_units):
        if k not in old_taken and k not in emitted:
            pairs.append(Pair("removed", None, ou))
    return pairs


def unit_of(outline: Outline, clause_id: str, offset: int, unit_ids: set[str]) -> str | None:
    """The id of the unit a finding belongs to: its clause, or the nearest ancestor that is a unit."""
    clause = outline.get(clause_id) if clause_id else None
    if clause is None:
        if not clause_id:
            return None
        clause = outline.leaf_at(offset)
    node: Clause | None = clause
    while node is not None:
        if node.id in unit_ids:
            return node.id
        node = node.parent
    return None
