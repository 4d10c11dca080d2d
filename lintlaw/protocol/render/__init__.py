"""Reports of ``lintlaw compare``, rendered from its JSON dict so every format says the same thing.

``RENDERERS[name](data) -> str`` for ``text``, ``markdown``, ``json`` and ``html``; ``data`` is
``Comparison.to_dict()`` (one law against the Protocol) or ``LawComparison.to_dict()``
(``"mode": "against"``). SARIF goes through the shared ``lintlaw.report`` formatter instead.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from lintlaw.protocol.render import html, markdown, text


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "text": text.render,
    "markdown": markdown.render,
    "json": render_json,
    "html": html.render,
}
FORMATS = (*RENDERERS, "sarif")
