"""The scorer on hand-made cases, with a fake lint function: each ``[rule-x]`` marker is a finding.

The fake reads cases through ``case_document`` (the real ingest), so ``file:`` cases, their front
matter and missing files go through the same path as with the engine.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lintlaw.errors import InputError
from lintlaw.evaluate import (
    Case,
    Expectation,
    case_document,
    evaluate,
    load_cases,
    render_text,
    report_dict,
    score_case,
    summary_line,
)
from lintlaw.model import Finding

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
MARK = re.compile(r"\[(?P<rule>[a-z0-9-]+)\]")
SUMMARY = re.compile(
    r"^eval: precision \d\.\d{3} recall \d\.\d{3} f1 \d\.\d{3} \(cases \d+, expected \d+, findings \d+\)$"
)


def finding(rule: str, clause: str, match: str | None = None, line: int = 1, label: str = "s. 1") -> Finding:
    return Finding(
        file="<test>", rule=rule, code="LL9" + str(sum(map(ord, rule)) % 100).zfill(2), severity="warning",
        stance="protocol", message="m", start=0, end=len(match or clause), line=line, column=1, end_line=line,
        end_column=1, clause_id=f"line_{line}", clause_label=label, clause_text=" ".join(clause.split()),
        match=match or clause,
    )


def fake_lint(case: Case) -> list[Finding]:
    """One finding per ``[rule]`` marker in the document body; the marker's line is the clause."""
    document = case_document(case)
    found = []
    first_line = document.position(document.body_start)[0]
    for number, text in enumerate(document.text[document.body_start :].splitlines(), start=first_line):
        for mark in MARK.finditer(text):
            found.append(finding(mark["rule"], text, mark.group(0), number, f"line {number}"))
    return found


@pytest.fixture(scope="module")
def report():
    return evaluate(load_cases(FIXTURES / "cases.yaml"), fake_lint, codes={"rule-a": "LL901", "rule-b": "LL902"})


def test_totals_follow_the_definitions(report) -> None:
    assert (report.cases, report.tp, report.fp, report.fn) == (10, 6, 2, 3)
    assert report.expected == 9
    assert report.findings == 9  # 7 findings answering expectations + 2 false positives; allowed ones excluded
    assert summary_line(report) == "eval: precision 0.750 recall 0.667 f1 0.706 (cases 10, expected 9, findings 9)"


def test_per_rule_rows(report) -> None:
    rows = {r.rule: (r.code, r.tp, r.fp, r.fn, r.allowed) for r in report.ordered_rules()}
    assert rows == {
        "rule-a": ("LL901", 5, 1, 2, 0),
        "rule-b": ("LL902", 1, 0, 1, 2),
        "rule-c": (finding("rule-c", "").code, 0, 1, 0, 0),
    }
    rule_c = report.rules["rule-c"]
    assert rule_c.precision == 0.0 and rule_c.recall == 1.0 and rule_c.f1 == 0.0
    assert [r.rule for r in report.ordered_rules()] == ["rule-a", "rule-b", "rule-c"]


def test_false_positives_name_case_clause_and_reason(report) -> None:
    fps = [(fp.case, fp.rule, fp.clause_label, fp.match, fp.reason) for fp in report.false_positives]
    assert fps == [
        ("quote-mismatch", "rule-a", "line 2", "[rule-a]", "outside the quoted clauses"),
        ("empty-expect", "rule-c", "line 1", "[rule-c]", "not expected"),
    ]


def test_false_negatives_say_why(report) -> None:
    fns = [(fn.case, fn.rule, fn.reason, fn.fired_in) for fn in report.false_negatives]
    assert fns == [
        ("anywhere-miss", "rule-a", "did not fire", ()),
        ("quote-mismatch", "rule-a", "fired elsewhere", ("line 2",)),
        ("file-missing", "rule-b", "case error", ()),
    ]


def test_missing_file_is_a_case_error_not_fatal(report) -> None:
    assert [(e.case, e.code) for e in report.errors] == [("file-missing", "E101")]
    assert report.errors[0].file.endswith("no-such-law.txt")


def test_front_matter_is_not_linted() -> None:
    case = next(c for c in load_cases(FIXTURES / "cases.yaml") if c.id == "file-with-front-matter")
    score = score_case(case, fake_lint(case))
    assert [e.rule for e in score.true_positives] == ["rule-a"]
    assert [f.rule for f in score.allowed] == ["rule-b"]
    assert not score.false_positives  # the [rule-c] inside the front matter is not part of the body
    assert case_document(case).metadata["jurisdiction"] == "Atlantis"


def make_case(expect: list[Expectation], allow: tuple[str, ...] = ()) -> Case:
    return Case(id="c", index=0, line=1, expect=expect, allow=frozenset(allow), text="x")


