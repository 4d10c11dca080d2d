"""Build the frame tree from ``Document.seeds`` (structure given by the source, e.g. Akoma Ntoso).

Seeds nest by their spans. Wrapper elements that are not clauses (``intro``, ``wrapUp``,
``list``, ``content`` …) are skipped, so their words become the enclosing clause's own text —
the chapeau and the tail. A seed that overlaps its predecessor without nesting is clipped to fit.
"""

from __future__ import annotations

import re

from lintlaw.model import ClauseSeed, Document
from lintlaw.structure import definitions as D
from lintlaw.structure import frames as F
from lintlaw.structure.frames import Frame
from lintlaw.structure.state import MAX_DEPTH
from lintlaw.structure.lattice import ARTICLE_RANK, GROUP_WORDS, SCHEDULE_WORDS, Tradition

_SKIP = {"intro", "wrapup", "list", "blocklist", "content", "num", "heading", "subheading",
         "p", "span", "container", "body", "mainbody", "akomantoso", "act", "bill", "doc"}
_ARTICLE_KINDS = {"article": "article", "section": "section", "rule": "section", "regulation":
                  "section"}
_GROUP_KINDS = set(GROUP_WORDS.values()) | {"schedule", "annex", "appendix", "attachment", "tome"}
_GENERIC = {"point", "item", "alinea", "subpoint", "level", "subrule", "transitional"}
_NUM_WORDS = {w for w in GROUP_WORDS} | {w for w in SCHEDULE_WORDS} | {
    "article", "art", "section", "sec", "rule", "regulation", "paragraph", "para", "tome"}
_NUM_CHARS = re.compile(r"^[\s(\[]*|[\s)\].:]*$")
_LABEL_LEAD = re.compile(r"\s*(?:\(|\[|(?:Article|ARTICLE|Art\.|Section|SECTION|Sec\.|SEC\.|§)\s*)?")


def build_frames(document: Document, start: int, tradition: Tradition) -> Frame:
    """The frame tree for ``document.seeds``; text outside every seed belongs to no clause."""
    size = len(document.text)
    root = Frame(F.ROOT, start, size, indent=-1, rank=-1.0)
    stack = [root]
    raw: dict[int, str | None] = {}  # each frame's number as the source wrote it ("CHAPTER 1")
    seeds = [s for s in document.seeds or () if _kind(s) not in _SKIP]
    seeds.sort(key=lambda s: (s.start, -s.end, s.depth))
    for seed in seeds:
        begin, end = max(seed.start, start), min(seed.end, size)
        while len(stack) > 1 and stack[-1].end <= begin:
            stack.pop()
        parent = stack[-1]
        if parent.role != F.ROOT:
            end = min(end, parent.end)
        if end <= begin or len(stack) > MAX_DEPTH:
            continue  # empty, or nested beyond any real law: its words stay with its parent
        frame = _frame(seed, begin, end, parent, tradition)
        raw[id(frame)] = seed.num
        parent.add(frame)
        stack.append(frame)
    _text_between(document, root)
    for frame in _walk(root):
        if frame is not root:
            frame.own = _own(document, frame, raw.get(id(frame)))
            if frame.role == F.DEFINITION and not frame.term:
                _find_term(document, frame)
    return root


def _text_between(document: Document, root: Frame) -> None:
    """Words outside every top-level seed (a preface, a final formula) become ``text`` clauses."""
    children, cursor = [], root.start
    for child in [*root.children, None]:
        stop = child.start if child is not None else root.end
        start, end = _trim(document.text, cursor, stop)
        if end > start:
            children.append(Frame(F.TEXT, start, end, kind="text", parent=root))
        if child is not None:
            children.append(child)
            cursor = child.end
    root.children = children


def _find_term(document: Document, frame: Frame) -> None:
    """A definition element without ``<def>``: take the term from its words, else call it text."""
    for start, end in frame.own[:1]:
        found = D.quoted(document.norm, start, end) or D.unquoted(document.norm, start, end)
        if found is not None:
            frame.term = D.clean_term(document.text[found.term_start : found.term_end])
            return
    frame.role, frame.kind = F.TEXT, "text"


def _kind(seed: ClauseSeed) -> str:
    return (seed.kind or "").replace("_", "").replace("-", "").lower()


