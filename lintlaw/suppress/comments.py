"""Suppression comments in text and Markdown sources.

```
<!-- lintlaw: disable LL105 reason="Parliament chose the Nordic model knowingly" -->
...
<!-- lintlaw: enable LL105 -->
<!-- lintlaw: ignore-next client-criminalisation reason="..." -->
```

A comment must name at least one rule (code or name; several are separated by commas or
spaces) and may give a quoted ``reason``. ``disable`` runs to the matching ``enable`` or to the
end of the file. ``ignore-next`` covers the next clause: the outermost clause that begins
between the comment and the next words, or, where the outline has none there, the paragraph
that follows (up to a blank line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from lintlaw.model import Document, Outline
from lintlaw.suppress.model import IN_SOURCE, Directive

COMMENT = re.compile(r"<!--\s*lintlaw\s*:(?P<body>.*?)-->", re.DOTALL)
_REASON = re.compile(r"""\breason\s*=\s*(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>[^']*)')""", re.DOTALL)
_RULE_KEY = re.compile(r"^(?:[A-Za-z]{2,4}\d{3}|[a-z0-9]+(?:-[a-z0-9]+)*)$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
ACTIONS = ("disable", "enable", "ignore-next")


@dataclass
class Comment:
    """A parsed ``lintlaw:`` comment; ``problem`` says why it cannot be followed, if it cannot."""

    action: str
    keys: list[str]
    reason: str
    start: int
    end: int
    problem: str | None = None


@dataclass
class Problem:
    """A comment lintlaw cannot follow, with the place to report it."""

    start: int
    end: int
    message: str


def parse_comment(body: str, start: int, end: int) -> Comment:
    """Split a comment body into action, rule keys and reason."""
    reason = ""
    match = _REASON.search(body)
    if match:
        reason = match.group("dq") if match.group("dq") is not None else match.group("sq")
        reason = re.sub(r"\\(.)", r"\1", reason).strip()
        body = body[: match.start()] + " " + body[match.end() :]
    words = [w for w in re.split(r"[\s,]+", body.strip()) if w]
    action = words[0].lower() if words else ""
    keys = words[1:]
    comment = Comment(action, keys, reason, start, end)
    if action not in ACTIONS:
        comment.problem = f"unknown action {action!r}; use one of {', '.join(ACTIONS)}" if action else (
            "empty lintlaw comment; write e.g. 'lintlaw: disable LL105'"
        )
    elif re.search(r"\breason\s*=", body, re.IGNORECASE):
        comment.problem = 'reason must be quoted: reason="..."'
    elif not keys:
        comment.problem = f"'{action}' must name the rule it applies to, e.g. '{action} LL105'"
    elif bad := [k for k in keys if not _RULE_KEY.match(k)]:
        comment.problem = f"not a rule code or name: {', '.join(bad)}"
    return comment


def find_comments(text: str) -> list[Comment]:
    return [parse_comment(m.group("body"), m.start(), m.end()) for m in COMMENT.finditer(text)]


def next_clause_span(document: Document, outline: Outline | None, offset: int) -> tuple[int, int]:
    """The range ``ignore-next`` covers for a comment ending at ``offset``."""
    text = document.text
    match = re.compile(r"\S").search(text, offset)
    if match is None:
        return offset, offset
    first = match.start()
    if outline is not None:
        starting = [c for c in outline.clauses() if offset <= c.start <= first < c.end]
        if starting:
            clause = max(starting, key=lambda c: (c.end - c.start, -c.depth))
            return clause.start, clause.end
    blank = _BLANK_LINE.search(text, first)
    following = COMMENT.search(text, first)
    end = min(blank.start() if blank else len(text), following.start() if following else len(text))
    return first, max(end, first + 1)


def comment_directives(
    document: Document,
    outline: Outline | None,
    resolve: Callable[[str], str | None],
) -> tuple[list[Directive], list[Problem]]:
    """Directives (one per comment and rule) and the comments that cannot be followed.

    ``resolve`` maps a rule code or name to its code, or ``None`` for a rule that does not exist.
    """
    directives: list[Directive] = []
    problems: list[Problem] = []
    open_disables: dict[str, Directive] = {}
    for comment in find_comments(document.text):
        if comment.problem:
            problems.append(Problem(comment.start, comment.end, comment.problem))
            continue
        codes = []
        for key in comment.keys:
            code = resolve(key)
            if code is None:
                problems.append(Problem(comment.start, comment.end, f"no rule named {key!r}"))
            elif code not in codes:
                codes.append(code)
        line, column = document.position(comment.start)
        for code in codes:
            if comment.action == "enable":
                opened = open_disables.pop(code, None)
                if opened is None:
                    problems.append(Problem(comment.start, comment.end, f"'enable {code}' without a matching 'disable'"))
                else:
                    opened.end = comment.start
                continue
            if comment.action == "disable" and code in open_disables:
                earlier = open_disables[code]
                problems.append(
                    Problem(comment.start, comment.end, f"{code} is already disabled on line {earlier.line}")
                )
                continue
            if comment.action == "disable":
                start, end = comment.end, len(document.text)
            else:
                start, end = next_clause_span(document, outline, comment.end)
            directive = Directive(
                kind=IN_SOURCE,
                file=document.path,
                line=line,
                column=column,
                rules=(code,),
                reason=comment.reason,
                start=start,
                end=end,
                origin=(comment.start, comment.end),
            )
            directives.append(directive)
            if comment.action == "disable":
                open_disables[code] = directive
    return directives, problems
