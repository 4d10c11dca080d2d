"""``lintlaw compare``: a law side by side with the Palermo Protocol, or with another law."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from lintlaw.errors import ConfigError

FORMAT_HELP = "text (default), markdown, json, html or sarif."


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write report: {exc.strerror}", file=str(path), code="E343") from None


def register(app: typer.Typer) -> None:
    @app.command()
    def compare(
        path: str = typer.Argument(..., help="The law to compare (txt, md, html, docx, pdf, Akoma Ntoso xml)."),
        against: Optional[str] = typer.Option(
            None, "--against", help="Compare with this law (an older version, the act a bill amends, "
            "another country's law) instead of the Protocol alone."),
        fmt: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
        fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error, warning (default), info or never."),
        select: list[str] = typer.Option([], "--select", help="Only these rules: code prefixes or names."),
        ignore: list[str] = typer.Option([], "--ignore", help="Skip these rules: code prefixes or names."),
        rules: list[str] = typer.Option([], "--rules", help="Extra rule folder (repeatable)."),
        config: Optional[Path] = typer.Option(
            None, "--config", help="Configuration file (lintlaw.toml or pyproject.toml)."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing; only the exit code."),
    ) -> None:
        """Compare a law with the Palermo Protocol (act, means, purpose; articles), or with another law.

        Departures become findings like those of `check`: --fail-on, SARIF and suppressions apply.

        With --against the laws are aligned clause by clause; --fail-on counts what the new text introduces.
        """
        from lintlaw.cli.check import exit_code, load_checked_rules, resolve_config
        from lintlaw.protocol.render import FORMATS, RENDERERS
        from lintlaw.protocol.run import compare_one, compare_two

        if fmt not in FORMATS:
            raise ConfigError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)})", code="E342")
        settings = resolve_config(config, select, ignore, fail_on, rules, [])
        ruleset = load_checked_rules(settings, select, ignore)
        if against is None:
            run = compare_one(path, config=settings, ruleset=ruleset)
        else:
            run = compare_two(path, against, config=settings, ruleset=ruleset)
        if fmt == "sarif":
            from lintlaw.report import FORMATTERS

            text = FORMATTERS["sarif"](run.result, ruleset, documents=run.documents, root=Path.cwd())
        else:
            text = RENDERERS[fmt](run.data)
        if output is not None:
            _write(output, text)
        elif not quiet:
            sys.stdout.write(text)
        raise typer.Exit(exit_code(run.result, settings.fail_on))
