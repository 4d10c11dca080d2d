"""``lintlaw rules`` (the rule table) and ``lintlaw rule NAME|CODE`` (one rule's documentation).

In a terminal both use rich (a table; rendered Markdown); piped, they print plain text (aligned
columns; the Markdown source), so the output stays greppable and stable.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from lintlaw.errors import ConfigError
from lintlaw.rulepack import pack_label

FORMATS = ("text", "json")
COLUMNS = ("code", "name", "kind", "severity", "stance")
E_UNKNOWN_RULE = "E351"

RULES_OPTION = typer.Option([], "--rules", help="Extra rule folder (repeatable).")
FORMAT_OPTION = typer.Option("text", "--format", "-f", help="text or json.")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ConfigError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)})", code="E305")


def _console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


def plain_table(rows: list[dict[str, str]]) -> str:
    """Aligned columns, one rule per line, for pipes and files."""
    table = [list(COLUMNS), *([str(row[c]) for c in COLUMNS] for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(COLUMNS))]
    return "".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() + "\n" for line in table)


def did_you_mean(key: str, ruleset: Any) -> str:
    """`` (did you mean LL101 consent-irrelevant-for-adults?)`` for the closest code or name, if any."""
    from rapidfuzz import fuzz, process

    choices = {r.code: r for r in ruleset.rules} | {r.name: r for r in ruleset.rules}
    best = process.extractOne(key.lower(), {k: k.lower() for k in choices}, scorer=fuzz.WRatio, score_cutoff=60)
    if best is None:
        return " (run 'lintlaw rules' to list them)"
    rule = choices[best[2]]
    return f" (did you mean {rule.code} {rule.name}?)"


def rules_command(fmt: str = FORMAT_OPTION, rules: list[Path] = RULES_OPTION) -> None:
    """List every rule: code, name, kind, severity and stance."""
    from lintlaw.engine import load_rules

    _check_format(fmt)
    ruleset = load_rules(rules)
    rows = [rule.summary() for rule in ruleset.rules]
    if fmt == "json":
        typer.echo(json.dumps({"version": ruleset.version, "rules": rows}, indent=2, ensure_ascii=False))
        return
    console = _console()
    if not console.is_terminal:
        typer.echo(plain_table(rows), nl=False)
        return
    from rich.table import Table

    table = Table(caption=f"{len(rows)} rules (pack {pack_label(ruleset)}); details: lintlaw rule CODE")
    for column in COLUMNS:
        table.add_column(column, no_wrap=True)
    for row in rows:
        table.add_row(*(str(row[c]) for c in COLUMNS))
    console.print(table)


def rule_command(
    key: str = typer.Argument(..., metavar="NAME|CODE", help="A rule code (LL101) or name."),
    fmt: str = FORMAT_OPTION,
    rules: list[Path] = RULES_OPTION,
) -> None:
    """Show one rule: what it flags, why, better drafting, examples and sources."""
    from lintlaw.engine import load_rules
    from lintlaw.rulesdoc import rule_markdown, rule_record

    _check_format(fmt)
    ruleset = load_rules(rules)
    rule = ruleset.get(key.strip())
    if rule is None:
        raise ConfigError(f"unknown rule '{key}'{did_you_mean(key, ruleset)}", code=E_UNKNOWN_RULE)
    if fmt == "json":
        typer.echo(json.dumps(rule_record(rule), indent=2, ensure_ascii=False))
        return
    markdown = rule_markdown(rule, level=1)
    console = _console()
    if not console.is_terminal:
        typer.echo(markdown, nl=False)
        return
    from rich.markdown import Markdown

    console.print(Markdown(markdown))


def register(app: typer.Typer) -> None:
    app.command("rules")(rules_command)
    app.command("rule")(rule_command)
