"""Score findings against cases, per rule name, as the eval README defines it.

Per case and rule:

- an expect entry without quotes is a true positive if the rule fired anywhere, else a false
  negative; with quotes, a true positive if some finding of the rule has a clause (or matched
  words) containing one of the quotes (compared by ``fold``), else a false negative;
- several findings answering one entry count once; identical entries count once;
- a finding whose rule is neither expected nor allowed is a false positive; so is a finding of an
  expected rule whose entries all carry quotes when none of those quotes lies in its clause;
- any other finding of an allowed rule is *allowed*: it counts neither way.

"Scored findings" are the findings that were not merely allowed: those of an expected rule that
were not false positives, plus the false positives. Ratios whose denominator is 0 are 1.0.
A case whose text cannot be read (a missing ``file:``) is an error: its entries are false negatives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from lintlaw.errors import LintlawError
from lintlaw.evaluate.model import Case, Expectation
from lintlaw.model import Finding

LintFunction = Callable[[Case], list[Finding]]


def ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, or 1.0 when there is nothing to divide (no claim, no miss)."""
    return numerator / denominator if denominator else 1.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class FalsePositive:
    case: str
    rule: str
    code: str
    clause_label: str
    match: str
    line: int
    reason: str  # "not expected" or "outside the quoted clauses"
    near_miss: str = ""  # the case's reason when the clause is a declared near miss
    language: str = ""
    tradition: str = ""


@dataclass(frozen=True)
class FalseNegative:
    case: str
    rule: str
    quotes: tuple[str, ...]
    fired_in: tuple[str, ...]  # clause labels where the rule fired (outside the quotes)
    reason: str  # "did not fire", "fired elsewhere", "case error"
    language: str = ""
    tradition: str = ""


@dataclass(frozen=True)
class CaseError:
    case: str
    code: str
    message: str
    file: str | None = None
    line: int | None = None


@dataclass
class CaseScore:
    """What one case contributed."""

    case: str
    true_positives: list[Expectation] = field(default_factory=list)
    false_negatives: list[FalseNegative] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)
    hits: list[Finding] = field(default_factory=list)  # scored findings that are not FPs
    allowed: list[Finding] = field(default_factory=list)


class _Rates:
    """Precision, recall and F1 from ``tp``, ``fp`` and ``fn`` (fields or properties)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass(frozen=True)
class Facets:
    """What a case is, for the breakdowns: its language and drafting tradition ("" when unknown)."""

    language: str = ""
    tradition: str = ""


FacetFunction = Callable[[Case], Facets]


@dataclass
class Tally(_Rates):
    """Totals for one group of cases (a language, a tradition)."""

    cases: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0


@dataclass
class RuleScore(_Rates):
    rule: str
    code: str = ""
    tp: int = 0
    fp: int = 0
    fn: int = 0
    allowed: int = 0



def _label(finding: Finding) -> str:
    return finding.clause_label or finding.clause_id or "(document)"


def score_case(case: Case, findings: Iterable[Finding]) -> CaseScore:
    """Score one case's findings against its expect and allow lists."""
    findings = sorted(findings, key=Finding.sort_key)
    result = CaseScore(case=case.id)
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    for entry in case.expect:
        fired = by_rule.get(entry.rule, [])
        if any(entry.anywhere or entry.found_in(f.clause_text, f.match) for f in fired):
            result.true_positives.append(entry)
            continue
        labels = tuple(dict.fromkeys(_label(f) for f in fired))
        reason = "fired elsewhere" if fired else "did not fire"
        result.false_negatives.append(FalseNegative(case.id, entry.rule, entry.quotes, labels, reason))
    expected = case.expected_rules()
    for finding in findings:
        if finding.rule in expected:
            entries = [e for e in case.expect if e.rule == finding.rule]
            if not case.quotes_only(finding.rule) or any(e.found_in(finding.clause_text, finding.match) for e in entries):
                result.hits.append(finding)
                continue
            reason = "outside the quoted clauses"
        else:
            reason = "not expected"
        if finding.rule in case.allow:
            result.allowed.append(finding)
            continue
        near = next((n for n in case.near_misses
                     if n.rule == finding.rule and n.found_in(finding.clause_text, finding.match)), None)
        result.false_positives.append(FalsePositive(
            case.id, finding.rule, finding.code, _label(finding), finding.match, finding.line, reason,
            near_miss=(near.why or "declared near miss") if near else "",
        ))
    return result


