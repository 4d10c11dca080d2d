"""Evaluation by language and by drafting tradition, and declared near misses.

A fake lint function turns each ``[rule]`` marker into a finding, so the breakdowns are checked
without the engine; the facets of ``file:`` cases come from the files' front matter.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lintlaw.evaluate import EvalError, case_facets, evaluate, load_cases, render_text, report_dict
from tests.test_eval_score import fake_lint

LAW_FR = """---
title: Loi d'essai
language: fr
tradition: civil-law
---
Art. 1. Le consentement de la victime est indifférent [rule-a].
Art. 2. Une disposition neutre [rule-b].
"""

LAW_EN = """---
title: Test Act
language: en
tradition: westminster
---
1. Consent is no defence where any means was used [rule-a].
"""

CASES = """
- id: fr-law
  file: fr.txt
  expect:
    - rule: rule-a
      quote: "consentement de la victime"
  near_misses:
    - rule: rule-b
      quote: "disposition neutre"
      why: "a neutral provision"
- id: en-law
  file: en.txt
  expect: []
  near_misses:
    - rule: rule-a
      quote: "where any means was used"
      why: "consent scoped to the means"
- id: authored
  text: "Whoever sells a person [rule-a]."
  tradition: authored
  expect: [rule-a]
"""


@pytest.fixture()
def cases_file(tmp_path: Path) -> Path:
    (tmp_path / "fr.txt").write_text(LAW_FR, encoding="utf-8")
    (tmp_path / "en.txt").write_text(LAW_EN, encoding="utf-8")
    path = tmp_path / "cases.yaml"
    path.write_text(CASES, encoding="utf-8")
    return path


def test_facets_come_from_case_keys_then_front_matter(cases_file: Path) -> None:
    facets = {case.id: case_facets(case) for case in load_cases(cases_file)}
    assert (facets["fr-law"].language, facets["fr-law"].tradition) == ("fr", "civil-law")
    assert (facets["en-law"].language, facets["en-law"].tradition) == ("en", "westminster")
    assert (facets["authored"].language, facets["authored"].tradition) == ("en", "authored")


def test_totals_per_language_and_tradition(cases_file: Path) -> None:
    report = evaluate(load_cases(cases_file), fake_lint, describe=case_facets)
    fr, en = report.by_language["fr"], report.by_language["en"]
    assert (fr.cases, fr.tp, fr.fp, fr.fn) == (1, 1, 1, 0)
    assert (en.cases, en.tp, en.fp, en.fn) == (2, 1, 1, 0)
    assert report.by_tradition["westminster"].fp == 1 and report.by_tradition["authored"].tp == 1
    assert sum(t.tp for t in report.by_tradition.values()) == report.tp


def test_false_positives_on_declared_near_misses_say_so(cases_file: Path) -> None:
    report = evaluate(load_cases(cases_file), fake_lint, describe=case_facets)
    reasons = {(fp.case, fp.rule): fp.near_miss for fp in report.false_positives}
    assert reasons == {("fr-law", "rule-b"): "a neutral provision", ("en-law", "rule-a"): "consent scoped to the means"}
    text = render_text(report, by_language=True, by_tradition=True)
    assert "a declared near miss: consent scoped to the means" in text
    assert "\nlanguage  cases" in text and "\ntradition    cases" in text
    assert "rule-b at line 7 (line 7)" in text  # every false positive names its clause


def test_json_carries_the_breakdowns(cases_file: Path) -> None:
    data = json.loads(json.dumps(report_dict(evaluate(load_cases(cases_file), fake_lint, describe=case_facets))))
    assert [g["name"] for g in data["by_language"]] == ["en", "fr"]
    assert {g["name"]: g["tp"] for g in data["by_tradition"]} == {"authored": 1, "civil-law": 1, "westminster": 0}
    assert {fp["language"] for fp in data["false_positives"]} == {"en", "fr"}


def test_tables_can_be_chosen(cases_file: Path) -> None:
    report = evaluate(load_cases(cases_file), fake_lint, describe=case_facets)
    only_languages = render_text(report, by_rule=False, by_language=True)
    assert only_languages.startswith("language  cases") and "\nrule " not in only_languages


@pytest.mark.parametrize("entry, message", [
    ("near_misses: {rule: rule-a}", "'near_misses' must be a list"),
    ("near_misses: [{rule: rule-a}]", "needs 'rule' and 'quote'"),
    ("near_misses: [{rule: rule-a, quote: x, because: y}]", "unknown key 'because'"),
    ("tradition: 3", "'tradition' must be"),
])
def test_malformed_near_misses_and_tradition_are_case_errors(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "cases.yaml"
    path.write_text(f"- id: one\n  text: hello\n  {entry}\n", encoding="utf-8")
    with pytest.raises(EvalError, match=message) as caught:
        load_cases(path)
    assert caught.value.code == "E404" and caught.value.line is not None
