"""Plain text and Markdown: front matter, encodings, newlines, language and large inputs."""

from __future__ import annotations

import codecs
import time

import pytest

from lintlaw.errors import InputError
from lintlaw.ingest import read_bytes, read_text
from lintlaw.ingest.language import guess, normalize_tag

FRONT = "---\ntitle: Test Act\njurisdiction: Testland\nyear: 2016\nlanguage: en\nsource: tests\n---\n"
BODY = "1. A person who recruits another person commits an offence.\n2. Consent is irrelevant.\n"


def error(data: bytes, path: str = "law.txt", fmt: str | None = None) -> InputError:
    with pytest.raises(InputError) as caught:
        read_bytes(data, path, fmt)
    assert caught.value.file == path
    return caught.value


def test_front_matter_becomes_metadata_and_stays_in_text() -> None:
    doc = read_bytes((FRONT + BODY).encode(), "law.txt")
    assert doc.metadata == {
        "title": "Test Act", "jurisdiction": "Testland", "year": "2016", "language": "en",
        "source": "tests",
    }
    assert doc.title == "Test Act"
    assert doc.text == FRONT + BODY
    assert doc.body_start == len(FRONT)
    assert doc.text[doc.body_start :].startswith("1. A person")
    # Line numbers count the front matter: the body's first line is line 8 of the file.
    assert doc.position(doc.body_start) == (8, 1)
    assert doc.position(doc.text.index("Consent")) == (9, 4)
    assert doc.format == "text"
    assert doc.seeds is None and doc.page_starts is None


def test_markdown_suffix_and_no_front_matter() -> None:
    doc = read_bytes(b"# Act\n\nSection 1. Text.\n", "law.md")
    assert doc.format == "markdown"
    assert doc.metadata == {} and doc.body_start == 0
    assert doc.text == "# Act\n\nSection 1. Text.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2016", "2016"), ("'2016'", "2016"), ("2016-10-21", "2016"), ("'circa 1904'", "circa 1904")],
)
def test_year_is_always_a_usable_string(value: str, expected: str) -> None:
    doc = read_text(f"---\nyear: {value}\n---\nText of the law.\n")
    assert doc.metadata["year"] == expected


def test_other_keys_dates_and_closing_dots() -> None:
    doc = read_text("---\nenacted: 2014-11-06\nparts: [1, 2]\n...\nBody.\n")
    assert doc.metadata == {"enacted": "2014-11-06", "parts": [1, 2]}
    assert doc.text[doc.body_start :] == "Body.\n"


def test_empty_front_matter_is_allowed() -> None:
    doc = read_text("---\n---\nBody.\n")
    assert doc.metadata == {} and doc.body_start == 8


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("---\ntitle: Act\nBody without a closing line\n", 1, "never closed"),
        ("---\ntitle: Act\nyear: [2016\n---\nBody\n", 4, "malformed front matter"),
        ("---\ntitle: 'unclosed\n---\nBody\n", 3, "malformed front matter"),
        ("---\njust a sentence\n---\nBody\n", 2, "mapping"),
        ("---\na: &x 1\nb: *x\n---\nBody\n", 3, "aliases"),
        ("---\ntitle: Act\nyear: [2016]\n---\nBody\n", 3, "year"),
        ("---\nlanguage: 12\n---\nBody\n", 2, "language"),
        ("---\nx: !!python/object:os.system ls\n---\nBody\n", 2, "malformed front matter"),
    ],
)
def test_malformed_front_matter_is_e108_with_line(source: str, line: int, words: str) -> None:
    exc = error(source.encode(), "bad.md")
    assert exc.code == "E108"
    assert exc.line == line
    assert words in exc.message
    assert str(exc).startswith(f"bad.md:{line}")


def test_front_matter_without_body_is_e102() -> None:
    exc = error(b"---\ntitle: Only metadata\n---\n\n  \n")
    assert exc.code == "E102"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", "\ufeff".encode("utf-8"), b"\r\n\r\n"])
def test_empty_or_blank_is_e102(data: bytes) -> None:
    assert error(data).code == "E102"


TEXT = "Article 1er — La « traite » des êtres humains est punie.\nStraße für Prostituierte.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom"],
)
def test_unicode_encodings_decode_without_bom_in_text(encoded: bytes) -> None:
    doc = read_bytes(encoded, "law.txt")
    assert doc.text == TEXT
    assert "\ufeff" not in doc.text


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_single_byte_encodings(encoding: str) -> None:
    text = "Article 1er. La traite des êtres humains, « à des fins d'exploitation », est punie.\n"
    if encoding == "cp1252":
        text += "Die Straße — “quoted” ‘text’ …\n"
    assert read_bytes(text.encode(encoding), "law.txt").text == text


def test_legacy_short_text() -> None:
    assert read_bytes("café".encode("cp1252"), "law.txt").text == "café"


