"""Statements that make a victim's consent irrelevant, and whether they keep Art. 3(b)'s scope.

Art. 3(b) makes consent irrelevant *where any of the means have been used*. A statement is
**scoped** when its sentence ties the irrelevance to the means (names them, or refers to "the
means set forth in ..."), **unscoped** when it does not ("with or without the consent of the
person", "consent shall be no defence"). Statements about children only are set apart: for a
child no means are needed (Art. 3(c)), so making a child's consent irrelevant is no departure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lintlaw.protocol.lexicon import ElementMatcher

_SENTENCE = re.compile(r"[^.;\n]+(?:[.;]|$)", re.MULTILINE)
_MARKER = re.compile(
    r"\b(?:irrelevant|immaterial|not\s+(?:be\s+)?relevant|of\s+no\s+(?:legal\s+)?(?:effect|consequence|relevance)|"
    r"(?:is|be|constitute|shall\s+be)\s+no\s+defen[cs]e|no\s+defen[cs]e|not\s+(?:be\s+|constitute\s+)?a\s+defen[cs]e|"
    r"not\s+(?:be\s+)?available\s+as\s+a\s+defen[cs]e|shall\s+not\s+(?:be\s+)?(?:a\s+)?bar|"
    r"shall\s+not\s+(?:negate|exclude|affect|be\s+taken\s+into\s+account)|does\s+not\s+(?:negate|exclude)|"
    r"with\s+or\s+without|whether\s+or\s+not|regardless\s+of|irrespective\s+of|notwithstanding|"
    r"even\s+(?:if|though|where|when|with))\b",
    re.IGNORECASE,
)
_SCOPE = re.compile(
    r"\b(?:any\s+of\s+the\s+means"
    r"|(?:the|such)\s+means\s+(?:set\s+(?:forth|out)|referred|mentioned|described|listed|specified|enumerated)"
    r"|where\s+(?:any\s+)?(?:such\s+)?means"
    r"|means\s+(?:in|under|of)\s+(?:sub)?(?:section|paragraph|article|clause))",
    re.IGNORECASE,
)
_ADULT = re.compile(r"\b(?:wom[ae]n|adults?|females?)\b", re.IGNORECASE)
_NEAR = 160  # characters between the consent word and the marker


@dataclass(frozen=True)
class ConsentStatement:
    """A sentence that makes consent irrelevant; offsets are into the document text."""

    start: int
    end: int
    text: str
    marker: str
    scoped: bool
    child_only: bool


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def consent_statements(text: str, base: int, matcher: ElementMatcher) -> list[ConsentStatement]:
    """Consent-irrelevance statements in ``text`` (which starts at document offset ``base``)."""
    if not _MARKER.search(text) or not matcher.could_match(text, ("consent",)):
        return []
    hits = matcher.find(text)
    found: list[ConsentStatement] = []
    for s_start, s_end in _sentences(text):
        sentence = text[s_start:s_end]
        inside = [m for m in hits if s_start <= m.start and m.end <= s_end]
        consents = [m for m in inside if m.category == "consent"]
        if not consents:
            continue
        marker = next(
            (mk for mk in _MARKER.finditer(sentence)
             if any(abs((c.start - s_start) - mk.start()) <= _NEAR for c in consents)),
            None,
        )
        if marker is None:
            continue
        means = [m for m in inside if m.category == "means" and not m.optional]
        scoped = bool(_SCOPE.search(sentence)) or bool(means)
        child_only = any(m.category == "children" for m in inside) and not _ADULT.search(sentence)
        lead = len(sentence) - len(sentence.lstrip())
        found.append(ConsentStatement(
            start=base + s_start + lead, end=base + s_end, text=sentence.strip(), marker=marker.group(0),
            scoped=scoped, child_only=child_only,
        ))
    return found


def classify(statements: list[ConsentStatement]) -> tuple[str, ConsentStatement | None]:
    """``unscoped`` if any adult statement is unscoped, else ``scoped`` if any is, else ``absent``."""
    adult = [s for s in statements if not s.child_only]
    unscoped = [s for s in adult if not s.scoped]
    if unscoped:
        return "unscoped", unscoped[0]
    if adult:
        return "scoped", adult[0]
    return "absent", None
