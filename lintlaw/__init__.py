"""lintlaw: a linter for legislation that conflates sex work with trafficking."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "lint_path", "lint_document"]


def __getattr__(name: str):
    # The API pulls in the engine; keep ``import lintlaw`` cheap for the CLI's --version.
    if name in ("lint_text", "lint_path", "lint_document"):
        from lintlaw import api

        return getattr(api, name)
    raise AttributeError(name)
