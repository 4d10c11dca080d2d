"""The parser's working records: a ``Frame`` per clause under construction.

Frames carry what the parser needs to place later lines (style, ordinal, indentation, rank) and
what the tree builder needs to name the clause (role, level, number, keyword). ``tree`` turns the
finished frames into ``lintlaw.model.Clause`` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lintlaw.structure.numbering import Ordinal

# Roles
ROOT = "root"
GROUP = "group"  # part, chapter, title, schedule, capitals heading, subheading
PREAMBLE = "preamble"
ARTICLE = "article"  # article or section: ids and labels restart here
LIST = "list"  # numbered subdivision: subsection, paragraph, item ...
DEFINITION = "definition"  # unnumbered definition
PROVISO = "proviso"
INDENT = "indent"  # dash bullet
TEXT = "text"  # unplaced prose at the top level

CONTAINERS = (ROOT, GROUP)


@dataclass(eq=False)
class Frame:
    """A clause being built."""

    role: str
    start: int
    end: int
    indent: int = -1
    rank: float = 0.0
    level: int = -1  # lattice level: 0 article/section, 1.. subdivisions, -1 none
    kind: str = ""  # group kind, "article" or "section"; list kinds come from the lattice
    style: str | None = None
    ordinal: Ordinal | None = None
    num: str | None = None
    word: str | None = None  # the keyword as written: "Article", "CHAPTER", "§"
    heading: str | None = None
    term: str | None = None
    counts_as: str | None = None  # the role whose numbering it keeps (a text read as the preamble)
    own: list[tuple[int, int]] = field(default_factory=list)
    children: list["Frame"] = field(default_factory=list)
    parent: "Frame | None" = None

    def add(self, child: "Frame") -> "Frame":
        child.parent = self
        self.children.append(child)
        return child

    def touch(self, end: int) -> None:
        if end > self.end:
            self.end = end

    def own_text(self, start: int, end: int) -> None:
        if end > start:
            self.own.append((start, end))
            self.touch(end)

    @property
    def has_own(self) -> bool:
        return bool(self.own)

    def last_own(self, text: str) -> str:
        return text[self.own[-1][0] : self.own[-1][1]] if self.own else ""

    def first_own(self, text: str) -> str:
        return text[self.own[0][0] : self.own[0][1]] if self.own else ""

    def section(self) -> "Frame | None":
        """The nearest article or section at or above this frame."""
        node: Frame | None = self
        while node is not None and node.role != ARTICLE:
            node = node.parent
        return node
