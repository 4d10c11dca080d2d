"""One writer per scan store: an exclusive lock held by a scan for as long as it writes.

The lock is an OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on a file beside
the store, ``<store>.lock``. The OS releases it when the process ends, however it ends (even
SIGKILL), so a killed scan never leaves a stale lock behind. A second scan of the same store
waits up to ``wait`` seconds for it, then stops with ``ConfigError`` E366 before writing anything.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO

from lintlaw.errors import ConfigError

STORE_BUSY = "E366"
_POLL = 0.2

try:  # POSIX
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True


def lock_path(db: str | os.PathLike[str]) -> Path:
    """The lock file of the store at ``db``."""
    return Path(f"{os.fspath(db)}.lock")


class StoreLock:
    """The exclusive write lock of one store; ``release`` (or process exit) frees it."""

    def __init__(self, db: str | os.PathLike[str], *, wait: float = 0.0) -> None:
        path = lock_path(db)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle: IO[bytes] | None = open(path, "a+b")  # noqa: SIM115 - held until release
        except OSError as exc:
            raise ConfigError(f"cannot create the scan lock file: {exc.strerror or exc}", file=str(path),
                              code="E360") from None
        deadline = time.monotonic() + max(0.0, wait)
        while not _try_lock(self._handle):
            if time.monotonic() >= deadline:
                self.release()
                raise ConfigError(
                    "another lintlaw scan is writing this database; wait for it to finish, or pass "
                    "--wait SECONDS to queue behind it",
                    file=os.fspath(db),
                    code=STORE_BUSY,
                )
            time.sleep(_POLL)

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the lock
            self._handle = None
