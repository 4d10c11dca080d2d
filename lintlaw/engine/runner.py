"""Run a compiled rule set over one outline: match each clause once, then apply each rule's conditions.

Scopes decide where a condition looks, relative to the clause where the rule's ``match`` fired:

- ``clause`` (alias ``inherited``): the clause's own text plus every ancestor's own text, so a list
  item inherits its chapeau ("by means of threat … : (a) recruits …") and the tail after the list;
- ``sentence``: only the sentence of the match;
- ``section``: the enclosing article or section with all its sub-clauses (and its chapeau);
- ``definition``: the clause scope plus the definitions of every defined term the clause uses, so a
  definition of "trafficking" applies wherever "trafficking" is used;
- ``document``: the whole document.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from lintlaw.engine.compile import WORD_RE, CompiledRule, CompiledRules, Either, Group, compile_rules
from lintlaw.model import Clause, Finding, Outline
from lintlaw.structure import nlp as nlpmod

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from lintlaw.engine.loader import RuleSet
    from lintlaw.engine.rule import Rule

SECTION_KINDS = frozenset({"article", "section", "rule", "regulation", "schedule"})
MAX_SEGMENT = 50_000
MIN_DOCUMENT_CLAUSES = 15
ANCHORING_SCOPES = frozenset({"clause", "inherited", "definition"})
Span = tuple[int, int]


_SPACE_RUN = re.compile(r"\s+")


class SpanList:
    """A clause's matches of one key, as (start, end) pairs packed in one array: about 16 bytes a
    match instead of ~200 for a list of tuples, so a long law's matches stay small."""

    __slots__ = ("_data",)

    def __init__(self) -> None:
        self._data = array("q")

    def append(self, span: Span) -> None:
        self._data.extend(span)

    def __iter__(self) -> Iterator[Span]:
        data = self._data
        return ((data[i], data[i + 1]) for i in range(0, len(data), 2))

    def __len__(self) -> int:
        return len(self._data) // 2

    def __bool__(self) -> bool:
        return bool(self._data)


class OffsetMap:
    """Offsets in a white-space-folded text back to the original: a few integers per folded run
    of white space, not one per character (a long document would otherwise hold ~36 bytes per
    character while its clauses are tokenised)."""

    __slots__ = ("_folded", "_start", "_end")

    def __init__(self) -> None:
        self._folded = array("q")
        self._start = array("q")
        self._end = array("q")

    def add_run(self, folded: int, start: int, end: int) -> None:
        self._folded.append(folded)
        self._start.append(start)
        self._end.append(end)

    def __getitem__(self, position: int) -> int:
        i = bisect_right(self._folded, position) - 1
        if i < 0:
            return position
        if position == self._folded[i]:
            return self._start[i]
        return self._end[i] + position - self._folded[i] - 1


def collapse_space(text: str) -> tuple[str, OffsetMap]:
    """Fold runs of white space (line breaks included) to one space, so phrases match across lines.

    Returns the folded text and a map from each of its positions (plus the end) to the offset in
    ``text``.
    """
    pieces: list[str] = []
    index = OffsetMap()
    pos = 0
    length = 0
    for m in _SPACE_RUN.finditer(text):
        piece = text[pos : m.start()]
        pieces.append(piece)
        length += len(piece)
        pieces.append(" ")
        index.add_run(length, m.start(), m.end())
        length += 1
        pos = m.end()
    pieces.append(text[pos:])
    return "".join(pieces), index


@dataclass
class Segment:
    """A piece of one clause's own text, matched as one spaCy doc."""

    clause: Clause
    start: int
    end: int


def _segments(outline: Outline) -> list[Segment]:
    segments = []
    text = outline.document.norm
    for clause in outline.clauses():
        for start, end in clause.own_spans:
            while start < end:
                stop = end
                if stop - start > MAX_SEGMENT:
                    cut = text.rfind(" ", start, start + MAX_SEGMENT)
                    stop = cut if cut > start else start + MAX_SEGMENT
                if text[start:stop].strip():
                    segments.append(Segment(clause, start, stop))
                start = stop
    return segments


