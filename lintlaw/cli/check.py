"""``lintlaw check``: lint files and folders, print findings, write extra reports, pick the exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer

from lintlaw.cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from lintlaw.config import Config, load_config, merge_cli
from lintlaw.errors import ConfigError
from lintlaw.model import SEVERITY_RANK, LintResult

FORMAT_HELP = "Terminal format: text, json, sarif, github, junit, markdown, csv, html."


def parse_outputs(outputs: list[str]) -> list[tuple[str, Path]]:
    """``FMT:PATH`` pairs from repeated ``-o`` options."""
    from lintlaw.report import FORMAT_NAMES

    parsed = []
    for spec in outputs:
        fmt, sep, path = spec.partition(":")
        if not sep or not path or fmt not in FORMAT_NAMES:
            raise ConfigError(f"-o expects FORMAT:PATH with FORMAT one of {', '.join(FORMAT_NAMES)}; got '{spec}'",
                              code="E305")
        parsed.append((fmt, Path(path)))
    return parsed


def exit_code(result: LintResult, fail_on: str) -> int:
    """2 if any file could not be read, 1 if a finding is at or above ``fail_on``, else 0."""
    if result.errors:
        return EXIT_USAGE
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[fail_on]
    return EXIT_FINDINGS if any(SEVERITY_RANK[f.severity] >= threshold for f in result.findings) else EXIT_OK


def resolve_config(config_path: Optional[Path], select: list[str], ignore: list[str], fail_on: Optional[str],
                   rule_dirs: list[str], exclude: list[str]) -> Config:
    base = load_config(explicit=config_path) if config_path else load_config()
    return merge_cli(base, select=select, ignore=ignore, fail_on=fail_on, rule_dirs=rule_dirs, exclude=exclude)


def render_all(result: LintResult, ruleset: Any, fmt: str, outputs: list[tuple[str, Path]],
               documents: dict | None, **extra: Any) -> str:
    """Write every ``-o`` report and return the terminal output."""
    from lintlaw.report import FORMATTERS

    root = Path.cwd()
    for out_fmt, path in outputs:
        text = FORMATTERS[out_fmt](result, ruleset, documents=documents, root=root, **extra)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write report: {exc.strerror}", file=str(path), code="E306") from None
    return FORMATTERS[fmt](result, ruleset, documents=documents, root=root, **extra)


def protocol_comparison(documents: dict | None, ruleset: Any) -> dict | None:
    """The compare report of the one document linted, for the HTML report's side-by-side view."""
    if not documents:
        raise ConfigError("--compare needs an HTML report: add --format html or -o html:FILE", code="E305")
    if len(documents) != 1:
        raise ConfigError(f"--compare sets one law beside the Protocol; {len(documents)} documents were read",
                          code="E300")
    from lintlaw.protocol import compare_document

    (document,) = documents.values()
    return compare_document(document, ruleset=ruleset).to_dict()


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        paths: list[str] = typer.Argument(..., help="Files or folders to lint ('-' reads standard input)."),
        fmt: str = typer.Option("text", "--format", "-f", help=FORMAT_HELP),
        output: list[str] = typer.Option([], "--output", "-o", help="Also write FORMAT:PATH (repeatable)."),
        select: list[str] = typer.Option([], "--select", help="Only these rules: code prefixes or names (comma list)."),
        ignore: list[str] = typer.Option([], "--ignore", help="Skip these rules: code prefixes or names."),
        fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error, warning (default), info or never."),
        rules: list[str] = typer.Option([], "--rules", help="Extra rule folder (repeatable)."),
        exclude: list[str] = typer.Option([], "--exclude", help="Glob of paths to skip (repeatable)."),
        config: Optional[Path] = typer.Option(None, "--config", help="Configuration file (lintlaw.toml or pyproject.toml)."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing; only the exit code."),
        baseline: Optional[Path] = typer.Option(
            None, "--baseline", help="Report only findings not recorded in this file ('lintlaw baseline write')."
        ),
        with_compare: bool = typer.Option(
            False, "--compare", help="Add the law beside the Palermo Protocol to the HTML report (one document)."
        ),
        follow_links: bool = typer.Option(
            False, "--follow-links", help="Follow symbolic links that lead outside the folders walked."
        ),
        no_ignore_files: bool = typer.Option(
            False, "--no-ignore-files", help="Also lint files that .gitignore or .lintlawignore leave out."
        ),
        timeout: Optional[float] = typer.Option(
            None, "--timeout", min=0.0, metavar="SECONDS", help="Time limit per document (default 300; 0: none)."
        ),
    ) -> None:
        """Lint law texts (txt, md, html, docx, pdf, Akoma Ntoso xml) for conflation patterns."""
        from lintlaw.api import lint_path
        from lintlaw.cli.baseline import apply_baseline, gone_report
        from lintlaw.report import FORMAT_NAMES

        if fmt not in FORMAT_NAMES:
            raise ConfigError(f"unknown --format '{fmt}' (one of {', '.join(FORMAT_NAMES)})", code="E305")
        settings = merge_cli(resolve_config(config, select, ignore, fail_on, rules, exclude),
                             follow_links=follow_links, no_ignore_files=no_ignore_files, time_limit=timeout)
        outputs = parse_outputs(output)
        from lintlaw.engine import load_rules

        ruleset = load_rules(settings.rule_dirs)
        wants_documents = fmt == "html" or any(f == "html" for f, _ in outputs)
        documents: dict | None = {} if wants_documents else None
        result = lint_path(paths, config=settings, ruleset=ruleset, documents=documents)
        gone = apply_baseline(result, baseline, settings, ruleset) if baseline is not None else []
        code = exit_code(result, settings.fail_on)
        extra = {"exit_code": code}
        if with_compare:
            extra["comparison"] = protocol_comparison(documents, ruleset)
        text = render_all(result, ruleset, fmt, outputs, documents, **extra)
        if not quiet:
            sys.stderr.writelines(f"lintlaw: notice: {notice}\n" for notice in result.notices)
            sys.stdout.write(text)
            sys.stderr.write(gone_report(gone, baseline) if baseline is not None else "")
        raise typer.Exit(code)
