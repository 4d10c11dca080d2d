"""Place a numbered line: continue an open list, or start a new one under the right clause.

1. *Continuation*: the innermost open clause of the same style whose number this one follows
   (``(b)`` after ``(a)``, ``(b.1)`` after ``(b)``, letter ``i`` after ``h``) becomes its sibling.
   In indented documents the line must sit deeper than that clause's parent, and a clause whose
   text ends in a colon takes a deeper line as a child instead (an amending Act quoting ``(3)``
   under its own ``(2)``).
2. *New list*: otherwise the line starts a list. Indented documents nest it under the innermost
   clause indented less; flat ones close clauses whose lattice rank is not above the new style's.

The lattice level then names the clause (subsection, paragraph …): by style in the Commonwealth,
US and German traditions, by depth under the article in the civil-law one.
"""

from __future__ import annotations

import re

from lintlaw.structure import frames as F
from lintlaw.structure import prose
from lintlaw.structure.frames import Frame
from lintlaw.structure.lattice import ARTICLE_RANK, style_level, style_rank
from lintlaw.structure.lines import Line, inner_line
from lintlaw.structure.numbering import Reading, follows, parse_marker, preferred
from lintlaw.structure.patterns import clean_heading, introduces, opens_list, quotes_text
from lintlaw.structure.state import State


def place_numbered(st: State, line: Line, within: Frame | None = None) -> None:
    """Open the clause a numbered line starts; ``within`` forces its parent (same-line numbers)."""
    marker = line.marker
    assert marker is not None
    if marker.num == "":
        prose.place_dash(st, line)
        return
    if _is_section(st, marker.readings) and within is None:
        st.close_preamble()
        st.close_front_matter()
    found = _continuation(st, line) if within is None else None
    if found is not None:
        previous, reading = found
        parent = previous.parent or st.root
        frame = Frame(previous.role, line.body, line.end, indent=line.indent, rank=previous.rank,
                      level=previous.level, kind=previous.kind, style=reading.style,
                      ordinal=reading.ordinal, num=marker.num)
    else:
        reading = preferred(marker.readings)
        parent = within if within is not None else _parent(st, line, reading)
        frame = _new_frame(st, line, reading, parent)
    st.push(parent, frame)
    inline = frame.role in (F.LIST, F.ARTICLE) and line.inner is None
    rest = _inline_item(st, frame, line) if inline else None
    if rest is not None:  # "(1) This Act may be called … (2) It extends to …": split the line
        line = Line(line.index, line.start, line.body, rest.body, line.indent, kind=line.kind,
                    marker=line.marker, text_start=line.text_start, lead=line.lead)
        while line.end > line.text_start and st.norm[line.end - 1].isspace():
            line.end -= 1
    if not place_words(st, frame, line) and frame.role == F.ARTICLE and frame.heading is None:
        frame.heading = st.heading_below(line)  # "359." / "Kidnapping.—" / "Kidnapping is …"
    frame.touch(line.end)
    if rest is not None:
        place_numbered(st, rest)


_INLINE = re.compile(r"(?<=[.;:\-\u2014]) (\((?:\d{1,3}|[a-z]{1,4})\)) (?=[\"'A-Za-z])")


def _inline_item(st: State, frame: Frame, line: Line) -> Line | None:
    """The next item written on the same line as ``frame``'s: the following number of its list
    after a full stop or semicolon ("… 1933. (2) It extends …"), or the first item of a new list
    after a dash or colon ("Any person who- (a) keeps …")."""
    if not line.has_text or frame.ordinal is None:
        return None
    for m in _INLINE.finditer(st.norm, line.text_start, line.end):
        marker = parse_marker(m.group(1))
        if marker is None:
            continue
        before = st.norm[m.start() - 1]
        sibling = frame.role == F.LIST and before in ".;" and any(
            r.style == frame.style and follows(frame.ordinal, r.ordinal) for r in marker.readings)
        child = before in ":-\u2014" and any(
            r.ordinal == (1, 0) and r.style != frame.style for r in marker.readings)
        if sibling or child:
            at = m.start(1)
            rest = at + marker.end
            while rest < line.end and st.norm[rest].isspace():
                rest += 1
            return Line(line.index, line.start, at, line.end, line.indent + (1 if child else 0),
                        kind=line.kind, marker=marker, text_start=rest)
    return None