def compiled_for(ruleset: "RuleSet", language: str) -> CompiledRules:
    """The rule set's matchers for ``language``, compiled once and cached on the rule set."""
    if ruleset._compiled is None:
        ruleset._compiled = {}
    lang = nlpmod.pipeline_language(language)
    if lang not in ruleset._compiled:
        rules = [r for r in ruleset.rules if applies_to_language(r.spec, lang)]
        ruleset._compiled[lang] = compile_rules(rules, ruleset.lexicons, lang)
    return ruleset._compiled[lang]


def applies_to_language(spec: dict, language: str) -> bool:
    """Rules are written for English unless their ``language`` list says otherwise (``any``: all)."""
    langs = spec.get("language") or ["en"]
    return language in langs or "any" in langs


def _token_matches(compiled: CompiledRules, sdoc: "Doc", words: frozenset[str]) -> list[tuple[int, int, int]]:
    """Run each token pattern only around the tokens that anchor it (its literal words)."""
    relevant = [t for t in compiled.token_matchers if t.literals is None or not words.isdisjoint(t.literals)]
    if not relevant:
        return []
    where: dict[str, list[int]] = defaultdict(list)
    for i, token in enumerate(sdoc):
        where[token.lower_].append(i)
        if token.lemma_ != token.lower_:
            where[token.lemma_].append(i)
    found: set[tuple[int, int, int]] = set()
    n = len(sdoc)
    for tm in relevant:
        if tm.literals is None or tm.reach is None:
            found.update(tm.matcher(sdoc))
            continue
        anchors = sorted({i for word in tm.literals for i in where.get(word, ())})
        for lo, hi in _windows(anchors, tm.reach, n):
            found.update((key, lo + start, lo + end) for key, start, end in tm.matcher(sdoc[lo:hi]))
    return sorted(found, key=lambda m: (m[1], m[2]))


def _windows(anchors: list[int], reach: int, n: int) -> list[tuple[int, int]]:
    """Merged token windows that hold every match reaching an anchor token."""
    merged: list[tuple[int, int]] = []
    for i in anchors:
        lo, hi = max(0, i - reach), min(n, i + reach + 1)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


class _Matches:
    """Hits per clause (key → list of (start, end) document offsets), computed on demand.

    A clause goes through spaCy only when a rule needs to look at it and its words share a
    literal with what that rule's group can match; regexes run without spaCy.
    """

    def __init__(self, outline: Outline, compiled: CompiledRules) -> None:
        self.outline = outline
        self.compiled = compiled
        self.segments: dict[int, list[Segment]] = defaultdict(list)
        for segment in _segments(outline):
            self.segments[id(segment.clause)].append(segment)
        self._words: dict[int, frozenset[str]] = {}
        self._regex: dict[int, dict[str, SpanList]] = {}
        self._nlp: dict[int, dict[str, SpanList]] = {}
        self._hits: dict[int, dict[str, SpanList]] = {}
        self.sentences: dict[int, list[Span]] = {}

    def words(self, clause: Clause) -> frozenset[str]:
        key = id(clause)
        if key not in self._words:
            norm = self.outline.document.norm
            text = " ".join(norm[s.start : s.end] for s in self.segments.get(key, ()))
            words = WORD_RE.findall(nlpmod.fold_case(text))
            # only the words some rule's literals hold: every test below is against a subset of them
            self._words[key] = nlpmod.with_lemmas(words, self.outline.document.language) & self.compiled.literals
        return self._words[key]

    def may_hit(self, clause: Clause, group: Group) -> bool:
        """False when the clause cannot match the group at all (no literal, no regex)."""
        if group.regex_keys:
            return True
        return group.literals is None or not self.words(clause).isdisjoint(group.literals)

    def prefetch(self, clauses: Iterable[Clause]) -> None:
        """Run spaCy over many clauses in one batch (faster than one call per clause)."""
        todo = [c for c in clauses if id(c) not in self._nlp]
        self._process(todo)

    def _process(self, clauses: list[Clause]) -> None:
        compiled = self.compiled
        doc = self.outline.document
        nlp = nlpmod.get_nlp(doc.language)
        pending: list[Segment] = []
        for clause in clauses:
            self._nlp[id(clause)] = defaultdict(SpanList)
            self.sentences[id(clause)] = []
            if compiled.filterable and self.words(clause).isdisjoint(compiled.literals):
                continue
            pending.extend(self.segments.get(id(clause), ()))
        folded = [collapse_space(doc.norm[s.start : s.end]) for s in pending]
        docs = nlpmod.process((text for text, _ in folded), doc.language)
        for segment, (_, index), sdoc in zip(pending, folded, docs):
            hits = self._nlp[id(segment.clause)]
            base = segment.start
            matches = [*compiled.phrase_matcher(sdoc), *compiled.exact_matcher(sdoc)]
            matches += _token_matches(compiled, sdoc, self.words(segment.clause))
            for key_id, start, end in matches:
                span = sdoc[start:end]
                hits[nlp.vocab.strings[key_id]].append((base + index[span.start_char], base + index[span.end_char - 1] + 1))
            self.sentences[id(segment.clause)].extend(
                (base + index[s.start_char], base + index[s.end_char - 1] + 1) for s in sdoc.sents
            )

    def regex_hits(self, clause: Clause) -> dict[str, SpanList]:
        key = id(clause)
        if key not in self._regex:
            found: dict[str, SpanList] = defaultdict(SpanList)
            norm = self.outline.document.norm
            for segment in self.segments.get(key, ()):
                folded = nlpmod.fold_case(norm[segment.start : segment.end])
                for name, regex in self.compiled.regexes.items():
                    for m in regex.finditer(folded):
                        if m.end() > m.start():
                            found[name].append((segment.start + m.start(), segment.start + m.end()))
            self._regex[key] = found
        return self._regex[key]

    def hits(self, clause: Clause) -> dict[str, SpanList]:
        key = id(clause)
        if key not in self._hits:
            if key not in self._nlp:
                self._process([clause])
            merged = dict(self._nlp[key])
            merged.update(self.regex_hits(clause))
            self._hits[key] = merged
        return self._hits[key]

    def group_hit(self, clause: Clause, group: Group) -> bool:
        """Whether ``group`` matches anywhere in the clause's own text."""
        if not self.may_hit(clause, group):
            return False
        if not group.needs_nlp:
            hits = self.regex_hits(clause)
        else:
            hits = self.hits(clause)
        return any(hits.get(key) for key in group.keys)

    def sentence_of(self, clause: Clause, offset: int) -> Span | None:
        self.hits(clause)
        return next((s for s in self.sentences.get(id(clause), []) if s[0] <= offset < s[1]), None)


