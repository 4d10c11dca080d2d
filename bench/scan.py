"""Benchmark ``lintlaw scan`` on a synthetic corpus of at least 100 MB, next to plain spaCy tokenisation.

    .venv/bin/python bench/scan.py                 # build (once) and scan bench/_work/corpus
    .venv/bin/python bench/scan.py --size-mb 20    # a quicker, smaller run

The corpus is built from the texts in ``corpus/`` (laws and bills): each copy gets different
metadata (jurisdiction, year, title) and its numbered provisions renumbered, so no two documents
are identical. It is kept in ``bench/_work/`` (git-ignored) and rebuilt only when the parameters
change.

Three runs, each in its own process tree, measured the same way (wall time; peak resident memory
summed over the process and its children, sampled every 0.1 s):

1. ``lintlaw scan`` with ``--jobs`` worker processes into a fresh database;
2. the same scan again, where every document is unchanged and skipped;
3. plain spaCy: the same files read, decoded and tokenised with ``spacy.blank(lang)``'s tokenizer
   (chunks under ``nlp.max_length``), on the same number of worker processes.

The ratio compares (1) with (3): lintlaw only sends clauses that can match to spaCy, so a scan
should beat tokenising everything.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "_work"
SOURCES = [ROOT / "corpus" / "laws", ROOT / "corpus" / "bills"]
JURISDICTIONS = (
    "Atlantis", "Borduria", "Carpania", "Elbonia", "Freedonia", "Genovia", "Grand Fenwick", "Latveria",
    "Molvania", "Orsinia", "Qumar", "Ruritania", "San Theodoros", "Sokovia", "Syldavia", "Zubrowka",
)  # fmt: skip
_NUMBERED = re.compile(
    r"^(?P<lead>[ \t]*(?:#+[ \t]*)?(?:§+[ \t]*|Article[ \t]+|Art\.[ \t]*|Section[ \t]+|Sec\.[ \t]*)?)(?P<num>\d{1,3})(?P<tail>[.)]?)(?=[ \t]|$)",
    re.M,
)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


# -- corpus --------------------------------------------------------------------------------


def source_texts() -> list[tuple[str, dict[str, str], str]]:
    """(name, front matter lines as a dict, body) for each sample text."""
    found = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*")):
            if path.suffix not in (".txt", ".md"):
                continue
            text = path.read_text(encoding="utf-8")
            match = _FRONT.match(text)
            meta: dict[str, str] = {}
            body = text
            if match:
                body = text[match.end() :]
                for line in match.group(1).splitlines():
                    key, sep, value = line.partition(":")
                    if sep and not line.startswith(" "):
                        meta[key.strip()] = value.strip()
            found.append((path.stem, meta, body))
    return found


def renumber(body: str, offset: int) -> str:
    """Shift every provision number at the start of a line by ``offset``."""
    return _NUMBERED.sub(lambda m: f"{m['lead']}{int(m['num']) + offset}{m['tail']}", body)


def variant(index: int, name: str, meta: dict[str, str], body: str, rng: random.Random) -> tuple[str, str]:
    """One synthetic document: new metadata, renumbered provisions. Returns (relative path, text)."""
    jurisdiction = JURISDICTIONS[rng.randrange(len(JURISDICTIONS))]
    year = 1900 + rng.randrange(126)
    language = meta.get("language", "en")
    offset = rng.choice((0, 0, 1, 10, 100, 200))
    front = "\n".join(
        [
            "---",
            f"title: {json.dumps(f'{name} (synthetic copy {index})')}",
            f"jurisdiction: {jurisdiction}",
            f"year: '{year}'",
            f"language: {language}",
            f"source: synthetic benchmark copy of corpus text {name}",
            "---",
        ]
    )
    folder = f"{jurisdiction.lower().replace(' ', '-')}/{year}"
    return f"{folder}/{index:05d}_{name}.txt", f"{front}\n{renumber(body, offset)}"


def build_corpus(size_mb: int, seed: int) -> Path:
    """Write the corpus (or reuse it if built with the same parameters and sources)."""
    sources = source_texts()
    digest = hashlib.sha256(json.dumps([size_mb, seed, [(n, m, b) for n, m, b in sources]]).encode()).hexdigest()[:16]
    corpus = WORK / "corpus"
    stamp = WORK / "corpus.stamp"
    if corpus.is_dir() and stamp.is_file() and stamp.read_text().strip() == digest:
        return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    rng = random.Random(seed)
    target = size_mb * 1_000_000
    written = 0
    index = 0
    while written < target:
        name, meta, body = sources[index % len(sources)]
        relative, text = variant(index, name, meta, body, rng)
        path = corpus / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        written += len(data)
        index += 1
    stamp.write_text(digest + "\n")
    return corpus


def corpus_size(corpus: Path) -> tuple[int, int]:
    files = [p for p in corpus.rglob("*.txt")]
    return len(files), sum(p.stat().st_size for p in files)


# -- measurement ---------------------------------------------------------------------------


def measure(cmd: list[str], *, cwd: Path, ok: tuple[int, ...] = (0,)) -> tuple[float, int, str]:
    """Run ``cmd``; return (seconds, peak RSS in bytes summed over its process tree, stdout)."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        total = 0
        try:
            members = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            members = []
        for member in members:
            try:
                total += member.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        peak = max(peak, total)
        time.sleep(0.1)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode not in ok:
        sys.stderr.write(err)
        raise SystemExit(f"{cmd[2] if len(cmd) > 2 else cmd} exited with {proc.returncode}")
    return seconds, peak, out


