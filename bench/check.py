#!/usr/bin/env python3
"""Benchmark ``lintlaw check`` on one large statute built from the corpus texts.

Builds a single statute of about ``--size`` MB (default 1) by renumbering sections taken from
the English laws in ``corpus/laws``, then measures, in this one process:

- lintlaw: ingest + segment + rules (the whole ``lint_document`` path), seconds and peak memory;
- plain spaCy: tokenising the same text with ``spacy.blank("en")`` in chunks under ``max_length``.

Peak memory is the growth of the process's peak RSS during each phase (``resource.getrusage``);
the phases run in separate child processes so one does not hide the other.

    python bench/check.py            # 1 MB
    python bench/check.py --size 5   # 5 MB
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


def build_statute(size_mb: float) -> str:
    """One long Act: every English corpus body, re-numbered as consecutive sections, repeated."""
    bodies = []
    for path in sorted((ROOT / "corpus" / "laws").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if "\nlanguage: en" not in text.split("\n---", 1)[0] + "\n":
            continue
        bodies.append(text.split("\n---\n", 1)[-1])
    target = int(size_mb * 1_000_000)
    parts = ["---\ntitle: Consolidated Benchmark Statute\njurisdiction: Benchmark\nyear: 2026\nlanguage: en\n---\n"]
    size = len(parts[0])
    section = 1
    while size < target:
        for body in bodies:
            for paragraph in re.split(r"\n\s*\n", body):
                chunk = f"\nSection {section}.\n{paragraph.strip()}\n"
                parts.append(chunk)
                size += len(chunk)
                section += 1
                if size >= target:
                    break
            if size >= target:
                break
    return "".join(parts)


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _lintlaw(text: str, queue: "mp.Queue") -> None:
    from lintlaw.api import lint_document
    from lintlaw.engine import load_rules
    from lintlaw.ingest import read_text
    from lintlaw.structure.nlp import get_nlp

    ruleset = load_rules()
    get_nlp("en")  # pipeline start-up is not part of the per-document cost
    base = _peak_kb()
    start = time.perf_counter()
    document = read_text(text, path="bench-statute.md")
    outline, findings = lint_document(document, ruleset)
    seconds = time.perf_counter() - start
    queue.put({"seconds": seconds, "peak_mb": (_peak_kb() - base) / 1024, "findings": len(findings),
               "clauses": sum(1 for _ in outline.clauses())})


def _spacy(text: str, queue: "mp.Queue") -> None:
    import spacy

    nlp = spacy.blank("en")
    base = _peak_kb()
    start = time.perf_counter()
    tokens = 0
    step = 100_000
    for i in range(0, len(text), step):
        tokens += len(nlp.make_doc(text[i : i + step]))
    seconds = time.perf_counter() - start
    queue.put({"seconds": seconds, "peak_mb": (_peak_kb() - base) / 1024, "tokens": tokens})


def measure(target, text: str) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(text, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=1.0, help="statute size in MB (default 1)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    text = build_statute(args.size)
    mb = len(text.encode("utf-8")) / 1_000_000
    lint = measure(_lintlaw, text)
    tok = measure(_spacy, text)
    report = {"size_mb": round(mb, 2), "lintlaw": lint, "spacy_tokenize": tok,
              "ratio_lintlaw_over_tokenize": round(lint["seconds"] / tok["seconds"], 2)}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"statute: {mb:.2f} MB, {lint['clauses']} clauses, {lint['findings']} findings")
    print(f"{'':<22}{'seconds':>10}{'MB/s':>10}{'peak MB':>10}")
    for name, row in (("lintlaw check", lint), ("spaCy tokenise only", tok)):
        print(f"{name:<22}{row['seconds']:>10.2f}{mb / row['seconds']:>10.2f}{row['peak_mb']:>10.1f}")
    print(f"lintlaw / tokenise-only time ratio: {report['ratio_lintlaw_over_tokenize']}")


if __name__ == "__main__":
    main()
