"""The Starlette application: routes, the worker pool's lifetime, coded errors as responses."""

from __future__ import annotations

import contextlib
from typing import AsyncIterator

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from lintlaw.errors import LintlawError
from lintlaw.web import api, page
from lintlaw.web.responses import error_response
from lintlaw.web.results import ResultStore
from lintlaw.web.security import SecurityMiddleware
from lintlaw.web.settings import ServeSettings
from lintlaw.web.workers import WorkerPool


async def _coded(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LintlawError)
    return error_response(request, exc)


def create_app(settings: ServeSettings | None = None) -> Starlette:
    """The web application; its worker processes start with the server and stop with it."""
    settings = settings or ServeSettings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.pool = WorkerPool(settings.workers, settings.time_limit)
        app.state.pool.start()
        try:
            yield
        finally:
            app.state.pool.close()

    routes = [
        Route("/", page.index, methods=["GET"]),
        Route("/assets/{name}", page.asset, methods=["GET"]),
        Route("/analyse", page.analyse, methods=["POST"]),
        Route("/results/{key}/{name}", page.result_file, methods=["GET"]),
        Route("/healthz", page.health, methods=["GET"]),
        Route("/api/check", api.check, methods=["POST"]),
        Route("/api/compare", api.compare, methods=["POST"]),
        Route("/openapi.json", api.openapi, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityMiddleware, max_bytes=settings.max_upload_bytes)],
        exception_handlers={LintlawError: _coded},
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.results = ResultStore(settings.result_capacity, settings.result_ttl)
    return app
