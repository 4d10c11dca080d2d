"""Element analysis on hand-written clauses: the matcher, victims, ages, consent, limbs and uses."""

from __future__ import annotations

import pytest

from lintlaw.protocol import consent as consent_mod
from lintlaw.protocol.ages import age_thresholds
from lintlaw.protocol.compare import compare_outline
from lintlaw.protocol.lexicon import get_matcher
from lintlaw.protocol.locate import is_trafficking_term
from lintlaw.protocol.victims import classify, victim_groups
from test_compare_support import build, by_term


@pytest.fixture(scope="module")
def matcher():
    return get_matcher("en")


def elements(matcher, text: str, category: str) -> list[tuple[str, str]]:
    return [(m.element, m.text) for m in matcher.find(text) if m.category == category]


def test_longest_phrase_wins(matcher):
    text = "for the exploitation of the prostitution of others or forced labour"
    assert elements(matcher, text, "purposes") == [
        ("exploitation-of-prostitution", "exploitation of the prostitution of others"),
        ("forced-labour", "forced labour"),
    ]
    assert elements(matcher, text, "means") == []  # "forced" is part of the purpose, not the means force


def test_the_name_of_trafficking_is_not_an_act(matcher):
    text = "sex trafficking in which a commercial sex act is induced by force"
    acts = elements(matcher, text, "acts")
    assert ("transfer", "trafficking in") not in acts
    assert [a for a, _ in acts] == ["recruitment"]  # "induced"


def test_a_means_with_or_without_is_optional(matcher):
    text = "the transport of a person with or without the use of force"
    hits = [m for m in matcher.find(text) if m.category == "means"]
    assert [(m.element, m.optional) for m in hits] == [("force", True)]


def test_an_ambiguous_term_is_a_purpose_after_purpose_words(matcher):
    purpose = elements(matcher, "for the purpose of subjection to debt bondage", "purposes")
    assert purpose == [("forced-labour", "debt bondage")]
    assert elements(matcher, "who recruits a person by debt bondage", "means") == [("coercion", "debt bondage")]


def test_variants_laws_use_map_to_protocol_elements(matcher):
    text = "Whoever harbors, moves, sells, buys or procures a person by taking advantage of the vulnerability"
    assert {e for e, _ in elements(matcher, text, "acts")} == {"harbouring", "transportation", "transfer", "receipt"}
    assert elements(matcher, text, "means") == [("abuse-of-vulnerability", "taking advantage of the vulnerability")]


@pytest.mark.parametrize("text, expected", [
    ("the recruitment of persons, especially women and children", "persons"),
    ("the moving, selling or buying of women and children for prostitution", "women-and-children"),
    ("procures a woman or girl for prostitution", "women"),
    ("recruits a child for exploitation", "children"),
    ("recruits a migrant for exploitation", "other"),
])
def test_victims_are_the_object_of_the_acts(text, expected):
    groups, _ = victim_groups(text, text.index(" ", 4))
    assert classify(groups) == expected


@pytest.mark.parametrize("text, age", [
    ('"Child" shall mean any person under eighteen years of age.', 18),
    ("a person who has not attained the age of 16 years", 16),
    ("the person induced to perform such act has not attained 18 years of age", 18),
    ("any girl below the age of fourteen", 14),
])
def test_age_thresholds(text, age):
    assert [a.age for a in age_thresholds(text)] == [age]


@pytest.mark.parametrize("text, scoped, child_only", [
    ("The consent of a victim to the intended exploitation shall be irrelevant where any of the means set "
     "forth in subparagraph a) have been used.", True, False),
    ("The consent of the person is immaterial where it was obtained by deception or coercion.", True, False),
    ("trafficking means the moving of women for prostitution with or without the consent of the person.", False, False),
    ("It shall be no defence that the person concerned agreed to travel.", False, False),
    ("Where the person trafficked is a child, it is irrelevant whether the child consented.", False, True),
])
def test_consent_statements_and_their_scope(matcher, text, scoped, child_only):
    [statement] = consent_mod.consent_statements(text, 100, matcher)
    assert (statement.scoped, statement.child_only) == (scoped, child_only)
    assert statement.start >= 100


