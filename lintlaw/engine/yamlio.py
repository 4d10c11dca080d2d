"""YAML reading that remembers where each key was, so errors can name the file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from lintlaw.boundedyaml import BoundedLoader
from lintlaw.errors import RuleError


class LineDict(dict):
    """A mapping that knows the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(BoundedLoader):
    """The bounded safe loader whose mappings remember their lines."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark, "found a list or mapping as a key",
                key_node.start_mark) from None
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_with_lines(text: str) -> Any:
    """Parse YAML text (bounded safe loader) into plain objects whose mappings are ``LineDict``."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass


def load_yaml(path: Path, *, code: str = "E201") -> Any:
    """Parse a YAML file; syntax errors become a RuleError naming the file, line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file: {exc}", file=str(path), code="E200") from None
    try:
        return parse_with_lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise RuleError(f"invalid YAML: {problem}", file=str(path), line=line, column=column, code=code) from None
    except yaml.YAMLError as exc:
        raise RuleError(f"invalid YAML: {exc}", file=str(path), code=code) from None
