"""The real-law evaluation set: splits by law, provenance, coverage, and the check-split report.

The set lives in eval/laws/<stem>.yaml (one annotated case per law of corpus/laws) and
eval/splits.yaml; eval/tune.yaml and eval/check.yaml are generated from them. Nothing here sets
a score threshold: the check split is scored as a report (docs/eval.md states the figures).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from lintlaw.evaluate import fold, load_cases
from lintlaw.evaluate.splits import SPLITS, annotated_laws, build
from lintlaw.ingest import read_path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
FRONT_MATTER_KEYS = ("title", "jurisdiction", "year", "language", "tradition", "source", "licence", "completeness")
TRADITIONS = {"westminster", "us", "south-asia", "southeast-asia", "africa", "civil-law", "latin-america", "treaty"}


def _split_cases(split: str):
    return load_cases(EVAL / f"{split}.yaml")


def _all_cases():
    return [case for split in SPLITS for case in _split_cases(split)]


def test_generated_split_files_are_current() -> None:
    for relative, text in build(ROOT, write=False).items():
        assert (ROOT / relative).read_text(encoding="utf-8") == text, (
            f"{relative} is stale: run `python -m lintlaw.evaluate.splits`")


def test_splits_are_by_law_and_disjoint() -> None:
    stems = {split: {case.id for case in _split_cases(split)} for split in SPLITS}
    assert not stems["tune"] & stems["check"]
    laws = {law.stem for law in annotated_laws(ROOT)}
    assert stems["tune"] | stems["check"] == laws
    for case in _all_cases():
        assert case.file is not None and case.file.stem == case.id, case.id


def test_check_split_is_a_third_and_covers_every_tradition_and_language() -> None:
    laws = annotated_laws(ROOT)
    check = {case.id for case in _split_cases("check")}
    assert 3 * len(check) >= len(laws)
    assert {law.tradition for law in laws if law.stem in check} == {law.tradition for law in laws}
    languages = {law.language for law in laws if law.stem in check}
    assert {"en", "fr", "es"} <= languages


def test_every_corpus_law_has_provenance() -> None:
    for law in annotated_laws(ROOT):
        meta = read_path(ROOT / "corpus" / "laws" / f"{law.stem}.txt").metadata
        missing = [key for key in FRONT_MATTER_KEYS if not meta.get(key)]
        assert not missing, f"{law.stem}: front matter lacks {missing}"
        assert meta["tradition"] in TRADITIONS, law.stem
        assert "commit" in str(meta["source"]), f"{law.stem}: source names no commit"


def test_corpus_readme_lists_every_law() -> None:
    readme = (ROOT / "corpus" / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in (ROOT / "corpus" / "laws").glob("*.txt") if f"`laws/{p.name}`" not in readme]
    assert not missing


def test_every_quote_is_in_its_law() -> None:
    for case in _all_cases():
        text = fold(case.file.read_text(encoding="utf-8"))
        for entry in [*case.expect, *case.near_misses]:
            for quote in entry.quotes:
                assert fold(quote) in text, f"{case.id}: {entry.rule} quote not in the law: {quote!r}"


def test_the_set_is_large_and_covers_every_rule() -> None:
    from lintlaw.engine import load_rules

    cases = _all_cases()
    facets = {law.stem: law for law in annotated_laws(ROOT)}
    expected = Counter(entry.rule for case in cases for entry in case.expect)
    near = Counter(entry.rule for case in cases for entry in case.near_misses)
    romance = sum(len(case.expect) for case in cases if facets[case.id].language in {"fr", "es"})
    assert sum(expected.values()) >= 200
    assert romance >= 30
    names = {rule.name for rule in load_rules([]).rules}
    assert not set(expected) - names and not set(near) - names
    # Known shortfall, stated in docs/eval.md: the stored sources hold two pledge statutes only.
    short = {name: expected[name] for name in names if expected[name] < 5}
    assert short == {"anti-prostitution-pledge": 4}
    assert {name for name in names if near[name] < 1} == set()


@pytest.mark.slow
def test_check_split_is_scored_as_a_report(capsys: pytest.CaptureFixture) -> None:
    from lintlaw.engine import load_rules
    from lintlaw.evaluate import case_facets, engine_linter, evaluate, render_text

    ruleset = load_rules([])
    report = evaluate(_split_cases("check"), engine_linter(ruleset),
                      codes={r.name: r.code for r in ruleset.rules}, describe=case_facets)
    assert report.errors == [] and report.cases == len(_split_cases("check"))
    with capsys.disabled():
        print("\n" + render_text(report, by_rule=False, by_language=True, by_tradition=True).splitlines()[-1])
