"""Age thresholds ("under eighteen years of age", "has not attained the age of 16") — Art. 3(d)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-one": 21, "twenty one": 21,
}
_NUMBER = r"(?P<n>\d{1,2}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
_AGE = re.compile(
    r"\b(?:under|below|less\s+than|younger\s+than|"
    r"(?:has|have|had|having)\s+not\s+(?:yet\s+)?(?:attained|reached|completed|turned))"
    r"\s+(?:the\s+)?(?:full\s+)?(?:age\s+of\s+)?" + _NUMBER + r"(?:\s*\(\d{1,2}\))?(?:\s+years?)?\b",
    re.IGNORECASE,
)
CHILD_TERMS = ("child", "children", "minor", "minors", "girl", "juvenile", "young person")


@dataclass(frozen=True)
class AgeMention:
    """An age threshold and its character span (offsets into the analysed text)."""

    age: int
    start: int
    end: int
    text: str


def _value(raw: str) -> int:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _WORDS[raw]


def age_thresholds(text: str) -> list[AgeMention]:
    """Every "under N" / "not attained (the age of) N" threshold in ``text``, in order."""
    return [AgeMention(_value(m.group("n")), m.start(), m.end(), m.group(0)) for m in _AGE.finditer(text)]
