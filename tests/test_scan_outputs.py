"""stats, export and plot on a store built by a deterministic scan; golden files for text outputs.

Regenerate the golden files under tests/golden/scan/ with:
    LINTLAW_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_scan_outputs.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
import typer

from lintlaw.cli import scan as scan_cli
from lintlaw.cli.errors import run_guarded
from lintlaw.scan import ScanOptions, scan
from lintlaw.scan.render import stats_csv, stats_json, stats_markdown
from lintlaw.scan.tables import NONE_GROUP, StoreReader
from test_scan_runner import inline
from test_scan_support import FakeAnalyser, write_corpus

GOLDEN = Path(__file__).parent / "golden" / "scan"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LINTLAW_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with LINTLAW_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10 fake laws in four jurisdictions, one without metadata, one unreadable; relative keys."""
    root = tmp_path_factory.mktemp("outputs")
    old = Path.cwd()
    os.chdir(root)
    try:
        write_corpus(Path("corpus"), 10)
        Path("corpus/untitled.txt").write_text("1. Prostitution and trafficking.\n", encoding="utf-8")
        Path("corpus/unreadable.txt").write_bytes(b"\x00\x00binary")
        scan(ScanOptions(roots=["corpus"], db=Path("s.sqlite")), analyser=FakeAnalyser(), executor_factory=inline)
    finally:
        os.chdir(old)
    return root / "s.sqlite"


