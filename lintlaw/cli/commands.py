"""Where each command group registers itself. One module per group keeps commands apart."""

from __future__ import annotations

import importlib

import typer

# Each module defines ``register(app)``. Listed in the order shown by ``lintlaw --help``.
COMMAND_MODULES = (
    "lintlaw.cli.check",
    "lintlaw.cli.compare",
    "lintlaw.cli.baseline",
    "lintlaw.cli.outline",
    "lintlaw.cli.explain",
    "lintlaw.cli.config",
    "lintlaw.cli.rules",
    "lintlaw.cli.eval",
    "lintlaw.cli.scan",
    "lintlaw.cli.serve",
)


def register_all(app: typer.Typer) -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
