"""Fold typographic variants for matching, one character for one character.

Because the mapping never changes the length, offsets found in the normalised text are offsets in
the original text, and positions are always reported against what the user wrote.
"""

from __future__ import annotations

_FOLD = {
    # quotes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2039": "'", "\u203a": "'", "\u02bc": "'", "\uff07": "'", "\uff02": '"',
    # dashes and hyphens
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00ad": "-", "\u2e3a": "-", "\u2e3b": "-", "\ufe58": "-", "\ufe63": "-",
    "\uff0d": "-",
    # spaces (and in-line breaks that are not LF: form feed, vertical tab, NEL, separators)
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u3000": " ",
    "\t": " ", "\u200b": " ", "\ufeff": " ", "\u205f": " ", "\x0b": " ", "\x0c": " ",
    "\x85": " ", "\u2028": " ", "\u2029": " ",
    # ellipsis and the one-dot leader stay one character wide
    "\u2026": ".", "\u2024": ".",
}
_TABLE = str.maketrans(_FOLD)


def normalize(text: str) -> str:
    """Return ``text`` with quotes, dashes and unusual spaces folded to ASCII, same length."""
    return text.translate(_TABLE)
