"""``lintlaw serve``: a local web page (and JSON API) where a law is dropped in and its report read.

- :mod:`.app` — the Starlette application; :mod:`.page` — the page, analyses and downloads;
  :mod:`.api` — ``/api/check``, ``/api/compare`` and :mod:`.openapi`, their schema;
- :mod:`.forms` — a request as a :class:`~.jobs.Job`; :mod:`.workers` — worker processes with a
  time limit; :mod:`.pipeline` — what a worker runs (the library, as the CLI calls it);
- :mod:`.results` — finished reports in memory; :mod:`.pdf` — PDF through headless Chromium;
- :mod:`.security` — headers and the size limit; :mod:`.errors` — codes E370–E379.

Needs the ``web`` extra (Starlette, uvicorn, python-multipart).
"""

from lintlaw.web.settings import ServeSettings

__all__ = ["ServeSettings"]
