"""The segmenter on small texts, one behaviour per test: lattices, ids and labels, definitions,
provisos, chapeaux and tails, marginal notes, indentation, seeds, and what it cannot place."""

from __future__ import annotations

import textwrap
import time

from lintlaw.ingest import read_text
from lintlaw.model import ClauseSeed, Document, Outline
from lintlaw.structure import profile_of, segment


def outline(text: str, **front: str) -> Outline:
    """Segment ``text`` (dedented) with optional front matter, read as ingest reads a file."""
    body = textwrap.dedent(text).lstrip("\n")
    if front:
        body = "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n" + body
    return segment(read_text(body, "t.txt"))


def tree(out: Outline) -> list[tuple[str, str, str]]:
    return [(c.id, c.kind, c.label) for c in out.clauses()]


def own(out: Outline, clause_id: str) -> str:
    clause = out.get(clause_id)
    assert clause is not None, [c.id for c in out.clauses()]
    return " ".join(out.own_text(clause).split())


def test_commonwealth_sections_subsections_paragraphs_and_subparagraphs():
    out = outline("""
        1. Short title.
        2. (1) A person commits an offence who—
        (a) recruits another person; or
        (b) harbours another person, where—
        (i) force is used; or
        (ii) a threat is made,
        for the purpose of exploitation.
        (2) A person guilty of an offence is liable to imprisonment.
        3. Any person who—
        (a) keeps a brothel; or
        (b) lets premises,
        commits an offence.
    """)
    assert tree(out) == [
        ("sec_1", "section", "s. 1"),
        ("sec_2", "section", "s. 2"),
        ("sec_2__subsec_1", "subsection", "s. 2(1)"),
        ("sec_2__subsec_1__para_a", "paragraph", "s. 2(1)(a)"),
        ("sec_2__subsec_1__para_b", "paragraph", "s. 2(1)(b)"),
        ("sec_2__subsec_1__para_b__subpara_i", "subparagraph", "s. 2(1)(b)(i)"),
        ("sec_2__subsec_1__para_b__subpara_ii", "subparagraph", "s. 2(1)(b)(ii)"),
        ("sec_2__subsec_2", "subsection", "s. 2(2)"),
        ("sec_3", "section", "s. 3"),
        ("sec_3__para_a", "paragraph", "s. 3(a)"),
        ("sec_3__para_b", "paragraph", "s. 3(b)"),
    ]
    # a lower-case tail after nested items ends the innermost list; one after a plain list ends it
    assert own(out, "sec_2__subsec_1__para_b") == (
        "harbours another person, where— for the purpose of exploitation.")
    assert own(out, "sec_3") == "Any person who— commits an offence."
    assert own(out, "sec_3__para_b") == "lets premises,"


def test_us_lattice_subsection_paragraph_subparagraph_clause():
    out = outline("""
        § 1591. Sex trafficking

        (a) Whoever knowingly

        (1) recruits any person; or

        (2) benefits from participation,

        (b) The term "coercion" means

        (A) threats of serious harm;

        (i) to any person; or

        (B) the abuse of legal process.
    """, jurisdiction="United States")
    assert [c.label for c in out.clauses()] == [
        "§ 1591", "§ 1591(a)", "§ 1591(a)(1)", "§ 1591(a)(2)", "§ 1591(b)", "§ 1591(b)(A)",
        "§ 1591(b)(A)(i)", "§ 1591(b)(B)"]
    assert out.get("sec_1591__subsec_a__para_1").kind == "paragraph"
    assert out.get("sec_1591__subsec_b__subpara_a__cl_i").kind == "clause"
    assert out.get("sec_1591__subsec_b").term == "coercion"
    assert out.get("sec_1591").heading == "Sex trafficking"


def test_us_public_law_sections_and_run_in_headings():
    out = outline("""
        SECTION 1. SHORT TITLE.
        This Act may be cited as the Trafficking Act.
        SEC. 2. DEFINITIONS.
        In this Act:
        (1) Coercion.—The term "coercion" means threats of serious harm.
        SEC. 3. PROHIBITION.
        (a) In general.—Whoever knowingly recruits a person shall be fined.
        (b) Exception.—
        (1) Victims.—This section does not apply to a victim.
    """)
    assert profile_of(out.document).tradition.name == "us"
    assert [(c.id, c.label, c.heading) for c in out.clauses()] == [
        ("sec_1", "§ 1", "SHORT TITLE."), ("sec_2", "§ 2", "DEFINITIONS."),
        ("sec_2__para_1", "§ 2(1)", "Coercion"), ("sec_3", "§ 3", "PROHIBITION."),
        ("sec_3__subsec_a", "§ 3(a)", "In general"), ("sec_3__subsec_b", "§ 3(b)", "Exception"),
        ("sec_3__subsec_b__para_1", "§ 3(b)(1)", "Victims")]
    assert out.get("sec_2__para_1").term == "coercion"
    assert own(out, "sec_3__subsec_a") == "Whoever knowingly recruits a person shall be fined."
    assert own(out, "sec_3__subsec_b") == ""


