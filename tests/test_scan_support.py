"""Helpers for the scan tests: a small deterministic analyser, corpus builders, store dumps.

The fake analyser lives in an importable module (not inside a test) because worker processes
and Dask workers unpickle it by module name.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lintlaw.model import Document, Finding, assign_fingerprints
from lintlaw.scan.analyse import RulePack

FAKE_RULES = (
    ("ZZ101", "word-prostitution", r"prostitution", "warning"),
    ("ZZ102", "word-trafficking", r"traffick\w*", "error"),
    ("ZZ103", "word-never-present", r"zzyzx", "info"),
)
CRASH_MARK = "CRASH-THE-WORKER"
RAISE_MARK = "RAISE-INSIDE-LINT"
WEDGE_MARK = "WEDGE-THE-WORKER"
JURISDICTIONS = ("Atlantis", "Borduria", "Carpania", "Syldavia")


@dataclass(frozen=True)
class FakeAnalyser:
    """Flags three words, one rule per word; crashes or raises on marker strings."""

    version: str = "fake-1"

    def describe(self) -> RulePack:
        rules = tuple(
            {"code": code, "name": name, "severity": sev, "stance": "contested", "title": name}
            for code, name, _, sev in FAKE_RULES
        )
        return RulePack(version=self.version, rules=rules)

    def warm_up(self) -> None:
        return None

    def lint(self, document: Document) -> tuple[int, list[Finding]]:
        if CRASH_MARK in document.text:
            os._exit(7)
        if RAISE_MARK in document.text:
            raise RuntimeError("lint blew up")
        findings = []
        for code, name, pattern, severity in FAKE_RULES:
            for match in re.finditer(pattern, document.norm, re.IGNORECASE):
                line, column = document.position(match.start())
                end_line, end_column = document.position(match.end())
                findings.append(
                    Finding(
                        file=document.path, rule=name, code=code, severity=severity, stance="contested",
                        message=f"mentions {match.group(0).lower()}", start=match.start(), end=match.end(),
                        line=line, column=column, end_line=end_line, end_column=end_column,
                        clause_id=f"line_{line}", clause_label=f"line {line}",
                        clause_text=document.text.splitlines()[line - 1], match=match.group(0),
                    )
                )
        assign_fingerprints(findings)
        return document.text.count("\n") + 1, findings


def law_text(i: int, *, jurisdiction: str | None = None, year: int | None = None) -> str:
    """A small numbered law; the number of flagged words varies with ``i``."""
    jurisdiction = jurisdiction or JURISDICTIONS[i % len(JURISDICTIONS)]
    year = year or 1990 + i % 7
    lines = [
        "---",
        f"title: Test Act {i}",
        f"jurisdiction: {jurisdiction}",
        f"year: '{year}'",
        "language: en",
        "---",
        f"Test Act {i}",
        "1. Purpose",
        "(1) This Act concerns public order.",
    ]
    for k in range(i % 4):
        lines.append(f"({k + 2}) A person who promotes prostitution commits offence {k}.")
    if i % 3 == 0:
        lines.append("2. Trafficking in persons means the recruitment of persons by force.")
    return "\n".join(lines) + "\n"


def write_corpus(root: Path, count: int, *, nested: bool = False) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        folder = root / JURISDICTIONS[i % len(JURISDICTIONS)].lower() if nested else root
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"act_{i:03d}.txt"
        path.write_text(law_text(i), encoding="utf-8")
        paths.append(path)
    return paths


_DOC_FIELDS = (
    "path, content_hash, signature, ruleset_version, size, status, format, language, title, "
    "jurisdiction, year, metadata, clauses, findings, error_code, error_message, error_line"
)
_FINDING_FIELDS = (
    "d.path, f.seq, f.rule, f.code, f.severity, f.stance, f.message, f.line, f.\"column\", f.end_line, "
    "f.end_column, f.start, f.\"end\", f.clause_id, f.clause_label, f.clause_text, f.\"match\", "
    "f.fingerprint, f.page, f.suggestion, f.origin"
)


def dump_store(db: Path) -> dict[str, Any]:
    """Everything a scan decides, without timings, worker names or scan ids."""
    conn = sqlite3.connect(db)
    try:
        documents = [tuple(r) for r in conn.execute(f"SELECT {_DOC_FIELDS} FROM documents ORDER BY path")]
        findings = [
            tuple(r)
            for r in conn.execute(
                f"SELECT {_FINDING_FIELDS} FROM findings f JOIN documents d ON d.id = f.document_id "
                "ORDER BY d.path, f.seq"
            )
        ]
        orphans = conn.execute(
            "SELECT COUNT(*) FROM findings WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
    finally:
        conn.close()
    return {"documents": documents, "findings": findings, "orphans": orphans}


def doc_row(db: Path, path: str) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM documents WHERE path = ?", (path,)).fetchone()
    finally:
        conn.close()
    assert row is not None, f"{path} not in store"
    data = dict(row)
    data["metadata"] = json.loads(data["metadata"])
    return data


SAMPLE = Path(__file__).resolve().parent.parent / "corpus"


def sample_corpus(root: Path, count: int) -> list[Path]:
    """``count`` documents built from the bundled bills and laws: new metadata, shifted numbering.

    Each document is one bill (conflated or aligned, alternately) followed by one of the English
    laws, so the real engine finds something in every document and spends real time on each.
    """
    bills = sorted((SAMPLE / "bills").glob("*.md"))
    laws = [p for p in sorted((SAMPLE / "laws").glob("*.txt")) if "\nlanguage: en" in p.read_text(encoding="utf-8")[:3000]]
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        bill = bills[i % len(bills)].read_text(encoding="utf-8").split("\n---\n", 1)[1]
        law = laws[i % len(laws)].read_text(encoding="utf-8").split("\n---\n", 1)[1]
        shift = 10 * (i % 5)
        body = re.sub(r"^(\d+)\.", lambda m, shift=shift: f"{int(m.group(1)) + shift}.", bill, flags=re.MULTILINE)
        front = (
            f"---\ntitle: Sample {i}\njurisdiction: {JURISDICTIONS[i % len(JURISDICTIONS)]}\n"
            f"year: '{2000 + i % 9}'\nlanguage: en\n---\n"
        )
        path = root / f"doc_{i:03d}.md"
        path.write_text(front + body + "\n\n" + law, encoding="utf-8")
        paths.append(path)
    return paths


@dataclass(frozen=True)
class BrokenWarmUp(FakeAnalyser):
    """An analyser whose worker start-up kills the process (as a bad native library would)."""

    def warm_up(self) -> None:
        os._exit(3)


@dataclass(frozen=True)
class Wedging(FakeAnalyser):
    """Never finishes a document holding ``WEDGE_MARK``, and ignores the time-limit signal
    meanwhile, as a worker stuck in native code would."""

    def lint(self, document: Document) -> tuple[int, list[Finding]]:
        if WEDGE_MARK in document.text:
            import signal
            import time

            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            while True:
                time.sleep(0.05)
        return super().lint(document)
