"""Check rule selectors (``select``, ``ignore``, per-path lists, ``--select``) against the rule pack.

A selector is ``ALL``, a code prefix (``LL1``, ``LL101``) or a rule name. One that matches no
rule is almost always a typo, and would otherwise silently run zero rules: it is a coded error
(E307) with the nearest code or name as a suggestion.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from lintlaw.config import Config
from lintlaw.errors import ConfigError

UNKNOWN_SELECTOR = "E307"


@dataclass(frozen=True)
class UnknownSelector:
    key: str
    where: str  # "--select", "select in lintlaw.toml", "per-path 'treaties/**' ignore in …"
    suggestion: str | None

    @property
    def message(self) -> str:
        hint = f"; did you mean '{self.suggestion}'?" if self.suggestion else "; see 'lintlaw rules'"
        return f"unknown rule code or name '{self.key}' in {self.where}{hint}"


def _known(rules: Iterable[Any]) -> tuple[list[str], list[str]]:
    rules = list(rules)
    return [r.code for r in rules], [r.name for r in rules]


def matches_some_rule(key: str, codes: Sequence[str], names: Sequence[str]) -> bool:
    k = key.strip()
    if not k or k.upper() == "ALL":
        return True
    return any(code.upper().startswith(k.upper()) for code in codes) or k.lower() in names


def suggest(key: str, codes: Sequence[str], names: Sequence[str]) -> str | None:
    k = key.strip()
    looks_like_code = any(ch.isdigit() for ch in k) and "-" not in k
    if looks_like_code and k.upper().replace("O", "0") in codes:  # LL1O1: a letter O for a zero
        return k.upper().replace("O", "0")
    if looks_like_code:
        close = difflib.get_close_matches(k.upper(), codes, n=1, cutoff=0.6)
    else:
        close = difflib.get_close_matches(k.lower(), names, n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_selectors(config: Config, rules: Iterable[Any], cli_select: Sequence[str] = (),
                      cli_ignore: Sequence[str] = ()) -> list[UnknownSelector]:
    """Every selector in ``config`` (and on the command line) that matches no rule in ``rules``."""
    codes, names = _known(rules)
    source = config.source.name if config.source else "the configuration"
    cli_sel = {s.strip() for v in cli_select for s in v.split(",")}
    cli_ign = {s.strip() for v in cli_ignore for s in v.split(",")}
    places: list[tuple[str, str]] = []
    places += [(k, "--select" if k in cli_sel else f"'select' in {source}") for k in config.select]
    places += [(k, "--ignore" if k in cli_ign else f"'ignore' in {source}") for k in config.ignore]
    for override in config.per_path:
        places += [(k, f"per-path '{override.pattern}' select in {source}") for k in override.select]
        places += [(k, f"per-path '{override.pattern}' ignore in {source}") for k in override.ignore]
    found: list[UnknownSelector] = []
    for key, where in places:
        if not matches_some_rule(key, codes, names):
            found.append(UnknownSelector(key, where, suggest(key, codes, names)))
    return found


def check_selectors(config: Config, rules: Iterable[Any], cli_select: Sequence[str] = (),
                    cli_ignore: Sequence[str] = ()) -> None:
    """Raise E307 for the first selector that matches no rule."""
    unknown = unknown_selectors(config, rules, cli_select, cli_ignore)
    if unknown:
        first = unknown[0]
        file = None if first.where.startswith("--") else (str(config.source) if config.source else None)
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise ConfigError(first.message + more, file=file, code=UNKNOWN_SELECTOR)