def test_us_code_headings_on_numbered_lines():
    out = outline("""
        § 7102. Definitions

        (e) Effect on other laws

        (1) No effect on criminal law

        Nothing in this section shall be construed to impair any law.
    """, jurisdiction="United States")
    assert out.get("sec_7102__subsec_e").heading == "Effect on other laws"
    assert own(out, "sec_7102__subsec_e") == ""
    assert out.get("sec_7102__subsec_e__para_1").heading == "No effect on criminal law"
    assert own(out, "sec_7102__subsec_e__para_1").startswith("Nothing in this section")


def test_civil_law_articles_chapters_and_depth_named_levels():
    out = outline("""
        I

        General provisions

        Article 3

        Use of terms

        For the purposes of this Protocol:
        a) "Trafficking in persons" shall mean the recruitment of persons;
        b) The consent of a victim shall be irrelevant.

        Art. 3 bis

        1. Each State Party shall adopt measures:
        a) to prevent trafficking;
        i) in particular of women;
        2. Each State Party shall cooperate.
    """)
    assert tree(out) == [
        ("ch_i", "chapter", "Chapter I"),
        ("art_3", "article", "Art. 3"),
        ("art_3__para_a", "definition", "Art. 3(a)"),
        ("art_3__para_b", "paragraph", "Art. 3(b)"),
        ("art_3_bis", "article", "Art. 3 bis"),
        ("art_3_bis__para_1", "paragraph", "Art. 3 bis(1)"),
        ("art_3_bis__para_1__subpara_a", "subparagraph", "Art. 3 bis(1)(a)"),
        ("art_3_bis__para_1__subpara_a__item_i", "item", "Art. 3 bis(1)(a)(i)"),
        ("art_3_bis__para_2", "paragraph", "Art. 3 bis(2)"),
    ]
    assert out.get("ch_i").heading == "General provisions"
    assert out.get("art_3").heading == "Use of terms"
    assert out.get("art_3__para_a").term == "Trafficking in persons"
    assert profile_of(out.document).tradition.name == "civil"


def test_german_paragraphs_absatze_nummern_buchstaben():
    out = outline("""
        Abschnitt 1 - Allgemeines

        § 2 Begriffsbestimmungen
        (1) Prostituierte sind Personen, die sexuelle Dienstleistungen erbringen.
        (2) Ein Betrieb ist verboten, wenn
        1. er ohne Erlaubnis geführt wird,
        2. die Person
        a) unter 18 Jahre alt ist oder
        aa) schwanger ist,
        b) gezwungen wird.
        Das gilt auch für Stellvertreter.
        § 3 (1) Wer arbeiten will, meldet sich an.
    """, language="de")
    labels = {c.id: c.label for c in out.clauses()}
    assert labels["sec_2__subsec_2__para_2__subpara_a"] == "§ 2(2) Nr. 2 Buchst. a"
    assert labels["sec_2__subsec_2__para_2__subpara_a__cl_aa"] == "§ 2(2) Nr. 2 Buchst. a Doppelbuchst. aa"
    assert out.get("sec_2__subsec_1").term == "Prostituierte"
    assert own(out, "sec_2__subsec_2").endswith("Das gilt auch für Stellvertreter.")
    assert out.get("sec_3__subsec_1").label == "§ 3(1)"
    assert out.get("div_1").label == "Abschnitt 1" and out.get("sec_2").parent.id == "div_1"


def test_letter_i_after_h_and_roman_i_under_an_item_that_introduces_a_list():
    out = outline("""
        5. The Minister shall—
        (g) publish reports;
        (h) keep records;
        (i) consult the public.
        6. The Minister may refuse a permit to an employer who is
        (h) engaged in any business which
        (i) offers erotic services; or
        (ii) is in default.
    """)
    assert out.get("sec_5__para_i").kind == "paragraph"
    assert out.get("sec_6__para_h__subpara_i").kind == "subparagraph"
    assert out.get("sec_6__para_h__subpara_ii").label == "s. 6(h)(ii)"


