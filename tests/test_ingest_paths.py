"""Paths: folder expansion, excludes, stdin, unreadable paths and format detection."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from lintlaw.errors import InputError
from lintlaw.ingest import SUPPORTED_SUFFIXES, detect_format, iter_paths, read_bytes, read_path, read_text


def _tree(root: Path) -> None:
    for name in ["b.txt", "a.md", "notes.rst", ".hidden.txt", "sub/z.html", "sub/c.xml",
                 "sub/deeper/d.pdf", "sub/deeper/e.docx", ".git/x.txt", "drafts/old.txt"]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Section 1. Text.\n")


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES >= {".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".xml"}


def test_folders_expand_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    root = str(tmp_path)
    found = list(iter_paths([root]))
    assert [display for display, _ in found] == [
        os.path.join(root, name)
        for name in ["a.md", "b.txt", "drafts/old.txt", "sub/c.xml", "sub/deeper/d.pdf",
                     "sub/deeper/e.docx", "sub/z.html"]
    ]
    assert all(path == Path(display) for display, path in found)


def test_display_path_keeps_the_users_spelling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert [d for d, _ in iter_paths(["sub/deeper"])] == ["sub/deeper/d.pdf", "sub/deeper/e.docx"]


def test_excludes_match_names_and_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    found = [d for d, _ in iter_paths(["."], exclude=["drafts", "*.md", "sub/deeper/*"])]
    assert found == ["./b.txt", "./sub/c.xml", "./sub/z.html"]
    assert list(iter_paths(["a.md"], exclude=["*.md"])) == []


def test_named_files_missing_paths_and_stdin_are_never_dropped(tmp_path: Path) -> None:
    _tree(tmp_path)
    named = str(tmp_path / "notes.rst")
    missing = str(tmp_path / "nope.txt")
    assert list(iter_paths([named, "-", missing, named])) == [
        (named, Path(named)), ("-", None), (missing, Path(missing)),
    ]
    with pytest.raises(InputError) as caught:
        read_path(missing, display="nope.txt")
    assert caught.value.code == "E101" and caught.value.file == "nope.txt"


def test_directory_given_to_read_path_is_e101(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_path(tmp_path)
    assert caught.value.code == "E101" and "directory" in caught.value.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_is_e101(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("text")
    locked.chmod(0)
    try:
        with pytest.raises(InputError) as caught:
            read_path(locked)
        assert caught.value.code == "E101" and "permission" in caught.value.message
    finally:
        locked.chmod(0o600)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"<html><body><p>From a pipe.</p></body></html>"))
    monkeypatch.setattr(sys, "stdin", stdin)
    doc = read_path("-")
    assert doc.path == "<stdin>" and doc.format == "html" and doc.text == "From a pipe.\n"


def test_read_path_uses_display_name(tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    path.write_bytes(b"Section 1.")
    assert read_path(path, display="corpus/law.txt").path == "corpus/law.txt"


def _zip(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("path", "data", "fmt"),
    [
        ("a.TXT", b"%PDF-1.4", "text"),  # the suffix decides
        ("a.markdown", b"", "markdown"),
        ("a.htm", b"", "html"),
        ("a.xml", b"", "akn"),
        ("noext", b"%PDF-1.4 ...", "pdf"),
        ("noext", _zip("word/document.xml"), "docx"),
        ("noext", b"\xef\xbb\xbf<?xml version='1.0'?>\n<akomaNtoso/>", "akn"),
        ("noext", b"<an:akomaNtoso xmlns:an='x'/>", "akn"),
        ("noext", b"  <!DOCTYPE html><html>", "html"),
        ("noext", "\ufeff<html>".encode("utf-16-le"), "html"),
        ("-", b"Plain words", "text"),
        ("law.rst", b"Plain words", "text"),
    ],
)
def test_detect_format(path: str, data: bytes, fmt: str) -> None:
    assert detect_format(path, data) == fmt


@pytest.mark.parametrize(
    "data",
    [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 legacy", b"{\\rtf1 text}", b"\x89PNG\r\n", _zip("content.xml")],
    ids=["doc", "rtf", "png", "zip"],
)
def test_unsupported_content_is_e107(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "upload")
    assert caught.value.code == "E107" and caught.value.file == "upload"


def test_format_names_and_aliases() -> None:
    assert read_bytes(b"<p>x</p>", "a.txt", fmt="HTML").format == "html"
    assert read_bytes(b"x", "a.html", fmt="md").format == "markdown"
    for call in (lambda: read_bytes(b"x", "a.txt", fmt="rtf"), lambda: read_text("x", fmt="docx")):
        with pytest.raises(InputError) as caught:
            call()
        assert caught.value.code == "E107"


def test_os_errors_are_e101(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "law.txt"
    path.write_text("text")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError) as caught:
        read_path(path, display="law.txt")
    assert caught.value.code == "E101" and caught.value.file == "law.txt"
    assert "permission denied" in caught.value.message


def test_unlistable_subfolder_is_yielded_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    locked = str(tmp_path / "sub")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = [display for display, _ in iter_paths([str(tmp_path)])]
    assert locked in found and not any(d.startswith(locked + os.sep) for d in found)
    with pytest.raises(InputError) as caught:
        read_path(locked)
    assert caught.value.code == "E101"
