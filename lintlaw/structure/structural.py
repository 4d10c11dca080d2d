"""Lines that open top-level structure: groups, schedules, articles and sections, headings,
the preamble and the closing formula."""

from __future__ import annotations

from lintlaw.structure import frames as F
from lintlaw.structure import lines as L
from lintlaw.structure.frames import Frame
from lintlaw.structure.lattice import ARTICLE_RANK, group_rank
from lintlaw.structure.lines import Line
from lintlaw.structure.numbered import place_words
from lintlaw.structure.prose import add_text
from lintlaw.structure.numbering import word_ordinal
from lintlaw.structure.patterns import (AGREED, APPENDED, article_title, is_caps, quotes_text,
                                       strict_heading, title_sentence)
from lintlaw.structure.state import State

_ONE_WORDS = {"premier", "première", "1er", "first", "unique"}


def open_group(st: State, line: Line, kind: str, num: str | None, word: str | None) -> Frame:
    """CHAPTER II / Part 3 / a bare "II" / SCHEDULE: closes everything of its rank and below."""
    repeated = _running_header(st, line, kind, num)
    if repeated is not None:  # a page header that repeats "Title 8" / "CHAPTER 12"
        if not _groups_below(st, line):
            st.pop_to(repeated)  # the innermost repeated group: what follows continues it
        repeated.touch(line.end)
        if not line.has_text:
            st.heading_below(line)
        return repeated
    rank = _rank(st, line, kind)
    if not num and word and " " in word:
        rank = _NAMED_RANK  # "Partie législative" holds the books of a code
    st.close_preamble()
    top = st.top
    nests = (top.role == F.GROUP and top.kind not in (kind, "heading", "schedule")
             and not top.children and not top.own and bool(top.word) and " " not in (top.word or ""))
    if not nests:  # a group line right under another group's title nests in it ("Part 5")
        st.pop_ranked(rank)
    ordinal = (word_ordinal(num), 0) if num and word_ordinal(num) is not None else None
    frame = Frame(F.GROUP, line.body, line.end, rank=rank, kind=kind, num=num or None, word=word,
                  ordinal=ordinal, style=f"group:{kind}")
    st.push(st.top, frame)
    if line.has_text and not line.heading and line.inner is None and title_sentence(
            st.norm[line.text_start : line.end]):
        frame.heading = st.text[line.text_start : line.end].strip()
        frame.touch(line.end)
        return frame
    _heading_and_text(st, frame, line)
    return frame


_NAMED_RANK = 0.75  # outside every numbered group


def _open_group_named(st: State, kind: str | None, num: str | None) -> Frame | None:
    if not num or not kind or kind == "schedule":
        return None
    for frame in st.stack:
        same = (frame.num or "").casefold() == num.casefold()
        if frame.role == F.GROUP and frame.kind == kind and same:
            return frame
    return None


def _running_header(st: State, line: Line, kind: str, num: str | None) -> Frame | None:
    """The open group ``line`` repeats, when every group line right after it repeats an open
    group too ("Title 8" / "CHAPTER 12" again before § 1101); a new chapter under a repeated
    title ("Title 18" / "CHAPTER 77") starts a new extract instead."""
    frame = _open_group_named(st, kind, num)
    if frame is None:
        return None
    below = _groups_below(st, line)
    if any(_open_group_named(st, g.group, g.num) is None for g in below):
        return None
    return frame


