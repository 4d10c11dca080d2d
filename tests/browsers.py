"""What the browser tests share: the Chromium to drive, its flags, and the module-wide browser.

The browser is found by ``lintlaw.browser.find_chromium`` ($PLAYWRIGHT_CHROMIUM_EXECUTABLE, else
chromium or Google Chrome on PATH; ``.ci/run`` installs Debian's chromium). Outside CI a missing
browser skips a test; under CI it fails it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from lintlaw.browser import ENV_VAR, HEADLESS_ARGS, find_chromium

CHROMIUM = find_chromium()
LAUNCH_ARGS = list(HEADLESS_ARGS)


def require_browser() -> None:
    if CHROMIUM is not None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"no Chromium found; CI must install one or set {ENV_VAR} (see .ci/run)")
    pytest.skip(f"no Chromium found (apt-get install chromium, or set {ENV_VAR}); CI runs this test")


def launched() -> Iterator[Any]:
    """A headless Chromium driven by Playwright, closed afterwards (for a module-scoped fixture)."""
    require_browser()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
