"""Split the body into lines and say what each line is, before any tree is built.

Classification is local to a line plus a look at the next non-blank line (a bare ``183`` is a
section number only when ``(1)`` follows; a bare ``II`` is a chapter only when a heading follows).
It runs on ``Document.norm`` so curly quotes and dashes look like ASCII; offsets are shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lintlaw.structure import patterns as P
from lintlaw.structure.numbering import Marker, parse_marker, roman_value

_RULE = "-_=*~ \t"
_RUN_IN = re.compile(r"([A-Z][^.;:\n]{0,80}?)\.\s?-{1,2}\s?(?=\S|$)")
_SHORT_HEADING = 90  # a same-line title longer than this needs a paragraph of its own below it
_LONG_HEADING = 160
_MD_HEADING = re.compile(r"(#{1,6})\s+(?=\S)")  # a line of only these is a horizontal rule, read as blank

# Line kinds
BLANK = "blank"  # empty, or a rule of dashes / a lone "0." left by a rendering
GROUP = "group"  # CHAPTER II, Part 3, Title 22- ..., Abschnitt 1 - ...
SCHEDULE = "schedule"
ROMAN = "roman"  # a bare roman numeral on its own line, followed by a heading
ARTICLE = "article"  # Article 3, Art. 3 bis
SECTION = "section"  # Section 3, Sec. 3., SECTION 1., § 3
NUMBERED = "numbered"  # (1), (a), 1., a), i., 286.1, and "-" bullets
NOTE = "note"  # Marginal note: ...
PREAMBLE = "preamble"
RECITAL = "recital"
CLOSING = "closing"
PROVISO = "proviso"
CAPS = "caps"
EDITORIAL = "editorial"  # a publisher's note: "(Artículo sustituido por …)", "(1) –(4) Omitted"
HISTORY = "history"  # a section's amendment history: "2001, c. 27, s. 117; 2012, c. 17, s. 41"
TEXT = "text"


@dataclass(slots=True)
class Line:
    """One line of the body with offsets into the document text."""

    index: int
    start: int  # first character of the line
    body: int  # first non-blank character
    end: int  # just after the last non-blank character
    indent: int
    gap: bool = False  # one or more empty lines come before this one
    kind: str = TEXT
    marker: Marker | None = None
    word: str | None = None  # keyword as written: "Article", "§", "CHAPTER"
    num: str | None = None  # number of a keyword line
    group: str | None = None  # group kind for GROUP lines
    suffix: str | None = None  # "bis", "ter" ...
    text_start: int = 0  # where the line's own words start (after number and keyword)
    heading: bool = False  # the words after the number are a same-line heading
    note: str | None = None  # the text of a marginal note
    inner: Marker | None = None  # a sub-number right after the number: "3. (1) …"
    inner_at: int = 0
    md_level: int = 0  # a Markdown heading's level ("## …" is 2)
    lead: tuple[int, int] | None = None  # a run-in heading: "(1) Coercion.—The term …"

    @property
    def has_text(self) -> bool:
        return self.text_start < self.end


def split_lines(text: str, start: int) -> list[Line]:
    """Non-empty lines of ``text`` from offset ``start``; ``gap`` marks a line after empty ones.

    Lines end at ``\\n``; trailing whitespace (a ``\\r`` too) is outside ``end``.
    """
    lines: list[Line] = []
    append = lines.append
    pos = start
    gap = False
    for raw in text[start:].split("\n"):
        stripped = raw.lstrip()
        if stripped:
            lead = len(raw) - len(stripped)
            indent = lead + 3 * raw.count("\t", 0, lead) if lead else 0
            append(Line(len(lines), pos, pos + lead, pos + len(raw.rstrip()), indent, gap=gap))
            gap = False
        else:
            gap = True
        pos += len(raw) + 1
    return lines


def classify(lines: list[Line], norm: str) -> None:
    """Set ``kind`` and the keyword fields of every line, in place."""
    nxt = _next_nonblank(lines, norm)
    after_note = False
    for line in lines:
        content = norm[line.body : line.end]
        following = norm[lines[nxt[line.index]].body : lines[nxt[line.index]].end] if nxt[
            line.index] >= 0 else ""
        _classify_one(line, content, following, after_note)
        if line.kind != BLANK:
            after_note = line.kind == NOTE
    _mark_same_line_headings(lines, norm, nxt)


def _next_nonblank(lines: list[Line], norm: str) -> list[int]:
    out = [-1] * len(lines)
    following = -1
    for line in reversed(lines):
        out[line.index] = following
        if norm[line.body : line.end].strip(_RULE):
            following = line.index
    return out


def _classify_one(line: Line, content: str, following: str, after_note: bool = False) -> None:
    if not content.strip(_RULE):
        line.kind = BLANK
        return
    base = line.body
    md = _MD_HEADING.match(content)
    if md:  # Markdown "## Part 1 - Preliminary": classify the words after the hashes
        base += md.end()
        content = content[md.end():]
    _classify_words(line, content, following, base, after_note)
    if md:
        line.md_level = len(md.group(1))
    if md and line.kind in (TEXT, CAPS, RECITAL, CLOSING, PROVISO):
        line.kind = CAPS if len(md.group(1)) > 1 else TEXT
        line.text_start = base
    if line.kind in (NUMBERED, ARTICLE, SECTION) and line.text_start < line.end:
        _find_run_in(line, content, base)
        _find_inner(line, content, base)


def _classify_words(line: Line, content: str, following: str, base: int,
                    after_note: bool = False) -> None:
    first = content[0]
    if _keyword_line(line, content, first, base):
        return
    named = P.match_named_part(content) if first in "Pp" else None
    if named:
        line.kind, line.group, line.word, line.num = GROUP, "part", content.strip(), None
        line.text_start = line.end
        return
    grouped = P.match_group(content) if first.isalpha() else None
    if grouped:
        line.kind, line.group = GROUP, grouped[0]
        line.word, line.num = grouped[1].word, grouped[1].num
        line.text_start = base + grouped[1].rest_at
        return
    if P.BARE_ROMAN.match(content) and roman_value(content.rstrip(".")) and _heading_follows(
            following):
        line.kind, line.num, line.text_start = ROMAN, content.rstrip("."), line.end
        return
    if first == "(" and P.EDITORIAL_NOTE.match(content):
        line.kind, line.text_start = EDITORIAL, base
        return
    if (first.isdigit() or first in "[SD") and P.HISTORY.match(content):
        line.kind, line.text_start = HISTORY, base
        return
    bare_ok = following.startswith("(") and _first_item(following)
    marker = parse_marker(content, bare_ok=bare_ok, section_ok=after_note)
    if marker is not None:
        rest = _skip_space(content, marker.end)
        if marker.num and P.editorial_range(content[rest:]):
            line.kind, line.text_start = EDITORIAL, base
            return
        if marker.readings[0].ordinal == (0, 0) and marker.num == "0" and rest >= len(content):
            line.kind = BLANK
            return
        if marker.num and content.startswith("- ", rest):
            rest = _skip_space(content, rest + 1)  # "A. - Les dispositions …", "3.- (1) …"
        line.kind, line.marker, line.text_start = NUMBERED, marker, base + rest
        return
    for kind, pattern in ((CLOSING, P.CLOSING), (PROVISO, P.PROVISO), (RECITAL, P.RECITAL)):
        if pattern.match(content):
            line.kind, line.text_start = kind, base
            return
    line.kind = CAPS if P.is_caps(content) else TEXT
    line.text_start = base


def _find_run_in(line: Line, content: str, base: int) -> None:
    """A heading run into the text, US style: "(a) In general.—Whoever …"."""
    at = line.text_start - base
    m = _RUN_IN.match(content, at)
    if m is not None and (line.marker is None or line.marker.num):
        line.lead = (base + m.start(1), base + m.end(1))
        line.text_start = base + m.end()


def _find_inner(line: Line, content: str, base: int) -> None:
    """A first sub-number on the same line: "3. (1) A person …", "§ 3 (1) Wer …"."""
    at = line.text_start - base
    inner = parse_marker(content[at:])
    if inner is None or not inner.num or not any(r.ordinal == (1, 0) for r in inner.readings):
        return
    if line.marker is not None and {r.style for r in inner.readings} & {
            r.style for r in line.marker.readings}:
        return
    line.inner = inner
    line.inner_at = line.text_start


def _keyword_line(line: Line, content: str, first: str, base: int) -> bool:
    """Marginal notes, preamble markers, schedules, articles and sections."""
    m = P.MARGINAL.match(content) if first in "MmNn" else None
    if m:
        line.kind, line.note, line.text_start = NOTE, m.group("note").strip(), base + m.start("note")
        return True
    if first == "P" and P.PREAMBLE.match(content):
        line.kind, line.text_start = PREAMBLE, line.end
        return True
    found = P.match_schedule(content) if first.isalpha() or first == "-" else None
    if found:
        line.kind, line.word, line.num = SCHEDULE, found.word, found.num
        line.text_start = base + found.rest_at
        return True
    kw = P.match_article(content) if first in "AD" else None
    if kw:
        line.kind, line.word, line.num, line.suffix = ARTICLE, kw.word, kw.num, kw.suffix
        line.text_start = base + kw.rest_at
        return True
    kw = P.match_section(content) if first in "S§" else None
    if kw:
        line.kind, line.word, line.num = SECTION, kw.word, kw.num
        line.text_start = base + kw.rest_at
        return True
    return False


def _skip_space(content: str, at: int) -> int:
    while at < len(content) and content[at].isspace():
        at += 1
    return at


def _first_item(content: str) -> bool:
    marker = parse_marker(content)
    return marker is not None and any(r.ordinal == (1, 0) for r in marker.readings)


def _heading_follows(following: str) -> bool:
    if not following or parse_marker(following) is not None:
        return False
    return P.heading_like(following) and P.match_article(following) is None


def _mark_same_line_headings(lines: list[Line], norm: str, nxt: list[int]) -> None:
    """Numbered lines whose words are a title ("(3) Coercion") followed by the provision's text.

    Walks backwards so a numbered heading followed by another numbered heading (US Code
    "(e) Effect on other laws" / "(1) No effect on criminal law" / text) is recognised too.
    """
    titled = _title_first_layout(lines, norm, nxt)
    for line in reversed(lines):
        if line.inner is not None:
            continue
        if line.index in titled:
            line.heading = True
            continue
        if line.kind in (ARTICLE, SECTION, GROUP, SCHEDULE):
            words = norm[line.text_start : line.end]
            line.heading = bool(words) and P.heading_like(words) and not P.EDITORIAL_NOTE.match(
                words) and not (line.kind == ARTICLE and P.DETERMINER.match(words))
            if not line.heading and line.kind == ARTICLE and P.article_title(words):
                j = nxt[line.index]
                line.heading = j >= 0 and lines[j].kind in (TEXT, NUMBERED) and (
                    norm[lines[j].body : lines[j].body + 1].isupper() or lines[j].kind != TEXT)
            continue
        if line.kind != NUMBERED or line.marker is None or line.marker.num == "":
            continue
        words = norm[line.text_start : line.end]
        if not P.strict_heading(words, _LONG_HEADING):
            continue
        j = nxt[line.index]
        while j >= 0 and lines[j].kind == NOTE:
            j = nxt[j]
        if j < 0:
            continue
        after = lines[j]
        own_paragraph = after.gap and norm[after.text_start : after.text_start + 1].isupper()
        if len(words.strip()) > _SHORT_HEADING and not own_paragraph:
            continue  # a long title only when a paragraph of its own starts below it
        line.heading = after.kind in (TEXT, CAPS, EDITORIAL) or (after.kind == NUMBERED and (
            after.heading or (after.gap and "," not in words
                              and _first_of_new_list(line.marker, after.marker))))


def _title_first_layout(lines: list[Line], norm: str, nxt: list[int]) -> set[int]:
    """Section lines whose words are the section's title, in documents that put the title after
    the number and the text below ("151. Detention of females for immoral purposes" / "(1) Any
    person …"): when most numbered sections are written so, all of them are read so."""
    candidates: list[int] = []
    titles = 0
    for line in lines:
        marker = line.marker
        if (line.kind != NUMBERED or marker is None or line.inner is not None or not line.has_text
                or not any(r.style == "1." for r in marker.readings) or nxt[line.index] < 0):
            continue
        candidates.append(line.index)
        words = norm[line.text_start : line.end].strip()
        titles += P.strict_heading(words) or (words[:1] == "[" and words[-1:] == "]")
    if len(candidates) < 3 or titles < 0.6 * len(candidates):
        return set()
    return set(candidates)


def _first_of_new_list(marker: Marker, below: Marker | None) -> bool:
    """Whether ``below`` is numbered in another style than ``marker``, so opens a list under it:
    "(o) Nonimmigrants guilty of trafficking" / "(1) No alien shall …" (an extract may skip
    numbers: "(d) Temporary admission of nonimmigrants" / "(13)")."""
    if below is None or not below.num:
        return False
    styles = {r.style for r in marker.readings}
    return all(r.style not in styles for r in below.readings)


def inner_line(line: Line, norm: str) -> Line:
    """The sub-numbered part of a line ("(1) A person …" in "3. (1) A person …") as a line."""
    marker = line.inner
    assert marker is not None
    at = line.inner_at
    rest = _skip_space(norm[at : line.end], marker.end)
    return Line(line.index, line.start, at, line.end, line.indent + 1, kind=NUMBERED,
                marker=marker, text_start=at + rest)
