"""``lintlaw outline PATH...``: show the clause tree the linter sees, as text or JSON.

Each file is read and segmented on its own. With one file, an unreadable input raises its coded
error (printed by the app as ``lintlaw: path: E10x message``, exit 2); with several files (or a
folder), each error is printed and the others are still shown, and the exit code is 2 at the end.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer

from lintlaw.cli.errors import EXIT_USAGE
from lintlaw.errors import ConfigError, LintlawError

FORMATS = ("text", "json")


def _outlines(paths: list[str]) -> tuple[list[Any], list[LintlawError]]:
    """(outline, tradition) pairs for every readable file, and the errors of the others."""
    from lintlaw.ingest import iter_paths, read_path
    from lintlaw.structure import segment_with_profile

    notices: list[LintlawError] = []
    found = list(iter_paths(paths, notices=notices))
    for notice in notices:
        typer.echo(f"lintlaw: notice: {notice}", err=True)
    single = len(paths) == 1 and len(found) == 1 and not Path(paths[0]).is_dir()
    results: list[Any] = []
    errors: list[LintlawError] = []
    for display, path in found:
        try:
            document = read_path(path if path is not None else "-", display)
        except LintlawError as exc:
            if single:
                raise
            errors.append(exc)
            typer.echo(f"lintlaw: {exc}", err=True)
            continue
        outline, profile = segment_with_profile(document)
        results.append((outline, profile.tradition.name))
    return results, errors


def outline_command(
    paths: list[str] = typer.Argument(..., help="Files or folders to outline ('-' reads standard input)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text (an indented tree) or json."),
    depth: Optional[int] = typer.Option(None, "--depth", help="Show clauses down to this depth only (1 = top level)."),
) -> None:
    """Show each file's clause tree: label, kind, id, line and the start of each clause's text."""
    from lintlaw.structure.render import SCHEMA_VERSION, outline_dict, outline_text

    if fmt not in FORMATS:
        raise ConfigError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)})", code="E305")
    if depth is not None and depth < 1:
        raise ConfigError(f"--depth must be 1 or more, not {depth}", code="E300")
    results, errors = _outlines(paths)
    if fmt == "json":
        data = {
            "schema_version": SCHEMA_VERSION,
            "files": [outline_dict(outline, tradition, depth) for outline, tradition in results],
            "errors": [e.to_dict() for e in errors],
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        many = len(results) + len(errors) > 1
        for outline, tradition in results:
            if many:
                typer.echo(f"== {outline.document.path} ({tradition})")
            typer.echo(outline_text(outline, depth), nl=False)
    if errors:
        raise typer.Exit(EXIT_USAGE)


def register(app: typer.Typer) -> None:
    app.command("outline")(outline_command)
