"""The issue's acceptance checks on real instruments: the Protocol against itself, the Sri Lanka
Act, 22 U.S.C. 7102 and the Council of Europe Convention."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintlaw.ingest import read_path
from lintlaw.protocol.compare import Comparison, compare_outline
from lintlaw.protocol.reference import load_reference
from lintlaw.structure import segment
from conftest import LAWS
from test_compare_support import REFERENCE, by_term

_CACHE: dict[str, Comparison] = {}


def compared(path: Path) -> Comparison:
    key = str(path)
    if key not in _CACHE:
        _CACHE[key] = compare_outline(segment(read_path(key, display=path.name)))
    return _CACHE[key]


def corpus(name: str) -> Comparison:
    return compared(LAWS / name)


def verdicts(comparison: Comparison) -> dict[str, str]:
    return {a.article: a.verdict for a in comparison.articles}


@pytest.fixture(scope="module")
def protocol() -> Comparison:
    return compared(REFERENCE / "un_palermo-protocol_2000.txt")


def test_protocol_against_itself_finds_every_element(protocol):
    ref = load_reference()
    [definition] = protocol.analyses
    assert definition.clause.id == "art_3__para_a" and definition.clause.label == "Art. 3(a)"
    for category in ("acts", "means", "purposes"):
        table = definition.profile.tables[category]
        assert table.found == ref.element_ids(category)
        assert table.missing == [] and table.extra == []
    assert definition.profile.means_required_for_adults is True
    assert definition.consent == "scoped"
    assert definition.child_age == 18
    assert definition.profile.victims == "persons"
    assert definition.profile.purposes_limited_to_sexual is False


def test_protocol_against_itself_covers_its_articles_but_not_non_punishment(protocol):
    expected = {key: "covered" for key in ("3", "5", "6", "7", "8", "9", "9(5)", "10", "14")}
    expected["non-punishment"] = "absent"
    assert verdicts(protocol) == expected
    by_article = {a.article: a for a in protocol.articles}
    assert by_article["9(5)"].clauses[0].clause.id == "art_9__para_5"
    assert by_article["8"].clauses[0].clause.id.startswith("art_8__para_")
    assert by_article["non-punishment"].clauses == []
    assert all(c.score >= 95 for key in expected if key != "non-punishment" for c in by_article[key].clauses[:1])


def test_protocol_against_itself_has_no_departures_and_an_empty_redline(protocol):
    assert protocol.findings == []
    assert [r.op for r in protocol.redline] == ["equal"]


def test_sri_lanka_act():
    comparison = corpus("lk_saarc-convention-implementation-act_2005.txt")
    definition = by_term(comparison, "trafficking")
    assert definition.clause.label == 's. 14 "trafficking"'
    assert definition.profile.means_required_for_adults is False
    assert definition.consent == "unscoped"
    assert definition.profile.victims == "women-and-children"
    assert definition.profile.purposes_limited_to_sexual is True
    assert definition.child_age == 18
    assert definition.profile.tables["acts"].found == ["transportation", "transfer"]
    assert definition.profile.tables["purposes"].extra == ["prostitution"]
    offence = next(a for a in comparison.analyses if a.site.kind == "offence")
    assert offence.clause.label == "s. 2(1)"
    assert [u.term for u in offence.uses] == ["trafficking"]
    assert offence.profile.means_required_for_adults is False
    codes = {(f.code, f.clause_label) for f in comparison.findings}
    assert {("LL101", 's. 14 "trafficking"'), ("LL102", 's. 14 "trafficking"'), ("LL115", 's. 14 "trafficking"'),
            ("LL102", "s. 2(1)")} <= codes
    assert verdicts(comparison)["3"] == "partial"
    assert verdicts(comparison)["8"] == "partial"  # repatriation without safeguards
    assert verdicts(comparison)["non-punishment"] == "absent"


def test_us_7102_sex_trafficking_needs_no_means_but_severe_forms_do():
    comparison = corpus("us_tvpa-definitions-22usc7102_2000.txt")
    terms = sorted(a.site.term for a in comparison.analyses)
    assert terms == ["severe forms of trafficking in persons", "sex trafficking"]
    sex = by_term(comparison, "sex trafficking")
    assert sex.profile.tables["means"].found == []
    assert sex.profile.means_required_for_adults is False
    assert sex.profile.tables["purposes"].extra == ["prostitution"]  # "commercial sex act"
    severe = by_term(comparison, "severe forms of trafficking in persons")
    assert severe.profile.means_required_for_adults is True
    assert severe.profile.tables["means"].found == ["force", "coercion", "fraud"]
    assert [limb.has_means for limb in severe.profile.limbs] == [True, True]
    assert severe.child_age == 18  # "or in which the person ... has not attained 18 years of age"
    assert [u.term for u in severe.uses] == ["sex trafficking"]
    assert [(f.code, f.clause_label) for f in comparison.findings] == [("LL102", "§ 7102(12)")]


def test_council_of_europe_convention():
    comparison = corpus("coe_trafficking-convention_2005.txt")
    definition = by_term(comparison, "trafficking in human beings")
    assert definition.clause.label == "Art. 4(a)"
    for category in ("acts", "means", "purposes"):
        assert definition.profile.tables[category].missing == []
    assert definition.consent == "scoped"
    assert definition.consent_statement is not None and "means" in definition.consent_statement.text
    assert definition.child_age == 18
    coverage = {a.article: a for a in comparison.articles}
    assert coverage["non-punishment"].verdict == "covered"
    assert coverage["non-punishment"].clauses[0].clause.label == "Art. 26"
    assert coverage["3"].verdict == "covered"
    assert comparison.findings == []


def test_18_usc_1591_offence_requires_means_for_adults():
    comparison = corpus("us_18usc2421A-1591-47usc230e_2018.txt")
    [offence] = comparison.analyses
    assert offence.clause.label == "§ 1591(a)"
    assert offence.profile.means_required_for_adults is True
    assert {"advertising", "solicitation"} <= set(offence.profile.tables["acts"].extra)


@pytest.mark.parametrize("name", [
    "ca_irpr-sex-industry-work-bar_2012.txt", "ca_pcepa-criminal-code-286_2014.txt", "de_prostschg_2016.txt",
    "intl_white-slave-traffic-agreement_1904.txt", "un_smuggling-protocol_2000.txt",
    "us_pepfar-antiprostitution-pledge-7631f_2003.txt",
])
def test_instruments_without_a_trafficking_definition_report_none(name):
    comparison = corpus(name)
    assert comparison.analyses == [] and comparison.main is None and comparison.redline == []
    assert {a.article: a.verdict for a in comparison.articles}["3"] == "absent"


def test_1933_convention_offence_is_found_through_the_title():
    comparison = corpus("intl_traffic-women-full-age-convention_1933.txt")
    [offence] = comparison.analyses
    assert offence.site.kind == "offence" and offence.clause.label.startswith("Art. 1")
    assert offence.profile.means_required_for_adults is False
    assert offence.consent == "unscoped" and "even with her consent" in offence.consent_statement.text
    assert offence.profile.victims == "women"
    assert {f.code for f in comparison.findings} == {"LL101", "LL102", "LL115"}