def place_words(st: State, frame: Frame, line: Line) -> bool:
    """The words after a number or keyword: a same-line sub-number, a heading or own text.

    Returns whether the line had any (if not, the caller may look for a heading below).
    """
    if line.lead is not None:
        frame.heading = st.text[line.lead[0] : line.lead[1]]
    if line.inner is not None:
        frame.touch(line.end)
        place_numbered(st, inner_line(line, st.norm), within=frame)
        return True
    if line.heading and line.has_text:
        frame.heading = clean_heading(st.text[line.text_start : line.end])
    elif line.has_text:
        tail = _tail_start(st, frame, line)
        proviso = _PROVISO_INLINE.search(st.norm, line.text_start, line.end)
        if tail is None and proviso is not None:  # "… of prostitution: Provided that the mother …"
            prose.add_text(st, frame, line.text_start, proviso.start() + 1)
            prose.open_proviso(st, frame, proviso.end() - len(proviso.group(1)), line)
        elif tail is None:
            prose.add_text(st, frame, line.text_start, line.end)
        else:  # "(b) in any brothel, is guilty of a felony.": the words after the item are the owner's
            owner = frame.parent
            assert owner is not None
            prose.add_text(st, frame, line.text_start, tail)
            st.pop_to(owner)
            owner.own_text(_skip(st.norm, tail, line.end), line.end)
    return line.has_text


def _tail_start(st: State, frame: Frame, line: Line) -> int | None:
    """Where the words that complete the owner's sentence start in an item's line, when the owner
    introduces its list with a dash or colon ("Any person who—")."""
    owner = frame.parent
    if frame.role != F.LIST or owner is None or owner.role in F.CONTAINERS:
        return None
    if not opens_list(owner.last_own(st.norm)):
        return None
    m = _PREDICATE.search(st.norm, line.text_start, line.end)
    return m.start() + 1 if m else None


_PROVISO_INLINE = re.compile(r"[:.;] +((?:Provided|PROVIDED),? (?:that|THAT|further|also|however))")
_PREDICATE = re.compile(  # the predicate of an offence or deeming provision, after its last item
    r",\s+(?=(?:is guilty|shall be guilty|shall be deemed|are deemed|is deemed|commits an offence"
    r"|shall be liable|is liable|shall be punished|is punishable|shall be punishable)\b)")


def _skip(text: str, at: int, end: int) -> int:
    while at < end and text[at].isspace():
        at += 1
    return at


def _is_section(st: State, readings: tuple[Reading, ...]) -> bool:
    return any(r.style in st.profile.section_styles for r in readings)


def _continuation(st: State, line: Line) -> tuple[Frame, Reading] | None:
    marker = line.marker
    assert marker is not None
    best: tuple[int, Frame, Reading] | None = None
    for reading in marker.readings:
        for pos in range(len(st.stack) - 1, 0, -1):
            frame = st.stack[pos]
            if frame.style != reading.style or frame.ordinal is None:
                continue
            if not follows(frame.ordinal, reading.ordinal):
                continue
            if st.profile.indented and not _fits(st, frame, line):
                continue
            if best is None or pos > best[0]:
                best = (pos, frame, reading)
            break
    if best is None:
        return None
    pos, frame, reading = best
    top = st.top
    if (st.profile.indented and pos < len(st.stack) - 1 and line.indent > top.indent
            and quotes_text(top.last_own(st.norm))):
        return None  # "(i) subsection 486(3) … is replaced by the following:" quotes "(3) …"
    nested = [r for r in marker.readings if r is not reading and r.ordinal == (1, 0)]
    if nested and pos == len(st.stack) - 1:
        if st.profile.indented and line.indent > frame.indent:
            return None  # "(h)" then a deeper "(i)": a roman list under (h)
        if introduces(frame.last_own(st.norm)):
            return None  # "(h) an employer who is" then "(i)": the same
    if nested and pos < len(st.stack) - 1 and not st.profile.indented and introduces(
            st.top.last_own(st.norm)) and st.top.role == F.LIST:
        return None  # "(h)(1)(A) … the Attorney General that" then "(i)": a clause of (A)
    return frame, reading


