"""Text → clause tree. ``segment(document)`` is the entry point; ``nlp`` is the spaCy boundary."""

from __future__ import annotations

from lintlaw.structure.segmenter import profile_of, segment

__all__ = ["segment", "profile_of"]