_TERM_WORD_RE = re.compile(r"\w+")


def _index_by_first_word(terms: Iterable[str]) -> dict[str, list[str]]:
    """Defined terms by their first word ("" for a term with no word), so that a clause is
    searched only for the terms whose first word it contains: linear in the document, not
    clauses x terms."""
    index: dict[str, list[str]] = defaultdict(list)
    for term in terms:
        first = _TERM_WORD_RE.search(term)
        index[first.group() if first else ""].append(term)
    return index


class _Evaluator:
    """Applies compiled rules to the matches of one outline."""

    def __init__(self, outline: Outline, compiled: CompiledRules) -> None:
        self.outline = outline
        self.compiled = compiled
        self.matches = _Matches(outline, compiled)
        self.definitions = outline.definitions()
        self._term_res = {
            term: re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)")
            for term in self.definitions
            if len(term) >= 3
        }
        self._terms_by_word = _index_by_first_word(self._term_res)
        self._term_order = {term: i for i, term in enumerate(self._term_res)}
        self._terms_in: dict[int, frozenset[str]] = {}
        self._definition_scopes: dict[int, list[Clause]] = {}

    # -- scopes -----------------------------------------------------------------------------
    def inherited(self, clause: Clause) -> list[Clause]:
        return [clause, *clause.ancestors()]

    def section(self, clause: Clause) -> list[Clause]:
        node = clause
        chain = [clause, *clause.ancestors()]
        for candidate in chain:
            if candidate.kind in SECTION_KINDS:
                node = candidate
                break
        else:
            top = [c for c in chain if c.parent is not None and c.parent.parent is None]
            node = top[0] if top else clause
        inherited = self.inherited(clause)
        seen = {id(c) for c in inherited}
        return [*inherited, *(c for c in node.walk() if id(c) not in seen)]

    def definition_scope(self, clause: Clause) -> list[Clause]:
        """The clause, its inherited text, and the definitions of the terms it uses; worked out once
        per clause, from the terms found in each clause's own text once (an ancestor's text is
        searched once, not once per descendant)."""
        cached = self._definition_scopes.get(id(clause))
        if cached is not None:
            return cached
        scope = self.inherited(clause)
        used = set().union(*(self._terms_used(c) for c in scope))
        for term in sorted(used, key=self._term_order.__getitem__):
            definition = self.definitions[term]
            if definition is not clause:
                scope.extend(definition.walk())
        self._definition_scopes[id(clause)] = scope
        return scope

    def _terms_used(self, clause: Clause) -> frozenset[str]:
        """The defined terms that occur in the clause's own text."""
        key = id(clause)
        if key not in self._terms_in:
            text = self.outline.own_text(clause, normalized=True).lower()
            words = set(_TERM_WORD_RE.findall(text))
            candidates = {*self._terms_by_word.get("", ()),
                          *(term for word in words for term in self._terms_by_word.get(word, ()))}
            self._terms_in[key] = frozenset(term for term in candidates if self._term_res[term].search(text))
        return self._terms_in[key]

    def scope_clauses(self, clause: Clause, scope: str) -> list[Clause]:
        if scope in ("clause", "inherited", "sentence"):
            return self.inherited(clause)
        if scope == "section":
            return self.section(clause)
        if scope == "definition":
            return self.definition_scope(clause)
        inherited = self.inherited(clause)
        seen = {id(c) for c in inherited}
        return [*inherited, *(c for c in self.outline.clauses() if id(c) not in seen)]

    def requirement_met(self, requirement: Group | Either, clause: Clause, trigger: Span) -> Clause | None:
        if isinstance(requirement, Either):
            for alternative in requirement.alternatives:
                found = [self.group_hits(g, clause, trigger) for g in alternative]
                if all(f is not None for f in found):
                    anchoring = [f for f, g in zip(found, alternative) if g.scope in ANCHORING_SCOPES]
                    return _outermost(clause, anchoring)  # type: ignore[arg-type]
            return None
        return self.group_hits(requirement, clause, trigger)

    def group_hits(self, group: Group, clause: Clause, trigger: Span) -> Clause | None:
        """The clause in scope where the group matched (the clause itself first), or None."""
        if group.scope == "sentence":
            sentence = self.matches.sentence_of(clause, trigger[0]) or trigger
            hits = self.matches.hits(clause)
            found = any(s < sentence[1] and e > sentence[0] for key in group.keys for s, e in hits.get(key, ()))
            return clause if found else None
        for node in self.scope_clauses(clause, group.scope):
            if self.matches.group_hit(node, group):
                return node
        return None

    # -- rules ------------------------------------------------------------------------------
    def triggers(self, crule: CompiledRule, clause: Clause) -> list[Span]:
        if not self.matches.may_hit(clause, crule.match):
            return []
        hits = self.matches.hits(clause) if crule.match.needs_nlp else self.matches.regex_hits(clause)
        spans = {span for key in crule.match.keys for span in hits.get(key, ())}
        return sorted(spans, key=lambda s: (s[0], -s[1]))

    def passes(self, crule: CompiledRule, clause: Clause, trigger: Span) -> Clause | None:
        """The clause to report on if every condition holds, else None.

        When a requirement is met only by an ancestor's own text (a chapeau or the tail after a
        list), the finding belongs to that enclosing provision: its text is what the rule read.
        """
        found = []
        for requirement in crule.requires:
            node = self.requirement_met(requirement, clause, trigger)
            if node is None:
                return None
            if isinstance(requirement, Either) or requirement.scope in ANCHORING_SCOPES:
                found.append(node)
        if any(self.group_hits(g, clause, trigger) is not None for g in crule.forbids):
            return None
        return _outermost(clause, found)

    def first_passing(self, crule: CompiledRule, clause: Clause) -> tuple[Span, Clause] | None:
        applies_to = crule.rule.spec.get("applies_to")
        if applies_to and clause.kind not in applies_to:
            return None
        skip = crule.rule.spec.get("skip_provisions") or ()
        if _skipped(clause, skip):
            return None
        for trigger in self.triggers(crule, clause):
            anchor = self.passes(crule, clause, trigger)
            if anchor is not None and not _skipped(anchor, skip):
                return trigger, anchor
        return None

    def is_defined(self, phrase: str) -> bool:
        phrase = " ".join(phrase.lower().split())
        singular = phrase[:-1] if phrase.endswith("s") else phrase
        if any(term.strip("\"'") in (phrase, singular) for term in self.definitions):
            return True
        pattern = re.compile(
            r"[\"']?" + re.escape(singular) + r"s?[\"']?\s+(?:shall\s+)?(?:mean|means|includes?|refers? to|is defined)",
        )
        return bool(pattern.search(nlpmod.fold_case(self.outline.document.norm)))

    def run(self) -> list[tuple[CompiledRule, Clause, Span]]:
        results: list[tuple[CompiledRule, Clause, Span]] = []
        reported: set[tuple[str, int]] = set()
        clauses = list(self.outline.clauses())
        # clauses where some rule's match can fire go through spaCy together, in batches
        self.matches.prefetch(c for c in clauses if any(
            cr.match.needs_nlp and self.matches.may_hit(c, cr.match) for cr in self.compiled.rules))
        for crule in self.compiled.rules:
            if crule.rule.kind == "absence":
                results.extend(self._absence(crule, clauses))
                continue
            for clause in clauses:
                passing = self.first_passing(crule, clause)
                if passing is not None:
                    trigger, anchor = passing
                    if (crule.rule.code, id(anchor)) not in reported:
                        reported.add((crule.rule.code, id(anchor)))
                        results.append((crule, anchor, trigger))
        return results

    def is_whole_document(self, clauses: list[Clause], min_clauses: int) -> bool:
        """A law rather than an excerpt: three or more sections or top-level parts, or many clauses."""
        sections = sum(1 for c in clauses if c.kind in SECTION_KINDS)
        return sections >= 3 or len(self.outline.root.children) >= 3 or len(clauses) >= min_clauses

    def _absence(self, crule: CompiledRule, clauses: list[Clause]) -> Iterable[tuple[CompiledRule, Clause, Span]]:
        # An excerpt of a few clauses cannot show that a provision is missing from the whole law.
        if not self.is_whole_document(clauses, crule.rule.spec.get("min_clauses", MIN_DOCUMENT_CLAUSES)):
            return
        if crule.rule.spec.get("undefined"):
            reported: set[str] = set()
            for clause in clauses:
                passing = self.first_passing(crule, clause)
                if passing is None:
                    continue
                trigger, clause = passing
                phrase = " ".join(self.outline.document.norm[trigger[0] : trigger[1]].lower().split())
                if phrase not in reported and not self.is_defined(phrase):
                    reported.add(phrase)
                    yield crule, clause, trigger
            return
        for clause in clauses:
            passing = self.first_passing(crule, clause)
            if passing is not None:
                trigger, clause = passing
                if crule.absent is None or not any(self.matches.group_hit(c, crule.absent) for c in clauses):
                    yield crule, clause, trigger
                return


