"""Per-language element lexicons: element class -> sub-class -> compiled patterns.

A lexicon file (``rules/lexicons/<lang>/elements.yaml``) maps each element class (``acts``,
``means``, ``purposes`` ...) either to sub-classes with pattern lists or directly to a pattern
list. Patterns are regular expressions matched case-insensitively between word boundaries on a
document's normalised text. Each class compiles into one alternation, so finding every element
of a text costs one pass per class: linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from lintlaw.errors import RuleError

PACKS = ("en", "fr", "es", "de")


@dataclass(frozen=True)
class Hit:
    """One lexicon match: class, sub-class and span in the analysed text."""

    cls: str
    sub: str
    start: int
    end: int


class ElementLexicon:
    """The compiled patterns of one language."""

    def __init__(self, language: str, data: dict, path: Path) -> None:
        self.language = language
        self._classes: dict[str, re.Pattern[str]] = {}
        self._names: dict[str, list[str]] = {}
        for cls, value in data.items():
            if cls == "language":
                continue
            groups = value if isinstance(value, dict) else {cls: value}
            names, parts = [], []
            for index, (sub, patterns) in enumerate(groups.items()):
                if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
                    raise RuleError(f"element class '{cls}.{sub}' must list patterns", file=str(path), code="E211")
                names.append(str(sub))
                alternatives = "|".join(f"(?:{p})" for p in patterns)
                parts.append(f"(?P<g{index}>{alternatives})")
            try:
                self._classes[cls] = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
            except re.error as exc:
                raise RuleError(f"element class '{cls}': bad pattern: {exc}", file=str(path), code="E211") from None
            self._names[cls] = names

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(self._classes)

    def find(self, cls: str, text: str, base: int = 0) -> list[Hit]:
        """Every non-overlapping match of ``cls`` in ``text`` (offsets shifted by ``base``)."""
        pattern = self._classes.get(cls)
        if pattern is None:
            return []
        names = self._names[cls]
        hits = []
        for m in pattern.finditer(text):
            sub = next(names[int(k[1:])] for k, v in m.groupdict().items() if v is not None)
            hits.append(Hit(cls, sub, base + m.start(), base + m.end()))
        return hits

    def search(self, cls: str, text: str) -> bool:
        pattern = self._classes.get(cls)
        return bool(pattern and pattern.search(text))


def _lexicon_dir() -> Path:
    from lintlaw.engine.loader import default_rule_dirs

    dirs = default_rule_dirs()
    if not dirs:
        raise RuleError("the bundled rules/ folder (with lexicons/) was not found", code="E211")
    return dirs[0] / "lexicons"


def has_pack(language: str | None) -> bool:
    """Whether lintlaw ships an element lexicon for ``language``."""
    return (language or "en").split("-")[0].lower() in PACKS


@cache
def lexicon_for(language: str | None) -> ElementLexicon | None:
    """The element lexicon of ``language``, or None when lintlaw has no pack for it."""
    code = (language or "en").split("-")[0].lower()
    if code not in PACKS:
        return None
    path = _lexicon_dir() / code / "elements.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"cannot read element lexicon: {exc}", file=str(path), code="E211") from None
    if not isinstance(data, dict):
        raise RuleError("an element lexicon must be a mapping", file=str(path), code="E211")
    return ElementLexicon(code, data, path)
