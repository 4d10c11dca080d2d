"""Akoma Ntoso: safe parsing, rendering with num/heading, clause seeds and FRBR metadata."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from lintlaw.errors import InputError
from lintlaw.ingest import read_bytes, read_path, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ACT = FIXTURES / "act_akn3.xml"
NAMESPACE = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'

EXPECTED_LINES = [
    "To give effect to the Protocol.",
    "CHAPTER 1 Definitions",
    "1. Definitions",
    "(1) In this Act, unless the context indicates otherwise—",
    '(a) "abuse of vulnerability" means any abuse;',
    '(b) "exploitation" includes—',
    "the following:",
    "(i) all forms of slavery;",
    "(ii) sexual exploitation; and",
    "whether or not for reward.",
    "and includes anything else.",
    "2. Any person who trafficks commits an offence.",
]
# (kind, depth, num, heading, term, first line of the span, last line of the span)
EXPECTED_SEEDS = [
    ("chapter", 0, "CHAPTER 1", "Definitions", None, 1, 11),
    ("section", 1, "1.", "Definitions", None, 2, 10),
    ("subsection", 2, "(1)", None, None, 3, 10),
    ("point", 3, "(a)", None, "abuse of vulnerability", 4, 4),
    ("point", 3, "(b)", None, "exploitation", 5, 9),
    ("item", 4, "(i)", None, None, 7, 7),
    ("item", 4, "(ii)", None, None, 8, 8),
    ("section", 1, "2.", None, None, 11, 11),
]


def _check(doc) -> None:  # type: ignore[no-untyped-def]
    lines = doc.text.splitlines()
    assert lines == EXPECTED_LINES
    got = []
    for seed in doc.seeds:
        first = doc.position(seed.start)[0] - 1
        last = doc.position(seed.end)[0] - 1
        assert doc.text[seed.start : seed.end] == "\n".join(lines[first : last + 1])
        got.append((seed.kind, seed.depth, seed.num, seed.heading, seed.term, first, last))
    assert got == EXPECTED_SEEDS
    assert doc.metadata == {
        "title": "Prevention and Combating of Trafficking in Persons Act",
        "jurisdiction": "za",
        "year": "2013",
        "date": "2013-07-29",
        "number": "7",
        "uri": "/akn/za/act/2013/7/!main",
        "language": "eng",
    }
    assert doc.language == "en"
    assert doc.format == "akn"
    assert len(doc.norm) == len(doc.text)


def test_akn3_renders_and_seeds() -> None:
    _check(read_path(ACT))


def test_namespace_free_document_reads_the_same() -> None:
    source = ACT.read_text(encoding="utf-8").replace(" " + NAMESPACE, "")
    assert NAMESPACE not in source
    _check(read_text(source, path="plain.xml", fmt="akn"))


def test_prefixed_namespace_reads_the_same() -> None:
    source = ACT.read_text(encoding="utf-8").replace(NAMESPACE, NAMESPACE.replace("xmlns", "xmlns:akn"))
    source = source.replace("<", "<akn:").replace("<akn:/", "</akn:").replace("<akn:?", "<?")
    _check(read_bytes(source.encode(), "prefixed.xml"))


def test_utf16_and_declared_legacy_encodings() -> None:
    source = ACT.read_text(encoding="utf-8")
    _check(read_bytes(source.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"), "u.xml"))
    latin = source.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("—", "-")
    doc = read_bytes(latin.replace("all forms", "àll forms").encode("latin-1"), "l.xml")
    assert "(i) àll forms of slavery;" in doc.text


@pytest.mark.parametrize("name", ["billion_laughs.xml", "xxe.xml"])
def test_doctype_and_entities_are_refused(name: str) -> None:
    path = FIXTURES / name
    with pytest.raises(InputError) as caught:
        read_path(path, display=name)
    exc = caught.value
    assert exc.code == "E106" and exc.file == name
    assert exc.line == (2 if name == "billion_laughs.xml" else 3)
    assert "passwd" not in exc.message and "lol" not in exc.message


def test_doctype_after_comment_is_found() -> None:
    with pytest.raises(InputError) as caught:
        read_text("<!-- c --><!DOCTYPE akomaNtoso><akomaNtoso/>", fmt="akn")
    assert caught.value.code == "E106"


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("<akomaNtoso>\n<act>\n<body></act>\n</akomaNtoso>", 3, 13),
        ("<akomaNtoso><act>&undefined;</act></akomaNtoso>", 1, None),
        ("<akomaNtoso><act><p>truncated", 1, None),
    ],
)
def test_syntax_errors_are_e105_with_position(source: str, line: int, column: int | None) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(source.encode(), "bad.xml")
    exc = caught.value
    assert exc.code == "E105" and exc.file == "bad.xml" and exc.line == line
    if column is not None:
        assert exc.column == column


def test_other_xml_is_unsupported() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(b"<rss><channel/></rss>", "feed.xml")
    assert caught.value.code == "E107" and "rss" in caught.value.message


def test_document_without_text_is_e102() -> None:
    with pytest.raises(InputError) as caught:
        read_text("<akomaNtoso><act><meta><FRBRWork/></meta><body/></act></akomaNtoso>", fmt="akn")
    assert caught.value.code == "E102"


def test_hcontainer_units_attachments_and_title_fallback() -> None:
    source = """<akomaNtoso><act><meta/>
      <preface><p><docTitle>Sample Act</docTitle></p></preface>
      <body><hcontainer name="schedule"><num>Schedule 1</num><heading>Forms</heading>
        <content><p>Form A</p></content></hcontainer>
        <article><num>Art. 3</num><paragraph><num>1.</num><content><p>Text.</p></content></paragraph></article>
      </body></act></akomaNtoso>"""
    doc = read_text(source, fmt="akn")
    assert doc.text.splitlines() == ["Sample Act", "Schedule 1 Forms", "Form A", "Art. 3", "1. Text."]
    assert [(s.kind, s.depth, s.num) for s in doc.seeds] == [
        ("schedule", 0, "Schedule 1"), ("article", 0, "Art. 3"), ("paragraph", 1, "1."),
    ]
    assert doc.metadata["title"] == "Sample Act"


def test_large_document_is_linear() -> None:
    sections = "".join(
        f'<section eId="sec_{i}"><num>{i}.</num><heading>Offence {i}</heading><subsection>'
        f"<num>(1)</num><content><p>A person who recruits another person commits an offence."
        f"</p></content></subsection></section>"
        for i in range(8000)
    )
    data = f"<akomaNtoso><act><body>{sections}</body></act></akomaNtoso>".encode()
    started = time.perf_counter()
    doc = read_bytes(data, "big.xml")
    assert len(doc.seeds) == 16000 and len(doc.text) > 500_000
    assert time.perf_counter() - started < 10


def test_text_after_num_without_content_wrapper_is_kept() -> None:
    doc = read_text("<akomaNtoso><act><body><paragraph><num>(a)</num> loose text <b>bold</b> "
                    "end</paragraph></body></act></akomaNtoso>", fmt="akn")
    assert doc.text == "(a) loose text bold end\n"
    assert (doc.seeds[0].start, doc.seeds[0].end) == (0, len(doc.text) - 1)
