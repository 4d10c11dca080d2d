"""``lintlaw check``: lint files and folders, print findings, write extra reports, pick the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from lintlaw.cli.errors import EXIT_CODES_HELP, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from lintlaw.config import Config, load_config, merge_cli
from lintlaw.errors import ConfigError
from lintlaw.model import SEVERITY_RANK, LintResult

FORMAT_HELP = "Terminal format: text, json, sarif, github, junit, markdown, csv, html."


PDF = "pdf"  # -o only: the HTML report printed by a headless Chromium
NO_BROWSER = "E308"


def parse_outputs(outputs: list[str]) -> list[tuple[str, Path]]:
    """``FMT:PATH`` pairs from repeated ``-o`` options."""
    from lintlaw.report import FORMAT_NAMES

    names = (*FORMAT_NAMES, PDF)
    parsed = []
    for spec in outputs:
        fmt, sep, path = spec.partition(":")
        if not sep or not path or fmt not in names:
            raise ConfigError(f"-o expects FORMAT:PATH with FORMAT one of {', '.join(names)}; got '{spec}'",
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
               documents: dict | None, terminal: dict[str, Any] | None = None, **extra: Any) -> str:
    """Write every ``-o`` report and return the terminal output (``terminal``: its extra options)."""
    from lintlaw.report import FORMATTERS

    root = Path.cwd()
    for out_fmt, path in outputs:
        if out_fmt == PDF:
            write_pdf(FORMATTERS["html"](result, ruleset, documents=documents, root=root, **extra), path)
            continue
        text = FORMATTERS[out_fmt](result, ruleset, documents=documents, root=root, **extra)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write report: {exc.strerror}", file=str(path), code="E306") from None
    return FORMATTERS[fmt](result, ruleset, documents=documents, root=root, **extra, **(terminal or {}))


def write_pdf(html: str, path: Path) -> None:
    """Print the HTML report to ``path`` with the browser lintlaw finds (E308 when there is none)."""
    import tempfile

    from lintlaw.browser import BrowserMissing, print_to_pdf

    with tempfile.TemporaryDirectory(prefix="lintlaw-report-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            print_to_pdf(page, path)
        except BrowserMissing as exc:
            raise ConfigError(f"cannot write a PDF: {exc}", file=str(path), code=NO_BROWSER) from None
        except OSError as exc:
            raise ConfigError(f"cannot write report: {exc.strerror or exc}", file=str(path), code="E306") from None


def protocol_comparison(documents: dict | None, ruleset: Any) -> dict | None:
    """The compare report of the one document linted, for the HTML report's side-by-side view."""
    if not documents:
        raise ConfigError("--compare needs an HTML report: add --format html, -o html:FILE or -o pdf:FILE",
                          code="E305")
    if len(documents) != 1:
        raise ConfigError(f"--compare sets one law beside the Protocol; {len(documents)} documents were read",
                          code="E300")
    from lintlaw.protocol import compare_document

    (document,) = documents.values()
    return compare_document(document, ruleset=ruleset).to_dict()


def all_rules(ruleset: Any) -> list[Any]:
    """The pack's rules plus lintlaw's own suppression rules (LL900, LL901)."""
    from lintlaw.suppress.meta import META_RULES

    return [*ruleset.rules, *META_RULES.values()]


def load_checked_rules(settings: Config, select: list[str] = (), ignore: list[str] = ()) -> Any:
    """The rule pack for ``settings``; a selector that matches no rule is E307 (with a suggestion)."""
    from lintlaw.engine import load_rules
    from lintlaw.selection import check_selectors

    ruleset = load_rules(settings.rule_dirs)
    check_selectors(settings, all_rules(ruleset), select, ignore)
    return ruleset


def default_jobs() -> int:
    return os.cpu_count() or 1


def nothing_to_lint(paths: list[str]) -> str:
    given = ", ".join(paths)
    return (f"lintlaw: warning: no files to lint under {given} (nothing with a supported suffix, "
            "or everything excluded)\n")


