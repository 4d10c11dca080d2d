"""Killing a scan's parent process (SIGKILL, no clean-up) leaves no worker, fork server or
resource tracker running: workers watch their scan and end with it, and the helpers follow."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lintlaw.scan.orphan import watch_parent
from test_scan_kill import committed, env
from test_scan_support import sample_corpus

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")


def _live_members(group: int) -> list[int]:
    """Processes of a process group that are not zombies."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.slow
def test_workers_end_when_the_scan_is_killed(tmp_path: Path) -> None:
    sample_corpus(tmp_path / "c", 40)
    db = tmp_path / "s.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "lintlaw", "scan", str(tmp_path / "c"), "--db", str(db), "--jobs", "2", "--no-progress"],
        cwd=tmp_path, env=env(), start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    group = proc.pid
    try:
        deadline = time.monotonic() + 240
        while committed(db) < 2:
            assert proc.poll() is None and time.monotonic() < deadline, "the scan ended or stalled"
            time.sleep(0.05)
        helpers = [pid for pid in _live_members(group) if pid != proc.pid]
        assert len(helpers) >= 3  # two workers, the fork server (and the resource tracker)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 30
        while _live_members(group) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _live_members(group) == []
    finally:
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_the_watch_ends_its_process_when_the_parent_is_gone(tmp_path: Path) -> None:
    code = (
        "import os, sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "from lintlaw.scan.orphan import watch_parent\n"
        "watch_parent(int(sys.argv[1]))\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    child = subprocess.Popen([sys.executable, "-c", code, str(parent.pid)])
    try:
        time.sleep(0.5)
        assert child.poll() is None
        parent.kill()
        parent.wait()
        assert child.wait(timeout=15) == 70
    finally:
        for p in (parent, child):
            if p.poll() is None:
                p.kill()
                p.wait()


def test_a_parent_already_gone_ends_the_process_at_once() -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert callable(watch_parent)
    code = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "from lintlaw.scan.orphan import watch_parent\n"
        f"watch_parent({gone.pid})\n"
        "time.sleep(60)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=15).returncode == 70