def test_mixed_entries_make_findings_elsewhere_fine() -> None:
    case = make_case([Expectation("rule-a", ("alpha",)), Expectation("rule-a")])
    score = score_case(case, [finding("rule-a", "beta clause")])
    assert len(score.true_positives) == 1 and len(score.false_negatives) == 1
    assert not score.false_positives and len(score.hits) == 1


def test_one_finding_can_answer_two_quoted_entries() -> None:
    case = make_case([Expectation("rule-a", ("alpha",)), Expectation("rule-a", ("beta",))])
    score = score_case(case, [finding("rule-a", "alpha and beta"), finding("rule-a", "alpha again")])
    assert len(score.true_positives) == 2 and not score.false_negatives and not score.false_positives


def test_quote_may_lie_in_the_match_or_the_clause() -> None:
    case = make_case([Expectation("rule-a", ("shall be immaterial",))])
    assert score_case(case, [finding("rule-a", "", match="Shall  be\nimmaterial")]).true_positives
    assert not score_case(case, [finding("rule-a", "shall not be immaterial")]).true_positives


def test_allowed_expected_rule_outside_quotes_is_not_a_false_positive() -> None:
    case = make_case([Expectation("rule-a", ("alpha",))], allow=("rule-a",))
    score = score_case(case, [finding("rule-a", "alpha"), finding("rule-a", "gamma", line=2)])
    assert len(score.true_positives) == 1 and len(score.allowed) == 1 and not score.false_positives


def test_nothing_to_score_gives_ones() -> None:
    report = evaluate([make_case([])], lambda case: [])
    assert summary_line(report) == "eval: precision 1.000 recall 1.000 f1 1.000 (cases 1, expected 0, findings 0)"


def test_everything_wrong_gives_zeros() -> None:
    report = evaluate([make_case([Expectation("rule-a")])], lambda case: [finding("rule-b", "x")])
    assert summary_line(report) == "eval: precision 0.000 recall 0.000 f1 0.000 (cases 1, expected 1, findings 1)"


def test_unknown_rule_names_are_listed_when_codes_are_given() -> None:
    report = evaluate([make_case([Expectation("rule-z")], allow=("rule-y",))], lambda case: [],
                      codes={"rule-a": "LL901"})
    assert report.unknown_rules == ["rule-y", "rule-z"]
    assert "no rule of that name is loaded: rule-y, rule-z" in render_text(report)


def test_errors_of_one_case_do_not_stop_the_others() -> None:
    def lint(case: Case) -> list[Finding]:
        if case.id == "bad":
            raise InputError("empty file (whitespace only)", file="bad.txt", code="E102")
        if case.id == "boom":
            raise ValueError("segmenter bug")
        return [finding("rule-a", "x")]

    cases = [make_case([Expectation("rule-a")]) for _ in range(3)]
    cases[0].id, cases[1].id = "bad", "boom"
    report = evaluate(cases, lint)
    assert [(e.case, e.code) for e in report.errors] == [("bad", "E102"), ("boom", "E900")]
    assert (report.tp, report.fn) == (1, 2)
    assert "segmenter bug" in report.errors[1].message


def test_text_output_lists_table_errors_and_ends_with_the_summary(report) -> None:
    text = render_text(report)
    lines = text.splitlines()
    assert lines[0].split() == ["rule", "code", "tp", "fp", "fn", "allowed", "precision", "recall", "f1"]
    assert lines[1].split() == ["rule-a", "LL901", "5", "1", "2", "0", "0.833", "0.714", "0.769"]
    assert SUMMARY.match(lines[-1]) and lines[-1] == summary_line(report)
    assert "false positives (2):" in text and "false negatives (3):" in text and "errors (1):" in text
    assert "  quote-mismatch: rule-a in a clause with \"the quoted words are here\" — fired elsewhere (fired in line 2)" in lines
    assert any(line.startswith("  file-missing: ") and "E101" in line for line in lines)


def test_json_output_has_the_same_numbers(report) -> None:
    data = json.loads(json.dumps(report_dict(report, "cases.yaml")))
    assert data["schema_version"] == 2 and data["cases_file"] == "cases.yaml"
    assert data["totals"] == {"cases": 10, "expected": 9, "findings": 9, "tp": 6, "fp": 2, "fn": 3,
                              "precision": 0.75, "recall": 0.6667, "f1": 0.7059}
    assert [r["rule"] for r in data["rules"]] == ["rule-a", "rule-b", "rule-c"]
    assert data["rules"][1] == {"rule": "rule-b", "code": "LL902", "tp": 1, "fp": 0, "fn": 1, "allowed": 2,
                                "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert len(data["false_positives"]) == 2 and len(data["false_negatives"]) == 3
    assert data["errors"][0]["case"] == "file-missing" and data["errors"][0]["code"] == "E101"
    assert data["false_negatives"][1]["quotes"] == ["the quoted words are here"]
