"""Line-start patterns for keyword lines (articles, sections, groups, schedules) and prose shapes.

Every pattern is matched with ``re.match`` on one stripped line of the normalised text (quotes and
dashes already folded to ASCII), is anchored and has bounded repetition: no backtracking blow-up
on long lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lintlaw.structure.lattice import GROUP_WORDS, SCHEDULE_WORDS
from lintlaw.structure.numbering import spanish_ordinal

_SUFFIX = r"(?i:bis|ter|quater|quáter|quinquies|sexies|septies|octies|nonies|novies|decies)"

ARTICLE = re.compile(
    r"(?P<word>Article|ARTICLE|Art\.|ART\.|Art(?= \d)|Artikel|ARTIKEL|Artículo|ARTÍCULO|Articulo|ARTICULO|Articolo|Artigo"
    r"|Artykuł)\s*(?P<num>(?:[LRD]\.?\s?)?\d{1,4}(?:-\d{1,4}){0,3}[a-z]?|[IVXLC]{1,7}|premier|première|1er|first"
    r"|unique|único|primero)(?:\.?\s?[º°ª](?!\w))?"
    rf"(?:\s*(?P<suf>{_SUFFIX}))?(?![\w])(?P<rest>.*)$"
)
SECTION = re.compile(
    r"(?:(?P<word>Section|SECTION|Sec\.|SEC\.|Sect\.|SECT\.)\s+|(?P<sign>§)\s*)"
    r"(?P<num>\d{1,5}[A-Za-z]{0,3}(?:[.-]\d{1,4}[A-Za-z]{0,2}){0,3}|(?<=§ )[IVXLC]{1,7}(?= bis| ter))"
    rf"(?:\s+(?P<suf>{_SUFFIX}))?(?![\w])(?P<rest>.*)$"
)
# Ordinal words that number a group ("LIBRO SEGUNDO", "TÍTULO OCTAVO", "TITRE Ier"), as digits
# (or, for the French "Ier", the roman numeral it abbreviates).
_ORDINAL_WORDS = {
    "primero": "1", "primera": "1", "segundo": "2", "segunda": "2", "tercero": "3",
    "tercera": "3", "cuarto": "4", "cuarta": "4", "quinto": "5", "quinta": "5", "sexto": "6",
    "sexta": "6", "séptimo": "7", "septimo": "7", "séptima": "7", "septima": "7", "octavo": "8",
    "octava": "8", "noveno": "9", "novena": "9", "décimo": "10", "decimo": "10", "décima": "10",
    "decima": "10", "ier": "I", "ire": "I", "premier": "1", "première": "1",
}
GROUP = re.compile(
    r"(?P<word>[A-Za-zÄÖÜäöüéÍíÉ]{4,14})\s+(?P<num>\d{1,4}[A-Za-z]?|[IVXLC]{1,7}|[A-Z]"
    r"|(?i:primer[oa]|segund[oa]|tercer[oa]|cuart[oa]|quint[oa]|sext[oa]|s[ée]ptim[oa]|octav[oa]"
    r"|noven[oa]|d[ée]cim[oa]|premier|première)|Ier|Ire)"
    rf"(?:\s+(?P<suf>{_SUFFIX}))?(?![\w])(?P<rest>.*)$"
)
# A part named by a word rather than a number: "Partie législative", "Parte especial".
NAMED_PART = re.compile(r"(?P<word>Partie|PARTIE|Parte|PARTE)\s+(?P<name>[^\W\d]{4,20})\s*$")
SCHEDULE = re.compile(
    r"(?:-\s+)?(?:(?:THE|The|FIRST|First|SECOND|Second|THIRD|Third)\s+)?"
    r"(?P<word>[A-Za-z]{5,8})(?:\s+(?P<num>\d{1,3}|[IVXLC]{1,6}|[A-Z])(?![\w]))?(?P<rest>.*)$"
)
BARE_ROMAN = re.compile(r"[IVXLC]{1,7}\.?$")
MARGINAL = re.compile(r"(?:Marginal note|Note marginale)\s*:\s*(?P<note>.*)$", re.IGNORECASE)
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
    r"|DONE in|Done in|Fait à|FAIT à|Fait en|Geschehen zu|Hecho en|Dada en|Dado en)\b"
)
# The enacting formula that ends a bill's front matter: "… enacts as follows:", "DECRETA:".
ENACTING = re.compile(
    r"(?i)(?:\b(?:enacts|enacted|ordains|decreta|decretan|sancionan|sanciona|décrète|beschlossen)"
    r"\b[^\n]{0,60}|\bas follows\s*)[:.\u2014-]?\s*$")
# The words that end the list of parties and open a treaty's articles.
AGREED = re.compile(
    r"(?i)\b(?:agreed|agree|convenus?|convenu|convenido|acordado|vereinbart|vereinbaren)\b"
    r"[^.\n]{0,60}:\s*$")
# The title of an instrument appended after a treaty's closing formula.
APPENDED = re.compile(
    r"(?i)(?:final |additional )?(?:protocol|protocole|protocolo|procès-verbal|proces-verbal"
    r"|final act|acte final|acta final|schlussprotokoll|zusatzprotokoll)\b[^.;:\n]{0,80}\.?$")
PROVISO = re.compile(
    r"(?:-\s+)?(?:Provided|PROVIDED),?\s+(?:that|THAT|however|further|always|also|nevertheless)\b"
    r"|\(Exception\)\s*$|Exception\s*(?:\d{1,2}|[IVX]{1,4})?\.?\s?[-\u2014]"
)
EXCEPTION_LABEL = re.compile(r"\(?Exception\)?\s*(?:\d{1,2}|[IVX]{1,4})?\s*[.:\u2014-]*\s*$")
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


# Spanish final provisions, numbered by ordinal words: "Disposición adicional decimoctava."
DISPOSITION = re.compile(
    r"(?P<word>Disposición (?:adicional|transitoria|derogatoria|final)|DISPOSICIÓN (?:ADICIONAL"
    r"|TRANSITORIA|DEROGATORIA|FINAL))\s+(?P<num>\d{1,3}|[^\W\d]{4,14}(?:\s[^\W\d]{4,9})?)"
    r"(?P<rest>[.:\u2014-].*|)$")


def match_article(content: str) -> Keyword | None:
    if content.startswith(("Disposición", "DISPOSICIÓN")):
        return _match_disposition(content)
    m = ARTICLE.match(content)
    if not m:
        return None
    at = _rest_ok(content, m.start("rest"))
    if at is None:
        return None
    return Keyword(m.group("word"), m.group("num"), at, m.group("suf"))


def _match_disposition(content: str) -> Keyword | None:
    m = DISPOSITION.match(content)
    if not m:
        return None
    num = m.group("num")
    value = int(num) if num.isdigit() else spanish_ordinal(num)
    if value is None:
        return None
    at = _rest_ok(content, m.start("rest"))
    if at is None:
        return None
    word = m.group("word")
    return Keyword(word[0] + word[1:].lower(), str(value), at)


def match_section(content: str) -> Keyword | None:
    m = SECTION.match(content)
    if not m:
        return None
    at = _rest_ok(content, m.start("rest"))
    if at is None:
        return None
    if m.group("sign") and at < len(content) and not (
            heading_like(content[at:]) or title_sentence(content[at:])):
        if not content.startswith("(1)", at):
            return None  # "§ 5 Absatz 3 gilt entsprechend." cites a section, it does not open one
    return Keyword(m.group("word") or m.group("sign"), _with_suffix(m), at)


def _with_suffix(m: re.Match[str]) -> str:
    """The number with a Latin suffix written after it: "1 bis"."""
    return m.group("num") + (f" {m.group('suf')}" if m.group("suf") else "")


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
    num = m.group("num")
    num = _ORDINAL_WORDS.get(num.lower(), num)
    suffix = f" {m.group('suf')}" if m.group("suf") else ""
    return kind, Keyword(m.group("word"), num + suffix, at)


def match_named_part(content: str) -> str | None:
    """The name of a part named by a word ("législative" in "Partie législative")."""
    m = NAMED_PART.match(content)
    return m.group("name") if m else None


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


def title_sentence(words: str) -> bool:
    """A title closed by a full stop, as after a group's number: "Chapitre VI : Dispositions
    applicables aux étrangers …", "§ 6 bis. Explotación sexual …": one capitalised sentence."""
    words = words.strip()
    if not words or len(words) > 250 or not words[0].isupper() or words[-1] != ".":
        return False
    return ". " not in words[:-1] and ";" not in words and ":" not in words


