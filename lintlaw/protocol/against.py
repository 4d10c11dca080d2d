"""``compare NEW --against OLD``: two laws, or two versions of one, side by side.

Each side is compared with the Protocol and linted with the rule pack; the clauses are aligned
(:mod:`.align`); the element tables are paired by defined term or by aligned clause; and a
finding of one side is *introduced* (or *resolved*) when the other side has no finding of the
same rule in the aligned clause ("this amendment introduces consent-irrelevant-for-adults in
s. 4(2)").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lintlaw.model import Finding
from lintlaw.protocol.align import Pair, align, unit_of
from lintlaw.protocol.analysis import Analysis
from lintlaw.protocol.compare import SCHEMA_VERSION, Comparison, element_summary


@dataclass
class Side:
    """One law: its comparison with the Protocol and every finding (check and compare)."""

    comparison: Comparison
    findings: list[Finding]

    def to_dict(self) -> dict[str, Any]:
        data = self.comparison.to_dict()
        data.pop("schema_version")
        data.pop("protocol")
        data["findings"] = [f.to_dict() for f in self.findings]
        return data


@dataclass
class Change:
    """A finding one side has and the other lacks, with the clause it sits in."""

    finding: Finding
    pair: Pair | None

    def describe(self, verb: str) -> str:
        return f"{verb} {self.finding.rule} in {self.finding.clause_label or 'the document'}"

    def to_dict(self, verb: str) -> dict[str, Any]:
        data = self.finding.to_dict()
        data["change"] = self.describe(verb)
        data["status"] = self.pair.status if self.pair else None
        return data


@dataclass
class LawComparison:
    new: Side
    old: Side
    pairs: list[Pair]
    elements: list[dict[str, Any]]
    introduced: list[Change]
    resolved: list[Change]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "mode": "against",
            "protocol": self.new.comparison.protocol_dict(),
            "new": self.new.to_dict(),
            "old": self.old.to_dict(),
            "alignment": [p.to_dict() for p in self.pairs],
            "elements": self.elements,
            "introduced": [c.to_dict("introduces") for c in self.introduced],
            "resolved": [c.to_dict("removes") for c in self.resolved],
        }


def _pair_keys(pairs: list[Pair]) -> tuple[dict[str, int], dict[str, int]]:
    new_ids = {p.new.clause.id: i for i, p in enumerate(pairs) if p.new}
    old_ids = {p.old.clause.id: i for i, p in enumerate(pairs) if p.old}
    return new_ids, old_ids


def _keyed(side: Side, ids: dict[str, int]) -> list[tuple[tuple[str, int | None], Finding]]:
    outline = side.comparison.outline
    keyed = []
    for finding in side.findings:
        unit = unit_of(outline, finding.clause_id, finding.start, set(ids))
        keyed.append(((finding.rule, ids[unit] if unit is not None else None), finding))
    return keyed


def _changes(pairs: list[Pair], new: Side, old: Side) -> tuple[list[Change], list[Change]]:
    new_ids, old_ids = _pair_keys(pairs)
    new_keyed, old_keyed = _keyed(new, new_ids), _keyed(old, old_ids)
    new_keys = {k for k, _ in new_keyed}
    old_keys = {k for k, _ in old_keyed}
    return _unique(pairs, new_keyed, old_keys), _unique(pairs, old_keyed, new_keys)


def _unique(pairs: list[Pair], keyed: list[tuple[tuple[str, int | None], Finding]],
            other: set[tuple[str, int | None]]) -> list[Change]:
    """One change per rule and aligned clause (check and compare may both report it), in order."""
    seen: set[tuple[str, int | None]] = set()
    changes = []
    for key, finding in sorted(keyed, key=lambda kf: kf[1].sort_key()):
        if key in other or key in seen:
            continue
        seen.add(key)
        changes.append(Change(finding, pairs[key[1]] if key[1] is not None else None))
    return changes


def _row(a: Analysis | None, comparison: Comparison | None) -> dict[str, Any] | None:
    if a is None or comparison is None:
        return None
    return {"clause": {"id": a.clause.id, "label": a.clause.label}, "kind": a.site.kind, "term": a.site.term,
            **element_summary(a)}


def _element_rows(pairs: list[Pair], new: Comparison, old: Comparison) -> list[dict[str, Any]]:
    """Definitions and offences of both sides, matched by term or by aligned clause."""
    by_new_clause = {p.new.clause.id: p.old.clause.id for p in pairs if p.new and p.old}
    rows, used = [], set()
    for a in new.analyses:
        match = None
        for b in old.analyses:
            if id(b) in used:
                continue
            same_term = a.site.term and b.site.term and a.site.term.lower() == b.site.term.lower()
            same_clause = by_new_clause.get(a.clause.id) == b.clause.id
            if same_term or (a.site.kind == b.site.kind and same_clause):
                match = b
                break
        if match is not None:
            used.add(id(match))
        rows.append({"new": _row(a, new), "old": _row(match, old)})
    rows.extend({"new": None, "old": _row(b, old)} for b in old.analyses if id(b) not in used)
    return rows


def compare_laws(new: Side, old: Side) -> LawComparison:
    """Align two compared and linted laws and list the findings each has that the other lacks."""
    pairs = align(new.comparison.outline, old.comparison.outline)
    introduced, resolved = _changes(pairs, new, old)
    elements = _element_rows(pairs, new.comparison, old.comparison)
    return LawComparison(new, old, pairs, elements, introduced, resolved)
