"""Run jobs on a Dask distributed cluster (``pip install 'lintlaw[dask]'``).

The same ``analyse`` function as the local pool runs on the workers; jobs carry the documents'
bytes, so workers need lintlaw installed but no access to the corpus. Results come back to the
scan's process, which remains the only writer of the store. At most ``in_flight`` jobs are
submitted at a time, so neither the client nor the scheduler holds the whole corpus.
"""

from __future__ import annotations

from typing import Any, Iterator

from lintlaw.errors import ConfigError
from lintlaw.scan.analyse import Analyser, analyse
from lintlaw.scan.local import WORKER_DIED
from lintlaw.scan.records import DocumentResult, Job

MISSING_DASK = "E363"
NO_SCHEDULER = "E364"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ConfigError(
            "--scheduler needs Dask distributed; install it with: pip install 'lintlaw[dask]'",
            code=MISSING_DASK,
        ) from None
    return distributed


class DaskExecutor:
    """A Dask client that turns a stream of jobs into a stream of results (in completion order)."""

    name = "dask"

    def __init__(self, analyser: Analyser, address: str, in_flight: int | None = None, timeout: float = 30) -> None:
        distributed = _distributed()
        self.analyser = analyser
        self.address = address
        try:
            self.client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(
                f"cannot reach the Dask scheduler at {address}: {exc}", code=NO_SCHEDULER
            ) from None
        self.jobs = max(1, sum(self.client.nthreads().values()))
        self.in_flight = max(1, in_flight or self.jobs * 4)

    def run(self, jobs: Iterator[Job]) -> Iterator[DocumentResult]:
        distributed = _distributed()
        queue = distributed.as_completed(loop=self.client.loop)
        pending: dict[str, Job] = {}

        def submit_more() -> None:
            while len(pending) < self.in_flight:
                job = next(jobs, None)
                if job is None:
                    return
                future = self.client.submit(analyse, self.analyser, job, pure=False)
                pending[future.key] = job
                queue.add(future)

        # A worker that dies takes every task it held with it; those documents are run again one
        # at a time at the end, so only the one that really kills a worker is recorded as E901.
        suspects: list[Job] = []
        submit_more()
        for future in queue:
            job = pending.pop(future.key)
            result = self._outcome(future, job, distributed)
            future.release()
            if result is None:
                suspects.append(job)
            else:
                yield result
            submit_more()
        for job in suspects:
            future = self.client.submit(analyse, self.analyser, job, pure=False)
            result = self._outcome(future, job, distributed)
            future.release()
            yield result or DocumentResult.failure(
                job, WORKER_DIED, "Dask workers died while analysing this document"
            )

    @staticmethod
    def _outcome(future: Any, job: Job, distributed: Any) -> DocumentResult | None:
        """The job's result, a coded failure, or None when its worker died."""
        try:
            return future.result()
        except distributed.KilledWorker:
            return None
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a scan
            return DocumentResult.failure(job, "E900", f"internal error: {type(exc).__name__}: {exc}")

    def close(self) -> None:
        self.client.close()
