"""Facts every output format needs about a finding's rule, shared so the formats agree.

A finding's rule is looked up in the rule set that produced it; findings made elsewhere (the
suppression checks, ``compare``) fall back to the built-in meta rules or to what the finding
itself says, so a formatter never fails on a code it does not know.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Iterable

from lintlaw.model import SEVERITIES, SEVERITY_RANK, Finding

STANCE_LABELS = {
    "protocol": "Departs from the Palermo Protocol",
    "contested": "Contested pattern: the Protocol does not forbid it; rights-based bodies criticise it",
    "meta": "lintlaw housekeeping",
}


@dataclass(frozen=True)
class RuleInfo:
    """The reporting view of a rule: what formats show, independent of how it matches."""

    code: str
    name: str
    severity: str
    stance: str
    title: str = ""
    message: str = ""
    description: str = ""
    sources: tuple[dict[str, Any], ...] = ()
    precision: str = "high"
    tags: tuple[str, ...] = ()
    kind: str = ""
    scope: str = ""
    topic: str = ""
    help_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def label(self) -> str:
        """``LL105 client-criminalisation``: the form used in titles and headings."""
        return f"{self.code} {self.name}"

    @property
    def short(self) -> str:
        return self.title or self.message or self.name.replace("-", " ")

    @property
    def stance_label(self) -> str:
        return STANCE_LABELS.get(self.stance, self.stance)


def info_from_rule(rule: Any) -> RuleInfo:
    """A :class:`RuleInfo` from a ``lintlaw.engine.rule.Rule`` (or any object shaped like it)."""
    return RuleInfo(
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        stance=rule.stance,
        title=getattr(rule, "title", "") or "",
        message=getattr(rule, "message", "") or "",
        description=getattr(rule, "description", "") or "",
        sources=tuple(getattr(rule, "sources", None) or ()),
        precision=getattr(rule, "precision", "high") or "high",
        tags=tuple(getattr(rule, "tags", None) or ()),
        kind=getattr(rule, "kind", "") or "",
        scope=getattr(rule, "scope", "") or "",
        topic=getattr(rule, "topic", "") or "",
        help_url=getattr(rule, "help_url", "") or "",
    )


def info_from_finding(finding: Finding) -> RuleInfo:
    """What can be said about a rule that only a finding knows (e.g. one made by ``compare``)."""
    return RuleInfo(
        code=finding.code,
        name=finding.rule,
        severity=finding.severity,
        stance=finding.stance,
        message=finding.message,
    )


def _meta_rules() -> dict[str, Any]:
    from lintlaw.suppress.meta import META_RULES

    return META_RULES


def rule_info(ruleset: Any, finding: Finding) -> RuleInfo:
    """The reporting view of the rule behind ``finding``."""
    rule = ruleset.get(finding.code) if ruleset is not None else None
    if rule is None and ruleset is not None:
        rule = ruleset.get(finding.rule)
    if rule is None:
        rule = _meta_rules().get(finding.code)
    return info_from_rule(rule) if rule is not None else info_from_finding(finding)


def report_rules(ruleset: Any, findings: Iterable[Finding]) -> list[RuleInfo]:
    """The rules the findings name, sorted by code.

    Only rules with findings: the rule set a formatter receives is the whole pack, not what
    ``--select`` left active, and a report that lists just what it uses stays small and stable.
    """
    infos: dict[str, RuleInfo] = {}
    for finding in findings:
        if finding.code not in infos:
            infos[finding.code] = rule_info(ruleset, finding)
    return [infos[code] for code in sorted(infos)]


def ruleset_version(ruleset: Any) -> str:
    """The rule pack as outputs show it: ``0.1.0+1a2b3c4d5e6f`` (version, then content hash)."""
    from lintlaw.rulepack import pack_label

    return pack_label(ruleset) if ruleset is not None else ""


def tool_version() -> str:
    from lintlaw import __version__

    return __version__


_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def description_sections(description: str) -> dict[str, str]:
    """Split a rule description into its headed sections, keyed by lower-case heading.

    Text before the first heading is kept under ``""``.
    """
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in description.splitlines():
        match = _HEADING.match(line)
        if match:
            current = match.group(1).strip().lower()
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items() if "\n".join(v).strip()}


def format_source(source: dict[str, Any]) -> str:
    """``Title, pinpoint`` for one entry of a rule's ``sources`` list."""
    title = str(source.get("title", "")).strip()
    pinpoint = str(source.get("pinpoint", "") or "").strip()
    return f"{title}, {pinpoint}" if pinpoint else title


def relative_uri(path: str, root: Path | None = None) -> str:
    """A finding's file as a POSIX path relative to ``root`` where possible (never absolute if avoidable)."""
    pure = PurePath(path)
    if root is not None and pure.is_absolute():
        try:
            pure = Path(path).resolve().relative_to(Path(root).resolve())
        except (ValueError, OSError, RuntimeError):  # RuntimeError: a symbolic-link loop
            pass
    return pure.as_posix()


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present, most severe first."""
    counts = Counter(f.severity for f in findings)
    return {sev: counts.get(sev, 0) for sev in sorted(SEVERITIES, key=lambda s: -SEVERITY_RANK[s])}


def rule_counts(findings: Iterable[Finding]) -> list[tuple[str, str, int]]:
    """``(code, name, count)`` for each rule that fired, by code."""
    counts = Counter((f.code, f.rule) for f in findings)
    return sorted(((code, name, n) for (code, name), n in counts.items()), key=lambda t: t[:2])


def location(finding: Finding) -> str:
    """``path:line:col`` (with the page for paged sources)."""
    text = f"{finding.file}:{finding.line}:{finding.column}"
    return f"{text} (p. {finding.page})" if finding.page is not None else text


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
