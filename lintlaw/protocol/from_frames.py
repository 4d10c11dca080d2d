"""Compare's reading of provisions that its English locator does not find, taken from the
element frames that ``check`` uses (:mod:`lintlaw.analysis`).

For a law in French or Spanish, and for provisions of an English law whose form the locator does
not know (an offence that never says "means", a civil-law article), the trafficking definitions
and offences are the frames that name trafficking (or, in a law whose title does, move a person
for a purpose), and their element tables are built from the frame's elements, mapped to the
Protocol's element ids. The verdicts (``means_required_for_adults``, ``consent``) are the frame's,
so ``compare`` and ``check`` agree on such a provision.
"""

from __future__ import annotations

from lintlaw.analysis import Frame, frames_of
from lintlaw.analysis.conditions import meets
from lintlaw.model import Outline
from lintlaw.protocol import locate
from lintlaw.protocol.elements import SEXUAL_PURPOSES, ElementTable, Limb, Profile
from lintlaw.protocol.lexicon import TermMatch
from lintlaw.protocol.reference import CATEGORIES, Reference

ABOUT_TRAFFICKING = {
    "all": ["acts", "purposes", "not smuggling", "not excludes"],
    "any": [["names-trafficking", "movement"], ["titled-trafficking", "moving", "not buyer", "not seller"]],
}
PROTOCOL_IDS = {
    "acts": {"recruit": "recruitment", "transport": "transportation", "transfer": "transfer",
             "harbour": "harbouring", "receive": "receipt"},
    "means": {m: m for m in ("threat", "force", "coercion", "abduction", "fraud", "deception", "abuse-of-power",
                             "abuse-of-vulnerability", "payments-to-controller")},
    "purposes": {"exploitation": "exploitation", "sexual-exploitation": "sexual-exploitation",
                 "prostitution": "prostitution", "labour": "forced-labour"},
}
FRAME_CATEGORY = {"acts": "acts", "means": "means", "purposes": "purposes"}


_CACHE_ATTR = "_lintlaw_trafficking_frames"


def trafficking_frames(outline: Outline) -> list[Frame]:
    """The frames of ``outline`` that define or punish trafficking (worked out once per outline:
    every provision compare reads asks for them)."""
    cached = getattr(outline, _CACHE_ATTR, None)
    if cached is None:
        cached = [f for f in frames_of(outline) if meets(ABOUT_TRAFFICKING, f)]
        setattr(outline, _CACHE_ATTR, cached)
    return cached


def site_of(outline: Outline, frame: Frame) -> locate.Site:
    norm = outline.document.norm
    start, end = locate._trim(norm, frame.start, frame.end)
    return locate.Site(frame.kind, frame.clause, start, end, start, term=frame.term,
                       limbs=[((start, end),)])


def _table(category: str, frame: Frame, reference: Reference) -> ElementTable:
    ids = reference.element_ids(category)
    mapping = PROTOCOL_IDS[category]
    elements = getattr(frame, category)
    matches = [TermMatch(category, mapping.get(e.sub, e.sub), e.start, e.end, e.text, e.role in ("optional",))
               for e in elements]
    counted = [e for e in elements if category != "means" or e.role == "required"]
    present = {mapping.get(e.sub, e.sub) for e in counted}
    extra = list(dict.fromkeys(mapping.get(e.sub, e.sub) for e in counted if mapping.get(e.sub, e.sub) not in ids))
    return ElementTable(found=[i for i in ids if i in present], missing=[i for i in ids if i not in present],
                        extra=extra, matches=matches)


def profile_of(frame: Frame, reference: Reference) -> Profile:
    """A compare ``Profile`` built from a frame's elements."""
    tables = {cat: _table(cat, frame, reference) for cat in CATEGORIES}
    purposes = set(tables["purposes"].found) | set(tables["purposes"].extra)
    groups = {"persons"} if frame.victims == "persons" else set(frame.victims.split("-and-"))
    child = frame.subject == "child"
    limb = Limb(pieces=((frame.start, frame.end),), matches=[], groups=groups, child_only=child,
                has_means=frame.means_required, ages=[])
    return Profile(tables=tables, means_required_for_adults=means_required(frame),
                   victims=frame.victims, groups=groups,
                   purposes_limited_to_sexual=bool(purposes) and purposes <= SEXUAL_PURPOSES,
                   ages=[], limbs=[limb])


def means_required(frame: Frame) -> bool:
    """The frame's verdict on means for adults: a means is required, or the provision is for
    children only, or every purpose carries its own coercion (forced labour, slavery, servitude)."""
    coerced_purposes = bool(frame.purposes) and not frame.open_purpose
    return frame.means_required or frame.subject == "child" or coerced_purposes


def frame_for(frames: list[Frame], start: int, end: int) -> Frame | None:
    """The frame that reads the provision spanning ``start``..``end`` (the tightest overlapping one)."""
    around = [f for f in frames if f.start < end and start < f.end]
    return min(around, key=lambda f: abs(f.start - start) + abs(f.end - end)) if around else None


def consent_of(frame: Frame) -> str:
    """``unscoped``, ``scoped`` or ``absent``, as compare's consent classification."""
    roles = {c.role for c in frame.consent}
    return "unscoped" if "unscoped" in roles else "scoped" if "scoped" in roles else "absent"