def _skipped(clause: Clause, skip: Iterable[str]) -> bool:
    """A rule skips a provision type only where the classifier and the cues agree on it
    (precision first: a wrongly skipped offence is a finding lost)."""
    return clause.provision in skip and clause.provision_cue in skip


def _outermost(clause: Clause, nodes: list[Clause]) -> Clause:
    """Among ``clause`` and the ancestors in ``nodes``, the one closest to the root."""
    chain = [clause, *clause.ancestors()]
    depth = {id(c): i for i, c in enumerate(chain)}
    best = clause
    for node in nodes:
        if depth.get(id(node), -1) > depth[id(best)] and node.parent is not None:
            best = node
    return best


def _finding(outline: Outline, rule: "Rule", clause: Clause, span: Span) -> Finding:
    doc = outline.document
    line, column = doc.position(span[0])
    end_line, end_column = doc.position(span[1])
    return Finding(
        file=doc.path, rule=rule.name, code=rule.code, severity=rule.severity, stance=rule.stance,
        message=rule.message, start=span[0], end=span[1], line=line, column=column, end_line=end_line,
        end_column=end_column, clause_id=clause.id, clause_label=clause.label,
        clause_text=" ".join(outline.text(clause).split()), match=" ".join(doc.text[span[0] : span[1]].split()),
        page=doc.page(span[0]), suggestion=rule.suggestion,
    )


