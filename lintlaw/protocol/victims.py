"""Who a definition protects: persons, or only women and/or children (Art. 3(a) says "persons").

The victim group is read from the object of the acts: the first victim noun after the first act
("the moving, selling or buying of *women and children*"), with the nouns joined to it by "and",
"or" or commas ("women, girls and children"). "Persons, especially women and children" stays
"persons": the emphasis does not narrow the scope.
"""

from __future__ import annotations

import re

GROUPS = ("persons", "women", "children", "girls")
_NOUNS = {
    "persons": r"persons?|individuals?|human beings?|people|anyone|anybody|everyone|another|adults?",
    "women": r"wom[ae]n|females?|ladies",
    "children": r"child(?:ren)?|minors?|juveniles?|boys?|young persons?|infants?",
    "girls": r"girls?",
}
_NOUN = "|".join(f"(?P<{group}>\\b(?:{pattern})\\b)" for group, pattern in _NOUNS.items())
_NOUN_RE = re.compile(_NOUN, re.IGNORECASE)
_JOINER = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|and/or)\s+)(?:(?:a|an|the|any|other)\s+)?", re.IGNORECASE
)


def _group(match: re.Match[str]) -> str:
    return next(name for name in GROUPS if match.group(name))


def victim_groups(text: str, after: int = 0) -> tuple[set[str], int | None]:
    """The groups named by the first victim noun phrase at or after ``after``, and where it starts."""
    first = _NOUN_RE.search(text, after)
    if first is None:
        return set(), None
    groups = {_group(first)}
    pos = first.end()
    while True:
        joiner = _JOINER.match(text, pos)
        if not joiner:
            break
        nxt = _NOUN_RE.match(text, joiner.end())
        if not nxt:
            break
        groups.add(_group(nxt))
        pos = nxt.end()
    return groups, first.start()


def classify(groups: set[str]) -> str:
    """``persons``, ``women-and-children``, ``women``, ``children`` or ``other``."""
    if not groups:
        return "other"
    if "persons" in groups:
        return "persons"
    if groups <= {"women", "girls"}:
        return "women"
    if groups == {"children"}:
        return "children"
    if groups <= {"women", "children", "girls"} and "women" in groups and "children" in groups:
        return "women-and-children"
    return "other"
