"""The analysis a worker runs: read uploaded bytes, lint, compare, render every download.

It calls the library as the CLI does: ``lint_documents`` (as ``lintlaw check``), the HTML report
with the Protocol comparison (as ``check -o html --compare``), and the comparison of
``lintlaw compare`` (``--against`` for an earlier version). ``lintlaw.protocol.run`` reads paths,
so :func:`compare_protocol` and :func:`compare_versions` repeat its few steps on Documents already
read: that is how the page's language choice reaches the comparison. A test keeps them equal to
``compare_one`` and ``compare_two``.
"""

from __future__ import annotations

from typing import Any

from lintlaw.config import Config
from lintlaw.model import Document, FileSummary, LintResult
from lintlaw.web.errors import E375, WebError
from lintlaw.web.jobs import Job, Upload


def languages() -> tuple[str, ...]:
    """The languages the engine has pipelines and lexicons for."""
    from lintlaw.structure.nlp import SUPPORTED_LANGUAGES

    return SUPPORTED_LANGUAGES


def read_upload(upload: Upload, language: str | None) -> tuple[Document, str]:
    """The Document and the language detected for it; ``language`` (if given) then replaces it."""
    from lintlaw.ingest import read_bytes

    document = read_bytes(upload.data, upload.name)
    detected = document.language
    if language:
        if language not in languages():
            raise WebError(f"language '{language}' is not one of {', '.join(languages())}", code=E375)
        document.language = language
    return document, detected


def _summary(document: Document, outline: Any) -> FileSummary:
    return FileSummary(path=document.path, language=document.language, clauses=sum(1 for _ in outline.clauses()),
                       metadata=dict(document.metadata), format=document.format)


def compare_protocol(document: Document, *, config: Config, ruleset: Any) -> tuple[dict[str, Any], LintResult]:
    """``lintlaw compare LAW`` on a Document: its JSON and the departures after suppressions."""
    from lintlaw.protocol.compare import compare_outline
    from lintlaw.protocol.run import COMPARE_CODES
    from lintlaw.structure import segment
    from lintlaw.suppress.session import SuppressionRun

    class CompareOnly(SuppressionRun):
        def active(self, code: str, path: str) -> bool:
            return code in COMPARE_CODES and super().active(code, path)

    outline = segment(document)
    comparison = compare_outline(outline, ruleset=ruleset)
    suppressions = CompareOnly(ruleset, config)
    result = LintResult(files=[_summary(document, outline)])
    selected = [f for f in comparison.findings if suppressions.active(f.code, document.path)]
    result.findings = suppressions.document(document, outline, selected)
    suppressions.finish(result)
    result.sort()
    comparison.findings = list(result.findings)
    return comparison.to_dict(), result


def _side(document: Document, config: Config, ruleset: Any) -> Any:
    from lintlaw.api import lint_document
    from lintlaw.protocol.against import Side
    from lintlaw.protocol.compare import compare_outline
    from lintlaw.suppress.session import SuppressionRun

    suppressions = SuppressionRun(ruleset, config)
    outline, checked = lint_document(document, ruleset)
    comparison = compare_outline(outline, ruleset=ruleset)
    merged = [f for f in [*checked, *comparison.findings] if suppressions.active(f.code, document.path)]
    holder = LintResult(files=[_summary(document, outline)], findings=suppressions.document(document, outline, merged))
    suppressions.finish(holder)
    holder.sort()
    return Side(comparison, holder.findings)


def compare_versions(new: Document, old: Document, *, config: Config, ruleset: Any) -> dict[str, Any]:
    """``lintlaw compare NEW --against OLD`` on two Documents: its JSON."""
    from lintlaw.protocol.against import compare_laws

    return compare_laws(_side(new, config, ruleset), _side(old, config, ruleset)).to_dict()


def check_json(result: LintResult, ruleset: Any) -> dict[str, Any]:
    from lintlaw.report.json_format import as_dict

    return as_dict(result, ruleset)


def run_check(job: Job, *, config: Config, ruleset: Any) -> dict[str, Any]:
    """``lintlaw check --format json`` on the upload; an unreadable upload is an ``errors`` entry."""
    from lintlaw.api import lint_documents
    from lintlaw.errors import LintlawError

    try:
        document, _ = read_upload(job.law, job.language)
    except WebError:
        raise
    except LintlawError as exc:
        return check_json(LintResult(errors=[exc]), ruleset)
    return check_json(lint_documents([document], config=config, ruleset=ruleset), ruleset)


def run_compare(job: Job, *, config: Config, ruleset: Any) -> dict[str, Any]:
    """``lintlaw compare --format json``, against the earlier version when one was sent."""
    document, _ = read_upload(job.law, job.language)
    if job.earlier is None:
        return compare_protocol(document, config=config, ruleset=ruleset)[0]
    earlier, _ = read_upload(job.earlier, job.language)
    return compare_versions(document, earlier, config=config, ruleset=ruleset)


def run_report(job: Job, *, config: Config, ruleset: Any) -> dict[str, Any]:
    """The page's result: every download as text, and a summary to show above the report."""
    from lintlaw.api import lint_documents
    from lintlaw.protocol.compare import compare_document
    from lintlaw.protocol.render import RENDERERS
    from lintlaw.report import FORMATTERS
    from lintlaw.report.common import severity_counts

    document, detected = read_upload(job.law, job.language)
    earlier = read_upload(job.earlier, job.language)[0] if job.earlier is not None else None
    documents = {document.path: document}
    result = lint_documents([document], config=config, ruleset=ruleset)
    if result.errors:
        raise result.errors[0]
    comparison = compare_document(document, ruleset=ruleset).to_dict()
    files = {
        "report.html": FORMATTERS["html"](result, ruleset, documents=documents, comparison=comparison),
        "lintlaw.json": FORMATTERS["json"](result, ruleset, documents=documents),
        "lintlaw.sarif": FORMATTERS["sarif"](result, ruleset, documents=documents),
        "lintlaw.csv": FORMATTERS["csv"](result, ruleset, documents=documents),
    }
    if earlier is not None:
        files["changes.html"] = RENDERERS["html"](compare_versions(document, earlier, config=config, ruleset=ruleset))
    return {
        "name": document.path,
        "title": document.title,
        "language": document.language,
        "detected_language": detected,
        "findings": len(result.findings),
        "severities": severity_counts(result.findings),
        "files": files,
    }


RUNNERS = {"check": run_check, "compare": run_compare, "report": run_report}
