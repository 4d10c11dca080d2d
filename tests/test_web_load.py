"""50 concurrent uploads of real laws to a ``lintlaw serve`` on 127.0.0.1 (bench/serve_load.py).

Every answer must equal ``lintlaw check --format json`` on the same law, the server must keep
answering ``/healthz`` while it works and still run afterwards. Bounded: 50 requests, 300 s.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("web-load")]


def load_bench():
    spec = importlib.util.spec_from_file_location("serve_load", ROOT / "bench" / "serve_load.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_fifty_concurrent_uploads_are_all_answered_right():
    pytest.importorskip("starlette")
    pytest.importorskip("httpx2")
    figures = load_bench().run_load(requests=50, concurrency=50, workers=2, time_limit=300)
    assert figures["failed"] == [] and figures["wrong"] == [] and not figures["timed_out"]
    assert figures["ok"] == 50
    assert figures["alive_after"] and figures["server_running_after"]
    assert figures["health_checks"] >= 2 and figures["health_max_s"] < 10


def test_the_load_test_only_targets_this_computer():
    bench = load_bench()
    with pytest.raises(ValueError, match="only targets this computer"):
        bench.run_load(requests=1, concurrency=1, url="http://example.org:8000")
    with pytest.raises(ValueError, match="--requests"):
        bench.run_load(requests=10_000, concurrency=1)
