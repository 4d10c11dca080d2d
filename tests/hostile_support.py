"""Run lintlaw in a child process with a memory ceiling and a time limit (for bomb inputs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _limit(megabytes: int):
    def apply() -> None:  # runs in the child before exec
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_limited(*args: str, cwd: Path, megabytes: int = 3000, timeout: float = 180) -> subprocess.CompletedProcess:
    """``python -m lintlaw ARGS`` with at most ``megabytes`` of address space; fails the test on a hang."""
    return subprocess.run(
        [sys.executable, "-m", "lintlaw", *args], capture_output=True, text=True, cwd=cwd, timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=_limit(megabytes) if os.name == "posix" else None,
    )


def run_python_limited(code: str, *, cwd: Path, megabytes: int = 3000, timeout: float = 180) -> subprocess.CompletedProcess:
    """``python -c CODE`` under the same limits, with the checkout and tests importable."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=timeout,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])},
        preexec_fn=_limit(megabytes) if os.name == "posix" else None,
    )
