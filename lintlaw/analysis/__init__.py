"""Element frames: one legal reading of each definition and offence, shared by check and compare.

``frames_of(outline)`` returns, once per document, a :class:`Frame` per definition and offence
with its acts, means (required or optional), purposes, consent statements, subject, victims,
actors, polarity and framing, every element pointing back to its clause and span. Phrases live in
per-language element lexicons (``rules/lexicons/<lang>/elements.yaml``); rules read frames
through :mod:`lintlaw.analysis.conditions`.
"""

from lintlaw.analysis.frames import Element, Frame, frames_of
from lintlaw.analysis.lexicon import ElementLexicon, has_pack, lexicon_for

__all__ = ["Element", "ElementLexicon", "Frame", "frames_of", "has_pack", "lexicon_for"]
