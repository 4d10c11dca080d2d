"""Pick the drafting tradition and layout of a document before parsing it.

The tradition comes from front matter when given (``tradition: us``), else from language and
jurisdiction, else from the headings the text uses. A document is *indented* when a good share
of its lines are indented and numbered lines sit at several depths (the Sri Lanka Act and the
Canadian texts); the parser then trusts indentation for nesting. It is *unwrapped* when a good
share of its lines are long, i.e. each line is a whole paragraph rather than a wrapped piece of
one; a line after a list item is then a new paragraph, not the rest of the item.
"""

from __future__ import annotations

from dataclasses import dataclass

from lintlaw.model import Document
from lintlaw.structure import lines as L
from lintlaw.structure.lattice import CIVIL, COMMONWEALTH, GERMAN, TRADITIONS, US, Tradition

_US_WORDS = ("united states", "u.s.", "usa")
LONG_LINE = 130  # wrapped text (PDF, fixed-width files) rarely has lines this long


@dataclass(frozen=True)
class Profile:
    """How to read one document."""

    tradition: Tradition
    indented: bool
    section_styles: frozenset[str]  # numbered styles that mark sections ("1.", "286.1")
    unwrapped: bool = True  # one paragraph per line (not hard-wrapped at a fixed width)


def detect(document: Document, lines: list[L.Line]) -> Profile:
    counts = {L.ARTICLE: 0, L.SECTION: 0}
    signs = 0
    indented_lines = nonblank = long_lines = 0
    numbered_indents: set[int] = set()
    for line in lines:
        if line.kind == L.BLANK:
            continue
        nonblank += 1
        long_lines += line.end - line.body > LONG_LINE
        if line.indent:
            indented_lines += 1
        if line.kind in counts:
            counts[line.kind] += 1
            signs += line.word in ("§", "SEC.")  # "SEC. 2." is how US public laws number
        elif line.kind == L.NUMBERED:
            numbered_indents.add(line.indent)
    for seed in document.seeds or ():
        if seed.kind == "article":
            counts[L.ARTICLE] += 1
    tradition = _tradition(document, counts[L.ARTICLE], signs)
    indented = nonblank > 0 and indented_lines >= 0.15 * nonblank and len(numbered_indents) >= 2
    keyword_sections = counts[L.ARTICLE] + counts[L.SECTION] > 0
    styles = tradition.section_styles
    if keyword_sections:
        styles = frozenset(s for s in styles if s == "N")
    unwrapped = long_lines >= 0.1 * nonblank or not _wrapped(lines, document.norm)
    return Profile(tradition, indented, styles, unwrapped)


def _wrapped(lines: list[L.Line], norm: str) -> bool:
    """Hard-wrapped text: lines often stop mid-sentence and the next one carries on in lower case."""
    carried = considered = 0
    for a, b in zip(lines, lines[1:]):
        if a.kind == L.BLANK or b.kind == L.BLANK:
            continue
        considered += 1
        if b.kind == L.TEXT and not b.gap and norm[a.end - 1] not in ".;:!?" and norm[
                b.body].islower():
            carried += 1
    if considered >= 10:
        return carried >= 0.3 * considered
    # a short passage (a clause quoted on its own): half its line breaks fall mid-sentence
    return carried >= 1 and carried >= 0.5 * considered


def _tradition(document: Document, articles: int, signs: int) -> Tradition:
    explicit = document.metadata.get("tradition") if isinstance(document.metadata, dict) else None
    if isinstance(explicit, str) and explicit.lower() in TRADITIONS:
        return TRADITIONS[explicit.lower()]
    language = (document.language or "").lower()
    jurisdiction = str(document.metadata.get("jurisdiction", "")).lower() if isinstance(
        document.metadata, dict) else ""
    if language.startswith("de") and (signs or not articles):
        return GERMAN
    if any(word in jurisdiction for word in _US_WORDS):
        return US
    if articles >= 2 and articles >= signs:
        return CIVIL
    if signs >= 1 and language.startswith("en"):
        return US
    if signs >= 1:
        return GERMAN if language.startswith("de") else CIVIL
    return COMMONWEALTH