_VERB = re.compile(
    r"(?i)\b(?:shall|will|must|may|is|are|was|were|has|have|será|serán|podrá|podrán|deberá"
    r"|deberán|es|son|está|están|tendrá|tendrán|doit|doivent|est|sont|peut|peuvent|sera|seront"
    r"|ist|sind|wird|werden|muss|kann)\b")


# A sentence rather than an article's title starts with a determiner: "ARTICULO 25.— El
# Ministerio Público" / "Fiscal conservará …" is a hard-wrapped first line.
DETERMINER = re.compile(r"(?:El|La|Los|Las|Le|Les|The|Un|Una|Une|Der|Die|Das)\s")


def article_title(words: str) -> bool:
    """The words after "Artículo 59." read as the article's title: one short capitalised
    phrase closed by a full stop, with no comma or verb ("Colaboración contra redes organizadas.")."""
    return (len(words.strip()) <= 150 and "," not in words and title_sentence(words)
            and _VERB.search(words) is None)


def strict_heading(text: str, limit: int = 90) -> bool:
    """A short title on the same line as a number, e.g. US Code "(3) Coercion", or a title-case
    one closed by a full stop ("(b) Requests To Prosecute Violations by State Attorneys General.")."""
    text = _heading_words(text)
    if not text or len(text) > limit or text[-1] in _TERMINAL or not text[0].isupper():
        return False
    if EDITORIAL_WORD.match(text) or _LEAD_IN.match(text):
        return False
    return _FUNCTION_END.search(text) is None


