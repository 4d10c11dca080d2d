"""Shared term lists (``rules/lexicons/*.yaml``) that rules reference by name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from lintlaw.engine.yamlio import LineDict, load_yaml
from lintlaw.errors import RuleError


@dataclass(frozen=True)
class Lexicon:
    """A named list of phrases, grouped by entry (e.g. ``protocol-means`` → ``fraud`` → variants)."""

    name: str
    description: str
    source: str
    entries: dict[str, list[str]]
    path: Path

    def phrases(self, entries: Iterable[str] | None = None) -> list[str]:
        """All phrases, or those of the given entries, in file order without duplicates."""
        wanted = list(entries) if entries is not None else list(self.entries)
        seen: dict[str, None] = {}
        for entry in wanted:
            for phrase in self.entries[entry]:
                seen.setdefault(phrase, None)
        return list(seen)


def _parse(path: Path) -> Lexicon:
    data = load_yaml(path, code="E211")
    if not isinstance(data, LineDict):
        raise RuleError("a lexicon file must be a mapping", file=str(path), line=1, code="E211")
    name = data.get("name")
    if not isinstance(name, str) or not name:
        raise RuleError("lexicon needs a 'name'", file=str(path), line=data.line, code="E211")
    entries = data.get("entries")
    if not isinstance(entries, dict) or not entries:
        raise RuleError("lexicon needs a non-empty 'entries' mapping", file=str(path),
                        line=data.line_of("entries"), code="E211")
    clean: dict[str, list[str]] = {}
    for key, values in entries.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise RuleError(f"entry '{key}' must be a list of phrases", file=str(path),
                            line=entries.line_of(key) if isinstance(entries, LineDict) else data.line,
                            code="E211")
        clean[str(key)] = [v.strip() for v in values]
    return Lexicon(name=name, description=str(data.get("description", "")).strip(),
                   source=str(data.get("source", "")), entries=clean, path=path)


PACK_FILES_SKIPPED = ("elements.yaml",)  # the element lexicons of lintlaw.analysis, another format


def pack_key(name: str, language: str) -> str:
    """The key of a language pack's version of lexicon ``name`` in the mapping ``load_lexicons`` returns."""
    return f"{name}@{language}"


def for_language(lexicons: dict[str, Lexicon], name: str, language: str) -> Lexicon:
    """Lexicon ``name`` as used for ``language``: the language pack's version when there is one."""
    return lexicons.get(pack_key(name, language)) or lexicons[name]


def load_lexicons(dirs: Iterable[Path]) -> dict[str, Lexicon]:
    """Every ``*.yaml`` lexicon in ``<dir>/lexicons/`` of the given rule folders; later folders win.

    A language pack, ``<dir>/lexicons/<lang>/<file>.yaml``, gives a lexicon of the same ``name``
    for documents in that language; it is stored under ``pack_key(name, lang)`` and replaces the
    base lexicon for that language (``for_language``).
    """
    found: dict[str, Lexicon] = {}
    for directory in dirs:
        folder = directory / "lexicons"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            lexicon = _parse(path)
            found[lexicon.name] = lexicon
        for pack in sorted(p for p in folder.iterdir() if p.is_dir()):
            for path in sorted(pack.glob("*.yaml")):
                if path.name in PACK_FILES_SKIPPED:
                    continue
                lexicon = _parse(path)
                found[pack_key(lexicon.name, pack.name)] = lexicon
    return found
