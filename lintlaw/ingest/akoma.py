"""Akoma Ntoso XML: rendered text plus clause seeds from the document's own structure.

Parsing is safe: a DOCTYPE (and so any entity declaration) is refused with E106 before the parser
sees it, and lxml runs with entities unresolved, no network, no DTD loading and its default depth
and size limits. Namespaces are ignored, so AKN 3.0 and un-namespaced files read the same.

Rendering: every block element (``p``, ``intro``, ``wrapUp``, ``content``, table rows …) is a line;
a structural unit (part, chapter, section, article, paragraph, point, item …) starts with its
``<num>`` and ``<heading>`` — on a line of their own when there is a heading, else the number leads
the unit's first line ("(a) the recruitment …"). ``meta`` and authorial notes are not rendered.

Seeds: one ``ClauseSeed`` per structural unit, in document order, spanning the unit's lines
(children included); ``depth`` counts the structural units around it. ``list``/``blockList`` are
transparent (their points/items are children of the enclosing unit, their intro/wrap-up are lines
of it). A unit whose own text holds a ``<def>`` carries that term in ``term``.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from lintlaw.ingest.codes import E102, E105, E106, E107, fail, line_of
from lintlaw.ingest.decode import clean_text, decode_bytes
from lintlaw.ingest.language import choose
from lintlaw.ingest.lines import LineBuilder, squash
from lintlaw.model import ClauseSeed, Document

STRUCTURAL = frozenset(
    "book tome part subpart title subtitle chapter subchapter division subdivision section "
    "subsection article paragraph subparagraph clause subclause point indent alinea item rule "
    "subrule proviso level transitional hcontainer".split()
)
_TEXT_BLOCKS = frozenset(
    "p intro wrapUp wrap content listIntroduction listWrapUp blockContainer tblock preface "
    "preamble conclusions body mainBody judgmentBody debateBody amendmentBody attachment "
    "attachments components component longTitle formula citations citation recitals recital "
    "table tr caption ul ol li subheading crossHeading container block toc tocItem foreign "
    "coverPage interstitial list blockList heading num".split()
)
_SKIP = frozenset(("meta", "authorialNote", "noteRef", "componentRef"))
_SPACE_ELEMENTS = frozenset(("eol", "eop", "br"))
_CELLS = frozenset(("td", "th"))
_PROLOG_DOCTYPE = re.compile(r"\A(?:\s|<\?.*?\?>|<!--.*?-->)*(<!DOCTYPE)", re.DOTALL | re.I)
_DECLARATION = re.compile(r"\A<\?xml\b[^>]*\?>")
_DECLARED_ENCODING = re.compile(rb"""\A[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})""")


def read(data: bytes, path: str) -> Document:
    """Decode (honouring the XML declaration's encoding), parse safely and render."""
    declared = _DECLARED_ENCODING.match(data.lstrip(b"\xef\xbb\xbf")[:300])
    text = decode_bytes(data, path, declared.group(1).decode("ascii") if declared else None)
    return from_text(text, path, cleaned=True)


def from_text(text: str, path: str, cleaned: bool = False) -> Document:
    """Parse and render Akoma Ntoso given as a string."""
    if not cleaned:
        text = clean_text(text, path)
    root = parse(text, path)
    if _local(root) != "akomaNtoso":
        raise fail(E107, f"XML with root <{_local(root)}> is not Akoma Ntoso", path)
    builder = LineBuilder()
    seeds = _Renderer(builder).run(root)
    rendered = builder.text()
    if not rendered.strip():
        raise fail(E102, "no text in the Akoma Ntoso document", path)
    metadata, declared = _metadata(root)
    return Document(
        path=path,
        text=rendered,
        metadata=metadata,
        language=choose(declared, rendered),
        format="akn",
        seeds=seeds,
    )


def parse(text: str, path: str) -> Any:
    """Parse XML text safely: DOCTYPE refused (E106), syntax errors with line/column (E105)."""
    doctype = _PROLOG_DOCTYPE.match(text)
    if doctype:
        raise fail(E106, "unsafe XML: DOCTYPE/entity declarations are not allowed",
                   path, line_of(text, doctype.start(1)))
    declaration = _DECLARATION.match(text)
    if declaration:  # lxml refuses str input with an encoding declaration; keep offsets
        text = re.sub(r"[^\n]", " ", declaration.group(0)) + text[declaration.end():]
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )
    try:
        root = etree.fromstring(text, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise fail(E105, f"malformed XML: {exc.msg}", path, line or None, column or None) from None
    except ValueError as exc:
        raise fail(E105, f"malformed XML: {exc}", path) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise fail(E106, "unsafe XML: DOCTYPE/entity declarations are not allowed", path)
    return root


_OPEN, _CLOSE, _TAIL = 0, 1, 2  # walk steps: enter an element, leave it, only its tail


def _local(element: Any) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


class _Renderer:
    """Walks the tree without recursion, emitting lines and seeds."""

    def __init__(self, builder: LineBuilder) -> None:
        self.builder = builder
        self.inline: list[str] = []
        self.prefix = ""
        self.open: list[ClauseSeed] = []
        self.seeds: list[ClauseSeed] = []

    def flush(self) -> None:
        line = squash("".join(self.inline))
        self.inline.clear()
        if not line.strip():
            return
        if self.prefix:
            line = f"{self.prefix} {line}"
            self.prefix = ""
        self.builder.add(line)

    def flush_prefix(self) -> None:
        self.flush()
        if self.prefix:
            self.builder.add(self.prefix)
            self.prefix = ""

    def run(self, root: Any) -> list[ClauseSeed]:
        stack: list[tuple[Any, int]] = [(root, _OPEN)]
        while stack:
            element, step = stack.pop()
            name = _local(element)
            if step == _CLOSE:
                self.close(element, name)
                continue
            if step == _TAIL or name in _SKIP or not name:
                self.inline.append(element.tail or "")
                continue
            if name in _SPACE_ELEMENTS:
                self.inline.append(" " + (element.tail or ""))
                continue
            rendered: set[Any] = set()
            if name in STRUCTURAL:
                rendered = self.open_unit(element, name)
            elif name in _TEXT_BLOCKS:
                self.flush()
            elif name in _CELLS:
                self.inline.append(" ")
            elif name == "def" and self.open and self.open[-1].term is None:
                self.open[-1].term = squash("".join(element.itertext())) or None
            self.inline.append(element.text or "")
            stack.append((element, _CLOSE))
            stack.extend((c, _TAIL if c in rendered else _OPEN) for c in reversed(element))
        self.flush_prefix()
        return self.seeds

    def open_unit(self, element: Any, name: str) -> set[Any]:
        self.flush_prefix()
        num = heading = None
        used: set[Any] = set()
        for child in element:
            local = _local(child)
            if local == "num" and num is None:
                num = squash("".join(child.itertext()))
            elif local in ("heading", "subheading") and heading is None:
                heading = squash("".join(child.itertext()))
            else:
                continue
            used.add(child)
        kind = name
        if name == "hcontainer":
            kind = str(element.get("name") or "hcontainer")
        seed = ClauseSeed(kind=kind, start=self.builder.pos, end=self.builder.pos,
                          depth=len(self.open), num=num or None, heading=heading or None)
        self.open.append(seed)
        self.seeds.append(seed)
        if heading:
            self.builder.add(f"{num} {heading}" if num else heading)
        elif num:
            self.prefix = num
        return used

    def close(self, element: Any, name: str) -> None:
        if name in STRUCTURAL:
            self.flush_prefix()
            seed = self.open.pop()
            if self.builder.pos > seed.start:
                seed.end = self.builder.last_end
            else:  # an empty unit: an empty span where the text so far ends, inside its parent
                seed.start = seed.end = min(seed.start, self.builder.last_end)
        elif name in _TEXT_BLOCKS:
            self.flush()
        self.inline.append(element.tail or "")


def _metadata(root: Any) -> tuple[dict[str, Any], str | None]:
    """Title, jurisdiction, year, date, number and URI from FRBR; the expression's language."""
    found: dict[str, Any] = {}
    language = None
    meta = next((e for e in root.iter() if _local(e) == "meta"), None)
    section = ""
    for element in meta.iter() if meta is not None else ():
        name = _local(element)
        if name in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
            section = name
        if section == "FRBRWork":
            value = element.get("value")
            if name == "FRBRname" and value:
                found.setdefault("title", value)
            elif name == "FRBRcountry" and value:
                found.setdefault("jurisdiction", value)
            elif name == "FRBRnumber" and value:
                found.setdefault("number", value)
            elif name == "FRBRthis" and value:
                found.setdefault("uri", value)
            elif name == "FRBRdate" and element.get("date"):
                found.setdefault("date", element.get("date"))
        elif section == "FRBRExpression" and name == "FRBRlanguage" and language is None:
            language = element.get("language")
    if "title" not in found:
        title = next((e for e in root.iter() if _local(e) in ("docTitle", "shortTitle")), None)
        if title is not None and squash("".join(title.itertext())):
            found["title"] = squash("".join(title.itertext()))
    year = re.match(r"\d{4}", str(found.get("date", "")))
    if year:
        found["year"] = year.group(0)
    if language:
        found["language"] = language
    return found, language