def run_rules(outline: Outline, ruleset: "RuleSet") -> list[Finding]:
    """All findings of ``ruleset`` in ``outline``, sorted by position then code (no fingerprints yet)."""
    if not ruleset.rules:
        return []
    compiled = compiled_for(ruleset, outline.document.language)
    evaluator = _Evaluator(outline, compiled)
    findings = [_finding(outline, crule.rule, clause, span)
                for crule, clause, span in evaluator.run() if _frames_agree(outline, crule.rule, clause, span)]
    findings += _frame_findings(outline, ruleset, findings)
    findings = _with_needed_frames(outline, ruleset, findings)
    _attach_frames(outline, findings)
    findings.sort(key=Finding.sort_key)
    return findings


def _with_needed_frames(outline: Outline, ruleset: "RuleSet", findings: list[Finding]) -> list[Finding]:
    """Drop the findings of a rule whose ``needs_frame`` no frame of the document meets (e.g. the
    absence of a non-punishment provision matters only in a law that creates a trafficking offence)."""
    needs = {r.name: r.spec["needs_frame"] for r in ruleset.rules if r.spec.get("needs_frame")}
    if not needs or not any(f.rule in needs for f in findings):
        return findings
    from lintlaw.analysis import frames_of
    from lintlaw.analysis.conditions import meets

    frames = frames_of(outline)
    met = {name for name, spec in needs.items() if any(meets(spec, f) for f in frames)}
    return [f for f in findings if f.rule not in needs or f.rule in met]