TOKENIZE = r"""
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

def tokenize_file(path):
    import spacy
    global NLP
    try:
        NLP
    except NameError:
        NLP = {}
    text = Path(path).read_bytes().decode("utf-8")
    lang = "de" if "\nlanguage: de" in text[:2000] else "fr" if "\nlanguage: fr" in text[:2000] else "en"
    nlp = NLP.get(lang) or NLP.setdefault(lang, spacy.blank(lang))
    step = nlp.max_length // 2
    tokens = 0
    for start in range(0, len(text), step):
        tokens += len(nlp.tokenizer(text[start:start + step]))
    return tokens

if __name__ == "__main__":
    root, jobs = Path(sys.argv[1]), int(sys.argv[2])
    paths = (str(p) for p in sorted(root.rglob("*.txt")))
    with ProcessPoolExecutor(jobs) as pool:
        print(sum(pool.map(tokenize_file, paths, chunksize=16)))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=int, default=100, help="corpus size in MB (default 100)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--seed", type=int, default=20260, help="corpus generator seed")
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    corpus = build_corpus(args.size_mb, args.seed)
    docs, size = corpus_size(corpus)
    print(f"corpus: {docs} documents, {size / 1e6:.1f} MB in {corpus} (ready in {time.perf_counter() - t0:.1f} s)")

    db = WORK / "scan.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    lintlaw = [sys.executable, "-c", "from lintlaw.cli.app import main; main()"]
    scan_cmd = [*lintlaw, "scan", str(corpus), "--db", str(db), "--jobs", str(args.jobs), "--no-progress", "--format", "json"]
    rows = []
    seconds, peak, out = measure(scan_cmd, cwd=ROOT, ok=(0, 2))  # 2: some documents failed (listed)
    summary = json.loads(out)
    rows.append(("lintlaw scan", seconds, peak, summary))
    seconds, peak, out = measure(scan_cmd, cwd=ROOT, ok=(0, 2))
    rows.append(("lintlaw scan, rerun (all unchanged)", seconds, peak, json.loads(out)))
    tok_script = WORK / "tokenize.py"
    tok_script.write_text(TOKENIZE, encoding="utf-8")
    seconds, peak, out = measure([sys.executable, str(tok_script), str(corpus), str(args.jobs)], cwd=ROOT)
    rows.append(("spaCy tokenizer only", seconds, peak, {"tokens": int(out.strip())}))

    print(f"\n{'run':38} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'peak RSS':>9}")
    for name, seconds, peak, _ in rows:
        print(f"{name:38} {seconds:8.1f} {docs / seconds:8.1f} {size / 1e6 / seconds:7.2f} {peak / 2**20:6.0f} MB")
    first = rows[0][3]["documents"]
    print(
        f"\nscan: {first['scanned']} analysed, {first['failed']} failed, {rows[0][3]['findings']} findings; "
        f"tokenizer: {rows[2][3]['tokens']} tokens; jobs: {args.jobs}"
    )
    print(f"ratio (tokenizer seconds / scan seconds): {rows[2][1] / rows[0][1]:.2f}x")


if __name__ == "__main__":
    main()
