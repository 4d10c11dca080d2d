"""HTML: visible text as lines, numbering kept, metadata and language from the page."""

from __future__ import annotations

import time

import pytest

from lintlaw.errors import InputError
from lintlaw.ingest import read_bytes, read_text

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Modern  Slavery
    Act</title>
  <meta name="dcterms.date" content="2015-03-26">
  <meta name="jurisdiction" content="United Kingdom">
  <meta name="viewport" content="width=device-width">
  <style>p { color: red }</style>
  <script>var hidden = "script text";</script>
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/acts">Acts</a></nav>
  <h1>Part 1 Offences</h1>
  <h2>1 Slavery, servitude and forced labour</h2>
  <p><span class="num">(1)</span> A person commits an offence if&mdash;</p>
  <p class="para"><span class="num">(a)</span> the person holds another person in slavery,
     or</p>
  <table><tr><td>(b)</td><td>the person requires another person to perform forced labour.</td></tr></table>
  <ol>
    <li>first listed case</li>
    <li>second listed case
      <ol type="a"><li>nested item</li><li value="4">fourth item</li></ol>
    </li>
  </ol>
  <ol style="list-style: none"><li>(i) numbered in the text</li></ol>
  <ol type="i" start="3"><li>(x) already numbered</li><li>third roman</li></ol>
  <pre>Schedule   table
   col  col</pre>
  <div hidden>hidden text</div>
  <noscript>no script text</noscript>
  <p>Line one<br>line two &amp; more</p>
  <!-- a comment -->
</body>
</html>
"""


def test_visible_text_as_lines() -> None:
    doc = read_bytes(PAGE.encode(), "act.html")
    assert doc.format == "html"
    assert doc.text.splitlines() == [
        "Part 1 Offences",
        "1 Slavery, servitude and forced labour",
        "(1) A person commits an offence if\u2014",
        "(a) the person holds another person in slavery, or",
        "(b) the person requires another person to perform forced labour.",
        "1. first listed case",
        "2. second listed case",
        "a. nested item",
        "d. fourth item",
        "(i) numbered in the text",
        "(x) already numbered",
        "iv. third roman",
        "Schedule   table",
        "   col  col",
        "Line one",
        "line two & more",
    ]
    for dropped in ("Home", "script text", "color", "hidden text", "no script", "comment"):
        assert dropped not in doc.text
    assert len(doc.norm) == len(doc.text)


def test_metadata_and_language() -> None:
    doc = read_bytes(PAGE.encode(), "act.html")
    assert doc.metadata == {
        "title": "Modern Slavery Act",
        "date": "2015-03-26",
        "year": "2015",
        "jurisdiction": "United Kingdom",
    }
    assert doc.language == "en"


def test_language_from_lang_attribute_and_guess() -> None:
    declared = read_text('<html lang="de"><body><p>Any person who shall be</p></body></html>',
                         fmt="html")
    assert declared.language == "de"
    guessed = read_text("<p>Toute personne qui recrute une autre personne est punie par la loi "
                        "et les victimes sont protégées.</p>", fmt="html")
    assert guessed.language == "fr"


def test_meta_charset_decodes_legacy_page() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Art. 1 — « traite » é</p></body></html>'
    doc = read_bytes(page.encode("cp1252"), "page.htm")
    assert doc.text == "Art. 1 \u2014 \u00ab traite \u00bb \u00e9\n"


def test_utf16_page_with_bom() -> None:
    doc = read_bytes("\ufeff<html><body><p>Section 1</p></body></html>".encode("utf-16-le"),
                     "page.html")
    assert doc.text == "Section 1\n"


def test_non_breaking_spaces_are_kept_in_text_and_folded_in_norm() -> None:
    doc = read_text("<p>§&nbsp;3</p>", fmt="html")
    assert doc.text == "§\u00a03\n" and doc.norm == "§ 3\n"


@pytest.mark.parametrize(
    "page",
    ["<html><head><title>Only a title</title></head><body>  </body></html>",
     "<script>only()</script>", "<!-- nothing -->"],
)
def test_page_without_visible_text_is_e102(page: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(page.encode(), "empty.html")
    assert caught.value.code == "E102" and caught.value.file == "empty.html"


def test_binary_html_is_e103() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(b"<html>\x00\x00\x01</html>", "x.html")
    assert caught.value.code == "E103"


def test_deeply_nested_markup_does_not_recurse() -> None:
    page = "<div>" * 5000 + "deep text" + "</div>" * 5000
    assert "deep text" in read_text(page, fmt="html").text


def test_large_page_is_fast() -> None:
    body = "".join(
        f"<h2>Section {i}</h2><p>A person who <b>recruits</b> another person commits an offence.</p>"
        for i in range(8000)
    )
    started = time.perf_counter()
    doc = read_bytes(f"<html><body>{body}</body></html>".encode(), "big.html")
    assert doc.text.count("\n") == 16000
    assert time.perf_counter() - started < 10
