#!/usr/bin/env python3
"""Benchmark the element analysis on one very long sentence (the frames issue's cost bound).

Builds one definition of about ``--words`` words (default 5,000) with no sentence end: the
Palermo Protocol's Art. 3 (the corpus copy) without its full stops, semicolons and colons,
repeated, so that the sentence is dense with acts, means, purposes and consent words (the worst
case for the element analysis). In a child process it measures the whole ``lint_document``
path (segment, typing, frames, every rule) and, separately, ``frames_of`` alone: wall seconds and
peak RSS growth. The goal is under 2 s and 300 MB for 5,000 words, and cost linear in length
(``--words 10000`` should take about twice as long).

    python bench/long_sentence.py
    python bench/long_sentence.py --words 20000
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build_sentence(words: int) -> str:
    text = (ROOT / "corpus" / "laws" / "un_palermo-protocol_2000.txt").read_text(encoding="utf-8")
    article = text[text.index("Article 3"):text.index("Article 4")]
    pool = re.sub(r"[.;:]", " ", article).split()
    body = " ".join((pool * (words // max(len(pool), 1) + 1))[:words])
    return f'1. "Trafficking" means {body}\n'



def _measure(kind: str, text: str, queue: "mp.Queue") -> None:
    from lintlaw.analysis import frames_of
    from lintlaw.api import lint_document
    from lintlaw.engine import load_rules
    from lintlaw.ingest import read_text
    from lintlaw.structure import segment

    ruleset = load_rules()
    lint_document(read_text('1. "Trafficking" means the sale of persons for prostitution.', path="<warm>"), ruleset)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    document = read_text(text, path="<bench>")
    if kind == "frames":
        frames = frames_of(segment(document))
        count = len(frames)
    else:
        count = len(lint_document(document, ruleset)[1])
    seconds = time.perf_counter() - start
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    queue.put({"phase": kind, "seconds": round(seconds, 2), "peak_mb": round(growth, 1), "count": count})


def run(kind: str, text: str) -> dict:
    queue: mp.Queue = mp.Queue()
    child = mp.Process(target=_measure, args=(kind, text, queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    args = parser.parse_args()
    text = build_sentence(args.words)
    results = [run("frames", text), run("check", text)]
    print(json.dumps({"words": args.words, "chars": len(text), "results": results,
                      "goal": {"seconds": 2.0, "peak_mb": 300}}, indent=2))


if __name__ == "__main__":
    main()
