"""Lint one file end to end (read, segment, rules, per-path selection, suppressions), in this
process or in worker processes.

Each file's outcome is independent of the others, so running them on several processes and
merging the outcomes gives the same result as one process: ``lint_path`` sorts everything at
the end. Workers load the rule pack once each, from the configuration's rule folders.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from lintlaw.config import Config
from lintlaw.engine.loader import rule_selected
from lintlaw.errors import LintlawError
from lintlaw.limits import time_limit
from lintlaw.model import Document, FileSummary, Finding

EMPTY_INPUT = "E102"
NO_PACK = "E112"  # lintlaw.ingest.codes.E112
# A worker process spends seconds loading spaCy and the rule pack, so each one is given at
# least this many files; a small run stays in one process whatever ``jobs`` says.
MIN_FILES_PER_WORKER = 8


@dataclass
class Target:
    """One input: its display path, its path on disk (None: standard input) and a name for stdin."""

    display: str
    path: Path | None
    stdin_filename: str | None = None


@dataclass
class FileOutcome:
    """What linting one file gave: a summary and findings, or an error, or an empty-file notice."""

    display: str
    summary: FileSummary | None = None
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Any] = field(default_factory=list)
    error: LintlawError | None = None
    notice: LintlawError | None = None
    document: Document | None = None


def _keep(finding: Finding, config: Config, path: str) -> bool:
    extra_select, extra_ignore = config.overrides_for(path)
    select = [*config.select, *extra_select] if config.select else []
    return rule_selected(finding.code, finding.rule, select, [*config.ignore, *extra_ignore])


def _read(target: Target) -> Document:
    from lintlaw.ingest import read_bytes, read_path
    from lintlaw.ingest.detect import detect_format
    from lintlaw.ingest.paths import read_bytes_at

    if target.path is None and target.stdin_filename:
        data = read_bytes_at("-", target.display)
        return read_bytes(data, target.display, detect_format(target.stdin_filename, data, display=target.display))
    return read_path(target.path if target.path is not None else "-", display=target.display)


def lint_file(target: Target, config: Config, ruleset: Any, suppressions: Any, keep_document: bool) -> FileOutcome:
    """Lint ``target``; never raises for a problem with the file itself."""
    try:
        # reading has the time limit too, except standard input, which may be slow to arrive
        with time_limit(config.time_limit if target.path is not None else None, target.display):
            document = _read(target)
    except LintlawError as exc:
        return _failed(target.display, exc)
    except Exception as exc:  # noqa: BLE001 - one broken file must not lose the others
        return _failed(target.display, exc)
    return lint_read(document, target.display, config, ruleset, suppressions, keep_document)


def _failed(display: str, exc: Exception) -> FileOutcome:
    outcome = FileOutcome(display)
    if not isinstance(exc, LintlawError):
        exc = LintlawError(f"internal error: {type(exc).__name__}: {exc}", file=display, code="E900")
    exc.file = exc.file or display
    if exc.code == EMPTY_INPUT:
        outcome.notice = exc
    else:
        outcome.error = exc
    return outcome


def lint_read(document: Document, display: str, config: Config, ruleset: Any, suppressions: Any,
              keep_document: bool) -> FileOutcome:
    """Lint a document already read (a file, standard input or an upload), within the time limit."""
    from lintlaw.api import lint_document

    outcome = FileOutcome(display)
    try:
        with time_limit(config.time_limit, display):
            outline, findings = lint_document(document, ruleset)
    except Exception as exc:  # noqa: BLE001 - coded errors and internal ones alike stay with this file
        return _failed(display, exc)
    outcome.summary = FileSummary(
        path=display, language=document.language, clauses=sum(1 for _ in outline.clauses()),
        metadata=dict(document.metadata), format=document.format,
    )
    kept = [f for f in findings if _keep(f, config, display)]
    before = len(suppressions.suppressed)
    outcome.findings = suppressions.document(document, outline, kept)
    outcome.suppressed = suppressions.suppressed[before:]
    del suppressions.suppressed[before:]
    outcome.document = document if keep_document else None
    outcome.notice = no_pack_notice(document, display)
    return outcome


def no_pack_notice(document: Document, display: str) -> LintlawError | None:
    """E112 when lintlaw has no language pack for the document: its clean result means nothing."""
    from lintlaw.analysis import has_pack

    if has_pack(document.language):
        return None
    from lintlaw.ingest.codes import fail

    return fail(NO_PACK, f"no language pack for '{document.language}' (lintlaw reads en, fr, es and de): "
                "the document was read but not analysed", display)


# --- worker processes ---------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(config: Config, active: list[str], keep_document: bool) -> None:
    from lintlaw.engine import load_rules
    from lintlaw.engine.loader import RuleSet
    from lintlaw.suppress.session import SuppressionRun

    full = load_rules(config.rule_dirs)
    wanted = set(active)
    ruleset = RuleSet(rules=[r for r in full.rules if r.code in wanted], lexicons=full.lexicons,
                      version=full.version, dirs=full.dirs)
    _WORKER.update(config=config, keep=keep_document, suppressions=SuppressionRun(full, config), ruleset=ruleset)


def _lint_in_worker(target: Target) -> FileOutcome:
    w = _WORKER
    return lint_file(target, w["config"], w["ruleset"], w["suppressions"], w["keep"])


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_files(
    targets: list[Target],
    config: Config,
    ruleset: Any,
    suppressions: Any,
    *,
    keep_documents: bool,
    jobs: int = 1,
    on_done: Callable[[FileOutcome], None] | None = None,
) -> Iterator[FileOutcome]:
    """Outcomes for ``targets`` (in completion order when ``jobs`` > 1).

    Several jobs need the rule pack to be loadable from ``config.rule_dirs``: workers load it
    themselves, keeping the codes of ``ruleset``'s active rules.
    """
    def done(outcome: FileOutcome) -> FileOutcome:
        if on_done is not None:
            on_done(outcome)
        return outcome

    local = [t for t in targets if t.path is None]  # standard input is read by this process
    files = [t for t in targets if t.path is not None]
    workers = min(max(1, jobs), -(-len(files) // MIN_FILES_PER_WORKER))
    if workers <= 1:
        local = targets
        files = []
    for target in local:
        yield done(lint_file(target, config, ruleset, suppressions, keep_documents))
    if not files:
        return
    active = [r.code for r in ruleset.rules]
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_init_worker,
                             initargs=(config, active, keep_documents)) as pool:
        for outcome in pool.map(_lint_in_worker, files, chunksize=1):
            yield done(outcome)
