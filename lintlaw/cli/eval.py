"""``lintlaw eval``: score the rule pack on a labelled cases file (format: docs/eval.md).

Exit codes: 0 whatever the score (a low score is a result); 2 for an unreadable or malformed
cases file (E4xx), an unknown ``--format`` or a bad rule folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from lintlaw.errors import ConfigError

EVAL_FORMATS = ("text", "json")


def eval_command(
    cases: Path = typer.Argument(..., help="The cases file (YAML list of cases)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    rules: list[Path] = typer.Option([], "--rules", help="Extra rule folder (repeatable)."),
    by_rule: bool = typer.Option(True, "--by-rule/--no-by-rule", help="Print the per-rule table (text format)."),
    by_language: bool = typer.Option(False, "--by-language", help="Print totals per language (text format)."),
    by_tradition: bool = typer.Option(False, "--by-tradition", help="Print totals per drafting tradition (text format)."),
) -> None:
    """Score the rules on labelled cases: per-rule precision and recall, false positives and negatives."""
    from lintlaw.engine import load_rules
    from lintlaw.evaluate import case_facets, engine_linter, evaluate, load_cases, render_text, report_dict

    if fmt not in EVAL_FORMATS:
        raise ConfigError(f"unknown --format '{fmt}' (one of {', '.join(EVAL_FORMATS)})", code="E305")
    loaded = load_cases(cases)
    ruleset = load_rules(rules)
    report = evaluate(
        loaded, engine_linter(ruleset), codes={r.name: r.code for r in ruleset.rules}, describe=case_facets,
    )
    if fmt == "json":
        typer.echo(json.dumps(report_dict(report, str(cases)), indent=2, ensure_ascii=False))
    else:
        typer.echo(render_text(
            report, by_rule=by_rule, by_language=by_language, by_tradition=by_tradition,
        ), nl=False)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
