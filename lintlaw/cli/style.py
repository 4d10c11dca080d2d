"""Colour for terminal output: ``--color auto|always|never``, ``NO_COLOR`` and ``FORCE_COLOR``.

``always`` and ``never`` win over the environment. With ``auto``, a non-empty ``NO_COLOR`` turns
colour off, then a non-empty ``FORCE_COLOR`` (other than ``0``) turns it on, else colour is used
when the stream is a terminal and ``TERM`` is not ``dumb``.
"""

from __future__ import annotations

import os
from typing import Callable, Mapping, TextIO

from lintlaw.errors import ConfigError

COLOR_CHOICES = ("auto", "always", "never")

_SGR = {
    "error": "1;31",
    "warning": "1;33",
    "info": "1;36",
    "code": "1;35",
    "path": "1",
    "dim": "2",
    "summary": "1",
}

Styler = Callable[[str, str], str]


def plain(text: str, role: str) -> str:
    return text


def ansi(text: str, role: str) -> str:
    """``text`` wrapped in the SGR sequence for ``role`` (severity name, code, path, dim, summary)."""
    sgr = _SGR.get(role)
    return f"\x1b[{sgr}m{text}\x1b[0m" if sgr and text else text


def use_color(choice: str, stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    if choice not in COLOR_CHOICES:
        raise ConfigError(f"--color must be one of {', '.join(COLOR_CHOICES)}; got '{choice}'", code="E300")
    if choice != "auto":
        return choice == "always"
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") and env.get("FORCE_COLOR") != "0":
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and env.get("TERM") != "dumb"


def styler(choice: str, stream: TextIO, environ: Mapping[str, str] | None = None) -> Styler:
    return ansi if use_color(choice, stream, environ) else plain
