"""Find the documents under the scan roots, lazily and in a stable order.

The walk is a generator: it holds one directory listing per level of depth, never a list of the
whole corpus. Entries are visited in sorted order so two scans of the same tree see the same
sequence. Hidden entries (``.git``, ``.cache`` …) and symbolic links to directories are skipped.
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


def iter_candidates(roots: Iterable[str | os.PathLike[str]], excluded: Excluded | None = None) -> Iterator[Candidate]:
    """Every document file under ``roots``, root by root, each directory in sorted order.

    A root that is a file is yielded whatever its suffix (the user named it); a root that does
    not exist raises ``InputError`` E101 before anything is yielded for it. ``excluded`` is
    asked about each file found in a folder (``Config.is_excluded`` fits).
    """
    for root in roots:
        root_path = Path(root)
        key_root = display_path(root)
        if root_path.is_file():
            yield Candidate(root_path.resolve(), key_root, root_path.name)
            continue
        if not root_path.is_dir():
            raise InputError("path not found", file=key_root, code="E101")
        yield from _walk_dir(root_path.resolve(), key_root, "", excluded)


def _walk_dir(directory: Path, key_root: str, prefix: str, excluded: Excluded | None) -> Iterator[Candidate]:
    try:
        with os.scandir(directory) as it:
            entries = sorted((e.name, e.is_dir(follow_symlinks=False), e.is_file()) for e in it)
    except OSError:
        # A folder that cannot be listed is yielded itself: reading it records E101 in the store
        # instead of its documents vanishing without a word.
        relative = prefix.rstrip("/")
        yield Candidate(directory, _key(key_root, relative), relative or directory.name)
        return
    for name, is_dir, is_file in entries:
        if name.startswith("."):
            continue
        relative = f"{prefix}{name}"
        if is_dir:
            yield from _walk_dir(directory / name, key_root, f"{relative}/", excluded)
        elif is_file and Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
            if excluded is not None and excluded(directory / name):
                continue
            yield Candidate(directory / name, _key(key_root, relative), relative)


def _key(key_root: str, relative: str) -> str:
    if not relative:
        return key_root
    return relative if key_root == "." else f"{key_root}/{relative}"


def count_candidates(roots: Iterable[str | os.PathLike[str]], excluded: Excluded | None = None) -> int:
    """How many documents ``iter_candidates`` would yield (a walk that keeps nothing)."""
    return sum(1 for _ in iter_candidates(roots, excluded))
