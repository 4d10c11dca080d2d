"""Compile every rule's matchers once: one PhraseMatcher, one Matcher, a few regexes, a prefilter.

Each matcher item becomes a *key*; a lexicon entry is compiled once however many rules use it.
A rule group (``match``, each ``requires``/``forbids``) is then just a set of keys.
The literal prefilter is the set of words or lemmas at least one key needs: a clause whose words
share nothing with it cannot match a phrase or pattern, so spaCy never sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lintlaw.engine.lexicons import Lexicon, for_language
from lintlaw.engine.rule import Rule
from lintlaw.structure import nlp as nlpmod

STOPWORDS = frozenset(
    "a an the of to in on by for or and any all its his her their be is are was were as at with from "
    "that this which who whom whose".split()
)
# Words too frequent in legislation to make a useful prefilter literal.
COMMON = frozenset(
    "shall must may will not no be person persons people who if act section law laws order court state party "
    "public service services commercial common business activity activities work time place purpose offence "
    "offences operation program programme education agree agreement assist benefit income earnings danger "
    "certificate other such provision provisions country countries right rights".split()
)
LITERAL_ATTRS = ("LOWER", "ORTH", "TEXT", "LEMMA", "NORM")
WORD_RE = re.compile(r"\w+")


@dataclass
class Group:
    """A compiled ``any`` list: the keys it matches on, and the scope it is checked in.

    ``literals`` are the words one of which a clause must contain for the group's phrases or
    patterns to match there (None: a pattern with no literal, so any clause may match);
    ``regex_keys`` are checked on every clause in scope without spaCy.
    """

    keys: frozenset[str]
    scope: str
    literals: frozenset[str] | None = frozenset()
    regex_keys: frozenset[str] = frozenset()

    @property
    def needs_nlp(self) -> bool:
        return bool(self.keys - self.regex_keys)


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
class TokenMatcher:
    """One token pattern: its Matcher, the words or lemmas that anchor it, and its longest reach.

    ``reach`` is the most tokens a match can span (None: unbounded). Knowing it, the pattern need
    only run on a window around each anchor word instead of the whole clause.
    """

    matcher: Any
    literals: frozenset[str] | None
    reach: int | None


def _reach(pattern: list[dict]) -> int | None:
    total = 0
    for spec in pattern:
        op = str(spec.get("OP", "1"))
        if op in ("*", "+"):
            return None
        if op.startswith("{"):
            high = op.strip("{}").split(",")[-1]
            if not high.strip():
                return None
            total += int(high)
        else:
            total += 1
    return total


@dataclass
class CompiledRules:
    """Everything needed to run a rule set over clauses of one language."""

    language: str
    phrase_matcher: Any
    exact_matcher: Any
    token_matchers: list["TokenMatcher"]
    regexes: dict[str, re.Pattern[str]]
    literals: frozenset[str]
    filterable: bool
    rules: list[CompiledRule] = field(default_factory=list)


def _literal_forms(words: list[str], lemmas: list[str]) -> set[str]:
    """Words (or lemmas) one of which must occur for a phrase to match: its rarest content word.

    Clause words are compared together with their lemmas (``nlp.with_lemmas``), so a lemma here
    stands for every inflected form of it.
    """
    best: set[str] | None = None
    for word, lemma in zip(words, lemmas):
        if not WORD_RE.fullmatch(word) or word in STOPWORDS:
            continue
        candidates = {word, lemma.lower()}
        if best is None or _selectivity(candidates) > _selectivity(best):
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
                        lexicon = for_language(lexicons, name, lang)
                        phrases = lexicon.phrases([entry] if entry and entry in lexicon.entries else
                                                  [] if entry else None)
                        for phrase in phrases:
                            if " " not in phrase:
                                expanded.append(nlpmod.lemmatize_phrase(phrase, lang)[0] if attr == "LEMMA" else phrase)
                    else:
                        expanded.append(v)
                spec[attr] = {**value, "IN": sorted(set(expanded))}
        out.append(spec)
    return out


def _pattern_literals(pattern: list[dict]) -> set[str] | None:
    """Words or lemmas one of which must occur for the pattern to match: its most selective token."""
    best: set[str] | None = None
    for spec in pattern:
        if spec.get("OP") in ("?", "*", "!") or str(spec.get("OP", "")).startswith("{0"):
            continue
        for attr in LITERAL_ATTRS:
            value = spec.get(attr)
            values = [value] if isinstance(value, str) else (value or {}).get("IN") if isinstance(value, dict) else None
            if values:
                found = {str(v).lower() for v in values}
                if best is None or _selectivity(found) > _selectivity(best):
                    best = found
                break
    return best


def _selectivity(words: set[str]) -> tuple[int, int]:
    """Prefer literal sets without very common words, then with longer shortest words."""
    return (-len(words & (STOPWORDS | COMMON)), min((len(w) for w in words), default=0))


def compile_rules(rules: list[Rule], lexicons: dict[str, Lexicon], language: str = "en") -> CompiledRules:
    """Build the matchers for ``rules`` in ``language`` (cached by the caller per rule set)."""
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = nlpmod.get_nlp(language)
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
    exact_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    # One Matcher per pattern, each guarded by its literals: wildcard patterns are costly, so a
    # pattern only runs on clauses that contain its most selective word.
    token_matchers: list[TokenMatcher] = []
    regexes: dict[str, re.Pattern[str]] = {}
    compiled_phrases: set[str] = set()

    key_literals: dict[str, frozenset[str] | None] = {}

    def add_phrases(key: str, phrases: list[str], exact: bool = False) -> None:
        if key in compiled_phrases:
            return
        compiled_phrases.add(key)
        docs = list(nlp.pipe(nlpmod.fold_case(p) for p in phrases))
        if docs:  # a language pack may leave an entry empty
            (exact_matcher if exact else phrase_matcher).add(key, docs)
        found: set[str] = set()
        for doc in docs:
            words = [t.text for t in doc]
            found |= _literal_forms(words, words if exact else [t.lemma_ for t in doc])
        key_literals[key] = frozenset(found)

    def compile_group(group: dict, default_scope: str, owner: str) -> Group:
        keys: set[str] = set()
        regex_keys: set[str] = set()
        for index, item in enumerate(group["any"]):
            if "lexicon" in item:
                lexicon = for_language(lexicons, item["lexicon"], language)
                for entry in item.get("entries") or list(lexicon.entries):
                    key = f"lex:{lexicon.name}:{entry}"
                    add_phrases(key, lexicon.entries.get(entry, []))
                    keys.add(key)
            elif "terms" in item:
                key = f"{owner}:{index}:terms"
                add_phrases(key, item["terms"], exact=bool(item.get("exact")))
                keys.add(key)
            elif "pattern" in item:
                key = f"{owner}:{index}:pattern"
                pattern = _expand_pattern(item["pattern"], lexicons, language)
                found = _pattern_literals(pattern)
                key_literals[key] = frozenset(found) if found is not None else None
                matcher = Matcher(nlp.vocab, validate=True)
                matcher.add(key, [pattern])
                token_matchers.append(TokenMatcher(matcher, key_literals[key], _reach(pattern)))
                keys.add(key)
            elif "regex" in item:
                key = f"{owner}:{index}:regex"
                regexes[key] = re.compile(item["regex"], re.IGNORECASE)
                keys.add(key)
                regex_keys.add(key)
        nlp_keys = keys - regex_keys
        if any(key_literals[k] is None for k in nlp_keys):
            group_literals: frozenset[str] | None = None
        else:
            group_literals = frozenset().union(*(key_literals[k] for k in nlp_keys))  # type: ignore[arg-type]
        return Group(keys=frozenset(keys), scope=group.get("scope") or default_scope,
                     literals=group_literals, regex_keys=frozenset(regex_keys))

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
    nlp_literals = [v for k, v in key_literals.items()]
    return CompiledRules(
        language=language, phrase_matcher=phrase_matcher, exact_matcher=exact_matcher, token_matchers=token_matchers,
        regexes=regexes, literals=frozenset().union(*(v for v in nlp_literals if v is not None)),
        filterable=all(v is not None for v in nlp_literals), rules=compiled,
    )
