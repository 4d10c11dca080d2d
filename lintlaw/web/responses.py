"""Coded errors as responses: JSON for the API and the page's script, a short page for a plain form post."""

from __future__ import annotations

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from lintlaw.errors import LintlawError
from lintlaw.web.errors import error_body, status_for


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def error_response(request: Request, error: LintlawError) -> Response:
    status = status_for(error)
    if wants_json(request):
        return JSONResponse(error_body(error), status_code=status, headers={"cache-control": "no-store"})
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>lintlaw: not analysed</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/assets/app.css"></head><body><main class="error-page">'
        f'<h1>The law could not be analysed</h1><p class="error" role="alert">{html.escape(str(error))}</p>'
        '<p><a href="/">Back to the page</a></p></main></body></html>'
    )
    return HTMLResponse(page, status_code=status, headers={"cache-control": "no-store"})
