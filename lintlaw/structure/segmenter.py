"""``segment(document) -> Outline``: the one entry point of the structure layer.

Plain text is split into lines, each line classified, the drafting tradition detected, and the
lines placed into a tree (``parser``); documents that carry their own structure (Akoma Ntoso
``seeds``) are built from the seeds instead. Every clause then gets its provision type
(``provisions``). Pure regex and line work: linear in the text size.
"""

from __future__ import annotations

from lintlaw.model import Document, Outline
from lintlaw.structure import seeds, tree
from lintlaw.structure.lines import Line, classify, split_lines
from lintlaw.structure.parser import parse
from lintlaw.structure.profile import Profile, detect
from lintlaw.structure.provisions import assign_types


def segment(document: Document) -> Outline:
    """The clause tree of ``document``; never refuses input (unplaced prose becomes ``text``)."""
    return segment_with_profile(document)[0]


def segment_with_profile(document: Document) -> tuple[Outline, Profile]:
    """The clause tree and the tradition and layout it was read with (for ``lintlaw outline``)."""
    start, lines, profile = _prepare(document)
    if document.seeds:
        root = seeds.build_frames(document, start, profile.tradition)
    else:
        root = parse(document, lines, profile, start)
    outline = Outline(document, tree.build(root, document, profile.tradition))
    types = assign_types(outline)
    for clause in outline.clauses():
        clause.provision, clause.provision_cue = types.get(clause.id, ("other", "other"))
    return outline, profile


def profile_of(document: Document) -> Profile:
    """The tradition and layout ``segment`` uses for ``document``."""
    return _prepare(document)[2]


def _prepare(document: Document) -> tuple[int, list[Line], Profile]:
    start = min(max(document.body_start, 0), len(document.text))
    lines = split_lines(document.text, start)
    classify(lines, document.norm)
    return start, lines, detect(document, lines)
