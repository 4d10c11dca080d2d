"""Paths to bytes: reading one path (or stdin) and expanding folders into supported files.

Folder walks are defensive: a symbolic-link loop, a dangling link or an unreadable entry is
yielded on its own so that reading it raises one coded error (E101) while every other file is
still found; links that lead outside the folder being walked are not followed (a notice, E111)
unless asked; ``.gitignore`` and ``.lintlawignore`` files are respected unless asked not to.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePath
from typing import Iterable, Iterator, Sequence

from lintlaw.errors import InputError
from lintlaw.ingest.codes import E101, E111, fail
from lintlaw.ingest.detect import SUFFIXES
from lintlaw.ingest.ignorefiles import IgnoreRules

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
        if os.path.islink(path):
            raise fail(E101, "dangling symbolic link (its target does not exist)", display) from None
        raise fail(E101, "no such file or directory", display) from None
    except IsADirectoryError:
        if not os.access(path, os.R_OK | os.X_OK):
            raise fail(E101, "directory cannot be read (permission denied)", display) from None
        raise fail(E101, "is a directory, not a file", display) from None
    except PermissionError:
        raise fail(E101, "permission denied", display) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise fail(E101, "symbolic link loop (the link leads back to itself)", display) from None
        raise fail(E101, f"cannot read: {exc.strerror or exc}", display) from None


@dataclass(frozen=True)
class WalkOptions:
    """How folders are walked: ``follow_links`` follows links that leave the folder;
    ``ignore_files`` respects ``.gitignore`` and ``.lintlawignore``."""

    follow_links: bool = False
    ignore_files: bool = True


def iter_paths(
    paths: Iterable[str],
    exclude: Sequence[str] = (),
    *,
    options: WalkOptions = WalkOptions(),
    notices: list[InputError] | None = None,
) -> Iterator[tuple[str, Path | None]]:
    """Yield ``(display path, Path)`` for each input; folders expand to their supported files.

    Folders are walked recursively in sorted order, skipping hidden entries (``.git`` …),
    entries that ignore files leave out, symbolic links to folders, and files whose suffix is
    not in ``SUPPORTED_SUFFIXES``. Files named explicitly are yielded whatever their suffix (a
    link named on the command line is the user's choice), and so are paths that do not exist,
    sub-folders that cannot be listed, link loops and dangling links, so that reading them
    raises a coded error (E101) instead of the path being dropped silently. A link to a file
    outside the folder being walked is left out and reported in ``notices`` (E111), unless
    ``options.follow_links``. ``-`` yields ``("-", None)``.

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
            for display, found in _walk(given, exclude, options, notices):
                if _first_time(found, seen):
                    yield display, found
        elif _first_time(path, seen):
            yield given, path


def _walk(
    root: str, exclude: Sequence[str], options: WalkOptions, notices: list[InputError] | None
) -> Iterator[tuple[str, Path]]:
    real_root = os.path.realpath(root)
    rules = IgnoreRules.above(root) if options.ignore_files else IgnoreRules()
    found: list[tuple[str, str]] = []

    def keep(display: str) -> None:
        found.append((PurePath(os.path.relpath(display, root)).as_posix(), display))

    pending = [(root, rules)]  # a stack, not recursion: folders may nest thousands deep
    while pending:
        folder, rules = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:  # yielded, so reading it reports E101
            keep(folder)
            continue
        if options.ignore_files:
            rules = rules.descend(folder)
        for entry in entries:
            display = os.path.join(folder, entry.name)
            if entry.name.startswith(".") or _excluded(display, exclude):
                continue
            kind = entry_kind(entry)
            if rules.levels and rules.ignored(display, is_dir=kind == "dir"):
                continue
            if kind == "dir":
                pending.append((display, rules))
            elif kind == "broken":
                keep(display)
            elif kind == "file" and PurePath(entry.name).suffix.lower() in SUFFIXES:
                if entry.is_symlink() and not options.follow_links and not inside(display, real_root):
                    if notices is not None:
                        notices.append(fail(
                            E111, "symbolic link leads outside the folder being linted; not followed "
                            "(name it on the command line, or use --follow-links)", display))
                    continue
                keep(display)
    for _, display in sorted(found):
        yield display, Path(display)


def entry_kind(entry: os.DirEntry[str]) -> str:
    """``dir`` (a real folder), ``link-dir`` (a link to one: not followed), ``file``, ``broken``
    (a dangling link, a loop or an entry that cannot be examined), or ``other`` (sockets …)."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "dir"
        if not entry.is_symlink():
            return "file" if entry.is_file(follow_symlinks=False) else "other"
        mode = os.stat(entry.path).st_mode
    except OSError:
        return "broken"
    if stat.S_ISDIR(mode):
        return "link-dir"
    return "file" if stat.S_ISREG(mode) else "other"


def inside(path: str | os.PathLike[str], real_root: str | os.PathLike[str]) -> bool:
    """Whether ``path``, its links resolved, is ``real_root`` or inside it."""
    target, real_root = os.path.realpath(path), os.fspath(real_root)
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)


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
        key = os.path.abspath(path)
    if key in seen:
        return False
    seen.add(key)
    return True
