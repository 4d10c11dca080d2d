"""PDF: the text layer, page by page, with ``page_starts`` mapping offsets back to pages.

Pages are joined with a newline; ``Document.page_starts[i]`` is the offset at which page ``i + 1``
begins. A PDF opened with an empty password (permissions-only encryption) is read; one that
needs a password is E110. A PDF without extractable text is E109 (probably scanned: run OCR first).
"""

from __future__ import annotations

import io
import logging
from typing import Any

from pypdf import PdfReader
from pypdf import PasswordType
from pypdf.errors import DependencyError, FileNotDecryptedError

from lintlaw.errors import InputError
from lintlaw.ingest.codes import E105, E109, E110, fail
from lintlaw.ingest.decode import newlines_to_lf
from lintlaw.ingest.language import choose
from lintlaw.model import Document

# pypdf logs recoverable damage as warnings; without this, Python would print them to stderr.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

_PLACEHOLDERS = {"", "untitled", "anonymous", "unspecified", "unknown"}
_CONTROLS = str.maketrans({c: " " for c in [*range(0, 9), 11, *range(14, 32), 127]})


def read(data: bytes, path: str) -> Document:
    """Extract the text layer; damaged files are E105, encrypted E110, image-only E109."""
    if b"%PDF-" not in data[:1024]:
        raise fail(E105, "not a PDF file (no %PDF header)", path)
    try:
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader, path)
        pages = [_page_text(page) for page in reader.pages]
        metadata, declared = _metadata(reader)
    except InputError:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise fail(E110, "encrypted PDF that cannot be opened without a password", path) from None
    except Exception as exc:  # pypdf raises many types on damaged files
        raise fail(E105, f"malformed PDF ({type(exc).__name__}: {exc})", path) from None
    starts: list[int] = []
    offset = 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 1
    text = "\n".join(pages)
    if not text.strip():
        raise fail(E109, "no text layer (scanned?): the PDF has no extractable text; run OCR first", path)
    return Document(
        path=path,
        text=text,
        metadata=metadata,
        language=choose(declared, text),
        format="pdf",
        page_starts=starts,
    )


def _unlock(reader: PdfReader, path: str) -> None:
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise fail(E110, "encrypted PDF that cannot be opened without a password", path)


def _page_text(page: Any) -> str:
    """A page's text with LF newlines and stray control characters blanked (length kept)."""
    return newlines_to_lf(page.extract_text() or "").translate(_CONTROLS).rstrip("\n")


def _metadata(reader: PdfReader) -> tuple[dict[str, Any], Any]:
    found: dict[str, Any] = {}
    info = reader.metadata
    if info is not None:
        for key, name in (("/Title", "title"), ("/Author", "author"), ("/Subject", "subject"),
                          ("/Keywords", "keywords")):
            value = info.get(key)
            if isinstance(value, str) and value.strip().lower() not in _PLACEHOLDERS:
                found[name] = value.strip()
    root = reader.trailer.get("/Root")
    root = root.get_object() if root is not None else None
    lang = root.get("/Lang") if hasattr(root, "get") else None
    return found, str(lang) if lang is not None else None
