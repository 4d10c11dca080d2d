"""Find the documents under the scan roots, lazily and in a stable order.

The walk is a generator: it holds one directory listing per level of depth, never a list of the
whole corpus. Entries are visited in sorted order so two scans of the same tree see the same
sequence. Hidden entries (``.git``, ``.cache`` …), entries that ``.gitignore``/``.lintlawignore``
leave out and symbolic links to directories are skipped.
Unlike ``lintlaw.ingest.iter_paths`` (which sorts a whole tree's listing), nothing grows with the
number of files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lintlaw.errors import InputError
from lintlaw.ingest import SUPPORTED_SUFFIXES
from lintlaw.ingest.ignorefiles import IgnoreRules
from lintlaw.ingest.paths import WalkOptions, entry_kind, inside


@dataclass(frozen=True)
class Candidate:
    """A document file: where to read it, its store key, and its path relative to its root."""

    source: Path
    key: str
    relative: str


def display_path(path: str | os.PathLike[str]) -> str:
    """The store key of a path as the user wrote it: normalised, with ``/`` separators."""
    return Path(os.path.normpath(os.fspath(path))).as_posix()


Excluded = Callable[[Path], bool]


def iter_candidates(
    roots: Iterable[str | os.PathLike[str]],
    excluded: Excluded | None = None,
    *,
    options: WalkOptions = WalkOptions(),
    notices: list[InputError] | None = None,
) -> Iterator[Candidate]:
    """Every document file under ``roots``, root by root, each directory in sorted order.

    A root that is a file is yielded whatever its suffix (the user named it); a root that does
    not exist raises ``InputError`` E101 before anything is yielded for it. ``excluded`` is
    asked about each file found in a folder (``Config.is_excluded`` fits). Inside a folder, a
    link loop, a dangling link or an entry that cannot be examined is yielded (reading it records
    E101 for that entry alone); ``.gitignore``/``.lintlawignore`` are respected and links that
    leave the root are skipped with a notice (E111), as ``options`` says.
    """
    for root in roots:
        root_path = Path(root)
        key_root = display_path(root)
        if root_path.is_file():
            yield Candidate(root_path.resolve(), key_root, root_path.name)
            continue
        if not root_path.is_dir():
            raise InputError("path not found", file=key_root, code="E101")
        real_root = root_path.resolve()
        rules = IgnoreRules.above(real_root) if options.ignore_files else IgnoreRules()
        walk = _Walk(real_root, key_root, excluded, options, notices)
        yield from walk.run(real_root, rules)


@dataclass
class _Walk:
    root: Path
    key_root: str
    excluded: Excluded | None
    options: WalkOptions
    notices: list[InputError] | None

    def run(self, root: Path, rules: IgnoreRules) -> Iterator[Candidate]:
        """Depth first in sorted order, with a stack of open listings rather than recursion, so
        folders nested thousands deep cannot exhaust the interpreter's stack."""
        stack = [self.folder(root, "", rules)]
        while stack:
            item = next(stack[-1], None)
            if item is None:
                stack.pop()
            elif isinstance(item, Candidate):
                yield item
            else:
                stack.append(self.folder(*item))

    def folder(self, directory: Path, prefix: str, rules: IgnoreRules) -> Iterator[Candidate | tuple]:
        """The candidates of one folder, and ``(path, prefix, rules)`` for each sub-folder, in order."""
        try:
            with os.scandir(directory) as it:
                entries = sorted(((e.name, entry_kind(e), e.is_symlink()) for e in it), key=lambda t: t[0])
        except OSError:
            # A folder that cannot be listed is yielded itself: reading it records E101 in the store
            # instead of its documents vanishing without a word.
            relative = prefix.rstrip("/")
            yield Candidate(directory, _key(self.key_root, relative), relative or directory.name)
            return
        if self.options.ignore_files:
            rules = rules.descend(directory)
        for name, kind, is_link in entries:
            if name.startswith("."):
                continue
            relative = f"{prefix}{name}"
            path = directory / name
            if rules.levels and rules.ignored(path, is_dir=kind == "dir"):
                continue
            if kind == "dir":
                yield (path, f"{relative}/", rules)
            elif kind == "broken" or (kind == "file" and Path(name).suffix.lower() in SUPPORTED_SUFFIXES):
                if self.excluded is not None and self.excluded(path):
                    continue
                key = _key(self.key_root, relative)
                if kind == "file" and is_link and not self.options.follow_links and not inside(path, self.root):
                    if self.notices is not None:
                        self.notices.append(InputError(
                            "symbolic link leads outside the folder being scanned; not followed "
                            "(name it on the command line, or use --follow-links)", file=key, code="E111"))
                    continue
                yield Candidate(path, key, relative)


def _key(key_root: str, relative: str) -> str:
    if not relative:
        return key_root
    return relative if key_root == "." else f"{key_root}/{relative}"


def count_candidates(
    roots: Iterable[str | os.PathLike[str]], excluded: Excluded | None = None, options: WalkOptions = WalkOptions()
) -> int:
    """How many documents ``iter_candidates`` would yield (a walk that keeps nothing)."""
    return sum(1 for _ in iter_candidates(roots, excluded, options=options))
