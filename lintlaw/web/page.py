"""The page: the form, its script and style, the analysis it posts, and each result's downloads."""

from __future__ import annotations

import html
from importlib import resources

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from lintlaw import __version__
from lintlaw.ingest.detect import SUFFIXES
from lintlaw.web.downloads import MEDIA_TYPES, download_list, saved_name
from lintlaw.web.errors import E376, WebError
from lintlaw.web.forms import read_job
from lintlaw.web.pdf import find_chromium, print_pdf
from lintlaw.web.pipeline import languages
from lintlaw.web.security import REPORT_CSP

ASSETS = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish"}


def asset_text(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def language_options() -> str:
    options = ['<option value="auto" selected>Detect automatically</option>']
    for code in languages():
        options.append(f'<option value="{code}">{html.escape(LANGUAGE_NAMES.get(code, code))} ({code})</option>')
    return "".join(options)


async def index(request: Request) -> Response:
    settings = request.app.state.settings
    page = (asset_text("page.html")
            .replace("{{max_mb}}", f"{settings.max_upload_bytes / 2**20:g}")
            .replace("{{keep_minutes}}", f"{settings.result_ttl / 60:g}")
            .replace("{{languages}}", language_options())
            .replace("{{accept}}", ",".join(sorted(SUFFIXES)))
            .replace("{{version}}", html.escape(__version__)))
    return HTMLResponse(page)


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ASSETS:
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(asset_text(name), media_type=ASSETS[name], headers={"cache-control": "no-cache"})


async def analyse(request: Request) -> Response:
    state = request.app.state
    job = await read_job(request, "report", state.settings.max_upload_bytes)
    payload = await state.pool.run(job)
    files = payload.pop("files")
    key = state.results.add(payload, files)
    report = f"/results/{key}/report.html"
    if "application/json" not in request.headers.get("accept", ""):
        return RedirectResponse(report, status_code=303)
    body = {
        **payload,
        "id": key,
        "languages": list(languages()),
        "report": report,
        "changes": f"/results/{key}/changes.html" if "changes.html" in files else None,
        "downloads": download_list(key, payload["name"], list(files), pdf=find_chromium() is not None),
    }
    return JSONResponse(body, headers={"cache-control": "no-store"})


async def result_file(request: Request) -> Response:
    key, name = request.path_params["key"], request.path_params["name"]
    stored = request.app.state.results.get(key)
    if stored is None or (name not in stored.files and name != "report.pdf"):
        raise WebError("this result is not here: results are kept for a limited time; analyse the law again",
                       code=E376)
    if name == "report.pdf":
        if stored.pdf is None:
            stored.pdf = await print_pdf(stored.files["report.html"], timeout=request.app.state.settings.pdf_timeout)
        content: str | bytes = stored.pdf
    else:
        content = stored.files[name]
    headers = {"cache-control": "no-store"}
    if name.endswith(".html"):
        headers["content-security-policy"] = REPORT_CSP
        headers["x-frame-options"] = "SAMEORIGIN"
    if request.query_params.get("download"):
        headers["content-disposition"] = f'attachment; filename="{saved_name(stored.summary["name"], name)}"'
    return Response(content, media_type=MEDIA_TYPES[name], headers=headers)


async def health(request: Request) -> Response:
    state = request.app.state
    return JSONResponse({"status": "ok", "workers": state.pool.size, "waiting": state.pool.waiting,
                         "results": len(state.results)})
