"""A one-line progress bar on standard error for ``check``: only on a terminal, and only once the
run has taken longer than a second, so short runs and CI logs stay clean."""

from __future__ import annotations

import time
from typing import Callable, TextIO

from lintlaw.errors import ConfigError

DELAY_SECONDS = 1.0
WIDTH = 30


PROGRESS_CHOICES = ("auto", "always", "never")


def wants_progress(choice: str, stream: TextIO) -> bool:
    """``always``/``never`` as said; ``auto``: when ``stream`` is a terminal."""
    if choice not in PROGRESS_CHOICES:
        raise ConfigError(f"--progress must be one of {', '.join(PROGRESS_CHOICES)}; got '{choice}'", code="E300")
    if choice != "auto":
        return choice == "always"
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ProgressBar:
    def __init__(self, stream: TextIO, enabled: bool, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.enabled = enabled
        self.clock = clock
        self.started = clock()
        self.total = 0
        self.done = 0
        self.shown = False

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, *_: object) -> None:
        self.done += 1
        if not self.enabled or self.total < 1:
            return
        if not self.shown and self.clock() - self.started < DELAY_SECONDS:
            return
        self.shown = True
        filled = WIDTH * self.done // self.total
        self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar, so the report that follows starts on a clean line."""
        if self.shown:
            self.stream.write("\r" + " " * (WIDTH + 30) + "\r")
            self.stream.flush()
            self.shown = False
