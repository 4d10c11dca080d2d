"""Scan workers end when the scan that started them dies, even by SIGKILL.

A local scan's workers are children of the multiprocessing fork server, not of the scan, and
they wait on a queue whose write end they hold themselves, so nothing tells them that the scan
has gone: killed, its workers (and with them the fork server and the resource tracker, which
live as long as the workers hold their pipes) would run on forever. Each worker therefore runs
``watch_parent`` from its initializer: a daemon thread that waits for the scan process to end
(on a pidfd where Linux offers one, else by polling every second) and then ends the worker.
"""

from __future__ import annotations

import os
import select
import threading

POLL_SECONDS = 1.0


def watch_parent(parent_pid: int) -> threading.Thread:
    """Start a daemon thread that ends this process (exit status 70) once ``parent_pid`` is gone."""
    thread = threading.Thread(target=_wait_then_exit, args=(parent_pid,), name="lintlaw-parent-watch", daemon=True)
    thread.start()
    return thread


def _wait_then_exit(parent_pid: int) -> None:
    _wait_for_exit(parent_pid)
    os._exit(70)


def _wait_for_exit(pid: int) -> None:
    if hasattr(os, "pidfd_open"):
        try:
            fd = os.pidfd_open(pid)
        except OSError:
            if not _alive(pid):
                return  # already gone
        else:
            try:
                poller = select.poll()
                poller.register(fd, select.POLLIN)
                while not poller.poll(None):
                    pass
                return
            finally:
                os.close(fd)
    stop = threading.Event()
    while _alive(pid):
        stop.wait(POLL_SECONDS)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
