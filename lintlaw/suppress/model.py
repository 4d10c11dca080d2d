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

    ``rules`` holds rule codes. For comments, ``start``/``end`` is the covered range of
    ``Document.text``; for table entries, ``fingerprint`` and ``target_file`` select findings.
    ``origin`` is where a comment itself lies in the text; ``used`` records which of the named
    rules matched something.
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
    origin: tuple[int, int] = (0, 0)
    used: set[str] = field(default_factory=set)

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}"

    def covers(self, finding: Finding, resolved_file: str | None = None) -> bool:
        """Whether this directive silences ``finding``.

        Table entries compare ``target_file`` (an absolute path) with ``resolved_file``, the
        finding's file resolved the same way; comments compare display paths and offsets.
        """
        if self.rules and finding.code not in self.rules:
            return False
        if self.fingerprint is not None:
            return finding.fingerprint == self.fingerprint and resolved_file == self.target_file
        return finding.file == self.file and self.start <= finding.start < self.end
