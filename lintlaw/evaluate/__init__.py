"""Evaluate the rule pack on labelled cases (``lintlaw eval``): load cases, lint, score, render.

The scorer takes any lint function (case → findings), so it is tested without the engine;
``engine_linter(ruleset)`` is the real one. Format and scoring: ``docs/eval.md``.
"""

from lintlaw.evaluate.cases import load_cases
from lintlaw.evaluate.linting import case_document, case_facets, engine_linter
from lintlaw.evaluate.model import Case, EvalError, Expectation, NearMiss, fold
from lintlaw.evaluate.render import render_text, report_dict, summary_line
from lintlaw.evaluate.score import (
    CaseError,
    CaseScore,
    EvalReport,
    Facets,
    FalseNegative,
    FalsePositive,
    LintFunction,
    RuleScore,
    Tally,
    evaluate,
    score_case,
)

__all__ = [
    "Case",
    "CaseError",
    "CaseScore",
    "EvalError",
    "EvalReport",
    "Expectation",
    "Facets",
    "NearMiss",
    "Tally",
    "FalseNegative",
    "FalsePositive",
    "LintFunction",
    "RuleScore",
    "case_document",
    "case_facets",
    "engine_linter",
    "evaluate",
    "fold",
    "load_cases",
    "render_text",
    "report_dict",
    "score_case",
    "summary_line",
]
