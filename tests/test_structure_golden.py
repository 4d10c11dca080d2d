"""Outlines of real instruments, pinned by golden files and by facts checked against the sources.

Each golden file under tests/golden/outline/ is the JSON ``lintlaw outline --format json`` prints
for one file of corpus/laws (or corpus/bills). They were read line by line against the source
texts; the facts below restate the points that matter most, so a regenerated golden file cannot
quietly drop them.

Regenerate the golden files with:
    LINTLAW_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_structure_golden.py
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from lintlaw.ingest import read_path
from lintlaw.model import Outline
from lintlaw.structure import profile_of, segment
from lintlaw.structure.render import outline_dict

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "outline"
CORPUS_FILES = sorted((ROOT / "corpus" / "laws").glob("*.txt")) + sorted(
    (ROOT / "corpus" / "bills").glob("*.md"))
GOLDEN_FILES = [
    "corpus/laws/un_palermo-protocol_2000.txt",
    "corpus/laws/lk_saarc-convention-implementation-act_2005.txt",
    "corpus/laws/ca_pcepa-criminal-code-286_2014.txt",
    "corpus/laws/us_tvpa-definitions-22usc7102_2000.txt",
    "corpus/laws/de_prostschg_2016.txt",
    "corpus/laws/coe_trafficking-convention_2005.txt",
    "corpus/laws/ca_irpr-sex-industry-work-bar_2012.txt",
    "corpus/laws/us_18usc2421A-1591-47usc230e_2018.txt",
    "corpus/bills/anti-trafficking-bill-conflated.md",
]

_CACHE: dict[str, Outline] = {}


def outline_of(relative: str) -> Outline:
    if relative not in _CACHE:
        _CACHE[relative] = segment(read_path(ROOT / relative, display=relative))
    return _CACHE[relative]


def golden_json(relative: str) -> str:
    outline = outline_of(relative)
    data = outline_dict(outline, profile_of(outline.document).tradition.name)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("relative", GOLDEN_FILES, ids=[Path(p).stem for p in GOLDEN_FILES])
def test_outline_matches_its_golden_file(relative: str) -> None:
    path = GOLDEN / (Path(relative).stem + ".json")
    text = golden_json(relative)
    if os.environ.get("LINTLAW_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with LINTLAW_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"{path.name} differs; see the module docstring"


def _child_ids(outline: Outline, clause_id: str) -> list[str]:
    clause = outline.get(clause_id)
    assert clause is not None, clause_id
    return [c.id for c in clause.children]


def _own(outline: Outline, clause_id: str) -> str:
    clause = outline.get(clause_id)
    assert clause is not None, clause_id
    return " ".join(outline.own_text(clause).split())


def test_palermo_article_3_has_its_four_subparagraphs():
    outline = outline_of(GOLDEN_FILES[0])
    assert _child_ids(outline, "art_3") == [f"art_3__para_{x}" for x in "abcd"]
    assert _own(outline, "art_3") == "For the purposes of this Protocol:"
    a, b, d = (outline.get(f"art_3__para_{x}") for x in "abd")
    assert (a.kind, a.term, a.label) == ("definition", "Trafficking in persons", "Art. 3(a)")
    assert (b.kind, b.label) == ("paragraph", "Art. 3(b)")
    assert _own(outline, "art_3__para_b").startswith("The consent of a victim of trafficking")
    assert (d.kind, d.term) == ("definition", "Child")
    assert outline.get("art_3").heading == "Use of terms"
    assert outline.get("art_3").parent.id == "ch_i"
    assert outline.get("art_5__para_2__subpara_c").label == "Art. 5(2)(c)"
    assert outline.get("preamble").kind == "preamble"
    assert [c.id for c in outline.root.children][-1] == "text_2"  # IN WITNESS WHEREOF


def test_sri_lanka_interpretation_section_defines_each_term_separately():
    outline = outline_of(GOLDEN_FILES[1])
    terms = ["child", "persons subjected to trafficking", "prostitution", "repatriation",
             "traffickers", "trafficking"]
    section = outline.get("sec_14")
    assert section.heading == "Interpretation."
    assert [(c.kind, c.term) for c in section.children] == [("definition", t) for t in terms]
    child = outline.get("sec_14__def_child")
    assert child.label == 's. 14 "child"'
    assert _own(outline, "sec_14__def_child") == (
        "child means a person who has not attained the age of eighteen years;")
    assert set(outline.definitions()) == set(terms)


def test_sri_lanka_section_2_items_and_the_tail_that_follows_them():
    outline = outline_of(GOLDEN_FILES[1])
    assert outline.get("sec_2").heading == "Offence of trafficking of women and children for prostitution."
    assert _child_ids(outline, "sec_2__subsec_1") == [
        "sec_2__subsec_1__subpara_i", "sec_2__subsec_1__subpara_ii", "sec_2__subsec_1__subpara_iii"]
    subsection = outline.get("sec_2__subsec_1")
    chapeau, tail = (outline.document.text[s:e] for s, e in subsection.own_spans)
    assert chapeau == "Any person who"
    assert tail.startswith("a building or other place or any part thereof")
    assert tail.endswith("shall be guilty of an offence under this Act.")
    assert outline.get("sec_2__subsec_1__subpara_ii").label == "s. 2(1)(ii)"
    assert _own(outline, "sec_4").endswith("having regard to the grave nature of the offences committed.")
    assert [c.id for c in outline.get("sch").children][-1] == "sch__para_g"


def test_pcepa_adds_criminal_code_section_286_1_with_its_subsections():
    outline = outline_of(GOLDEN_FILES[2])
    section = outline.get("sec_286_1")
    assert section.parent.id == "sec_20"
    assert section.heading == "Obtaining sexual services for consideration"
    assert _child_ids(outline, "sec_286_1") == [f"sec_286_1__subsec_{n}" for n in range(1, 6)]
    clause = outline.get("sec_286_1__subsec_1__para_a__subpara_i__cl_a")
    assert clause.label == "s. 286.1(1)(a)(i)(A)" and clause.kind == "clause"
    assert _own(outline, "sec_286_1__subsec_1").startswith("Everyone who, in any place, obtains")
    assert [c.id for c in outline.get("sec_20").children] == [f"sec_286_{n}" for n in range(1, 6)]
    assert outline.get("sec_286_2__subsec_3").heading == "Presumption"
    assert outline.get("sec_1").parent.id == "hd_short_title"


def test_22_usc_7102_numbers_paragraphs_and_subparagraphs_the_us_way():
    outline = outline_of(GOLDEN_FILES[3])
    assert outline.get("sec_7102").heading == "Definitions"
    coercion = outline.get("sec_7102__para_3")
    assert (coercion.kind, coercion.term, coercion.heading) == ("definition", "coercion", "Coercion")
    assert _own(outline, "sec_7102__para_3") == "The term “coercion” means"
    assert _child_ids(outline, "sec_7102__para_3") == [f"sec_7102__para_3__subpara_{x}" for x in "abc"]
    assert outline.get("sec_7102__para_3__subpara_b").label == "§ 7102(3)(B)"
    assert outline.get("sec_7102__para_10__subpara_a__cl_ix").label == "§ 7102(10)(A)(ix)"
    assert outline.get("sec_7102__para_5__subpara_i").num == "I"  # the letter after (H)
    assert len([c for c in outline.clauses() if c.kind == "definition"]) == 18


def test_prostschg_numbers_paragraphs_absatze_and_nummern():
    outline = outline_of(GOLDEN_FILES[4])
    assert outline.get("sec_2").heading == "Begriffsbestimmungen"
    assert outline.get("sec_2__subsec_2").term == "Prostituierte"
    assert outline.get("sec_2__subsec_3__para_2").label == "§ 2(3) Nr. 2"
    assert outline.get("sec_15__subsec_1__para_1__subpara_a").label == "§ 15(1) Nr. 1 Buchst. a"
    assert _own(outline, "sec_6__subsec_1").endswith(
        "Das Lichtbild ist untrennbar mit der Anmeldebescheinigung zu verbinden.")
    assert outline.get("sec_1").parent.id == "div_1"
    assert outline.get("div_1").label == "Abschnitt 1"


def test_council_of_europe_convention_chapters_articles_and_definitions():
    outline = outline_of(GOLDEN_FILES[5])
    assert [c.id for c in outline.root.children if c.kind == "chapter"] == [
        f"ch_{n}" for n in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")]
    assert [(c.id, c.term) for c in outline.get("art_4").children if c.kind == "definition"] == [
        ("art_4__para_a", "Trafficking in human beings"), ("art_4__para_d", "Child"),
        ("art_4__para_e", "Victim")]
    assert _child_ids(outline, "art_32") == [f"art_32__indent_{n}" for n in (1, 2, 3)]
    assert outline.get("art_32__indent_2").label == "Art. 32, indent 2"
    assert outline.get("art_26").heading == "Non-punishment provision"


def test_conflated_bill_reads_parts_sections_and_the_tail_of_section_4():
    outline = outline_of(GOLDEN_FILES[8])
    assert [c.id for c in outline.root.children] == ["text_1", "part_1", "part_2", "part_3"]
    assert _child_ids(outline, "sec_3") == ["sec_3__subsec_1", "sec_3__subsec_2"]
    assert _own(outline, "sec_4") == "Any person who— commits an offence of trafficking in persons."


@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_every_corpus_file_segments_quickly(path: Path) -> None:
    document = read_path(path)
    started = time.perf_counter()
    outline = segment(document)
    assert time.perf_counter() - started < 2.0
    clauses = list(outline.clauses())
    assert clauses, path.name
    assert len({c.id for c in clauses}) == len(clauses)
    assert all(c.start < c.end for c in clauses)
