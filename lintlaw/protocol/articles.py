"""Which of the Protocol's articles a law addresses: explicit checks decide, similarity ranks.

Each article has a few *topics*, each a set of patterns that must all occur in one clause
(e.g. Art. 8: "return" or "repatriation" with "victim", and a safeguard such as "safety" or
"voluntary"). The verdict (``covered`` / ``partial`` / ``absent``) follows from which topics
the law satisfies anywhere. The clauses listed are the most specific ones that satisfy a topic,
plus any clause whose wording is very close to one of the article's paragraphs; each carries a
rapidfuzz ``token_sort_ratio`` score (0-100, best over the article's paragraphs and items), which
orders them but never decides.
Art. 3 is judged on the element analysis of the law's definitions instead of on patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from lintlaw.model import Clause, Outline
from lintlaw.protocol.reference import Reference

VICTIM = r"\bvictims?\b|\btrafficked\s+persons?\b|\bpersons?\s+subjected\s+to\s+trafficking\b|\bsurvivors?\b"
OFFENCE = r"\boffen[cs]es?\b"
IMMUNITY = (r"\bnot\s+(?:be\s+)?(?:punish|penali[sz]|prosecut|detain|criminali[sz])\w*"
            r"|\bnot\s+(?:be\s+)?held\s+(?:criminally\s+)?(?:liable|responsible)|\bnon-?punishment\b"
            r"|\bnot\s+imposing\s+penalties\b|\bimmun\w*\s+from\s+(?:prosecution|punishment)"
            r"|\bexempt\w*\s+from\s+(?:criminal\s+)?(?:liability|punishment|prosecution|penalt\w*)")
COMPELLED = (r"\bcompelled\b|\bdirect\s+(?:result|consequence)\b|\binvolvement\s+in\s+unlawful\s+activit\w*"
             r"|\bunlawful\s+(?:acts?|activit\w*)|\boffen[cs]es?\s+(?:committed|they\s+were)")
SIMILAR = 85.0  # score from which a clause is listed even if it passes no check
MAX_CLAUSES = 5
NOT_PROVISIONS = frozenset({"book", "part", "title", "subtitle", "chapter", "subchapter", "division", "subdivision",
                            "subpart", "schedule", "heading", "subheading", "group", "preamble", "document"})
NON_PUNISHMENT_TEXT = (
    "Victims of trafficking are not punished, prosecuted or detained for unlawful acts or offences "
    "they were compelled to commit as a direct consequence of having been trafficked."
)


@dataclass(frozen=True)
class ArticleSpec:
    """An article (or the non-punishment principle) and the explicit checks for it."""

    key: str
    title: str
    reference_id: str | None
    topics: dict[str, tuple[str, ...]]
    verdict: Callable[[set[str]], str]


def _all_or(required: tuple[str, ...], enough: tuple[str, ...] = ()) -> Callable[[set[str]], str]:
    """covered when every ``required`` topic is met; partial when any of ``enough`` (or any topic) is."""

    def decide(met: set[str]) -> str:
        if set(required) <= met:
            return "covered"
        if met & set(enough or required):
            return "partial"
        return "absent"

    return decide


def _count(covered: int) -> Callable[[set[str]], str]:
    def decide(met: set[str]) -> str:
        return "covered" if len(met) >= covered else "partial" if met else "absent"

    return decide


SPECS: tuple[ArticleSpec, ...] = (
    ArticleSpec("5", "Criminalization", "art_5", {
        "offence": (r"\bcriminal\s+offen[cs]es?\b|\bguilty\s+of\b|\bshall\s+be\s+(?:punished|liable|fined|imprisoned)\b"
                    r"|\bcommits?\s+an?\s+offen[cs]e\b|\bis\s+an\s+offen[cs]e\b|\bliable\s+(?:to|on)\b",
                    r"\btraffick|\barticle\s+3\b"),
        "attempt": (r"\battempt\w*\s+(?:to\s+)?commit|\battempts?\b", OFFENCE),
        "accomplice": (r"\baccomplice|\baid\w*\s+(?:or|and)\s+abet\w*|\babet\w*|\bcomplicit\w*", OFFENCE),
        "organising": (r"\borgani[sz]\w*\s+or\s+direct\w*|\bdirect\w*\s+(?:other\s+)?persons\s+to\s+commit", OFFENCE),
    }, _all_or(("offence", "attempt", "accomplice", "organising"), ("offence",))),
    ArticleSpec("6", "Assistance to and protection of victims", "art_6", {
        "privacy": (r"\bprivacy\b|\bprivate\s+life\b|\bconfidential\w*|\bidentity\s+of\s+(?:the\s+)?victims?", VICTIM),
        "proceedings": (r"\bproceedings\b|\blegal\s+(?:advice|aid|assistance)\b|\blegal\s+rights\b", VICTIM),
        "recovery": (r"\brecovery\b|\bhousing\b|\bshelter\b|\baccommodation\b|\bcounsel+ing\b|\bmedical\b"
                     r"|\bhealth\s+care\b|\bpsycholog\w*|\bemployment\b|\beducation\w*|\bjob\s+training\b"
                     r"|\brehabilitat\w*", VICTIM),
        "safety": (r"\bsafety\b|\bprotection\s+from\s+(?:potential\s+)?(?:retaliation|intimidation)"
                   r"|\bphysical\s+protection\b", VICTIM),
        "compensation": (r"\bcompensation\b|\brestitution\b|\bdamages\b", VICTIM),
    }, _count(3)),
    ArticleSpec("7", "Status of victims in receiving States", "art_7", {
        "residence": (r"\bremain\s+in\s+(?:its|the|their)\s+territory|\bstay\s+in\s+(?:its|the|their)\s+territory"
                      r"|\bresiden(?:ce|t)\s+(?:permit|status|visa)|\btemporary\s+(?:residence|visa|permit)", VICTIM),
    }, _all_or(("residence",))),
    ArticleSpec("8", "Repatriation of victims", "art_8", {
        "return": (r"\brepatriat\w*|\breturn\w*\b", VICTIM),
        "safeguards": (r"\brepatriat\w*|\breturn\w*\b",
                       r"\bsafety\b|\bvoluntar\w*|\brisk\s+(?:and\s+security\s+)?assessment|\bdue\s+regard\b"
                       r"|\bbest\s+interests?\b", VICTIM),
    }, _all_or(("return", "safeguards"), ("return",))),
    ArticleSpec("9", "Prevention of trafficking in persons", "art_9", {
        "prevention": (r"\bprevent\w*|\bcombat\w*", r"\btraffick",
                       r"\bpolic(?:y|ies)\b|\bprogram(?:me)?s?\b|\bresearch\b|\bcampaigns?\b|\bawareness\b"
                       r"|\binitiatives?\b|\bmeasures\b"),
        "root-causes": (r"\bvulnerab\w*\s+to\s+traffick\w*|\bpoverty\b|\bunderdevelopment\b|\bequal\s+opportunit\w*"
                        r"|\b(?:root|underlying)\s+causes?\b", r"\btraffick"),
    }, _all_or(("prevention", "root-causes"), ("prevention",))),
    ArticleSpec("9(5)", "Discouraging the demand that fosters exploitation", "art_9__para_5", {
        "demand": (r"\bdemand\b", r"\bexploitation\b|\btraffick|\bprostitut\w*|\bsex\w*"),
        "all-forms": (r"\bdemand\b", r"\ball\s+forms\s+of\s+exploitation\b|\bexploitation\s+of\s+persons\b"),
    }, _all_or(("demand", "all-forms"), ("demand",))),
    ArticleSpec("10", "Information exchange and training", "art_10", {
        "information-exchange": (r"\bexchang\w*\s+(?:of\s+)?information|\binformation\s+exchange"
                                 r"|\bshar\w*\s+(?:of\s+)?information",),
        "training": (r"\btraining\b|\bawareness\s+among\b",
                     r"\bofficials?\b|\bofficers?\b|\blaw\s+enforcement\b|\bpolice\b|\bjudiciary\b|\bpersonnel\b"
                     r"|\bimmigration\b|\bprofessionals?\b"),
    }, _all_or(("information-exchange", "training"), ("information-exchange", "training"))),
    ArticleSpec("14", "Saving clause (refugees, non-discrimination)", "art_14", {
        "refugees": (r"\brefugees?\b|\bnon-?refoulement\b|\basylum\b",),
        "non-discrimination": (r"\bnon-?discriminat\w*|\bnot\s+discriminatory\b|\bwithout\s+discrimination\b",),
    }, _all_or(("refugees", "non-discrimination"), ("refugees", "non-discrimination"))),
    ArticleSpec("non-punishment", "Non-punishment of victims (not in the Protocol)", None, {
        "immunity": (VICTIM, IMMUNITY),
        "compulsion": (VICTIM, IMMUNITY, COMPELLED),
    }, _all_or(("immunity", "compulsion"), ("immunity",))),
)
ARTICLE_ORDER = ("3", "5", "6", "7", "8", "9", "9(5)", "10", "14", "non-punishment")


@dataclass
class ScoredClause:
    clause: Clause
    score: float
    topics: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.clause.id, "label": self.clause.label, "score": self.score, "topics": list(self.topics)}


@dataclass
class ArticleCoverage:
    article: str
    title: str
    verdict: str
    clauses: list[ScoredClause]
    topics: dict[str, bool]

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "title": self.title, "verdict": self.verdict,
                "topics": dict(self.topics), "clauses": [c.to_dict() for c in self.clauses]}


def _units(outline: Outline) -> list[Clause]:
    """Operative clauses: not chapter-like groups or the preamble, whose text spans many provisions."""
    clauses = [c for c in outline.clauses() if c.kind not in NOT_PROVISIONS]
    return clauses or [outline.root]


def _minimal(hits: list[Clause]) -> list[Clause]:
    ids = {id(c) for c in hits}
    return [c for c in hits if not any(id(d) in ids for d in c.walk() if d is not c)]


def _provision_texts(spec_ref: str | None, reference: Reference) -> list[str]:
    """The texts a clause is scored against: each paragraph and item of the article, and the whole."""
    if spec_ref is None:
        return [NON_PUNISHMENT_TEXT]
    provision = reference.get(spec_ref)
    texts = [p.full_text for p in provision.walk() if p.full_text.strip()]
    return texts or [provision.heading or ""]


def similarity(units_text: list[str], reference: Reference) -> dict[str, list[float]]:
    """Article key → each unit's best ``token_sort_ratio`` against that article's provisions (0-100)."""
    refs = {"3": "art_3", **{spec.key: spec.reference_id for spec in SPECS}}
    columns: list[str] = []
    owner: list[str] = []
    for key, ref in refs.items():
        for text in _provision_texts(ref, reference):
            columns.append(" ".join(text.lower().split()))
            owner.append(key)
    rows = [" ".join(t.lower().split()) for t in units_text]
    matrix = cdist(rows, columns, scorer=fuzz.token_sort_ratio, workers=1) if rows else []
    best: dict[str, list[float]] = {key: [0.0] * len(rows) for key in refs}
    for j, key in enumerate(owner):
        column = best[key]
        for i in range(len(rows)):
            value = float(matrix[i][j])
            if value > column[i]:
                column[i] = value
    return {key: [round(v, 1) for v in values] for key, values in best.items()}


def _listed(hits: dict[int, ScoredClause], units: list[Clause], scores: list[float]) -> list[ScoredClause]:
    for index, clause in enumerate(units):
        if id(clause) not in hits and scores[index] >= SIMILAR:
            hits[id(clause)] = ScoredClause(clause, scores[index], [])
    ordered = sorted(hits.values(), key=lambda s: (0 if s.topics else 1, -s.score, s.clause.start))
    return ordered[:MAX_CLAUSES]


def coverage(outline: Outline, reference: Reference,
             definition_verdict: tuple[str, list[Clause]]) -> list[ArticleCoverage]:
    """The article table, in :data:`ARTICLE_ORDER`. ``definition_verdict`` judges Art. 3."""
    units = _units(outline)
    norm = outline.document.norm
    texts = [norm[c.start:c.end] for c in units]
    index = {id(c): i for i, c in enumerate(units)}
    scores = similarity(texts, reference)
    result: list[ArticleCoverage] = []
    verdict3, clauses3 = definition_verdict
    hits3 = {id(c): ScoredClause(c, scores["3"][index[id(c)]] if id(c) in index else 0.0, ["definition"])
             for c in clauses3}
    result.append(ArticleCoverage("3", "Use of terms: trafficking in persons", verdict3,
                                  _listed(hits3, units, scores["3"]), {"definition": verdict3 != "absent"}))
    for spec in SPECS:
        met: set[str] = set()
        hits: dict[int, ScoredClause] = {}
        for topic, patterns in spec.topics.items():
            compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
            satisfying = [c for i, c in enumerate(units) if all(p.search(texts[i]) for p in compiled)]
            if satisfying:
                met.add(topic)
            for clause in _minimal(satisfying):
                entry = hits.setdefault(id(clause), ScoredClause(clause, scores[spec.key][index[id(clause)]]))
                entry.topics.append(topic)
        result.append(ArticleCoverage(spec.key, spec.title, spec.verdict(met), _listed(hits, units, scores[spec.key]),
                                      {t: t in met for t in spec.topics}))
    return result
