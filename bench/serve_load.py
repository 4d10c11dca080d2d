#!/usr/bin/env python3
"""Load test of ``lintlaw serve``: concurrent uploads of real laws to a server on this computer.

Starts ``lintlaw serve`` on 127.0.0.1 and a free port (or uses ``--url``, which must be a
localhost address), sends ``--requests`` uploads of the laws in ``corpus/laws`` to ``/api/check``,
``--concurrency`` at a time, and checks every answer against ``lintlaw check`` run in this
process on the same file. While the uploads run, ``/healthz`` is asked every half second: its
slowest answer shows whether analyses block the server. Bounded: at most ``--requests``
requests (500 at most), stopped after ``--time-limit`` seconds.

    python bench/serve_load.py                      # 50 uploads at once, 2 workers
    python bench/serve_load.py --requests 100 --concurrency 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
LAWS = ROOT / "corpus" / "laws"
LOCAL = ("127.0.0.1", "localhost", "::1")
MAX_REQUESTS = 500


def expected_answers(paths: list[Path]) -> dict[str, dict]:
    """What ``lintlaw check --format json`` says about each law, run from its folder."""
    sys.path.insert(0, str(ROOT))
    from lintlaw.api import lint_path
    from lintlaw.config import Config
    from lintlaw.engine import load_rules
    from lintlaw.report.json_format import as_dict

    ruleset = load_rules()
    old = Path.cwd()
    answers = {}
    try:
        for path in paths:
            os.chdir(path.parent)
            answers[path.name] = json.loads(json.dumps(as_dict(lint_path([path.name], config=Config(),
                                                                          ruleset=ruleset), ruleset)))
    finally:
        os.chdir(old)
    return answers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(workers: int, folder: Path) -> tuple[str, subprocess.Popen]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(folder)}
    process = subprocess.Popen([sys.executable, "-m", "lintlaw", "serve", "--host", "127.0.0.1", "--port", str(port),
                                "--workers", str(workers)], cwd=folder, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("lintlaw serve exited at start")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return base, process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("lintlaw serve did not start within 90 s")


def peak_rss_mb(pid: int) -> dict[str, float] | None:
    """Peak resident memory (VmHWM) of the server and of each worker process, in MB (Linux only)."""
    def hwm(proc: int) -> float:
        for line in Path(f"/proc/{proc}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
        return 0.0

    try:
        children = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()
                    and (p / "stat").read_text().rsplit(")", 1)[1].split()[1] == str(pid)]
        workers = [c for c in sorted(children) if b"resource_tracker" not in Path(f"/proc/{c}/cmdline").read_bytes()]
        peaks = {"server": hwm(pid)}
        peaks.update({f"worker {i}": hwm(child) for i, child in enumerate(workers, start=1)})
        return peaks
    except OSError:
        return None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] if ordered else float("nan")


async def _load(base: str, laws: list[Path], expected: dict[str, dict], requests: int, concurrency: int,
                time_limit: float) -> dict:
    try:  # the successor of httpx, which Starlette's test client also prefers
        import httpx2 as httpx
    except ImportError:
        import httpx

    gate = asyncio.Semaphore(concurrency)
    latencies: list[float] = []
    health: list[float] = []
    correct: list[str] = []
    wrong: list[str] = []
    failed: list[str] = []
    done = asyncio.Event()
    limits = httpx.Limits(max_connections=concurrency + 1)

    async with httpx.AsyncClient(base_url=base, timeout=time_limit, limits=limits) as client:
        async def one(index: int) -> None:
            law = laws[index % len(laws)]
            async with gate:
                started = time.perf_counter()
                try:
                    answer = await client.post("/api/check", files={"file": (law.name, law.read_bytes())})
                except httpx.HTTPError as exc:
                    failed.append(f"{law.name}: {type(exc).__name__}")
                    return
                latencies.append(time.perf_counter() - started)
            if answer.status_code != 200:
                failed.append(f"{law.name}: HTTP {answer.status_code}")
            elif answer.json() != expected[law.name]:
                wrong.append(law.name)
            else:
                correct.append(law.name)

        async def watch() -> None:
            async with httpx.AsyncClient(base_url=base, timeout=30) as probe:
                while not done.is_set():
                    started = time.perf_counter()
                    await probe.get("/healthz")
                    health.append(time.perf_counter() - started)
                    await asyncio.sleep(0.5)

        watcher = asyncio.create_task(watch())
        started = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(requests))), time_limit)
            timed_out = False
        except asyncio.TimeoutError:
            timed_out = True
        wall = time.perf_counter() - started
        done.set()
        await watcher
        alive = (await client.get("/healthz")).status_code == 200
    return {
        "requests": requests, "concurrency": concurrency, "ok": len(correct),
        "wrong": wrong, "failed": failed, "timed_out": timed_out, "wall_s": round(wall, 2),
        "requests_per_s": round(len(latencies) / wall, 2) if wall else 0.0,
        "p50_s": round(percentile(latencies, 0.50), 2), "p95_s": round(percentile(latencies, 0.95), 2),
        "max_s": round(max(latencies, default=float("nan")), 2),
        "health_checks": len(health), "health_max_s": round(max(health, default=float("nan")), 3),
        "alive_after": alive,
    }


def run_load(requests: int = 50, concurrency: int = 50, workers: int = 2, time_limit: float = 300.0,
             url: str | None = None) -> dict:
    """Run the load test and return its figures; raises ValueError for a non-local ``url``."""
    if not 1 <= requests <= MAX_REQUESTS or not 1 <= concurrency <= requests:
        raise ValueError(f"--requests must be 1-{MAX_REQUESTS} and --concurrency 1-requests")
    if url is not None and urlparse(url).hostname not in LOCAL:
        raise ValueError("the load test only targets this computer (127.0.0.1, localhost or ::1)")
    laws = sorted(p for p in LAWS.iterdir() if p.suffix in (".txt", ".md"))
    expected = expected_answers(laws)
    with tempfile.TemporaryDirectory(prefix="lintlaw-load-") as tmp:
        process = None
        if url is None:
            url, process = start_server(workers, Path(tmp))
        try:
            figures = asyncio.run(_load(url.rstrip("/"), laws, expected, requests, concurrency, time_limit))
            figures["server_running_after"] = process is None or process.poll() is None
            if process is not None:
                figures["peak_rss_mb"] = peak_rss_mb(process.pid)
        finally:
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
    figures["workers"] = workers if process is not None else None
    figures["laws"] = len(laws)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the server this script starts")
    parser.add_argument("--time-limit", type=float, default=300.0, help="stop after this many seconds")
    parser.add_argument("--url", help="a server already running on this computer, e.g. http://127.0.0.1:8000")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}; load average before the run: {os.getloadavg()[0]:.2f}")
    try:
        figures = run_load(args.requests, args.concurrency, args.workers, args.time_limit, args.url)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"load average after the run: {os.getloadavg()[0]:.2f}")
    print(json.dumps(figures, indent=2))
    good = (figures["ok"] == figures["requests"] and not figures["timed_out"] and figures["alive_after"]
            and figures["server_running_after"])
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
