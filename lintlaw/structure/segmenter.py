"""``segment(document) -> Outline``: the one entry point of the structure layer.

Plain text is split into lines, each line classified, the drafting tradition detected, and the
lines placed into a tree (``parser``); documents that carry their own structure (Akoma Ntoso
``seeds``) are built from the seeds instead. Pure regex and line work: linear in the text size.
"""

from __future__ import annotations

from lintlaw.model import Document, Outline
from lintlaw.structure import seeds, tree
from lintlaw.structure.lines import classify, split_lines
from lintlaw.structure.parser import parse
from lintlaw.structure.profile import Profile, detect


def segment(document: Document) -> Outline:
    """The clause tree of ``document``; never refuses input (unplaced prose becomes ``text``)."""
    start = min(max(document.body_start, 0), len(document.text))
    lines = split_lines(document.text, start)
    classify(lines, document.norm)
    profile = detect(document, lines)
    if document.seeds:
        root = seeds.build_frames(document, start, profile.tradition)
    else:
        root = parse(document, lines, profile, start)
    return Outline(document, tree.build(root, document, profile.tradition))


def profile_of(document: Document) -> Profile:
    """The tradition and layout ``segment`` uses for ``document`` (for display and debugging)."""
    start = min(max(document.body_start, 0), len(document.text))
    lines = split_lines(document.text, start)
    classify(lines, document.norm)
    return detect(document, lines)