def register(app: typer.Typer) -> None:
    @app.command(epilog=EXIT_CODES_HELP)
    def check(
        paths: list[str] = typer.Argument(..., metavar="PATH",
                                          help="Files or folders to lint ('-' reads standard input)."),
        fmt: str = typer.Option("text", "--format", "-f", metavar="FORMAT", help=FORMAT_HELP),
        output: list[str] = typer.Option([], "--output", "-o", metavar="FORMAT:PATH",
                                         help="Also write this format to PATH (repeatable); pdf: the HTML "
                                         "report printed by Chromium."),
        select: list[str] = typer.Option([], "--select", metavar="CODES",
                                         help="Only these rules: code prefixes or names (comma list)."),
        ignore: list[str] = typer.Option([], "--ignore", metavar="CODES",
                                         help="Skip these rules: code prefixes or names (comma list)."),
        fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="LEVEL",
                                              help="Exit 1 at this severity: error, warning (default), info or never."),
        rules: list[str] = typer.Option([], "--rules", metavar="DIR", help="Extra rule folder (repeatable)."),
        exclude: list[str] = typer.Option([], "--exclude", metavar="GLOB", help="Glob of paths to skip (repeatable)."),
        config: Optional[Path] = typer.Option(None, "--config", metavar="FILE",
                                              help="Configuration file (lintlaw.toml or pyproject.toml)."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing; only the exit code."),
        baseline: Optional[Path] = typer.Option(
            None, "--baseline", metavar="FILE",
            help="Report only findings not recorded in this file ('lintlaw baseline write')."
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
        stdin_filename: Optional[str] = typer.Option(
            None, "--stdin-filename", metavar="PATH",
            help="Name standard input ('-') so per-path settings, suppressions and the format follow it.",
        ),
        color: str = typer.Option("auto", "--color", metavar="WHEN", show_default=False,
                                  help="Colour the text output: auto (default: on a terminal), always or never. "
                                  "NO_COLOR and FORCE_COLOR are honoured with auto."),
        statistics: bool = typer.Option(False, "--statistics",
                                        help="Print the number of findings per rule instead of each finding."),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", metavar="N",
                                           help="Lint files on N processes (default: the number of CPUs)."),
        progress: str = typer.Option("auto", "--progress", metavar="WHEN", show_default=False,
                                     help="Progress bar on standard error: auto (default: on a terminal, "
                                     "after a second), always or never."),
    ) -> None:
        """Lint law texts (txt, md, html, docx, pdf, Akoma Ntoso xml) for conflation patterns."""
        from lintlaw.api import lint_path
        from lintlaw.cli.baseline import apply_baseline, gone_report
        from lintlaw.cli.progress import ProgressBar, wants_progress
        from lintlaw.cli.style import styler
        from lintlaw.report import FORMAT_NAMES

        if fmt not in FORMAT_NAMES:
            raise ConfigError(f"unknown --format '{fmt}' (one of {', '.join(FORMAT_NAMES)})", code="E305")
        if statistics and fmt != "text":
            raise ConfigError("--statistics goes with the text format; drop --format or write it with -o",
                              code="E300")
        if stdin_filename is not None and "-" not in paths:
            raise ConfigError("--stdin-filename names standard input: add '-' to the paths", code="E300")
        if jobs is not None and jobs < 1:
            raise ConfigError(f"--jobs must be 1 or more; got {jobs}", code="E300")
        style = styler(color, sys.stdout)
        bar = ProgressBar(sys.stderr, enabled=not quiet and wants_progress(progress, sys.stderr))
        settings = merge_cli(resolve_config(config, select, ignore, fail_on, rules, exclude),
                             follow_links=follow_links, no_ignore_files=no_ignore_files, time_limit=timeout)
        outputs = parse_outputs(output)
        ruleset = load_checked_rules(settings, select, ignore)
        wants_documents = fmt == "html" or any(f in ("html", PDF) for f, _ in outputs)
        documents: dict | None = {} if wants_documents else None
        try:
            result = lint_path(paths, config=settings, ruleset=ruleset, documents=documents,
                               jobs=jobs or default_jobs(), stdin_filename=stdin_filename,
                               on_start=bar.start, on_file=bar.advance)
        finally:
            bar.close()
        gone = apply_baseline(result, baseline, settings, ruleset) if baseline is not None else []
        code = exit_code(result, settings.fail_on)
        extra: dict[str, Any] = {"exit_code": code}
        if with_compare:
            extra["comparison"] = protocol_comparison(documents, ruleset)
        terminal = {"style": style, "statistics": statistics} if fmt == "text" else {}
        text = render_all(result, ruleset, fmt, outputs, documents, terminal, **extra)
        if not quiet:
            sys.stderr.writelines(f"lintlaw: notice: {notice}\n" for notice in result.notices)
            sys.stdout.write(text)
            sys.stderr.write(gone_report(gone, baseline) if baseline is not None else "")
            if not result.files and not result.errors and not result.notices:
                sys.stderr.write(nothing_to_lint(paths))
        raise typer.Exit(code)
