"""Benchmark ``lintlaw scan`` on a synthetic corpus of at least 100 MB, next to plain spaCy tokenisation.

    .venv/bin/python bench/scan.py                 # build (once) and scan bench/_work/corpus
    .venv/bin/python bench/scan.py --size-mb 20    # a quicker, smaller run

The corpus is built from the texts in ``corpus/`` (laws and bills): each copy gets different
metadata (jurisdiction, year, title) and its numbered provisions renumbered, so no two documents
are identical. It is kept in ``bench/_work/`` (git-ignored) and rebuilt only when the parameters
change.

Three runs, each in its own process tree, measured the same way: wall time, CPU time (user +
system of the whole tree; it does not depend on what else runs on the machine) and peak memory
summed over the process and its children, sampled every 0.1 s (RSS, and PSS which counts shared
pages once):

1. ``lintlaw scan`` with ``--jobs`` worker processes into a fresh database;
2. the same scan again, where every document is unchanged and skipped;
3. plain spaCy: the same files read, decoded and tokenised with ``spacy.blank(lang)``'s tokenizer
   (chunks under ``nlp.max_length``), on the same number of worker processes.

The speed-up compares (3) with (1), in wall and in CPU time: lintlaw only sends clauses that can
match to spaCy, so a scan should beat tokenising everything.
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
from dataclasses import dataclass
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


@dataclass
class Run:
    """One measured command: wall and CPU seconds, peak memory of its process tree, its output."""

    seconds: float
    cpu_seconds: float
    peak_rss: int
    peak_pss: int
    out: str


def measure(cmd: list[str], *, cwd: Path, ok: tuple[int, ...] = (0,)) -> Run:
    """Run ``cmd``, sampling the memory of its process tree every 0.1 s.

    RSS counts pages shared between processes once per process (an upper bound); PSS shares
    them out (what the tree really costs). CPU seconds (user + system, summed over every process
    of the tree as last sampled, so a process's final 0.1 s may be missed) hardly depend on what
    else the machine is doing; wall seconds do.
    """
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(proc.pid)
    peak_rss = peak_pss = 0
    cpu: dict[int, float] = {}  # last CPU seconds seen per process of the tree
    while proc.poll() is None:
        rss = pss = 0
        try:
            members = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            members = []
        for member in members:
            try:
                info = member.memory_full_info()
                times = member.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            rss += info.rss
            pss += getattr(info, "pss", info.rss)
            cpu[member.pid] = times.user + times.system
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.1)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode not in ok:
        sys.stderr.write(err)
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return Run(seconds, sum(cpu.values()), peak_rss, peak_pss, out)


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

    load_before = os.getloadavg()[0]
    db = WORK / "scan.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    lintlaw = [sys.executable, "-c", "from lintlaw.cli.app import main; main()"]
    scan_cmd = [*lintlaw, "scan", str(corpus), "--db", str(db), "--jobs", str(args.jobs), "--no-progress", "--format", "json"]
    scan = measure(scan_cmd, cwd=ROOT, ok=(0, 2))  # 2: some documents failed (listed in the output)
    rerun = measure(scan_cmd, cwd=ROOT, ok=(0, 2))
    tok_script = WORK / "spacy_tokenize.py"  # not tokenize.py: that name shadows the standard library
    tok_script.write_text(TOKENIZE, encoding="utf-8")
    tokenize = measure([sys.executable, str(tok_script), str(corpus), str(args.jobs)], cwd=ROOT)
    rows = [
        ("lintlaw scan", scan),
        ("lintlaw scan again (all unchanged)", rerun),
        ("spaCy tokenizer only", tokenize),
    ]

    print(f"\n{'run':36} {'wall s':>7} {'CPU s':>7} {'docs/s':>7} {'MB/s':>6} {'peak RSS':>9} {'peak PSS':>9}")
    for name, run in rows:
        print(
            f"{name:36} {run.seconds:7.1f} {run.cpu_seconds:7.1f} {docs / run.seconds:7.1f} "
            f"{size / 1e6 / run.seconds:6.2f} {run.peak_rss / 2**20:6.0f} MB {run.peak_pss / 2**20:6.0f} MB"
        )
    summary = json.loads(scan.out)
    print(
        f"\nscan: {summary['documents']['scanned']} analysed, {summary['documents']['failed']} failed, "
        f"{summary['findings']} findings; tokenizer: {int(tokenize.out.strip())} tokens; jobs: {args.jobs}; "
        f"load average before/after: {load_before:.2f} / {os.getloadavg()[0]:.2f}"
    )
    again = json.loads(rerun.out)["documents"]
    print(
        f"second scan: {again['skipped']} unchanged (skipped), {again['scanned']} analysed"
        + ("  <- the rule pack or lintlaw changed between the two scans" if again["scanned"] else "")
    )
    print(f"speed-up over tokenising everything, wall time: {tokenize.seconds / scan.seconds:.2f}x")
    print(f"speed-up over tokenising everything, CPU time:  {tokenize.cpu_seconds / scan.cpu_seconds:.2f}x")

if __name__ == "__main__":
    main()
