"""PDF downloads: the HTML report printed by headless Chromium, in a folder deleted afterwards."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path

from lintlaw.web.errors import E377, E378, WebError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ENV_VAR = "LINTLAW_CHROMIUM"


def find_chromium() -> str | None:
    """``$LINTLAW_CHROMIUM`` if set (an empty value disables PDF), else the first browser on PATH."""
    if ENV_VAR in os.environ:
        chosen = os.environ[ENV_VAR]
        return chosen if chosen and Path(chosen).is_file() and os.access(chosen, os.X_OK) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_command(browser: str, page: Path, out: Path, profile: Path) -> list[str]:
    args = [browser, "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
            f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={out}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    return [*args, page.as_uri()]


async def print_pdf(html: str, *, timeout: float = 60.0) -> bytes:
    """The PDF of ``html``; E377 when no Chromium is installed, E378 when printing fails."""
    browser = find_chromium()
    if browser is None:
        raise WebError("PDF download needs Chromium (e.g. apt-get install chromium, or set LINTLAW_CHROMIUM "
                       "to the browser's path); the HTML report prints to PDF from any browser too", code=E377)
    with tempfile.TemporaryDirectory(prefix="lintlaw-pdf-") as tmp:
        folder = Path(tmp)
        page, out = folder / "report.html", folder / "report.pdf"
        page.write_text(html, encoding="utf-8")
        process = await asyncio.create_subprocess_exec(
            *chromium_command(browser, page, out, folder / "profile"),
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            await asyncio.wait_for(process.wait(), timeout)
        except asyncio.TimeoutError:
            raise WebError(f"Chromium did not print the PDF within {timeout:g} s", code=E378) from None
        finally:
            if process.returncode is None:  # timed out, or the request was abandoned
                process.kill()
                await process.wait()
        if process.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            raise WebError(f"Chromium could not print the PDF (exit status {process.returncode})", code=E378)
        return out.read_bytes()
