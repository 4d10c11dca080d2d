"""The per-document work, identical in a local worker process and on a Dask worker.

``analyse(analyser, job)`` reads the job's bytes with ``lintlaw.ingest``, merges metadata, runs the
analyser's ``lint`` and never raises: any failure becomes a ``failed`` result carrying its code.
The analyser is a small picklable object; ``EngineAnalyser`` runs lintlaw's rule engine and keeps
the loaded rule set (and the spaCy pipelines behind it) once per process.
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from lintlaw.errors import LintlawError
from lintlaw.limits import time_limit
from lintlaw.scan.metadata import merge_metadata, parse_sidecar
from lintlaw.scan.records import OK, DocumentResult, Job, finding_row

if TYPE_CHECKING:
    from lintlaw.engine import RuleSet
    from lintlaw.model import Document, Finding


@dataclass(frozen=True)
class RulePack:
    """What the store records about the analysis itself: a version hash and the rules."""

    version: str
    rules: tuple[dict[str, Any], ...]


class Analyser(Protocol):
    """What a scan needs from the analysis: picklable, cheap to copy, heavy state built lazily."""

    def describe(self) -> RulePack: ...

    def warm_up(self) -> None: ...

    def lint(self, document: "Document") -> tuple[int, list["Finding"]]: ...


_LOCK = threading.Lock()
_RULESETS: dict[Any, tuple["RuleSet", "RuleSet"]] = {}


@dataclass(frozen=True)
class EngineAnalyser:
    """lintlaw's rule engine with a rule selection, as ``lintlaw check`` runs it on one document.

    The rule pack is loaded once per process. Findings are those of ``check``: the selected rules,
    then the document's own ``lintlaw:`` suppression comments. Per-path overrides and the
    ``lintlaw-suppressions.toml`` table belong to a ``check`` run over known files and are not
    applied by a scan.
    """

    rule_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def rulesets(self) -> tuple["RuleSet", "RuleSet"]:
        """(the whole pack, the selected rules), loaded once per process."""
        with _LOCK:
            loaded = _RULESETS.get(self)
            if loaded is None:
                from lintlaw.engine import load_rules

                full = load_rules(extra_dirs=self.rule_dirs)
                loaded = (full, full.subset(self.select, self.ignore) if (self.select or self.ignore) else full)
                _RULESETS[self] = loaded
        return loaded

    def describe(self) -> RulePack:
        """The pack's version (with a digest of the selection when one is made) and its rules.

        The version is the pack's semver with the content hash (``0.1.0+1a2b3c4d5e6f``); the hash
        covers the rule files only, and a different ``--select``/``--ignore`` changes what a
        document's findings are, so a digest of the selection is appended.
        """
        from lintlaw.rulepack import pack_label

        ruleset = self.rulesets()[1]
        rules = tuple(sorted((rule.summary() for rule in ruleset.rules), key=lambda r: r["code"]))
        version = pack_label(ruleset)  # semver + content hash, as every other output shows it
        if self.select or self.ignore:
            codes = ",".join(rule["code"] for rule in rules)
            version = f"{version}.{hashlib.sha256(codes.encode()).hexdigest()[:8]}"
        return RulePack(version=version, rules=rules)

    def warm_up(self) -> None:
        """Load the rules and run the English pipeline once, so the first document is not slow."""
        self.rulesets()
        from lintlaw.structure import nlp

        list(nlp.process(["Warm up the pipeline."], "en"))

    def active(self, code: str) -> bool:
        """Whether rule ``code`` (a pack rule or a suppression meta rule) is selected."""
        from lintlaw.engine.loader import rule_selected
        from lintlaw.suppress.meta import META_RULES

        rule = self.rulesets()[0].get(code) or META_RULES.get(code)
        return rule is not None and rule_selected(rule.code, rule.name, self.select, self.ignore)

    def lint(self, document: "Document") -> tuple[int, list["Finding"]]:
        from lintlaw.api import lint_document
        from lintlaw.suppress.apply import resolver, suppress_document

        full, selected = self.rulesets()
        outline, findings = lint_document(document, selected)
        outcome = suppress_document(document, outline, findings, resolver(full), self.active)
        kept = outcome.kept + [p for p in outcome.problems if self.active(p.code)]
        return sum(1 for _ in outline.clauses()), kept


def read_document(job: Job) -> "Document":
    """The job's bytes as a ``Document`` (coded ``InputError`` if they cannot be read)."""
    from lintlaw.ingest import read_bytes

    return read_bytes(job.data, job.path)


def analyse(analyser: Analyser, job: Job) -> DocumentResult:
    """Read, merge metadata, lint. Never raises: failures come back as ``failed`` results."""
    started = time.perf_counter()
    worker = f"{socket.gethostname()}:{os.getpid()}"
    metadata: dict[str, Any] = dict(job.path_metadata)
    read_done: float | None = None
    try:
        with time_limit(job.time_limit, job.path):
            sidecar = parse_sidecar(job.sidecar, job.sidecar_path or f"{job.path}.yaml") if job.sidecar is not None else {}
            metadata = merge_metadata(sidecar, job.path_metadata)
            document = read_document(job)
            front = dict(document.metadata)
            metadata = merge_metadata(front, sidecar, job.path_metadata)
            document.metadata = metadata
            if "language" not in front and metadata.get("language"):
                document.language = str(metadata["language"])
            read_done = time.perf_counter()
            clauses, findings = analyser.lint(document)
            lint_done = time.perf_counter()
    except LintlawError as exc:
        result = DocumentResult.failure(job, exc.code, _message(exc, job.path), exc.line)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a scan
        result = DocumentResult.failure(job, "E900", f"internal error: {type(exc).__name__}: {exc}")
    else:
        ordered = sorted(findings, key=lambda f: f.sort_key())
        return DocumentResult(
            path=job.path,
            content_hash=job.content_hash,
            signature=job.signature,
            size=job.size,
            status=OK,
            format=document.format,
            language=document.language,
            metadata=metadata,
            clauses=clauses,
            findings=[finding_row(f) for f in ordered],
            read_seconds=read_done - started,
            lint_seconds=lint_done - read_done,
            worker=worker,
        )
    ended = time.perf_counter()
    result.metadata = metadata
    result.read_seconds = (read_done or ended) - started
    result.lint_seconds = ended - read_done if read_done is not None else 0.0
    result.worker = worker
    return result


def _message(exc: LintlawError, path: str) -> str:
    """The error message, prefixed with the place when it concerns another file (a sidecar)."""
    if exc.file and exc.file != path:
        return f"{exc.location}: {exc.message}"
    return exc.message


# -- local worker processes ----------------------------------------------------------------

_WORKER: Analyser | None = None


def init_worker(analyser: Analyser) -> None:
    """Process-pool initializer: keep the analyser and load its rules and spaCy once."""
    global _WORKER
    _WORKER = analyser
    analyser.warm_up()


def analyse_in_worker(job: Job) -> DocumentResult:
    """The task a pool worker runs: ``analyse`` with the analyser its initializer received."""
    if _WORKER is None:  # pragma: no cover - only if the pool was built without init_worker
        raise RuntimeError("scan worker used without init_worker")
    return analyse(_WORKER, job)
