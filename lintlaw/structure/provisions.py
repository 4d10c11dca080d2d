"""A type for every provision: what a clause does in the law, from cues in its own language.

Types: ``definition``, ``offence``, ``recital``, ``scope``, ``citation`` (short title,
commencement, repeal, amendment instructions), ``note`` (editorial, version, source), ``power``,
``assistance``, ``immigration``, ``funding``, and ``other``. Structural units without words of
their own (parts, chapters, headings) are ``other``.

A clause is typed, in order, by: a preamble above it (``recital``); its own words against the
language's cues (``cues/<lang>.yaml``), trying the types in ``ORDER``; an offence opening ("Any
person who", "Quien", "Le fait de") inside a section that states a penalty; the type of the
definition, offence, recital, note or citation it belongs to (a list item continues its
chapeau); its heading or an ancestor's heading. Cues are regular expressions run once per clause
on its own text, so the cost is linear in the size of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from lintlaw.model import Clause, Outline
from lintlaw.structure.typemodel import ClauseView, load_model

TYPES = ("definition", "offence", "recital", "scope", "citation", "note", "power", "assistance",
         "immigration", "funding", "other")
ORDER = ("note", "citation", "recital", "offence", "definition", "power", "assistance", "immigration",
         "funding", "scope")
INHERITED = frozenset({"definition", "offence", "recital", "note", "citation"})
LANGUAGES = ("en", "fr", "es", "de")
CONTAINER_KINDS = frozenset({"part", "chapter", "title", "division", "subdivision", "book", "heading",
                             "schedule", "subpart", "document"})
SECTION_KINDS = frozenset({"section", "article"})


@dataclass(frozen=True)
class Cues:
    """One language's compiled cues: per type, patterns on own text and on headings."""

    text: dict[str, tuple[re.Pattern[str], ...]]
    heading: dict[str, tuple[re.Pattern[str], ...]]
    actor: tuple[re.Pattern[str], ...]
    penalty: tuple[re.Pattern[str], ...]

    def first(self, table: dict[str, tuple[re.Pattern[str], ...]], words: str) -> str | None:
        for kind in ORDER:
            if any(p.search(words) for p in table.get(kind, ())):
                return kind
        return None


def _joined(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    """The patterns as one alternation (one search per type instead of one per pattern), or
    one by one where they cannot be joined (a pattern with its own global flags)."""
    if not patterns:
        return ()
    try:
        return (re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE),)
    except re.error:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@cache
def cues_for(language: str | None) -> Cues:
    """The cues of ``language`` (English for a language without its own file)."""
    code = (language or "en").split("-")[0].lower()
    name = f"{code if code in LANGUAGES else 'en'}.yaml"
    data = yaml.safe_load(resources.files("lintlaw.structure").joinpath("cues", name).read_text("utf-8"))

    def compile_all(patterns: list[str] | None) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns or ())

    text = {kind: _joined(entry.get("text") or []) for kind, entry in data.items()}
    heading = {kind: _joined(entry.get("heading") or []) for kind, entry in data.items()}
    offence = data.get("offence", {})
    return Cues(text, heading, compile_all(offence.get("actor")), compile_all(offence.get("text")))


def _words(outline: Outline, clause: Clause) -> str:
    return " ".join(outline.own_text(clause, normalized=True).split())


def _section_of(clause: Clause) -> Clause | None:
    return next((c for c in (clause, *clause.ancestors()) if c.kind in SECTION_KINDS), None)


class CueReader:
    """The cues of one outline's clauses, each worked out once: a clause's own words and text
    cue are read again as its children's parent, and a section's penalty by each of its clauses."""

    def __init__(self, outline: Outline, cues: Cues) -> None:
        self.outline = outline
        self.cues = cues
        self._words: dict[int, str] = {}
        self._text_cue: dict[int, str | None] = {}
        self._penalty: dict[int, bool] = {}

    def words(self, clause: Clause) -> str:
        key = id(clause)
        if key not in self._words:
            self._words[key] = _words(self.outline, clause)
        return self._words[key]

    def text_cue(self, clause: Clause) -> str | None:
        key = id(clause)
        if key not in self._text_cue:
            words = self.words(clause)
            self._text_cue[key] = self.cues.first(self.cues.text, words) if words else None
        return self._text_cue[key]

    def heading_cue(self, clause: Clause) -> str | None:
        """The cue of the nearest heading, the clause's own first, that has one."""
        for node in (clause, *clause.ancestors()):
            if node.heading:
                found = self.cues.first(self.cues.heading, " ".join(node.heading.split()))
                if found is not None:
                    return found
        return None

    def states_penalty(self, section: Clause) -> bool:
        key = id(section)
        if key not in self._penalty:
            text = " ".join(self.outline.document.norm[section.start:section.end].split())
            self._penalty[key] = any(p.search(text) for p in self.cues.text.get("offence", ()))
        return self._penalty[key]