def test_definitions_in_an_interpretation_section_are_clauses_of_their_own():
    out = outline("""
        2. In this Act, unless the context otherwise requires—
        "child" means a person under eighteen;
        "exploitation" includes—
        (a) forced labour; and
        (b) slavery;
        The term "coercion" means threats of harm;
        "Child" shall mean any person under eighteen;
        3. In this Part, "victim" means a person who is trafficked.
    """)
    assert [(c.id, c.term) for c in out.get("sec_2").children] == [
        ("sec_2__def_child", "child"), ("sec_2__def_exploitation", "exploitation"),
        ("sec_2__def_coercion", "coercion"), ("sec_2__def_child__2", "Child")]
    assert out.get("sec_2__def_exploitation__para_b").label == 's. 2 "exploitation"(b)'
    assert out.get("sec_2__def_child").label == 's. 2 "child"'
    assert own(out, "sec_3") == "In this Part,"
    assert out.get("sec_3__def_victim").term == "victim"
    assert set(out.definitions()) == {"child", "exploitation", "coercion", "victim"}


def test_unquoted_terms_are_definitions_only_in_an_interpretation_provision():
    out = outline("""
        4. A trafficker means nothing here, this is not a definitions section.
        14. In this Act, unless the context otherwise requires
            - Interpretation.
            - child means a person who has not attained the age of eighteen years;
            - traffickers means any person engaged in trafficking;
    """)
    assert out.get("sec_14").heading == "Interpretation."
    assert [c.term for c in out.get("sec_14").children] == ["child", "traffickers"]
    assert not out.get("sec_4").children


def test_provisos_are_clauses_and_inline_provisos_stay_in_their_sentence():
    out = outline("""
        5. (1) A victim shall receive assistance.
        Provided that the victim consents.
        (2) A permit shall be issued provided that the victim cooperates.
    """)
    proviso = out.get("sec_5__subsec_1__proviso")
    assert proviso.kind == "proviso" and proviso.label == "s. 5(1) proviso"
    assert own(out, "sec_5__subsec_1__proviso") == "Provided that the victim consents."
    assert "provided that the victim cooperates" in own(out, "sec_5__subsec_2")


def test_marginal_notes_name_the_clause_they_annotate():
    out = outline("""
        Marginal note: Obtaining sexual services
        286.1
          (1) Everyone who obtains sexual services is guilty of an offence.
          Marginal note: Subsequent offences
          (2) In determining whether an offence is a subsequent offence, earlier offences count.
        Marginal note: Advertising
        286.4 Everyone who advertises sexual services is guilty of an offence.
    """)
    assert out.get("sec_286_1").heading == "Obtaining sexual services"
    assert out.get("sec_286_1__subsec_2").heading == "Subsequent offences"
    assert out.get("sec_286_4").heading == "Advertising"
    assert own(out, "sec_286_4").startswith("Everyone who advertises")
    assert not [c for c in out.clauses() if "Marginal" in own(out, c.id)]


def test_indentation_nests_and_dash_lines_are_notes_tails_or_bullets():
    out = outline("""
        0.
            1. Any person who
                - Offence of trafficking.
                i. keeps a brothel ;
                    ii. lets premises,
                        - a building used for prostitution, shall be guilty of an offence.
            2. Any person who attempts it
                - shall be guilty of an offence.
    """)
    assert [c.id for c in out.root.children] == ["sec_1", "sec_2"]
    assert out.get("sec_1").heading == "Offence of trafficking."
    assert [c.id for c in out.get("sec_1").children] == ["sec_1__subpara_i", "sec_1__subpara_ii"]
    assert own(out, "sec_1").endswith("shall be guilty of an offence.")
    assert own(out, "sec_2") == "Any person who attempts it shall be guilty of an offence."


def test_bullets_after_a_chapeau_are_indents():
    out = outline("""
        Article 32

        The Parties shall co-operate for the purpose of:

        – preventing trafficking;

        – protecting victims.
    """)
    assert [c.label for c in out.get("art_32").children] == ["Art. 32, indent 1", "Art. 32, indent 2"]


def test_preamble_title_and_closing_formula():
    out = outline("""
        Protocol to Prevent Trafficking

        Preamble
        The States Parties to this Protocol,
        Declaring that action is needed,
        Have agreed as follows:

        Article 1

        1. This Protocol supplements the Convention.

        IN WITNESS WHEREOF, the undersigned have signed this Protocol.
    """)
    assert [(c.id, c.kind) for c in out.root.children] == [
        ("text_1", "text"), ("preamble", "preamble"), ("art_1", "article"), ("text_2", "text")]
    assert own(out, "preamble").endswith("Have agreed as follows:")
    assert out.get("text_2").label == "Text 2"


