"""HTML: the visible text, one line per block element, with metadata from ``<title>``/``<meta>``.

Scripts, styles, navigation and hidden elements are dropped. Block elements (paragraphs,
headings, list items, table rows …) become lines; table cells in a row are joined by a space so a
number cell and its text cell stay on one line. ``<ol>`` items get the number a browser would
show ("1.", "a.", "iv.") unless their text already starts with one. Offsets refer to this rendered
text, not to the HTML source.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from lintlaw.ingest.codes import E102, fail
from lintlaw.ingest.decode import clean_text, decode_bytes
from lintlaw.ingest.language import choose
from lintlaw.ingest.lines import LineBuilder, counter, squash
from lintlaw.model import Document

_SKIP = frozenset(
    "head script style nav noscript template svg math iframe object embed canvas audio video "
    "button select option datalist".split()
)
_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu ol p "
    "section summary table tbody tfoot thead tr ul".split()
)
_LISTS = frozenset(("ol", "ul", "menu"))
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_NUMBERED = re.compile(r"\s*(?:\(\w{1,6}\)|\w{1,6}[.)](?!\w)|§|\d)")
_META_KEYS = {
    "title": "title", "dc.title": "title", "dcterms.title": "title",
    "jurisdiction": "jurisdiction", "dc.coverage": "jurisdiction",
    "dcterms.coverage": "jurisdiction", "dcterms.spatial": "jurisdiction",
    "year": "year",
    "date": "date", "dc.date": "date", "dcterms.date": "date", "dcterms.issued": "date",
    "dcterms.created": "date",
    "language": "language", "dc.language": "language", "dcterms.language": "language",
    "content-language": "language",
    "description": "description", "dc.description": "description", "author": "author",
    "dc.creator": "author", "keywords": "keywords",
}


def read(data: bytes, path: str) -> Document:
    """Decode (BOM, UTF-8, then any ``<meta charset>``) and render the page."""
    declared = _CHARSET.search(data[:4096])
    text = decode_bytes(data, path, declared.group(1).decode("ascii") if declared else None)
    return from_text(text, path, cleaned=True)


def from_text(markup: str, path: str, cleaned: bool = False) -> Document:
    """Render HTML given as a string."""
    if not cleaned:
        markup = clean_text(markup, path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4 warns about markup that looks like a URL or XML
        soup = BeautifulSoup(markup, "lxml")
    metadata = _metadata(soup)
    builder = LineBuilder()
    _render(soup, builder)
    text = builder.text()
    if not text.strip():
        raise fail(E102, "no visible text in the HTML page", path)
    root = soup.find("html")
    declared = None
    if isinstance(root, Tag):
        declared = root.get("lang") or root.get("xml:lang")
    declared = declared or metadata.get("language")
    return Document(
        path=path,
        text=text,
        metadata=metadata,
        language=choose(declared, text),
        format="html",
    )


def _metadata(soup: BeautifulSoup) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for meta in soup.find_all("meta"):
        name = meta.get("name") or meta.get("property") or meta.get("http-equiv")
        content = meta.get("content")
        if not isinstance(name, str) or not isinstance(content, str) or not content.strip():
            continue
        key = _META_KEYS.get(name.strip().lower())
        if key:
            found.setdefault(key, squash(content))
    title = soup.find("title")
    if isinstance(title, Tag) and title.get_text().strip():
        found["title"] = squash(title.get_text())
    year = re.match(r"\d{4}", str(found.get("date", "")))
    if "year" not in found and year:
        found["year"] = year.group(0)
    return found


class _Renderer:
    """Walks the tree without recursion (pages can nest deeply) and emits lines."""

    def __init__(self, builder: LineBuilder) -> None:
        self.builder = builder
        self.inline: list[str] = []
        self.pre = 0
        self.lists: list[list[Any] | None] = []  # per open list: [next value, style] or None

    def flush(self) -> None:
        chunk = "".join(self.inline)
        self.inline.clear()
        pieces = chunk.split("\n") if self.pre else [squash(chunk)]
        for piece in pieces:
            line = piece.rstrip()
            if line.strip():
                self.builder.add(line)

    def open_list(self, tag: Tag) -> None:
        style = str(tag.get("style") or "").replace(" ", "").lower()
        if tag.name != "ol" or "list-style:none" in style or "list-style-type:none" in style:
            self.lists.append(None)
            return
        start = _int(tag.get("start"), 1)
        self.lists.append([start, str(tag.get("type") or "1")])

    def list_label(self, item: Tag) -> str:
        state = self.lists[-1] if self.lists else None
        if state is None:
            return ""
        state[0] = _int(item.get("value"), state[0])
        label = counter(state[0], state[1]) + ". "
        state[0] += 1
        first = next((s for s in item.strings if s.strip()), "")
        return "" if _NUMBERED.match(first) else label

    def run(self, root: BeautifulSoup) -> None:
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, closing = stack.pop()
            if closing:
                self.close(node)
                continue
            if isinstance(node, NavigableString):
                if type(node) in (NavigableString, CData):
                    self.inline.append(str(node))
                continue
            if not isinstance(node, Tag):
                continue
            name = (node.name or "").lower()
            if name in _SKIP or node.has_attr("hidden"):
                continue
            if name == "br":
                if self.pre:
                    self.inline.append("\n")
                else:
                    self.flush()
                continue
            if name in _BLOCK or name == "pre":
                self.flush()
                stack.append((node, True))
            if name == "pre":
                self.pre += 1
            elif name in _LISTS:
                self.open_list(node)
            elif name == "li":
                self.inline.append(self.list_label(node))
            elif name in ("td", "th"):
                self.inline.append(" ")
            stack.extend((child, False) for child in reversed(node.contents))
        self.flush()

    def close(self, node: Tag) -> None:
        self.flush()
        if node.name == "pre":
            self.pre -= 1
        elif node.name in _LISTS and self.lists:
            self.lists.pop()


def _render(soup: BeautifulSoup, builder: LineBuilder) -> None:
    _Renderer(builder).run(soup)


def _int(value: Any, default: int) -> int:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default
