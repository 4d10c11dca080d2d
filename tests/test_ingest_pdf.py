"""PDF: text layer per page, page offsets, metadata, and the encrypted/corrupt/scanned errors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from reportlab.lib import pdfencrypt

from lintlaw.errors import InputError
from lintlaw.ingest import read_bytes

_spec = importlib.util.spec_from_file_location(
    "ingest_builders", Path(__file__).parent / "fixtures" / "ingest" / "builders.py"
)
builders = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(builders)  # type: ignore[union-attr]

PAGES = [
    ["Section 1. A person who recruits another person", "(a) by force; or"],
    [],  # an image-only page in the middle
    ["Section 2. Consent is irrelevant where a means was used."],
]


def test_pages_joined_with_page_starts() -> None:
    doc = read_bytes(builders.pdf_bytes(PAGES, title="Test Act"), "act.pdf")
    assert doc.format == "pdf"
    assert doc.text == (
        "Section 1. A person who recruits another person\n(a) by force; or\n"
        "\n"
        "Section 2. Consent is irrelevant where a means was used."
    )
    first_page = len(PAGES[0][0]) + 1 + len(PAGES[0][1])
    assert doc.page_starts == [0, first_page + 1, first_page + 2]
    assert doc.page(doc.text.index("(a) by force")) == 1
    assert doc.page(doc.text.index("Section 2")) == 3
    assert doc.metadata == {"title": "Test Act"}
    assert doc.language == "en"
    assert len(doc.norm) == len(doc.text)


def test_permissions_only_encryption_is_read() -> None:
    owner_only = pdfencrypt.StandardEncryption("", ownerPassword="owner")
    doc = read_bytes(builders.pdf_bytes([["Readable text."]], encrypt=owner_only), "a.pdf")
    assert doc.text == "Readable text."


def _error(data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "bad.pdf")
    assert caught.value.file == "bad.pdf"
    return caught.value


def test_password_protected_is_e110() -> None:
    assert _error(builders.pdf_bytes([["Secret."]], encrypt="password")).code == "E110"


def test_no_text_layer_is_e109() -> None:
    exc = _error(builders.pdf_bytes([[], []]))
    assert exc.code == "E109" and "no text layer (scanned?)" in exc.message


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_pdf_is_e105_or_readable(cut: float) -> None:
    data = builders.pdf_bytes(PAGES)
    try:
        doc = read_bytes(data[: int(len(data) * cut)], "bad.pdf")
    except InputError as exc:
        assert exc.code == "E105"
    else:  # pypdf rebuilds some truncated files; then the text must still be sound
        assert len(doc.norm) == len(doc.text)


def test_not_a_pdf_is_e105() -> None:
    assert _error(b"just some words, no header").code == "E105"
    assert _error(b"%PDF-1.7\n garbage without objects").code == "E105"