def test_crlf_and_cr_become_lf_and_lines_count_lf() -> None:
    doc = read_bytes(b"one\r\ntwo\rthree\n\r\nfour", "law.txt")
    assert doc.text == "one\ntwo\nthree\n\nfour"
    assert doc.position(doc.text.index("four")) == (5, 1)


def test_crlf_front_matter() -> None:
    doc = read_bytes((FRONT + BODY).replace("\n", "\r\n").encode(), "law.txt")
    assert doc.metadata["title"] == "Test Act"
    assert doc.text == FRONT + BODY


def test_nul_bytes_are_binary_e103_with_line() -> None:
    exc = error(b"line one\nline two\x00\x01\x02")
    assert exc.code == "E103" and exc.line == 2


def test_control_characters_are_binary_e103() -> None:
    assert error(bytes(range(1, 9)) * 20).code == "E103"


def test_a_few_control_characters_are_kept() -> None:
    doc = read_bytes(b"Page one.\x0cPage two. End\x1a", "law.txt")
    assert doc.text == "Page one.\x0cPage two. End\x1a"


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (codecs.BOM_UTF8 + b"ok\nstill ok\nbad \xff\xfe here", 3),
        (codecs.BOM_UTF16_LE + b"a\x00\n\x00\x00\xdc", 2),  # a lone low surrogate
        (bytes(range(0x80, 0x100)) * 3, 1),
    ],
    ids=["utf8-bom", "utf16-surrogate", "no-encoding-fits"],
)
def test_undecodable_is_e104(data: bytes, line: int) -> None:
    exc = error(data)
    assert exc.code == "E104" and exc.line == line


def test_norm_has_same_length_and_folds_typography() -> None:
    doc = read_text("“Consent”\u00a0— ‘irrelevant’…\tend")
    assert len(doc.norm) == len(doc.text)
    assert doc.norm == "\"Consent\" - 'irrelevant'. end"


def test_read_text_strips_bom_and_converts_newlines() -> None:
    doc = read_text("\ufeffA.\r\nB.\r", path="x")
    assert doc.text == "A.\nB.\n" and doc.path == "x"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Toute personne qui recrute une autre personne aux fins de la prostitution est punie "
         "par la loi, et les victimes sont protégées dans cette procédure.", "fr"),
        ("Wer eine andere Person für die Prostitution anwirbt, wird mit Freiheitsstrafe bestraft, "
         "und das Gesetz ist auf alle Personen anzuwenden, die sich nicht anmelden.", "de"),
        ("Toda persona que capte a otra para la explotación sexual será sancionada por la ley, "
         "y los derechos de las víctimas se respetan con el apoyo del Estado.", "es"),
        ("Any person who recruits another person for the purpose of exploitation shall be "
         "guilty of an offence under this Act.", "en"),
        ("12345 ---", "en"),
    ],
)
def test_language_guess(text: str, language: str) -> None:
    assert guess(text) == language
    assert read_text(text).language == language


def test_front_matter_language_wins_over_the_guess() -> None:
    doc = read_text("---\nlanguage: fr-CA\n---\nAny person who recruits shall be guilty.\n")
    assert doc.language == "fr"
    assert doc.metadata["language"] == "fr-CA"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("en", "en"), ("en-GB", "en"), ("FR_ca", "fr"), ("fra", "fr"), ("deu", "de"), ("", None),
     ("mul", None), (None, None), ("12", None)],
)
def test_normalize_tag(tag: object, expected: str | None) -> None:
    assert normalize_tag(tag) == expected


def test_large_text_is_linear() -> None:
    line = "A person who recruits, transports or harbours another person commits an offence.\n"
    data = (FRONT + line * 30_000).encode()  # about 2.5 million characters
    started = time.perf_counter()
    doc = read_bytes(data, "big.txt")
    elapsed = time.perf_counter() - started
    assert len(doc.text) > 2_000_000 and len(doc.norm) == len(doc.text)
    assert doc.position(len(doc.text) - 1)[0] == 30_007
    assert elapsed < 5, f"reading 2.5M characters took {elapsed:.1f}s"


def test_large_legacy_text_is_linear() -> None:
    data = ("La personne qui recrute à des fins d'exploitation est punie.\n" * 20_000).encode("cp1252")
    started = time.perf_counter()
    doc = read_bytes(data, "big.txt")
    assert "à des fins" in doc.text
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("head", [b"%PDF-1.7\n", b"PK\x03\x04\x14\x00", b"\x89PNG\r\n\x1a\n"])
def test_known_binary_formats_named_as_text_are_e103(head: bytes) -> None:
    exc = error(head + b"some bytes that would otherwise decode", "law.txt")
    assert exc.code == "E103" and "binary data" in exc.message


def test_nul_in_a_string_is_e103() -> None:
    with pytest.raises(InputError) as caught:
        read_text("A long enough text.\nwith one NUL\x00 on line two", path="s")
    assert caught.value.code == "E103" and caught.value.line == 2
