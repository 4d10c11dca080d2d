"""Law against law: alignment, redlines per clause, element tables side by side, introduced findings."""

from __future__ import annotations

import pytest

from lintlaw.config import Config
from lintlaw.engine import load_rules
from lintlaw.protocol.align import align
from lintlaw.protocol.redline import redline, similarity, stats
from lintlaw.protocol.run import compare_two
from test_compare_support import ROOT, build

BILLS = ROOT / "tests" / "golden" / "compare" / "bills"


@pytest.fixture(scope="module")
def amended():
    return compare_two(str(BILLS / "bill-v2.md"), str(BILLS / "bill-v1.md"), config=Config(), ruleset=load_rules())


def test_added_unscoped_consent_clause_is_named_with_the_finding_it_introduces(amended):
    [change] = amended.law.introduced
    assert change.finding.rule == "consent-irrelevant-for-adults"
    assert change.finding.clause_label == "s. 3(3)"
    assert change.pair is not None and change.pair.status == "added"
    assert change.describe("introduces") == "introduces consent-irrelevant-for-adults in s. 3(3)"
    assert amended.law.resolved == []
    assert [f.code for f in amended.result.findings] == ["LL101"]


def test_clauses_are_aligned_and_changes_redlined(amended):
    statuses = {(p.status, p.label) for p in amended.law.pairs if p.status != "unchanged"}
    assert statuses == {("added", "s. 3(3)"), ("modified", "s. 4(2)")}
    modified = next(p for p in amended.law.pairs if p.status == "modified")
    assert [(r.op, r.text.strip()) for r in modified.runs if r.op != "equal"] == [
        ("delete", "may"), ("insert", "shall"), ("insert", ", counselling and medical assistance")]


def test_element_tables_side_by_side_show_the_consent_change(amended):
    rows = amended.data["elements"]
    offence = next(r for r in rows if r["new"]["kind"] == "offence")
    assert (offence["old"]["consent"], offence["new"]["consent"]) == ("scoped", "unscoped")
    definition = next(r for r in rows if r["new"]["term"] == "trafficking in persons")
    assert definition["old"]["means"] == definition["new"]["means"] == ["threat", "force", "deception",
                                                                         "abuse-of-vulnerability"]


def test_the_reverse_direction_reports_the_finding_as_removed():
    back = compare_two(str(BILLS / "bill-v1.md"), str(BILLS / "bill-v2.md"), config=Config(), ruleset=load_rules())
    assert back.law.introduced == []
    assert [(c.finding.rule, c.finding.clause_label, c.pair.status) for c in back.law.resolved] == [
        ("consent-irrelevant-for-adults", "s. 3(3)", "removed")]
    assert back.result.findings == []
    assert back.data["resolved"][0]["change"] == "removes consent-irrelevant-for-adults in s. 3(3)"


def test_a_renumbered_clause_keeps_its_counterpart():
    old = build([("s1", "s. 1", "1. The Minister may make regulations.", 0),
                 ("s2", "s. 2", "2. This Act binds the State.", 0)])
    new = build([("s1", "s. 1", "1. A new section on shelters for victims of trafficking.", 0),
                 ("s2", "s. 2", "2. The Minister may make regulations.", 0),
                 ("s3", "s. 3", "3. This Act binds the State.", 0)])
    pairs = align(new, old)
    labels = [(p.status, p.new.clause.label if p.new else None, p.old.clause.label if p.old else None) for p in pairs]
    assert labels == [
        ("added", "s. 1", None), ("renumbered", "s. 2", "s. 1"), ("renumbered", "s. 3", "s. 2")]
    assert all(p.score == 100.0 for p in pairs[1:])


def test_removed_clauses_keep_their_place():
    old = build([("s1", "s. 1", "1. First.", 0), ("s2", "s. 2", "2. Second provision about shelters.", 0),
                 ("s3", "s. 3", "3. Third.", 0)])
    new = build([("s1", "s. 1", "1. First.", 0), ("s3", "s. 3", "3. Third.", 0)])
    assert [p.status for p in align(new, old)] == ["unchanged", "removed", "unchanged"]


def test_redline_runs_rebuild_both_texts():
    old = "The Minister may provide shelter to victims."
    new = "The Minister shall provide shelter, counselling and care to victims of trafficking."
    runs = redline(old, new)
    assert "".join(r.text for r in runs if r.op != "delete") == new
    assert "".join(r.text for r in runs if r.op != "insert") == old
    assert [r.text for r in redline("the person", "a person")] == ["the", " a", " person"]
    assert stats(runs) == {"equal": 6, "delete": 1, "insert": 6}
    assert similarity(redline(old, old)) == 100.0


def test_redline_ignores_case_and_typographic_quotes():
    runs = redline('"Trafficking" means', "\u201ctrafficking\u201d means")
    assert [r.op for r in runs] == ["equal"]
