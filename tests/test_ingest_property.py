"""Never a traceback: any bytes, in any format, give a sound Document or a coded InputError."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lintlaw.errors import InputError
from lintlaw.ingest import CODES, read_bytes, read_text
from lintlaw.model import Document

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
_spec = importlib.util.spec_from_file_location("ingest_builders", FIXTURES / "builders.py")
builders = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(builders)  # type: ignore[union-attr]

FORMATS = [None, "text", "markdown", "html", "docx", "pdf", "akn"]
SUFFIX = {None: "", "text": ".txt", "markdown": ".md", "html": ".html", "docx": ".docx",
          "pdf": ".pdf", "akn": ".xml"}


def _seed_docx(document) -> None:  # type: ignore[no-untyped-def]
    num = builders.add_numbering(document, [("decimal", "%1."), ("lowerLetter", "(%2)")])
    builders.numbered(document, "A person who", num, 0)
    builders.numbered(document, "recruits", num, 1)
    document.add_table(rows=1, cols=2).cell(0, 1).text = "cell"


VALID = {
    "text": b"---\ntitle: T\nyear: 2000\n---\n1. A person who recruits.\r\n(a) by force.\n",
    "markdown": "# Loi\n\nArticle 1 — « traite » des êtres humains.\n".encode("cp1252"),
    "html": b"<html lang=fr><title>T</title><body><ol><li>a</li></ol><p>x<br>y</p></body></html>",
    "docx": builders.docx_bytes(_seed_docx, title="T"),
    "pdf": builders.pdf_bytes([["Section 1. Text."], [], ["Section 2."]], title="T"),
    "akn": (FIXTURES / "act_akn3.xml").read_bytes(),
}


def _check(data: bytes, path: str, fmt: str | None) -> None:
    try:
        doc = read_bytes(data, path, fmt)
    except InputError as exc:
        assert exc.code in CODES
        assert exc.file == path
        return
    _sound(doc)


def _sound(doc: Document) -> None:
    assert isinstance(doc, Document)
    assert len(doc.norm) == len(doc.text)
    assert doc.text.strip()
    assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
    assert 0 <= doc.body_start <= len(doc.text)
    assert isinstance(doc.language, str) and doc.language
    if doc.page_starts is not None:
        assert doc.page_starts == sorted(doc.page_starts) and doc.page_starts[0] == 0
        assert doc.page_starts[-1] <= len(doc.text)
    for seed in doc.seeds or ():
        assert 0 <= seed.start <= seed.end <= len(doc.text) and seed.depth >= 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048), fmt=st.sampled_from(FORMATS))
def test_random_bytes(data: bytes, fmt: str | None) -> None:
    _check(data, "fuzz" + SUFFIX[fmt], fmt)


@st.composite
def _mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    fmt = draw(st.sampled_from(sorted(VALID)))
    data = bytearray(VALID[fmt])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if not data:
            break
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            del data[at:]
    return fmt, bytes(data)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_mutated(), sniff=st.booleans())
def test_damaged_valid_files(case: tuple[str, bytes], sniff: bool) -> None:
    fmt, data = case
    _check(data, "damaged" + ("" if sniff else SUFFIX[fmt]), None if sniff else fmt)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=1024), fmt=st.sampled_from(["text", "markdown", "html", "akn"]))
def test_random_strings(text: str, fmt: str) -> None:
    try:
        doc = read_text(text, path="fuzz", fmt=fmt)
    except InputError as exc:
        assert exc.code in CODES and exc.file == "fuzz"
        return
    _sound(doc)


@settings(max_examples=150, deadline=None)
@given(head=st.text(alphabet=st.sampled_from(list("-.:abc[]{}&*!'\"\n #|>")), max_size=80))
def test_random_front_matter(head: str) -> None:
    try:
        doc = read_text("---\n" + head + "\n---\nBody text.\n", path="fm.md", fmt="markdown")
    except InputError as exc:
        assert exc.code in ("E108",) and exc.file == "fm.md"
        return
    _sound(doc)


_TAGS = ["section", "subsection", "point", "item", "list", "blockList", "intro", "wrapUp",
         "content", "p", "num", "heading", "def", "authorialNote", "eol", "b", "listIntroduction"]
_WORDS = st.sampled_from(["(a)", "1.", "person", "means", "", " ", "—", "é"])


def _tree(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, text, kids, tail: f"<{tag}>{text}{''.join(kids)}</{tag}>{tail}",
        st.sampled_from(_TAGS), _WORDS, st.lists(children, max_size=4), _WORDS,
    )


@settings(max_examples=200, deadline=None)
@given(body=st.recursive(_WORDS, _tree, max_leaves=40))
@example(body="<section>(a)<section></section></section>(a)")  # an empty unit after its parent's text
def test_random_akn_trees_give_nested_seeds(body: str) -> None:
    try:
        doc = read_text(f"<akomaNtoso><act><body>{body}</body></act></akomaNtoso>", "t.xml", "akn")
    except InputError as exc:
        assert exc.code == "E102"
        return
    _sound(doc)
    stack: list = []
    for seed in doc.seeds or ():
        while stack and stack[-1].depth >= seed.depth:
            sibling = stack.pop()
            if sibling.depth == seed.depth:
                assert sibling.end <= seed.start
        assert seed.depth == len(stack)
        if stack:
            assert stack[-1].start <= seed.start and seed.end <= stack[-1].end
        stack.append(seed)
