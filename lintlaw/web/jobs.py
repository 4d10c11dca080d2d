"""What the server asks a worker to do: plain, picklable descriptions of one analysis."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

PASTED_NAME = "pasted-text.txt"
_UNSAFE = re.compile(r"[^\w.\- ()]+")


@dataclass(frozen=True)
class Upload:
    """One law as sent: a display name (whose suffix tells the format) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Job:
    """``kind`` is ``check`` (API JSON), ``compare`` (API JSON) or ``report`` (the page's bundle)."""

    kind: str
    law: Upload
    earlier: Upload | None = None
    language: str | None = None


def display_name(filename: str | None, fallback: str = PASTED_NAME) -> str:
    """A file name safe to show and to name the law by: no folders, no control or odd characters."""
    base = PureWindowsPath(PurePosixPath(filename or "").name).name
    cleaned = _UNSAFE.sub("_", base).strip(" .")[:120]
    return cleaned or fallback
