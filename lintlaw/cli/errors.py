"""Turn every failure into a coded message and an exit code; never show a traceback.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, configuration or input
error, 3 internal error. A usage error (unknown option or command, missing argument, bad value)
is the parser's message and exit 2, never an internal error. Bare ``lintlaw`` prints the help
and exits 2, as ruff does, so a CI step that lost its arguments cannot pass.

Typer may bundle its own copy of click, so the parser's exception classes are taken from typer's
public ``BadParameter`` rather than imported from ``click``.
"""

from __future__ import annotations

import os
import sys
import traceback

import typer

from lintlaw.errors import LintlawError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

EXIT_CODES_HELP = (
    "Exit codes: 0 no findings at or above --fail-on; 1 findings at or above --fail-on; "
    "2 usage, configuration or input error; 3 internal error."
)


def _parser_exception(name: str) -> type[BaseException]:
    """The parser's exception class ``name`` (``ClickException``, ``UsageError``) as typer uses it."""
    for cls in typer.BadParameter.__mro__:
        if cls.__name__ == name:
            return cls
    raise RuntimeError(f"typer.BadParameter does not derive from {name}")  # pragma: no cover


PARSER_ERROR = _parser_exception("ClickException")


def run_guarded(app: typer.Typer, args: list[str] | None = None) -> int:
    try:
        result = app(args=args, standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("lintlaw: aborted", err=True)
        return EXIT_USAGE
    except PARSER_ERROR as exc:
        exc.show()  # the parser's own message: "Usage: ...", "Error: No such option: --bogus"
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
