"""Compile every rule's matchers once: one PhraseMatcher, one Matcher, a few regexes, a prefilter.

Each matcher item becomes a *key*; a lexicon entry is compiled once however many rules use it.
A rule group (``match``, each ``requires``/``forbids``) is then just a set of keys.
The literal prefilter is the set of word forms at least one key needs: a clause whose words
share nothing with it cannot match a phrase or pattern, so spaCy never sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lintlaw.engine.lexicons import Lexicon
from lintlaw.engine.rule import Rule
from lintlaw.structure import nlp as nlpmod

STOPWORDS = frozenset(
    "a an the of to in on by for or and any all its his her their be is are was were as at with from "
    "that this which who whom whose".split()
)
LITERAL_ATTRS = ("LOWER", "ORTH", "TEXT", "LEMMA", "NORM")
WORD_RE = re.compile(r"\w+")


@dataclass
class Group:
    """A compiled ``any`` list: the keys it matches on, and the scope it is checked in."""

    keys: frozenset[str]
    scope: str


@dataclass
class Either:
    """Alternatives of groups: satisfied when every group of one alternative matches."""

    alternatives: list[list[Group]]


@dataclass
class CompiledRule:
    rule: Rule
    match: Group
    requires: list[Group | Either]
    forbids: list[Group]
    absent: Group | None


@dataclass
class CompiledRules:
    """Everything needed to run a rule set over clauses of one language."""

    language: str
    phrase_matcher: Any
    exact_matcher: Any
    token_matcher: Any
    regexes: dict[str, re.Pattern[str]]
    literals: frozenset[str]
    filterable: bool
    rules: list[CompiledRule] = field(default_factory=list)


def _literal_forms(words: list[str], lemmas: list[str], forms: dict[str, frozenset[str]]) -> set[str]:
    """Word forms one of which must occur for a phrase to match: those of its rarest content word."""
    best: set[str] | None = None
    for word, lemma in zip(words, lemmas):
        if not WORD_RE.fullmatch(word) or word in STOPWORDS:
            continue
        candidates = {word, lemma.lower(), *forms.get(lemma.lower(), ())}
        if best is None or min(map(len, candidates)) > min(map(len, best)):
            best = candidates
    if best is None:  # a phrase of stop words only: every word is needed anyway
        best = {w for w in words if WORD_RE.fullmatch(w)}
    return best


def _expand_pattern(pattern: list[dict], lexicons: dict[str, Lexicon], lang: str) -> list[dict]:
    """Replace ``"@lexicon"`` / ``"@lexicon.entry"`` in IN lists with the lexicon's one-word lemmas."""
    out = []
    for spec in pattern:
        spec = dict(spec)
        for attr in LITERAL_ATTRS:
            value = spec.get(attr)
            if isinstance(value, dict) and isinstance(value.get("IN"), list):
                expanded: list[str] = []
                for v in value["IN"]:
                    if isinstance(v, str) and v.startswith("@"):
                        name, _, entry = v[1:].partition(".")
                        phrases = lexicons[name].phrases([entry] if entry else None)
                        for phrase in phrases:
                            if " " not in phrase:
                                expanded.append(nlpmod.lemmatize_phrase(phrase, lang)[0] if attr == "LEMMA" else phrase)
                    else:
                        expanded.append(v)
                spec[attr] = {**value, "IN": sorted(set(expanded))}
        out.append(spec)
    return out


def _pattern_literals(pattern: list[dict], forms: dict[str, frozenset[str]]) -> set[str] | None:
    for spec in pattern:
        if spec.get("OP") in ("?", "*", "!") or str(spec.get("OP", "")).startswith("{0"):
            continue
        for attr in LITERAL_ATTRS:
            value = spec.get(attr)
            values = [value] if isinstance(value, str) else (value or {}).get("IN") if isinstance(value, dict) else None
            if values:
                found: set[str] = set()
                for v in values:
                    v = str(v).lower()
                    found.add(v)
                    found.update(forms.get(v, ()))
                return found
    return None


def compile_rules(rules: list[Rule], lexicons: dict[str, Lexicon], language: str = "en") -> CompiledRules:
    """Build the matchers for ``rules`` in ``language`` (cached by the caller per rule set)."""
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = nlpmod.get_nlp(language)
    forms = nlpmod.surface_forms(language)
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    exact_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    token_matcher = Matcher(nlp.vocab, validate=True)
    regexes: dict[str, re.Pattern[str]] = {}
    literals: set[str] = set()
    filterable = True
    compiled_phrases: set[str] = set()

    def add_phrases(key: str, phrases: list[str], exact: bool = False) -> None:
        nonlocal literals
        if key in compiled_phrases:
            return
        compiled_phrases.add(key)
        docs = list(nlp.pipe(nlpmod.fold_case(p) for p in phrases))
        (exact_matcher if exact else phrase_matcher).add(key, docs)
        for doc in docs:
            words = [t.text for t in doc]
            literals |= _literal_forms(words, words if exact else [t.lemma_ for t in doc], {} if exact else forms)

    def compile_group(group: dict, default_scope: str, owner: str) -> Group:
        nonlocal filterable, literals
        keys: set[str] = set()
        for index, item in enumerate(group["any"]):
            if "lexicon" in item:
                lexicon = lexicons[item["lexicon"]]
                for entry in item.get("entries") or list(lexicon.entries):
                    key = f"lex:{lexicon.name}:{entry}"
                    add_phrases(key, lexicon.entries[entry])
                    keys.add(key)
            elif "terms" in item:
                key = f"{owner}:{index}:terms"
                add_phrases(key, item["terms"], exact=bool(item.get("exact")))
                keys.add(key)
            elif "pattern" in item:
                key = f"{owner}:{index}:pattern"
                pattern = _expand_pattern(item["pattern"], lexicons, language)
                token_matcher.add(key, [pattern])
                found = _pattern_literals(pattern, forms)
                if found is None:
                    filterable = False
                else:
                    literals |= found
                keys.add(key)
            elif "regex" in item:
                key = f"{owner}:{index}:regex"
                regexes[key] = re.compile(item["regex"], re.IGNORECASE)
                keys.add(key)
        return Group(keys=frozenset(keys), scope=group.get("scope") or default_scope)

    def compile_requirement(group: dict, default_scope: str, owner: str) -> Group | Either:
        if "either" in group:
            return Either([
                [compile_group(g, default_scope, f"{owner}/either{a}.{i}") for i, g in enumerate(alt)]
                for a, alt in enumerate(group["either"])
            ])
        return compile_group(group, default_scope, owner)

    compiled: list[CompiledRule] = []
    for rule in rules:
        spec = rule.spec
        compiled.append(
            CompiledRule(
                rule=rule,
                match=compile_group(spec["match"], rule.scope, f"{rule.code}/match"),
                requires=[compile_requirement(g, rule.scope, f"{rule.code}/requires{i}") for i, g in enumerate(spec.get("requires") or [])],
                forbids=[compile_group(g, rule.scope, f"{rule.code}/forbids{i}") for i, g in enumerate(spec.get("forbids") or [])],
                absent=compile_group(spec["absent"], "document", f"{rule.code}/absent") if spec.get("absent") else None,
            )
        )
    return CompiledRules(
        language=language, phrase_matcher=phrase_matcher, exact_matcher=exact_matcher, token_matcher=token_matcher,
        regexes=regexes,
        literals=frozenset(literals), filterable=filterable, rules=compiled,
    )
