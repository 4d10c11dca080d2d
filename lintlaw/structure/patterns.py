"""Line-start patterns for keyword lines (articles, sections, groups, schedules) and prose shapes.

Every pattern is matched with ``re.match`` on one stripped line of the normalised text (quotes and
dashes already folded to ASCII), is anchored and has bounded repetition: no backtracking blow-up
on long lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lintlaw.structure.lattice import GROUP_WORDS, SCHEDULE_WORDS

_SUFFIX = r"bis|ter|quater|quinquies|sexies|septies|octies|nonies|novies|decies"

ARTICLE = re.compile(
    r"(?P<word>Article|ARTICLE|Art\.|ART\.|Artikel|ARTIKEL|Artículo|ARTÍCULO|Articulo|ARTICULO|Articolo|Artigo"
    r"|Artykuł)\s*(?P<num>(?:[LRD]\.?\s?)?\d{1,4}(?:-\d{1,4}){0,3}[a-z]?|[IVXLC]{1,7}|premier|première|1er|first"
    r"|unique|único|primero)(?:\s?[º°ª](?!\w))?"
    rf"(?:\s*(?P<suf>{_SUFFIX}))?(?![\w])(?P<rest>.*)$"
)
SECTION = re.compile(
    r"(?:(?P<word>Section|SECTION|Sec\.|SEC\.|Sect\.|SECT\.)\s+|(?P<sign>§)\s*)"
    r"(?P<num>\d{1,5}[A-Za-z]{0,3}(?:[.-]\d{1,4}[A-Za-z]{0,2}){0,3})(?![\w])(?P<rest>.*)$"
)
GROUP = re.compile(
    r"(?P<word>[A-Za-zÄÖÜäöüéÍíÉ]{4,14})\s+(?P<num>\d{1,4}[A-Za-z]?|[IVXLC]{1,7}|[A-Z])"
    r"(?![\w])(?P<rest>.*)$"
)
SCHEDULE = re.compile(
    r"(?:-\s+)?(?:(?:THE|The|FIRST|First|SECOND|Second|THIRD|Third)\s+)?"
    r"(?P<word>[A-Za-z]{5,8})(?:\s+(?P<num>\d{1,3}|[IVXLC]{1,6}|[A-Z])(?![\w]))?(?P<rest>.*)$"
)
BARE_ROMAN = re.compile(r"[IVXLC]{1,7}\.?$")
MARGINAL = re.compile(r"Marginal note\s*:\s*(?P<note>.*)$", re.IGNORECASE)
PREAMBLE = re.compile(
    r"(?:Preamble|PREAMBLE|Preambule|Préambule|PRÉAMBULE|Präambel|PRÄAMBEL|Preámbulo)\s*[.:]?$"
)
RECITAL = re.compile(
    r"(?:(?:And|AND)\s+)?(?:Whereas|WHEREAS|whereas)\b|(?:Considering|Recalling|Recognizing"
    r"|Recognising|Noting|Bearing in mind|Being anxious|Desiring|Desirous|Convinced|Concerned"
    r"|Deeply concerned|Also concerned|Gravely concerned|Affirming|Reaffirming|Taking into account"
    r"|Taking due account|Taking into consideration|Taking note|Emphasizing|Emphasising|Mindful"
    r"|Declaring|Determined|Acknowledging|Having regard|Considérant|Désireux|Egalement désireux"
    r"|In Erwägung|Considerando)\b"
)
CLOSING = re.compile(
    r"(?:IN WITNESS WHEREOF|In witness whereof|IN FAITH WHEREOF|In faith whereof|DONE at|Done at"
    r"|DONE in|Done in|Fait à|FAIT à|Fait en|Geschehen zu|Hecho en)\b"
)
PROVISO = re.compile(
    r"(?:-\s+)?(?:Provided|PROVIDED),?\s+(?:that|THAT|however|further|always|also|nevertheless)\b"
)
_FUNCTION_END = re.compile(
    r"(?i)\b(?:who|whom|which|that|is|are|was|were|be|of|to|the|a|an|and|or|by|for|in|on|with"
    r"|from|as|at|if|where|when|whether|shall|may|must|knowingly|including|means|includes"
    r"|amended|following|than|not|any|such|its|their|his|her|this|under|unless|upon|into)$"
)
_TERMINAL = ".;:,-"


@dataclass(frozen=True)
class Keyword:
    """A keyword line: which word, its number, and the text after it (offset in the content)."""

    word: str
    num: str
    rest_at: int  # where the text after the number starts in the content (len if none)
    suffix: str | None = None


def _rest_ok(content: str, rest_start: int) -> int | None:
    """Offset of the text after a keyword's number, or None if the line is a running sentence.

    "Article 5 of the Convention …" and "Section 3, paragraph 2 …" are sentences, not headings:
    the number must be followed by the end of the line, a separator, or a capitalised heading.
    """
    rest = content[rest_start:]
    if not rest.strip():
        return len(content)
    if rest[0] not in " \t.:-—–)" and not rest[0].isspace():
        return None
    i = rest_start
    while i < len(content) and (content[i].isspace() or content[i] in ".:-—–)"):
        i += 1
    if i >= len(content):
        return len(content)
    first = content[i]
    if first.islower() or first in ",;":
        return None
    return i


def match_article(content: str) -> Keyword | None:
    m = ARTICLE.match(content)
    if not m:
        return None
    at = _rest_ok(content, m.start("rest"))
    if at is None:
        return None
    return Keyword(m.group("word"), m.group("num"), at, m.group("suf"))


def match_section(content: str) -> Keyword | None:
    m = SECTION.match(content)
    if not m:
        return None
    at = _rest_ok(content, m.start("rest"))
    if at is None:
        return None
    if m.group("sign") and at < len(content) and not heading_like(content[at:]):
        if not content.startswith("(1)", at):
            return None  # "§ 5 Absatz 3 gilt entsprechend." cites a section, it does not open one
    return Keyword(m.group("word") or m.group("sign"), m.group("num"), at)


def match_group(content: str) -> tuple[str, Keyword] | None:
    """(group kind, keyword) for "CHAPTER II", "Title 22- FOREIGN …", "Abschnitt 1 - …"."""
    m = GROUP.match(content)
    if not m or not m.group("word")[0].isupper():
        return None
    kind = GROUP_WORDS.get(m.group("word").lower())
    if kind is None:
        return None
    at = _rest_ok(content, m.start("rest"))
    if at is None:
        return None
    return kind, Keyword(m.group("word"), m.group("num"), at)


def match_schedule(content: str) -> Keyword | None:
    m = SCHEDULE.match(content)
    if not m or not m.group("word")[0].isupper():
        return None
    if m.group("word").lower() not in SCHEDULE_WORDS:
        return None
    rest_start = m.start("rest")
    rest = content[rest_start:].strip()
    if rest and not (rest[0] in "(-:." or rest[0].isupper()):
        return None
    at = _rest_ok(content, rest_start) if rest and rest[0] != "(" else (
        content.index("(", rest_start) if rest else len(content))
    if at is None:
        return None
    return Keyword(m.group("word"), m.group("num") or "", at)


def heading_like(text: str, limit: int = 250) -> bool:
    """A title rather than a sentence: capitalised, short, no closing punctuation."""
    text = text.strip()
    if not text or len(text) > limit or text[-1] in _TERMINAL:
        return is_caps(text) and 0 < len(text) <= 120 and text[-1:] == "."
    first = text[0]
    return first.isupper() or first.isdigit() or first == "("


def strict_heading(text: str) -> bool:
    """A short title on the same line as a number, e.g. US Code "(3) Coercion"."""
    text = text.strip()
    if text.endswith(" ."):
        text = text[:-2].rstrip()
    if not text or len(text) > 90 or text[-1] in _TERMINAL or not text[0].isupper():
        return False
    return _FUNCTION_END.search(text) is None


def clean_heading(text: str) -> str:
    """A same-line heading without the stray " ." some renderings leave ("In General .")."""
    text = text.strip()
    return text[:-2].rstrip() if text.endswith(" .") else text


def is_caps(text: str) -> bool:
    """An all-capitals heading line such as "SHORT TITLE" (not initials such as "L.D.O.")."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < 4 or len(text) > 120 or any(ch.islower() for ch in text):
        return False
    run = best = 0
    for ch in text:
        run = run + 1 if ch.isalpha() else 0
        best = max(best, run)
    visible = sum(not ch.isspace() for ch in text)
    return best >= 4 and letters >= 0.7 * visible


def opens_list(text: str) -> bool:
    """Whether a chapeau introduces a list (ends in a colon or dash)."""
    text = text.rstrip()
    return bool(text) and text[-1] in ":-"


def unfinished(text: str) -> bool:
    """Whether text stops mid-sentence, as a chapeau before its list items does."""
    text = text.rstrip()
    return bool(text) and text[-1] not in ".;!?)\"'"


_CONJUNCTIONS = {"and", "or", "und", "oder", "et", "ou", "y", "o", "e"}


def introduces(text: str) -> bool:
    """Whether the words of an item lead into sub-items: a colon or dash, or a sentence cut off
    mid-way ("… an employer who is") rather than an item closed by punctuation or "and"/"or"."""
    text = text.rstrip()
    if opens_list(text):
        return True
    if not unfinished(text) or text[-1] == ",":
        return False
    last = text.rsplit(None, 1)[-1].lower()
    return last not in _CONJUNCTIONS
