"""Plain text and Markdown: the decoded file as is, with optional YAML front matter."""

from __future__ import annotations

from lintlaw.ingest.codes import E102, fail
from lintlaw.ingest.decode import clean_text, decode_bytes
from lintlaw.ingest.frontmatter import split_front_matter
from lintlaw.ingest.language import choose
from lintlaw.model import Document


def read(data: bytes, path: str, fmt: str = "text") -> Document:
    """Decode ``data`` and build the Document (``fmt`` is ``text`` or ``markdown``)."""
    return _document(decode_bytes(data, path), path, fmt)


def from_text(text: str, path: str, fmt: str = "text") -> Document:
    """The same for text already decoded."""
    return _document(clean_text(text, path), path, fmt)


def _document(text: str, path: str, fmt: str) -> Document:
    if not text.strip():
        raise fail(E102, "empty file (whitespace only)", path)
    metadata, body_start = split_front_matter(text, path)
    body = text[body_start:]
    if not body.strip():
        raise fail(E102, "no text after the front matter", path, text.count("\n", 0, body_start) + 1)
    return Document(
        path=path,
        text=text,
        metadata=metadata,
        language=choose(metadata.get("language"), body),
        format=fmt,
        body_start=body_start,
    )
