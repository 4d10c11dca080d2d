"""The parser's state: the stack of open frames and the helpers that open and close them."""

from __future__ import annotations

from lintlaw.model import Document
from lintlaw.structure import frames as F
from lintlaw.structure.frames import Frame
from lintlaw.structure import lines as L
from lintlaw.structure.lines import Line
from lintlaw.structure.patterns import ENACTING, heading_like
from lintlaw.structure.profile import Profile


MAX_DEPTH = 40  # no real law nests this deep; a cap keeps the tree (and recursion over it) bounded


class State:
    """Open frames (innermost last), marginal notes waiting for their clause, and look-ahead marks."""

    def __init__(self, document: Document, lines: list[Line], profile: Profile, start: int) -> None:
        self.text = document.text
        self.norm = document.norm
        self.lines = lines
        self.profile = profile
        self.tradition = profile.tradition
        self.root = Frame(F.ROOT, start, start, indent=-1, rank=-1.0)
        self.stack: list[Frame] = [self.root]
        self.pending: list[Line] = []  # marginal notes placed before the clause they name
        self.consumed: dict[int, Frame] = {}  # heading lines already taken by the clause above
        self.blank_before = True
        self.opened_body = False  # an article, section or numbered clause has been opened
        self.closed = False  # the closing formula ("Done at …", "Fait à …") has been read

    @property
    def top(self) -> Frame:
        return self.stack[-1]

    def words(self, start: int, end: int) -> str:
        return self.norm[start:end]

    def pop_to(self, frame: Frame) -> None:
        """Close every frame above ``frame``."""
        while len(self.stack) > 1 and self.stack[-1] is not frame:
            self.stack.pop()

    def in_stack(self, role: str) -> Frame | None:
        for frame in reversed(self.stack):
            if frame.role == role:
                return frame
        return None

    def push(self, parent: Frame, frame: Frame) -> Frame:
        """Open ``frame`` as the last child of ``parent`` (closing what is above ``parent``).

        Nesting stops at ``MAX_DEPTH``: deeper lines (runaway indentation) become siblings.
        """
        self.pop_to(parent)
        while len(self.stack) > MAX_DEPTH:
            self.stack.pop()
            parent = self.stack[-1]
        parent.add(frame)
        self.stack.append(frame)
        if self.pending:
            frame.start = min(frame.start, self.pending[0].body)
            note = self.pending[-1]
            if frame.heading is None and note.note:
                frame.heading = self.text[note.text_start : note.end].strip()
            frame.touch(self.pending[-1].end)
            self.pending.clear()
        if frame.role == F.ARTICLE or (frame.role == F.LIST and parent.kind != "heading"):
            self.opened_body = True  # numbered items under a "SUMMARY" heading are not the body
        return frame

    def settle_pending(self, frame: Frame) -> None:
        """Notes that named no new clause stay inside the clause that takes the next line."""
        if self.pending:
            frame.touch(self.pending[-1].end)
            self.pending.clear()

    def pop_indented(self, indent: int) -> None:
        """In indented documents, close clauses indented at or beyond ``indent`` (not groups)."""
        while len(self.stack) > 1:
            top = self.stack[-1]
            if top.role in F.CONTAINERS or top.role == F.PREAMBLE:
                return
            if top.role == F.TEXT or top.indent >= indent:
                self.stack.pop()
                continue
            return

    def pop_ranked(self, rank: float) -> None:
        """Close open frames on the same rung as a new line of ``rank`` or deeper (higher rank)."""
        while len(self.stack) > 1:
            top = self.stack[-1]
            if top.role == F.TEXT or (top.role != F.PREAMBLE and top.rank >= rank):
                self.stack.pop()
                continue
            return

    def close_front_matter(self) -> None:
        """A section after the enacting formula is outside the heading ("SUMMARY") above it."""
        for pos, frame in enumerate(self.stack):
            if frame.role == F.GROUP and frame.kind == "heading" and ENACTING.search(
                    frame.last_own(self.norm)):
                del self.stack[pos:]
                return

    def close_preamble(self) -> None:
        preamble = self.in_stack(F.PREAMBLE)
        if preamble is not None:
            self.pop_to(preamble)
            self.stack.pop()

    def heading_below(self, line: Line) -> str | None:
        """Take the next non-blank line as the heading of ``line``'s clause if it reads as a title."""
        index = line.index + 1
        while index < len(self.lines) and self.lines[index].kind == L.BLANK:
            index += 1
        if index >= len(self.lines):
            return None
        below = self.lines[index]
        if below.kind not in (L.TEXT, L.CAPS):
            return None
        words = self.norm[below.body : below.end]
        end = below.end
        dashed = words.rstrip("-\u2014\u2013 ")
        if dashed != words and dashed.endswith("."):  # "Kidnapping.—": a title run into the text
            end = below.body + len(dashed)
            if not heading_like(dashed[:-1]):
                return None
        elif not heading_like(words):
            return None
        self.consumed[index] = self.top
        return self.text[below.body : end]
