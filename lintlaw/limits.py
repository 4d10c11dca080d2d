"""A per-document time limit, so that one document (or one rule's regex) never stalls a run.

``time_limit(seconds, path)`` arms a real-time timer around the analysis of one document; when it
fires, ``AnalysisTimeout`` (E903, naming the document and, when it can tell, the rule that was
running) is raised in the analysing code, which abandons that document and goes on with the next.
Python's regex engine checks for signals while it backtracks, so a catastrophic pattern is
interrupted too. The timer needs ``SIGALRM`` and the main thread (``check`` and local scan
workers); elsewhere (Windows, Dask worker threads) the limit is not enforced.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from types import FrameType
from typing import Iterator

from lintlaw.errors import LintlawError

TIMEOUT = "E903"
DEFAULT_SECONDS = 300.0
_RULE_KEY = re.compile(r"^([A-Z]{2,4}\d{3})/")


class AnalysisTimeout(LintlawError):
    """The analysis of one document took longer than its time limit."""

    code = TIMEOUT


def enforceable() -> bool:
    """Whether a time limit can be enforced here (``SIGALRM`` on the main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, path: str) -> Iterator[None]:
    """Raise ``AnalysisTimeout`` inside the block if it runs longer than ``seconds`` (None or 0: no limit)."""
    if not seconds or seconds <= 0 or not enforceable():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        rule = running_rule(frame)
        during = f" (rule {rule} was running)" if rule else ""
        raise AnalysisTimeout(
            f"analysis took longer than the time limit of {seconds:g} s{during}; the document was left "
            "out (raise the limit with --timeout, or fix the rule)", file=path)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def running_rule(frame: FrameType | None) -> str | None:
    """The code of the rule the engine was evaluating in ``frame`` or its callers, if any."""
    while frame is not None:
        local = frame.f_locals
        crule = local.get("crule")
        code = getattr(getattr(crule, "rule", None), "code", None)
        if isinstance(code, str):
            return code
        for key in ("name", "key"):
            match = _RULE_KEY.match(local.get(key)) if isinstance(local.get(key), str) else None
            if match:
                return match.group(1)
        frame = frame.f_back
    return None
