"""A YAML loader with bounds, for every YAML file lintlaw reads (rules, lexicons, evaluation cases,
front matter, sidecar metadata): files from strangers must not exhaust memory or the stack.

``BoundedLoader`` is PyYAML's ``SafeLoader`` that refuses a document

- nested more than ``MAX_DEPTH`` levels deep (a 20,000-deep list would otherwise end in
  ``RecursionError``), and
- whose aliases (``*name``) would expand it by more than ``MAX_ALIAS_NODES`` nodes (a
  "billion laughs" file of 2 KB would otherwise take gigabytes once copied or walked).

Both raise ``yaml.composer.ComposerError``, a ``MarkedYAMLError`` carrying the line and column, so
each caller turns it into its own coded error naming the file, as for any other YAML error.
Aliases within the bound (the bundled rules share term lists this way) load as before.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.nodes import MappingNode, Node, SequenceNode

MAX_DEPTH = 100
MAX_ALIAS_NODES = 10_000


class BoundedLoader(yaml.SafeLoader):
    """``SafeLoader`` with a nesting bound and an alias-expansion bound (see the module docstring)."""

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._depth = 0
        self._first_alias: Any = None

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            if self._first_alias is None:
                self._first_alias = self.peek_event().start_mark
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                    self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_document(self) -> Any:
        self._first_alias = None
        node = super().compose_document()
        if self._first_alias is not None and node is not None:
            sizes: dict[int, int] = {}
            expanded = _expanded_size(node, sizes)
            if expanded - len(sizes) > MAX_ALIAS_NODES:
                raise ComposerError(
                    None, None,
                    f"aliases expand this document by more than {MAX_ALIAS_NODES:,} nodes "
                    f"({expanded:,} in all); write the values out or share less",
                    self._first_alias,
                )
        return node


def _expanded_size(node: Node, sizes: dict[int, int]) -> int:
    """How many nodes ``node`` stands for once every alias is expanded (memoised per node)."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = 1  # a node that contains itself (a recursive alias) counts once
    total = 1
    if isinstance(node, SequenceNode):
        total += sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, MappingNode):
        total += sum(_expanded_size(k, sizes) + _expanded_size(v, sizes) for k, v in node.value)
    total = min(total, 1 << 62)
    sizes[id(node)] = total
    return total


def load(text: str | bytes, loader: type[BoundedLoader] = BoundedLoader) -> Any:
    """Parse one YAML document with ``loader`` (``BoundedLoader`` or a subclass)."""
    return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
