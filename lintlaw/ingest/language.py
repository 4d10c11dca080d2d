"""Document language: normalise declared tags and guess undeclared ones from stop words.

The guess only chooses among the languages lintlaw ships pipelines for (en, fr, de, es) and falls
back to English when the text gives too little evidence. Only the first ``_SAMPLE`` characters are
read, so the guess costs the same on any size of input.
"""

from __future__ import annotations

import re

DEFAULT = "en"
_SAMPLE = 50_000
_MIN_HITS = 3
# Frequent function words, chosen so that no word is shared by two of the lists.
_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to shall which that with be by is this for any such are or from has have been "
        "who under person where".split()
    ),
    "fr": frozenset(
        "le les du et est une dans pour qui sur par au aux sont cette ces ont pas avec leur été "
        "être toute tout doit".split()
    ),
    "de": frozenset(
        "der die das und ist nicht den dem ein eine einer des zu von mit für auf wird werden sich "
        "oder nach bei im".split()
    ),
    "es": frozenset(
        "el los las del y por con una para se su al como sus lo es está cuando será ser "
        "toda".split()
    ),
}
_WORD = re.compile(r"[^\W\d_]+")
# ISO 639-2 (three-letter, as Akoma Ntoso writes them) to ISO 639-1 for common legal languages.
_THREE_TO_TWO = {
    "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it",
    "nld": "nl", "dut": "nl", "por": "pt", "swe": "sv", "dan": "da", "nor": "no", "fin": "fi",
    "pol": "pl", "ces": "cs", "cze": "cs", "ron": "ro", "rum": "ro", "ell": "el", "gre": "el",
    "hun": "hu", "swa": "sw", "afr": "af", "zul": "zu", "xho": "xh", "ara": "ar", "rus": "ru",
    "zho": "zh", "chi": "zh", "jpn": "ja", "kor": "ko", "hin": "hi", "sin": "si", "tam": "ta",
    "lat": "la", "mul": "", "und": "",
}


def normalize_tag(tag: object) -> str | None:
    """``'en-GB'`` → ``'en'``, ``'fra'`` → ``'fr'``; None for an empty or unusable tag."""
    if not isinstance(tag, str):
        return None
    primary = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    if not primary.isascii() or not primary.isalpha():
        return None
    if len(primary) == 3:
        primary = _THREE_TO_TWO.get(primary, primary)
    return primary if 2 <= len(primary) <= 3 else None


def guess(text: str) -> str:
    """The language among en/fr/de/es whose stop words are most frequent; English by default."""
    counts = dict.fromkeys(_STOP_WORDS, 0)
    for word in _WORD.findall(text[:_SAMPLE].lower()):
        for lang, words in _STOP_WORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda lang: counts[lang])  # ties keep the first: en, fr, de, es
    return best if counts[best] >= _MIN_HITS else DEFAULT


def choose(declared: object, text: str) -> str:
    """The declared language if usable, else the guess from ``text``."""
    return normalize_tag(declared) or guess(text)
