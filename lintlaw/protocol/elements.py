"""Element analysis of one definition or offence: acts, means and purposes, limb by limb.

A provision is read as a set of **limbs**, the alternatives it lists: a definition with items
(a), (b) … has one limb per item, each read together with the words before and after the list;
a provision without items is one limb. Means are *required for adults* when every limb that can
apply to an adult names a means. A limb whose victims are children only needs none (Art. 3(c)).
A limb that uses another defined trafficking term ("sex trafficking in which …") inherits that
definition's elements (see :mod:`lintlaw.protocol.locate`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lintlaw.protocol.ages import AgeMention, age_thresholds
from lintlaw.protocol.lexicon import ElementMatcher, TermMatch
from lintlaw.protocol.reference import CATEGORIES, Reference
from lintlaw.protocol.victims import classify, victim_groups

SEXUAL_PURPOSES = frozenset({"exploitation-of-prostitution", "sexual-exploitation", "prostitution", "pornography"})
Pieces = tuple[tuple[int, int], ...]


@dataclass
class ElementTable:
    """Protocol elements ``found`` and ``missing`` (Protocol order), ``extra`` terms beyond them."""

    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    matches: list[TermMatch] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "found": list(self.found),
            "missing": list(self.missing),
            "extra": list(self.extra),
            "matches": [
                {"element": m.element, "text": m.text, **({"optional": True} if m.optional else {})}
                for m in self.matches
            ],
        }


@dataclass
class Limb:
    """One alternative of a provision; offsets are into the document text."""

    pieces: Pieces
    matches: list[TermMatch]
    groups: set[str]
    child_only: bool
    has_means: bool
    ages: list[AgeMention]
    incorporates: list["Profile"] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0]


@dataclass
class Profile:
    """What a provision says about the elements, whoever it protects and which ages it names."""

    tables: dict[str, ElementTable]
    means_required_for_adults: bool
    victims: str
    groups: set[str]
    purposes_limited_to_sexual: bool
    ages: list[AgeMention]
    limbs: list[Limb]


@dataclass(frozen=True)
class Use:
    """A use, inside a provision, of another provision's definition (offset into the document)."""

    offset: int
    profile: Profile


def _joined(text: str, pieces: Pieces) -> tuple[str, list[tuple[int, int]]]:
    """The pieces joined by a space, and (joined offset, document offset) anchors to map back."""
    parts, anchors, pos = [], [], 0
    for start, end in pieces:
        anchors.append((pos, start))
        parts.append(text[start:end])
        pos += end - start + 1
    return " ".join(parts), anchors


def _to_doc(offset: int, anchors: list[tuple[int, int]]) -> int:
    base = max((a for a in anchors if a[0] <= offset), default=anchors[0])
    return base[1] + offset - base[0]


def _limb(doc_text: str, pieces: Pieces, matcher: ElementMatcher, body_offset: int,
          inherited: list[Profile]) -> Limb:
    text, anchors = _joined(doc_text, pieces)
    local = matcher.find(text)
    matches = [TermMatch(m.category, m.element, _to_doc(m.start, anchors),
                         _to_doc(m.start, anchors) + m.end - m.start, m.text, m.optional) for m in local]
    body = 0
    if body_offset > pieces[0][0]:
        body = max(0, min(len(text), body_offset - pieces[0][0]))
    first_act = next((m for m in local if m.category == "acts" and m.start >= body), None)
    groups, _ = victim_groups(text, first_act.end if first_act else body)
    if not groups and first_act is not None:
        groups, _ = victim_groups(text, body)
    if not groups:
        for profile in inherited:
            groups |= profile.groups
    has_means = any(m.category == "means" and not m.optional for m in local) or any(
        p.means_required_for_adults and p.tables["means"].found for p in inherited
    )
    ages = [AgeMention(a.age, _to_doc(a.start, anchors), _to_doc(a.start, anchors) + a.end - a.start, a.text)
            for a in age_thresholds(text)]
    return Limb(pieces=pieces, matches=matches, groups=groups, child_only=classify(groups) == "children",
                has_means=has_means, ages=ages, incorporates=list(inherited))


def _table(category: str, matches: list[TermMatch], inherited: list[Profile],
           reference: Reference) -> ElementTable:
    protocol_ids = reference.element_ids(category)
    own = [m for m in matches if m.category == category]
    present = {m.element for m in own if not m.optional}
    extra_order: list[str] = []
    for m in own:
        if not m.optional and m.element not in protocol_ids and m.element not in extra_order:
            extra_order.append(m.element)
    for profile in inherited:
        present |= set(profile.tables[category].found)
        for element in profile.tables[category].extra:
            if element not in extra_order:
                extra_order.append(element)
    return ElementTable(
        found=[e for e in protocol_ids if e in present],
        missing=[e for e in protocol_ids if e not in present],
        extra=extra_order,
        matches=own,
    )


def profile(doc_text: str, limbs: list[Pieces], matcher: ElementMatcher, reference: Reference,
            body_offset: int = 0, uses: list["Use"] | tuple["Use", ...] = ()) -> Profile:
    """Analyse a provision given as limbs (lists of document spans) and the definitions it uses."""
    results = []
    for pieces in limbs:
        inherited = [u.profile for u in uses if any(s <= u.offset < e for s, e in pieces)]
        results.append(_limb(doc_text, pieces, matcher, body_offset, inherited))
    # The words before and after a list belong to every limb: count each match and age once.
    matches = sorted({(m.start, m.end, m.category, m.element): m for limb in results for m in limb.matches}.values(),
                     key=lambda m: (m.start, m.end, m.category, m.element))
    ages = sorted({(a.start, a.end): a for limb in results for a in limb.ages}.values(), key=lambda a: a.start)
    inherited_all = [p for limb in results for p in limb.incorporates]
    tables = {cat: _table(cat, matches, inherited_all, reference) for cat in CATEGORIES}
    adult = [limb for limb in results if not limb.child_only]
    required = all(limb.has_means for limb in adult) if adult else bool(results)
    groups: set[str] = set()
    for limb in results:
        groups |= limb.groups
    purposes = set(tables["purposes"].found) | set(tables["purposes"].extra)
    return Profile(
        tables=tables,
        means_required_for_adults=required,
        victims=classify(groups),
        groups=groups,
        purposes_limited_to_sexual=bool(purposes) and purposes <= SEXUAL_PURPOSES,
        ages=ages,
        limbs=results,
    )
