"""Help text as linter users expect it: ``--select CODES``, not ``--select <list[str]>``.

Typer shows each parameter's Python type as its metavar. Commands built here show the metavar
each option names instead (``FORMAT``, ``PATH``), nothing for a flag, and ``PATH...`` for a
variadic argument in the usage line.
"""

from __future__ import annotations

import types
from typing import Any

import typer
import typer.core


def _argument_usage(param: Any) -> list[str]:
    name = param.metavar or param.name.upper()
    name = name if param.required else f"[{name}]"
    return [f"{name}..." if param.nargs != 1 else name]


def _default_metavar(param: Any) -> str:
    long_names = [o for o in param.opts if o.startswith("--")]
    return (long_names[0][2:] if long_names else param.name).upper()


def plain_param(param: Any) -> Any:
    """Show ``param`` in help by its metavar alone; flags and arguments show no type column."""
    if getattr(param, "_lintlaw_plain", False):
        return param
    is_argument = param.param_type_name == "argument"
    shown = None if is_argument or getattr(param, "is_flag", False) else param.metavar or _default_metavar(param)
    if hasattr(param, "display_type_rich"):
        param.display_type_rich = lambda ctx, _shown=shown: _shown
    if hasattr(param, "display_type"):
        param.display_type = lambda ctx, _shown=shown: _shown or ""
    if is_argument:
        param.get_usage_pieces = types.MethodType(lambda self, ctx: _argument_usage(self), param)
    param._lintlaw_plain = True
    return param


class PlainHelpCommand(typer.core.TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return [plain_param(p) for p in super().get_params(ctx)]


class PlainHelpGroup(typer.core.TyperGroup):
    def get_params(self, ctx: Any) -> list[Any]:
        return [plain_param(p) for p in super().get_params(ctx)]


class LintlawTyper(typer.Typer):
    """A ``typer.Typer`` whose commands and groups use the plain help style above."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("cls", PlainHelpGroup)
        kwargs.setdefault("context_settings", {"help_option_names": ["-h", "--help"]})
        super().__init__(*args, **kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["cls"] = kwargs.get("cls") or PlainHelpCommand
        return super().command(*args, **kwargs)
