"""The rule engine: load and validate YAML rules, compile their matchers, run them over clauses."""

from lintlaw.engine.loader import RuleSet, default_rule_dirs, load_rules
from lintlaw.engine.rule import Rule
from lintlaw.engine.runner import run_rules

__all__ = ["Rule", "RuleSet", "default_rule_dirs", "load_rules", "run_rules"]
