"""The Python API: lint a string, a Document or paths, and get findings back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from lintlaw.config import Config
from lintlaw.engine import RuleSet, load_rules, run_rules
from lintlaw.engine.loader import default_rule_dirs
from lintlaw.model import Document, Finding, LintResult, Outline, assign_fingerprints

if TYPE_CHECKING:
    from lintlaw.filerun import FileOutcome


def lint_document(document: Document, ruleset: RuleSet | None = None) -> tuple[Outline, list[Finding]]:
    """Segment ``document`` and run ``ruleset`` (default: the bundled pack) over it."""
    from lintlaw.structure import segment

    ruleset = ruleset if ruleset is not None else load_rules()
    outline = segment(document)
    findings = run_rules(outline, ruleset)
    assign_fingerprints(findings)
    return outline, findings


def lint_text(
    text: str,
    *,
    path: str = "<text>",
    language: str | None = None,
    ruleset: RuleSet | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Lint a string (front matter allowed) and return its findings, sorted by position."""
    from lintlaw.ingest import read_text

    document = read_text(text, path=path)
    if language:
        document.language = language
    ruleset = ruleset if ruleset is not None else load_rules()
    if select or ignore:
        ruleset = ruleset.subset(select, ignore)
    return lint_document(document, ruleset)[1]


def _ruleset_for(config: Config, ruleset: RuleSet | None) -> RuleSet:
    if ruleset is None:
        ruleset = load_rules(config.rule_dirs)
    # Per-path overrides may re-select rules the global list drops, so keep every rule that
    # any override selects and filter findings per file afterwards.
    extra = [s for o in config.per_path for s in o.select]
    return ruleset.subset([*config.select, *extra] if config.select else (), ())


def lint_path(
    paths: str | Path | Iterable[str | Path],
    *,
    config: Config | None = None,
    ruleset: RuleSet | None = None,
    documents: dict[str, Document] | None = None,
    jobs: int = 1,
    stdin_filename: str | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> LintResult:
    """Lint files and folders (recursively). One bad file is an error entry, never lost results.

    Pass a dict as ``documents`` to receive the ingested Documents keyed by display path.
    ``jobs`` > 1 lints files on that many worker processes (the rule pack is then loaded in each
    from ``config.rule_dirs``; a ``ruleset`` from elsewhere runs on one process); the result is
    the same as with one. ``stdin_filename`` names standard input (``-``) so that per-path
    settings, suppressions and the format follow that name. An empty file is a notice in
    ``result.notices``, not an error. ``on_start`` receives the number of files found and
    ``on_file`` each file's outcome as it completes (for progress display).
    """
    from lintlaw.filerun import Target, run_files
    from lintlaw.ingest import WalkOptions, iter_paths
    from lintlaw.suppress.session import SuppressionRun

    config = config or Config()
    full = ruleset if ruleset is not None else load_rules(config.rule_dirs)
    if ruleset is not None and [*default_rule_dirs(), *map(Path, config.rule_dirs)] != list(full.dirs):
        jobs = 1  # workers could not rebuild this rule set from the configuration
    active = _ruleset_for(config, full)
    suppressions = SuppressionRun(full, config)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    result = LintResult()
    walk = WalkOptions(follow_links=config.follow_links, ignore_files=config.ignore_files)
    found = iter_paths([str(p) for p in paths], exclude=config.exclude, options=walk, notices=result.notices)
    targets = [
        Target(stdin_filename or display, path, stdin_filename) if path is None else Target(display, path)
        for display, path in found
        if path is None or not config.is_excluded(path)
    ]
    if on_start is not None:
        on_start(len(targets))
    for outcome in run_files(targets, config, active, suppressions, keep_documents=documents is not None,
                             jobs=jobs, on_done=on_file):
        _merge(result, outcome, suppressions, documents)
    suppressions.finish(result)
    result.sort()
    return result


def lint_documents(
    documents: Iterable[Document],
    *,
    config: Config | None = None,
    ruleset: RuleSet | None = None,
) -> LintResult:
    """Lint Documents already read (an upload, say) exactly as :func:`lint_path` lints files."""
    from lintlaw.filerun import lint_read
    from lintlaw.suppress.session import SuppressionRun

    config = config or Config()
    full = ruleset if ruleset is not None else load_rules(config.rule_dirs)
    active = _ruleset_for(config, full)
    suppressions = SuppressionRun(full, config)
    result = LintResult()
    for document in documents:
        _merge(result, lint_read(document, document.path, config, active, suppressions, False), suppressions)
    suppressions.finish(result)
    result.sort()
    return result


def _merge(result: LintResult, outcome: "FileOutcome", suppressions: object,
           documents: dict[str, Document] | None = None) -> None:
    """Add one file's outcome to ``result``."""
    if outcome.error is not None:
        result.errors.append(outcome.error)
    if outcome.notice is not None:
        result.notices.append(outcome.notice)
    if outcome.summary is None:
        return
    if documents is not None and outcome.document is not None:
        documents[outcome.display] = outcome.document
    result.files.append(outcome.summary)
    result.findings.extend(outcome.findings)
    suppressions.suppressed.extend(outcome.suppressed)  # type: ignore[attr-defined]
