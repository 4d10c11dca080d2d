"""The Python API: lint a string, a Document or paths, and get findings back."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from lintlaw.config import Config
from lintlaw.engine import RuleSet, load_rules, run_rules
from lintlaw.engine.loader import rule_selected
from lintlaw.errors import LintlawError
from lintlaw.limits import time_limit
from lintlaw.model import Document, FileSummary, Finding, LintResult, Outline, assign_fingerprints


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


def _keep(finding: Finding, config: Config, path: str) -> bool:
    extra_select, extra_ignore = config.overrides_for(path)
    select = [*config.select, *extra_select] if config.select else []
    return rule_selected(finding.code, finding.rule, select, [*config.ignore, *extra_ignore])


def lint_path(
    paths: str | Path | Iterable[str | Path],
    *,
    config: Config | None = None,
    ruleset: RuleSet | None = None,
    documents: dict[str, Document] | None = None,
) -> LintResult:
    """Lint files and folders (recursively). One bad file is an error entry, never lost results.

    Pass a dict as ``documents`` to receive the ingested Documents keyed by display path.
    """
    from lintlaw.ingest import WalkOptions, iter_paths, read_path
    from lintlaw.suppress.session import SuppressionRun

    config = config or Config()
    full = ruleset if ruleset is not None else load_rules(config.rule_dirs)
    ruleset = _ruleset_for(config, full)
    suppressions = SuppressionRun(full, config)
    if isinstance(paths, (str, Path)):
        paths = [paths]
    result = LintResult()
    walk = WalkOptions(follow_links=config.follow_links, ignore_files=config.ignore_files)
    found = iter_paths([str(p) for p in paths], exclude=config.exclude, options=walk, notices=result.notices)
    for display, path in found:
        if path is not None and config.is_excluded(path):
            continue
        try:
            # reading and analysing each have the limit; standard input may be slow to arrive
            with time_limit(config.time_limit if path is not None else None, display):
                document = read_path(path if path is not None else "-", display=display)
            with time_limit(config.time_limit, display):
                outline, findings = lint_document(document, ruleset)
        except LintlawError as exc:
            exc.file = exc.file or display
            result.errors.append(exc)
            continue
        except Exception as exc:  # noqa: BLE001 - one broken file must not lose the others
            result.errors.append(LintlawError(f"internal error: {type(exc).__name__}: {exc}", file=display, code="E900"))
            continue
        if documents is not None:
            documents[display] = document
        result.files.append(FileSummary(
            path=display, language=document.language, clauses=sum(1 for _ in outline.clauses()),
            metadata=dict(document.metadata), format=document.format,
        ))
        kept = [f for f in findings if _keep(f, config, display)]
        result.findings.extend(suppressions.document(document, outline, kept))
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
    from lintlaw.suppress.session import SuppressionRun

    config = config or Config()
    full = ruleset if ruleset is not None else load_rules(config.rule_dirs)
    ruleset = _ruleset_for(config, full)
    suppressions = SuppressionRun(full, config)
    result = LintResult()
    for document in documents:
        try:
            outline, findings = lint_document(document, ruleset)
        except LintlawError as exc:
            exc.file = exc.file or document.path
            result.errors.append(exc)
            continue
        result.files.append(FileSummary(
            path=document.path, language=document.language, clauses=sum(1 for _ in outline.clauses()),
            metadata=dict(document.metadata), format=document.format,
        ))
        kept = [f for f in findings if _keep(f, config, document.path)]
        result.findings.extend(suppressions.document(document, outline, kept))
    suppressions.finish(result)
    result.sort()
    return result
