"""Baselines: adopt lintlaw on an existing statute book and hear only about new findings.

``lintlaw baseline write FILE`` records the fingerprint of every current finding;
``lintlaw check --baseline FILE`` then reports only findings whose fingerprint is not recorded
for that file, and lists recorded entries that no longer occur (the clause was redrafted or the
finding fixed) so the baseline can shrink. Fingerprints hash the rule, the clause text and the
occurrence, not the line, so moving a clause does not make it new. Paths are stored relative to
the baseline file so it works from any working directory.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable

from lintlaw.errors import ConfigError
from lintlaw.model import Finding

SCHEMA_VERSION = 1
E_READ = "E331"
E_WRITE = "E332"


@dataclass(frozen=True)
class Entry:
    """One recorded finding. Only ``file`` and ``fingerprint`` identify it; the rest helps readers."""

    file: str
    fingerprint: str
    code: str
    rule: str = ""
    line: int = 0
    clause: str = ""
    match: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "fingerprint": self.fingerprint,
            "code": self.code,
            "rule": self.rule,
            "line": self.line,
            "clause": self.clause,
            "match": self.match,
        }


@dataclass
class Baseline:
    """A loaded baseline: its entries and the folder their paths are relative to."""

    entries: list[Entry]
    base: Path
    path: str = ""

    def resolve(self, entry: Entry) -> str:
        return str((self.base / entry.file).resolve())


@dataclass
class Comparison:
    """The outcome of checking findings against a baseline."""

    new: list[Finding] = field(default_factory=list)
    known: list[Finding] = field(default_factory=list)
    gone: list[Entry] = field(default_factory=list)


def _relative(path: str, base: Path) -> str:
    absolute = Path(path).resolve()
    try:
        return PurePosixPath(absolute.relative_to(base)).as_posix()
    except ValueError:
        return PurePosixPath(os.path.relpath(absolute, base)).as_posix()


def entries_for(findings: Iterable[Finding], base: Path) -> list[Entry]:
    """Entries for ``findings``, paths relative to ``base``, sorted by file, line and code."""
    entries = {
        Entry(
            file=_relative(f.file, base),
            fingerprint=f.fingerprint,
            code=f.code,
            rule=f.rule,
            line=f.line,
            clause=f.clause_label,
            match=f.match,
        )
        for f in findings
        if f.fingerprint
    }
    return sorted(entries, key=lambda e: (e.file, e.line, e.code, e.fingerprint))


def dumps(entries: list[Entry], *, version: str = "", rule_pack: str = "") -> str:
    """The baseline file's text: stable JSON with no timestamp, so it diffs cleanly."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": "lintlaw",
        "lintlaw_version": version,
        "rule_pack": rule_pack,
        "findings": [e.to_dict() for e in entries],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, findings: Iterable[Finding], *, version: str = "", rule_pack: str = "") -> int:
    """Write a baseline for ``findings`` to ``path``; return the number of entries."""
    base = path.resolve().parent
    entries = entries_for(findings, base)
    try:
        path.write_text(dumps(entries, version=version, rule_pack=rule_pack), encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write baseline: {exc.strerror or exc}", file=str(path), code=E_WRITE) from None
    return len(entries)


def _entry(item: Any, index: int, path: str) -> Entry:
    if not isinstance(item, dict):
        raise ConfigError(f"findings[{index}] must be an object", file=path, code=E_READ)
    for key in ("file", "fingerprint", "code"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise ConfigError(f"findings[{index}] needs a string '{key}'", file=path, code=E_READ)
    line = item.get("line", 0)
    return Entry(
        file=item["file"],
        fingerprint=item["fingerprint"],
        code=item["code"],
        rule=str(item.get("rule", "")),
        line=line if isinstance(line, int) else 0,
        clause=str(item.get("clause", "")),
        match=str(item.get("match", "")),
    )


def read_baseline(path: Path) -> Baseline:
    """Load a baseline written by :func:`write_baseline`; problems are coded ``ConfigError``s."""
    name = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("baseline file not found; create it with 'lintlaw baseline write'", file=name,
                          code=E_READ) from None
    except OSError as exc:
        raise ConfigError(f"cannot read baseline: {exc.strerror or exc}", file=name, code=E_READ) from None
    except UnicodeDecodeError:
        raise ConfigError("baseline is not UTF-8 text", file=name, code=E_READ) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not valid JSON: {exc.msg}", file=name, line=exc.lineno,
                          column=exc.colno, code=E_READ) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError("not a lintlaw baseline (no 'findings' list)", file=name, code=E_READ)
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ConfigError(
            f"unsupported baseline schema_version {data.get('schema_version')!r}; expected {SCHEMA_VERSION}",
            file=name,
            code=E_READ,
        )
    entries = [_entry(item, i, name) for i, item in enumerate(data["findings"])]
    return Baseline(entries=entries, base=path.resolve().parent, path=name)


def compare(
    findings: Iterable[Finding],
    baseline: Baseline,
    checked_files: Iterable[str],
    active: Callable[[str, str], bool] = lambda code, path: True,
) -> Comparison:
    """Split findings into new and known, and list entries that no longer occur.

    An entry is gone only if its file was checked in this run and its rule ran on that file
    (``active(code, display_path)``): checking one file, or one rule, says nothing of the rest.
    """
    recorded = {(baseline.resolve(e), e.fingerprint) for e in baseline.entries}
    seen: set[tuple[str, str]] = set()
    outcome = Comparison()
    for finding in findings:
        key = (str(Path(finding.file).resolve()), finding.fingerprint)
        if finding.fingerprint and key in recorded:
            outcome.known.append(finding)
            seen.add(key)
        else:
            outcome.new.append(finding)
    checked = {str(Path(p).resolve()): p for p in checked_files}
    for entry in baseline.entries:
        where = baseline.resolve(entry)
        if (where, entry.fingerprint) in seen or where not in checked:
            continue
        if active(entry.code, checked[where]):
            outcome.gone.append(entry)
    return outcome
