"""The engine's scopes on hand-built clause trees: inherited chapeaus, definitions, sentences, anchors."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintlaw.engine import load_rules, run_rules
from lintlaw.engine.runner import collapse_space
from lintlaw.model import Clause, Document, Outline


def build(parts: list[tuple[str, str, str, int]]) -> Outline:
    """Outline from (id, kind, text, depth) rows; each row's text is its own span, children follow."""
    text = ""
    spans = []
    for cid, kind, body, depth in parts:
        start = len(text)
        text += body + "\n"
        spans.append((cid, kind, start, start + len(body), depth))
    doc = Document(path="<test>", text=text)
    root = Clause(id="doc", label="", kind="document", start=0, end=len(text))
    stack = [root]
    for cid, kind, start, end, depth in spans:
        while len(stack) > depth + 1:
            stack.pop()
        parent = stack[-1]
        if kind == "tail":  # text after a list that belongs to the provision at ``depth - 1``
            parent.own_spans.append((start, end))
            node = parent
            while node is not None:
                node.end = max(node.end, end)
                node = node.parent
            continue
        term = None
        if kind == "definition":
            term = text[start:end].split('"')[1].lower()
        clause = Clause(id=cid, label=cid, kind=kind, start=start, end=end, depth=depth,
                        own_spans=[(start, end)], parent=parent, term=term)
        parent.children.append(clause)
        node = parent
        while node is not None:  # extend ancestors' spans over the child
            node.end = max(node.end, end)
            node = node.parent
        stack.append(clause)
    return Outline(doc, root)


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


def codes(outline: Outline, ruleset, select: str) -> list[tuple[str, str]]:
    return [(f.code, f.clause_id) for f in run_rules(outline, ruleset.subset([select]))]


def test_list_item_inherits_means_from_chapeau(ruleset):
    outline = build([
        ("s1", "section", "1. Any person who, by means of threat, deception or abuse of vulnerability,", 0),
        ("s1a", "item", "(a) recruits or transports a woman for the purpose of prostitution; or", 1),
        ("s1b", "item", "(b) harbours a person for prostitution,", 1),
        ("s1t", "text", "commits the offence of trafficking.", 0),
    ])
    assert codes(outline, ruleset, "LL102") == []


def test_list_item_without_means_is_flagged_on_its_provision(ruleset):
    outline = build([
        ("s1", "section", "1. Any person who", 0),
        ("s1a", "item", "(a) recruits or transports a woman for the purpose of prostitution; or", 1),
        ("s1b", "item", "(b) harbours a woman for prostitution,", 1),
        ("tail", "tail", "commits the offence of trafficking.", 1),
    ])
    findings = run_rules(outline, ruleset.subset(["LL102"]))
    # the trafficking element lives in the tail: one finding, on the provision that holds it
    assert [(f.clause_id, f.match) for f in findings] == [("s1", "recruits")]
    assert "harbours a woman" in findings[0].clause_text


def test_definition_applies_where_the_term_is_used(ruleset):
    outline = build([
        ("s2", "section", "2. In this Act —", 0),
        ("def_trafficking", "definition",
         '"trafficking" means the recruitment, transportation or receipt of a woman for the purpose of prostitution;', 1),
        ("s3", "section", "3. Any person who commits trafficking shall be guilty of an offence.", 0),
    ])
    findings = run_rules(outline, ruleset.subset(["LL102"]))
    assert {f.clause_id for f in findings} == {"def_trafficking", "s3"}


def test_definition_with_means_clears_the_offence(ruleset):
    outline = build([
        ("s2", "section", "2. In this Act —", 0),
        ("def_trafficking", "definition",
         '"trafficking" means the recruitment of a person by means of threat or deception for the purpose of prostitution;', 1),
        ("s3", "section", "3. Any person who recruits a person for trafficking shall be guilty of an offence.", 0),
    ])
    assert codes(outline, ruleset, "LL102") == []


