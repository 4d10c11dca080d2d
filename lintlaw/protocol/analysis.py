"""The element analysis of every trafficking definition and offence of one document.

For each provision found by :mod:`lintlaw.protocol.locate` this module works out its element
profile (recursively through the definitions it uses), the consent rule that applies to it, and
the age at which the law stops treating a person as a child.

Consent: the statements considered are those in the provision itself, in the provisions it
uses, in the same top-level section, and anywhere else in the document where the statement
speaks of trafficking or its victims; one unscoped statement for adults makes the result
``unscoped`` (Art. 3(b)). Child age: an age threshold inside the provision, else the document's
definition of "child" (or "minor", "girl", ...), else ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lintlaw.model import Clause, Outline
from lintlaw.protocol import consent as consent_mod
from lintlaw.protocol import locate
from lintlaw.protocol.ages import AgeMention, age_thresholds
from lintlaw.protocol.elements import Profile, Use, profile
from lintlaw.protocol.lexicon import ElementMatcher
from lintlaw.protocol.reference import CATEGORIES, Reference

_ABOUT_TRAFFICKING = re.compile(r"traffick|\bvictims?\b", re.IGNORECASE)
GENERIC_TERMS = ("trafficking in persons", "trafficking in human beings", "human trafficking", "trafficking",
                 "trafficking in women and children", "traffic in persons")


@dataclass
class Analysis:
    """One definition or offence and what it keeps of Art. 3."""

    site: locate.Site
    profile: Profile
    consent: str
    consent_statement: consent_mod.ConsentStatement | None
    child_age: int | None
    child_age_at: tuple[int, int] | None
    uses: list[locate.Site] = field(default_factory=list)

    @property
    def clause(self) -> Clause:
        return self.site.clause

    def to_dict(self, outline: Outline) -> dict[str, Any]:
        text = outline.document.text
        data: dict[str, Any] = {
            "clause": {"id": self.clause.id, "label": self.clause.label,
                       "text": " ".join(text[self.site.start:self.site.end].split())},
            "kind": self.site.kind,
            "term": self.site.term,
        }
        for category in CATEGORIES:
            data[category] = self.profile.tables[category].to_dict()
        data.update({
            "means_required_for_adults": self.profile.means_required_for_adults,
            "consent": self.consent,
            "child_age": self.child_age,
            "victims": self.profile.victims,
            "purposes_limited_to_sexual": self.profile.purposes_limited_to_sexual,
            "consent_clause": _clause_ref(outline, self.consent_statement),
            "incorporates": [{"id": s.clause.id, "label": s.clause.label, "term": s.term} for s in self.uses],
        })
        return data


def _clause_ref(outline: Outline, statement: consent_mod.ConsentStatement | None) -> dict[str, str] | None:
    if statement is None:
        return None
    clause = outline.leaf_at(statement.start)
    return {"id": clause.id, "label": clause.label, "text": " ".join(statement.text.split())}


def own_pieces(outline: Outline) -> list[tuple[Clause, int, int]]:
    """Each clause's own text (its span minus its children's), root included, in text order."""
    pieces = []
    start_at = outline.document.body_start
    for clause in outline.root.walk():
        cursor = max(clause.start, start_at) if clause is outline.root else clause.start
        end = len(outline.document.text) if clause is outline.root else clause.end
        for child in clause.children:
            if child.start > cursor:
                pieces.append((clause, cursor, child.start))
            cursor = max(cursor, child.end)
        if end > cursor:
            pieces.append((clause, cursor, end))
    return sorted((p for p in pieces if outline.document.norm[p[1]:p[2]].strip()), key=lambda p: p[1])


def consent_statements(outline: Outline, matcher: ElementMatcher) -> list[consent_mod.ConsentStatement]:
    """Every consent-irrelevance statement in the document."""
    norm = outline.document.norm
    found: list[consent_mod.ConsentStatement] = []
    for _, start, end in own_pieces(outline):
        found.extend(consent_mod.consent_statements(norm[start:end], start, matcher))
    return found


def _top(clause: Clause, outline: Outline) -> Clause:
    node = clause
    while node.parent is not None and node.parent is not outline.root:
        node = node.parent
    return node


class Analyser:
    """Analyses the provisions of one outline; profiles are memoised by site span."""

    def __init__(self, outline: Outline, reference: Reference, matcher: ElementMatcher) -> None:
        self.outline = outline
        self.reference = reference
        self.matcher = matcher
        self.definitions = locate.find_definitions(outline)
        self.trafficking = locate.trafficking_definitions(outline, self.definitions)
        self.children = locate.child_definitions(outline, self.definitions)
        self.offences = locate.find_offences(outline, matcher, self.definitions, self.trafficking)
        self.statements = consent_statements(outline, matcher)
        self.framed: dict[tuple[int, int], Any] = {}
        self._add_framed_sites()
        self._profiles: dict[tuple[int, int], Profile] = {}
        self._uses: dict[tuple[int, int], list[tuple[int, locate.Site]]] = {}
        self._visiting: set[tuple[int, int]] = set()

    def _add_framed_sites(self) -> None:
        """Trafficking provisions that only the element frames find (see ``from_frames``)."""
        from lintlaw.protocol import from_frames

        known = [*self.trafficking, *self.offences]
        for frame in from_frames.trafficking_frames(self.outline):
            if any(s.start < frame.end and frame.start < s.end for s in known):
                continue
            site = from_frames.site_of(self.outline, frame)
            self.framed[site.key] = frame
            (self.trafficking if frame.kind == "definition" else self.offences).append(site)
            known.append(site)

    def uses(self, site: locate.Site) -> list[tuple[int, locate.Site]]:
        if site.key not in self._uses:
            norm = self.outline.document.norm
            found = locate.term_uses(norm[site.start:site.end], site.start, self.trafficking, site)
            found += locate.cross_references(self.outline, site, self.trafficking)
            self._uses[site.key] = sorted(found, key=lambda u: (u[0], u[1].start))
        return self._uses[site.key]

    def profile(self, site: locate.Site) -> Profile:
        if site.key in self._profiles:
            return self._profiles[site.key]
        self._visiting.add(site.key)
        uses = [Use(offset, self.profile(target)) for offset, target in self.uses(site)
                if target.key not in self._visiting]
        self._visiting.discard(site.key)
        result = profile(self.outline.document.norm, site.limbs, self.matcher, self.reference, site.body, uses)
        self._profiles[site.key] = result
        return result

    def _statements_for(self, site: locate.Site, used: list[locate.Site]) -> list[consent_mod.ConsentStatement]:
        spans = [(site.start, site.end)] + [(u.start, u.end) for u in used]
        top = _top(site.clause, self.outline) if site.clause is not self.outline.root else None
        chosen = []
        for statement in self.statements:
            inside = any(s <= statement.start < e for s, e in spans)
            same_section = top is not None and top.start <= statement.start < top.end
            if inside or same_section or _ABOUT_TRAFFICKING.search(statement.text):
                chosen.append(statement)
        return chosen

    def _child_age(self, prof: Profile) -> tuple[int | None, tuple[int, int] | None]:
        if prof.ages:
            first = prof.ages[0]
            return first.age, (first.start, first.end)
        norm = self.outline.document.norm
        for site in self.children:
            ages: list[AgeMention] = age_thresholds(norm[site.start:site.end])
            if ages:
                return ages[0].age, (site.start + ages[0].start, site.start + ages[0].end)
        return None, None

    def analyse(self, site: locate.Site) -> Analysis:
        frame = self.framed.get(site.key)
        if frame is not None:
            from lintlaw.protocol import from_frames

            statement = None
            return Analysis(site, from_frames.profile_of(frame, self.reference), from_frames.consent_of(frame),
                            statement, *self._child_age(from_frames.profile_of(frame, self.reference)), [])
        prof = self.profile(site)
        used = [target for _, target in self.uses(site)]
        statements = self._statements_for(site, used)
        consent, statement = consent_mod.classify(statements)
        prof, consent = self._agree_with_frame(site, prof, consent)
        age, age_at = self._child_age(prof)
        unique: list[locate.Site] = []
        for target in used:
            if all(target.key != u.key for u in unique):
                unique.append(target)
        return Analysis(site, prof, consent, statement, age, age_at, unique)

    def _agree_with_frame(self, site: locate.Site, prof: Profile, consent: str) -> tuple[Profile, str]:
        """Take the element frame's verdicts for a provision that ``check`` also reads, so the two
        commands never disagree on whether it requires a means or sets consent aside."""
        from dataclasses import replace

        from lintlaw.protocol import from_frames

        frame = from_frames.frame_for(from_frames.trafficking_frames(self.outline), site.start, site.end)
        if frame is None:
            return prof, consent
        prof = replace(prof, means_required_for_adults=from_frames.means_required(frame))
        if frame.consent:
            consent = from_frames.consent_of(frame)
        return prof, consent

    def analyse_all(self) -> list[Analysis]:
        """Trafficking definitions, then offences, each in text order."""
        return [self.analyse(site) for site in [*self.trafficking, *self.offences]]


def main_analysis(analyses: list[Analysis]) -> Analysis | None:
    """The law's main definition: a generic term first, else the fullest definition, else an offence."""
    definitions = [a for a in analyses if a.site.kind == "definition"]
    for term in GENERIC_TERMS:
        for analysis in definitions:
            if (analysis.site.term or "").lower() == term:
                return analysis
    pool = definitions or analyses
    if not pool:
        return None

    def richness(a: Analysis) -> int:
        return sum(len(a.profile.tables[c].found) for c in CATEGORIES)

    return max(pool, key=lambda a: (richness(a), -a.site.start))
