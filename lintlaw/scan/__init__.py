"""Batch scans of a corpus into a SQLite store: resumable, parallel, optionally on Dask.

Layout, one job per module:

- ``walk``      find document files lazily, in a stable order
- ``metadata``  front matter, sidecar ``<file>.yaml`` and path-pattern metadata
- ``records``   the ``Job`` sent to workers and the ``DocumentResult`` they send back
- ``analyse``   the per-document work (same code on local and Dask workers)
- ``local`` / ``cluster``  executors: a bounded process pool, a Dask client
- ``runner``    ``scan(options)``: producer → executor → store
- ``schema`` / ``store``  the SQLite file and its per-document transactions
- ``tables``    read side: rows for export, rules × groups for stats and plots
- ``export`` / ``plot`` / ``render``  CSV, JSONL, Parquet writers; the heatmap; text tables

The command line is ``lintlaw/cli/scan.py``; the user guide is ``docs/scan.md``.
"""

from lintlaw.scan.analyse import EngineAnalyser, RulePack
from lintlaw.scan.runner import ScanOptions, ScanSummary, scan

__all__ = ["EngineAnalyser", "RulePack", "ScanOptions", "ScanSummary", "scan"]
