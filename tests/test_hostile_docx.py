"""DOCX bombs: the bytes actually inflated are bounded (whatever the archive claims), so a small
file that expands to hundreds of megabytes is one E105, in bounded memory and time."""

from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import pytest

from hostile_support import run_python_limited
from lintlaw.errors import InputError
from lintlaw.ingest import read_bytes
from lintlaw.ingest.worddoc import MAX_UNZIPPED

_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          b'wordprocessingml.document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         b'officeDocument" Target="word/document.xml"/></Relationships>')
_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.'
         b'openxmlformats.org/wordprocessingml/2006/main"><w:body>')
_PARA = b"<w:p><w:r><w:t>1. A clause of the law.</w:t></w:r></w:p>"


def write_docx(path: Path, megabytes: float, extra: dict[str, bytes] | None = None) -> Path:
    """A DOCX whose document.xml inflates to about ``megabytes`` MB, written as a stream."""
    block = _PARA * 20_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(_HEAD)
            left = max(1, int(megabytes * 2**20) // len(_PARA))  # whole paragraphs only
            while left > 0:
                count = min(left, 20_000)
                member.write(block if count == 20_000 else _PARA * count)
                left -= count
            member.write(b"</w:body></w:document>")
    return path


def forge_sizes(path: Path, member: str, claimed: int) -> None:
    """Rewrite the uncompressed size a ZIP's central directory and local header claim for ``member``."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46: at + 46 + name_len] == name:
            struct.pack_into("<I", data, at + 24, claimed)
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, local + 22, claimed)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_a_small_docx_still_reads(tmp_path: Path) -> None:
    document = read_bytes(write_docx(tmp_path / "law.docx", 0.01).read_bytes(), "law.docx")
    assert document.text.startswith("1. A clause of the law.")


def test_binary_parts_are_not_inflated(tmp_path: Path) -> None:
    big_image = b"\x89PNG" + b"\x00" * (MAX_UNZIPPED + 2**20)
    path = write_docx(tmp_path / "law.docx", 0.01, {"word/media/image1.png": big_image})
    assert "clause" in read_bytes(path.read_bytes(), "law.docx").text


_READ = """
import sys
from lintlaw.errors import InputError
from lintlaw.ingest import read_bytes
try:
    read_bytes(open(sys.argv[1] if len(sys.argv) > 1 else {path!r}, "rb").read(), "bomb.docx")
except InputError as exc:
    print(exc.code, exc.message)
"""


@pytest.mark.slow
def test_a_docx_that_inflates_to_250_mb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "bomb.docx", 250)
    assert path.stat().st_size < 2 * 2**20
    started = time.monotonic()
    run = run_python_limited(_READ.format(path=str(path)), cwd=tmp_path, megabytes=1024, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("E105 DOCX expands to more than"), run.stdout + run.stderr
    assert time.monotonic() - started < 60


@pytest.mark.slow
def test_a_forged_uncompressed_size_is_not_trusted(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "forged.docx", 200)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("word/document.xml").file_size > MAX_UNZIPPED
    forge_sizes(path, "word/document.xml", 4096)
    run = run_python_limited(_READ.format(path=str(path)), cwd=tmp_path, megabytes=1024, timeout=120)
    assert run.returncode == 0 and run.stdout.startswith("E105"), run.stdout + run.stderr


def test_damaged_archives_are_e105(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "law.docx", 0.01)
    data = path.read_bytes()
    with pytest.raises(InputError) as caught:
        read_bytes(data[: len(data) // 2], "law.docx")
    assert caught.value.code == "E105"
