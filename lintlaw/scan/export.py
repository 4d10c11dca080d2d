"""Write a scan store's rows as CSV, JSON Lines or Parquet, streaming (bounded memory).

Rows come from ``StoreReader.finding_rows`` (one per finding) or ``document_rows`` (one per
document). CSV and Parquet cells are scalars: list and mapping metadata values become JSON text.
JSON Lines keeps them as they are. CSV text cells that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``) get a leading apostrophe, as in ``check --format csv``.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable, Iterator

from lintlaw.errors import ConfigError
from lintlaw.report.csv_format import cell as safe_cell

FORMATS = ("csv", "jsonl", "parquet")
PARQUET_BATCH = 10_000
MISSING_EXTRA = "E363"

_INTEGER_COLUMNS = {
    "line", "column", "end_line", "end_column", "start", "end", "page",
    "error_line", "clauses", "findings", "size",
}  # fmt: skip
_FLOAT_COLUMNS = {"read_seconds", "lint_seconds"}


def cell(value: Any) -> Any:
    """A value as a flat cell: scalars unchanged, lists and mappings as JSON text."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def write_csv(columns: list[str], rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in columns])
        count += 1
    return count


def _csv_cell(value: Any) -> Any:
    """A CSV cell: numbers as they are, text neutralised so no spreadsheet evaluates it."""
    if value is None:
        return ""
    value = cell(value)
    return safe_cell(value) if isinstance(value, str) else value


def write_jsonl(columns: list[str], rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write_parquet(columns: list[str], rows: Iterable[dict[str, Any]], path: str) -> int:
    """Parquet via pyarrow, written in row groups of ``PARQUET_BATCH`` rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError(
            "Parquet export needs pyarrow; install it with: pip install 'lintlaw[research]'", code=MISSING_EXTRA
        ) from None
    schema = pa.schema([(c, _arrow_type(pa, c)) for c in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(rows, PARQUET_BATCH):
            arrays = {c: [_parquet_cell(c, row.get(c)) for row in batch] for c in columns}
            writer.write_table(pa.table(arrays, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _arrow_type(pa: Any, column: str) -> Any:
    if column in _INTEGER_COLUMNS:
        return pa.int64()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


def _parquet_cell(column: str, value: Any) -> Any:
    if value is None or column in _INTEGER_COLUMNS or column in _FLOAT_COLUMNS:
        return value
    value = cell(value)
    return value if isinstance(value, str) else json.dumps(value)


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
