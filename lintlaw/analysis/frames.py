"""Build the element frames of one document (see the package docstring).

A frame is made for every *definition* (a clause typed ``definition`` that names a term) and
every *offence head* (a clause typed ``offence`` whose own words state the offence, with no
offence head above it; its sub-items are its conduct). Elements are found with the language's
element lexicon over the frame's whole span, so a list item or a hard-wrapped line belongs to
its provision. Three readings keep the elements honest:

- a phrase inside a purpose (``forced labour``, ``sexual exploitation``) is a purpose, not a
  means, wherever a means word overlaps it;
- a means after "with or without", "whether or not", "con o sin", "avec ou sans" is
  ``optional``, and a means in an aggravating clause ("where the offence is committed by
  force", "se agravará cuando") is ``aggravating``: neither makes the means required;
- a consent statement ("consent is immaterial", "aunque mediare el consentimiento") is
  ``scoped`` when its sentence ties it to the means, and belongs to every frame of its section.

Subject: ``child`` when the frame speaks only of children (an adult-sounding word followed by an
age limit still speaks of a child), else ``any``. Victims: ``women``, ``children``,
``women-and-children`` or ``persons``. Framing: the frame, its term, its headings or the law's
title name trafficking.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lintlaw.analysis.lexicon import ElementLexicon, Hit, lexicon_for
from lintlaw.model import Clause, Outline

SECTION_KINDS = frozenset({"section", "article"})
SEXUAL = frozenset({"prostitution", "sexual-exploitation"})
CONSENT_WORDS = {"unscoped": "set aside whether or not a means was used", "scoped": "set aside only where a means was used",
                 "child": "set aside for children"}
ACTOR_ZONE = 40  # characters at the start of a provision where "Any person who" names the offender
MOVEMENT = frozenset({"recruit", "transport", "transfer", "harbour", "receive", "sell", "facilitate-movement"})
MOVING = MOVEMENT - {"harbour", "receive"}  # taking a person somewhere, as opposed to keeping them
_SENTENCE_END = re.compile(r"[.;:](?=\s|$)|\n\s*\n")
_AGE_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}(?:under|below|less than|who (?:has|have) not (?:attained|reached)|menor(?:es)? de|"
    r"de moins de|âgée? de moins|moins de)\b", re.IGNORECASE)
_CACHE_ATTR = "_lintlaw_frames"


@dataclass(frozen=True)
class Element:
    """One element of a frame, with where it came from."""

    cls: str
    sub: str
    clause_id: str
    clause_label: str
    start: int
    end: int
    text: str
    role: str = ""  # means: required | optional | aggravating; consent: unscoped | scoped | child

    def to_dict(self) -> dict:
        data = {"class": self.cls, "element": self.sub, "clause": self.clause_id, "label": self.clause_label,
                "start": self.start, "end": self.end, "text": self.text}
        if self.role:
            data["role"] = self.role
        return data


@dataclass
class Frame:
    """A definition or offence and its elements."""

    kind: str  # definition | offence
    clause: Clause
    start: int
    end: int
    term: str | None = None
    acts: list[Element] = field(default_factory=list)
    means: list[Element] = field(default_factory=list)
    purposes: list[Element] = field(default_factory=list)
    third_party: list[Element] = field(default_factory=list)
    buyer: list[Element] = field(default_factory=list)
    seller: list[Element] = field(default_factory=list)
    consent: list[Element] = field(default_factory=list)
    subject: str = "any"  # child | any
    victims: str = "persons"  # persons | women | children | women-and-children
    framing: str = ""  # where trafficking is named: provision | term | heading | title ("" = nowhere)
    polarity: str = "imposes"  # imposes | excludes
    smuggling: bool = False

    @property
    def means_required(self) -> bool:
        return any(m.role == "required" for m in self.means)

    @property
    def sexual_purpose(self) -> bool:
        return any(p.sub in SEXUAL for p in self.purposes)

    @property
    def open_purpose(self) -> bool:
        """A purpose an adult could consent to: sexual, or exploitation left open (not only forced
        labour, slavery, servitude or organ removal, which carry their own coercion)."""
        return any(p.sub in SEXUAL or p.sub == "exploitation" for p in self.purposes)

    @property
    def movement(self) -> bool:
        return any(a.sub in MOVEMENT for a in self.acts)

    @property
    def moving(self) -> bool:
        return any(a.sub in MOVING for a in self.acts)

    def summary(self) -> str:
        """One line: "acts: moving (s. 14); means: none; purpose: prostitution (s. 14); subject: any age"."""
        def show(elements: list[Element], empty: str = "none") -> str:
            seen: dict[str, str] = {}
            for e in elements:
                seen.setdefault(e.sub, e.clause_label or e.clause_id)
            return ", ".join(f"{sub} ({where})" for sub, where in seen.items()) or empty

        required = [m for m in self.means if m.role == "required"]
        other = [m for m in self.means if m.role != "required"]
        means = show(required) + (f"; only optional or aggravating: {show(other)}" if not required and other else "")
        consent = ", ".join(dict.fromkeys(f"{CONSENT_WORDS.get(c.role, 'set aside')} ({c.clause_label or c.clause_id})"
                                          for c in self.consent)) or "not addressed"
        actors = "".join(f"; {name}: {show(group)}" for name, group in (
            ("third party", self.third_party), ("buyer", self.buyer), ("seller", self.seller)) if group)
        return (f"acts: {show(self.acts)}; means: {means}; purpose: {show(self.purposes)}{actors}; consent: {consent}; "
                f"subject: {'children only' if self.subject == 'child' else 'any age'}; victims: {self.victims}")

    def to_dict(self) -> dict:
        return {
            "kind": self.kind, "clause": self.clause.id, "label": self.clause.label, "term": self.term,
            "acts": [e.to_dict() for e in self.acts], "means": [e.to_dict() for e in self.means],
            "means_required": self.means_required,
            "purposes": [e.to_dict() for e in self.purposes],
            "actors": {"third_party": [e.to_dict() for e in self.third_party],
                       "buyer": [e.to_dict() for e in self.buyer], "seller": [e.to_dict() for e in self.seller]},
            "consent": [e.to_dict() for e in self.consent],
            "subject": self.subject, "victims": self.victims, "framing": self.framing or None,
            "polarity": self.polarity, "summary": self.summary(),
        }


def frames_of(outline: Outline) -> list[Frame]:
    """The frames of ``outline`` (built once and cached); empty for a language without a pack."""
    cached = getattr(outline, _CACHE_ATTR, None)
    if cached is None:
        lexicon = lexicon_for(outline.document.language)
        cached = _Builder(outline, lexicon).build() if lexicon is not None else []
        setattr(outline, _CACHE_ATTR, cached)
    return cached


_TERM_FORMS = {
    "en": re.compile(r'^(?:[\w.() ]{0,12}\s)?(?:the (?:term|expression|word)s? )?"?(?P<term>[^",.;:]{2,80}?)"?\s+'
                     r'(?:means|includes|shall mean|shall include|refers to|is defined as)\b', re.IGNORECASE),
    "fr": re.compile(r"(?:on entend par|est qualifiée? de)\s+(?P<term>[^,.;:]{2,80}?)\s*[,:]"
                     r"|^(?P<term2>(?:la |le |l')?[^,.;:]{2,80}?)\s+(?:est|constitue) le fait (?:de|d')", re.IGNORECASE),
    "es": re.compile(r"se entender(?:á|an|án)? por\s+(?P<term>[^,.;:]{2,80}?)\s*(?:[,:]|\bel\b|\bla\b|\blos\b|\blas\b)"
                     r"|se entiende(?:n)? por\s+(?P<term2>[^,.;:]{2,80}?)\s*(?:[,:]|\bel\b|\bla\b|\blos\b|\blas\b)"
                     r"|comete (?:el )?delito de\s+(?P<term3>[^,.;:]{2,60}?)\s*,?\s*(?:quien|el que|la persona)", re.IGNORECASE),
}


def _heading_names(lexicon: ElementLexicon, heading: str) -> bool:
    """Whether a heading names trafficking as its subject ("Trafficking in persons", "Offence of
    trafficking"), not in passing ("... reckless disregard of sex trafficking")."""
    words = " ".join(heading.split())
    if lexicon.search("trafficking-named", words):
        return True
    hits = lexicon.find("trafficking", words)
    return bool(hits) and len(words[:hits[0].start].split()) <= 3


def defined_term(words: str, language: str) -> str | None:
    """The term a definition clause defines, when its words say it in one of the language's forms."""
    pattern = _TERM_FORMS.get(language)
    found = pattern.search(words) if pattern else None
    if not found:
        return None
    term = next((v for k, v in found.groupdict().items() if k.startswith("term") and v), None)
    return " ".join(term.strip(" \"'").split()) if term else None


def _own_words(outline: Outline, clause: Clause) -> str:
    return " ".join(outline.own_text(clause, normalized=True).split())


class _Builder:
    def __init__(self, outline: Outline, lexicon: ElementLexicon) -> None:
        from lintlaw.structure.provisions import cues_for

        self.outline = outline
        self.lex = lexicon
        self.cues = cues_for(outline.document.language)
        self.norm = outline.document.norm
        self.title = str(outline.document.metadata.get("title") or "")

    # -- sites ---------------------------------------------------------------------------------
    def sites(self) -> list[tuple[str, Clause]]:
        """Definitions and offence heads: by the clause's provision type, or by its own words
        where they plainly define a term or state an offence (the type model may miss them)."""
        found: list[tuple[str, Clause]] = []
        heads = {id(c) for c in self.outline.clauses() if self.offence_head(c)}
        for clause in self.outline.clauses():
            if clause.provision in ("recital", "note", "citation"):
                continue
            words = _own_words(self.outline, clause)
            if not clause.term and (clause.provision == "definition" or clause.kind == "definition"):
                term = defined_term(words, self.lex.language)
                if term:
                    clause.term = term
            if clause.term and (clause.provision == "definition" or clause.kind == "definition"):
                found.append(("definition", clause))
            elif id(clause) in heads and not any(id(a) in heads for a in clause.ancestors()):
                found.append(("offence", clause))
        return found

    def offence_head(self, clause: Clause) -> bool:
        if clause.provision in ("recital", "note", "citation", "definition"):
            return False
        words = _own_words(self.outline, clause)
        if not words:
            return False
        return clause.provision == "offence" or self.cues.first(self.cues.text, words) == "offence"

    def build(self) -> list[Frame]:
        frames = [self.frame(kind, clause) for kind, clause in self.sites()]
        carrier = self.exploitation_with_means()
        if carrier is not None:
            for frame in frames:
                general = [p for p in frame.purposes if p.sub == "exploitation"]
                if general and not frame.sexual_purpose and not frame.means_required \
                        and not (frame.start <= carrier.start < frame.end):
                    frame.means.append(Element("means", "in-definition-of-exploitation", carrier.clause_id,
                                               carrier.clause_label, carrier.start, carrier.end, carrier.text,
                                               "required"))
        statements = self.consent_statements()
        for frame in frames:
            section = self.section_of(frame.clause)
            frame.consent = [s for s, where in statements
                             if frame.start <= s.start < frame.end
                             or (frame.kind == "offence" and section is not None
                                 and section.start <= s.start < section.end)]
        return frames

    # -- one frame -----------------------------------------------------------------------------
    def element(self, hit: Hit, role: str = "") -> Element:
        clause = self.outline.leaf_at(hit.start)
        return Element(hit.cls, hit.sub, clause.id, clause.label, hit.start, hit.end,
                       " ".join(self.outline.document.text[hit.start:hit.end].split()), role)

    def frame(self, kind: str, clause: Clause) -> Frame:
        start, end = clause.start, clause.end
        text = self.norm[start:end]
        frame = Frame(kind, clause, start, end, term=clause.term)
        purposes = self.lex.find("purposes", text, start)
        taken_starts = [p.start for p in purposes]  # non-overlapping, in text order

        def free(hit: Hit) -> bool:
            i = bisect.bisect_left(taken_starts, hit.end)  # purposes starting before the hit ends
            return i == 0 or purposes[i - 1].end <= hit.start

        frame.purposes = [self.element(h) for h in purposes]
        frame.acts = [self.element(h) for h in self.lex.find("acts", text, start) if free(h)]
        own = [(a, b) for a, b in clause.own_spans]
        act_starts = [a.start for a in frame.acts]
        frame.means = [self.element(h, self.means_role(h, act_starts, own))
                       for h in self.lex.find("means", text, start) if free(h)]
        frame.third_party = [self.element(h) for h in self.lex.find("third-party", text, start)]
        frame.buyer = [self.element(h) for h in self.lex.find("buyer", text, start)]
        frame.seller = [self.element(h) for h in self.lex.find("seller", text, start)]
        frame.subject = self.object_subject(text, start, frame.acts) or self.subject(text, clause.term or "")
        frame.victims = self.victims(text)
        frame.framing = self.framing(clause, text)
        frame.smuggling = self.lex.search("smuggling", text)
        frame.polarity = "excludes" if self.lex.search("negation", _own_words(self.outline, clause)) else "imposes"
        return frame

    def sentence(self, offset: int) -> tuple[int, int]:
        """The sentence (up to ``.;:`` or a blank line) of the document around ``offset``."""
        norm = self.norm
        begin = max(0, offset - 600)
        starts = [m.end() for m in _SENTENCE_END.finditer(norm, begin, offset)]
        left = starts[-1] if starts else begin
        nxt = _SENTENCE_END.search(norm, offset, min(len(norm), offset + 600))
        return left, nxt.start() if nxt else min(len(norm), offset + 600)

    def means_role(self, hit: Hit, act_starts: list[int], own: list[tuple[int, int]]) -> str:
        """``optional``, ``aggravating``, ``context`` (a means word in a sentence with no act, such
        as an item of a definition of exploitation), or ``required``."""
        left, right = self.sentence(hit.start)
        before = self.norm[max(left, hit.start - 80):hit.start]
        if self.lex.search("optional-means", before):
            return "optional"
        if self.lex.search("aggravation", self.norm[left:right]) or self.under_aggravation(hit.start):
            return "aggravating"
        if any(left <= a < right for a in act_starts) or any(a <= hit.start < b for a, b in own):
            return "required"
        return "required" if self.chapeau_has_act(hit.start) else "context"

    def object_subject(self, text: str, base: int, acts: list[Element]) -> str | None:
        """``child`` or ``any`` from the person the first act is done to ("sells any child",
        "recruits a person"), or None when no person follows the act closely."""
        if not acts:
            return None
        at = acts[0].end - base
        window = text[at:at + 60]
        child = self.lex.find("child", window)
        grown = self.lex.find("adult", window) + self.lex.find("women", window)
        grown = [h for h in grown if not self.lex.search("child", window[h.start:h.end])]
        if child and (not grown or child[0].start <= grown[0].start):
            return "child"
        if grown:
            return "any" if not _AGE_AFTER.match(window[grown[0].end:grown[0].end + 60]) else "child"
        return None

    def chapeau_has_act(self, offset: int) -> bool:
        """Whether the list item at ``offset`` hangs from a chapeau whose last sentence states an
        act ("Whoever ... recruits ... a person by—" then "(a) using threats;"), as opposed to a
        chapeau that defines exploitation ("se entiende por explotación ... los siguientes supuestos:")."""
        clause = self.outline.leaf_at(offset)
        for node in clause.ancestors():
            if node.parent is None:
                return False
            words = _own_words(self.outline, node)
            if words:
                last = re.split(r"(?<=[.;])\s+", words.rstrip(" :-"))[-1]
                return bool(self.lex.find("acts", last))
        return False

    def under_aggravation(self, offset: int) -> bool:
        """Whether a list item's chapeau makes the item an aggravating circumstance ("the penalty
        shall be ... where:", "la pena será ... cuando:")."""
        clause = self.outline.leaf_at(offset)
        for node in clause.ancestors():
            if node.parent is None:
                return False
            if self.lex.search("aggravation", _own_words(self.outline, node)):
                return True
            if node.kind in SECTION_KINDS:
                return False
        return False

    def subject(self, text: str, term: str) -> str:
        if self.lex.search("child", term):
            return "child"
        children = self.lex.find("child", text)
        if not children:
            return "any"
        grown = self.lex.find("adult", text) + [h for h in self.lex.find("women", text)
                                                 if not self.lex.search("child", text[h.start:h.end])]
        child_starts = [c.start for c in children]
        for hit in grown:
            if hit.start < ACTOR_ZONE:  # "Any person who ..." names the offender, not the victim
                continue
            i = bisect.bisect_right(child_starts, hit.start)
            inside_child = i > 0 and children[i - 1].end > hit.start
            if not _AGE_AFTER.match(text[hit.end:hit.end + 60]) and not inside_child:
                return "any"
        return "child"

    def victims(self, text: str) -> str:
        women = bool(self.lex.find("women", text))
        children = bool(self.lex.find("child", text))
        persons = any(not _AGE_AFTER.match(text[h.end:h.end + 60]) for h in self.lex.find("adult", text))
        if persons or not (women or children):
            return "persons"
        return "women-and-children" if women and children else "women" if women else "children"

    def framing(self, clause: Clause, text: str) -> str:
        """Where trafficking is named as what the provision is: ``term``, ``provision`` (the
        offence calls itself trafficking), ``heading``, ``title``; ``mention`` when the provision
        only refers to trafficking ("contributed to sex trafficking"); "" otherwise."""
        if clause.term and self.lex.search("trafficking", clause.term):
            return "term"
        if self.lex.search("trafficking-named", text):
            return "provision"
        if any(node.heading and _heading_names(self.lex, node.heading) for node in (clause, *clause.ancestors())):
            return "heading"
        if self.title and self.lex.search("trafficking", self.title):
            return "title"
        return "mention" if self.lex.search("trafficking", text) else ""

    def section_of(self, clause: Clause) -> Clause | None:
        return next((c for c in (clause, *clause.ancestors()) if c.kind in SECTION_KINDS), None)

    def exploitation_with_means(self) -> Element | None:
        """A provision that defines exploitation through a means ("exploits another person if
        they cause them ... by conduct that ... would be threatened"): a law whose offence says only
        "for the purpose of exploitation" then requires that means through the definition."""
        body = self.outline.document.body_start
        for hit in self.lex.find("exploitation-defined", self.norm[body:], body):
            clause = self.outline.leaf_at(hit.start)
            node = self.section_of(clause) or clause
            span = self.norm[node.start:node.end]
            if self.lex.search("means", span):
                return self.element(hit, "required")
        return None

    # -- consent ------------------------------------------------------------------------------
    def consent_statements(self) -> list[tuple[Element, Clause | None]]:
        """Every statement that sets consent aside, with its role and the clause it sits in."""
        found = []
        body = self.outline.document.body_start
        for hit in self.lex.find("consent-irrelevant", self.norm[body:], body):
            clause = self.outline.leaf_at(hit.start)
            if clause.provision in ("note", "citation"):
                continue
            left, right = self.sentence(hit.start)
            sentence = self.norm[left:right]
            if self.lex.search("consent-scoped", sentence):
                role = "scoped"
            elif self.subject(sentence, "") == "child":
                role = "child"
            else:
                role = "unscoped"
            found.append((self.element(hit, role), clause))
        return found
