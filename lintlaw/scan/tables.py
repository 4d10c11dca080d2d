"""The read side of a scan store: flat rows for export, and rules × groups for stats and plots.

Rows stream from SQLite in a stable order (document path, then finding order), so exports of the
same store are byte-for-byte identical. Metadata becomes columns named after its keys; a key that
would shadow a finding or document column is prefixed with ``meta_``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from lintlaw.scan.records import FINDING_FIELDS
from lintlaw.scan.store import connect

NONE_GROUP = "(none)"
DOCUMENT_FIELDS: tuple[str, ...] = (
    "file",
    "status",
    "error_code",
    "error_message",
    "error_line",
    "format",
    "language",
    "clauses",
    "findings",
    "size",
    "content_hash",
    "ruleset_version",
    "lintlaw_version",
    "read_seconds",
    "lint_seconds",
    "analysed_at",
)
# Columns of a finding row: the ``lintlaw check`` fields, then the document's own facts.
FINDING_ROW_FIELDS: tuple[str, ...] = ("file", *FINDING_FIELDS, "format", "language")
_DOCUMENT_COLUMNS = {"language", "format"}
# documents in a language with a language pack (lintlaw.analysis.lexicon.PACKS); others are "not analysed"
_ANALYSED = "(d.language IS NULL OR lower(substr(d.language, 1, 2)) IN ('en', 'fr', 'es', 'de'))"  # grouping keys that are columns, not metadata


@dataclass
class Cell:
    findings: int = 0
    documents: int = 0


@dataclass
class Pivot:
    """Rules × groups: findings and how many documents have at least one, per group and overall."""

    by: str
    groups: list[str]
    documents: dict[str, int]
    rules: list[tuple[str, str]]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    totals: dict[str, Cell] = field(default_factory=dict)
    failed: int = 0
    not_analysed: int = 0  # read, but in a language without a language pack (E112)

    @property
    def total_documents(self) -> int:
        return sum(self.documents.values())

    def cell(self, code: str, group: str | None = None) -> Cell:
        if group is None:
            return self.totals.get(code, Cell())
        return self.cells.get((code, group), Cell())

    def share(self, code: str, group: str | None = None) -> float:
        """Share of the group's analysed documents with at least one finding of ``code``."""
        base = self.total_documents if group is None else self.documents.get(group, 0)
        return self.cell(code, group).documents / base if base else 0.0


