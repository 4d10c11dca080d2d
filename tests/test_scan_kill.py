"""A real ``lintlaw scan`` process killed with SIGKILL, twice, then run again, ends with exactly the
store of an uninterrupted scan: same documents, same findings, no duplicates, nothing missing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_scan_support import dump_store, sample_corpus

ROOT = Path(__file__).resolve().parent.parent
DOCS = 60

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")


def scan_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "lintlaw", "scan", str(corpus), "--db", str(db), "--jobs", "2", "--no-progress"]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def committed(db: Path) -> int:
    """Documents committed so far, read as another process would (the writer keeps running)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def kill_after(corpus: Path, db: Path, threshold: int, cwd: Path) -> int:
    """Start a scan, SIGKILL its whole process group once ``threshold`` documents are committed."""
    proc = subprocess.Popen(
        scan_cmd(corpus, db), cwd=cwd, env=env(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 240
    try:
        while committed(db) < threshold:
            assert proc.poll() is None, f"scan ended before it could be killed: {proc.stderr.read()}"
            assert time.monotonic() < deadline, "scan made no progress"
            time.sleep(0.02)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return committed(db)


@pytest.mark.slow
def test_sigkill_and_resume_give_the_uninterrupted_result(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    sample_corpus(corpus, DOCS)
    (corpus / "zz_binary.txt").write_bytes(b"\x00\x01\x02\x03 not a law")
    reference = subprocess.run(
        scan_cmd(corpus, tmp_path / "reference.sqlite"), cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=600
    )
    assert reference.returncode == 2, reference.stderr  # one document failed to read: recorded, exit 2
    expected = dump_store(tmp_path / "reference.sqlite")
    assert len(expected["documents"]) == DOCS + 1 and expected["findings"]

    db = tmp_path / "killed.sqlite"
    first = kill_after(corpus, db, 5, tmp_path)
    second = kill_after(corpus, db, first + 15, tmp_path)
    assert 5 <= first < second < DOCS + 1, "the scans were not killed half-way"
    conn = sqlite3.connect(db)
    statuses = [row[0] for row in conn.execute("SELECT status FROM scans ORDER BY id")]
    conn.close()
    assert statuses == ["running", "running"]  # killed: never reached their end

    final = subprocess.run(scan_cmd(corpus, db), cwd=tmp_path, env=env(), capture_output=True, text=True, timeout=600)
    assert final.returncode == 2, final.stderr
    assert f"{DOCS + 1} documents:" in final.stdout
    resumed = dump_store(db)
    assert resumed["orphans"] == 0
    assert resumed == expected
    fingerprints = [(f[0], f[17]) for f in resumed["findings"]]
    assert len(fingerprints) == len(set(fingerprints)), "duplicate findings"