def _fits(st: State, frame: Frame, line: Line) -> bool:
    parent = frame.parent
    parent_indent = parent.indent if parent is not None and parent.role not in F.CONTAINERS else -1
    if parent_indent >= line.indent:
        return False
    return not (line.indent > frame.indent and opens_list(frame.last_own(st.norm)))


def _parent(st: State, line: Line, reading: Reading) -> Frame:
    rank = _nominal_rank(st, reading)
    chapeau = _text_chapeau(st, rank)
    if chapeau is not None:  # "It shall be unlawful … to commit any of the following acts:" (a) …
        return chapeau
    if st.profile.indented:
        st.pop_indented(line.indent)
    else:
        st.pop_ranked(rank)
    top = st.top
    if top.role == F.TEXT:
        st.stack.pop()
        top = st.top
    return top


def _text_chapeau(st: State, rank: float) -> Frame | None:
    """An unnumbered top-level paragraph that introduces a list owns the list's items.

    Only in documents not nested by indentation, only for list-level numbering (not a new
    section), and only when the paragraph's own words end in a colon or dash or it already holds
    earlier items of the list.
    """
    if st.profile.indented or rank <= ARTICLE_RANK:
        return None
    depth = len(st.stack) - 1
    while depth > 0 and st.stack[depth].role == F.LIST and st.stack[depth].rank >= rank:
        depth -= 1
    frame = st.stack[depth]
    if frame.role == F.TEXT and (opens_list(frame.last_own(st.norm)) or frame.children):
        del st.stack[depth + 1:]
        return frame
    return None


def _nominal_rank(st: State, reading: Reading) -> float:
    if reading.style in st.profile.section_styles:
        return ARTICLE_RANK
    return style_rank(st.tradition, reading.style, _style_level(st, reading.style))


def _style_level(st: State, style: str) -> int | None:
    """The level a style marks; section styles demoted when keyword sections exist."""
    level = style_level(st.tradition, style)
    if level == 0 and style not in st.profile.section_styles:
        return st.tradition.styles.get("(1)", 1)
    return level


def _new_frame(st: State, line: Line, reading: Reading, parent: Frame) -> Frame:
    tradition = st.tradition
    parent_level = parent.level if parent.role not in (F.ROOT, F.GROUP, F.PREAMBLE, F.TEXT) else -1
    marker = line.marker
    assert marker is not None
    common = dict(indent=line.indent, style=reading.style, ordinal=reading.ordinal,
                  num=marker.num)
    if reading.style in st.profile.section_styles and (reading.style == "N" or parent_level != 0):
        return Frame(F.ARTICLE, line.body, line.end, rank=ARTICLE_RANK, level=0, kind="section",
                     **common)
    nominal = _style_level(st, reading.style)
    last = len(tradition.levels) - 1
    if tradition.by_depth:
        level = parent_level + 1 if parent_level >= 0 else 1
    elif parent.role == F.LIST and parent.style == reading.style:
        level = parent.level  # an amending Act quoting "(3)" under its own "(2)": same rung
    elif parent.role == F.LIST and nominal is not None and quotes_text(parent.last_own(st.norm)):
        level = nominal  # a quoted subsection keeps its own rung under the amending item
    else:
        level = nominal if nominal is not None else parent_level + 1
        if parent_level >= 0 and level <= parent_level:
            level = parent_level + 1
    level = min(max(level, 1), last)
    rank = style_rank(tradition, reading.style, nominal if nominal is not None else level)
    return Frame(F.LIST, line.body, line.end, rank=rank, level=level,
                 kind=tradition.levels[level].kind, **common)
