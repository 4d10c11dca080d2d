"""The scan: walk the roots, skip what the store already has, analyse the rest, record each result.

A producer generator walks the files lazily, reads and hashes each one and yields a ``Job`` only
for documents whose signature (content hash, sidecar hash, rule-pack version, lintlaw version,
path pattern) differs from the stored one. An executor (local processes or Dask) turns jobs into
results; this process writes each result to the store in its own transaction as it arrives.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

from lintlaw import __version__
from lintlaw.errors import InputError
from lintlaw.ingest.paths import WalkOptions, read_bytes_at
from lintlaw.limits import DEFAULT_SECONDS
from lintlaw.scan.analyse import Analyser, EngineAnalyser
from lintlaw.scan.metadata import SIDECAR_SUFFIX, PathPattern
from lintlaw.scan.records import FAILED, DocumentResult, Job
from lintlaw.scan.store import Store
from lintlaw.scan.walk import Candidate, Excluded, count_candidates, display_path, iter_candidates

MAX_LISTED_FAILURES = 20


@dataclass
class ScanOptions:
    """What to scan and how. ``jobs`` defaults to the number of cores."""

    roots: list[str]
    db: Path
    jobs: int | None = None
    scheduler: str | None = None
    connect_timeout: float = 30.0
    path_pattern: str | None = None
    excluded: Excluded | None = None
    force: bool = False
    prune: bool = False
    walk: WalkOptions = field(default_factory=WalkOptions)
    wait: float = 0.0  # seconds to wait for another scan of the same store to finish
    time_limit: float | None = DEFAULT_SECONDS  # per document, in the worker (None: no limit)


@dataclass
class ScanSummary:
    """The outcome of one scan run."""

    scan_id: int
    executor: str
    workers: int
    ruleset_version: str
    seen: int = 0
    scanned: int = 0
    skipped: int = 0
    failed: int = 0
    failed_unchanged: int = 0
    findings: int = 0
    seconds: float = 0.0
    missing: int = 0
    pruned: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    notices: list[InputError] = field(default_factory=list)

    @property
    def failed_total(self) -> int:
        """Documents under the roots that are recorded as failed: this run's and unchanged ones."""
        return self.failed + self.failed_unchanged

    def counts(self) -> dict[str, float]:
        return {
            "seen": self.seen,
            "scanned": self.scanned,
            "skipped": self.skipped,
            "failed": self.failed,
            "findings": self.findings,
            "seconds": round(self.seconds, 3),
        }


class ScanObserver(Protocol):
    """Progress events (the CLI draws a progress bar from them; the library never prints)."""

    def start(self, total: int | None) -> None: ...

    def advance(self, path: str, outcome: str) -> None: ...


class Executor(Protocol):
    name: str
    jobs: int

    def run(self, jobs: Iterator[Job]) -> Iterator[DocumentResult]: ...

    def close(self) -> None: ...


def make_executor(options: ScanOptions, analyser: Analyser) -> Executor:
    """Dask when ``--scheduler`` is given, else a local process pool of ``--jobs`` workers."""
    if options.scheduler:
        from lintlaw.scan.cluster import DaskExecutor

        return DaskExecutor(analyser, options.scheduler, timeout=options.connect_timeout)
    from lintlaw.scan.local import LocalExecutor, hard_limit_for

    return LocalExecutor(analyser, options.jobs or os.cpu_count() or 1, hard_limit=hard_limit_for(options.time_limit))


