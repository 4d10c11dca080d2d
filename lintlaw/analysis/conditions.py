"""Rule conditions over frames: the ``frame:`` block of a rule file.

```yaml
frame:
  kinds: [definition, offence]        # which frames (default: both)
  all: [acts, purposes, not required-means, not child-only]
  any: [names-trafficking, [movement, sexual-purpose]]   # a list inside ``any`` is a conjunction
  report: provision                    # or: consent (each consent statement that qualifies)
```

Predicates are the names in ``PREDICATES``; ``not <name>`` negates one. A rule with a ``frame``
block fires on every frame that meets it, in any language with an element lexicon.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lintlaw.analysis.frames import Element, Frame

PREDICATES: dict[str, Callable[[Frame], bool]] = {
    "definition": lambda f: f.kind == "definition",
    "offence": lambda f: f.kind == "offence",
    "names-trafficking": lambda f: f.framing in ("term", "provision", "heading"),
    "titled-trafficking": lambda f: f.framing == "title",
    "mentions-trafficking": lambda f: bool(f.framing),
    "acts": lambda f: bool(f.acts),
    "movement": lambda f: f.movement,
    "moving": lambda f: f.moving,
    "purposes": lambda f: bool(f.purposes),
    "sexual-purpose": lambda f: f.sexual_purpose,
    "open-purpose": lambda f: f.open_purpose,
    "non-sexual-purpose": lambda f: any(p.sub not in ("prostitution", "sexual-exploitation") for p in f.purposes),
    "required-means": lambda f: f.means_required,
    "child-only": lambda f: f.subject == "child",
    "smuggling": lambda f: f.smuggling,
    "third-party-acts": lambda f: bool(f.third_party),
    "buyer": lambda f: bool(f.buyer),
    "seller": lambda f: bool(f.seller),
    "excludes": lambda f: f.polarity == "excludes",
    "unscoped-consent": lambda f: any(c.role == "unscoped" for c in f.consent),
    "women-or-children-only": lambda f: f.victims != "persons",
}
REPORTS = ("provision", "consent")


def check_spec(spec: Any) -> str | None:
    """A problem with a ``frame:`` block, or None when it is well formed."""
    if not isinstance(spec, dict):
        return "'frame' must be a mapping with 'all', 'any', 'kinds' or 'report'"
    unknown = [k for k in spec if k not in ("kinds", "all", "any", "report")]
    if unknown:
        return f"unknown key '{unknown[0]}' in 'frame'"
    if spec.get("report", "provision") not in REPORTS:
        return f"'frame.report' must be one of {', '.join(REPORTS)}"
    kinds = spec.get("kinds", ["definition", "offence"])
    if not isinstance(kinds, list) or not set(kinds) <= {"definition", "offence"}:
        return "'frame.kinds' must list definition and/or offence"
    for key in ("all", "any"):
        for item in spec.get(key) or []:
            for name in (item if isinstance(item, list) else [item]):
                if not isinstance(name, str) or name.removeprefix("not ").strip() not in PREDICATES:
                    return f"unknown frame condition {name!r} in 'frame.{key}' (known: {', '.join(PREDICATES)})"
    return None


def _holds(name: str, frame: Frame) -> bool:
    negated = name.startswith("not ")
    value = PREDICATES[name.removeprefix("not ").strip()](frame)
    return not value if negated else value


def meets(spec: dict, frame: Frame) -> bool:
    """Whether ``frame`` meets the rule's ``frame:`` block."""
    if frame.kind not in spec.get("kinds", ["definition", "offence"]):
        return False
    if not all(_holds(name, frame) for name in spec.get("all") or []):
        return False
    alternatives = spec.get("any") or []
    return not alternatives or any(
        all(_holds(n, frame) for n in (item if isinstance(item, list) else [item])) for item in alternatives)


def contradicts(spec: dict, frame: Frame) -> bool:
    """Whether ``frame`` fails one of the rule's negative conditions (``not required-means``,
    ``not child-only`` ...): what the frame found rules the provision out."""
    return any(name.startswith("not ") and not _holds(name, frame) for name in spec.get("all") or [])


def reported(spec: dict, frame: Frame) -> list[Element | None]:
    """Where the finding goes: the provision itself (None), or each qualifying consent statement."""
    if spec.get("report", "provision") == "consent":
        return [c for c in frame.consent if c.role == "unscoped"]
    return [None]
