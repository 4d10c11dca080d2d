"""The records of an evaluation: cases with their expectations, and the eval error class (E4xx)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lintlaw.errors import LintlawError
from lintlaw.ingest.normalize import normalize

E401 = "E401"  # cases file not found or unreadable
E402 = "E402"  # cases file is not valid YAML
E403 = "E403"  # cases file is not a non-empty list of cases
E404 = "E404"  # one case is malformed


class EvalError(LintlawError):
    """A cases file that cannot be read or understood (E4xx)."""

    code = "E400"


def fold(text: str) -> str:
    """Text as quotes are compared: typographic variants folded, white space collapsed, no case."""
    return " ".join(normalize(text).casefold().split())


@dataclass(frozen=True)
class Expectation:
    """One ``expect`` entry: a rule that must fire, anywhere (no quotes) or in a clause holding a quote."""

    rule: str
    quotes: tuple[str, ...] = ()

    @property
    def anywhere(self) -> bool:
        return not self.quotes

    def found_in(self, *texts: str) -> bool:
        """True if one of the quotes lies in one of ``texts`` (compared folded)."""
        folded = [fold(t) for t in texts if t]
        return any(fold(q) in t for q in self.quotes for t in folded)


@dataclass(frozen=True)
class NearMiss:
    """A clause that resembles a rule's pattern but lies in its "must not flag" column.

    It changes no score (a finding there is a false positive like any other); it lets the report
    say which false positives fell on a declared near miss, and shows that the set covers them.
    """

    rule: str
    quotes: tuple[str, ...]
    why: str = ""

    def found_in(self, *texts: str) -> bool:
        return Expectation(self.rule, self.quotes).found_in(*texts)


@dataclass
class Case:
    """One evaluation case: a text (or a file relative to the cases file) and what should fire on it."""

    id: str
    index: int
    line: int
    expect: list[Expectation] = field(default_factory=list)
    allow: frozenset[str] = frozenset()
    text: str | None = None
    file: Path | None = None
    file_ref: str | None = None
    language: str | None = None
    source: str | None = None
    tradition: str | None = None
    near_misses: list[NearMiss] = field(default_factory=list)

    def expected_rules(self) -> set[str]:
        return {e.rule for e in self.expect}

    def quotes_only(self, rule: str) -> bool:
        """True if every expect entry for ``rule`` carries quotes (so findings elsewhere are wrong)."""
        entries = [e for e in self.expect if e.rule == rule]
        return bool(entries) and all(e.quotes for e in entries)
