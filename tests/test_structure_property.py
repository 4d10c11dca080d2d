"""Hypothesis: the segmenter never raises and always returns a well-formed tree.

Well-formed: every span lies inside the text and inside its parent, siblings are ordered and do
not overlap, own spans lie inside their clause and outside every child, ids are unique. Inputs are
arbitrary text and text assembled from legal-looking pieces (numbers, keywords, indentation,
definitions, marginal notes), so the interesting branches are reached, plus random seeds.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lintlaw.model import ClauseSeed, Document, Outline
from lintlaw.structure import segment

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))

PIECES = [
    "\n", "\n\n", "  ", "    ", "\t", "\r", "(1) ", "(2) ", "(a) ", "(b) ", "(h) ", "(i) ", "(ii) ",
    "(A) ", "(I) ", "(b.1) ", "(lii.1) ", "1. ", "2. ", "a) ", "b. ", "i. ", "1° ", "- ", "– ",
    "Article 3", "Art. 2 bis", "Article premier", "§ 4 ", "§ 7102. Definitions", "Section 5.",
    "CHAPTER II", "PART 1", "Title 22— X", "Abschnitt 1 - X", "I\n", "II\n", "Preamble\n",
    "Whereas ", "Considering ", '"child" means ', "“child” means ", "child means ", "In this Act, ",
    "In this Act, unless the context otherwise requires", "Provided that ", "Marginal note: x\n",
    "Marginal note: child\n", "SCHEDULE", "- SCHEDULE (x)", "IN WITNESS WHEREOF", "286.1\n",
    "183\n", "0.\n", "SHORT TITLE\n", "The term “x” means ", "Begriffsbestimmungen\n",
    "Eine Sache ist ", "## Part 2 — Y\n", "# Title\n", "3. (1) ", "§ 3 (1) ", "text ", "Word ",
    ":", ";", ".", ",", "—", "“", "”", "following:", "who is", "and", "or",
]
METADATA = st.sampled_from([{}, {"jurisdiction": "United States"}, {"tradition": "civil"},
                            {"tradition": "german"}, {"tradition": "commonwealth"}])


def assert_well_formed(outline: Outline) -> None:
    text = outline.document.text
    ids: set[str] = set()
    for clause in outline.root.walk():
        assert clause.id not in ids, clause.id
        ids.add(clause.id)
        assert 0 <= clause.start <= clause.end <= len(text), clause.id
        cursor = clause.start
        for child in clause.children:
            assert child.parent is clause
            assert child.depth == clause.depth + 1
            assert cursor <= child.start < child.end <= clause.end, (clause.id, child.id)
            cursor = child.end
        cursor = clause.start
        for start, end in clause.own_spans:
            assert cursor <= start < end <= clause.end, (clause.id, clause.own_spans)
            cursor = end
            for child in clause.children:
                assert end <= child.start or start >= child.end, (clause.id, child.id)
        assert clause.id and (clause.kind == "document" or clause.label), clause.id
        if clause.kind == "definition":
            assert clause.term


@SETTINGS
@given(st.text(max_size=400), st.integers(min_value=0, max_value=60))
def test_arbitrary_text_gives_a_well_formed_tree(text: str, body_start: int) -> None:
    assert_well_formed(segment(Document(path="x", text=text, body_start=body_start)))


@SETTINGS
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=70),
       st.sampled_from(["en", "de", "fr"]), METADATA)
def test_legal_looking_text_gives_a_well_formed_tree(pieces, language, metadata) -> None:
    document = Document(path="x", text="".join(pieces), language=language, metadata=metadata)
    assert_well_formed(segment(document))


INDENTED = ["\n", "\n  ", "\n    ", "\n      ", "\n        ", "(1) x", "(2) y:", "(a) y", "(b) r;",
            "(i) z", "(ii) w", "1. t", "2.", "a. u", "- v", "- Note.", "- term means x",
            "- lower tail", "Marginal note: m", "286.1", "286.2", "CAPS LINE", "Text line."]


@SETTINGS
@given(st.lists(st.sampled_from(INDENTED), max_size=90))
def test_indented_text_gives_a_well_formed_tree(pieces) -> None:
    assert_well_formed(segment(Document(path="x", text="".join(pieces))))


SEED_KINDS = ["article", "section", "chapter", "part", "paragraph", "point", "list", "intro",
              "definition", "proviso", "preamble", "subparagraph", "indent", "hcontainer", "odd"]
SEEDS = st.lists(st.builds(
    ClauseSeed, kind=st.sampled_from(SEED_KINDS), start=st.integers(-5, 260),
    end=st.integers(-5, 260), depth=st.integers(0, 4),
    num=st.none() | st.sampled_from(["1", "(a)", "3 bis", "Article 2", "", "ii"]),
    heading=st.none() | st.text(max_size=6), term=st.none() | st.text(min_size=1, max_size=6),
), max_size=15)


@SETTINGS
@given(st.text(max_size=250), SEEDS)
def test_any_seeds_give_a_well_formed_tree(text: str, seeds: list[ClauseSeed]) -> None:
    assert_well_formed(segment(Document(path="x", text=text, seeds=seeds)))