class StoreReader:
    """Read-only access to a scan store."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn = connect(self.path, create=False)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "StoreReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- metadata columns ------------------------------------------------------------------

    def metadata_keys(self) -> list[str]:
        """Every metadata key of any document, sorted (the export's extra columns)."""
        rows = self.conn.execute(
            "SELECT DISTINCT j.key FROM documents, json_each(documents.metadata) AS j ORDER BY j.key"
        )
        return [key for (key,) in rows if key != "language"]

    @staticmethod
    def column_names(keys: list[str], taken: tuple[str, ...]) -> list[str]:
        return [f"meta_{key}" if key in taken else key for key in keys]

    # -- rows ------------------------------------------------------------------------------

    def finding_rows(self) -> Iterator[dict[str, Any]]:
        """One row per finding: ``file``, the finding fields, format, language, then metadata."""
        keys = self.metadata_keys()
        names = self.column_names(keys, FINDING_ROW_FIELDS)
        finding_columns = ", ".join(f'f."{name}"' for name in FINDING_FIELDS)
        cursor = self.conn.execute(
            f"SELECT d.path, {finding_columns}, d.format, d.language, d.metadata "
            "FROM findings f JOIN documents d ON d.id = f.document_id ORDER BY d.path, f.seq"
        )
        for row in cursor:
            data = dict(zip(FINDING_ROW_FIELDS, row[:-1], strict=True))
            metadata = json.loads(row[-1])
            data.update((name, metadata.get(key)) for name, key in zip(names, keys, strict=True))
            yield data

    def document_rows(self) -> Iterator[dict[str, Any]]:
        """One row per document: status, error, counts, timings, then metadata."""
        keys = self.metadata_keys()
        names = self.column_names(keys, DOCUMENT_FIELDS)
        columns = ", ".join("path" if name == "file" else name for name in DOCUMENT_FIELDS)
        cursor = self.conn.execute(f"SELECT {columns}, metadata FROM documents ORDER BY path")
        for row in cursor:
            data = dict(zip(DOCUMENT_FIELDS, row[:-1], strict=True))
            metadata = json.loads(row[-1])
            data.update((name, metadata.get(key)) for name, key in zip(names, keys, strict=True))
            yield data

    def finding_columns(self) -> list[str]:
        return [*FINDING_ROW_FIELDS, *self.column_names(self.metadata_keys(), FINDING_ROW_FIELDS)]

    def document_columns(self) -> list[str]:
        return [*DOCUMENT_FIELDS, *self.column_names(self.metadata_keys(), DOCUMENT_FIELDS)]

    # -- rules x groups --------------------------------------------------------------------

    def pivot(self, by: str = "jurisdiction") -> Pivot:
        """Findings per rule and group (``by`` is a metadata key, ``language`` or ``format``)."""
        group_sql, params = _group_expression(by)
        documents: dict[str, int] = {}
        for value, count in self.conn.execute(
            f"SELECT {group_sql} AS g, COUNT(*) FROM documents d WHERE status = 'ok' AND {_ANALYSED} GROUP BY g",
            params,
        ):
            name = _group_name(value)
            documents[name] = documents.get(name, 0) + count
        failed = self.conn.execute("SELECT COUNT(*) FROM documents WHERE status = 'failed'").fetchone()[0]
        unread = self.conn.execute(
            f"SELECT COUNT(*) FROM documents d WHERE status = 'ok' AND NOT {_ANALYSED}").fetchone()[0]
        pivot = Pivot(by=by, groups=sorted(documents, key=_natural), documents=documents, rules=self._rules(),
                      failed=failed, not_analysed=unread)
        for value, code, findings, docs in self.conn.execute(
            f"SELECT {group_sql} AS g, f.code, COUNT(*), COUNT(DISTINCT f.document_id) "
            "FROM findings f JOIN documents d ON d.id = f.document_id WHERE d.status = 'ok' GROUP BY g, f.code",
            params,
        ):
            cell = pivot.cells.setdefault((code, _group_name(value)), Cell())
            cell.findings += findings
            cell.documents += docs
        for code, findings, docs in self.conn.execute(
            "SELECT f.code, COUNT(*), COUNT(DISTINCT f.document_id) FROM findings f "
            "JOIN documents d ON d.id = f.document_id WHERE d.status = 'ok' GROUP BY f.code"
        ):
            pivot.totals[code] = Cell(findings, docs)
        return pivot

    def _rules(self) -> list[tuple[str, str]]:
        """The rules applied to the stored documents, plus any code that has findings."""
        names: dict[str, str] = {}
        for code, name in self.conn.execute(
            "SELECT r.code, r.name FROM rules r JOIN scans s ON s.ruleset_version = r.ruleset_version "
            "WHERE r.ruleset_version IN (SELECT DISTINCT ruleset_version FROM documents WHERE status = 'ok') "
            "ORDER BY s.id"
        ):
            names[code] = name
        for code, name in self.conn.execute("SELECT code, MIN(rule) FROM findings GROUP BY code"):
            names.setdefault(code, name)
        return sorted(names.items(), key=lambda item: _natural(item[0]))


def _group_expression(by: str) -> tuple[str, tuple[str, ...]]:
    if by in _DOCUMENT_COLUMNS:
        return f"d.{by}", ()
    return "json_extract(d.metadata, ?)", ('$."' + by.replace('"', '') + '"',)


def _group_name(value: Any) -> str:
    if value is None or value == "":
        return NONE_GROUP
    return value if isinstance(value, str) else str(value)


def _natural(text: str) -> tuple:
    """Sort key that orders ``LL2`` before ``LL10`` and years numerically; ``(none)`` last."""
    if text == NONE_GROUP:
        return ((2, ""),)
    return tuple((0, int(part)) if part.isdigit() else (1, part.lower()) for part in re.split(r"(\d+)", text) if part)