def _groups_below(st: State, line: Line, limit: int = 8) -> list[Line]:
    """The group lines that follow ``line`` (with the title lines under them)."""
    found: list[Line] = []
    for below in st.lines[line.index + 1 : line.index + 1 + limit]:
        if below.kind == L.GROUP:
            found.append(below)
        elif below.kind not in (L.BLANK, L.CAPS) and not (below.kind == L.TEXT and below.index == (
                found[-1].index if found else line.index) + 2):
            break
    return found


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
    if line.kind == L.SECTION and st.tradition.name == "civil":
        return open_group(st, line, "division", line.num, word)
    repeated = _repeated_label(st, line)
    if repeated is not None:
        repeated.own.clear()  # the words between a caption and the label it repeats are the caption's
        # ("[Derogado]" under "Artículo 367 BIS", then "ART. 367 bis. Derogado.")
        _heading_and_text(st, repeated, line)
        return repeated
    if not st.opened_body and st.in_stack(F.PREAMBLE) is None:
        _parties_as_preamble(st, agreed=True)
    st.close_preamble()
    st.close_front_matter()
    amending = _amending_article(st)
    if word.startswith("Disposición"):
        st.pop_to(st.root)  # final provisions stand outside the titles and chapters
    if amending is not None:
        st.pop_to(amending)  # "Incorpórase como artículo 145 bis …, el siguiente:" / "ARTICULO 145 bis"
    elif st.profile.indented:
        st.pop_indented(line.indent)
    else:
        st.pop_ranked(ARTICLE_RANK)
    num = line.num or ""
    if num.lower() in _ONE_WORDS:
        num = "1"
    value = word_ordinal(num)
    kind = "article" if line.kind == L.ARTICLE else "section"
    frame = Frame(F.ARTICLE, line.body, line.end, indent=line.indent, rank=ARTICLE_RANK, level=0,
                  kind=kind, num=_full_num(num, line.suffix), word=word,
                  ordinal=(value, 0) if value is not None else None,
                  style=f"kw:{kind}")
    st.push(st.top, frame)
    title_end = _run_in_title(st, line) if kind == "article" else None
    if title_end is not None:  # "Artículo 1º. Objeto. La presente ley tiene por objeto …"
        frame.heading = st.text[line.text_start : title_end]
        add_text(st, frame, _skip_space(st.norm, title_end, line.end), line.end)
        frame.touch(line.end)
        return frame
    _heading_and_text(st, frame, line)
    return frame


def _run_in_title(st: State, line: Line) -> int | None:
    """Where a civil-law article's title ends when the text follows it on the same line: a
    short phrase with no verb, closed by a full stop, then a capitalised sentence."""
    if line.heading or line.inner is not None or not line.has_text or not st.tradition.by_depth:
        return None
    words = st.norm[line.text_start : line.end]
    stop = words.find(". ", 0, 100)
    if stop <= 0 or not words[stop + 2 : stop + 3].isupper():
        return None
    if not article_title(words[: stop + 1]):
        return None
    return line.text_start + stop + 1


def _skip_space(text: str, at: int, end: int) -> int:
    while at < end and text[at].isspace():
        at += 1
    return at


def _amending_article(st: State) -> Frame | None:
    """The open article whose words introduce the article it inserts or substitutes."""
    for frame in reversed(st.stack):
        if frame.role == F.ARTICLE:
            if not frame.children and quotes_text(frame.last_own(st.norm)):
                return frame
            return None
    return None


def _full_num(num: str, suffix: str | None) -> str:
    return num + (f" {suffix.lower()}" if suffix else "")


def _repeated_label(st: State, line: Line) -> Frame | None:
    """The open article when ``line`` repeats its number under a caption ("Artículo 367 BIS" /
    "ART. 367 bis. Derogado."): one article, not two."""
    top = st.top
    if top.role != F.ARTICLE or top.children or line.kind != L.ARTICLE or top.kind != "article":
        return None
    if (top.num or "").casefold() != _full_num(line.num or "", line.suffix).casefold():
        return None
    return top if top.word != line.word else None  # a caption writes the keyword differently


def split_suffix(st: State, line: Line) -> bool:
    """A Latin suffix left alone on the line after its article's caption ("Artículo 411 OCTIES" /
    "octies.-"): part of the label, not text. True if ``line`` was one."""
    top = st.top
    if top.role != F.ARTICLE or top.own or top.children or not top.num or " " not in top.num:
        return False
    words = st.norm[line.body : line.end].rstrip(".-: ")
    if words.casefold() != top.num.rsplit(" ", 1)[1].casefold():
        return False
    top.touch(line.end)
    return True


def _heading_and_text(st: State, frame: Frame, line: Line) -> None:
    """The words after a keyword, or (when there are none) a heading on the next line
    ("Article 3" / "Use of terms")."""
    if not place_words(st, frame, line) and frame.heading is None:
        frame.heading = st.heading_below(line)
    frame.touch(line.end)


def open_preamble(st: State, line: Line, *, marker: bool) -> Frame:
    """A "Preamble" line (``marker``: it names the preamble) or a recital ("Whereas …")."""
    existing = st.in_stack(F.PREAMBLE)
    if existing is None and not marker and not st.blank_before:
        existing = _parties_as_preamble(st, agreed=False)
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


