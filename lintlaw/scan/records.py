"""The records that travel between the scan's parent process and its workers.

A ``Job`` carries everything a worker needs (the file's bytes included), so a worker never touches
the file system: the same job runs in a local process pool or on a Dask worker on another machine.
A ``DocumentResult`` carries everything the store records for one document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lintlaw.model import Finding

OK = "ok"
FAILED = "failed"

# Finding fields as ``lintlaw check --format json`` shows them, with the nested clause flattened,
# plus the character offsets. This is the column order of the store and of every export.
FINDING_FIELDS: tuple[str, ...] = (
    "rule",
    "code",
    "severity",
    "stance",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "start",
    "end",
    "clause_id",
    "clause_label",
    "clause_text",
    "match",
    "fingerprint",
    "page",
    "suggestion",
    "origin",
)


@dataclass(frozen=True)
class Job:
    """One document to analyse: its store key, bytes, hash and the metadata found beside it."""

    path: str
    data: bytes
    content_hash: str
    signature: str
    sidecar: bytes | None = None
    sidecar_path: str | None = None
    path_metadata: dict[str, str] = field(default_factory=dict)
    time_limit: float | None = None  # seconds for reading and analysing it (None: no limit)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class DocumentResult:
    """What the store records for one document: status, metadata, timings and findings."""

    path: str
    content_hash: str
    signature: str
    size: int
    status: str
    format: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    clauses: int | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)
    error_code: str | None = None
    error_message: str | None = None
    error_line: int | None = None
    read_seconds: float = 0.0
    lint_seconds: float = 0.0
    worker: str = ""

    @classmethod
    def failure(cls, job: Job, code: str, message: str, line: int | None = None) -> "DocumentResult":
        """A result for a document that could not be analysed."""
        return cls(
            path=job.path,
            content_hash=job.content_hash,
            signature=job.signature,
            size=job.size,
            status=FAILED,
            metadata=dict(job.path_metadata),
            error_code=code,
            error_message=message,
            error_line=line,
        )


def finding_row(finding: Finding) -> dict[str, Any]:
    """A finding as one flat row: the ``lintlaw check`` JSON fields, clause flattened, offsets added."""
    data = finding.to_dict()
    clause = data.pop("clause", {}) or {}
    data.pop("file", None)
    data["clause_id"] = clause.get("id")
    data["clause_label"] = clause.get("label")
    data["clause_text"] = clause.get("text")
    data["start"] = finding.start
    data["end"] = finding.end
    data.setdefault("page", None)
    data.setdefault("suggestion", None)
    data.setdefault("origin", "check")
    return {name: data.get(name) for name in FINDING_FIELDS}
