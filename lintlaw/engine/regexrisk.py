"""Spot rule regexes that can backtrack catastrophically before they ever run.

Python's ``re`` backtracks: a quantified group that itself contains an unbounded quantifier, as in
``(a+)+$`` or ``(\\w+\\s?)*:``, takes time exponential in the length of a text that almost matches.
``nested_repeat`` finds such nesting in a pattern's parse tree, so the loader can refuse the rule
(E203) with the offending fragment, instead of a lint run hanging on the first long clause.
Possessive quantifiers and atomic groups do not backtrack and are accepted. This is a guard
against the common shape, not a proof: every lint run also has a time limit (``lintlaw.limits``).
"""

from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_UNBOUNDED = 16  # a repeat that may run more times than this counts as unbounded


def nested_repeat(pattern: str) -> bool:
    """Whether ``pattern`` repeats a sub-pattern that itself contains an unbounded repeat."""
    try:
        parsed = _p.parse(pattern)
    except Exception:  # noqa: BLE001 - an invalid pattern is reported by re.compile elsewhere
        return False
    return _scan(parsed, inside_repeat=False)


def _scan(items, *, inside_repeat: bool) -> bool:  # type: ignore[no-untyped-def]
    for op, arg in items:
        if op in _REPEATS:
            low, high, body = arg
            unbounded = high == _c.MAXREPEAT or high > _UNBOUNDED
            if unbounded and inside_repeat and _can_repeat_text(body):
                return True
            if _scan(body, inside_repeat=inside_repeat or unbounded):
                return True
        elif op is _c.SUBPATTERN:
            if _scan(arg[-1], inside_repeat=inside_repeat):
                return True
        elif op is _c.BRANCH:
            if any(_scan(branch, inside_repeat=inside_repeat) for branch in arg[1]):
                return True
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if _scan(arg[1], inside_repeat=inside_repeat):
                return True
        elif op is _c.GROUPREF_EXISTS:
            if any(b is not None and _scan(b, inside_repeat=inside_repeat) for b in arg[1:]):
                return True
        # ATOMIC_GROUP and POSSESSIVE_REPEAT never backtrack into their body: not scanned.
    return False


def _can_repeat_text(body) -> bool:  # type: ignore[no-untyped-def]
    """Whether a repeated body matches some text (a bare assertion or an empty group does not)."""
    return any(op not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT) for op, _ in body)
