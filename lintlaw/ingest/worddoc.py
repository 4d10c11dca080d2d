"""DOCX: paragraphs and table cells in document order, with Word's automatic numbering rendered.

Text is read from the WordprocessingML itself (runs, tabs, breaks, tracked insertions; not deleted
text, field codes or the fallback copy of text boxes). A paragraph's line breaks start new lines;
a table row whose cells hold one paragraph each becomes one line (cells joined by a space), other
rows give one line per paragraph. The core properties give the title and, if set, the language.

A DOCX is a ZIP archive, and a small one can expand enormously. Before python-docx sees it, every
XML part is inflated here in chunks, counting the bytes actually produced (never trusting the
sizes the archive claims), and the package is refused (E105) once ``MAX_UNZIPPED`` is passed;
binary parts (images, fonts) are not inflated at all. The repacked package is what python-docx
parses, so memory stays within a small multiple of ``MAX_UNZIPPED``.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any, Iterator

import docx
from docx.oxml.ns import qn

from lintlaw.errors import InputError
from lintlaw.ingest.codes import E102, E105, E107, E110, fail
from lintlaw.ingest.docxnumbering import Numbering
from lintlaw.ingest.language import choose
from lintlaw.ingest.lines import LineBuilder
from lintlaw.model import Document

MAX_UNZIPPED = 96 * 1024 * 1024  # bytes of XML actually inflated, all parts together
_CHUNK = 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}
_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
         qn("w:noBreakHyphen"): "\u2011"}
_HIDDEN = {qn("w:del"), qn("w:txbxContent"), qn("w:moveFrom"),
           "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def read(data: bytes, path: str) -> Document:
    """Open the DOCX package and render its body; a broken package is E105."""
    package = _inflated_package(data, path)
    try:
        document = docx.Document(io.BytesIO(package))
        numbering = Numbering(_numbering_xml(document), document.styles.element)
        builder = LineBuilder()
        _render(document.element.body, numbering, builder)
        metadata = _core_properties(document)
    except InputError:
        raise
    except Exception as exc:  # python-docx/lxml/zipfile raise many types on damaged packages
        raise fail(E105, f"malformed DOCX package ({type(exc).__name__}: {exc})", path) from None
    text = builder.text()
    if not text.strip():
        raise fail(E102, "no text in the DOCX document", path)
    return Document(
        path=path,
        text=text,
        metadata={k: v for k, v in metadata.items() if k != "language"},
        language=choose(metadata.get("language"), text),
        format="docx",
    )


def _inflated_package(data: bytes, path: str) -> bytes:
    """The package repacked uncompressed, its XML parts inflated under ``MAX_UNZIPPED`` bytes in
    all and its binary parts emptied; E105 for a damaged archive or one that expands too far."""
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise fail(E110, "encrypted (password-protected) DOCX; save an unprotected copy", path)
        raise fail(E107, "legacy Word .doc format is not supported; save as .docx", path)
    budget = [MAX_UNZIPPED]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            if "word/document.xml" not in {info.filename for info in infos}:
                raise fail(E105, "not a Word document: word/document.xml is missing", path)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as repacked:
                for info in infos:
                    xml = info.filename.lower().endswith(_XML_SUFFIXES)
                    repacked.writestr(info.filename, _inflate(archive, info, budget, path) if xml else b"")
    except InputError:
        raise
    except Exception as exc:  # zipfile raises many types (NotImplementedError, struct.error, zlib.error …)
        raise fail(E105, f"not a valid DOCX (ZIP) archive: {exc}", path) from None
    return out.getvalue()


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int], path: str) -> bytes:
    """One member's bytes, read in chunks; each chunk is charged to ``budget`` before it is kept."""
    chunks: list[bytes] = []
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise fail(E105, f"DOCX expands to more than {MAX_UNZIPPED // 2**20} MB of XML "
                           f"(at {info.filename}); a document this large is refused", path)
            chunks.append(chunk)
    return b"".join(chunks)


def _numbering_xml(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _render(body: Any, numbering: Numbering, builder: LineBuilder) -> None:
    for block in _blocks(body):
        if block.tag == _P:
            _add_paragraph(block, numbering, builder)
        else:
            for row in _rows(block):
                _add_row(row, numbering, builder)


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraphs and tables directly in ``container``, looking through content controls."""
    for child in container.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _rows(table: Any) -> Iterator[Any]:
    for child in table.iterchildren():
        if child.tag == _TR:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _rows(child)


def _cells(row: Any) -> Iterator[Any]:
    for child in row.iterchildren():
        if child.tag == _TC:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _cells(child)


def _add_row(row: Any, numbering: Numbering, builder: LineBuilder) -> None:
    cells = list(_cells(row))
    simple = all(
        not any(b.tag == _TBL for b in _blocks(cell))
        and sum(1 for b in _blocks(cell) if _paragraph_text(b).strip()) <= 1
        for cell in cells
    )
    if not simple:
        for cell in cells:
            _render(cell, numbering, builder)
        return
    parts = []
    for cell in cells:
        for paragraph in _blocks(cell):
            line = _labelled(paragraph, numbering).replace("\n", " ").strip()
            if line:
                parts.append(line)
    if parts:
        builder.add(" ".join(parts))


def _add_paragraph(paragraph: Any, numbering: Numbering, builder: LineBuilder) -> None:
    for line in _labelled(paragraph, numbering).split("\n"):
        if line.strip():
            builder.add(line.rstrip())


def _labelled(paragraph: Any, numbering: Numbering) -> str:
    text = _paragraph_text(paragraph)
    label = numbering.label(paragraph)
    if label and text.strip() and not text.lstrip().startswith(label):
        return f"{label} {text.lstrip()}"
    return text


def _paragraph_text(paragraph: Any) -> str:
    pieces: list[str] = []
    for node in paragraph.iter(*_TEXT):
        if _hidden(node, paragraph):
            continue
        fixed = _TEXT[node.tag]
        pieces.append(node.text or "" if fixed is None else fixed)
    return "".join(pieces)


def _hidden(node: Any, paragraph: Any) -> bool:
    for ancestor in node.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag in _HIDDEN or ancestor.tag == _P:
            return True
    return False


def _core_properties(document: Any) -> dict[str, Any]:
    props = document.core_properties
    found: dict[str, Any] = {}
    for key in ("title", "subject", "author", "keywords", "language"):
        value = getattr(props, key, None)
        if isinstance(value, str) and value.strip():
            found[key] = value.strip()
    return found