def signature(content_hash: str, sidecar_hash: str, ruleset_version: str, pattern: str) -> str:
    """What a stored result depends on; a document is analysed again when this changes."""
    parts = (content_hash, sidecar_hash, ruleset_version, __version__, pattern)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def scan(
    options: ScanOptions,
    *,
    analyser: Analyser | None = None,
    observer: ScanObserver | None = None,
    executor_factory: Callable[[ScanOptions, Analyser], Executor] = make_executor,
) -> ScanSummary:
    """Scan ``options.roots`` into the store at ``options.db``; see the module docstring."""
    started = time.perf_counter()
    for root in options.roots:
        if not Path(root).exists():
            raise InputError("path not found", file=display_path(root), code="E101")
    pattern = PathPattern(options.path_pattern) if options.path_pattern else None
    analyser = analyser or EngineAnalyser()
    pack = analyser.describe()
    roots = [display_path(root) for root in options.roots]
    executor = executor_factory(options, analyser)
    store: Store | None = None
    summary: ScanSummary | None = None
    status = "interrupted"
    try:
        store = Store(options.db, wait=options.wait)
        scan_id = store.begin_scan(
            roots=roots,
            executor=executor.name,
            jobs=executor.jobs,
            ruleset_version=pack.version,
            lintlaw_version=__version__,
            rules=pack.rules,
        )
        summary = ScanSummary(scan_id, executor.name, executor.jobs, pack.version)
        if observer:
            observer.start(count_candidates(options.roots, options.excluded, options.walk))
        producer = _Producer(options, store, summary, pattern, pack.version, observer)
        candidates = iter_candidates(options.roots, options.excluded, options=options.walk, notices=summary.notices)
        for result in executor.run(producer.jobs(candidates)):
            store.record(result, scan_id=scan_id, ruleset_version=pack.version, lintlaw_version=__version__)
            _count(summary, result, "scanned", observer)
        store.flush_seen(scan_id)
        if options.prune:
            summary.missing = summary.pruned = store.prune(roots, scan_id)
        else:
            summary.missing = store.missing(roots, scan_id)
        status = "complete"
    finally:
        executor.close()
        if store is not None:
            if summary is not None:
                summary.seconds = time.perf_counter() - started
                store.finish_scan(summary.scan_id, status=status, counts=summary.counts())
            store.close()
    return summary


def _count(summary: ScanSummary, result: DocumentResult, outcome: str, observer: ScanObserver | None) -> None:
    summary.seen += 1
    if result.status == FAILED:
        summary.failed += 1
        outcome = "failed"
        if len(summary.failures) < MAX_LISTED_FAILURES:
            summary.failures.append((result.path, result.error_code or "E900", result.error_message or ""))
    else:
        summary.scanned += 1
        summary.findings += len(result.findings)
    if observer:
        observer.advance(result.path, outcome)


class _Producer:
    """Reads, hashes and filters candidates; yields jobs only for new or changed documents."""

    def __init__(
        self,
        options: ScanOptions,
        store: Store,
        summary: ScanSummary,
        pattern: PathPattern | None,
        ruleset_version: str,
        observer: ScanObserver | None,
    ) -> None:
        self.options = options
        self.store = store
        self.summary = summary
        self.pattern = pattern
        self.ruleset_version = ruleset_version
        self.observer = observer

    def jobs(self, candidates: Iterator[Candidate]) -> Iterator[Job]:
        for candidate in candidates:
            job = self._job(candidate)
            if job is not None:
                yield job

    def _job(self, candidate: Candidate) -> Job | None:
        try:
            data = read_bytes_at(candidate.source, candidate.key)
        except InputError as exc:
            return self._unreadable(candidate, exc)
        sidecar_file = candidate.source.with_name(candidate.source.name + SIDECAR_SUFFIX)
        try:
            sidecar = sidecar_file.read_bytes() if sidecar_file.is_file() else None
        except OSError:
            sidecar = None
        content_hash = hashlib.sha256(data).hexdigest()
        sidecar_hash = hashlib.sha256(sidecar).hexdigest() if sidecar is not None else ""
        sig = signature(content_hash, sidecar_hash, self.ruleset_version, self.pattern.pattern if self.pattern else "")
        stored = self.store.lookup(candidate.key)
        if not self.options.force and stored is not None and stored.signature == sig and _final(stored.status, stored.error_code):
            self.store.mark_seen(candidate.key, self.summary.scan_id)
            self.summary.seen += 1
            self.summary.skipped += 1
            if stored.status == FAILED:
                self.summary.failed_unchanged += 1
            if self.observer:
                self.observer.advance(candidate.key, "skipped")
            return None
        return Job(
            path=candidate.key,
            data=data,
            content_hash=content_hash,
            signature=sig,
            sidecar=sidecar,
            sidecar_path=display_path(f"{candidate.key}{SIDECAR_SUFFIX}") if sidecar is not None else None,
            path_metadata=self.pattern.extract(candidate.relative) if self.pattern else {},
            time_limit=self.options.time_limit,
        )

    def _unreadable(self, candidate: Candidate, exc: InputError) -> None:
        job = Job(path=candidate.key, data=b"", content_hash="", signature="")
        result = DocumentResult.failure(job, exc.code, exc.message)
        self.store.record(
            result, scan_id=self.summary.scan_id, ruleset_version=self.ruleset_version, lintlaw_version=__version__
        )
        _count(self.summary, result, "failed", self.observer)
        return None


def _final(status: str, error_code: str | None) -> bool:
    """Whether a stored result stands: successes and input errors do; internal errors are retried."""
    return status != FAILED or not (error_code or "").startswith("E9")