# Editorial lines of a code, not titles: "(D) Repealed. Pub. L. 108-193 …", "Omitted".
EDITORIAL_WORD = re.compile(
    r"(?:Repealed|Omitted|Reserved|Transferred|Renumbered|Deleted|Vacant|Expired|Spent"
    r"|Derogado|Derogada|Abrogé|Abrogée|Aufgehoben|Weggefallen)\b")
# An editorial note of the publisher in brackets: "(Artículo sustituido por art. 1° de la Ley …)",
# "(Nota Infoleg: …)", "(Section inserted by Act 12 of 2003)".
EDITORIAL_NOTE = re.compile(
    r"\((?:Nota\b|Note\b|NOTA\b|[^()\n]{0,60}?\b(?:sustituid[oa]s?|incorporad[oa]s?|derogad[oa]s?"
    r"|modificad[oa]s?|agregad[oa]s?|suprimid[oa]s?|substituted|inserted|repealed|amended|added"
    r"|renumbered|omitted|abrogée?s?|modifiée?s?|insérée?s?|eingefügt|aufgehoben|geändert)\b)"
    r"[^\n]{0,400}\)\.?$")
# The amendment history closing a Canadian section: "2001, c. 27, s. 117; 2012, c. 17, s. 41",
# "[2001, ch. 27, art. 121; …]", "[SOR/2010-172, s. 1; …]".
HISTORY = re.compile(
    r"\[?(?:\d{4}, ch?\. [\w-]{1,8}, (?:s|art)\.|(?:SOR|DORS)/\d{4}-\d{1,4}, (?:s|art)\.)"
    r"[^\[\]\n]{0,400}\]?$")
# A range of numbers left out by the publisher: "(1) –(4) Omitted".
_RANGE = re.compile(r"(?:-|to|through)\s?\(\w{1,6}\)\s+")


def editorial_range(rest: str) -> bool:
    """Whether the words after a number continue a range that is noted as omitted or repealed."""
    m = _RANGE.match(rest)
    return m is not None and EDITORIAL_WORD.match(rest, m.end()) is not None


# A lead-in, not a title: "(a) As used in this chapter" / "(15) The term …"
_LEAD_IN = re.compile(r"(?i)(?:as used in|in this|for the purposes of|except as)\b")
_FOOTNOTE = re.compile(r"\d{1,2} (?=[A-Z][a-z])")  # "(f) 3 Assistance for …": a footnote call


def _heading_words(text: str) -> str:
    """The words of a same-line title: without " .", a footnote call, or the full stop of a
    title written in title case."""
    text = text.strip()
    if text.endswith(" ."):
        text = text[:-2].rstrip()
    m = _FOOTNOTE.match(text)
    if m:
        text = text[m.end():]
    if text.endswith(".") and not text.endswith("..") and _title_case(text[:-1]):
        text = text[:-1]
    return text


def _title_case(text: str) -> bool:
    """Every word of four letters or more capitalised, and at least two such words."""
    long_words = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    return (len(long_words) >= 2 and all(w[0].isupper() for w in long_words)
            and any(ch.islower() for ch in text))  # a capitals heading keeps its full stop


def clean_heading(text: str) -> str:
    """A same-line heading as a title: without the stray " ." some renderings leave ("In General
    ."), a footnote call or the full stop after a title-case title."""
    return _heading_words(text)


def name_like(text: str) -> bool:
    """A line of a signature block: a short name such as "CARLOS M. NOEL" or "Gustavo"."""
    words = text.split()
    return (0 < len(words) <= 4 and len(text) <= 40 and not any(ch.isdigit() for ch in text)
            and all(w[0].isupper() for w in words))


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


_QUOTES = re.compile(
    r"(?i)(?:\b(?:replaced by|amended by adding|by adding|by inserting|by substituting|is added)\b"
    r"[^\n]{0,120}|\bthe following\s*|\b(?:el|la|los|las) siguientes?\s*|\bquedará así\s*"
    r"|\bainsi rédigée?s?\s*):\s*$")


def quotes_text(text: str) -> bool:
    """Whether an amending clause introduces the provision it quotes ("… is replaced by the
    following:"): what follows is the quoted provision, numbered as in the Act it amends."""
    return _QUOTES.search(text.rstrip()) is not None


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
