"""``lintlaw baseline write FILE PATHS…`` and the ``check --baseline FILE`` filter it feeds."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer

from lintlaw.cli.helpstyle import LintlawTyper

from lintlaw.baseline import Entry, compare, read_baseline, write_baseline
from lintlaw.cli.errors import EXIT_OK, EXIT_USAGE
from lintlaw.config import Config
from lintlaw.model import LintResult


def apply_baseline(result: LintResult, path: Path, config: Config, ruleset: Any) -> list[Entry]:
    """Drop findings recorded in the baseline at ``path``; return the entries that no longer occur."""
    from lintlaw.suppress.session import rule_active

    def active(code: str, file: str) -> bool:
        return rule_active(ruleset, config, code, file)

    outcome = compare(result.findings, read_baseline(path), [f.path for f in result.files], active)
    result.findings = outcome.new
    return outcome.gone


def gone_report(gone: list[Entry], path: Path) -> str:
    """The note ``check`` prints (to standard error) about baseline entries that no longer occur."""
    if not gone:
        return ""
    one = len(gone) == 1
    head = (
        f"lintlaw: {len(gone)} baseline {'entry' if one else 'entries'} in {path} no longer "
        f"{'occurs' if one else 'occur'} (fixed or redrafted); refresh it with 'lintlaw baseline write {path} …':"
    )
    lines = [f"  {e.file}:{e.line}  {e.code}  {e.clause or '-'}  {e.fingerprint}" for e in gone]
    return "\n".join([head, *lines]) + "\n"


def register(app: typer.Typer) -> None:
    group = LintlawTyper(
        name="baseline",
        help="Record current findings so 'check --baseline' reports only new ones.",
        no_args_is_help=True,
    )

    @group.command("write")
    def write(
        file: Path = typer.Argument(..., metavar="FILE", help="Baseline file to write (JSON)."),
        paths: list[str] = typer.Argument(..., metavar="PATH", help="Files or folders to lint."),
        select: list[str] = typer.Option([], "--select", metavar="CODES", help="Only these rules: code prefixes or names."),
        ignore: list[str] = typer.Option([], "--ignore", metavar="CODES", help="Skip these rules: code prefixes or names."),
        rules: list[str] = typer.Option([], "--rules", metavar="DIR", help="Extra rule folder (repeatable)."),
        exclude: list[str] = typer.Option([], "--exclude", metavar="GLOB", help="Glob of paths to skip (repeatable)."),
        config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help="Configuration file."),
    ) -> None:
        """Lint PATHS and record the fingerprint of every finding in FILE."""
        from lintlaw import __version__
        from lintlaw.api import lint_path
        from lintlaw.cli.check import load_checked_rules, resolve_config

        settings = resolve_config(config, select, ignore, None, rules, exclude)
        ruleset = load_checked_rules(settings, select, ignore)
        result = lint_path(paths, config=settings, ruleset=ruleset)
        for error in result.errors:
            typer.echo(f"lintlaw: {error}", err=True)
        count = write_baseline(file, result.findings, version=__version__, rule_pack=ruleset.version)
        sys.stdout.write(
            f"Wrote {count} finding{'s' if count != 1 else ''} from "
            f"{len(result.files)} file{'s' if len(result.files) != 1 else ''} to {file}.\n"
        )
        raise typer.Exit(EXIT_USAGE if result.errors else EXIT_OK)

    app.add_typer(group)
