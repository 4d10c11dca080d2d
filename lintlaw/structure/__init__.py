"""Text → clause tree. ``segment(document)`` is the entry point; ``nlp`` is the spaCy boundary."""

from __future__ import annotations

from lintlaw.structure.segmenter import profile_of, segment, segment_with_profile

__all__ = ["segment", "segment_with_profile", "profile_of"]
