"""Property tests for hostile input: random bytes, random Unicode and random nesting through every
reader (each format, front matter, rule files, evaluation cases, sidecars) and the segmenter.
Whatever comes in, the outcome is a Document whose outline is well formed, or one coded error."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintlaw.engine.loader import load_rules
from lintlaw.errors import InputError, LintlawError, RuleError
from lintlaw.evaluate.cases import load_cases
from lintlaw.ingest import CODES, read_bytes, read_text
from lintlaw.scan.metadata import parse_sidecar
from lintlaw.structure import segment
from test_structure_property import assert_well_formed

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
FORMATS = [None, "text", "markdown", "html", "docx", "pdf", "akn"]
TEXT_FORMATS = ["text", "markdown", "html", "akn"]
SUFFIX = {None: "", "text": ".txt", "markdown": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf", "akn": ".xml"}


def _read_then_segment(read) -> None:  # type: ignore[no-untyped-def]
    try:
        document = read()
    except InputError as exc:
        assert exc.code in CODES and exc.file
        return
    assert_well_formed(segment(document))


@SETTINGS
@given(data=st.binary(max_size=4096), fmt=st.sampled_from(FORMATS))
def test_random_bytes_through_each_reader_and_the_segmenter(data: bytes, fmt: str | None) -> None:
    _read_then_segment(lambda: read_bytes(data, "fuzz" + SUFFIX[fmt], fmt))


@SETTINGS
@given(text=st.text(st.characters(codec="utf-8"), max_size=2048), fmt=st.sampled_from(TEXT_FORMATS))
def test_random_unicode_through_each_text_reader_and_the_segmenter(text: str, fmt: str) -> None:
    _read_then_segment(lambda: read_text(text, "fuzz", fmt))


@SETTINGS
@given(text=st.text(st.characters(codec="utf-8"), max_size=1024), fmt=st.sampled_from(["text", "markdown", "html"]))
def test_random_unicode_as_encoded_bytes(text: str, fmt: str) -> None:
    for encoding in ("utf-8", "utf-16", "utf-8-sig"):
        _read_then_segment(lambda: read_bytes(text.encode(encoding), "fuzz" + SUFFIX[fmt], fmt))


# -- random nesting ------------------------------------------------------------------------------

OPENERS = st.lists(st.sampled_from(["[", "{a: ", "- ", "{", "[b, "]), min_size=0, max_size=400)


def _nested_yaml(openers: list[str], leaf: str) -> str:
    closing = {"[": "]", "{a: ": "}", "{": ": 1}", "[b, ": "]", "- ": ""}
    flow = [o for o in openers if o != "- "]
    return "".join(flow) + leaf + "".join(closing[o] for o in reversed(flow)) + "\n"


@SETTINGS
@given(openers=OPENERS, leaf=st.sampled_from(["x", "&a 1", "*a", "", "'q'"]))
def test_random_yaml_nesting_in_every_yaml_reader(tmp_path_factory: pytest.TempPathFactory, openers: list[str], leaf: str) -> None:
    text = _nested_yaml(openers, leaf)
    folder = tmp_path_factory.mktemp("nest")
    try:
        parse_sidecar(text.encode(), "law.txt.yaml")
    except InputError as exc:
        assert exc.code == "E108"
    _read_then_segment(lambda: read_text("---\nx: " + text + "---\n1. Body text.\n", "fm.md", "markdown"))
    rules = folder / "rules" / "topic"
    rules.mkdir(parents=True)
    (rules / "r.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules([folder / "rules"], include_default=False)
    assert caught.value.code.startswith("E2") and caught.value.file
    cases = folder / "cases.yaml"
    cases.write_text(text, encoding="utf-8")
    try:
        load_cases(cases)
    except LintlawError as exc:
        assert exc.code.startswith("E4") and exc.file == str(cases)


@SETTINGS
@given(depth=st.integers(0, 3000), tag=st.sampled_from(["div", "ol", "li", "table", "section", "blockquote"]))
def test_random_html_nesting(depth: int, tag: str) -> None:
    html = f"<html><body>{f'<{tag}>' * depth}1. A person who recruits.{f'</{tag}>' * depth}</body></html>"
    _read_then_segment(lambda: read_text(html, "deep.html", "html"))


@SETTINGS
@given(depth=st.integers(0, 2000), tag=st.sampled_from(["section", "point", "list", "content", "p"]))
def test_random_akoma_ntoso_nesting(depth: int, tag: str) -> None:
    xml = f"<akomaNtoso><act><body>{f'<{tag}>' * depth}(a) text{f'</{tag}>' * depth}</body></act></akomaNtoso>"
    _read_then_segment(lambda: read_text(xml, "deep.xml", "akn"))


@SETTINGS
@given(depth=st.integers(0, 1500), marker=st.sampled_from(["(a) ", "1. ", "> ", "  ", "- ", "(i) "]))
def test_random_indentation_and_numbering_nesting(depth: int, marker: str) -> None:
    text = "".join(f"{marker * i}x\n" for i in range(0, depth, max(1, depth // 50)))
    _read_then_segment(lambda: read_text(text or "x", "deep.txt", "text"))


def test_the_nested_yaml_helper_nests() -> None:
    assert _nested_yaml(["[", "{a: "], "x") == "[{a: x}]\n"
    assert Path(__file__).name.startswith("test_hostile")
