"""The line loop: hand each classified line to the rule for its kind and return the frame tree."""

from __future__ import annotations

from lintlaw.model import Document
from lintlaw.structure import frames as F
from lintlaw.structure import lines as L
from lintlaw.structure import prose, structural
from lintlaw.structure.frames import Frame
from lintlaw.structure.numbered import place_numbered
from lintlaw.structure.profile import Profile
from lintlaw.structure.state import State


def parse(document: Document, lines: list[L.Line], profile: Profile, start: int) -> Frame:
    """Build the frame tree for ``lines`` (already classified); returns the root frame."""
    st = State(document, lines, profile, start)
    for line in lines:
        if line.gap or line.kind == L.BLANK:
            st.blank_before = True
        if line.kind == L.BLANK:
            continue
        owner = st.consumed.get(line.index)
        if owner is not None:
            owner.touch(line.end)
        else:
            _dispatch(st, line)
        st.blank_before = False
    if st.pending:
        st.settle_pending(st.top)
    st.root.end = len(document.text)
    _demote_empty_headings(st.root)
    return st.root


def _demote_empty_headings(frame: Frame) -> None:
    """A capitals line that heads nothing ("CODIGO PENAL" above "LIBRO SEGUNDO") is a title line:
    top-level text, not a heading."""
    for child in frame.children:
        empty = not child.children and not child.own
        if child.role == F.GROUP and child.kind == "heading" and empty:
            child.role, child.kind, child.word = F.TEXT, "text", None
            child.own_text(child.start, child.end)
            child.heading = None
        elif child.children:
            _demote_empty_headings(child)


def _dispatch(st: State, line: L.Line) -> None:
    kind = line.kind
    if kind == L.NOTE:
        st.pending.append(line)
    elif kind == L.NUMBERED:
        place_numbered(st, line)
    elif kind in (L.ARTICLE, L.SECTION):
        structural.open_article(st, line)
    elif kind == L.GROUP:
        structural.open_group(st, line, line.group or "part", line.num, line.word)
    elif kind == L.SCHEDULE:
        structural.open_group(st, line, "schedule", line.num, line.word)
    elif kind == L.ROMAN:
        structural.open_group(st, line, "chapter", line.num, None)
    elif kind == L.PREAMBLE:
        if st.opened_body:
            prose.place_text(st, line)
        else:
            structural.open_preamble(st, line, marker=True)
    elif kind == L.RECITAL:
        if st.opened_body:
            prose.place_text(st, line)
        else:
            structural.open_preamble(st, line, marker=False)
    elif kind == L.CLOSING:
        structural.open_closing(st, line)
    elif kind == L.PROVISO:
        prose.place_proviso(st, line)
    elif kind == L.EDITORIAL:
        prose.place_editorial(st, line)
    elif kind == L.HISTORY:
        prose.place_history(st, line)
    elif kind in (L.TEXT, L.CAPS) and structural.title_above_section(st, line):
        line.note = st.text[line.body : line.end].strip()
        st.pending.append(line)  # "Repeals" / "2. The enactments …": the section's own title
    elif kind == L.CAPS and not st.closed and not structural.title_line(st, line) and not st.norm[
            line.end - 1] == ":" and structural.caps_heading_allowed(st, line):
        structural.open_heading(st, line, "heading")
    elif kind in (L.TEXT, L.CAPS) and structural.appended_follows(st, line):
        structural.open_appended(st, line)
    elif kind == L.TEXT and structural.split_suffix(st, line):
        return
    elif kind == L.TEXT and structural.subheading_follows(st, line):
        structural.open_heading(st, line, "subheading")
    elif st.top.role == F.PREAMBLE:
        st.settle_pending(st.top)
        st.top.own_text(line.text_start, line.end)
    else:
        prose.place_text(st, line)
