"""The scan store: one SQLite file, written by one process, one transaction per document.

A ``Store`` holds the store's write lock (``lintlaw.scan.lock``) from opening to ``close``, so
two scans of one store never interleave: the second waits or stops with E366.

Every document's row and its findings are replaced in a single transaction, so a scan killed at
any instant (even with SIGKILL) leaves each document either fully recorded or as it was before:
a rerun picks up exactly where the killed one stopped.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from lintlaw.errors import ConfigError
from lintlaw.scan.lock import StoreLock
from lintlaw.scan.metadata import plain
from lintlaw.scan.records import FAILED, FINDING_FIELDS, DocumentResult
from lintlaw.scan.schema import DDL, SCHEMA_VERSION

_FINDING_COLUMNS = ", ".join(f'"{name}"' for name in FINDING_FIELDS)
_FINDING_INSERT = (
    f"INSERT INTO findings (document_id, seq, {_FINDING_COLUMNS}) "
    f"VALUES (?, ?, {', '.join('?' for _ in FINDING_FIELDS)})"
)
_SEEN_BATCH = 500


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Stored:
    """What the store knows of a document before it is scanned again."""

    signature: str
    status: str
    error_code: str | None


def connect(path: str | Path, *, create: bool) -> sqlite3.Connection:
    """Open a store; ``create`` makes the file and schema, otherwise it must exist already.

    Raises ``ConfigError`` E360 if the file cannot be opened as SQLite and E361 if it is not a
    lintlaw scan store of a schema this version understands.
    """
    db = Path(path)
    if not create and not db.is_file():
        raise ConfigError("no such scan database (run `lintlaw scan --db` first)", file=str(db), code="E360")
    try:
        if create:
            db.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(db, isolation_level=None, timeout=60)
        else:
            conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=60)
        conn.execute("PRAGMA foreign_keys = ON")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except (sqlite3.Error, OSError) as exc:
        raise ConfigError(f"cannot open scan database: {exc}", file=str(db), code="E360") from None
    if "meta" in tables:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or row[0] != str(SCHEMA_VERSION):
            conn.close()
            found = row[0] if row else "none"
            raise ConfigError(
                f"scan database has schema version {found}; this lintlaw reads version {SCHEMA_VERSION}",
                file=str(db),
                code="E361",
            )
    elif tables or not create:
        conn.close()
        raise ConfigError("not a lintlaw scan database", file=str(db), code="E361")
    if create:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.executescript(f"BEGIN; {DDL} COMMIT;")
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        except sqlite3.Error as exc:
            conn.close()
            raise ConfigError(f"cannot write scan database: {exc}", file=str(db), code="E360") from None
    return conn


class Store:
    """The write side of a scan store. Only the scan's parent process holds one."""

    def __init__(self, path: str | Path, *, wait: float = 0.0) -> None:
        self.path = Path(path)
        self._lock = StoreLock(self.path, wait=wait)
        try:
            self.conn = connect(self.path, create=True)
        except BaseException:
            self._lock.release()
            raise
        self._seen: list[str] = []

    def close(self) -> None:
        try:
            self.flush_seen(0)
            self.conn.close()
        finally:
            self._lock.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- scans -----------------------------------------------------------------------------

    def begin_scan(
        self,
        *,
        roots: Iterable[str],
        executor: str,
        jobs: int | None,
        ruleset_version: str,
        lintlaw_version: str,
        rules: Iterable[dict[str, Any]],
    ) -> int:
        """Record the start of a scan and the rules of its rule pack; returns the scan id."""
        with self._transaction():
            cur = self.conn.execute(
                "INSERT INTO scans (started_at, status, roots, executor, jobs, ruleset_version, lintlaw_version) "
                "VALUES (?, 'running', ?, ?, ?, ?, ?)",
                (now(), json.dumps(list(roots)), executor, jobs, ruleset_version, lintlaw_version),
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO rules (ruleset_version, code, name, severity, stance, title) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (ruleset_version, r["code"], r.get("name") or r["code"], r.get("severity"), r.get("stance"), r.get("title"))
                    for r in rules
                ],
            )
        return int(cur.lastrowid)

    def finish_scan(self, scan_id: int, *, status: str, counts: dict[str, Any]) -> None:
        self.flush_seen(scan_id)
        with self._transaction():
            self.conn.execute(
                "UPDATE scans SET finished_at = ?, status = ?, seen = ?, scanned = ?, skipped = ?, "
                "failed = ?, findings = ?, seconds = ? WHERE id = ?",
                (
                    now(),
                    status,
                    counts.get("seen", 0),
                    counts.get("scanned", 0),
                    counts.get("skipped", 0),
                    counts.get("failed", 0),
                    counts.get("findings", 0),
                    counts.get("seconds"),
                    scan_id,
                ),
            )

    # -- documents -------------------------------------------------------------------------

    def lookup(self, path: str) -> Stored | None:
        row = self.conn.execute(
            "SELECT signature, status, error_code FROM documents WHERE path = ?", (path,)
        ).fetchone()
        return Stored(*row) if row else None

    def mark_seen(self, path: str, scan_id: int) -> None:
        """Note that an unchanged document was seen by this scan (written in batches)."""
        self._seen.append(path)
        if len(self._seen) >= _SEEN_BATCH:
            self.flush_seen(scan_id)

    def flush_seen(self, scan_id: int) -> None:
        if not self._seen or not scan_id:
            self._seen.clear()
            return
        with self._transaction():
            self.conn.executemany(
                "UPDATE documents SET seen_scan = ? WHERE path = ?", [(scan_id, p) for p in self._seen]
            )
        self._seen.clear()

    def record(self, result: DocumentResult, *, scan_id: int, ruleset_version: str, lintlaw_version: str) -> None:
        """Replace everything stored for one document, atomically."""
        meta = plain(result.metadata)
        values = (
            result.content_hash,
            result.signature,
            ruleset_version,
            lintlaw_version,
            result.size,
            result.status,
            result.format,
            result.language,
            _text(meta.get("title")),
            _text(meta.get("jurisdiction")),
            _text(meta.get("year")),
            json.dumps(meta, sort_keys=True, ensure_ascii=False),
            result.clauses,
            len(result.findings),
            result.error_code,
            result.error_message,
            result.error_line,
            round(result.read_seconds, 6),
            round(result.lint_seconds, 6),
            result.worker,
            scan_id,
            scan_id,
            now(),
        )
        with self._transaction():
            row = self.conn.execute("SELECT id FROM documents WHERE path = ?", (result.path,)).fetchone()
            if row is None:
                cur = self.conn.execute(
                    "INSERT INTO documents (content_hash, signature, ruleset_version, lintlaw_version, size, "
                    "status, format, language, title, jurisdiction, year, metadata, clauses, findings, "
                    "error_code, error_message, error_line, read_seconds, lint_seconds, worker, scan_id, "
                    "seen_scan, analysed_at, path) VALUES (" + ", ".join("?" * 24) + ")",
                    (*values, result.path),
                )
                doc_id = cur.lastrowid
            else:
                doc_id = row[0]
                self.conn.execute("DELETE FROM findings WHERE document_id = ?", (doc_id,))
                self.conn.execute(
                    "UPDATE documents SET content_hash = ?, signature = ?, ruleset_version = ?, "
                    "lintlaw_version = ?, size = ?, status = ?, format = ?, language = ?, title = ?, "
                    "jurisdiction = ?, year = ?, metadata = ?, clauses = ?, findings = ?, error_code = ?, "
                    "error_message = ?, error_line = ?, read_seconds = ?, lint_seconds = ?, worker = ?, "
                    "scan_id = ?, seen_scan = ?, analysed_at = ? WHERE id = ?",
                    (*values, doc_id),
                )
            if result.status != FAILED:
                self.conn.executemany(
                    _FINDING_INSERT,
                    [
                        (doc_id, seq, *(finding.get(name) for name in FINDING_FIELDS))
                        for seq, finding in enumerate(result.findings)
                    ],
                )

    def prune(self, roots: Iterable[str], scan_id: int) -> int:
        """Delete documents under ``roots`` that this scan did not see (their files are gone).

        The count and the deletion are one transaction, made while this store's lock is held: what
        is deleted is exactly what this run saw missing."""
        removed = 0
        with self._transaction():
            for root in roots:
                where, params = _under(root)
                cur = self.conn.execute(
                    f"DELETE FROM documents WHERE seen_scan <> ? AND ({where})", (scan_id, *params)
                )
                removed += cur.rowcount
        return removed

    def missing(self, roots: Iterable[str], scan_id: int) -> int:
        """How many stored documents under ``roots`` this scan did not see."""
        total = 0
        for root in roots:
            where, params = _under(root)
            row = self.conn.execute(
                f"SELECT COUNT(*) FROM documents WHERE seen_scan <> ? AND ({where})", (scan_id, *params)
            ).fetchone()
            total += row[0]
        return total

    def _transaction(self) -> "_Transaction":
        return _Transaction(self.conn)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back if the block raises."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def _under(root: str) -> tuple[str, tuple[str, ...]]:
    """SQL condition selecting document paths equal to ``root`` or inside it."""
    if root == ".":
        return "path NOT LIKE '/%' AND path NOT LIKE '../%'", ()
    prefix = root.rstrip("/") + "/"
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "path = ? OR path LIKE ? ESCAPE '\\'", (root, escaped + "%")


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, dict)) else str(value)
