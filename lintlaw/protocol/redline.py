"""Word-level redline between two texts: what one must delete from and insert into the first
to get the second.

Words are compared case-insensitively with quotes and dashes folded, so "Harbouring" and
"harbouring" are equal, while the rendered runs keep each side's own spelling and spacing.
Punctuation marks are tokens of their own, so a changed comma does not mark the word before it.
Each run carries the space before it, so concatenating the ``equal`` and ``insert`` runs gives
the new text's words and the ``equal`` and ``delete`` runs the old one's, spaced as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from lintlaw.ingest.normalize import normalize

_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+(?:[-'\u2019]\w+)*|[^\w\s]")
OPS = ("equal", "delete", "insert")


@dataclass(frozen=True)
class Run:
    """A run of the redline: ``equal``, ``delete`` (only in the old text) or ``insert`` (only in the new)."""

    op: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    return normalize(token).lower()


def _slice(text: str, tokens: list[tuple[str, int, int]], i: int, j: int) -> str:
    """Tokens ``i``..``j`` as written, white space inside collapsed."""
    return _SPACE.sub(" ", text[tokens[i][1]:tokens[j - 1][2]])


def _spaced(text: str, tokens: list[tuple[str, int, int]], i: int) -> bool:
    """Whether white space comes before token ``i`` (not before the first token)."""
    return 0 < i < len(tokens) and text[tokens[i - 1][2]:tokens[i][1]] != ""


def redline(old: str, new: str) -> list[Run]:
    """The runs that turn ``old`` into ``new``; a replacement is a deletion then an insertion.

    A run starts with a space where either text has one before it (and an insertion after a
    deletion always does), so the runs read naturally when concatenated.
    """
    a, b = _tokens(old), _tokens(new)
    matcher = SequenceMatcher(None, [_key(t[0]) for t in a], [_key(t[0]) for t in b], autojunk=False)
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            lead = _spaced(old, a, i1) or _spaced(new, b, j1)
            runs.append(Run("equal", " " * lead + _slice(new, b, j1, j2)))
            continue
        if i2 > i1:
            runs.append(Run("delete", " " * _spaced(old, a, i1) + _slice(old, a, i1, i2)))
        if j2 > j1:
            lead = _spaced(new, b, j1) or i2 > i1
            runs.append(Run("insert", " " * lead + _slice(new, b, j1, j2)))
    if runs:
        runs[0] = Run(runs[0].op, runs[0].text.lstrip(" "))
    return [r for r in runs if r.text.strip()]


def stats(runs: list[Run]) -> dict[str, int]:
    """Words kept, deleted and inserted."""
    counts = {op: 0 for op in OPS}
    for run in runs:
        counts[run.op] += sum(1 for t in _TOKEN.findall(run.text) if t[0].isalnum() or t[0] == "_")
    return counts


def similarity(runs: list[Run]) -> float:
    """Share of words kept, 0-100 (one decimal)."""
    counts = stats(runs)
    total = counts["equal"] * 2 + counts["delete"] + counts["insert"]
    return round(200.0 * counts["equal"] / total, 1) if total else 100.0


def to_dicts(runs: list[Run]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in runs]


def marked(text: str, opening: str, closing: str) -> str:
    """A run's text wrapped in markers, with its leading space kept outside them."""
    body = text.lstrip(" ")
    return f"{text[: len(text) - len(body)]}{opening}{body}{closing}"
