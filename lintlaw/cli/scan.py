"""``lintlaw scan``, ``stats``, ``export`` and ``plot``: batch scans into a SQLite store for research.

Exit codes of ``scan``: 0 every document was analysed (findings do not change the exit code:
a scan is a research tool, not a gate); 2 usage or configuration error, or the scan finished but
at least one document under the scanned paths is recorded as failed (its error is in the store
and in the summary); 3 internal error; 130 interrupted (the store is consistent: run again).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from lintlaw.cli.errors import EXIT_OK, EXIT_USAGE
from lintlaw.errors import ConfigError

DEFAULT_DB = "lintlaw.sqlite"
STATS_FORMATS = ("table", "csv", "json", "markdown")

DB_OPTION = typer.Option(DEFAULT_DB, "--db", help="The scan database (SQLite file).", show_default=True)


def scan_command(
    paths: list[Path] = typer.Argument(..., help="Files or folders to scan (folders recursively)."),
    db: Path = DB_OPTION,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: the number of cores)."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="ADDRESS", help="Run on a Dask distributed cluster (tcp://host:8786)."
    ),
    path_pattern: Optional[str] = typer.Option(
        None, "--path-pattern", help="Metadata from paths relative to the scanned folder, e.g. '{jurisdiction}/{year}/*'."
    ),
    exclude: Optional[list[str]] = typer.Option(None, "--exclude", help="Glob of files or folders to leave out (repeatable)."),
    select: Optional[list[str]] = typer.Option(None, "--select", help="Only these rules (codes, prefixes or names)."),
    ignore: Optional[list[str]] = typer.Option(None, "--ignore", help="Leave out these rules."),
    rules: Optional[list[Path]] = typer.Option(None, "--rules", help="Extra rule folder (repeatable)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Configuration file (default: the nearest lintlaw.toml)."),
    force: bool = typer.Option(False, "--force", help="Analyse every document again, changed or not."),
    prune: bool = typer.Option(False, "--prune", help="Delete stored documents whose files are gone."),
    timeout: float = typer.Option(
        300.0, "--timeout", min=0.0, metavar="SECONDS", help="Time limit per document (0: none)."
    ),
    wait: float = typer.Option(
        0.0, "--wait", min=0.0, metavar="SECONDS", help="Wait this long for another scan of the same --db to finish."
    ),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar (only on a terminal)."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Follow symbolic links that lead outside the folders scanned."),
    no_ignore_files: bool = typer.Option(
        False, "--no-ignore-files", help="Also scan files that .gitignore or .lintlawignore leave out."
    ),
    output_format: str = typer.Option("text", "--format", help="Summary format: text or json."),
) -> None:
    """Scan a corpus into a database: parallel, resumable (unchanged documents are skipped)."""
    from lintlaw.config import load_config, merge_cli
    from lintlaw.ingest import WalkOptions
    from lintlaw.scan import EngineAnalyser, ScanOptions, scan
    from lintlaw.scan.render import summary_dict, summary_text

    if output_format not in ("text", "json"):
        raise ConfigError(f"unknown --format '{output_format}' (one of text, json)", code="E305")
    cfg = merge_cli(
        load_config(Path.cwd(), config),
        select=select or [],
        ignore=ignore or [],
        rule_dirs=[str(p) for p in rules or []],
        exclude=exclude or [],
        follow_links=follow_links,
        no_ignore_files=no_ignore_files,
    )
    analyser = EngineAnalyser(
        rule_dirs=tuple(str(p) for p in cfg.rule_dirs), select=tuple(cfg.select), ignore=tuple(cfg.ignore)
    )
    options = ScanOptions(
        roots=[str(p) for p in paths],
        db=db,
        jobs=jobs,
        scheduler=scheduler,
        path_pattern=path_pattern,
        excluded=cfg.is_excluded if cfg.exclude else None,
        force=force,
        prune=prune,
        wait=wait,
        time_limit=timeout or None,
        walk=WalkOptions(follow_links=cfg.follow_links, ignore_files=cfg.ignore_files),
    )
    bar = ProgressBar(enabled=progress)
    try:
        with bar:
            summary = scan(options, analyser=analyser, observer=bar)
    except KeyboardInterrupt:
        typer.echo(f"lintlaw: scan interrupted; {db} is consistent: run the same command to resume", err=True)
        raise
    for notice in summary.notices:
        typer.echo(f"lintlaw: notice: {notice}", err=True)
    if output_format == "json":
        typer.echo(json.dumps(summary_dict(summary, db), indent=2, ensure_ascii=False))
    else:
        typer.echo(summary_text(summary, db), nl=False)
    raise typer.Exit(EXIT_USAGE if summary.failed_total else EXIT_OK)


class ProgressBar:
    """A rich progress bar on standard error: documents/s and ETA; silent when not a terminal."""

    def __init__(self, enabled: bool = True) -> None:
        from rich.console import Console

        console = Console(stderr=True)
        self.enabled = enabled and console.is_terminal
        self.progress: Any = None
        self.task: Any = None
        self.counts = {"scanned": 0, "skipped": 0, "failed": 0}
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("[bold]scan[/]"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} docs/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[counts]}"),
                console=console,
                transient=False,
            )

    def __enter__(self) -> "ProgressBar":
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def start(self, total: int | None) -> None:
        if self.progress is not None:
            self.task = self.progress.add_task("scan", total=total, rate="–", counts="")

    def advance(self, path: str, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        if self.progress is None or self.task is None:
            return
        task = self.progress.tasks[0]
        rate = "–" if not task.speed else f"{task.speed:.1f}" if task.speed < 100 else f"{task.speed:,.0f}"
        counts = ", ".join(f"{n} {k}" for k, n in self.counts.items() if n)
        self.progress.update(self.task, advance=1, rate=rate, counts=counts)


def stats_command(
    db: Path = DB_OPTION,
    by: str = typer.Option("jurisdiction", "--by", help="Group documents by this metadata key (year, language …)."),
    output_format: str = typer.Option("table", "--format", help="table, csv, json or markdown."),
) -> None:
    """Rules × jurisdictions (or years …): findings and share of documents with at least one."""
    from lintlaw.scan import render
    from lintlaw.scan.tables import StoreReader

    if output_format not in STATS_FORMATS:
        raise ConfigError(f"unknown --format '{output_format}' (one of {', '.join(STATS_FORMATS)})", code="E305")
    with StoreReader(db) as reader:
        pivot = reader.pivot(by)
    if output_format == "table":
        _stats_table(pivot)
        return
    text = {"csv": render.stats_csv, "json": render.stats_json, "markdown": render.stats_markdown}[output_format](pivot)
    typer.echo(text, nl=False)


def _stats_table(pivot: Any) -> None:
    """Rules as rows, groups as columns; each cell is the count over the share, so columns stay narrow."""
    from rich.console import Console
    from rich.measure import Measurement
    from rich.table import Table

    table = Table(
        title=f"findings per rule by {pivot.by}",
        caption=f"cells: findings, then share of documents with ≥1 finding; {pivot.failed} failed documents left out",
        show_lines=True,
    )
    table.add_column("rule", overflow="fold", min_width=12)
    for group in [*pivot.groups, "all"]:
        table.add_column(group, justify="right", overflow="fold", min_width=4, max_width=10)
    table.add_row("documents", *(str(pivot.documents[g]) for g in pivot.groups), str(pivot.total_documents), style="bold")
    for code, name in pivot.rules:
        cells = [f"{pivot.cell(code, g).findings}\n{pivot.share(code, g):.0%}" for g in [*pivot.groups, None]]
        table.add_row(f"{code} {name}", *cells)
    console = Console()
    # Never crop columns away (a missing column would misreport the data): a table wider than the
    # terminal is printed at its own width; --format csv/markdown suit very wide pivots better.
    needed = Measurement.get(console, console.options.update_width(10_000), table).minimum
    if needed > console.width:
        console = Console(width=needed)
    console.print(table)


def export_command(
    db: Path = DB_OPTION,
    output_format: Optional[str] = typer.Option(None, "--format", help="csv, jsonl or parquet (default: from the -o suffix, else csv)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Output file ('-' or none: standard output)."),
    documents: bool = typer.Option(False, "--documents", help="One row per document instead of one per finding."),
) -> None:
    """Export findings (or documents) with each document's metadata as CSV, JSON Lines or Parquet."""
    from lintlaw.scan.export import FORMATS, write_csv, write_jsonl, write_parquet
    from lintlaw.scan.tables import StoreReader

    target = None if output in (None, "-") else Path(output)
    fmt = output_format or (target.suffix.lstrip(".").lower() if target and target.suffix else "csv")
    if fmt not in FORMATS:
        raise ConfigError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)})", code="E305")
    if fmt == "parquet" and target is None:
        raise ConfigError("Parquet export needs a file: add -o out.parquet", code="E300")
    with StoreReader(db) as reader:
        columns = reader.document_columns() if documents else reader.finding_columns()
        rows = reader.document_rows() if documents else reader.finding_rows()
        try:
            if fmt == "parquet":
                count = write_parquet(columns, rows, str(target))
            elif target is None:
                count = (write_csv if fmt == "csv" else write_jsonl)(columns, rows, sys.stdout)
            else:
                with target.open("w", encoding="utf-8", newline="") as handle:
                    count = (write_csv if fmt == "csv" else write_jsonl)(columns, rows, handle)
        except OSError as exc:
            raise ConfigError(f"cannot write export: {exc.strerror or exc}", file=str(target), code="E306") from None
    if target is not None:
        kind = "documents" if documents else "findings"
        typer.echo(f"wrote {count} {kind} to {target}", err=True)


def plot_command(
    db: Path = DB_OPTION,
    output: Path = typer.Option(..., "--output", "-o", help="Image file: .png or .svg."),
    by: str = typer.Option("jurisdiction", "--by", help="Columns: this metadata key (year, language …)."),
    value: str = typer.Option("share", "--value", help="Colour by 'share' of documents or 'count' of findings."),
    title: Optional[str] = typer.Option(None, "--title", help="Title above the heatmap."),
) -> None:
    """Heatmap of findings per rule by jurisdiction (or year …), as PNG or SVG."""
    from lintlaw.scan.plot import VALUES, heatmap
    from lintlaw.scan.tables import StoreReader

    if value not in VALUES:
        raise ConfigError(f"--value must be share or count, not {value!r}", code="E300")
    with StoreReader(db) as reader:
        pivot = reader.pivot(by)
    heatmap(pivot, output, value=value, title=title)
    typer.echo(f"wrote {output}", err=True)


def register(app: typer.Typer) -> None:
    app.command("scan")(scan_command)
    app.command("stats")(stats_command)
    app.command("export")(export_command)
    app.command("plot")(plot_command)
