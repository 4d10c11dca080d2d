"""Concurrent scans of one store: serialised by a lock, so no run deletes or miscounts another's rows."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lintlaw.errors import ConfigError
from lintlaw.scan import ScanOptions, scan
from lintlaw.scan.lock import StoreLock
from test_scan_runner import inline
from test_scan_support import FakeAnalyser, dump_store, write_corpus

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

# One scan in its own process: a slow analyser so that runs overlap; prints "<exit> <missing> <pruned>".
_SCRIPT = """
import sys, time
sys.path[:0] = [{tests!r}, {root!r}]
from lintlaw.errors import ConfigError
from lintlaw.scan import ScanOptions, scan
from test_scan_runner import inline
from test_scan_support import FakeAnalyser

class Slow(FakeAnalyser):
    def lint(self, document):
        time.sleep(0.02)
        return super().lint(document)

options = ScanOptions(roots=[{corpus!r}], db={db!r}, force=True, prune=True, wait={wait!r})
try:
    summary = scan(options, analyser=Slow(), executor_factory=inline)
except ConfigError as exc:
    print(exc.code)
else:
    print(0, summary.missing, summary.pruned)
"""


def _concurrent(tmp_path: Path, corpus: Path, db: Path, wait: float, runs: int = 3) -> list[str]:
    script = _SCRIPT.format(tests=str(TESTS), root=str(ROOT), corpus=str(corpus), db=str(db), wait=wait)
    procs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=tmp_path)
             for _ in range(runs)]
    return [p.communicate(timeout=240)[0].strip() for p in procs]


@pytest.mark.slow
def test_three_concurrent_pruning_scans_lose_nothing(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "c", 40)
    db = tmp_path / "s.sqlite"
    outcomes = _concurrent(tmp_path, tmp_path / "c", db, wait=120.0)
    assert outcomes == ["0 0 0"] * 3  # every run waited its turn, saw nothing missing, pruned nothing
    assert len(dump_store(db)["documents"]) == len(paths)


@pytest.mark.slow
def test_a_second_scan_without_wait_stops_with_e366_and_loses_nothing(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "c", 40)
    db = tmp_path / "s.sqlite"
    outcomes = _concurrent(tmp_path, tmp_path / "c", db, wait=0.0)
    assert "0 0 0" in outcomes and set(outcomes) <= {"0 0 0", "E366"}
    assert len(dump_store(db)["documents"]) == len(paths)


def test_a_held_lock_stops_a_scan_before_it_writes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 2)
    db = tmp_path / "s.sqlite"
    lock = StoreLock(db)
    try:
        with pytest.raises(ConfigError) as caught:
            scan(ScanOptions(roots=[str(tmp_path / "c")], db=db), analyser=FakeAnalyser(), executor_factory=inline)
        assert caught.value.code == "E366" and "--wait" in caught.value.message
        assert not db.exists()
    finally:
        lock.release()


def test_wait_queues_behind_a_running_scan(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 2)
    db = tmp_path / "s.sqlite"
    lock = StoreLock(db)
    threading.Timer(0.5, lock.release).start()
    started = time.monotonic()
    options = ScanOptions(roots=[str(tmp_path / "c")], db=db, wait=30.0)
    summary = scan(options, analyser=FakeAnalyser(), executor_factory=inline)
    assert summary.scanned == 2 and time.monotonic() - started >= 0.4


def test_the_lock_is_released_when_its_holder_is_killed(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import sys, time; sys.path.insert(0, {str(ROOT)!r}); "
         f"from lintlaw.scan.lock import StoreLock; held = StoreLock({str(db)!r}); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ConfigError):
            StoreLock(db)
        holder.kill()
        holder.wait(timeout=30)
        StoreLock(db, wait=5.0).release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_the_cli_says_the_store_is_busy_and_exits_2(tmp_path: Path, cli) -> None:
    write_corpus(tmp_path / "c", 1)
    db = tmp_path / "s.sqlite"
    lock = StoreLock(db)
    try:
        run = cli("scan", "--db", str(db), "--no-progress", str(tmp_path / "c"), cwd=tmp_path)
    finally:
        lock.release()
    assert run.returncode == 2 and "E366" in run.stderr and "Traceback" not in run.stderr
    assert os.path.exists(f"{db}.lock")
