"""The rule pack on real instruments: the Protocol is the first test, then the laws it measures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintlaw.api import lint_path
from lintlaw.config import Config
from lintlaw.engine import load_rules

LAWS = Path(__file__).resolve().parent.parent / "corpus" / "laws"


@pytest.fixture(scope="module")
def ruleset():
    return load_rules()


def findings(name: str, ruleset) -> list:
    result = lint_path(LAWS / name, config=Config(), ruleset=ruleset)
    assert not result.errors, result.errors
    return result.findings


@pytest.mark.parametrize("name", ["un_palermo-protocol_2000.txt", "coe_trafficking-convention_2005.txt"])
def test_the_reference_instruments_raise_nothing_but_the_undefined_term(name, ruleset):
    rules = {f.rule for f in findings(name, ruleset)}
    assert rules <= {"undefined-exploitation-of-prostitution"}, rules


def test_protocol_art_3b_is_not_flagged(ruleset):
    assert not [f for f in findings("un_palermo-protocol_2000.txt", ruleset) if f.clause_id.startswith("art_3")
                and f.rule != "undefined-exploitation-of-prostitution"]


def test_sri_lanka_act_starter_rules_land_in_the_definition(ruleset):
    found = findings("lk_saarc-convention-implementation-act_2005.txt", ruleset)
    by_rule = {}
    for f in found:
        by_rule.setdefault(f.rule, []).append(f)
    consent = by_rule["consent-irrelevant-for-adults"]
    assert [f.match for f in consent] == ["with or without the consent of"]
    assert "trafficking means the moving, selling or buying" in consent[0].clause_text
    assert consent[0].clause_id.startswith("sec_14")
    means = by_rule["trafficking-without-means"]
    assert any("moving, selling or buying of women and children for prostitution" in f.clause_text for f in means)
    # s. 2(1) punishes keeping a building "for the purpose of trafficking" with no means: an offence
    # of the same kind, read from its element frame
    assert {f.clause_id.split("__")[0] for f in means} <= {"sec_14", "sec_2"}
    assert "client-criminalisation" not in by_rule
    third = by_rule["third-party-as-trafficking"]
    assert all("knowingly lets or rents" in f.clause_text for f in third)
    assert "missing-non-punishment" in by_rule


def test_pcepa_client_offence(ruleset):
    clients = [f for f in findings("ca_pcepa-criminal-code-286_2014.txt", ruleset) if f.rule == "client-criminalisation"]
    assert clients and all("obtains for consideration" in f.clause_text for f in clients)
    assert [f.clause_label for f in clients] == ["s. 286.1(1)"]  # not 286.1(2), which is about minors


def test_1933_convention_consent_and_means(ruleset):
    found = findings("intl_traffic-women-full-age-convention_1933.txt", ruleset)
    for rule in ("consent-irrelevant-for-adults", "trafficking-without-means"):
        hits = [f for f in found if f.rule == rule]
        assert hits and all("even with her consent" in f.clause_text for f in hits), rule


def test_every_corpus_file_lints_without_error(cli, repo_root):
    proc = cli("check", "corpus/laws", "corpus/bills", "--format", "json", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["errors"] == []
    assert len(data["files"]) == len(list(LAWS.glob("*.txt"))) + len(list((repo_root / "corpus" / "bills").glob("*.md")))


def test_aligned_bill_is_clean_and_conflated_bill_is_not(ruleset, repo_root):
    bills = repo_root / "corpus" / "bills"
    aligned = lint_path(bills / "anti-trafficking-bill-aligned.md", config=Config(), ruleset=ruleset)
    assert [f.rule for f in aligned.findings] == []
    conflated = lint_path(bills / "anti-trafficking-bill-conflated.md", config=Config(), ruleset=ruleset)
    assert {f.rule for f in conflated.findings} >= {
        "consent-irrelevant-for-adults", "trafficking-without-means", "prostitution-defined-as-exploitation",
        "third-party-as-trafficking", "client-criminalisation", "selling-sex-penalised", "advertising-ban",
        "conditional-victim-assistance", "compulsory-rescue-or-rehabilitation", "involuntary-repatriation",
        "child-age-below-18", "victim-scope-narrowed", "missing-non-punishment"}


# Forms of a pattern that real laws show and the development set lacks.

def test_german_registration_duty(ruleset):
    found = findings("de_prostschg_2016.txt", ruleset)
    labels = {f.clause_label for f in found if f.rule == "mandatory-registration"}
    assert "§ 3(1)" in labels  # Anmeldepflicht für Prostituierte
    assert not [f for f in found if f.rule == "mandatory-registration" and "Betreiber" in f.clause_text]


def test_french_moral_vocabulary_but_not_the_cited_title(ruleset):
    found = findings("intl_white-slave-traffic-convention_1910.txt", ruleset)
    moral = [f for f in found if f.rule == "moralising-language"]
    assert {f.match.lower() for f in moral} >= {"débauche"}
    assert not [f for f in moral if "traite des blanches" in f.match.lower()]


def test_every_irpr_provision_barring_sex_industry_employers(ruleset):
    found = [f for f in findings("ca_irpr-sex-industry-work-bar_2012.txt", ruleset) if f.rule == "migrant-sex-work-exclusion"]
    assert {f.clause_label.split("(")[0] for f in found} == {"s. 183", "s. 196.1", "s. 200"}
    assert all("striptease, erotic dance, escort services or erotic massages" in f.clause_text for f in found)


def test_us_funding_pledges(ruleset):
    for name in ("us_pepfar-antiprostitution-pledge-7631f_2003.txt", "us_tvpa-antiprostitution-7110g_2003.txt"):
        assert any(f.rule == "anti-prostitution-pledge" for f in findings(name, ruleset)), name


def test_us_sex_trafficking_definition_without_means(ruleset):
    found = [f for f in findings("us_tvpa-definitions-22usc7102_2000.txt", ruleset) if f.rule == "trafficking-without-means"]
    assert found and all("for the purpose of a commercial sex act" in f.clause_text for f in found)
    assert not [f for f in found if "severe forms" in f.clause_text.lower()]
