"""Analyses run in separate worker processes, one job at a time each, with a time limit.

A heavy law occupies one worker, never the server: the event loop only waits on a pipe. A job
that passes the time limit, or whose request is abandoned, gets its worker killed and replaced,
so no stale result can reach the next request. Workers are started with ``spawn`` (safe beside
the server's threads); each loads the rule pack and configuration once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from lintlaw.errors import LintlawError
from lintlaw.web.errors import E372, E373, WebError
from lintlaw.web.jobs import Job


def _worker_main(conn: Connection) -> None:
    """Worker loop: receive a Job, send back ``("ok", payload)`` or ``("error", error dict)``."""
    from lintlaw.config import load_config
    from lintlaw.engine import load_rules
    from lintlaw.web.pipeline import RUNNERS

    broken: LintlawError | None = None
    try:
        config = load_config()
        ruleset = load_rules(config.rule_dirs)
    except LintlawError as exc:  # a configuration or rule file broken since the server started
        broken = exc
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            if broken is not None:
                raise broken
            reply: tuple[str, Any] = ("ok", RUNNERS[job.kind](job, config=config, ruleset=ruleset))
        except LintlawError as exc:
            reply = ("error", exc.to_dict())
        except Exception as exc:  # noqa: BLE001 - reported as E900 without the input's text
            reply = ("error", {"code": "E900", "file": job.law.name,
                               "message": f"internal error: {type(exc).__name__}"})
        conn.send(reply)


def error_from(data: dict) -> LintlawError:
    return LintlawError(data["message"], file=data.get("file"), line=data.get("line"),
                        column=data.get("column"), code=data["code"])


class _Worker:
    def __init__(self, context: Any) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child,), daemon=True, name="lintlaw-worker")
        self.process.start()
        child.close()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes; :meth:`run` waits for a free one and returns the job's payload."""

    def __init__(self, size: int, time_limit: float) -> None:
        self.size = size
        self.time_limit = time_limit
        self._context = multiprocessing.get_context("spawn")
        self._threads = ThreadPoolExecutor(max_workers=2 * size, thread_name_prefix="lintlaw-pipe")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self.waiting = 0

    def start(self) -> None:
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._context)
        self._all.add(worker)
        self._idle.put_nowait(worker)

    def _replace(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.kill()
        self._add()

    async def run(self, job: Job) -> Any:
        """The job's payload; its coded error re-raised; E372 past the time limit, E373 if the worker died."""
        loop = asyncio.get_running_loop()
        self.waiting += 1
        try:
            worker = await self._idle.get()
        finally:
            self.waiting -= 1
        healthy = False
        try:
            await loop.run_in_executor(self._threads, worker.conn.send, job)
            status, payload = await asyncio.wait_for(
                loop.run_in_executor(self._threads, worker.conn.recv), self.time_limit)
            healthy = True
        except asyncio.TimeoutError:
            raise WebError(f"the analysis took longer than the {self.time_limit:g} s limit; try a shorter "
                           "extract of the law, or ask the server's operator to raise --time-limit",
                           file=job.law.name, code=E372) from None
        except (EOFError, OSError):
            raise WebError("the analysis stopped unexpectedly (out of memory?); the worker was restarted",
                           file=job.law.name, code=E373) from None
        finally:
            if healthy:
                self._idle.put_nowait(worker)
            else:
                self._replace(worker)
        if status == "error":
            raise error_from(payload)
        return payload

    def close(self) -> None:
        for worker in list(self._all):
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in list(self._all):
            worker.process.join(timeout=2)
            worker.kill()
        self._all.clear()
        self._threads.shutdown(wait=False, cancel_futures=True)
