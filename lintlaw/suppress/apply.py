"""Apply suppressions to findings, and report the suppressions that match nothing.

Two entry points, one per kind of suppression: :func:`suppress_document` for comments in a
text or Markdown source (it needs the document and its outline), :func:`suppress_with_table`
for ``lintlaw-suppressions.toml`` entries (applied once the whole run is known). Both return an
:class:`Outcome`: the findings to report, the suppressed ones with their reasons, and
``LL900``/``LL901`` findings for unused or malformed suppressions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from lintlaw.model import Document, Finding, Outline, assign_fingerprints
from lintlaw.suppress.comments import comment_directives
from lintlaw.suppress.meta import INVALID, META_RULES, UNUSED
from lintlaw.suppress.model import Directive, Suppressed

COMMENT_FORMATS = ("text", "markdown")


@dataclass
class Outcome:
    kept: list[Finding] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


def resolver(ruleset: Any) -> Callable[[str], str | None]:
    """Map a rule code or name to its code using ``ruleset.get``; ``None`` if there is no such rule."""

    def resolve(key: str) -> str | None:
        rule = ruleset.get(key)
        return rule.code if rule is not None else None

    return resolve


def _meta_finding(
    code: str,
    file: str,
    message: str,
    *,
    start: int = 0,
    end: int = 0,
    position: tuple[int, int, int, int] = (1, 1, 1, 1),
    text: str = "",
) -> Finding:
    rule = META_RULES[code]
    line, column, end_line, end_column = position
    return Finding(
        file=file,
        rule=rule.name,
        code=code,
        severity=rule.severity,
        stance=rule.stance,
        message=message,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        clause_id="",
        clause_label="suppression",
        clause_text=text,
        match=text,
    )


def apply_directives(
    findings: Iterable[Finding],
    directives: list[Directive],
    file_key: Callable[[str], str | None] = lambda f: None,
) -> tuple[list[Finding], list[Suppressed]]:
    """Split findings into kept and suppressed, marking each directive's rules as used."""
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    for finding in findings:
        key = file_key(finding.file)
        matching = [d for d in directives if d.covers(finding, key)]
        if not matching:
            kept.append(finding)
            continue
        for directive in matching:
            directive.used.add(finding.code)
        first = matching[0]
        suppressed.append(Suppressed(finding, first.kind, first.reason, first.source))
    return kept, suppressed


def suppress_document(
    document: Document,
    outline: Outline | None,
    findings: list[Finding],
    resolve: Callable[[str], str | None],
    active: Callable[[str], bool],
) -> Outcome:
    """Apply the ``lintlaw:`` comments of one text or Markdown document to its findings.

    ``resolve`` knows every rule in the pack; ``active`` says whether a rule ran on this file,
    so a comment for a rule deselected in this run is not called unused.
    """
    if document.format not in COMMENT_FORMATS:
        return Outcome(kept=list(findings))
    directives, problems = comment_directives(document, outline, resolve)
    kept, suppressed = apply_directives(findings, directives)
    meta: list[Finding] = []
    text = document.text
    for problem in problems:
        meta.append(
            _meta_finding(
                INVALID,
                document.path,
                f"Cannot follow this suppression: {problem.message}.",
                start=problem.start,
                end=problem.end,
                position=(*document.position(problem.start), *document.position(problem.end)),
                text=text[problem.start : problem.end],
            )
        )
    for directive in directives:
        code = directive.rules[0]
        if directive.used or not active(code):
            continue
        start, end = directive.origin
        meta.append(
            _meta_finding(
                UNUSED,
                document.path,
                f"This suppression of {code} matches no finding; remove it or move it to the clause it was meant for.",
                start=start,
                end=end,
                position=(*document.position(start), *document.position(end)),
                text=text[start:end],
            )
        )
    assign_fingerprints(meta)
    return Outcome(kept=kept, suppressed=suppressed, problems=meta)


def suppress_with_table(
    findings: list[Finding],
    directives: list[Directive],
    checked_files: Iterable[str],
    active: Callable[[str, str], bool],
) -> Outcome:
    """Apply table entries to the findings of a whole run.

    ``checked_files`` are the display paths linted in this run; an entry for a file that was
    not linted, or for a rule that did not run on it (``active(code, display_path)``), is not
    called unused.
    """
    cache: dict[str, str | None] = {}

    def file_key(path: str) -> str | None:
        if path not in cache:
            try:
                cache[path] = str(Path(path).resolve())
            except OSError:
                cache[path] = None
        return cache[path]

    kept, suppressed = apply_directives(findings, directives, file_key)
    checked = {file_key(p): p for p in checked_files}
    meta = []
    for directive in directives:
        display = checked.get(directive.target_file)
        code = directive.rules[0]
        if directive.used or display is None or not active(code, display):
            continue
        meta.append(
            _meta_finding(
                UNUSED,
                directive.file,
                f"Suppression {directive.fingerprint} ({code} in {display}) matches no finding; "
                "remove the entry or update its fingerprint.",
                position=(directive.line, 1, directive.line, 1),
                text=f"[suppress.{directive.fingerprint}]",
            )
        )
    assign_fingerprints(meta)
    return Outcome(kept=kept, suppressed=suppressed, problems=meta)
