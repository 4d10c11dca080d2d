"""Paths to bytes: reading one path (or stdin) and expanding folders into supported files."""

from __future__ import annotations

import os
import sys
from fnmatch import fnmatchcase
from pathlib import Path, PurePath
from typing import Iterable, Iterator, Sequence

from lintlaw.ingest.codes import E101, fail
from lintlaw.ingest.detect import SUFFIXES

STDIN = "-"


def read_bytes_at(path: str | Path, display: str) -> bytes:
    """The bytes of ``path`` (``-`` is standard input); any OS failure is E101."""
    if str(path) == STDIN:
        try:
            return sys.stdin.buffer.read()
        except (OSError, ValueError, AttributeError) as exc:
            raise fail(E101, f"cannot read standard input: {exc}", display) from None
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise fail(E101, "no such file or directory", display) from None
    except IsADirectoryError:
        if not os.access(path, os.R_OK | os.X_OK):
            raise fail(E101, "directory cannot be read (permission denied)", display) from None
        raise fail(E101, "is a directory, not a file", display) from None
    except PermissionError:
        raise fail(E101, "permission denied", display) from None
    except OSError as exc:
        raise fail(E101, f"cannot read: {exc.strerror or exc}", display) from None


def iter_paths(
    paths: Iterable[str], exclude: Sequence[str] = ()
) -> Iterator[tuple[str, Path | None]]:
    """Yield ``(display path, Path)`` for each input; folders expand to their supported files.

    Folders are walked recursively in sorted order, skipping hidden entries (``.git`` …) and
    files whose suffix is not in ``SUPPORTED_SUFFIXES``. Files named explicitly are yielded
    whatever their suffix, and so are paths that do not exist and sub-folders that cannot be
    listed, so that reading them raises a coded error (E101) instead of the path being dropped
    silently. ``-`` yields ``("-", None)``.

    ``exclude`` holds shell patterns matched against the display path and against its last
    component (``drafts``, ``*.md``, ``corpus/old/*``); they apply to named paths too. A file
    reached twice is yielded once.
    """
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            yield STDIN, None
            continue
        if _excluded(given, exclude):
            continue
        path = Path(given)
        if path.is_dir():
            for display, found in _walk(given, exclude):
                if _first_time(found, seen):
                    yield display, found
        elif _first_time(path, seen):
            yield given, path


def _walk(root: str, exclude: Sequence[str]) -> Iterator[tuple[str, Path]]:
    found: list[tuple[str, str]] = []

    def unreadable(error: OSError) -> None:  # yielded, so reading it reports E101
        display = str(error.filename or root)
        found.append((PurePath(os.path.relpath(display, root)).as_posix(), display))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [
            d for d in dirs
            if not d.startswith(".") and not _excluded(os.path.join(folder, d), exclude)
        ]
        for name in files:
            display = os.path.join(folder, name)
            if (
                not name.startswith(".")
                and PurePath(name).suffix.lower() in SUFFIXES
                and not _excluded(display, exclude)
            ):
                relative = PurePath(os.path.relpath(display, root)).as_posix()
                found.append((relative, display))
    for _, display in sorted(found):
        yield display, Path(display)


def _excluded(display: str, patterns: Sequence[str]) -> bool:
    if not patterns:
        return False
    posix = PurePath(display).as_posix()
    name = PurePath(display).name
    return any(fnmatchcase(posix, p) or fnmatchcase(name, p) for p in patterns)


def _first_time(path: Path, seen: set[str]) -> bool:
    try:
        key = str(path.resolve())
    except (OSError, RuntimeError):
        key = str(path)
    if key in seen:
        return False
    seen.add(key)
    return True
