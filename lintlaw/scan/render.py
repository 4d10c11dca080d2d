"""Pure text renderings of scan results: the stats table (CSV, JSON, Markdown) and the scan summary.

CSV and JSON are tidy (one record per rule and group), ready for pandas or R; Markdown is the wide
rules × groups table a report can paste. The CLI draws the same table with rich.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from lintlaw.scan.runner import ScanSummary
from lintlaw.scan.tables import Pivot

STATS_SCHEMA_VERSION = 1


def cell_text(pivot: Pivot, code: str, group: str | None) -> str:
    """``findings (share%)`` as shown in wide tables."""
    return f"{pivot.cell(code, group).findings} ({pivot.share(code, group):.0%})"


def stats_records(pivot: Pivot) -> list[dict[str, Any]]:
    """One record per rule and group, plus an ``all`` group per rule."""
    records = []
    for code, name in pivot.rules:
        for group in [*pivot.groups, None]:
            cell = pivot.cell(code, group)
            records.append(
                {
                    "rule": code,
                    "name": name,
                    pivot.by: "all" if group is None else group,
                    "documents": pivot.total_documents if group is None else pivot.documents.get(group, 0),
                    "documents_with_findings": cell.documents,
                    "findings": cell.findings,
                    "share": round(pivot.share(code, group), 4),
                }
            )
    return records


def stats_csv(pivot: Pivot) -> str:
    out = io.StringIO()
    fields = ["rule", "name", pivot.by, "documents", "documents_with_findings", "findings", "share"]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(stats_records(pivot))
    return out.getvalue()


def stats_json(pivot: Pivot) -> str:
    data = {
        "schema_version": STATS_SCHEMA_VERSION,
        "by": pivot.by,
        "documents": {"analysed": pivot.total_documents, "failed": pivot.failed,
                      "not_analysed": pivot.not_analysed, "groups": pivot.documents},
        "cells": stats_records(pivot),
    }
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def stats_markdown(pivot: Pivot) -> str:
    header = ["rule", *pivot.groups, "all"]
    lines = [
        "| " + " | ".join(_md(h) for h in header) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|",
        "| documents | " + " | ".join(str(pivot.documents[g]) for g in pivot.groups) + f" | {pivot.total_documents} |",
    ]
    for code, name in pivot.rules:
        cells = [cell_text(pivot, code, g) for g in [*pivot.groups, None]]
        lines.append(f"| {_md(f'{code} {name}')} | " + " | ".join(cells) + " |")
    note = (f"\nCells: findings (share of documents with at least one). Failed documents left out: {pivot.failed}."
            f" Not analysed (no language pack): {pivot.not_analysed}.\n")
    return "\n".join(lines) + "\n" + note


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def summary_dict(summary: ScanSummary, db: str | Path) -> dict[str, Any]:
    return {
        "db": str(db),
        "scan_id": summary.scan_id,
        "executor": summary.executor,
        "workers": summary.workers,
        "ruleset_version": summary.ruleset_version,
        "documents": {
            "seen": summary.seen,
            "scanned": summary.scanned,
            "skipped": summary.skipped,
            "failed": summary.failed,
            "failed_unchanged": summary.failed_unchanged,
            "missing": summary.missing,
            "pruned": summary.pruned,
        },
        "findings": summary.findings,
        "seconds": round(summary.seconds, 3),
        "failures": [{"file": p, "code": c, "message": m} for p, c, m in summary.failures],
    }


def summary_text(summary: ScanSummary, db: str | Path) -> str:
    rate = summary.scanned / summary.seconds if summary.seconds else 0.0
    workers = f"{summary.workers} {'Dask' if summary.executor == 'dask' else 'local'} worker{'s' * (summary.workers != 1)}"
    lines = [
        f"{summary.seen} documents: {summary.scanned} analysed, {summary.skipped} unchanged (skipped), "
        f"{summary.failed} failed",
        f"{summary.findings} findings in {summary.seconds:.1f} s ({rate:.1f} documents/s) on {workers}",
        f"store: {db} (rule pack {summary.ruleset_version})",
    ]
    if summary.failed_unchanged:
        lines.append(f"{summary.failed_unchanged} unchanged documents are still recorded as failed")
    if summary.missing:
        verb = "deleted (--prune)" if summary.pruned else "kept; --prune deletes them"
        lines.append(f"{summary.missing} stored documents were not found under the scanned paths ({verb})")
    if summary.failures:
        lines.append("failed:")
        lines.extend(f"  {path}: {code} {message}" for path, code, message in summary.failures)
        more = summary.failed - len(summary.failures)
        if more > 0:
            lines.append(f"  … and {more} more (lintlaw export --documents lists them all)")
    return "\n".join(lines) + "\n"