def _parties_as_preamble(st: State, *, agreed: bool) -> Frame | None:
    """The paragraph naming a treaty's parties opens its preamble: when a recital follows it on
    the next line (a title above it stays apart), or, with ``agreed``, when it ends with the
    formula that introduces the articles ("… sont convenus des dispositions suivantes:")."""
    children = st.root.children
    if not children or children[-1].role != F.TEXT or children[-1].children:
        return None
    frame = children[-1]
    if agreed:
        if not AGREED.search(frame.last_own(st.norm)):
            return None
    elif st.top is not frame or len(children) < 2 or "\n" in st.text[frame.start : frame.end]:
        return None  # one paragraph naming the parties, below the title
    elif frame.last_own(st.norm).rstrip()[-1:] not in (".", ",", ";", ":"):
        return None
    frame.role, frame.kind, frame.rank, frame.counts_as = F.PREAMBLE, "preamble", 0.0, F.TEXT
    return frame


def open_closing(st: State, line: Line) -> Frame:
    """IN WITNESS WHEREOF / Done at …: the final formula is top-level text (or the end of the
    appended instrument it closes)."""
    st.closed = True
    appended = st.in_stack(F.GROUP)
    if appended is not None and appended.kind == "schedule" and appended.num is None:
        st.pop_to(appended)
        appended.own_text(line.body, line.end)
        return appended
    frame = Frame(F.TEXT, line.body, line.end, rank=1e9, kind="text")
    st.push(st.root, frame)
    frame.own_text(line.body, line.end)
    return frame


def appended_follows(st: State, line: Line) -> bool:
    """After the closing formula, a title line such as "Protocole de Clôture" or "Procès-verbal
    de signature." opens an instrument appended to the treaty."""
    if not st.closed or not st.blank_before:
        return False
    words = st.norm[line.body : line.end]
    return len(words) <= 100 and APPENDED.match(words) is not None


def open_appended(st: State, line: Line) -> Frame:
    title = st.text[line.body : line.end].strip().rstrip(".").strip()
    st.pop_to(st.root)
    frame = Frame(F.GROUP, line.body, line.end, rank=group_rank(st.tradition, "schedule"),
                  kind="schedule", word=title, heading=title, style="group:schedule")
    return st.push(st.root, frame)


def title_line(st: State, line: Line) -> bool:
    """The first line of the body in capitals, over prose or other titles rather than provisions
    ("CÓDIGO PENAL" / "Santiago, noviembre 12 de 1874."), is the document's title, not a heading;
    so is a capitals line that a lower-case line carries on ("A BILL" / "i n t i t u l e d")."""
    nxt = st.lines[line.index + 1] if line.index + 1 < len(st.lines) else None
    if nxt is not None and not nxt.gap and nxt.kind == L.TEXT and st.norm[nxt.body].islower():
        return True
    children = st.root.children
    if children and not (children[0].role == F.TEXT and all(c.role == F.TEXT for c in children)
                         and st.norm[line.body : line.end] == children[0].first_own(st.norm)):
        return False  # only the first line, or the title repeated under it
    index = line.index + 1
    while index < len(st.lines) and st.lines[index].kind == L.BLANK:
        index += 1
    return index < len(st.lines) and st.lines[index].kind in (L.TEXT, L.CAPS)


def title_above_section(st: State, line: Line) -> bool:
    """A short title-case line right above a numbered section ("Short title, commencement and
    extent" / "1. (1) This Act …"; a Malaysian shoulder note "Saving" / "19. …") is that section's
    title, not a heading over the sections that follow."""
    if st.profile.indented or line.index + 1 >= len(st.lines):
        return False
    below = st.lines[line.index + 1]
    if below.kind != L.NUMBERED or below.marker is None:
        return False
    if not any(r.style in st.profile.section_styles for r in below.marker.readings):
        return False
    words = st.norm[line.body : line.end]
    return strict_heading(words) and not is_caps(words)


def caps_heading_allowed(st: State, line: Line) -> bool:
    """A capitals line heads a group only at the top of the structure, not inside a provision."""
    articles = [f for f in st.stack if f.role in (F.ARTICLE, F.LIST)]
    if not articles:
        return True
    if st.profile.indented:
        return line.indent <= min(f.indent for f in articles)
    return st.blank_before


def subheading_follows(st: State, line: Line) -> bool:
    """A short title-case line between provisions ("Canada Evidence Act" before s. 34), or
    between the document's title and its first section."""
    if not st.blank_before or not (st.opened_body or st.root.children):
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
