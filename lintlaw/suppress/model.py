"""Records of suppression: what was silenced, by which directive, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lintlaw.model import Finding

IN_SOURCE = "inSource"  # a lintlaw comment in the law's own text
EXTERNAL = "external"  # an entry in lintlaw-suppressions.toml


@dataclass
class Suppressed:
    """A finding that a suppression silenced. ``source`` is ``path:line`` of the directive."""

    finding: Finding
    kind: str
    reason: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding": self.finding.to_dict(),
            "kind": self.kind,
            "reason": self.reason,
            "source": self.source,
        }


@dataclass
class Directive:
    """One suppression: the rules it names, the text range or fingerprint it covers, its reason.

    ``rules`` holds rule codes (empty only for table entries, whose fingerprint already
    names the rule). For comments, ``start``/``end`` is the covered range of
    ``Document.text``; for table entries, ``fingerprint`` (and optionally ``file``) selects findings.
    ``used`` records which of the named rules matched something.
    """

    kind: str
    file: str
    line: int
    column: int
    rules: tuple[str, ...]
    reason: str = ""
    start: int = 0
    end: int = 0
    fingerprint: str | None = None
    target_file: str | None = None
    used: set[str] = field(default_factory=set)

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}"

    def covers(self, finding: Finding) -> bool:
        if self.rules and finding.code not in self.rules:
            return False
        if self.fingerprint is not None:
            if finding.fingerprint != self.fingerprint:
                return False
            return self.target_file is None or finding.file == self.target_file
        return finding.file == self.file and self.start <= finding.start < self.end
