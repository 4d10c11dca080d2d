"""Lines that open top-level structure: groups, schedules, articles and sections, headings,
the preamble and the closing formula."""

from __future__ import annotations

from lintlaw.structure import frames as F
from lintlaw.structure import lines as L
from lintlaw.structure.frames import Frame
from lintlaw.structure.lattice import ARTICLE_RANK, group_rank
from lintlaw.structure.lines import Line
from lintlaw.structure.numbered import place_words
from lintlaw.structure.numbering import word_ordinal
from lintlaw.structure.patterns import is_caps, strict_heading
from lintlaw.structure.state import State

_ONE_WORDS = {"premier", "première", "1er", "first", "unique"}


def open_group(st: State, line: Line, kind: str, num: str | None, word: str | None) -> Frame:
    """CHAPTER II / Part 3 / a bare "II" / SCHEDULE: closes everything of its rank and below."""
    rank = _rank(st, line, kind)
    st.close_preamble()
    st.pop_ranked(rank)
    ordinal = (word_ordinal(num), 0) if num and word_ordinal(num) is not None else None
    frame = Frame(F.GROUP, line.body, line.end, rank=rank, kind=kind, num=num or None, word=word,
                  ordinal=ordinal, style=f"group:{kind}")
    st.push(st.top, frame)
    _heading_and_text(st, frame, line)
    return frame


def open_heading(st: State, line: Line, kind: str) -> Frame:
    """A capitals heading ("SHORT TITLE") or a title-case subheading ("Canada Evidence Act")."""
    rank = _rank(st, line, kind)
    st.close_preamble()
    st.pop_ranked(rank)
    frame = Frame(F.GROUP, line.body, line.end, rank=rank, kind="heading",
                  heading=st.text[line.text_start : line.end], word=kind)
    return st.push(st.top, frame)


def _rank(st: State, line: Line, kind: str) -> float:
    """Markdown headings nest by their level ("##" inside "#"); others by the lattice's groups."""
    return 1.0 + line.md_level if line.md_level else group_rank(st.tradition, kind)


def open_article(st: State, line: Line) -> Frame:
    """Article 3 / Art. 3 bis / Section 3 / Sec. 3. / § 7102. (civil "Section 1" is a group)."""
    word = line.word or ""
    if line.kind == L.SECTION and word != "§" and st.tradition.name == "civil":
        return open_group(st, line, "division", line.num, word)
    st.close_preamble()
    if st.profile.indented:
        st.pop_indented(line.indent)
    else:
        st.pop_ranked(ARTICLE_RANK)
    num = line.num or ""
    if num.lower() in _ONE_WORDS:
        num = "1"
    value = word_ordinal(num)
    kind = "article" if line.kind == L.ARTICLE else "section"
    frame = Frame(F.ARTICLE, line.body, line.end, indent=line.indent, rank=ARTICLE_RANK, level=0,
                  kind=kind, num=num + (f" {line.suffix}" if line.suffix else ""), word=word,
                  ordinal=(value, 0) if value is not None else None,
                  style=f"kw:{kind}")
    st.push(st.top, frame)
    _heading_and_text(st, frame, line)
    return frame


def _heading_and_text(st: State, frame: Frame, line: Line) -> None:
    """The words after a keyword, or (when there are none) a heading on the next line
    ("Article 3" / "Use of terms")."""
    if not place_words(st, frame, line) and frame.heading is None:
        frame.heading = st.heading_below(line)
    frame.touch(line.end)


def open_preamble(st: State, line: Line, *, marker: bool) -> Frame:
    """A "Preamble" line (``marker``: it names the preamble) or a recital ("Whereas …")."""
    existing = st.in_stack(F.PREAMBLE)
    if existing is not None:
        st.pop_to(existing)
        if marker and existing.heading is None:
            existing.heading = st.text[line.body : line.end].rstrip(".: ")
        elif not marker:
            existing.own_text(line.body, line.end)
        existing.touch(line.end)
        return existing
    frame = Frame(F.PREAMBLE, line.body, line.end, rank=0.0, kind="preamble")
    st.push(st.root, frame)
    if marker:
        frame.heading = frame.heading or st.text[line.body : line.end].rstrip(".: ")
    else:
        frame.own_text(line.body, line.end)
    return frame


def open_closing(st: State, line: Line) -> Frame:
    """IN WITNESS WHEREOF / Done at …: the final formula is top-level text."""
    frame = Frame(F.TEXT, line.body, line.end, rank=1e9, kind="text")
    st.push(st.root, frame)
    frame.own_text(line.body, line.end)
    return frame


def caps_heading_allowed(st: State, line: Line) -> bool:
    """A capitals line heads a group only at the top of the structure, not inside a provision."""
    articles = [f for f in st.stack if f.role in (F.ARTICLE, F.LIST)]
    if not articles:
        return True
    if st.profile.indented:
        return line.indent <= min(f.indent for f in articles)
    return st.blank_before


def subheading_follows(st: State, line: Line) -> bool:
    """A short title-case line between provisions ("Canada Evidence Act" before s. 34)."""
    if not st.opened_body or not st.blank_before:
        return False
    if not strict_heading(st.norm[line.body : line.end]):
        return False
    if is_caps(st.norm[line.body : line.end]):
        return False
    index = line.index + 1
    lines = st.lines
    while index < len(lines) and lines[index].kind in (L.BLANK, L.NOTE):
        index += 1
    if index >= len(lines):
        return False
    below = lines[index]
    opens_section = below.kind in (L.ARTICLE, L.SECTION) or (
        below.kind == L.NUMBERED and below.marker is not None
        and any(r.style in st.profile.section_styles for r in below.marker.readings))
    if not opens_section or (st.profile.indented and below.indent < line.indent):
        return False
    return caps_heading_allowed(st, line)
