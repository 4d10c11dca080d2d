"""The only module that imports spaCy.

Pipelines are built lazily, once per language and process. The default is ``spacy.blank(lang)``
with a rule-based sentencizer and the lookup lemmatizer from ``spacy-lookups-data``: nothing is
downloaded at run time. A trained pipeline can be chosen with ``LINTLAW_SPACY_MODEL`` (a package
name such as ``en_core_web_sm``) when one is installed; it is an option, never a requirement.

Texts are lower-cased before they are processed (``fold_case``), so phrase patterns and lemmas
match whatever the capitalisation of the source, and offsets still line up with the original.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SUPPORTED_LANGUAGES = ("en", "fr", "de", "es")
_LOCK = threading.Lock()
_PIPELINES: dict[str, "Language"] = {}


def pipeline_language(lang: str | None) -> str:
    """The language code a pipeline is built for (unknown codes fall back to English)."""
    code = (lang or "en").split("-")[0].split("_")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else "en"


def get_nlp(lang: str | None = "en") -> "Language":
    """The cached pipeline for ``lang``: blank + sentencizer + lookup lemmatizer by default."""
    code = pipeline_language(lang)
    with _LOCK:
        nlp = _PIPELINES.get(code)
        if nlp is None:
            nlp = _build(code)
            _PIPELINES[code] = nlp
    return nlp


def _build(code: str) -> "Language":
    import spacy

    model = os.environ.get("LINTLAW_SPACY_MODEL")
    if model and code == "en":
        nlp = spacy.load(model, exclude=["ner", "textcat"])
        if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        return nlp
    nlp = spacy.blank(code)
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", ":"]})
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.max_length = 2_000_000
    return nlp


def fold_case(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets must still line up)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def process(texts: Iterable[str], lang: str | None = "en", batch_size: int = 64) -> Iterator["Doc"]:
    """Run the pipeline over case-folded texts, in batches."""
    nlp = get_nlp(lang)
    return nlp.pipe((fold_case(t) for t in texts), batch_size=batch_size)


def tokenize(text: str, lang: str | None = "en") -> "Doc":
    """Tokenise only (no lemmas, no sentences): what phrase patterns are built from."""
    return get_nlp(lang).make_doc(fold_case(text))


def lemmatize_phrase(phrase: str, lang: str | None = "en") -> list[str]:
    """The lemmas of a short phrase, as the pipeline would produce them in running text."""
    doc = get_nlp(lang)(fold_case(phrase))
    return [tok.lemma_ for tok in doc]


_LEMMA_CACHE: dict[str, dict[str, str]] = {}


def with_lemmas(words: Iterable[str], lang: str | None = "en") -> frozenset[str]:
    """The lower-case ``words`` together with their lookup lemmas (for literal prefilters).

    Uses the table the pipeline's lemmatizer already holds, with a per-language word cache, so
    no lemma table is loaded or inverted twice.
    """
    code = pipeline_language(lang)
    cache = _LEMMA_CACHE.get(code)
    if cache is None:
        cache = _LEMMA_CACHE[code] = {}
    table = None
    out = set()
    for word in words:
        lemma = cache.get(word)
        if lemma is None:
            if table is None:
                table = _lookup_table(code)
            lemma = table.get(word, word) if table is not None else word
            lemma = lemma[0] if isinstance(lemma, list) else str(lemma).lower()
            if len(cache) < 500_000:
                cache[word] = lemma
        out.add(word)
        out.add(lemma)
    return frozenset(out)


def _lookup_table(code: str):
    nlp = get_nlp(code)
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_lookup"):
        return None
    return lookups.get_table("lemma_lookup")