def classify(outline: Outline, clause: Clause, parent_type: str | None, cues: Cues,
             reader: CueReader | None = None) -> str:
    """The type of one clause, given its parent's type (see the module docstring for the order)."""
    if clause.kind == "preamble" or parent_type == "recital":
        return "recital"
    if clause.kind in CONTAINER_KINDS:
        return "other"
    reader = reader or CueReader(outline, cues)
    words = reader.words(clause)
    if clause.kind == "definition" or clause.term:
        own = reader.text_cue(clause)
        return own if own in ("offence", "note", "citation") else "definition"
    if words:
        own = reader.text_cue(clause)
        if own is not None:
            return own
        section = _section_of(clause)
        if section is not None and any(p.search(words) for p in cues.actor) and reader.states_penalty(section):
            return "offence"
    if parent_type in INHERITED:
        return parent_type
    return reader.heading_cue(clause) or "other"


def view_of(outline: Outline, clause: Clause, cues: Cues, reader: CueReader | None = None) -> ClauseView:
    """What the type classifier sees of ``clause`` (see :mod:`typemodel`)."""
    reader = reader or CueReader(outline, cues)
    words = reader.words(clause)
    parent = clause.parent if clause.parent is not None and clause.parent is not outline.root else None
    parent_words = reader.words(parent) if parent is not None else ""
    return ClauseView(
        words=words, heading=clause.heading or "", kind=clause.kind,
        cue=reader.text_cue(clause) or "none",
        heading_cue=reader.heading_cue(clause) or "none",
        parent_cue=(reader.text_cue(parent) if parent is not None else None) or "none",
        parent_words=parent_words[:200], language=(outline.document.language or "en").split("-")[0],
    )


def assign_types(outline: Outline) -> dict[str, tuple[str, str]]:
    """Clause id → (provision type, type from the cues alone) for every clause of ``outline``.

    With the shipped classifier, it decides every clause outside a preamble; without it, the cues
    alone do (``classify``). The cue-only type is kept beside it: rules skip a provision type only
    where both agree. One walk of the tree gives both.
    """
    cues = cues_for(outline.document.language)
    reader = CueReader(outline, cues)
    model = load_model()
    types: dict[str, tuple[str, str]] = {}

    def visit(clause: Clause, parent: tuple[str, str] | None) -> None:
        cued = classify(outline, clause, parent[1] if parent else None, cues, reader)
        if model is not None and clause.kind != "preamble" and (parent is None or parent[0] != "recital"):
            kind = model.predict(view_of(outline, clause, cues, reader))
        elif model is None:
            kind = cued
        else:
            kind = classify(outline, clause, parent[0] if parent else None, cues, reader)
        types[clause.id] = (kind, cued)
        for child in clause.children:
            visit(child, types[clause.id])

    for top in outline.root.children:
        visit(top, None)
    return types


_DEFINIENS = re.compile(
    r"\b(?:means|shall mean|includes|shall include|refers to|is defined as|on entend par|désigne|"
    r"s'entend (?:de|d')|se entender(?:á|an|án)? por|se entiende(?:n)? por)\b[\s:,-]*", re.IGNORECASE)


def provision_details(outline: Outline, clause: Clause) -> dict[str, str]:
    """``type``, plus a definition's ``definiens`` or an offence's ``penalty`` formula when its
    own words state one (JSON-ready, for ``lintlaw outline``)."""
    details = {"type": clause.provision}
    words = _words(outline, clause)
    if clause.provision == "definition" and words:
        found = _DEFINIENS.search(words)
        if found:
            details["definiens"] = words[found.end():]
    elif clause.provision == "offence" and words:
        cues = cues_for(outline.document.language)
        for pattern in cues.penalty:
            found = pattern.search(words)
            if found:
                details["penalty"] = found.group(0)
                break
    return details
