"""The only module that imports spaCy.

Pipelines are built lazily, once per language and process. The default is ``spacy.blank(lang)``
with a rule-based sentencizer and the lookup lemmatizer from ``spacy-lookups-data``: nothing is
downloaded at run time. A trained pipeline can be chosen with ``LINTLAW_SPACY_MODEL`` (a package
name such as ``en_core_web_sm``) when one is installed; it is an option, never a requirement.

Texts are lower-cased before they are processed (``fold_case``), so phrase patterns and lemmas
match whatever the capitalisation of the source, and offsets still line up with the original.
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import os
import threading
from functools import lru_cache
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


@lru_cache(maxsize=8)
def surface_forms(lang: str) -> dict[str, frozenset[str]]:
    """Lemma → every inflected form the lookup table knows (for the literal prefilter)."""
    code = pipeline_language(lang)
    inverted: dict[str, set[str]] = {}
    try:
        data = importlib.resources.files("spacy_lookups_data") / "data" / f"{code}_lemma_lookup.json.gz"
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf8") as handle:
            table = json.load(handle)
    except (FileNotFoundError, OSError, ModuleNotFoundError):
        table = {}
    for form, lemmas in table.items():
        for lemma in lemmas if isinstance(lemmas, list) else [lemmas]:
            inverted.setdefault(str(lemma).lower(), set()).add(form.lower())
    return {lemma: frozenset(forms) for lemma, forms in inverted.items()}