@pytest.mark.parametrize("text", [
    "Consent obtained by deception is not consent.",
    "payments or benefits to achieve the consent of a person having control over another person",
    "with the consent of the Minister",
])
def test_mentions_of_consent_that_set_nothing_aside(matcher, text):
    assert consent_mod.consent_statements(text, 0, matcher) == []


def test_consent_classification_prefers_unscoped_adult_statements():
    def st(scoped, child):
        return consent_mod.ConsentStatement(0, 1, "x", "irrelevant", scoped, child)
    assert consent_mod.classify([st(True, False), st(False, True)])[0] == "scoped"
    assert consent_mod.classify([st(True, False), st(False, False)])[0] == "unscoped"
    assert consent_mod.classify([st(False, True)])[0] == "absent"


@pytest.mark.parametrize("term, expected", [
    ("trafficking", True), ("Trafficking in persons", True), ("sex trafficking", True),
    ("severe forms of trafficking in persons", True), ("trafficking in human beings", True),
    ("victim of trafficking", False), ("traffickers", False), ("persons subjected to trafficking", False),
    ("minimum standards for the elimination of trafficking", False), ("grounds related to human trafficking", False),
    ("child", False),
])
def test_which_defined_terms_name_trafficking(term, expected):
    assert is_trafficking_term(term) is expected


def test_items_joined_by_or_are_alternative_limbs():
    outline = build([
        ("s1", "s. 1", 'In this Act "trafficking" means', 0, "1"),
        ("s1a", "s. 1(a)", "(a) the recruitment of a person by force for the purpose of exploitation; or", 1, "a"),
        ("s1b", "s. 1(b)", "(b) the transport of a woman for the purpose of prostitution.", 1, "b"),
    ])
    analysis = by_term(compare_outline(outline), "trafficking")
    assert len(analysis.site.limbs) == 2
    assert analysis.profile.means_required_for_adults is False  # limb (b) needs no means
    assert analysis.profile.victims == "persons"


def test_items_joined_by_and_are_one_limb():
    outline = build([
        ("s1", "s. 1", 'In this Act "trafficking" means', 0, "1"),
        ("s1a", "s. 1(a)", "(a) the recruitment or transport of a person;", 1, "a"),
        ("s1b", "s. 1(b)", "(b) by means of force, deception or abuse of a position of vulnerability; and", 1, "b"),
        ("s1c", "s. 1(c)", "(c) for the purpose of exploitation.", 1, "c"),
    ])
    analysis = by_term(compare_outline(outline), "trafficking")
    assert len(analysis.site.limbs) == 1
    assert analysis.profile.means_required_for_adults is True


def test_a_child_only_limb_needs_no_means():
    outline = build([
        ("s1", "s. 1", 'In this Act "trafficking" means', 0, "1"),
        ("s1a", "s. 1(a)", "(a) the recruitment of a person by deception for the purpose of exploitation; or", 1, "a"),
        ("s1b", "s. 1(b)", "(b) the recruitment of a child for the purpose of exploitation.", 1, "b"),
    ])
    analysis = by_term(compare_outline(outline), "trafficking")
    assert analysis.profile.means_required_for_adults is True
    assert [limb.child_only for limb in analysis.profile.limbs] == [False, True]


def test_a_definition_used_inside_another_lends_its_elements():
    outline = build([
        ("p1", "(1)", '(1) The term "sex trafficking" means the recruitment, harboring or transportation of a '
                      "person for the purpose of a commercial sex act.", 0, "1"),
        ("p2", "(2)", '(2) The term "severe trafficking" means sex trafficking in which the act is induced by force '
                      "or fraud.", 0, "2"),
    ])
    comparison = compare_outline(outline)
    sex, severe = by_term(comparison, "sex trafficking"), by_term(comparison, "severe trafficking")
    assert sex.profile.means_required_for_adults is False
    assert severe.profile.means_required_for_adults is True
    assert severe.profile.tables["acts"].found == ["recruitment", "transportation", "harbouring"]
    assert severe.profile.tables["means"].found == ["force", "fraud"]
    assert [u.term for u in severe.uses] == ["sex trafficking"]


