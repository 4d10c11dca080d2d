"""Find Art. 3(a) elements in a piece of law text, on spaCy lookup lemmas of lower-cased text.

Term lists come from the shared lexicons (``rules/lexicons/protocol-{acts,means,purposes}.yaml``,
plus ``trafficking``, ``children`` and ``consent``) and from ``corpus/reference/beyond-protocol.yaml``
(terms laws use that match no Protocol element). Overlapping matches are resolved longest first,
so "exploitation of the prostitution of others" wins over "prostitution" and "forced labour" over
"force". Two refinements keep the element table honest:

- an act phrase that overlaps a name of trafficking itself is dropped ("trafficking in persons"
  is the term being defined, not the act "traffic in");
- a means preceded by "with or without" / "whether or not" / "regardless of" is marked
  optional: the law mentions it but does not require it.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from lintlaw.errors import RuleError
from lintlaw.protocol.reference import CATEGORIES, reference_dir

ELEMENT_LEXICONS = {"acts": "protocol-acts", "means": "protocol-means", "purposes": "protocol-purposes"}
AUX_LEXICONS = ("trafficking", "children", "consent", "offence")
EXTRAS_FILE = "beyond-protocol.yaml"
# A word that makes a following means optional, within a few words.
_OPTIONAL = re.compile(r"(?:with or without|whether or not|regardless of|irrespective of)\W+(?:\w+\W+){0,3}$")
# Words before an ambiguous term (e.g. "debt bondage": a means and a purpose) that make it a purpose.
_PURPOSE_CUE = re.compile(r"\b(?:purpose|purposes|intent|intention|subjection|subjecting|subject to|in order to)\b")
_WORD = re.compile(r"\w+")
_LOCK = threading.Lock()


@dataclass(frozen=True)
class TermMatch:
    """A lexicon hit. ``category`` is acts/means/purposes or an auxiliary lexicon name;
    ``start``/``end`` are character offsets into the analysed text."""

    category: str
    element: str
    start: int
    end: int
    text: str
    optional: bool = False

    def shifted(self, offset: int) -> "TermMatch":
        return TermMatch(self.category, self.element, self.start + offset, self.end + offset, self.text, self.optional)


@dataclass(frozen=True)
class Vocabulary:
    """Phrases by (category, element id); ``extra_ids`` are the ids that are not Protocol elements."""

    phrases: dict[tuple[str, str], tuple[str, ...]]
    extra_ids: dict[str, frozenset[str]]


def _rules_dir() -> Path:
    from lintlaw.engine.loader import default_rule_dirs

    dirs = default_rule_dirs()
    if not dirs:
        raise RuleError("the bundled rules/ folder (with lexicons/) was not found", code="E211")
    return dirs[0]


def _extras(path: Path) -> tuple[dict[tuple[str, str], tuple[str, ...]], dict[str, frozenset[str]]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"cannot read lexicon: {exc}", file=str(path), code="E211") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), dict):
        raise RuleError("lexicon needs an 'entries' mapping", file=str(path), code="E211")
    categories = data.get("categories") or {}
    phrases: dict[tuple[str, str], tuple[str, ...]] = {}
    ids: dict[str, frozenset[str]] = {}
    for category in CATEGORIES:
        members = categories.get(category) or []
        ids[category] = frozenset(members)
        for entry in members:
            values = data["entries"].get(entry)
            if not isinstance(values, list) or not values:
                raise RuleError(f"entry '{entry}' must be a list of phrases", file=str(path), code="E211")
            phrases[(category, entry)] = tuple(str(v) for v in values)
    return phrases, ids


@lru_cache(maxsize=4)
def load_vocabulary(rules_dir: Path | None = None, extras_path: Path | None = None) -> Vocabulary:
    """The element and auxiliary phrases, read once per process."""
    from lintlaw.engine.lexicons import load_lexicons

    lexicons = load_lexicons([rules_dir or _rules_dir()])
    phrases: dict[tuple[str, str], tuple[str, ...]] = {}
    for category, name in ELEMENT_LEXICONS.items():
        if name not in lexicons:
            raise RuleError(f"lexicon '{name}' is missing", file=str(rules_dir or _rules_dir()), code="E211")
        for entry, values in lexicons[name].entries.items():
            phrases[(category, entry)] = tuple(values)
    for name in AUX_LEXICONS:
        if name not in lexicons:
            raise RuleError(f"lexicon '{name}' is missing", file=str(rules_dir or _rules_dir()), code="E211")
        for entry, values in lexicons[name].entries.items():
            phrases[(name, entry)] = tuple(values)
    extra_phrases, extra_ids = _extras(extras_path or reference_dir() / EXTRAS_FILE)
    phrases.update(extra_phrases)
    return Vocabulary(phrases=phrases, extra_ids=extra_ids)


class ElementMatcher:
    """One spaCy ``PhraseMatcher`` on lemmas over every element and auxiliary phrase."""

    def __init__(self, vocabulary: Vocabulary, lang: str = "en") -> None:
        from spacy.matcher import PhraseMatcher

        from lintlaw.structure.nlp import get_nlp, process

        self.lang = lang
        self.vocabulary = vocabulary
        nlp = get_nlp(lang)
        self._matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._keys: dict[int, tuple[str, str]] = {}
        first: dict[str, set[str]] = {}
        for (category, entry), values in sorted(vocabulary.phrases.items()):
            key = f"{category}\x1f{entry}"
            self._keys[nlp.vocab.strings.add(key)] = (category, entry)
            docs = list(process(values, lang))
            self._matcher.add(key, docs)
            for doc in docs:
                lemma = doc[0].lemma_.lower()
                first.setdefault(category, set()).update({doc[0].lower_, lemma})
        self._first = {category: frozenset(words) for category, words in first.items()}
        self._any_first = frozenset().union(*self._first.values())

    def could_match(self, text: str, categories: tuple[str, ...] | None = None) -> bool:
        """Cheap test: can any phrase (of ``categories``) match? A phrase needs a word whose lemma
        is its first word's lemma, so a text with none of those words or lemmas cannot match."""
        from lintlaw.structure.nlp import with_lemmas

        words = with_lemmas(_WORD.findall(text.lower()), self.lang)
        if categories is None:
            return not words.isdisjoint(self._any_first)
        return any(not words.isdisjoint(self._first.get(c, frozenset())) for c in categories)

    def raw(self, text: str) -> list[TermMatch]:
        """Every hit, overlapping, in text order."""
        from lintlaw.structure.nlp import process

        if not self.could_match(text):
            return []
        doc = next(iter(process([text], self.lang)))
        hits = []
        for key, start, end in self._matcher(doc):
            category, entry = self._keys[key]
            span = doc[start:end]
            hits.append(TermMatch(category, entry, span.start_char, span.end_char, text[span.start_char:span.end_char]))
        return sorted(hits, key=lambda m: (m.start, m.end, m.category, m.element))

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping element hits (longest first), auxiliary hits kept apart; text order."""
        hits = self.raw(text)
        aux = [m for m in hits if m.category not in CATEGORIES]
        names = [m for m in aux if m.category == "trafficking"]
        elements = [
            m for m in hits
            if m.category in CATEGORIES
            and not (m.category == "acts" and any(n.start < m.end and m.start < n.end for n in names))
        ]
        lower = text.lower()

        def rank(m: TermMatch) -> tuple[Any, ...]:
            purpose_context = bool(_PURPOSE_CUE.search(lower[max(0, m.start - 80):m.start]))
            preferred = ("purposes", "means", "acts") if purpose_context else ("means", "acts", "purposes")
            return (-(m.end - m.start), m.start, preferred.index(m.category), m.element)

        chosen: list[TermMatch] = []
        for m in sorted(elements, key=rank):
            if any(c.start < m.end and m.start < c.end for c in chosen):
                continue
            if m.category == "means" and _OPTIONAL.search(lower[max(0, m.start - 60):m.start]):
                m = TermMatch(m.category, m.element, m.start, m.end, m.text, optional=True)
            chosen.append(m)
        return sorted(chosen + aux, key=lambda m: (m.start, m.end, m.category, m.element))


_MATCHERS: dict[str, ElementMatcher] = {}


def get_matcher(lang: str = "en") -> ElementMatcher:
    """The cached matcher for a language (the lexicons are English; other languages fall back)."""
    from lintlaw.structure.nlp import pipeline_language

    code = pipeline_language(lang)
    with _LOCK:
        matcher = _MATCHERS.get(code)
        if matcher is None:
            matcher = ElementMatcher(load_vocabulary(), code)
            _MATCHERS[code] = matcher
    return matcher
