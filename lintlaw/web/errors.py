"""The web server's coded errors (E37x) and the HTTP status each one, or any coded error, maps to."""

from __future__ import annotations

from lintlaw.errors import LintlawError

E370 = "E370"  # the web extra is not installed
E371 = "E371"  # upload larger than the limit
E372 = "E372"  # analysis took longer than the time limit
E373 = "E373"  # the analysis worker stopped (crash, out of memory)
E374 = "E374"  # malformed request: no law, both a file and text, a bad form field
E375 = "E375"  # unsupported language
E376 = "E376"  # result not found or expired
E377 = "E377"  # PDF needs Chromium, which is not installed
E378 = "E378"  # Chromium failed to print the PDF
E379 = "E379"  # invalid serve option

CODES: dict[str, str] = {
    E370: "the web extra is not installed",
    E371: "upload larger than the size limit",
    E372: "analysis took longer than the time limit",
    E373: "the analysis worker stopped",
    E374: "malformed request",
    E375: "unsupported language",
    E376: "result not found or expired",
    E377: "PDF download needs Chromium",
    E378: "Chromium could not print the PDF",
    E379: "invalid serve option",
}

_STATUS = {E371: 413, E372: 504, E373: 500, E374: 400, E375: 400, E376: 404, E377: 501, E378: 500}


class WebError(LintlawError):
    """An error of ``lintlaw serve`` (E37x)."""

    code = "E379"


def status_for(error: LintlawError) -> int:
    """HTTP status: 422 for an unreadable upload (E1xx), the table above for E37x, else 500."""
    if error.code in _STATUS:
        return _STATUS[error.code]
    if error.code.startswith("E1"):
        return 422
    return 500


def error_body(error: LintlawError) -> dict:
    """The JSON body of an error response: the same fields as the CLI's JSON ``errors`` entries."""
    return {"error": error.to_dict()}
