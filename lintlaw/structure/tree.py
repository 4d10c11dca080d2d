"""Turn the parser's frames into ``Clause`` objects: kinds, stable ids, labels, spans.

Ids are paths of ``prefix_num`` parts joined by ``__`` (``sec_14__subsec_2__para_a``). Articles
and sections restart the path, because their numbers are unique in a document; groups (parts,
chapters) are not part of their articles' ids. Duplicates get ``__2``, ``__3`` … in document
order. Labels follow the tradition: ``Art. 3(b)``, ``s. 14(2)(a)``, ``§ 3(1) Nr. 2``, and
``s. 14 "child"`` for an unnumbered definition.
"""

from __future__ import annotations

import re
import unicodedata

from lintlaw.model import Clause, Document
from lintlaw.structure import definitions as D
from lintlaw.structure import frames as F
from lintlaw.structure.frames import Frame
from lintlaw.structure.lattice import GROUP_PREFIX, SCHEDULE_WORDS, Tradition

_SLUG = re.compile(r"[^0-9a-z]+")
_WORDS = re.compile(r"\W+")  # for scripts with no ASCII letters at all


def slug(text: str, limit: int = 40) -> str:
    """ASCII lower-case ``text`` with other runs replaced by ``_``, cut at a word near ``limit``.

    Accents are dropped ("Prostitutionsstätten" → ``prostitutionsstatten``), "ß" becomes "ss";
    text in a script without Latin letters keeps its own letters.
    """
    folded = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    value = _SLUG.sub("_", folded).strip("_") or _WORDS.sub("_", text.lower()).strip("_")
    if len(value) > limit:
        cut = value[:limit]
        value = cut[: cut.rfind("_")] if "_" in cut[limit // 2 :] else cut
    return value.rstrip("_") or "x"


def build(root: Frame, document: Document, tradition: Tradition) -> Clause:
    """The clause tree for ``root`` (the synthetic ``document`` clause)."""
    builder = _Builder(document, tradition)
    return builder.clause(root, None, 0)


class _Builder:
    def __init__(self, document: Document, tradition: Tradition) -> None:
        self.document = document
        self.norm = document.norm
        self.tradition = tradition
        self.seen: dict[str, int] = {}

    def clause(self, frame: Frame, parent: Clause | None, depth: int, ordinal: int = 0) -> Clause:
        kind, term = self._kind(frame)
        if parent is None:
            ident, label = "doc", ""
            start, end = frame.start, max(frame.end, frame.start)
        else:
            ident, label = self._name(frame, parent, kind, term, ordinal)
            start, end = frame.start, frame.end
        clause = Clause(id=ident, label=label, kind=kind, start=start, end=end, num=frame.num,
                        heading=_heading(frame.heading), depth=depth, term=term, parent=parent)
        counters: dict[str, int] = {}
        for child in frame.children:
            if child.counts_as:  # later ids do not shift when a paragraph is read differently
                counters[child.counts_as] = counters.get(child.counts_as, 0) + 1
            counters[child.role] = counters.get(child.role, 0) + 1
            sub = self.clause(child, clause, depth + 1, counters[child.role])
            clause.children.append(sub)
        if clause.children and parent is not None:
            clause.end = max(clause.end, clause.children[-1].end)
        clause.own_spans = self._own(frame)
        return clause

    def _kind(self, frame: Frame) -> tuple[str, str | None]:
        if frame.role == F.ROOT:
            return "document", None
        if frame.role == F.LIST:
            term = frame.term or self._numbered_term(frame)  # seeds bring <def> terms
            if term is not None:
                return "definition", term
        return frame.kind or frame.role, frame.term

    def _numbered_term(self, frame: Frame) -> str | None:
        """A numbered clause whose own text opens with a definition, or whose marginal note says
        it defines a term it uses ("Definition of organize"), is a definition clause."""
        if not frame.own:
            return None
        start, end = frame.own[0]
        note = _note_of(frame)
        noted = D.noted_term(note, self.norm[start:end]) if note else None
        if noted is not None:
            return noted
        found = D.quoted(self.norm, start, end)
        if found is None and self._german_context(frame):
            found = D.german(self.norm, start, end)
        if found is None:
            return None
        return D.clean_term(self.document.text[found.term_start : found.term_end])

    def _german_context(self, frame: Frame) -> bool:
        if self.tradition.name != "german":
            return False
        section = frame.section()
        return bool(section and section.heading and D.is_german_interpretation(section.heading))

    def _name(self, frame: Frame, parent: Clause, kind: str, term: str | None,
              ordinal: int) -> tuple[str, str]:
        part, own_label, absolute = self._part(frame, term, ordinal)
        top = parent.kind == "document"
        if absolute or top:
            ident = part
        else:
            ident = f"{parent.id}__{part}"
        label = self._label(frame, parent, own_label, absolute, ordinal)
        appended = _appended_instrument(parent) if frame.role == F.ARTICLE else None
        if appended is not None:  # the articles of a protocol appended to a treaty are its own
            ident, label = f"{appended.id}__{part}", f"{appended.label} {label}"
        return self._unique(ident), label

    def _part(self, frame: Frame, term: str | None, ordinal: int) -> tuple[str, str, bool]:
        """(id part, label piece, whether the id and label restart here)."""
        role, num = frame.role, frame.num or ""
        if role == F.ARTICLE:
            article = frame.kind == "article"
            if not num:
                return ("art", "Article", True) if article else ("sec", "Section", True)
            if article and frame.word and frame.word.startswith("Disposición"):
                prefix = _DISPOSITION_PREFIX.get(frame.word.split()[-1], "disp")
                return f"{prefix}_{slug(num)}", f"{frame.word} {num}", True
            if article:
                return f"art_{slug(num)}", f"Art. {num}", True
            if frame.word == "§":
                return f"sec_{slug(num)}", f"§ {num}", True
            return f"sec_{slug(num)}", self.tradition.section_label.format(num=num), True
        if role == F.GROUP:
            return self._group_part(frame)
        if role == F.PREAMBLE:
            return "preamble", "Preamble", True
        if role == F.TEXT:
            return f"text_{ordinal}", f"Text {ordinal}", False
        if role == F.DEFINITION:
            return f"def_{slug(term or 'term')}", f'"{term}"', False
        if role == F.PROVISO:
            return "proviso", "proviso", False
        if role == F.INDENT:
            return f"indent_{ordinal}", f", indent {ordinal}", False
        level = self.tradition.levels[frame.level]
        return f"{level.prefix}_{slug(num)}", level.label.format(num=num), False

    def _group_part(self, frame: Frame) -> tuple[str, str, bool]:
        kind, num = frame.kind, frame.num or ""
        if kind == "heading":
            text = frame.heading or ""
            return f"hd_{slug(text, 30)}", " ".join(text.split()), True
        prefix = GROUP_PREFIX.get(kind, slug(kind))
        ident = f"{prefix}_{slug(num)}" if num else prefix
        named = not num and bool(frame.word) and " " in (frame.word or "")
        if named and kind != "schedule":  # "Partie législative": named, not numbered
            ident = f"{prefix}_{slug((frame.word or '').split(None, 1)[1])}"
        word = frame.word or kind
        if kind == "schedule":
            word = SCHEDULE_WORDS.get(word.lower(), word if named else word.capitalize())
        elif word.isupper() or word.islower():
            word = word.capitalize()
        return ident, f"{word} {num}".strip(), True

    def _label(self, frame: Frame, parent: Clause, piece: str, absolute: bool,
               ordinal: int) -> str:
        if absolute:
            return piece
        base = parent.label if parent.kind != "document" else ""
        if frame.role == F.TEXT:
            return piece if not base else f"{base} text {ordinal}"
        if frame.role in (F.DEFINITION, F.PROVISO):
            return f"{base} {piece}".strip()
        if frame.role == F.INDENT:
            return f"{base}{piece}" if base else piece.lstrip(", ").capitalize()
        if parent.kind in ("heading", "schedule", "preamble") or _is_group(parent):
            return f"{base} {piece.strip()}".strip()
        return f"{base}{piece}" if base else piece.strip()

    def _unique(self, ident: str) -> str:
        if ident not in self.seen:
            self.seen[ident] = 1
            return ident
        count = self.seen[ident]
        while True:
            count += 1
            candidate = f"{ident}__{count}"
            if candidate not in self.seen:
                self.seen[ident] = count
                self.seen[candidate] = 1
                return candidate

    def _own(self, frame: Frame) -> list[tuple[int, int]]:
        """Own spans merged where only whitespace separates them."""
        merged: list[tuple[int, int]] = []
        text = self.document.text
        for start, end in sorted(frame.own):
            if merged and not text[merged[-1][1] : start].strip():
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


_DISPOSITION_PREFIX = {"adicional": "da", "transitoria": "dt", "derogatoria": "dd", "final": "df"}


def _note_of(frame: Frame) -> str | None:
    """The marginal note over a clause: its own, or its section's when it is the first
    subsection of a section whose number shares its line ("121.1 (1) For the purposes …")."""
    if frame.heading:
        return frame.heading
    parent = frame.parent
    if parent is not None and parent.role == F.ARTICLE and parent.children[:1] == [frame] and not any(
            start < frame.start for start, _ in parent.own):
        return parent.heading
    return None


def _appended_instrument(clause: Clause | None) -> Clause | None:
    """The named instrument (a schedule titled, not numbered) that holds ``clause``, if any."""
    while clause is not None and clause.kind != "document":
        if clause.kind == "schedule" and clause.num is None and clause.heading:
            return clause
        clause = clause.parent
    return None


def _is_group(clause: Clause) -> bool:
    return clause.kind in ("book", "part", "title", "subtitle", "chapter", "subchapter",
                           "division", "subdivision", "subpart")


def _heading(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = " ".join(text.split())
    return cleaned or None
