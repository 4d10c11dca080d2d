"""A request's multipart form as a Job: the law (a file or pasted text), an earlier version, a language."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request

from lintlaw.web.errors import E374, E375, WebError
from lintlaw.web.jobs import PASTED_NAME, Job, Upload, display_name
from lintlaw.web.pipeline import languages

AUTO = ("", "auto")


async def _file(value: object) -> Upload | None:
    if isinstance(value, UploadFile) and value.filename:
        return Upload(display_name(value.filename), await value.read())
    return None


def _language(value: object) -> str | None:
    text = value.strip().lower() if isinstance(value, str) else ""
    if text in AUTO:
        return None
    if text not in languages():
        raise WebError(f"language '{text[:20]}' is not one of auto, {', '.join(languages())}", code=E375)
    return text


async def read_job(request: Request, kind: str, max_bytes: int, *, earlier_allowed: bool = True) -> Job:
    """Job ``kind`` from the form fields ``file`` or ``text``, ``earlier`` and ``language``."""
    if not request.headers.get("content-type", "").startswith(("multipart/form-data",
                                                               "application/x-www-form-urlencoded")):
        raise WebError("send a multipart/form-data form with a 'file' (or 'text') field", code=E374)
    form = await request.form(max_files=2, max_fields=8, max_part_size=max_bytes)
    try:
        law = await _file(form.get("file"))
        text = form.get("text")
        text = text if isinstance(text, str) and text.strip() else None
        if law is not None and text is not None:
            raise WebError("choose a file or paste the text, not both", code=E374)
        if law is None and text is None:
            raise WebError("choose a file (txt, md, html, docx, pdf, Akoma Ntoso xml) or paste the law's text",
                           code=E374)
        if law is None:
            law = Upload(PASTED_NAME, text.encode("utf-8"))
        earlier = await _file(form.get("earlier"))
        if earlier is not None and not earlier_allowed:
            raise WebError("an earlier version is compared by /api/compare, not /api/check", code=E374)
        return Job(kind, law, earlier, _language(form.get("language")))
    finally:
        await form.close()
