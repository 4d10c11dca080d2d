"""``compare``: one law against the Palermo Protocol.

Puts the pieces together: element analysis of each trafficking definition and offence
(:mod:`.analysis`), the article table (:mod:`.articles`), the redline of the main definition
against Art. 3(a) (:mod:`.redline`) and the departures as findings (:mod:`.findings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lintlaw.model import Clause, Document, Finding, Outline
from lintlaw.protocol import findings as fmod
from lintlaw.protocol.analysis import Analyser, Analysis, main_analysis
from lintlaw.protocol.articles import ArticleCoverage, coverage
from lintlaw.protocol.lexicon import ElementMatcher, get_matcher
from lintlaw.protocol.redline import Run, redline
from lintlaw.protocol.reference import CATEGORIES, Reference, load_reference

SCHEMA_VERSION = "1"
_SEXUAL_NAME = re.compile(r"\bsex(?:ual)?\b|\bprostitut", re.IGNORECASE)
NARROW_VICTIMS = {"women": "women", "women-and-children": "women and children"}


@dataclass
class Comparison:
    """A law compared with the Protocol."""

    outline: Outline
    reference: Reference
    analyses: list[Analysis]
    main: Analysis | None
    articles: list[ArticleCoverage]
    redline: list[Run]
    findings: list[Finding]

    @property
    def document(self) -> Document:
        return self.outline.document

    def document_dict(self) -> dict[str, Any]:
        meta = self.document.metadata
        return {
            "path": self.document.path,
            "title": self.document.title,
            "jurisdiction": meta.get("jurisdiction"),
            "year": str(meta["year"]) if meta.get("year") is not None else None,
            "language": self.document.language,
            "format": self.document.format,
            "clauses": sum(1 for _ in self.outline.clauses()),
        }

    def protocol_dict(self) -> dict[str, Any]:
        definition = self.reference.definition
        data = self.reference.to_dict()
        data.update({"id": definition.id, "label": definition.label, "text": definition.text})
        return data

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (documented in docs/compare.md)."""
        main = self.main
        return {
            "schema_version": SCHEMA_VERSION,
            "protocol": self.protocol_dict(),
            "document": self.document_dict(),
            "definitions": [a.to_dict(self.outline) for a in self.analyses],
            "main_definition": {"id": main.clause.id, "label": main.clause.label} if main else None,
            "articles": [a.to_dict() for a in self.articles],
            "redline": [r.to_dict() for r in self.redline],
            "findings": [f.to_dict() for f in self.findings],
        }


def _keeps_protocol(a: Analysis) -> bool:
    tables = a.profile.tables
    return (bool(tables["acts"].found) and bool(tables["purposes"].found) and a.profile.means_required_for_adults
            and a.consent != "unscoped" and a.profile.victims == "persons" and a.child_age in (None, 18))


def definition_verdict(analyses: list[Analysis], main: Analysis | None) -> tuple[str, list[Clause]]:
    """Art. 3: covered if the main definition and every adult provision keep it; partial if any exist."""
    if not analyses or main is None:
        return "absent", []
    clauses: list[Clause] = []
    for a in analyses:
        if a.clause not in clauses:
            clauses.append(a.clause)
    adult = [a for a in analyses if a.profile.victims != "children"]
    verdict = "covered" if _keeps_protocol(main) and all(_keeps_protocol(a) for a in adult) else "partial"
    return verdict, clauses


def _names(a: Analysis) -> str:
    if a.site.kind == "definition":
        return f'The definition of "{a.site.term}"'
    return "This offence"


def _named_sexual(a: Analysis) -> bool:
    """Whether the provision's own name says it is about sex ("sex trafficking", a section headed
    "Sex trafficking of children ..."): then its sexual purposes are its subject, not a narrowing."""
    names = [a.site.term or "", a.clause.heading or "", *(c.heading or "" for c in a.clause.ancestors())]
    return any(_SEXUAL_NAME.search(name) for name in names)


