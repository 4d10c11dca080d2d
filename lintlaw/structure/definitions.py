"""Recognise definitions at the start of a line or clause and pull out the defined term.

Three shapes, all matched on normalised text (curly quotes already folded to ``"``):

- quoted, anywhere: ``"child" means …``, ``The term "coercion" means …``, ``"Child" shall mean …``,
  ``In this Part, "child" means …`` (the ``In this Part,`` lead-in stays with the enclosing clause);
- unquoted, only inside an interpretation provision or after a marginal note naming the term:
  ``child means a person …`` (Sri Lanka Act s. 14, Canadian amending Acts);
- German, only inside a ``Begriffsbestimmungen`` provision: ``Prostituierte sind Personen, …``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERBS = (
    r"(?:means|mean|includes|include|shall mean|shall include|shall have the meaning"
    r"|has the (?:same )?meaning|have the (?:same )?meaning|refers to|is defined as|denotes"
    r"|signifies|désigne|désignent|s'entend)\b"
)
QUOTED = re.compile(
    r"(?:-\s+)?(?P<lead>(?:In|in|For the purposes of|for the purposes of|As used in|as used in)"
    r" this [^,\"\n]{1,60}?,\s*(?:unless the context otherwise requires,?\s*)?)?"
    r"(?P<body>(?:(?:The|the) (?:terms?|expressions?|words?|phrases?)\s+|(?<=, )an? )?"
    r"(?P<q>[\"'])(?P<term>[^\"\n]{1,100}?)(?P=q)\s*,?\s*(?:\([^()\n]{0,60}\)\s*,?\s*)?)"
    + _VERBS
)
UNQUOTED = re.compile(
    r"(?:-\s+)?(?P<body>(?P<term>[a-z][\w'-]*(?:[ \t]+[\w'-]+){0,6}?)[ \t]+)"
    r"(?:means|includes|shall mean|shall include)\b"
)
GERMAN = re.compile(
    r"(?P<body>(?:(?:Ein|Eine|Einer|Der|Die|Das)\s+)?"
    r"(?P<term>(?:[\wÄÖÜäöüß-]+\s+){0,3}?[\wÄÖÜäöüß-]+)\s+)"
    r"(?:im Sinne dieses Gesetzes\s+)?(?:ist|sind)\s"
)
CONTEXT = re.compile(
    r"(?i)\b(?:interpretation|definitions?|defined terms|in this (?:act|part|chapter|section"
    r"|division|schedule|ordinance|law|regulations?|code|protocol|convention|article|title"
    r"|subchapter|subsection)|unless the context otherwise requires|for the purposes of this"
    r"|begriffsbestimmung(?:en)?|im sinne dieses gesetzes|définitions?)\b"
)
GERMAN_CONTEXT = re.compile(r"(?i)begriffsbestimmung|im sinne dieses gesetzes")


@dataclass(frozen=True)
class Definition:
    """Where the definition starts (after any "In this Part," lead-in) and the term's offsets."""

    start: int
    term_start: int
    term_end: int


def quoted(norm: str, start: int, end: int) -> Definition | None:
    """A quoted definition beginning at ``start`` (the lead-in may come first)."""
    m = QUOTED.match(norm, start, end)
    if not m:
        return None
    return Definition(m.start("body"), m.start("term"), m.end("term"))


# Words that start a wrapped continuation line, not a term: "of a person by means of threat …".
_NOT_TERM_START = frozenset(
    "of by to and or for the a an in with from that which who whom as at on into under than if where".split()
)


def unquoted(norm: str, start: int, end: int) -> Definition | None:
    """An unquoted ``term means …`` beginning at ``start``; callers check the context."""
    m = UNQUOTED.match(norm, start, end)
    if not m:
        return None
    words = m.group("term").lower().split()
    if words[0] in _NOT_TERM_START or words[-1] in ("by", "other", "any"):
        return None
    return Definition(m.start("body"), m.start("term"), m.end("term"))


def german(norm: str, start: int, end: int) -> Definition | None:
    m = GERMAN.match(norm, start, end)
    if not m:
        return None
    return Definition(m.start("body"), m.start("term"), m.end("term"))


_NOTE_TERM = re.compile(
    r"(?i)(?:definition of|meaning of|sens de|définition de)\s+[«\"]?\s*(?P<term>[^«»\"]{1,60}?)"
    r"\s*[»\"]?\s*$")


def noted_term(note: str | None, text: str) -> str | None:
    """The term a marginal note says its clause defines ("Definition of organize", "Sens de
    organisation"), when the clause's text uses it."""
    if not note:
        return None
    m = _NOTE_TERM.match(" ".join(note.split()))
    if m is None:
        return None
    term = m.group("term")
    if re.search(r"\b(?:and|et|or|ou)\b", term):
        return None  # "Definitions of place and public place": more than one term
    return term if term.lower() in " ".join(text.split()).lower() else None


def is_interpretation(text: str) -> bool:
    """Whether a chapeau or heading introduces definitions ("In this Act, …", "Interpretation")."""
    return CONTEXT.search(text) is not None


def is_german_interpretation(text: str) -> bool:
    return GERMAN_CONTEXT.search(text) is not None


def clean_term(term: str) -> str:
    """The term as written, with inner whitespace collapsed."""
    return " ".join(term.split())
