"""Every rule's own examples: each ``examples.flag`` text gives a finding of that rule, each
``examples.pass`` text none, with only that rule selected. ``todo_flag`` / ``todo_pass`` entries
are known gaps, run as strict xfail: when a gap is fixed the test fails until the entry moves to
``examples``. An example that declares its language (``{language: fr, text: …}``) is linted in
that language; any other is linted in the language guessed from its words.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from lintlaw.api import lint_text
from lintlaw.engine import RuleSet, load_rules
from lintlaw.engine.runner import applies_to_language
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
            params += [pytest.param(rule.code, kind, text, id=f"{rule.code}-{kind}-{_tag(text)}{i}")
                       for i, text in enumerate(rule.examples.get(kind, []))]
        for kind in ("flag", "pass"):
            mark = pytest.mark.xfail(strict=True, reason=f"known gap listed in {rule.code} todo_{kind}")
            params += [pytest.param(rule.code, kind, text, id=f"{rule.code}-todo_{kind}-{_tag(text)}{i}", marks=mark)
                       for i, text in enumerate(rule.todo.get(kind, []))]
    return params


def _tag(text: str) -> str:
    """``fr-`` for an example declared French, nothing for one whose language is guessed."""
    language = getattr(text, "language", None)
    return f"{language}-" if language else ""


@lru_cache(maxsize=None)
def only(code: str) -> RuleSet:
    """The pack with only ``code`` selected, compiled once per rule."""
    assert PACK is not None
    return PACK.subset([code])


def test_the_bundled_pack_loads() -> None:
    assert PACK_ERROR is None, PACK_ERROR


@pytest.mark.parametrize(("code", "kind", "text"), _examples())
def test_rule_example(code: str, kind: str, text: str) -> None:
    language = getattr(text, "language", None)
    findings = [f for f in lint_text(text, language=language, ruleset=only(code)) if f.code == code]
    if kind == "flag":
        assert findings, f"{code} should flag: {text}"
    else:
        first = findings[0] if findings else None
        assert first is None, f"{code} should not flag: {text}\n  matched {first.match!r} in {first.clause_label}"


def test_declared_example_languages_are_read_by_their_rule() -> None:
    """A "pass" example in a language its rule does not read would pass without testing anything."""
    assert PACK is not None
    unread = [
        (rule.code, text.language)
        for rule in PACK.rules
        for texts in (*rule.examples.values(), *rule.todo.values())
        for text in texts
        if getattr(text, "language", None) and not applies_to_language(rule.spec, text.language)
    ]
    assert not unread, f"examples in languages their rule does not read: {unread}"
