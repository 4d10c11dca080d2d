"""The provision-type classifier: hashed features of a clause, and a linear model over them.

Cues (``provisions.py``) say what a clause's words plainly state; real laws are more varied
than cues, so a linear model decides, with the cue verdicts among its features: the clause's
words and word pairs, the first characters of its text, its heading and kind, the cue types of
its own words, heading and parent, and its language. Features are hashed into ``BUCKETS``
buckets with CRC-32, so the model needs no vocabulary and inference needs only this module and
numpy. The weights (``models/provision_types.npz``) are made by ``train_types`` from the
labelled clauses of the evaluation's *tune* split only; the check split measures it.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

BUCKETS = 1 << 18
MODEL_FILE = "provision_types.npz"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ClauseView:
    """What the classifier sees of one clause."""

    words: str
    heading: str
    kind: str
    cue: str
    heading_cue: str
    parent_cue: str
    parent_words: str
    language: str


def features(view: ClauseView) -> list[int]:
    """Hashed feature indices of one clause (a bag: repeated indices count again)."""
    tokens = [t.lower() for t in _WORD.findall(view.words)][:80]
    names = [f"w:{t}" for t in tokens]
    names += [f"b:{a}_{b}" for a, b in zip(tokens[:16], tokens[1:17])]
    names += [f"s:{t}" for t in tokens[:4]]
    head = view.words[:48].lower()
    names += [f"f:{head[i:i + 4]}" for i in range(max(0, len(head) - 3))]
    names += [f"h:{t.lower()}" for t in _WORD.findall(view.heading)][:12]
    names += [f"pw:{t.lower()}" for t in _WORD.findall(view.parent_words)][:12]
    names += [f"k:{view.kind}", f"c:{view.cue}", f"hc:{view.heading_cue}", f"pc:{view.parent_cue}",
              f"lang:{view.language}", f"e:{not tokens}", f"kc:{view.kind}_{view.cue}"]
    return [zlib.crc32(name.encode("utf-8")) % BUCKETS for name in names]


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    weights: np.ndarray  # (len(classes), BUCKETS), float32
    bias: np.ndarray

    def predict(self, view: ClauseView) -> str:
        index = np.asarray(features(view), dtype=np.int64)
        scores = self.weights[:, index].sum(axis=1) + self.bias
        return self.classes[int(np.argmax(scores))]


@cache
def load_model() -> Model | None:
    """The shipped model, or None when the package has none (cues alone then decide)."""
    try:
        with resources.files("lintlaw.structure").joinpath("models", MODEL_FILE).open("rb") as handle:
            data = np.load(handle, allow_pickle=False)
            classes = tuple(str(c) for c in data["classes"])
            weights = np.zeros((len(classes), BUCKETS), dtype=np.float32)
            weights[data["rows"], data["cols"]] = data["values"]
            return Model(classes, weights, data["bias"].astype(np.float32))
    except (FileNotFoundError, OSError, KeyError, ValueError):
        return None
