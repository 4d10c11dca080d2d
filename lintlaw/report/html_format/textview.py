"""The law's text as HTML lines: flagged clauses shaded, matched words marked, every line anchored.

Each line is a ``div`` with a stable id (``d0-L12``) so findings link to it. A line inside a
flagged clause lists the findings that flag it in ``data-f``; each ``mark`` lists the findings
whose matched words it covers, so the page script can dim what the filters hide.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

from lintlaw.model import SEVERITY_RANK, Document, Finding

_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class Flag:
    """A finding as the text view needs it: its page id, severity and the ranges to shade."""

    fid: str
    severity: str
    match: tuple[int, int]
    clause: tuple[int, int]


class Folded:
    """A text with runs of white space folded to one space, and the map back to the original."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        index: list[int] = []
        pos = 0
        for match in _SPACE_RUN.finditer(text):
            pieces.append(text[pos : match.start()])
            index.extend(range(pos, match.start()))
            pieces.append(" ")
            index.append(match.start())
            pos = match.end()
        pieces.append(text[pos:])
        index.extend(range(pos, len(text)))
        self.text = "".join(pieces)
        self.index = index

    def to_folded(self, offset: int) -> int:
        return bisect.bisect_left(self.index, offset)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.index[start], self.index[end - 1] + 1


def clause_span(text: str, folded: Folded, finding: Finding) -> tuple[int, int]:
    """Where the finding's clause lies in the text.

    Findings carry their clause's text with white space folded, so it is looked up in the folded
    text around the match; if it is not found there, the lines of the match stand in for it.
    """
    clause = finding.clause_text
    start, end = folded.to_folded(finding.start), folded.to_folded(finding.end)
    if clause:
        found = folded.text.rfind(clause, max(0, end - len(clause)), start + len(clause))
        if found != -1:
            return folded.to_original(found, found + len(clause))
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", max(finding.start, finding.end - 1))
    return line_start, len(text) if line_end == -1 else line_end


def make_flags(document: Document, findings: list[tuple[str, Finding]]) -> list[Flag]:
    text = document.text
    folded = Folded(text)
    flags = []
    for fid, finding in findings:
        start = max(0, min(finding.start, len(text)))
        end = max(start, min(finding.end, len(text)))
        flags.append(Flag(fid, finding.severity, (start, end), clause_span(text, folded, finding)))
    return flags


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    """Whether a clause span covers part of the line ``[start, end)`` (a blank line: its offset)."""
    if start == end:
        return span[0] <= start < span[1]
    return span[0] < end and span[1] > start


def _worst(flags: list[Flag]) -> str:
    return max((f.severity for f in flags), key=lambda s: SEVERITY_RANK.get(s, 0))


def _line_html(text: str, start: int, end: int, flags: list[Flag]) -> str:
    """One line's text, with ``mark`` elements where matches cover it."""
    marks = [f for f in flags if f.match[0] < end and f.match[1] > start and f.match[0] < f.match[1]]
    if not marks:
        return html.escape(text[start:end])
    cuts = sorted({start, end, *(max(start, f.match[0]) for f in marks), *(min(end, f.match[1]) for f in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        piece = html.escape(text[a:b])
        covering = [f for f in marks if f.match[0] <= a and f.match[1] >= b]
        if covering:
            ids = " ".join(f.fid for f in covering)
            out.append(f'<mark class="hl sev-{_worst(covering)}" data-f="{ids}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def render_text(document: Document, findings: list[tuple[str, Finding]], prefix: str) -> str:
    """The document body as numbered lines; ``prefix`` makes line ids unique on the page."""
    return "\n".join(row for _, row in render_rows(document, findings, prefix))


def clause_lines(document: Document, findings: list[tuple[str, Finding]]) -> dict[str, int]:
    """Finding id → the line where its clause starts: where its card stands beside the text."""
    text = document.text
    first_body_line = text.count("\n", 0, document.body_start) + 1
    return {flag.fid: max(first_body_line, text.count("\n", 0, flag.clause[0]) + 1)
            for flag in make_flags(document, findings)}


def render_rows(document: Document, findings: list[tuple[str, Finding]], prefix: str) -> list[tuple[int, str]]:
    """``(line number, row HTML)`` for each line of the body, front matter left out."""
    text = document.text
    flags = make_flags(document, findings) if findings else []
    first_line = text.count("\n", 0, document.body_start)
    rows = []
    pos = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, end = pos, pos + len(line)
        pos = end + 1
        if number <= first_line:
            continue
        shading = [f for f in flags if _overlaps(f.clause, start, end)]
        anchor = f"{prefix}-L{number}"
        classes = "row"
        data = ""
        if shading:
            classes += f" flagged sev-{_worst(shading)}"
            data = f' data-f="{" ".join(f.fid for f in shading)}"'
        body = _line_html(text, start, end, flags) or " "
        rows.append((number,
            f'<div class="{classes}" id="{anchor}"{data}><a class="ln" href="#{anchor}">{number}</a>'
            f'<span class="lt">{body}</span></div>'
        ))
    return rows
