"""DOCX: paragraphs and tables in order, Word numbering rendered, properties, broken packages."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from lintlaw.errors import InputError
from lintlaw.ingest import read_bytes

_spec = importlib.util.spec_from_file_location(
    "ingest_builders", Path(__file__).parent / "fixtures" / "ingest" / "builders.py"
)
builders = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(builders)  # type: ignore[union-attr]


def _act(document) -> None:  # type: ignore[no-untyped-def]
    document.add_heading("Part 1 Offences", level=1)
    levels = [("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")]
    num = builders.add_numbering(document, levels)
    builders.numbered(document, "A person commits an offence who—", num, 0)
    builders.numbered(document, "recruits another person;", num, 1)
    builders.numbered(document, "by force;", num, 2)
    builders.numbered(document, "by deception;", num, 2)
    builders.numbered(document, "transports another person.", num, 1)
    builders.numbered(document, "Consent is irrelevant where a means was used.", num, 0)
    builders.numbered(document, "in any case.", num, 1)
    document.add_paragraph("In this Act:")
    document.add_paragraph("a listed thing", style="List Number")
    document.add_paragraph("a bullet", style="List Bullet")
    paragraph = document.add_paragraph("first line")
    paragraph.add_run().add_break()
    paragraph.add_run("second line")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "(3)"
    table.cell(0, 1).text = "A table cell stays on its number's line."
    table.cell(1, 0).text = "(4)"
    table.cell(1, 1).text = "Cell paragraph one."
    table.cell(1, 1).add_paragraph("Cell paragraph two.")
    document.add_paragraph("")
    builders.tracked(document, "A person ", "who knowingly ", "who ")
    document.add_paragraph("Final paragraph.")


def test_paragraphs_tables_and_numbering_in_order() -> None:
    doc = read_bytes(builders.docx_bytes(_act, title="Test Act"), "act.docx")
    assert doc.format == "docx"
    assert doc.text.splitlines() == [
        "Part 1 Offences",
        "1. A person commits an offence who—",
        "(a) recruits another person;",
        "(i) by force;",
        "(ii) by deception;",
        "(b) transports another person.",
        "2. Consent is irrelevant where a means was used.",
        "(a) in any case.",
        "In this Act:",
        "1. a listed thing",
        "• a bullet",
        "first line",
        "second line",
        "(3) A table cell stays on its number's line.",
        "(4)",
        "Cell paragraph one.",
        "Cell paragraph two.",
        "A person who knowingly",
        "Final paragraph.",
    ]
    assert doc.metadata["title"] == "Test Act"
    assert doc.title == "Test Act"
    assert doc.language == "en"
    assert len(doc.norm) == len(doc.text)


def test_start_override_and_existing_label() -> None:
    def build(document) -> None:  # type: ignore[no-untyped-def]
        num = builders.add_numbering(document, [("upperRoman", "Article %1")], num_id=7, start=3)
        builders.numbered(document, "Scope", num)
        builders.numbered(document, "Article IV Definitions", num)  # label already typed

    assert read_bytes(builders.docx_bytes(build), "a.docx").text == "Article III Scope\nArticle IV Definitions\n"


def test_core_property_language() -> None:
    doc = read_bytes(
        builders.docx_bytes(lambda d: d.add_paragraph("Any person who shall be guilty."),
                            language="fr-FR"),
        "a.docx",
    )
    assert doc.language == "fr"
    assert "language" not in doc.metadata


def test_language_guess_when_undeclared() -> None:
    text = ("Wer eine andere Person für die Prostitution anwirbt, wird bestraft, und das Gesetz "
            "ist nicht auf die Person anzuwenden.")
    doc = read_bytes(builders.docx_bytes(lambda d: d.add_paragraph(text)), "a.docx")
    assert doc.language == "de"


def _code(data: bytes, path: str = "bad.docx") -> str:
    with pytest.raises(InputError) as caught:
        read_bytes(data, path)
    assert caught.value.file == path
    return caught.value.code


def test_truncated_docx_is_e105() -> None:
    data = builders.docx_bytes(_act)
    assert _code(data[: len(data) // 2]) == "E105"
    assert _code(b"PK\x03\x04 not really a zip") == "E105"


def test_zip_without_word_document_is_e105() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    assert _code(buffer.getvalue()) == "E105"


def test_corrupt_document_xml_is_e105() -> None:
    source = zipfile.ZipFile(io.BytesIO(builders.docx_bytes(_act)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            archive.writestr(item, data)
    assert _code(buffer.getvalue()) == "E105"


def test_empty_docx_is_e102() -> None:
    assert _code(builders.docx_bytes(lambda d: d.add_paragraph("   "))) == "E102"


def test_ole_files_are_encrypted_or_legacy() -> None:
    magic = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert _code(magic + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")) == "E110"
    assert _code(magic + b"\x00" * 64) == "E107"
