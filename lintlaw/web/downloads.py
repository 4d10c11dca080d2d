"""The downloads of one result: file names, media types and the name a browser saves them under."""

from __future__ import annotations

from pathlib import PurePath

MEDIA_TYPES = {
    "report.html": "text/html; charset=utf-8",
    "changes.html": "text/html; charset=utf-8",
    "report.pdf": "application/pdf",
    "lintlaw.json": "application/json",
    "lintlaw.sarif": "application/sarif+json",
    "lintlaw.csv": "text/csv; charset=utf-8",
}
LABELS = {
    "report.html": "HTML report",
    "report.pdf": "PDF",
    "lintlaw.sarif": "SARIF",
    "lintlaw.json": "JSON",
    "lintlaw.csv": "CSV",
    "changes.html": "Changes (HTML)",
}


def saved_name(law: str, name: str) -> str:
    """``bill.docx`` + ``report.html`` → ``bill-lintlaw-report.html``; + ``lintlaw.csv`` → ``bill-lintlaw.csv``."""
    stem = PurePath(law).stem or "law"
    return f"{stem}-{name}" if name.startswith("lintlaw") else f"{stem}-lintlaw-{name}"


def download_list(key: str, law: str, names: list[str], pdf: bool) -> list[dict[str, str]]:
    """Links for the page, in the order of ``LABELS``; PDF only where a browser can print it."""
    offered = [n for n in LABELS if n in names or (n == "report.pdf" and pdf)]
    return [{"label": LABELS[n], "url": f"/results/{key}/{n}?download=1", "name": saved_name(law, n)}
            for n in offered]