def _frame(seed: ClauseSeed, start: int, end: int, parent: Frame, tradition: Tradition) -> Frame:
    kind = _kind(seed)
    num = _clean_num(seed.num)
    heading = " ".join(seed.heading.split()) if seed.heading else None
    common = dict(num=num, heading=heading, term=seed.term)
    parent_level = parent.level if parent.role in (F.ARTICLE, F.LIST, F.DEFINITION) else -1
    if kind in _ARTICLE_KINDS:
        word = "Article" if kind == "article" else None
        return Frame(F.ARTICLE, start, end, rank=ARTICLE_RANK, level=0,
                     kind=_ARTICLE_KINDS[kind], word=word, **common)
    if kind in _GROUP_KINDS or kind in SCHEDULE_WORDS:
        group = "schedule" if kind in SCHEDULE_WORDS or kind == "attachment" else kind
        return Frame(F.GROUP, start, end, rank=1.0, kind=group, word=kind.capitalize(), **common)
    if kind in ("preamble", "recitals", "preface"):
        role = F.PREAMBLE if kind != "preface" else F.TEXT
        return Frame(role, start, end, kind="preamble" if role == F.PREAMBLE else "text", **common)
    if kind in ("definition", "def"):
        return Frame(F.DEFINITION, start, end, level=max(parent_level, 0), kind="definition",
                     **common)
    if kind == "proviso":
        return Frame(F.PROVISO, start, end, level=max(parent_level, 0), kind="proviso", **common)
    if kind == "indent" or (kind in _GENERIC and not num):
        return Frame(F.INDENT, start, end, level=max(parent_level, 0) + 1, kind="indent", **common)
    levels = [level.kind for level in tradition.levels[:-1]]  # the last rung is for bullets
    if num and (kind in levels[1:] or kind in _GENERIC or parent_level >= 0):
        # "paragraph", "subsection" … keep their rung; "point", "item" … go one below the parent
        named = kind in levels[1:] and kind not in _GENERIC and not tradition.by_depth
        level = levels.index(kind) if named else -1
        level = min(max(level, parent_level + 1, 1), len(levels) - 1)
        return Frame(F.LIST, start, end, level=level, kind=levels[level], **common)
    return Frame(F.TEXT, start, end, kind="text", **common)


def _clean_num(num: str | None) -> str | None:
    if num is None:
        return None
    cleaned = _NUM_CHARS.sub("", num)
    first, _, rest = cleaned.partition(" ")
    if rest and (first.lower().rstrip(".") in _NUM_WORDS):
        cleaned = rest.strip()  # "CHAPTER 1", "Article 5", "Art. 2"
    elif cleaned.startswith("§"):
        cleaned = cleaned.lstrip("§ ")
    return cleaned or None


def _walk(frame: Frame):
    yield frame
    for child in frame.children:
        yield from _walk(child)


def _own(document: Document, frame: Frame, raw_num: str | None) -> list[tuple[int, int]]:
    """The frame's span minus its children, trimmed, without a leading number/heading line."""
    text = document.text
    pieces: list[tuple[int, int]] = []
    cursor = frame.start
    for child in frame.children:
        pieces.append((cursor, child.start))
        cursor = child.end
    pieces.append((cursor, frame.end))
    spans = [_trim(text, a, b) for a, b in pieces]
    spans = [(a, b) for a, b in spans if b > a]
    if spans:
        first = _skip_label(document, frame, raw_num, *spans[0])
        spans[0] = first
        spans = [(a, b) for a, b in spans if b > a]
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _skip_label(document: Document, frame: Frame, raw_num: str | None, start: int,
                end: int) -> tuple[int, int]:
    """Drop the number and heading that open a seed's text ("CHAPTER 1", "Use of terms", "(a)")."""
    text = document.text
    for num in (raw_num, frame.num):
        if not num:
            continue
        lead = _LABEL_LEAD.match(text, start, end)
        at = lead.end() if lead else start
        if text.startswith(num, at):
            at += len(num)
            while at < end and text[at] in ")].:- \t":
                at += 1
            start = at
            break
    if frame.heading:
        at = start
        while at < end and text[at].isspace():
            at += 1
        if text.startswith(frame.heading, at):
            start = at + len(frame.heading)
    return _trim(text, start, end)
