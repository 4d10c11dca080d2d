"""Find a Chromium-family browser, and print an HTML file to PDF with it.

The browser is ``$PLAYWRIGHT_CHROMIUM_EXECUTABLE`` when set, else the first of ``chromium``,
``google-chrome``, ``google-chrome-stable``, ``chromium-browser`` and ``chrome`` found on
``PATH`` (Debian installs ``/usr/bin/chromium``; GitHub's Ubuntu runners have Google Chrome).
This module imports nothing outside the standard library, so ``tasks.py`` can use it before
lintlaw is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ENV_VAR = "PLAYWRIGHT_CHROMIUM_EXECUTABLE"
NAMES = ("chromium", "google-chrome", "google-chrome-stable", "chromium-browser", "chrome")
HEADLESS_ARGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)
PRINT_TIMEOUT_SECONDS = 120


class BrowserMissing(Exception):
    """No Chromium-family browser could be found."""


def find_chromium(environ: dict[str, str] | None = None, path: str | None = None) -> str | None:
    """The browser to use, or None. A set but missing ``$PLAYWRIGHT_CHROMIUM_EXECUTABLE`` is None."""
    env = os.environ if environ is None else environ
    given = env.get(ENV_VAR)
    if given:
        return given if Path(given).is_file() and os.access(given, os.X_OK) else None
    for name in NAMES:
        found = shutil.which(name, path=path)
        if found:
            return found
    return None


def print_to_pdf(html_path: Path, pdf_path: Path, browser: str | None = None) -> None:
    """Print ``html_path`` to ``pdf_path`` with headless Chromium (its print stylesheet applies).

    Raises :class:`BrowserMissing` when there is no browser, ``OSError`` when it fails.
    """
    browser = browser or find_chromium()
    if browser is None:
        raise BrowserMissing(
            f"no Chromium-family browser found (install chromium, or set {ENV_VAR} to its path)")
    pdf_path = pdf_path.resolve()
    with tempfile.TemporaryDirectory(prefix="lintlaw-pdf-") as profile:
        cmd = [browser, *HEADLESS_ARGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
               f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=PRINT_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise OSError(f"{browser} did not finish printing within {PRINT_TIMEOUT_SECONDS} s") from None
    if proc.returncode != 0 or not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
        raise OSError(f"{browser} could not print the report (exit {proc.returncode}): {detail[0]}")
