"""Provision types on real clauses, and the offence-based rules kept off recitals.

The clauses are quoted from corpus laws (tune split); the types are what a reader of the law
gives them (the labelled clauses in eval/provisions/ measure the whole corpus: docs/eval.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lintlaw.api import lint_text
from lintlaw.ingest import read_path, read_text
from lintlaw.structure import segment
from lintlaw.structure.provisions import TYPES
from lintlaw.structure.typemodel import load_model

ROOT = Path(__file__).resolve().parent.parent
PCEPA = ROOT / "corpus" / "laws" / "ca_pcepa-criminal-code-286_2014.txt"


def types_of(text: str, language: str = "en") -> list[str]:
    document = read_text(text, path="<test>")
    document.language = language
    return [c.provision for c in segment(document).clauses()]


def test_the_shipped_model_loads_and_types_every_clause() -> None:
    assert load_model() is not None
    outline = segment(read_path(PCEPA))
    assert {c.provision for c in outline.clauses()} <= set(TYPES)


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("1. Any person who recruits, transports or harbours a person for the purpose of exploitation commits an "
     "offence and is liable on conviction to imprisonment for ten years.", "en", "offence"),
    ('2. In this Act, "child" means a person under the age of eighteen years.', "en", "definition"),
    ("Artículo 5.- Será reprimido con prisión de tres a seis años el que captare o trasladare personas con "
     "fines de explotación.", "es", "offence"),
    ("Article 3. Est puni de sept ans d'emprisonnement le fait de recruter une personne en vue de l'exploiter.",
     "fr", "offence"),
])
def test_offences_and_definitions_in_three_languages(text: str, language: str, expected: str) -> None:
    assert expected in types_of(text, language)


def test_preamble_recitals_are_recitals() -> None:
    outline = segment(read_path(PCEPA))
    whereas = [c for c in outline.clauses() if "prohibit the purchase of sexual services" in outline.own_text(c)]
    assert whereas and all(c.provision == "recital" for c in whereas)


def test_offence_rules_do_not_fire_on_recitals_of_a_real_law() -> None:
    findings = lint_text(PCEPA.read_text(encoding="utf-8"), path=str(PCEPA))
    outline = segment(read_path(PCEPA))
    recitals = {c.id for c in outline.clauses() if c.provision == "recital"}
    offence_rules = {"trafficking-without-means", "third-party-as-trafficking", "client-criminalisation",
                     "mandatory-registration", "advertising-ban", "selling-sex-penalised"}
    assert not [f for f in findings if f.rule in offence_rules and f.clause_id in recitals]
    # the same Act's own offence (s. 286.1) is still read
    assert any(f.rule == "client-criminalisation" and "286.1" in f.clause_label for f in findings)


def test_a_law_in_a_language_without_a_pack_gets_a_notice(tmp_path: Path) -> None:
    from lintlaw.api import lint_path

    law = tmp_path / "wet.txt"
    law.write_text("---\nlanguage: nl\n---\nArtikel 1. Wie een ander werft met het oogmerk van uitbuiting, "
                   "wordt gestraft.\n", encoding="utf-8")
    result = lint_path(law)
    assert [n.code for n in result.notices] == ["E112"] and result.findings == [] and result.files
    from lintlaw.report.text import summary_line

    assert "1 file in a language lintlaw cannot analyse" in summary_line(result)
