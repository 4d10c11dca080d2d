"""The SQLite store: atomic per-document replacement, schema checks, coded open errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lintlaw.errors import ConfigError
from lintlaw.scan.records import DocumentResult
from lintlaw.scan.store import Store
from lintlaw.scan.tables import StoreReader
from test_scan_support import dump_store


def finding(seq: int, code: str = "ZZ101", severity: str | None = "warning") -> dict:
    return {
        "rule": "word", "code": code, "severity": severity, "stance": "contested", "message": "m",
        "line": seq + 1, "column": 1, "end_line": seq + 1, "end_column": 5, "start": seq * 10,
        "end": seq * 10 + 4, "clause_id": f"c{seq}", "clause_label": f"c. {seq}", "clause_text": "text",
        "match": "word", "fingerprint": f"fp{seq}", "page": None, "suggestion": None, "origin": "check",
    }  # fmt: skip


def result(path: str, n: int, **kw) -> DocumentResult:
    base = dict(
        path=path, content_hash="h", signature="s", size=10, status="ok", format="text", language="en",
        metadata={"jurisdiction": "Atlantis", "year": 2001}, clauses=3, findings=[finding(i) for i in range(n)],
    )  # fmt: skip
    base.update(kw)
    return DocumentResult(**base)


def record(store: Store, res: DocumentResult, scan_id: int) -> None:
    store.record(res, scan_id=scan_id, ruleset_version="v1", lintlaw_version="0")


def begin(store: Store) -> int:
    return store.begin_scan(roots=["c"], executor="inline", jobs=1, ruleset_version="v1", lintlaw_version="0", rules=[])


def test_record_replaces_a_documents_findings(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        scan_id = begin(store)
        record(store, result("c/a.txt", 3), scan_id)
        record(store, result("c/a.txt", 1, signature="s2"), scan_id)
    dump = dump_store(db)
    assert len(dump["documents"]) == 1 and dump["documents"][0][2] == "s2"
    assert [f[1] for f in dump["findings"]] == [0]
    assert dump["documents"][0][13] == 1  # findings count column
    assert dump["documents"][0][10] == "2001"  # year kept as text


def test_a_failing_write_leaves_the_previous_results_intact(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        scan_id = begin(store)
        record(store, result("c/a.txt", 2), scan_id)
        before = dump_store(db)
        broken = result("c/a.txt", 3, signature="s2")
        broken.findings[2]["severity"] = None  # violates NOT NULL half-way through the inserts
        with pytest.raises(sqlite3.IntegrityError):
            record(store, broken, scan_id)
        assert dump_store(db) == before


def test_failed_result_keeps_error_and_no_findings(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        scan_id = begin(store)
        record(store, result("c/a.txt", 2), scan_id)
        record(
            store,
            result("c/a.txt", 0, status="failed", error_code="E105", error_message="truncated", error_line=4),
            scan_id,
        )
    dump = dump_store(db)
    assert dump["findings"] == []
    assert dump["documents"][0][5] == "failed" and dump["documents"][0][14:] == ("E105", "truncated", 4)


def test_store_uses_wal(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reader_refuses_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        StoreReader(tmp_path / "missing.sqlite")
    assert info.value.code == "E360" and "missing.sqlite" in str(info.value)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 10)
    with pytest.raises(ConfigError) as info:
        StoreReader(junk)
    assert info.value.code == "E360"
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.commit()
    conn.close()
    for opener in (StoreReader, Store):
        with pytest.raises(ConfigError) as info:
            opener(other)
        assert info.value.code == "E361"


def test_schema_version_mismatch_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError) as info:
        Store(db)
    assert info.value.code == "E361" and "999" in info.value.message


def test_reader_sees_committed_rows_while_a_writer_is_open(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        scan_id = begin(store)
        record(store, result("c/a.txt", 2), scan_id)
        with StoreReader(db) as reader:
            assert [row["file"] for row in reader.document_rows()] == ["c/a.txt"]


def test_stored_rule_pack_version_carries_the_semver_and_the_hash() -> None:
    from lintlaw.rulepack import PACK_VERSION
    from lintlaw.scan.analyse import EngineAnalyser

    version = EngineAnalyser().describe().version
    semver, _, digest = version.partition("+")
    assert semver == PACK_VERSION and len(digest) >= 8
    selected = EngineAnalyser(select=("LL101",)).describe().version
    assert selected.startswith(version + ".")
