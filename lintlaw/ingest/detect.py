"""Which reader a file needs: by suffix first, then by sniffing the first bytes."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from lintlaw.ingest.codes import E107, fail

FORMATS = ("text", "markdown", "html", "docx", "pdf", "akn")
SUFFIXES: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xml": "akn", ".akn": "akn",
}
_ALIASES = {
    "txt": "text", "plain": "text", "md": "markdown", "htm": "html", "xhtml": "html",
    "xml": "akn", "akomantoso": "akn", "akoma-ntoso": "akn",
}
_UNSUPPORTED_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office (.doc) file; save it as .docx"),
    (b"{\\rtf", "RTF file; save it as .docx or plain text"),
    (b"\x89PNG", "image (PNG); run OCR first"),
    (b"\xff\xd8\xff", "image (JPEG); run OCR first"),
    (b"GIF8", "image (GIF); run OCR first"),
    (b"II*\x00", "image (TIFF); run OCR first"),
    (b"MM\x00*", "image (TIFF); run OCR first"),
)
# Binary formats that text readers refuse outright (E103) when a suffix claims text.
_BINARY_MAGIC = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive such as DOCX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
)
_MARKUP_HEAD = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(!doctype\s+html|html|akomaNtoso|[\w.-]+:akomaNtoso)",
    re.I | re.S,
)


def canonical(fmt: str, path: str) -> str:
    """A format name or alias (``md``, ``xml`` …) as one of ``FORMATS``; E107 otherwise."""
    name = fmt.strip().lower().lstrip(".")
    name = _ALIASES.get(name, name)
    if name not in FORMATS:
        raise fail(E107, f"unsupported format {fmt!r} (supported: {', '.join(FORMATS)})", path)
    return name


def detect_format(path: str | PurePath, data: bytes, *, display: str | None = None) -> str:
    """The format of ``data`` read from ``path``: a known suffix decides, else the content does.

    Content sniffing recognises PDF, DOCX (a ZIP holding ``word/document.xml``), Akoma Ntoso and
    HTML; other content is plain text (whose reader refuses binary data with E103). Known
    non-supported formats (legacy .doc, RTF, images, other ZIP archives) are E107, naming the
    file as ``display`` (default ``path``).
    """
    display = display if display is not None else str(path)
    suffix = PurePath(str(path)).suffix.lower() if str(path) != "-" else ""
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, what in _UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise fail(E107, f"unsupported format: {what}", display)
    if head.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return "docx"
        raise fail(E107, "unsupported format: a ZIP archive that is not a Word document", display)
    markup = _MARKUP_HEAD.match(_utf8_head(head))
    if markup:
        return "html" if b"html" in markup.group(1).lower() else "akn"
    return "text"


def _utf8_head(head: bytes) -> bytes:
    """The first bytes re-encoded as UTF-8 when they carry a UTF-16 BOM, so markup is seen."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2 : len(head) & ~1].decode(codec, errors="ignore").encode("utf-8")
    return head


def binary_kind(data: bytes) -> str | None:
    """What a known binary file format is ("a PDF file" …), or None; text readers refuse these."""
    return next((what for magic, what in _BINARY_MAGIC if data.startswith(magic)), None)


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except Exception:  # zipfile raises many types (NotImplementedError, struct.error …) on junk
        return False
