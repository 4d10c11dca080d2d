"""``.gitignore`` and ``.lintlawignore`` files, read as git reads them, for the folder walks.

An ``IgnoreRules`` value holds the ignore files that apply to one folder: those of the folders
above it (up to the top of its git work tree, if any) and its own. Patterns of a deeper file are
read after those of the files above, so a deeper ``!pattern`` can bring a path back, as in git.
Unreadable or undecodable ignore files are skipped: they never stop a run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

IGNORE_FILES = (".gitignore", ".lintlawignore")


@dataclass(frozen=True)
class _Level:
    base: str  # the folder holding the ignore file (absolute, normalised)
    spec: pathspec.PathSpec


@dataclass(frozen=True)
class IgnoreRules:
    """The ignore patterns in force in one folder; the empty value ignores nothing."""

    levels: tuple[_Level, ...] = ()

    @classmethod
    def above(cls, folder: str | os.PathLike[str]) -> "IgnoreRules":
        """The rules for ``folder`` from its own ignore files and those of the folders above it
        inside the same git work tree (a folder outside any work tree sees only its own). A folder
        that the files above would ignore was named on purpose: it sees only its own rules."""
        start = os.path.abspath(folder)
        chain = [start]
        current = start
        while not os.path.exists(os.path.join(current, ".git")):
            parent = os.path.dirname(current)
            if parent == current:
                chain = [start]  # not in a work tree: the files above do not apply
                break
            chain.append(parent)
            current = parent
        rules = cls()
        for directory in reversed(chain[1:]):
            rules = rules.descend(directory)
        if rules.levels and rules.ignored(start, is_dir=True):
            rules = cls()
        return rules.descend(start)

    def descend(self, folder: str | os.PathLike[str]) -> "IgnoreRules":
        """The rules for ``folder``, a sub-folder of this one: these plus its own ignore files."""
        base = os.path.abspath(folder)
        lines: list[str] = []
        for name in IGNORE_FILES:
            lines.extend(_read_lines(os.path.join(base, name)))
        if not lines:
            return self
        return IgnoreRules((*self.levels, _Level(base, pathspec.GitIgnoreSpec.from_lines(lines))))

    def ignored(self, path: str | os.PathLike[str], *, is_dir: bool) -> bool:
        """Whether ``path`` (inside the folder these rules were built for) is ignored."""
        absolute = os.path.abspath(path)
        verdict = False
        for level in self.levels:
            relative = os.path.relpath(absolute, level.base)
            if relative.startswith(".."):
                continue
            relative = Path(relative).as_posix() + ("/" if is_dir else "")
            include = level.spec.check_file(relative).include
            if include is not None:
                verdict = include
        return verdict


def _read_lines(path: str) -> list[str]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(1_000_000)
        return data.decode("utf-8", errors="replace").splitlines()
    except OSError:
        return []