def departures(analyses: list[Analysis], outline: Outline) -> list[fmod.Departure]:
    """The ways the provisions depart from Art. 3, each tied to a place in the text."""
    found: list[fmod.Departure] = []
    any_persons = any(a.profile.victims == "persons" for a in analyses)
    broad_purposes = any(a.profile.tables["purposes"].found and not a.profile.purposes_limited_to_sexual
                         for a in analyses)
    for a in analyses:
        start, end = a.site.start, a.site.end
        if a.consent == "unscoped" and a.consent_statement is not None:
            st = a.consent_statement
            found.append(fmod.Departure(fmod.CONSENT, outline.leaf_at(st.start), st.start, st.end,
                                        "Makes consent irrelevant without tying that to the use of a means "
                                        f'("{st.marker}"); departs from Art. 3(b), under which consent is '
                                        "irrelevant only where a means was used."))
        if not a.profile.means_required_for_adults:
            acts = ", ".join(a.profile.tables["acts"].found + a.profile.tables["acts"].extra) or "no listed act"
            found.append(fmod.Departure(fmod.NO_MEANS, a.clause, start, end,
                                        f"{_names(a)} requires no means (force, coercion, deception, abuse of "
                                        f"vulnerability ...) for adults (acts: {acts}); departs from Art. 3(a), "
                                        "which dispenses with the means only for children (Art. 3(c))."))
        narrowed = []
        if a.profile.victims in NARROW_VICTIMS and not any_persons:
            narrowed.append(f"protects {NARROW_VICTIMS[a.profile.victims]} only (Art. 3(a) covers all persons)")
        if a.profile.purposes_limited_to_sexual and not broad_purposes and not _named_sexual(a):
            narrowed.append("is limited to prostitution or sexual exploitation (Art. 3(a) also covers forced "
                            "labour or services, slavery, servitude and the removal of organs)")
        if narrowed:
            found.append(fmod.Departure(fmod.NARROWED, a.clause, start, end,
                                        f"{_names(a)} {' and '.join(narrowed)}; departs from Art. 3(a)."))
        if a.child_age is not None and a.child_age != 18 and a.child_age_at is not None:
            s, e = a.child_age_at
            found.append(fmod.Departure(fmod.CHILD_AGE, outline.leaf_at(s), s, e,
                                        f"Sets the age of a child at {a.child_age}; departs from Art. 3(d), "
                                        "under which a child is any person under eighteen."))
    return found


def compare_outline(outline: Outline, reference: Reference | None = None, *, ruleset: Any = None,
                    matcher: ElementMatcher | None = None) -> Comparison:
    """Compare a segmented law with the Protocol."""
    reference = reference or load_reference()
    matcher = matcher or get_matcher(outline.document.language)
    analyses = Analyser(outline, reference, matcher).analyse_all()
    main = main_analysis(analyses)
    articles = coverage(outline, reference, definition_verdict(analyses, main))
    runs: list[Run] = []
    if main is not None:
        runs = redline(reference.definition.text, outline.document.text[main.site.start:main.site.end])
    found = fmod.to_findings(departures(analyses, outline), outline, ruleset)
    return Comparison(outline, reference, analyses, main, articles, runs, found)


def compare_document(document: Document, reference: Reference | None = None, *, ruleset: Any = None) -> Comparison:
    """Segment ``document`` and compare it with the Protocol."""
    from lintlaw.structure import segment

    return compare_outline(segment(document), reference, ruleset=ruleset)


def element_summary(a: Analysis) -> dict[str, Any]:
    """The element row of one provision, as shown side by side in law-against-law reports."""
    data = {cat: a.profile.tables[cat].found for cat in CATEGORIES}
    data.update({
        "means_required_for_adults": a.profile.means_required_for_adults,
        "consent": a.consent,
        "child_age": a.child_age,
        "victims": a.profile.victims,
        "purposes_limited_to_sexual": a.profile.purposes_limited_to_sexual,
    })
    return data
