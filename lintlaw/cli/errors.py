"""Turn every failure into a coded message and an exit code; never show a traceback."""

from __future__ import annotations

import os
import sys
import traceback

import click
import typer

from lintlaw.errors import LintlawError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def run_guarded(app: typer.Typer) -> int:
    try:
        result = app(standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        typer.echo("lintlaw: aborted", err=True)
        return EXIT_USAGE
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except LintlawError as exc:
        typer.echo(f"lintlaw: {exc}", err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        typer.echo("lintlaw: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - last line of defence
        typer.echo(f"lintlaw: E900 internal error: {type(exc).__name__}: {exc}", err=True)
        if os.environ.get("LINTLAW_DEBUG"):
            traceback.print_exc(file=sys.stderr)
        else:
            typer.echo("(set LINTLAW_DEBUG=1 to see the traceback)", err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_OK
