"""The rules lintlaw applies to its own suppressions: a suppression must match something and be well formed.

They are not YAML rules because they look at lintlaw's comments and suppression file, not at
the law; they report through the same :class:`~lintlaw.model.Finding` so every output shows them.
"""

from __future__ import annotations

from pathlib import Path

from lintlaw.engine.rule import Rule

UNUSED = "LL900"
INVALID = "LL901"

_HERE = Path(__file__)

_UNUSED_DESCRIPTION = """\
## What it flags

A suppression (a `lintlaw: disable` or `ignore-next` comment, or an entry in
`lintlaw-suppressions.toml`) that no longer matches any finding.

## Why it matters

A suppression records a decision about one clause. When the clause is redrafted or the rule
changes, a stale suppression would silently hide the next finding in its place.

## Better drafting

Remove the suppression, or point it at the finding it was meant for.
"""

_INVALID_DESCRIPTION = """\
## What it flags

A `lintlaw:` comment that lintlaw cannot follow: an unknown action, no rule named, a rule that
does not exist, an `enable` without a matching `disable`, or a malformed `reason`.

## Why it matters

Suppressions must name the rule they silence so that a reader of the bill can see what was
accepted and why; a comment lintlaw ignores suppresses nothing.

## Better drafting

Write `<!-- lintlaw: disable LL105 reason="..." -->` … `<!-- lintlaw: enable LL105 -->` or
`<!-- lintlaw: ignore-next LL105 reason="..." -->`.
"""

_SOURCE = [{"title": "lintlaw documentation", "pinpoint": "docs/ci.md, Suppressions"}]


def _meta_rule(code: str, name: str, title: str, message: str, description: str) -> Rule:
    return Rule(
        code=code,
        name=name,
        kind="absence",
        severity="warning",
        stance="meta",
        scope="document",
        message=message,
        description=description,
        sources=list(_SOURCE),
        examples={"flag": [], "pass": []},
        spec={},
        path=_HERE,
        topic="meta",
        title=title,
        precision="very-high",
        tags=["suppression"],
    )


META_RULES: dict[str, Rule] = {
    UNUSED: _meta_rule(
        UNUSED,
        "unused-suppression",
        "Suppression matches no finding",
        "This suppression matches no finding; remove it or update it.",
        _UNUSED_DESCRIPTION,
    ),
    INVALID: _meta_rule(
        INVALID,
        "invalid-suppression",
        "Malformed lintlaw suppression comment",
        "lintlaw cannot follow this suppression comment.",
        _INVALID_DESCRIPTION,
    ),
}
