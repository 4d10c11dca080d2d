"""The bundled rule pack as a whole: enough examples per rule, and codes and names from docs/taxonomy.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lintlaw.engine import load_rules
from lintlaw.errors import RuleError

TAXONOMY = Path(__file__).resolve().parents[1] / "docs" / "taxonomy.md"
ROW = re.compile(r"^\|\s*(?P<code>[A-Z]{2,4}\d{3})\s*\|\s*(?P<name>[a-z0-9]+(?:-[a-z0-9]+)*)\s*\|", re.MULTILINE)


def _rules() -> list:
    try:
        return load_rules().rules
    except RuleError:  # reported by test_rules_examples.py::test_the_bundled_pack_loads
        return []


RULES = _rules()


def taxonomy_names(text: str) -> dict[str, str]:
    """Rule name → suggested code, from the tables of TAXONOMY.md."""
    return {m["name"]: m["code"] for m in ROW.finditer(text)}


def test_taxonomy_table_parser() -> None:
    text = "| code | name | basis |\n|---|---|---|\n| LL101 | consent-irrelevant-for-adults | protocol 3(b) |\n"
    assert taxonomy_names(text) == {"consent-irrelevant-for-adults": "LL101"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_enough_examples(rule) -> None:
    assert len(rule.examples["flag"]) >= 3, f"{rule.path}: needs at least 3 examples.flag"
    assert len(rule.examples["pass"]) >= 3, f"{rule.path}: needs at least 3 examples.pass"


def test_rule_names_come_from_the_taxonomy() -> None:
    names = taxonomy_names(TAXONOMY.read_text(encoding="utf-8"))
    assert RULES, "the bundled pack did not load"
    assert len(names) >= 19
    unknown = [f"{r.code} {r.name} ({r.path})" for r in RULES if r.name not in names]
    assert not unknown, f"rule names not in docs/taxonomy.md: {unknown}"


def test_every_taxonomy_entry_is_a_rule_with_that_code() -> None:
    names = taxonomy_names(TAXONOMY.read_text(encoding="utf-8"))
    pack = {r.name: r.code for r in RULES}
    missing = sorted(set(names) - set(pack))
    assert not missing, f"taxonomy entries with no rule: {missing}"
    recoded = {name: (code, pack[name]) for name, code in names.items() if pack[name] != code}
    assert not recoded, f"rules whose code differs from docs/taxonomy.md: {recoded}"