def test_capitals_and_markdown_headings_group_the_sections_below_them():
    out = outline("""
        SHORT TITLE
        1. This Act may be cited as the Act.

        ## Part 2 — Offences

        2. A person commits an offence.

        ## Victims

        3. Victims shall be protected.
    """)
    assert [(c.id, [k.id for k in c.children]) for c in out.root.children] == [
        ("hd_short_title", ["sec_1"]), ("part_2", ["sec_2"]), ("hd_victims", ["sec_3"])]
    assert out.get("part_2").heading == "Offences"


def test_duplicate_ids_are_numbered_in_document_order():
    out = outline("""
        Article 1

        The Parties agree.

        Article 1

        The Governments declare.
    """)
    assert [c.id for c in out.clauses()] == ["art_1", "art_1__2"]


def test_prose_it_cannot_place_becomes_text_clauses():
    out = outline("""
        This is a memo.
        It has no numbering at all.

        A second paragraph.
    """)
    assert [(c.id, c.kind, c.num) for c in out.clauses()] == [("text_1", "text", None),
                                                              ("text_2", "text", None)]
    assert own(out, "text_1") == "This is a memo. It has no numbering at all."


def test_empty_and_blank_documents_give_an_empty_tree():
    for text in ("", "\n\n  \n", "---\n---\n"):
        out = segment(Document(path="x", text=text))
        assert out.root.id == "doc" and out.root.kind == "document" and not out.root.children


def test_front_matter_is_outside_the_tree_and_can_name_the_tradition():
    out = outline("""
        1. (a) first
        (b) second
    """, tradition="us", title="T")
    assert out.root.start == out.document.body_start
    assert out.get("sec_1__subsec_a").kind == "subsection"  # US: (a) is a subsection


def test_seeds_give_the_tree_instead_of_the_numbering():
    text = "Article 5 Scope\nThis applies.\n(a) first point;\n(b) second point.\nDone at Vienna."
    seeds = [ClauseSeed("article", 0, 65, 0, num="Article 5", heading="Scope"),
             ClauseSeed("point", 30, 46, 1, num="(a)"), ClauseSeed("point", 47, 65, 1, num="(b)")]
    out = segment(Document(path="x", text=text, seeds=seeds))
    assert [(c.id, c.label) for c in out.clauses()] == [
        ("art_5", "Art. 5"), ("art_5__para_a", "Art. 5(a)"), ("art_5__para_b", "Art. 5(b)"),
        ("text_1", "Text 1")]
    assert own(out, "art_5") == "This applies."
    assert own(out, "art_5__para_a") == "first point;"


def test_runaway_nesting_is_capped():
    text = "".join(" " * depth + "(a) and the following:\n" for depth in range(2000))
    out = segment(Document(path="x", text=text))
    assert max(c.depth for c in out.clauses()) <= 40
    assert sum(1 for _ in out.clauses()) == 2000


def test_a_long_document_is_segmented_in_linear_time():
    section = ("{n}. (1) Any person who recruits, transports or harbours a person for the purpose "
               "of exploitation commits an offence.\n(a) a first case;\n(b) a second case,\n"
               "shall be liable on conviction.\n(2) Provided that nothing applies to a victim.\n")
    text = "".join(section.format(n=n) for n in range(1, 6000))
    assert len(text) > 1_200_000
    started = time.perf_counter()
    out = segment(Document(path="big.txt", text=text))
    elapsed = time.perf_counter() - started
    assert elapsed < 10, elapsed
    assert out.get("sec_5999__subsec_1__para_b").label == "s. 5999(1)(b)"
    assert sum(1 for c in out.clauses() if c.kind == "section") == 5999


def test_wrapped_line_with_by_means_of_is_not_a_definition():
    from lintlaw.ingest import read_text
    from lintlaw.structure import segment

    text = ('2. In this Act—\n"trafficking in persons" means the recruitment, transportation or receipt\n'
            'of a person by means of threat, force or deception for the purpose of\nexploitation;\n'
            '"child" means a person under 18.\n')
    terms = [c.term for c in segment(read_text(text, path="w.md")).clauses() if c.kind == "definition"]
    assert terms == ["trafficking in persons", "child"]


def test_unnumbered_chapeau_owns_the_list_it_introduces():
    from lintlaw.ingest import read_text
    from lintlaw.structure import segment

    text = ("It shall be unlawful for any person to commit any of the following acts:\n"
            "(a) to recruit a woman for the purpose of prostitution;\n"
            "(b) to transport a woman across a border for prostitution;\n"
            "(c) to maintain a house of prostitution.\n")
    outline = segment(read_text(text, path="c.md"))
    chapeau = outline.root.children[0]
    assert [c.num for c in chapeau.children] == ["a", "b", "c"]
    assert outline.own_text(chapeau).startswith("It shall be unlawful")
