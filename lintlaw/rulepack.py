"""The rule pack's release number and where its documentation lives.

``PACK_VERSION`` is the semantic version of the bundled rule pack (``rules/``): bump the minor
number when a release adds a rule or widens one, the patch number for fixes that only remove
false positives, the major number when a code or name changes meaning. The content hash that
``load_rules`` computes still identifies the exact files (and any user rule folders); outputs show
both as ``0.1.0+1a2b3c4d5e6f`` (semver build metadata). CHANGELOG.md records each version.
"""

from __future__ import annotations

from typing import Any

PACK_VERSION = "0.1.0"
PROJECT_URL = "https://github.com/lintlaw/lintlaw"


def pack_label(ruleset: Any) -> str:
    """``0.1.0+1a2b3c4d5e6f``: the pack's version and, as build metadata, its content hash."""
    digest = str(getattr(ruleset, "version", "") or "")
    return f"{PACK_VERSION}+{digest}" if digest else PACK_VERSION


def docs_url(path: str) -> str:
    """The address of ``docs/<path>`` as released with this version of lintlaw (its tag)."""
    from lintlaw import __version__

    return f"{PROJECT_URL}/blob/v{__version__}/docs/{path}"


def rule_doc_path(code: str) -> str:
    """A rule's documentation page, relative to ``docs/``: ``rules/LL101.md``."""
    return f"rules/{code}.md"


def rule_help_url(code: str) -> str:
    return docs_url(rule_doc_path(code))
