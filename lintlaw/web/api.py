"""The JSON API: the same JSON as ``lintlaw check --format json`` and ``lintlaw compare --format json``."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from lintlaw.web.forms import read_job
from lintlaw.web.openapi import schema


async def check(request: Request) -> Response:
    """``lintlaw check -f json``: 200, or 422 when the upload could not be read (its ``errors`` entry)."""
    state = request.app.state
    job = await read_job(request, "check", state.settings.max_upload_bytes, earlier_allowed=False)
    data = await state.pool.run(job)
    return JSONResponse(data, status_code=422 if data["errors"] else 200, headers={"cache-control": "no-store"})


async def compare(request: Request) -> Response:
    """``lintlaw compare -f json``, or ``--against`` the ``earlier`` file when one is sent."""
    state = request.app.state
    job = await read_job(request, "compare", state.settings.max_upload_bytes)
    data = await state.pool.run(job)
    return JSONResponse(data, headers={"cache-control": "no-store"})


async def openapi(request: Request) -> Response:
    return JSONResponse(schema(request.app.state.settings))
