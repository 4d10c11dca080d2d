"""The ``lintlaw`` command: builds the typer app from one module per command group."""

from __future__ import annotations

import sys

import typer

from lintlaw import __version__
from lintlaw.cli import commands
from lintlaw.cli.errors import EXIT_CODES_HELP
from lintlaw.cli.helpstyle import LintlawTyper

app = LintlawTyper(
    name="lintlaw",
    help="A linter for legislation: flags laws that conflate sex work with trafficking, "
    "and compares them with the UN Palermo Protocol.",
    epilog=EXIT_CODES_HELP + " Bare 'lintlaw' prints this help and exits 2.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lintlaw {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """lintlaw: lint legislation for sex work / trafficking conflation."""


commands.register_all(app)


def main(args: list[str] | None = None) -> None:
    """Console entry point: usage errors exit 2, unexpected errors exit 3, never a traceback."""
    from lintlaw.cli.errors import run_guarded

    sys.exit(run_guarded(app, args))
