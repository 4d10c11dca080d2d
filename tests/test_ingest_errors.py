"""Every E1xx code: documented in docs/errors.md and the ingest docstring, and raised by some input."""

from __future__ import annotations

import importlib.util
import os
import re
import tempfile
from pathlib import Path
from typing import Callable

import pytest

import lintlaw.ingest as ingest
from lintlaw.errors import InputError
from lintlaw.ingest import CODES, iter_paths, read_bytes, read_path, read_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
from lintlaw.filerun import no_pack_notice  # noqa: E402

_spec = importlib.util.spec_from_file_location("ingest_builders", FIXTURES / "builders.py")
builders = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(builders)  # type: ignore[union-attr]

def _raise(notice: object) -> None:
    """Raise a notice that is returned, not raised, by the code that makes it."""
    assert notice is not None
    raise notice  # type: ignore[misc]


def _link_out_of_folder() -> None:
    """Walk a folder ``law`` holding a link to a file outside it; raise the notice."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        try:
            os.chdir(tmp)
            os.mkdir("law")
            Path("outside.txt").write_text("Text.", encoding="utf-8")
            os.symlink(os.path.join(tmp, "outside.txt"), os.path.join("law", "link.txt"))
            notices: list[InputError] = []
            assert list(iter_paths(["law"], notices=notices)) == []
        finally:
            os.chdir(here)
    raise notices[0]


# One input per code; together they must cover every code in CODES.
TRIGGERS: dict[str, Callable[[], object]] = {
    "E101": lambda: read_path(ROOT / "does-not-exist.txt", display="does-not-exist.txt"),
    "E102": lambda: read_bytes(b" \n\n", "law.txt"),
    "E103": lambda: read_bytes(b"MZ\x90\x00\x03\x00\x00\x00", "law.txt"),
    "E104": lambda: read_bytes(bytes(range(0x80, 0x100)) * 3, "law.txt"),
    "E105": lambda: read_bytes(b"<akomaNtoso><act>", "law.xml"),
    "E106": lambda: read_path(FIXTURES / "xxe.xml", display="law.xml"),
    "E107": lambda: read_text("text", path="law", fmt="odt"),
    "E108": lambda: read_bytes(b"---\ntitle: [\n---\nBody\n", "law.md"),
    "E109": lambda: read_bytes(builders.pdf_bytes([[]]), "law.pdf"),
    "E110": lambda: read_bytes(builders.pdf_bytes([["x"]], encrypt="pw"), "law.pdf"),
    "E111": _link_out_of_folder,
    "E112": lambda: _raise(no_pack_notice(read_text("---\nlanguage: nl\n---\nArtikel 1. Tekst.\n", path="law.txt"),
                                          "law.txt")),
}


def test_triggers_cover_every_code() -> None:
    assert set(TRIGGERS) == set(CODES)


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_each_code_is_raised_with_the_file_named(code: str) -> None:
    with pytest.raises(InputError) as caught:
        TRIGGERS[code]()
    exc = caught.value
    assert exc.code == code
    assert exc.file is not None and exc.file.startswith(("law", "does-not-exist"))
    assert str(exc).startswith(exc.file) and f" {code} " in str(exc)
    assert exc.to_dict()["code"] == code


def test_every_code_is_documented() -> None:
    table = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (E1\d\d) \|", table, re.MULTILINE))
    assert documented == set(CODES)
    docstring = ingest.__doc__ or ""
    assert set(re.findall(r"^- (E1\d\d) ", docstring, re.MULTILINE)) == set(CODES)
