"""Run jobs on local worker processes with a bounded number in flight.

Workers are started with the ``forkserver`` method (``spawn`` where that is unavailable), so
they never inherit the parent's open database or threads; each loads the rules and spaCy once,
in the pool initializer. Jobs are pulled from the producer only when there is room, so memory
stays bounded whatever the corpus size.

If a worker dies (killed, out of memory, a crash in native code), the pool is rebuilt and the
documents that were in flight are run again one at a time: the one that kills its worker alone
is recorded as failed with code E901, and the others are analysed normally. Each new pool first
runs a trivial task, so workers that cannot start at all (E902) stop the scan instead of
failing every document. Workers end by themselves if the scan process dies (``orphan``).

Each worker enforces the per-document time limit itself (``lintlaw.limits``). A worker stuck where
that cannot reach it (inside native code) is stopped from here once a document has run for
``hard_limit`` seconds: the pool is rebuilt as for a dead worker, and the document that stalls on
its own is recorded with E903.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from lintlaw.errors import LintlawError
from lintlaw.scan.analyse import Analyser, analyse_in_worker, init_worker
from lintlaw.scan.orphan import watch_parent
from lintlaw.scan.records import DocumentResult, Job

WORKER_DIED = "E901"
WORKERS_DID_NOT_START = "E902"
TIMED_OUT = "E903"
_POLL = 1.0


def hard_limit_for(time_limit: float | None) -> float | None:
    """How long a document may run before its worker is stopped: twice the worker's own limit,
    plus at least 30 s, so the worker's coded E903 normally comes first."""
    return None if not time_limit else 2 * time_limit + 30.0


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def init_local_worker(analyser: Analyser, scan_pid: int) -> None:
    """Pool initializer: end with the scan process, then load the analyser once."""
    watch_parent(scan_pid)
    init_worker(analyser)


class LocalExecutor:
    """A process pool that turns a stream of jobs into a stream of results (in completion order)."""

    name = "local"

    def __init__(
        self, analyser: Analyser, jobs: int, in_flight: int | None = None, hard_limit: float | None = None
    ) -> None:
        self.analyser = analyser
        self.jobs = max(1, jobs)
        self.in_flight = max(1, in_flight or self.jobs * 4)
        self.hard_limit = hard_limit
        self._pool: ProcessPoolExecutor | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs, mp_context=_context(), initializer=init_local_worker,
            initargs=(self.analyser, os.getpid()),
        )

    def _restart(self) -> ProcessPoolExecutor:
        """A fresh pool whose workers are known to have started (else ``LintlawError`` E902)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._new_pool()
        try:
            self._pool.submit(os.getpid).result()
        except BrokenProcessPool:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            raise LintlawError(
                "scan worker processes could not start; a script that calls lintlaw.scan.scan() "
                "must do so under `if __name__ == '__main__':`",
                code=WORKERS_DID_NOT_START,
            ) from None
        return self._pool

    def run(self, jobs: Iterator[Job]) -> Iterator[DocumentResult]:
        pool = self._pool  # started with the first job: a rerun with nothing to do starts no worker
        pending: dict[Future[DocumentResult], Job] = {}
        running_since: dict[Future[DocumentResult], float] = {}
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.in_flight:
                job = next(jobs, None)
                if job is None:
                    exhausted = True
                else:
                    pool = pool or self._restart()
                    pending[pool.submit(analyse_in_worker, job)] = job
            if not pending:
                return
            done, _ = wait(pending, timeout=_POLL if self.hard_limit else None, return_when=FIRST_COMPLETED)
            if not done:
                if self._overdue(pending, running_since):
                    self._stop_workers()  # the pool breaks: its documents are isolated below
                continue
            broken = False
            for future in done:
                job = pending.pop(future)
                running_since.pop(future, None)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    pending[future] = job  # still a suspect: rerun below
                except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                    yield DocumentResult.failure(job, "E900", f"internal error: {type(exc).__name__}: {exc}")
            if broken:
                suspects = list(pending.values())
                pending.clear()
                running_since.clear()
                yield from self._isolate(suspects)
                pool = self._restart()

    def _isolate(self, suspects: list[Job]) -> Iterator[DocumentResult]:
        """Run each job that was in flight when a worker died on its own, in a fresh pool."""
        for job in sorted(suspects, key=lambda j: j.path):
            pool = self._restart()
            try:
                yield pool.submit(analyse_in_worker, job).result(timeout=self.hard_limit)
            except FutureTimeout:
                self._stop_workers()
                yield DocumentResult.failure(
                    job, TIMED_OUT, f"analysis did not finish within {self.hard_limit:g} s and did not "
                    "respond to the time limit; its worker was stopped"
                )
            except BrokenProcessPool:
                yield DocumentResult.failure(
                    job, WORKER_DIED, "the worker process died while analysing this document"
                )
            except Exception as exc:  # noqa: BLE001
                yield DocumentResult.failure(job, "E900", f"internal error: {type(exc).__name__}: {exc}")

    def _overdue(self, pending: dict[Future[DocumentResult], Job], running_since: dict[Future[DocumentResult], float]) -> bool:
        """Note when each document started running; whether one has run past ``hard_limit``."""
        now = time.monotonic()
        for future in pending:
            if future.running():
                running_since.setdefault(future, now)
        return any(now - started > (self.hard_limit or float("inf")) for started in running_since.values())

    def _stop_workers(self) -> None:
        """Kill the pool's worker processes (the pool then reports itself broken)."""
        processes = getattr(self._pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
