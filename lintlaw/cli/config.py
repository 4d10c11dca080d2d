"""``lintlaw config``: print the settings lintlaw resolves from files and options."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer


def register(app: typer.Typer) -> None:
    @app.command("config")
    def show_config(
        config: Optional[Path] = typer.Option(None, "--config", metavar="FILE", help="Configuration file to read."),
        select: list[str] = typer.Option([], "--select", metavar="CODES",
                                         help="Only these rules: code prefixes or names (comma list)."),
        ignore: list[str] = typer.Option([], "--ignore", metavar="CODES",
                                         help="Skip these rules: code prefixes or names (comma list)."),
        fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="LEVEL",
                                              help="error, warning (default), info or never."),
        rules: list[str] = typer.Option([], "--rules", metavar="DIR", help="Extra rule folder (repeatable)."),
        fmt: str = typer.Option("text", "--format", "-f", metavar="FORMAT", help="text or json."),
    ) -> None:
        """Show the resolved configuration and the rules it activates."""
        from lintlaw.cli.check import all_rules, resolve_config
        from lintlaw.engine import load_rules
        from lintlaw.rulepack import pack_label
        from lintlaw.selection import unknown_selectors

        settings = resolve_config(config, select, ignore, fail_on, rules, [])
        pack = load_rules(settings.rule_dirs)
        for unknown in unknown_selectors(settings, all_rules(pack), select, ignore):
            typer.echo(f"lintlaw: warning: E307 {unknown.message}", err=True)
        ruleset = pack.subset(settings.select, settings.ignore)
        data = settings.to_dict()
        data["rules-version"] = ruleset.version
        data["active-rules"] = [f"{r.code} {r.name}" for r in ruleset.rules]
        if fmt == "json":
            typer.echo(json.dumps(data, indent=2))
            return
        typer.echo(f"source     {data['source'] or '(defaults: no lintlaw.toml or [tool.lintlaw] found)'}")
        for key in ("select", "ignore", "fail-on", "exclude", "rule-dirs"):
            value = data[key]
            typer.echo(f"{key:<10} {', '.join(value) if isinstance(value, list) else value or '-'}")
        for override in data["per-path"]:
            typer.echo(f"per-path   {override['path']}: select={override['select']} ignore={override['ignore']}")
        typer.echo(f"rules      {len(ruleset.rules)} active (pack {pack_label(ruleset)})")
        for line in data["active-rules"]:
            typer.echo(f"  {line}")
