"""Every rule's own examples: each ``examples.flag`` text gives a finding of that rule, each
``examples.pass`` text none, with only that rule selected. ``todo_flag`` / ``todo_pass`` entries
are known gaps, run as strict xfail: when a gap is fixed the test fails until the entry moves to
``examples``.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from lintlaw.api import lint_text
from lintlaw.engine import RuleSet, load_rules
from lintlaw.errors import RuleError


def _pack() -> tuple[RuleSet | None, str | None]:
    try:
        return load_rules(), None
    except RuleError as exc:  # reported by test_the_bundled_pack_loads, not as a collection error
        return None, str(exc)


PACK, PACK_ERROR = _pack()


def _examples() -> list:
    params = []
    for rule in PACK.rules if PACK else []:
        for kind in ("flag", "pass"):
            params += [pytest.param(rule.code, kind, text, id=f"{rule.code}-{kind}-{i}")
                       for i, text in enumerate(rule.examples.get(kind, []))]
        for kind in ("flag", "pass"):
            mark = pytest.mark.xfail(strict=True, reason=f"known gap listed in {rule.code} todo_{kind}")
            params += [pytest.param(rule.code, kind, text, id=f"{rule.code}-todo_{kind}-{i}", marks=mark)
                       for i, text in enumerate(rule.todo.get(kind, []))]
    return params


@lru_cache(maxsize=None)
def only(code: str) -> RuleSet:
    """The pack with only ``code`` selected, compiled once per rule."""
    assert PACK is not None
    return PACK.subset([code])


def test_the_bundled_pack_loads() -> None:
    assert PACK_ERROR is None, PACK_ERROR


@pytest.mark.parametrize(("code", "kind", "text"), _examples())
def test_rule_example(code: str, kind: str, text: str) -> None:
    findings = [f for f in lint_text(text, ruleset=only(code)) if f.code == code]
    if kind == "flag":
        assert findings, f"{code} should flag: {text}"
    else:
        first = findings[0] if findings else None
        assert first is None, f"{code} should not flag: {text}\n  matched {first.match!r} in {first.clause_label}"