def cli(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    app = typer.Typer(pretty_exceptions_enable=False)

    @app.callback()
    def _root() -> None:
        """lintlaw (scan commands only)."""

    scan_cli.register(app)
    monkeypatch.setattr(sys, "argv", ["lintlaw", *argv])
    return run_guarded(app)


def test_pivot_counts_and_shares(store: Path) -> None:
    with StoreReader(store) as reader:
        pivot = reader.pivot("jurisdiction")
    assert pivot.groups == ["Atlantis", "Borduria", "Carpania", "Syldavia", NONE_GROUP]
    assert pivot.documents == {"Atlantis": 3, "Borduria": 3, "Carpania": 2, "Syldavia": 2, NONE_GROUP: 1}
    assert pivot.failed == 1
    assert [code for code, _ in pivot.rules] == ["ZZ101", "ZZ102", "ZZ103"]
    # Atlantis: acts 0, 4, 8 → 0 + 0 + 0 prostitution lines; trafficking in acts 0 and... (i % 3 == 0)
    assert pivot.cell("ZZ102", "Atlantis").findings == 1
    assert pivot.cell("ZZ101", "Borduria").findings == 1 + 1 + 1  # acts 1, 5, 9
    assert pivot.share("ZZ101", "Borduria") == 1.0
    assert pivot.cell("ZZ103").findings == 0 and pivot.share("ZZ103") == 0.0
    by_year = StoreReader(store).pivot("year")
    assert by_year.groups[:3] == ["1990", "1991", "1992"]


def test_stats_golden_files(store: Path) -> None:
    with StoreReader(store) as reader:
        pivot = reader.pivot("jurisdiction")
    check_golden("stats.csv", stats_csv(pivot))
    check_golden("stats.json", stats_json(pivot))
    check_golden("stats.md", stats_markdown(pivot))
    assert json.loads(stats_json(pivot))["documents"] == {
        "analysed": 11,
        "failed": 1,
        "not_analysed": 0,
        "groups": pivot.documents,
    }


def test_stats_command_prints_a_table(store: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert cli(["stats", "--db", str(store)], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "ZZ101 word-prostitution" in out and "Borduria" in out
    rows = [line for line in out.splitlines() if line.startswith("│")]
    prostitution = rows[rows.index(next(r for r in rows if "ZZ101" in r)) :][:2]
    cells = [[c.strip() for c in row.strip("│").split("│")] for row in prostitution]
    # Borduria (second group): 3 findings, every document; all: 14 findings, 8 of 11 documents
    assert (cells[0][2], cells[1][2]) == ("3", "100%") and (cells[0][-1], cells[1][-1]) == ("14", "73%")
    assert cli(["stats", "--db", str(store), "--by", "year", "--format", "csv"], monkeypatch) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {"rule", "year", "share"} <= set(rows[0])


def test_export_findings_csv_and_jsonl_golden(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    assert cli(["export", "--db", str(store), "-o", str(tmp_path / "f.csv")], monkeypatch) == 0
    text = (tmp_path / "f.csv").read_text(encoding="utf-8")
    check_golden("findings.csv", text)
    header = next(csv.reader(io.StringIO(text)))
    assert header[:4] == ["file", "rule", "code", "severity"]
    assert {"clause_id", "clause_label", "clause_text", "fingerprint", "jurisdiction", "year", "title"} <= set(header)
    assert "meta_language" not in header and "language" in header
    assert cli(["export", "--db", str(store), "--format", "jsonl"], monkeypatch) == 0
    out = capsys.readouterr().out
    check_golden("findings.jsonl", out)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len(text.strip().splitlines()) - 1
    assert rows[0]["file"] == "corpus/act_000.txt" and rows[0]["jurisdiction"] == "Atlantis"


def test_export_documents_lists_failures(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "docs.jsonl"
    assert cli(["export", "--db", str(store), "--documents", "-o", str(out)], monkeypatch) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 12
    bad = next(r for r in rows if r["file"] == "corpus/unreadable.txt")
    assert (bad["status"], bad["error_code"], bad["findings"]) == ("failed", "E103", 0)
    good = next(r for r in rows if r["file"] == "corpus/act_003.txt")
    assert (good["status"], good["findings"], good["jurisdiction"], good["title"]) == ("ok", 4, "Syldavia", "Test Act 3")


def test_export_parquet_round_trip(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow.parquet as pq

    target = tmp_path / "out.parquet"
    assert cli(["export", "--db", str(store), "-o", str(target)], monkeypatch) == 0
    table = pq.read_table(target)
    with StoreReader(store) as reader:
        expected = list(reader.finding_rows())
    assert table.num_rows == len(expected)
    assert table.schema.field("line").type == "int64"
    assert table.column("fingerprint").to_pylist() == [r["fingerprint"] for r in expected]
    assert table.column("jurisdiction").to_pylist()[0] == "Atlantis"
    docs = tmp_path / "docs.parquet"
    assert cli(["export", "--db", str(store), "--documents", "--format", "parquet", "-o", str(docs)], monkeypatch) == 0
    assert pq.read_table(docs).num_rows == 12


def test_export_usage_errors(store: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    assert cli(["export", "--db", str(store), "--format", "parquet"], monkeypatch) == 2
    assert "E300" in capsys.readouterr().err
    assert cli(["export", "--db", str(store), "--format", "xlsx"], monkeypatch) == 2
    assert "E305" in capsys.readouterr().err
    assert cli(["export", "--db", str(store), "-o", str(store.parent / "no" / "such" / "dir.csv")], monkeypatch) == 2
    assert "E306" in capsys.readouterr().err
    assert cli(["stats", "--db", str(store.parent / "none.sqlite")], monkeypatch) == 2
    assert "E360" in capsys.readouterr().err


def test_plot_png_and_deterministic_svg(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    png = tmp_path / "heatmap.png"
    assert cli(["plot", "--db", str(store), "-o", str(png)], monkeypatch) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg1, svg2 = tmp_path / "a.svg", tmp_path / "b.svg"
    assert cli(["plot", "--db", str(store), "-o", str(svg1), "--by", "year", "--value", "count"], monkeypatch) == 0
    assert cli(["plot", "--db", str(store), "-o", str(svg2), "--by", "year", "--value", "count"], monkeypatch) == 0
    text = svg1.read_text(encoding="utf-8")
    assert text == svg2.read_text(encoding="utf-8")
    assert "ZZ101 word-prostitution" in text and "1990" in text
    assert cli(["plot", "--db", str(store), "-o", str(tmp_path / "x.gif")], monkeypatch) == 2
    assert "E305" in capsys.readouterr().err
    assert cli(["plot", "--db", str(store), "-o", str(tmp_path / "x.png"), "--value", "mean"], monkeypatch) == 2
