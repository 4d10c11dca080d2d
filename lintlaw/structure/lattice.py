"""The numbering lattice of each drafting tradition, as data.

A tradition lists its *levels* from the article/section (level 0) down, and maps each numbering
style (see ``numbering``) to the level it normally marks. The parser uses the level to decide
where a numbered line goes; the tree builder uses the level's kind, id prefix and label format.

- ``commonwealth``: section ``1.`` / ``286.1``, subsection ``(1)``, paragraph ``(a)``,
  subparagraph ``(i)``, clause ``(A)``, subclause ``(I)``; labels ``s. 14(2)(a)``.
- ``us``: section ``§ 7102``, subsection ``(a)``, paragraph ``(1)``, subparagraph ``(A)``,
  clause ``(i)``, subclause ``(I)``; labels ``§ 7102(a)(1)``.
- ``civil`` (treaties, civil-law codes): article, then levels by depth whatever the style
  (``1.`` / ``a)`` / ``i)``); labels ``Art. 3(b)``.
- ``german``: ``§ 3``, Absatz ``(1)``, Nummer ``1.``, Buchstabe ``a)``, Doppelbuchstabe ``aa)``;
  labels ``§ 3(1) Nr. 2 Buchst. a``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


@dataclass(frozen=True)
class Level:
    """One rung of the lattice: the clause kind, its id prefix and how its number is labelled."""

    kind: str
    prefix: str
    label: str  # appended to the parent's label, "{num}" is replaced: "({num})", " Nr. {num}"


@dataclass(frozen=True)
class Tradition:
    """A drafting tradition: levels, which style marks which level, and group ranks."""

    name: str
    levels: tuple[Level, ...]
    styles: Mapping[str, int]
    by_depth: bool
    groups: tuple[str, ...]  # group kinds, outermost first
    section_label: str  # label of a numbered section ("1.", "Section 1"): "s. {num}", "§ {num}"
    section_styles: frozenset[str] = field(default_factory=frozenset)  # styles that are sections


def _styles(mapping: dict[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(mapping))


_PAREN = "({num})"

COMMONWEALTH = Tradition(
    name="commonwealth",
    levels=(
        Level("section", "sec", "s. {num}"),
        Level("subsection", "subsec", _PAREN),
        Level("paragraph", "para", _PAREN),
        Level("subparagraph", "subpara", _PAREN),
        Level("clause", "cl", _PAREN),
        Level("subclause", "subcl", _PAREN),
        Level("item", "item", _PAREN),
        Level("indent", "indent", ", indent {num}"),
    ),
    styles=_styles({
        "1.": 0, "N": 0,
        "(1)": 1, "1)": 1, "1°": 1,
        "(a)": 2, "a.": 2, "a)": 2,
        "(i)": 3, "i.": 3, "i)": 3,
        "(A)": 4, "A.": 4, "A)": 4,
        "(I)": 5, "I.": 5, "I)": 5,
        "(aa)": 6, "aa)": 6,
        "-": 7,
    }),
    by_depth=False,
    groups=("schedule", "book", "part", "chapter", "division", "subdivision", "heading", "subheading"),
    section_label="s. {num}",
    section_styles=frozenset({"1.", "N"}),
)

US = Tradition(
    name="us",
    levels=(
        Level("section", "sec", "§ {num}"),
        Level("subsection", "subsec", _PAREN),
        Level("paragraph", "para", _PAREN),
        Level("subparagraph", "subpara", _PAREN),
        Level("clause", "cl", _PAREN),
        Level("subclause", "subcl", _PAREN),
        Level("item", "item", _PAREN),
        Level("indent", "indent", ", indent {num}"),
    ),
    styles=_styles({
        "1.": 0, "N": 0,
        "(a)": 1, "a.": 1, "a)": 1,
        "(1)": 2, "1)": 2, "1°": 2,
        "(A)": 3, "A.": 3, "A)": 3,
        "(i)": 4, "i.": 4, "i)": 4,
        "(I)": 5, "I.": 5, "I)": 5,
        "(aa)": 6, "aa)": 6,
        "-": 7,
    }),
    by_depth=False,
    groups=("schedule", "title", "subtitle", "chapter", "subchapter", "part", "subpart",
            "heading", "subheading"),
    section_label="§ {num}",
    section_styles=frozenset({"1.", "N"}),
)

CIVIL = Tradition(
    name="civil",
    levels=(
        Level("article", "art", "Art. {num}"),
        Level("paragraph", "para", _PAREN),
        Level("subparagraph", "subpara", _PAREN),
        Level("item", "item", _PAREN),
        Level("subitem", "subitem", _PAREN),
        Level("indent", "indent", ", indent {num}"),
    ),
    styles=_styles({
        "1.": 1, "(1)": 1, "1)": 1, "1°": 1, "N": 1,
        "(a)": 2, "a)": 2, "a.": 2, "A.": 2, "A)": 2, "(A)": 2,
        "(i)": 3, "i)": 3, "i.": 3, "I.": 3, "(I)": 3, "I)": 3,
        "(aa)": 4, "aa)": 4,
        "-": 5,
    }),
    by_depth=True,
    groups=("schedule", "book", "part", "title", "chapter", "division", "subdivision",
            "heading", "subheading"),
    section_label="Art. {num}",
)

GERMAN = Tradition(
    name="german",
    levels=(
        Level("section", "sec", "§ {num}"),
        Level("subsection", "subsec", _PAREN),
        Level("paragraph", "para", " Nr. {num}"),
        Level("subparagraph", "subpara", " Buchst. {num}"),
        Level("clause", "cl", " Doppelbuchst. {num}"),
        Level("item", "item", _PAREN),
        Level("indent", "indent", ", indent {num}"),
    ),
    styles=_styles({
        "(1)": 1, "1)": 1,
        "1.": 2, "1°": 2, "N": 2,
        "a)": 3, "(a)": 3, "a.": 3,
        "aa)": 4, "(aa)": 4,
        "(i)": 5, "i)": 5, "i.": 5, "(A)": 5, "A.": 5, "A)": 5, "(I)": 5, "I.": 5, "I)": 5,
        "-": 6,
    }),
    by_depth=False,
    groups=("schedule", "book", "part", "chapter", "division", "subdivision", "title",
            "heading", "subheading"),
    section_label="§ {num}",
)

TRADITIONS: Mapping[str, Tradition] = MappingProxyType(
    {t.name: t for t in (COMMONWEALTH, US, CIVIL, GERMAN)}
)

# Words that open a group heading ("CHAPTER II", "Abschnitt 1"), mapped to the group kind.
GROUP_WORDS: Mapping[str, str] = MappingProxyType({
    "book": "book", "buch": "book", "livre": "book", "libro": "book",
    "part": "part", "teil": "part", "partie": "part", "parte": "part",
    "title": "title", "titel": "title", "titre": "title", "título": "title", "titulo": "title",
    "titolo": "title",
    "subtitle": "subtitle",
    "chapter": "chapter", "kapitel": "chapter", "chapitre": "chapter", "capítulo": "chapter",
    "capitulo": "chapter",
    "capitolo": "chapter",
    "subchapter": "subchapter",
    "division": "division", "abschnitt": "division",
    "subdivision": "subdivision", "unterabschnitt": "subdivision",
    "subpart": "subpart",
})

# Words that open an appended instrument; these always start a new top-level group.
SCHEDULE_WORDS: Mapping[str, str] = MappingProxyType({
    "schedule": "Schedule", "annex": "Annex", "appendix": "Appendix", "anlage": "Anlage",
    "anhang": "Anhang", "annexe": "Annexe", "anexo": "Anexo", "allegato": "Allegato",
})

GROUP_PREFIX: Mapping[str, str] = MappingProxyType({
    "book": "book", "part": "part", "title": "title", "subtitle": "subtitle", "chapter": "ch",
    "subchapter": "subch", "division": "div", "subdivision": "subdiv", "subpart": "subpart",
    "schedule": "sch", "heading": "hd", "subheading": "hd",
})

ARTICLE_RANK = 10.0
LIST_RANK_STEP = 10.0


def group_rank(tradition: Tradition, kind: str) -> float:
    """Rank of a group kind: lower is outer. Unknown group kinds sit just above headings."""
    if kind in tradition.groups:
        return 1.0 + tradition.groups.index(kind) * 0.5
    return 1.0 + (len(tradition.groups) - 2) * 0.5 - 0.25


def style_level(tradition: Tradition, style: str) -> int | None:
    return tradition.styles.get(style)


def style_rank(tradition: Tradition, style: str, level: int | None) -> float:
    """Rank of a numbered line of ``style``; deeper levels rank higher (popping stops below)."""
    if level is None:
        level = len(tradition.levels) - 1
    return ARTICLE_RANK + LIST_RANK_STEP * level
