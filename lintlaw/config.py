"""Settings from ``lintlaw.toml`` or ``[tool.lintlaw]`` in ``pyproject.toml``, then the command line.

```toml
[tool.lintlaw]
select = ["LL1", "LL201"]         # code prefixes or rule names; default: every rule
ignore = ["LL105"]
fail-on = "warning"               # error | warning | info | never
exclude = ["drafts/old/**"]       # globs, matched against paths relative to the config file
rule-dirs = ["house-rules"]       # extra rule folders, relative to the config file

[[tool.lintlaw.per-path]]
path = "bills/treaties/**"
ignore = ["LL116"]
```
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Sequence

from lintlaw.errors import ConfigError
from lintlaw.limits import DEFAULT_SECONDS

FAIL_ON = ("error", "warning", "info", "never")
KNOWN_KEYS = {"select", "ignore", "fail-on", "exclude", "rule-dirs", "per-path", "extend-select", "extend-ignore"}


@dataclass
class PathOverride:
    """Extra select/ignore for files matching a glob."""

    pattern: str
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)


@dataclass
class Config:
    """Resolved settings. ``source`` is the file they came from (None: defaults)."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    exclude: list[str] = field(default_factory=list)
    rule_dirs: list[Path] = field(default_factory=list)
    per_path: list[PathOverride] = field(default_factory=list)
    source: Path | None = None
    follow_links: bool = False  # follow links that lead outside the folders walked
    ignore_files: bool = True  # respect .gitignore and .lintlawignore in folder walks
    time_limit: float | None = DEFAULT_SECONDS  # per document (None: no limit); see lintlaw.limits

    @property
    def root(self) -> Path:
        return self.source.parent if self.source else Path.cwd()

    def relative(self, path: str | Path) -> str:
        p = Path(path)
        try:
            return PurePosixPath(p.resolve().relative_to(self.root.resolve())).as_posix()
        except (OSError, RuntimeError):  # a symbolic-link loop: place it without resolving
            try:
                return PurePosixPath(Path(os.path.abspath(p)).relative_to(os.path.abspath(self.root))).as_posix()
            except ValueError:
                return PurePosixPath(p).as_posix()
        except ValueError:
            return PurePosixPath(p).as_posix()

    def is_excluded(self, path: str | Path) -> bool:
        rel = self.relative(path)
        return any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(Path(rel).name, pat) for pat in self.exclude)

    def overrides_for(self, path: str | Path) -> tuple[list[str], list[str]]:
        """Additional (select, ignore) lists that apply to ``path``."""
        rel = self.relative(path)
        select: list[str] = []
        ignore: list[str] = []
        for override in self.per_path:
            if fnmatch.fnmatch(rel, override.pattern):
                select += override.select
                ignore += override.ignore
        return select, ignore

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": str(self.source) if self.source else None,
            "select": self.select,
            "ignore": self.ignore,
            "fail-on": self.fail_on,
            "exclude": self.exclude,
            "rule-dirs": [str(p) for p in self.rule_dirs],
            "per-path": [{"path": o.pattern, "select": o.select, "ignore": o.ignore} for o in self.per_path],
        }


def _str_list(value: Any, key: str, source: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of strings", file=str(source), code="E302")
    return list(value)


def _parse(table: dict[str, Any], source: Path) -> Config:
    unknown = set(table) - KNOWN_KEYS
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}", file=str(source), code="E302")
    config = Config(source=source)
    config.select = _str_list(table.get("select", []), "select", source) + _str_list(
        table.get("extend-select", []), "extend-select", source)
    config.ignore = _str_list(table.get("ignore", []), "ignore", source) + _str_list(
        table.get("extend-ignore", []), "extend-ignore", source)
    config.exclude = _str_list(table.get("exclude", []), "exclude", source)
    fail_on = table.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"'fail-on' must be one of {', '.join(FAIL_ON)}", file=str(source), code="E302")
    config.fail_on = fail_on
    config.rule_dirs = [(source.parent / d) for d in _str_list(table.get("rule-dirs", []), "rule-dirs", source)]
    overrides = table.get("per-path", [])
    if not isinstance(overrides, list):
        raise ConfigError("'per-path' must be an array of tables", file=str(source), code="E302")
    for item in overrides:
        if not isinstance(item, dict) or not isinstance(item.get("path"), str):
            raise ConfigError("each 'per-path' entry needs a 'path' glob", file=str(source), code="E302")
        config.per_path.append(PathOverride(
            item["path"], _str_list(item.get("select", []), "select", source),
            _str_list(item.get("ignore", []), "ignore", source)))
    return config


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(f"invalid TOML: {exc}", file=str(path), line=line, code="E301") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ConfigError("configuration file is not UTF-8 text", file=str(path), line=line, code="E301") from None
    except OSError as exc:
        raise ConfigError(f"cannot read configuration: {exc.strerror}", file=str(path), code="E301") from None


def find_config(start: Path) -> Path | None:
    """The nearest ``lintlaw.toml``, or ``pyproject.toml`` with a ``[tool.lintlaw]`` table."""
    start = start.resolve()
    for folder in [start, *start.parents] if start.is_dir() else [start.parent, *start.parent.parents]:
        candidate = folder / "lintlaw.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "lintlaw" in _table(_read_toml(candidate).get("tool", {}), "tool", candidate):
            return candidate
    return None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """Load settings from ``explicit`` or the nearest config file above ``start`` (default: cwd)."""
    path = explicit or find_config(start or Path.cwd())
    if path is None:
        return Config()
    if explicit is not None and not explicit.is_file():
        raise ConfigError("configuration file not found", file=str(explicit), code="E303")
    data = _read_toml(path)
    tool = _table(data.get("tool", {}), "tool", path)
    table = data
    if path.name == "pyproject.toml" or "lintlaw" in tool:
        table = _table(tool.get("lintlaw", {}), "tool.lintlaw", path)
    return _parse(table, path)


def _table(value: Any, key: str, source: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"'{key}' must be a table", file=str(source), code="E302")
    return value


def merge_cli(config: Config, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
              fail_on: str | None = None, rule_dirs: Sequence[str] = (), exclude: Sequence[str] = (),
              follow_links: bool = False, no_ignore_files: bool = False, time_limit: float | None = None) -> Config:
    """Command-line options win over the file: --select replaces, --ignore and the others extend."""
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"--fail-on must be one of {', '.join(FAIL_ON)}", code="E304")
    return Config(
        select=[s for v in select for s in v.split(",") if s] or config.select,
        ignore=config.ignore + [s for v in ignore for s in v.split(",") if s],
        fail_on=fail_on or config.fail_on,
        exclude=config.exclude + list(exclude),
        rule_dirs=config.rule_dirs + [Path(d) for d in rule_dirs],
        per_path=config.per_path,
        source=config.source,
        follow_links=follow_links or config.follow_links,
        ignore_files=config.ignore_files and not no_ignore_files,
        time_limit=config.time_limit if time_limit is None else (time_limit or None),
    )
