"""The scan commands end to end on the bundled sample corpus, with the real rule engine."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lintlaw.scan import EngineAnalyser, ScanOptions, scan
from test_scan_support import dump_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus"
pytestmark = pytest.mark.xdist_group("scan_cli")  # one worker scans the sample corpus once


def lintlaw(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lintlaw", *args], cwd=cwd, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"},
    )  # fmt: skip


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample corpus, scanned once into results.sqlite."""
    work = tmp_path_factory.mktemp("cli")
    shutil.copytree(SAMPLE, work / "corpus")
    first = lintlaw("scan", "corpus/", "--db", "results.sqlite", "--jobs", "2", cwd=work)
    assert first.returncode == 0, first.stderr + first.stdout
    work.joinpath("first.out").write_text(first.stdout, encoding="utf-8")
    return work


def documents(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT path, status, jurisdiction, findings FROM documents ORDER BY path").fetchall()
    finally:
        conn.close()


@pytest.mark.slow
def test_scan_of_the_sample_corpus(workdir: Path) -> None:
    rows = documents(workdir / "results.sqlite")
    paths = [r[0] for r in rows]
    expected = sorted(
        p.relative_to(workdir).as_posix()
        for p in (workdir / "corpus").rglob("*")
        if p.suffix in (".txt", ".md") and p.is_file()
    )
    assert paths == expected
    assert all(status == "ok" for _, status, _, _ in rows)
    by_path = {path: (jurisdiction, findings) for path, _, jurisdiction, findings in rows}
    assert by_path["corpus/laws/de_prostschg_2016.txt"][0] == "Germany"
    assert by_path["corpus/bills/anti-trafficking-bill-conflated.md"][1] > 0
    out = (workdir / "first.out").read_text(encoding="utf-8")
    assert f"{len(rows)} documents: {len(rows)} analysed, 0 unchanged (skipped), 0 failed" in out
    assert "on 2 local workers" in out


@pytest.mark.slow
def test_rerun_reads_only_new_or_changed_files(workdir: Path) -> None:
    db = workdir / "results.sqlite"
    before = dump_store(db)
    again = lintlaw("scan", "corpus/", "--db", "results.sqlite", "--format", "json", cwd=workdir)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["documents"]["scanned"] == 0 and summary["documents"]["skipped"] == len(before["documents"])
    assert dump_store(db) == before
    bill = workdir / "corpus" / "bills" / "anti-trafficking-bill-conflated.md"
    original = bill.read_text(encoding="utf-8")
    try:
        bill.write_text(original + "\n9. The Minister may make regulations.\n", encoding="utf-8")
        changed = json.loads(lintlaw("scan", "corpus", "--db", "results.sqlite", "--format", "json", cwd=workdir).stdout)
        assert changed["documents"]["scanned"] == 1
    finally:
        bill.write_text(original, encoding="utf-8")
        lintlaw("scan", "corpus", "--db", "results.sqlite", cwd=workdir)


@pytest.mark.slow
def test_stats_export_plot_on_the_sample_store(workdir: Path) -> None:
    stats = lintlaw("stats", "--db", "results.sqlite", cwd=workdir)
    assert stats.returncode == 0, stats.stderr
    assert "Germany" in stats.stdout and "Canada" in stats.stdout
    by_year = lintlaw("stats", "--db", "results.sqlite", "--by", "year", "--format", "json", cwd=workdir)
    assert json.loads(by_year.stdout)["by"] == "year"
    for fmt in ("csv", "jsonl", "parquet"):
        result = lintlaw("export", "--db", "results.sqlite", "--format", fmt, "-o", f"out.{fmt}", cwd=workdir)
        assert result.returncode == 0, result.stderr
        assert (workdir / f"out.{fmt}").stat().st_size > 0
    plot = lintlaw("plot", "--db", "results.sqlite", "-o", "heatmap.png", cwd=workdir)
    assert plot.returncode == 0, plot.stderr
    assert (workdir / "heatmap.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.slow
def test_one_bad_file_is_recorded_and_the_rest_are_scanned(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SAMPLE / "bills", corpus)
    (corpus / "broken.md").write_bytes(b"\x00\x00\x00binary junk")
    result = lintlaw("scan", "corpus", "--db", "s.sqlite", "--jobs", "1", cwd=tmp_path)
    assert result.returncode == 2
    assert "corpus/broken.md: E103" in result.stdout
    rows = {path: (status, findings) for path, status, _, findings in documents(tmp_path / "s.sqlite")}
    assert rows["corpus/broken.md"] == ("failed", 0)
    assert rows["corpus/anti-trafficking-bill-conflated.md"][0] == "ok"


def test_usage_errors_exit_2_with_a_code(tmp_path: Path) -> None:
    missing = lintlaw("scan", "nowhere", "--db", "s.sqlite", cwd=tmp_path)
    assert missing.returncode == 2 and "E101" in missing.stderr
    pattern = lintlaw("scan", str(SAMPLE / "bills"), "--path-pattern", "{x", cwd=tmp_path)
    assert pattern.returncode == 2 and "E362" in pattern.stderr
    (tmp_path / "junk.sqlite").write_text("junk" * 100, encoding="utf-8")
    junk = lintlaw("stats", "--db", "junk.sqlite", cwd=tmp_path)
    assert junk.returncode == 2 and "E360" in junk.stderr and "Traceback" not in junk.stderr


@pytest.mark.slow
def test_engine_analyser_in_process_equals_cli(workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python API with the real engine gives the CLI's store (relative paths, same rules)."""
    monkeypatch.chdir(workdir)
    scan(ScanOptions(roots=["corpus/"], db=tmp_path / "api.sqlite", jobs=1), analyser=EngineAnalyser())
    assert dump_store(tmp_path / "api.sqlite") == dump_store(workdir / "results.sqlite")
