"""The data every stage shares: Document (ingest), Clause and Outline (structure), Finding (engine).

Offsets are character offsets into ``Document.text``, the decoded source text that lines and
columns refer to. ``Document.norm`` has the same length as ``text`` (quotes, dashes and
non-breaking spaces folded one character for one character), so an offset found in ``norm`` is
an offset in ``text``.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterator


@dataclass
class ClauseSeed:
    """A structural unit given by the source format itself (Akoma Ntoso elements, DOCX headings).

    ``start``/``end`` span the unit including its children; ``depth`` is 0 for top-level units.
    The segmenter turns seeds into clauses instead of guessing the structure from numbering.
    """

    kind: str
    start: int
    end: int
    depth: int
    num: str | None = None
    heading: str | None = None
    term: str | None = None


@dataclass
class Document:
    """One ingested file: its text, metadata and the map from offsets back to lines and pages."""

    path: str
    text: str
    norm: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    language: str = "en"
    format: str = "text"
    body_start: int = 0
    page_starts: list[int] | None = None
    seeds: list[ClauseSeed] | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.norm:
            from lintlaw.ingest.normalize import normalize

            self.norm = normalize(self.text)
        if len(self.norm) != len(self.text):
            raise ValueError("Document.norm must have the same length as Document.text")
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts

    @property
    def title(self) -> str | None:
        value = self.metadata.get("title")
        return str(value) if value is not None else None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def page(self, offset: int) -> int | None:
        """1-based page number of an offset for paged sources (PDF), else None."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


@dataclass(eq=False)
class Clause:
    """A node of the clause tree.

    ``start``/``end`` span the clause with its children. ``own_spans`` are the pieces of text
    that belong to this clause and not to a child: the chapeau before a list and any tail after
    it ("… shall be guilty of an offence"). A leaf's own span is its whole span.
    """

    id: str
    label: str
    kind: str
    start: int
    end: int
    num: str | None = None
    heading: str | None = None
    depth: int = 0
    term: str | None = None
    provision: str = "other"  # what the clause does: definition, offence, recital ... (structure.provisions)
    provision_cue: str = "other"  # the same read from cues alone (rules gate on both agreeing)
    own_spans: list[tuple[int, int]] = field(default_factory=list)
    children: list["Clause"] = field(default_factory=list)
    parent: "Clause | None" = field(default=None, repr=False)

    def walk(self) -> Iterator["Clause"]:
        """This clause and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self) -> Iterator["Clause"]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass
class Outline:
    """The clause tree of one document, with lookups the engine needs."""

    document: Document
    root: Clause

    def __post_init__(self) -> None:
        self._by_id = {c.id: c for c in self.root.walk()}

    def clauses(self) -> Iterator[Clause]:
        """Every clause except the synthetic root, in document order."""
        it = self.root.walk()
        next(it)
        yield from it

    def get(self, clause_id: str) -> Clause | None:
        return self._by_id.get(clause_id)

    def text(self, clause: Clause) -> str:
        """The clause's full text, children included, as in the source."""
        return self.document.text[clause.start : clause.end]

    def own_text(self, clause: Clause, *, normalized: bool = False) -> str:
        src = self.document.norm if normalized else self.document.text
        return " ".join(src[s:e].strip() for s, e in clause.own_spans if src[s:e].strip())

    def definitions(self) -> dict[str, Clause]:
        """Defined term (lower case) → its definition clause; the first definition wins."""
        found: dict[str, Clause] = {}
        for clause in self.clauses():
            if clause.kind == "definition" and clause.term:
                found.setdefault(clause.term.lower(), clause)
        return found

    def leaf_at(self, offset: int) -> Clause:
        """The deepest clause whose span contains ``offset``."""
        node = self.root
        while True:
            nxt = next((c for c in node.children if c.start <= offset < c.end), None)
            if nxt is None:
                return node
            node = nxt


SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Finding:
    """One rule match. The same type comes out of ``check`` and ``compare``."""

    file: str
    rule: str
    code: str
    severity: str
    stance: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    clause_id: str
    clause_label: str
    clause_text: str
    match: str
    fingerprint: str = ""
    page: int | None = None
    suggestion: str | None = None
    origin: str = "check"
    frame: str | None = None  # the element frame the clause belongs to, in one line (lintlaw.analysis)

    def sort_key(self) -> tuple:
        return (self.file, self.start, self.code, self.end, self.clause_id)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file": self.file,
            "rule": self.rule,
            "code": self.code,
            "severity": self.severity,
            "stance": self.stance,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "clause": {"id": self.clause_id, "label": self.clause_label, "text": self.clause_text},
            "match": self.match,
            "fingerprint": self.fingerprint,
        }
        if self.page is not None:
            data["page"] = self.page
        if self.suggestion:
            data["suggestion"] = self.suggestion
        if self.origin != "check":
            data["origin"] = self.origin
        if self.frame:
            data["frame"] = self.frame
        return data


def normalized_clause_text(text: str) -> str:
    """Clause text folded for fingerprints: lower case, single spaces, no numbering noise."""
    return " ".join(text.lower().split())


def assign_fingerprints(findings: list[Finding]) -> None:
    """Give each finding a fingerprint that survives line shifts.

    The fingerprint hashes the rule, the normalised clause text, the matched words and the
    occurrence number of that triple within the file — never the line number.
    """
    seen: dict[tuple[str, str, str, str], int] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        key = (
            finding.file,
            finding.rule,
            normalized_clause_text(finding.clause_text),
            normalized_clause_text(finding.match),
        )
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        digest = hashlib.sha256("\x1f".join([*key[1:], str(occurrence)]).encode()).hexdigest()
        finding.fingerprint = digest[:16]


@dataclass
class FileSummary:
    """What was read from one file: shown in the ``files`` list of JSON output."""

    path: str
    language: str
    clauses: int
    metadata: dict[str, Any] = field(default_factory=dict)
    format: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "language": self.language, "clauses": self.clauses}


@dataclass
class LintResult:
    """The outcome of linting one or more files: summaries, sorted findings and per-file errors."""

    files: list[FileSummary] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[Any] = field(default_factory=list)  # LintlawError instances
    suppressed: list[Any] = field(default_factory=list)  # lintlaw.suppress.Suppressed, with reasons
    notices: list[Any] = field(default_factory=list)  # LintlawError notices that change no exit code

    def sort(self) -> None:
        self.findings.sort(key=Finding.sort_key)
        self.errors.sort(key=lambda e: (e.file or "", e.line or 0, e.code))
        self.notices.sort(key=lambda e: (e.file or "", e.line or 0, e.code))