def _frames_agree(outline: Outline, rule: "Rule", clause: Clause, span: Span) -> bool:
    """A phrase match of a rule that also reads frames stands unless the frame around it
    contradicts the rule: a means the frame found required, a child-only subject, smuggling, a
    provision that excludes the measure (the rule's ``not ...`` conditions). The frame may lack
    words the phrase rule knows; it may not overrule what it did find, so check and compare read a
    provision one way."""
    spec = rule.spec.get("frame")
    if not spec:
        return True
    from lintlaw.analysis import frames_of
    from lintlaw.analysis.conditions import contradicts

    around = [f for f in frames_of(outline) if f.start <= span[0] < f.end]
    # a provision nested in an offence (an Explanation, a definition of a term it uses) is read
    # with that offence: any frame around the match may rule it out
    return not any(contradicts(spec, f) for f in around)


def _attach_frames(outline: Outline, findings: list[Finding]) -> None:
    """Give each finding the summary of the innermost frame around it, so a reader sees what the
    provision was read as ("acts: moving (s. 14); means: none; ...")."""
    if not findings:
        return
    from lintlaw.analysis import frames_of

    frames = frames_of(outline)
    for finding in findings:
        around = [f for f in frames if f.start <= finding.start < f.end]
        if around:
            finding.frame = min(around, key=lambda f: f.end - f.start).summary()


def _frame_findings(outline: Outline, ruleset: "RuleSet", found: list[Finding]) -> list[Finding]:
    """Findings of the rules' ``frame:`` blocks, in any language with an element lexicon.

    A frame finding is left out where the same rule already reported a clause that overlaps it,
    so a provision is reported once whichever reading found it.
    """
    from lintlaw.analysis import frames_of
    from lintlaw.analysis.conditions import meets, reported

    rules = [r for r in ruleset.rules if r.spec.get("frame")]
    if not rules:
        return []
    frames = frames_of(outline)
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for finding in found:
        clause = outline.get(finding.clause_id)
        if clause is not None:
            taken[finding.rule].append((clause.start, clause.end))
    results = []
    for rule in rules:
        spec = rule.spec["frame"]
        for frame in frames:
            if not meets(spec, frame):
                continue
            for element in reported(spec, frame):
                clause = outline.get(element.clause_id) if element is not None else frame.clause
                if clause is None or any(s < clause.end and clause.start < e for s, e in taken[rule.name]):
                    continue
                span = (element.start, element.end) if element is not None else _first_words(outline, clause)
                if not _frames_agree(outline, rule, clause, span):
                    continue  # nested in a provision whose frame rules it out
                taken[rule.name].append((clause.start, clause.end))
                results.append(_finding(outline, rule, clause, span))
    return results


def _first_words(outline: Outline, clause: Clause) -> Span:
    """The first line of a clause's own text (where a provision-level finding points)."""
    start = clause.own_spans[0][0] if clause.own_spans else clause.start
    text = outline.document.text
    while start < clause.end and text[start].isspace():
        start += 1
    end = text.find("\n", start, clause.end)
    return start, (end if end != -1 else clause.end)
