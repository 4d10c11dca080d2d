"""The SQLite schema of a scan store (one file, WAL mode, written only by the scan's parent process).

Tables: ``scans`` (one row per run: provenance and counts), ``rules`` (the rules of each rule-pack
version, so tables show rules that found nothing), ``documents`` (one row per file, keyed by its
path) and ``findings`` (one row per finding, keyed by document and position in sorted order).
"""

from __future__ import annotations

SCHEMA_VERSION = 1

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS scans (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    roots TEXT NOT NULL,
    executor TEXT NOT NULL,
    jobs INTEGER,
    ruleset_version TEXT NOT NULL,
    lintlaw_version TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0,
    scanned INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    findings INTEGER NOT NULL DEFAULT 0,
    seconds REAL
);
CREATE TABLE IF NOT EXISTS rules (
    ruleset_version TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    severity TEXT,
    stance TEXT,
    title TEXT,
    PRIMARY KEY (ruleset_version, code)
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    signature TEXT NOT NULL,
    ruleset_version TEXT NOT NULL,
    lintlaw_version TEXT NOT NULL,
    size INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    format TEXT,
    language TEXT,
    title TEXT,
    jurisdiction TEXT,
    year TEXT,
    metadata TEXT NOT NULL,
    clauses INTEGER,
    findings INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    error_message TEXT,
    error_line INTEGER,
    read_seconds REAL,
    lint_seconds REAL,
    worker TEXT,
    scan_id INTEGER NOT NULL,
    seen_scan INTEGER NOT NULL,
    analysed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    rule TEXT NOT NULL,
    code TEXT NOT NULL,
    severity TEXT NOT NULL,
    stance TEXT,
    message TEXT,
    line INTEGER,
    "column" INTEGER,
    end_line INTEGER,
    end_column INTEGER,
    start INTEGER,
    "end" INTEGER,
    clause_id TEXT,
    clause_label TEXT,
    clause_text TEXT,
    "match" TEXT,
    fingerprint TEXT,
    page INTEGER,
    suggestion TEXT,
    origin TEXT,
    PRIMARY KEY (document_id, seq)
);
CREATE INDEX IF NOT EXISTS findings_code ON findings(code);
CREATE INDEX IF NOT EXISTS documents_status ON documents(status);
"""
