"""One small pure formatter per output format, all fed by the same sorted findings.

Every formatter is ``render(result, ruleset, *, documents=None, root=None, **extra) -> str``.
Modules are imported only when their format is used, so the CLI starts fast.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

_MODULES = {
    "text": "lintlaw.report.text",
    "json": "lintlaw.report.json_format",
    "sarif": "lintlaw.report.sarif",
    "github": "lintlaw.report.github",
    "junit": "lintlaw.report.junit",
    "markdown": "lintlaw.report.markdown",
    "csv": "lintlaw.report.csv_format",
    "html": "lintlaw.report.html_format",
}


def _lazy(module: str) -> Callable[..., str]:
    def render(*args: Any, **kwargs: Any) -> str:
        return importlib.import_module(module).render(*args, **kwargs)

    render.__name__ = f"render_{module.rsplit('.', 1)[-1]}"
    return render


FORMATTERS: dict[str, Callable[..., str]] = {name: _lazy(module) for name, module in _MODULES.items()}
FORMAT_NAMES = tuple(FORMATTERS)
