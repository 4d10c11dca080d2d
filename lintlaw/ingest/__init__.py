"""Ingest: one reader per format, each returning the same ``lintlaw.model.Document``.

Formats: plain text and Markdown (with optional YAML front matter), HTML, DOCX, PDF (text layer)
and Akoma Ntoso XML. ``Document.text`` is the decoded file for text formats (front matter
included, so line numbers match the file; ``body_start`` marks where the body begins) and the
rendered text for the others. Newlines are LF: CRLF and CR are converted, so line numbers count
LF lines, as editors do. Language: front matter, else the format's own declaration (HTML ``lang``,
AKN ``FRBRlanguage``, DOCX/PDF properties), else a stop-word guess among en/fr/de/es, default en.

Every failure is an ``InputError`` naming the file (and line/column where it helps):

- E101 path not found or unreadable (missing, permission denied, a directory)
- E102 empty or whitespace-only input (or nothing after the front matter, no visible text)
- E103 binary data where text was expected (NUL bytes, control characters)
- E104 text that cannot be decoded
- E105 malformed or truncated container (DOCX/PDF structure, XML syntax with line/column)
- E106 unsafe XML (a DOCTYPE or entity declaration)
- E107 unsupported format
- E108 malformed YAML front matter (with line/column)
- E109 PDF without a text layer (scanned?)
- E110 encrypted (password-protected) document
- E111 a symbolic link that leads outside the folder being walked, not followed (a notice, not
  an error: the run goes on and the exit code does not change)
- E112 no language pack for the document's language: it is read but not analysed (a notice)
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from lintlaw.ingest import akoma, htmlpage, pdftext, plain, worddoc
from lintlaw.ingest.codes import CODES, E107, fail
from lintlaw.ingest.detect import FORMATS, SUFFIXES, canonical, detect_format
from lintlaw.ingest.paths import STDIN, WalkOptions, iter_paths, read_bytes_at
from lintlaw.model import Document

__all__ = [
    "CODES",
    "FORMATS",
    "SUPPORTED_SUFFIXES",
    "WalkOptions",
    "detect_format",
    "iter_paths",
    "read_bytes",
    "read_path",
    "read_text",
]

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(SUFFIXES)

_BYTE_READERS: dict[str, Callable[[bytes, str], Document]] = {
    "text": lambda data, path: plain.read(data, path, "text"),
    "markdown": lambda data, path: plain.read(data, path, "markdown"),
    "html": htmlpage.read,
    "docx": worddoc.read,
    "pdf": pdftext.read,
    "akn": akoma.read,
}
_TEXT_READERS: dict[str, Callable[[str, str], Document]] = {
    "text": lambda text, path: plain.from_text(text, path, "text"),
    "markdown": lambda text, path: plain.from_text(text, path, "markdown"),
    "html": htmlpage.from_text,
    "akn": akoma.from_text,
}


def read_path(path: str | Path, display: str | None = None) -> Document:
    """Read a file; ``display`` (the path as the user wrote it) names it in the Document and errors.

    ``-`` reads standard input, named ``<stdin>`` unless ``display`` says otherwise; its format
    is sniffed from the content.
    """
    stdin = str(path) == STDIN
    name = display if display is not None else ("<stdin>" if stdin else str(path))
    data = read_bytes_at(path, name)
    fmt = detect_format("" if stdin else path, data, display=name)
    return read_bytes(data, name, fmt)


def read_bytes(data: bytes, path: str, fmt: str | None = None) -> Document:
    """Read ``data`` as format ``fmt`` (a name or alias), else as detected from ``path`` and content."""
    name = canonical(fmt, path) if fmt is not None else detect_format(path, data)
    return _BYTE_READERS[name](data, path)


def read_text(text: str, path: str = "<text>", fmt: str = "text") -> Document:
    """Read already-decoded text (front matter parsed); DOCX and PDF need bytes (E107)."""
    name = canonical(fmt, path)
    reader = _TEXT_READERS.get(name)
    if reader is None:
        raise fail(E107, f"{name} cannot be read from a string; pass the file's bytes", path)
    return reader(text, path)
