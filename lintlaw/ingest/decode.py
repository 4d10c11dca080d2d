"""Bytes to text: byte-order marks, UTF-8, UTF-16 with or without BOM, legacy single-byte text.

The order of attempts is fixed so the result is deterministic: a BOM decides; else UTF-16 is
recognised by its pattern of NUL bytes; other NUL bytes mean binary (E103); then strict UTF-8; then
an encoding the file declares (HTML/XML); then Windows-1252 for Western text, and otherwise the best
guess of ``charset-normalizer``. Nothing fits: E104.

Newlines: CRLF and a lone CR become LF and nothing else changes, so reported line numbers count
LF-terminated lines, as editors do. The BOM never reaches the text.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from lintlaw.ingest.codes import E102, E103, E104, fail
from lintlaw.ingest.detect import binary_kind

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, VT, FF, CR, plus DEL: text files contain almost none.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SHARE = 0.05
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII_LETTER = re.compile(rb"[A-Za-z]")
_SNIFF = 4096


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Decode ``data`` to text with LF newlines; ``declared`` is an encoding named by the file."""
    if not data:
        raise fail(E102, "empty file", path)
    kind = binary_kind(data)
    if kind:
        raise fail(E103, f"binary data ({kind}), not text; check the file name's suffix", path)
    return clean_text(_decode(data, path, declared), path)


def clean_text(text: str, path: str) -> str:
    """Text from any source: refuse binary-looking content, drop the BOM, newlines to LF."""
    reject_controls(text, path)
    return newlines_to_lf(text)


def newlines_to_lf(text: str) -> str:
    """CRLF and lone CR to LF; the leading BOM, if any, removed."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode(data: bytes, path: str, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, path)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise fail(E103, "binary data (NUL bytes), not text", path, line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data.count(b"\n", 0, exc.start) + 1
    if declared:
        text = _try(data, declared)
        if text is not None:
            return text
    text = _legacy(data)
    if text is None:
        raise fail(
            E104,
            "cannot decode the text: not UTF-8, UTF-16 or a recognisable legacy encoding "
            f"(first invalid UTF-8 byte on line {bad_line})",
            path,
            bad_line,
        )
    return text


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
        raise fail(E104, f"invalid {encoding.upper()} despite its byte-order mark", path, line) from None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError, ValueError):
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: mostly-ASCII text puts a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_SNIFF]
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.4 * half and even <= 0.05 * half:
        return _try(data, "utf-16-le")
    if even >= 0.4 * half and odd <= 0.05 * half:
        return _try(data, "utf-16-be")
    return None


def _legacy(data: bytes) -> str | None:
    """Windows-1252 for Western text, else the best ``charset-normalizer`` guess.

    ``charset-normalizer`` misreads short Western texts (it often picks cp1250 or a Mac code page),
    so cp1252 is taken whenever it decodes and non-ASCII bytes are a minority of the letters, as in
    any English, French, German or Spanish text; other scripts (Cyrillic, Greek, CJK …) fall
    through to the detector.
    """
    western = _try(data, "cp1252")
    if western is not None:
        high = sum(data.count(b) for b in _HIGH_BYTES)
        letters = len(_ASCII_LETTER.findall(data))
        if high <= 0.3 * (letters + high):
            return western
    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return western


def reject_controls(text: str, path: str) -> None:
    """E103 for any NUL, or when control characters are more than a few per cent of the text."""
    nul = text.find("\x00")
    if nul != -1:
        raise fail(E103, "binary data (NUL characters), not text", path, text.count("\n", 0, nul) + 1)
    count = len(_CONTROL.findall(text))
    if count and count > _CONTROL_SHARE * len(text):
        first = _CONTROL.search(text)
        line = text.count("\n", 0, first.start() if first else 0) + 1
        raise fail(E103, "binary data (control characters), not text", path, line)
