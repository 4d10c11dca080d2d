"""Rendering helpers shared by the markup readers: a line builder that tracks offsets in linear
time, whitespace collapsing, and list counters (1, a, A, i, I) for automatic numbering."""

from __future__ import annotations

import re

_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def squash(text: str) -> str:
    """Collapse runs of ASCII whitespace, as HTML and XML render them, and strip the ends.

    Other spaces (no-break, thin) are text and stay; ``Document.norm`` folds them for matching.
    """
    return _SPACE.sub(" ", text).strip(" ")


class LineBuilder:
    """Collects lines; ``pos`` is the offset at which the next line will start."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.pos = 0

    def add(self, line: str) -> tuple[int, int]:
        """Append one line (no newline inside) and return its (start, end) offsets."""
        start = self.pos
        self._parts.append(line)
        self._parts.append("\n")
        self.pos += len(line) + 1
        return start, start + len(line)

    @property
    def last_end(self) -> int:
        """Offset just after the last line's text (before its newline); 0 when empty."""
        return max(0, self.pos - 1)

    def text(self) -> str:
        return "".join(self._parts)


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


def counter(value: int, style: str) -> str:
    """Render a list counter: style ``1``/``a``/``A``/``i``/``I`` as in HTML's ``type``."""
    if style in ("a", "A") and value > 0:
        letters = ""
        n = value
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters if style == "a" else letters.upper()
    if style in ("i", "I") and 0 < value < 4000:
        roman = ""
        n = value
        for amount, digits in _ROMAN:
            count, n = divmod(n, amount)
            roman += digits * count
        return roman if style == "i" else roman.upper()
    return str(value)