@dataclass
class EvalReport(_Rates):
    """The outcome of one evaluation run: per-rule scores, the errors it made, and the totals."""

    cases: int = 0
    rules: dict[str, RuleScore] = field(default_factory=dict)
    false_positives: list[FalsePositive] = field(default_factory=list)
    false_negatives: list[FalseNegative] = field(default_factory=list)
    errors: list[CaseError] = field(default_factory=list)
    unknown_rules: list[str] = field(default_factory=list)
    findings: int = 0  # scored findings: hits + false positives
    by_language: dict[str, Tally] = field(default_factory=dict)
    by_tradition: dict[str, Tally] = field(default_factory=dict)

    @property
    def tp(self) -> int:
        return sum(r.tp for r in self.rules.values())

    @property
    def fp(self) -> int:
        return sum(r.fp for r in self.rules.values())

    @property
    def fn(self) -> int:
        return sum(r.fn for r in self.rules.values())

    @property
    def expected(self) -> int:
        return self.tp + self.fn


    def ordered_rules(self) -> list[RuleScore]:
        """Rules by code (rules without one, e.g. not in the rule set, last), then name."""
        return sorted(self.rules.values(), key=lambda r: (not r.code, r.code, r.rule))

    def add(self, score: CaseScore, codes: Mapping[str, str], facets: Facets = Facets()) -> None:
        for groups, key in ((self.by_language, facets.language), (self.by_tradition, facets.tradition)):
            tally = groups.setdefault(key or "(unknown)", Tally())
            tally.cases += 1
            tally.tp += len(score.true_positives)
            tally.fp += len(score.false_positives)
            tally.fn += len(score.false_negatives)
        tag = {"language": facets.language, "tradition": facets.tradition}
        score.false_positives = [replace(fp, **tag) for fp in score.false_positives]
        score.false_negatives = [replace(fn, **tag) for fn in score.false_negatives]

        def row(rule: str, code: str = "") -> RuleScore:
            entry = self.rules.setdefault(rule, RuleScore(rule, codes.get(rule, "")))
            entry.code = entry.code or code
            return entry

        for entry in score.true_positives:
            row(entry.rule).tp += 1
        for miss in score.false_negatives:
            row(miss.rule).fn += 1
        for fp in score.false_positives:
            row(fp.rule, fp.code).fp += 1
        for finding in score.hits:
            row(finding.rule, finding.code)
        for finding in score.allowed:
            row(finding.rule, finding.code).allowed += 1
        self.false_positives.extend(score.false_positives)
        self.false_negatives.extend(score.false_negatives)
        self.findings += len(score.hits) + len(score.false_positives)


def _error_score(case: Case) -> CaseScore:
    misses = [FalseNegative(case.id, e.rule, e.quotes, (), "case error") for e in case.expect]
    return CaseScore(case=case.id, false_negatives=misses)


def _facets(case: Case, describe: FacetFunction | None) -> Facets:
    if describe is not None:
        try:
            return describe(case)
        except LintlawError:
            pass  # an unreadable file is reported by the lint step; group it by its own keys
    return Facets(case.language or "", case.tradition or "")


def evaluate(
    cases: Iterable[Case],
    lint: LintFunction,
    *,
    codes: Mapping[str, str] | None = None,
    describe: FacetFunction | None = None,
) -> EvalReport:
    """Run ``lint`` on every case and score the findings.

    ``codes`` maps rule names to codes (the rule set's); when given, expected or allowed names
    missing from it are listed in ``unknown_rules``. An error raised for one case (a coded
    ``LintlawError`` such as an unreadable ``file:``, or an internal error, E900) becomes a
    ``CaseError`` and the case's entries false negatives; the other cases are still scored.
    ``describe`` gives each case's language and tradition for the breakdowns (by default the
    case's own ``language`` and ``tradition`` keys).
    """
    codes = dict(codes or {})
    report = EvalReport()
    named: set[str] = set()
    for case in cases:
        report.cases += 1
        named |= case.expected_rules() | case.allow
        facets = _facets(case, describe)
        try:
            findings = lint(case)
        except LintlawError as exc:
            error = CaseError(case.id, exc.code, exc.message, exc.file, exc.line)
        except Exception as exc:  # noqa: BLE001 - one broken case must not lose the others
            error = CaseError(case.id, "E900", f"internal error: {type(exc).__name__}: {exc}")
        else:
            report.add(score_case(case, findings), codes, facets)
            continue
        report.errors.append(error)
        report.add(_error_score(case), codes, facets)
    if codes:
        report.unknown_rules = sorted(named - set(codes))
    return report
