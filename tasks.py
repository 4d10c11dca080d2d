#!/usr/bin/env python3
"""One-command tasks for a fresh machine that has only Python 3.11+.

    python3 tasks.py demo    # set up .venv (with the web page) and lint the bundled sample corpus
    python3 tasks.py test    # set up .venv (with test extras and a headless browser) and run every test

Each task creates ``.venv`` if needed and installs the project into it; nothing is installed
into the system Python. ``test`` also installs Debian's ``chromium`` for the browser tests when
no Chromium-family browser is found (``$PLAYWRIGHT_CHROMIUM_EXECUTABLE``, else chromium or Google
Chrome on PATH; see lintlaw/browser.py) and it runs as root on a Debian-like system.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import importlib.util
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def find_chromium() -> str | None:
    """lintlaw/browser.py's finder, loaded alone: it needs only the standard library."""
    spec = importlib.util.spec_from_file_location("lintlaw_browser", ROOT / "lintlaw" / "browser.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.find_chromium()


def run(*cmd: str | Path, check: bool = True, env: dict | None = None) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check, env=env).returncode


def ensure_venv(extras: str = "") -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"lintlaw needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = f".[{extras}]" if extras else "."
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", spec)


def ensure_chromium() -> None:
    if find_chromium():
        return
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        print("note: no Chromium found and none can be installed here; the browser tests will say so")
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", env=env)


def demo() -> int:
    ensure_venv("web")
    code = run(BIN / "lintlaw", "check", "corpus/laws", "corpus/bills", check=False)
    # 1 means "findings at or above --fail-on": the expected outcome on this corpus.
    if code in (0, 1):
        print(f"\nTo read a law's report in your browser: {(BIN / 'lintlaw').relative_to(ROOT)} serve   (then open http://127.0.0.1:8000/)")
    return 0 if code in (0, 1) else code


def test() -> int:
    ensure_venv("dev")
    ensure_chromium()
    code = run(BIN / "python", "-m", "pytest", "-q", "-n", "2", "--dist", "loadgroup", check=False)
    if code == 5:
        print("error: pytest collected no tests", file=sys.stderr)
        return 1
    return code


TASKS = {"demo": demo, "test": test}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in TASKS:
        sys.exit(f"usage: python3 {Path(__file__).name} {{{'|'.join(TASKS)}}}")
    sys.exit(TASKS[sys.argv[1]]())