def test_child_only_sentence_does_not_raise_adult_rule(ruleset):
    outline = build([("s4", "section", "(4) Where the person trafficked is a child, it is irrelevant whether the child consented.", 0)])
    assert codes(outline, ruleset, "LL101") == []


def test_women_and_children_is_not_child_only(ruleset):
    outline = build([("d", "section", "trafficking means the moving of women and children for prostitution with or "
                      "without the consent of the person.", 0)])
    assert codes(outline, ruleset, "LL101") == [("LL101", "d")]


def test_phrases_match_across_line_breaks(ruleset):
    outline = build([("s1", "section", "Whoever takes a woman away so that she may work in a brothel, with or\n"
                      "    without her consent, shall be punished.", 0)])
    assert codes(outline, ruleset, "LL101") == [("LL101", "s1")]


def test_collapse_space_maps_offsets_back():
    text = "with  or\n\twithout"
    folded, index = collapse_space(text)
    assert folded == "with or without"
    assert text[index[folded.index("without")]:].startswith("without")
    assert index[len(folded)] == len(text)


def test_absence_rule_needs_a_whole_document(ruleset):
    excerpt = build([("s1", "section", "1. Whoever commits trafficking shall be punished.", 0)])
    assert codes(excerpt, ruleset, "LL118") == []
    law = build([
        ("s1", "section", "1. Whoever commits trafficking in persons shall be punished.", 0),
        ("s2", "section", "2. The Minister may make regulations.", 0),
        ("s3", "section", "3. This Act binds the State.", 0),
        ("s4", "section", "4. The High Court has jurisdiction.", 0),
        ("s5", "section", "5. This Act comes into force on assent.", 0),
    ])
    assert codes(law, ruleset, "LL118") == [("LL118", "s1")]
    protected = build([
        *[(f"s{i}", "section", f"{i}. The Minister may make regulations.", 0) for i in range(2, 6)],
        ("s1", "section", "1. Whoever commits trafficking in persons shall be punished.", 0),
        ("s6", "section", "6. A victim shall not be punished for offences the victim was compelled to commit.", 0),
    ])
    assert codes(protected, ruleset, "LL118") == []


def test_findings_report_original_positions(ruleset):
    outline = build([("s1", "section", "Whoever\u00a0procures, even with her consent, a woman for prostitution in "
                      "another country shall be punished.", 0)])
    finding = run_rules(outline, ruleset.subset(["LL101"]))[0]
    assert outline.document.text[finding.start:finding.end] == "even with her consent"
    assert (finding.line, finding.column) == (1, outline.document.text.index("even") + 1)


def test_items_under_an_unnumbered_chapeau_inherit_its_offence(ruleset):
    from lintlaw.api import lint_text

    text = ("It shall be unlawful for any person to commit any of the following acts:\n"
            "(a) to recruit a woman for the purpose of prostitution;\n"
            "(b) to transport a woman across a border for prostitution, with or without her consent;\n")
    found = {(f.code, f.clause_label) for f in lint_text(text, ruleset=ruleset.subset(["LL101", "LL102"]))}
    assert ("LL101", "Text 1(b)") in found
    assert any(code == "LL102" for code, _ in found)


def test_a_provision_with_a_list_is_not_a_whole_document(ruleset):
    from lintlaw.api import lint_text

    text = ("3. (1) A person commits the offence of trafficking in persons if the person—\n"
            "(a) recruits another person by threat; or\n(b) harbours another person by deception,\n"
            "for the purpose of sexual exploitation.\n(2) Subsection (1) applies in the territorial sea.\n")
    assert lint_text(text, ruleset=ruleset.subset(["LL116", "LL118"])) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \n\t\r")), max_size=60))
def test_collapse_space_maps_every_position_like_a_full_index(text):
    folded, index = collapse_space(text)
    assert folded == re.sub(r"\s+", " ", text)
    expected, pos = [], 0
    for m in re.finditer(r"\s+", text):
        expected.extend(range(pos, m.start()))
        expected.append(m.start())
        pos = m.end()
    expected.extend(range(pos, len(text) + 1))
    assert [index[i] for i in range(len(folded) + 1)] == expected
