"""Word automatic numbering: the labels ("1.", "(a)", "2.1") Word draws but does not store as text.

A paragraph is numbered by ``w:numPr`` (``numId`` + level), directly or through its style. The
numbering part defines per level a format (decimal, letters, roman, bullet) and a template such as
``(%2)``. Counters are kept per ``numId``; numbering a level resets the deeper ones, as Word does.
Rarer features (legal numbering, restart rules, ``numStyleLink``) are not modelled.
"""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn

from lintlaw.ingest.lines import counter

_FORMATS = {
    "decimal": "1", "lowerLetter": "a", "upperLetter": "A", "lowerRoman": "i", "upperRoman": "I",
}
_PLACEHOLDER = re.compile(r"%([1-9])")
_W_VAL = qn("w:val")


class _Level:
    def __init__(self, fmt: str, template: str, start: int) -> None:
        self.fmt, self.template, self.start = fmt, template, start


class Numbering:
    """Renders the label of each numbered paragraph, in document order."""

    def __init__(self, numbering_xml: Any, styles_xml: Any) -> None:
        self._levels = _levels(numbering_xml) if numbering_xml is not None else {}
        self._styles = _style_numbering(styles_xml) if styles_xml is not None else {}
        self._counters: dict[str, dict[int, int]] = {}

    def label(self, paragraph: Any) -> str:
        """The label for paragraph element ``w:p`` ("" when it is not numbered)."""
        num_id, ilvl = self._num_pr(paragraph)
        levels = self._levels.get(num_id) if num_id else None
        if not levels or ilvl not in levels:
            return ""
        counts = self._counters.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else levels[ilvl].start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        level = levels[ilvl]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return "•"

        def value(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            at = levels.get(k)
            if at is None:
                return ""
            return counter(counts.get(k, at.start), _FORMATS.get(at.fmt, "1"))

        return _PLACEHOLDER.sub(value, level.template).strip()

    def _num_pr(self, paragraph: Any) -> tuple[str | None, int]:
        ppr = paragraph.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr.find(qn("w:numId")))
            ilvl = _int(_val(num_pr.find(qn("w:ilvl"))), 0)
            return (num_id if num_id not in (None, "0") else None), ilvl
        style = _val(ppr.find(qn("w:pStyle"))) if ppr is not None else None
        return self._styles.get(style or "", (None, 0))


def _levels(numbering: Any) -> dict[str, dict[int, _Level]]:
    abstract: dict[str, dict[int, _Level]] = {}
    for node in numbering.iterchildren(qn("w:abstractNum")):
        abstract[node.get(qn("w:abstractNumId")) or ""] = _level_map(node)
    nums: dict[str, dict[int, _Level]] = {}
    for node in numbering.iterchildren(qn("w:num")):
        levels = dict(abstract.get(_val(node.find(qn("w:abstractNumId"))) or "", {}))
        for override in node.iterchildren(qn("w:lvlOverride")):
            ilvl = _int(override.get(qn("w:ilvl")), 0)
            replaced = _level_map(override).get(ilvl)
            if replaced is not None:
                levels[ilvl] = replaced
            start = _val(override.find(qn("w:startOverride")))
            if start is not None and ilvl in levels:
                old = levels[ilvl]
                levels[ilvl] = _Level(old.fmt, old.template, _int(start, old.start))
        nums[node.get(qn("w:numId")) or ""] = levels
    return nums


def _level_map(node: Any) -> dict[int, _Level]:
    found: dict[int, _Level] = {}
    for lvl in node.iterchildren(qn("w:lvl")):
        found[_int(lvl.get(qn("w:ilvl")), 0)] = _Level(
            _val(lvl.find(qn("w:numFmt"))) or "decimal",
            _val(lvl.find(qn("w:lvlText"))) or "",
            _int(_val(lvl.find(qn("w:start"))), 1),
        )
    return found


def _style_numbering(styles: Any) -> dict[str, tuple[str | None, int]]:
    """Style id → (numId, level), following ``basedOn`` a few steps."""
    direct: dict[str, tuple[str | None, int] | None] = {}
    based: dict[str, str] = {}
    for style in styles.iterchildren(qn("w:style")):
        sid = style.get(qn("w:styleId")) or ""
        parent = _val(style.find(qn("w:basedOn")))
        if parent:
            based[sid] = parent
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num_id = _val(num_pr.find(qn("w:numId")))
            direct[sid] = (num_id if num_id != "0" else None, _int(_val(num_pr.find(qn("w:ilvl"))), 0))
    resolved: dict[str, tuple[str | None, int]] = {}
    for sid in set(direct) | set(based):
        current: str | None = sid
        for _ in range(10):
            if current is None or current in direct:
                break
            current = based.get(current)
        if current is not None and direct.get(current):
            resolved[sid] = direct[current]  # type: ignore[assignment]
    return resolved


def _val(node: Any) -> str | None:
    return node.get(_W_VAL) if node is not None else None


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
