"""Numbering tokens at the start of a line: what they look like and how they count.

A token such as ``(i)`` can be read more than one way (the roman numeral one, or the letter after
``h``), so parsing gives every reading as a ``Reading`` and the parser picks one from context.
Each reading has a *style* — the visual shape of the number, e.g. ``"(1)"``, ``"(a)"``, ``"a)"``,
``"i."``, ``"N"`` (a bare section number such as Canadian ``286.1``) — and an *ordinal*
``(main, inserted)``: ``(b)`` is ``(2, 0)``, ``(b.1)`` is ``(2, 1)``, ``286.1`` is ``(286, 1)``.

All patterns are anchored and bounded, so one line costs a few short regex matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Ordinal = tuple[int, int]

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_WORD_ONE = {"premier", "premiere", "première", "1er", "first", "erster", "primero", "primo"}


@dataclass(frozen=True)
class Reading:
    """One interpretation of a numbering token."""

    style: str
    ordinal: Ordinal
    family: str  # digit, lower, upper, roman, ROMAN, double, decimal


@dataclass(frozen=True)
class Marker:
    """A numbering token found at the start of a line."""

    num: str  # as written, without brackets: "a", "1", "lii.1", "286.1"
    readings: tuple[Reading, ...]
    end: int  # offset just after the token, relative to the line content


def roman_value(text: str) -> int | None:
    """Value of a well-formed roman numeral below 400 (any case), else None.

    Provisions never run to ``(cd)``; the cap keeps words such as "mix" from reading as numbers.
    """
    low = text.lower()
    if not low or any(ch not in _ROMAN_VALUES for ch in low) or len(low) > 8:
        return None
    total, prev = 0, 0
    for ch in reversed(low):
        value = _ROMAN_VALUES[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total if total < 400 and to_roman(total) == low else None


def to_roman(value: int) -> str:
    """Lower-case canonical roman numeral of ``value`` (1..3999)."""
    pairs = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )
    out = []
    for size, letters in pairs:
        while value >= size:
            out.append(letters)
            value -= size
    return "".join(out)


def follows(previous: Ordinal, current: Ordinal) -> bool:
    """Whether ``current`` is the next number after ``previous`` (allowing inserted ``(b.1)``)."""
    if current[0] == previous[0] + 1 and current[1] == 0:
        return True
    return current[0] == previous[0] and current[1] > previous[1]


def word_ordinal(text: str) -> int | None:
    """Ordinal of an article or group number written as digits, roman numerals or "premier"."""
    low = text.lower()
    if low.isdigit():
        return int(low)
    if low in _WORD_ONE:
        return 1
    digits = re.match(r"(\d+)[a-z]?$", low)
    if digits:
        return int(digits.group(1))
    return roman_value(low)


def _readings(core: str, shape: str) -> tuple[Reading, ...]:
    """Every reading of ``core`` (the number without brackets) in bracket ``shape``."""
    base, _, inserted = core.partition(".")
    extra = int(inserted) if inserted.isdigit() else 0
    if inserted and not inserted.isdigit():
        return ()
    found: list[Reading] = []
    if base.isdigit():
        found.append(Reading(shape.format("1"), (int(base), extra), "digit"))
        return tuple(found)
    if base.islower():
        value = roman_value(base)
        if value is not None:
            found.append(Reading(shape.format("i"), (value, extra), "roman"))
        if len(base) == 1:
            found.append(Reading(shape.format("a"), (ord(base) - 96, extra), "lower"))
        elif len(base) == 2 and base[0] == base[1]:
            found.append(Reading(shape.format("aa"), (ord(base[0]) - 96, extra), "double"))
    elif base.isupper():
        value = roman_value(base)
        if value is not None:
            found.append(Reading(shape.format("I"), (value, extra), "ROMAN"))
        if len(base) == 1:
            found.append(Reading(shape.format("A"), (ord(base) - 64, extra), "upper"))
    return tuple(found)


_PAREN = re.compile(r"\((\d{1,4}(?:\.\d{1,3})?|[a-z]{1,6}(?:\.\d{1,3})?|[A-Z]{1,6}(?:\.\d{1,3})?)\)(?=\s|$)")
_RPAREN = re.compile(r"(\d{1,3}(?:\.\d{1,3})?|[a-z]{1,6}(?:\.\d{1,3})?|[A-Z])\)(?=\s|$)")  # "b.1)"
_DOT = re.compile(
    r"(\d{1,4}|[a-z]|[ivxlc]{2,6}|[A-Z]|[IVXLC]{2,6})\.(?=\s|$)|(\d{1,4})\.(?=\(1\)\s)")
_LETTERED = re.compile(r"(\d{1,4})([A-Z]{1,2})\.(?=\s|$)")  # an inserted section: "363A."
_DEGREE = re.compile(r"(\d{1,3})°\.?(?=\s|$)")
_DECIMAL = re.compile(r"(\d{1,4}(?:\.\d{1,3})+)(?=\s*$|\s+[A-Z(\[])")
_BARE = re.compile(r"(\d{1,4})\s*$")
# "119 Commet …", "29 (1) A …": a section number and its words, with no full stop between them
_NUMBERED_TEXT = re.compile(r"(\d{1,4})(?= (?:\(1\) |[A-ZÀ-ÖØ-Þ]))")
_BULLET = re.compile(r"[-•▪●◦*](?=\s|$)")


def parse_marker(content: str, *, bare_ok: bool = False, section_ok: bool = False) -> Marker | None:
    """The numbering token at the start of ``content`` (a stripped line), if any.

    ``bare_ok`` allows a line holding only an integer (Canadian ``183`` before ``(1)``); the caller
    decides that from the next line, because a lone number is otherwise often a page number.
    ``section_ok`` allows an integer followed by a space and the section's words (``119 Commet
    …``, ``29 (1) A …``), which the caller allows only right after a marginal note.
    """
    if not content:
        return None
    first = content[0]
    if first == "(":
        m = _PAREN.match(content)
        if m:
            readings = _readings(m.group(1), "({})")
            return Marker(m.group(1), readings, m.end()) if readings else None
        return None
    if first.isdigit():
        m = _DECIMAL.match(content)
        if m:
            main, _, rest = m.group(1).partition(".")
            sub = int(rest.split(".")[0])
            return Marker(m.group(1), (Reading("N", (int(main), sub), "decimal"),), m.end())
        m = _DEGREE.match(content)
        if m:
            return Marker(m.group(1), (Reading("1°", (int(m.group(1)), 0), "digit"),), m.end())
        if bare_ok:
            m = _BARE.match(content)
            if m:
                return Marker(m.group(1), (Reading("N", (int(m.group(1)), 0), "decimal"),), m.end())
        if section_ok:
            m = _NUMBERED_TEXT.match(content)
            if m:
                return Marker(m.group(1), (Reading("N", (int(m.group(1)), 0), "decimal"),), m.end())
    if first.isdigit():
        m = _LETTERED.match(content)
        if m:
            inserted = sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(m.group(2))))
            reading = Reading("1.", (int(m.group(1)), inserted), "digit")
            return Marker(m.group(1) + m.group(2), (reading,), m.end())
    if first.isalnum():
        m = _DOT.match(content)
        if m:  # "8.(1) …" too: a section number with its first subsection right after it
            core = m.group(1) or m.group(2)
            readings = _readings(core, "{}.")
            return Marker(core, readings, m.end()) if readings else None
        m = _RPAREN.match(content)
        if m:
            readings = _readings(m.group(1), "{})")
            return Marker(m.group(1), readings, m.end()) if readings else None
        return None
    m = _BULLET.match(content)
    if m:
        return Marker("", (Reading("-", (0, 0), "bullet"),), m.end())
    return None


FAMILY_PREFERENCE = {"digit": 0, "decimal": 0, "lower": 1, "upper": 2, "roman": 3, "ROMAN": 4,
                     "double": 5, "bullet": 6}


def preferred(readings: tuple[Reading, ...]) -> Reading:
    """The reading to use when nothing open continues: a first item wins, then the plainer family."""
    return min(readings, key=lambda r: (r.ordinal != (1, 0), FAMILY_PREFERENCE[r.family]))


_ES_UNITS = {"primer": 1, "segund": 2, "tercer": 3, "cuart": 4, "quint": 5, "sext": 6,
             "septim": 7, "séptim": 7, "octav": 8, "noven": 9}
_ES_TENS = {"decim": 10, "décim": 10, "vigesim": 20, "vigésim": 20, "trigesim": 30,
            "trigésim": 30}
_ES_SPECIAL = {"undecim": 11, "undécim": 11, "duodecim": 12, "duodécim": 12, "unic": 1, "únic": 1}


def spanish_ordinal(word: str) -> int | None:
    """Value of a Spanish ordinal word: "primera" 1, "decimoctava" 18, "vigésimo primero" 21."""
    low = " ".join(word.lower().split())
    if not low or low[-1] not in "ao":
        return None
    parts = low.replace(" ", "").removesuffix("a").removesuffix("o")
    for table in (_ES_SPECIAL, _ES_UNITS):
        if parts in table:
            return table[parts]
    for tens, value in _ES_TENS.items():
        if parts == tens:
            return value
        if parts.startswith(tens):
            rest = parts[len(tens):]  # "decimo|segunda", "decim|octava" (the two o's merge)
            for unit in (rest, rest[1:]):
                if unit in _ES_UNITS:
                    return value + _ES_UNITS[unit]
    return None