def test_as_defined_in_section_n_is_resolved():
    outline = build([
        ("s2", "s. 2", '2. In this Act, "trafficking" means the recruitment of a person by deception for the '
                       "purpose of exploitation.", 0, "2"),
        ("s5", "s. 5", "5. Any person who commits trafficking as defined in section 2 is guilty of an offence.",
         0, "5"),
    ])
    comparison = compare_outline(outline)
    offence = next(a for a in comparison.analyses if a.site.kind == "offence")
    assert offence.clause.id == "s5"
    assert [u.clause.id for u in offence.uses] == ["s2"]
    assert offence.profile.means_required_for_adults is True
    assert offence.profile.tables["acts"].found == ["recruitment"]


def test_offences_about_victims_or_road_traffic_are_not_trafficking_offences():
    outline = build([
        ("s1", "s. 1", "1. Any person who publishes the name of a victim of trafficking is guilty of an offence.",
         0, "1"),
        ("s2", "s. 2", "2. Every person who stops a vehicle and impedes traffic for the purpose of obtaining sexual "
                       "services is guilty of an offence.", 0, "2"),
    ])
    assert compare_outline(outline).analyses == []


def test_departures_are_findings_of_the_check_type():
    outline = build([
        ("s1", "s. 1", '1. "trafficking" means the moving or selling of women and girls for prostitution, '
                       "with or without their consent.", 0, "1"),
        ("s2", "s. 2", '2. "child" means a person under the age of 16 years.', 0, "2"),
    ], path="bill.txt")
    findings = compare_outline(outline).findings
    assert sorted(f.code for f in findings) == ["LL101", "LL102", "LL115", "LL201"]
    for f in findings:
        assert f.origin == "compare" and f.stance == "protocol" and f.file == "bill.txt"
        assert f.fingerprint and len(f.fingerprint) == 16
        assert "departs from Art. 3" in f.message and "violat" not in f.message
    by_code = {f.code: f for f in findings}
    assert by_code["LL201"].match == "under the age of 16 years"
    assert by_code["LL101"].clause_id == "s1"
    assert by_code["LL115"].message.count("women") == 1


def test_a_definition_split_over_lines_is_read_to_the_end_of_its_sentence():
    outline = build([
        ("d1", "d1", '"Trafficking in persons" means the recruitment, transportation or receipt', 0, ""),
        ("d2", "d2", "of a person by means of threat, force or deception, for the purpose of exploitation.", 0, ""),
        ("d3", "d3", '"Child" means a person under eighteen years of age.', 0, ""),
    ])
    outline.get("d2").kind, outline.get("d2").term = "definition", "of a person by"  # a segmenter's misreading
    comparison = compare_outline(outline)
    [analysis] = comparison.analyses
    assert analysis.site.end == outline.get("d2").end
    assert analysis.profile.tables["means"].found == ["threat", "force", "deception"]
    assert analysis.profile.means_required_for_adults is True and analysis.child_age == 18


def test_sexual_purposes_are_no_narrowing_in_a_provision_named_for_them():
    rows = [("s1", "s. 1", '1. "sex trafficking" means the recruitment of a person by force for the purpose of a '
                           "commercial sex act.", 0)]
    assert [f.code for f in compare_outline(build(rows)).findings] == []
    rows = [("s1", "s. 1", '1. "trafficking" means the recruitment of a person by force for the purpose of a '
                           "commercial sex act.", 0)]
    [finding] = compare_outline(build(rows)).findings
    assert finding.code == "LL115" and "limited to prostitution or sexual exploitation" in finding.message
