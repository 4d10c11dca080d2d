"""The same scan on a Dask LocalCluster (real worker processes on loopback) equals the local scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintlaw.errors import ConfigError
from lintlaw.scan import ScanOptions, scan
from test_scan_support import CRASH_MARK, FakeAnalyser, dump_store, write_corpus

distributed = pytest.importorskip("distributed")
pytestmark = pytest.mark.xdist_group("scan_dask")  # one LocalCluster per test run


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",  # None still binds the scheduler's HTTP routes to 8787; :0 takes a free port
        silence_logs=40,
    ) as local:
        yield local


def test_dask_scan_equals_local_scan(tmp_path: Path, cluster) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, 16, nested=True)
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    local = scan(ScanOptions(roots=[str(corpus)], db=tmp_path / "local.sqlite", jobs=2), analyser=FakeAnalyser())
    remote = scan(
        ScanOptions(roots=[str(corpus)], db=tmp_path / "dask.sqlite", scheduler=cluster.scheduler_address),
        analyser=FakeAnalyser(),
    )
    assert (remote.executor, remote.workers) == ("dask", 2)
    assert (remote.scanned, remote.failed) == (local.scanned, local.failed) == (16, 1)
    assert dump_store(tmp_path / "dask.sqlite") == dump_store(tmp_path / "local.sqlite")
    again = scan(
        ScanOptions(roots=[str(corpus)], db=tmp_path / "dask.sqlite", scheduler=cluster.scheduler_address),
        analyser=FakeAnalyser(),
    )
    assert (again.scanned, again.skipped) == (0, 17)


def test_dask_worker_death_is_recorded_not_fatal(tmp_path: Path, cluster) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, 3)
    (corpus / "crash.txt").write_text(f"1. {CRASH_MARK}\n", encoding="utf-8")
    summary = scan(
        ScanOptions(roots=[str(corpus)], db=tmp_path / "s.sqlite", scheduler=cluster.scheduler_address),
        analyser=FakeAnalyser(),
    )
    assert (summary.scanned, summary.failed) == (3, 1)
    assert summary.failures[0][:2] == ((corpus / "crash.txt").as_posix(), "E901")


def test_unreachable_scheduler_is_a_coded_error(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 1)
    with pytest.raises(ConfigError) as info:
        scan(
            ScanOptions(
                roots=[str(tmp_path / "c")], db=tmp_path / "s.sqlite", scheduler="tcp://127.0.0.1:9", connect_timeout=2
            ),
            analyser=FakeAnalyser(),
        )
    assert info.value.code == "E364"
    assert not (tmp_path / "s.sqlite").exists()
