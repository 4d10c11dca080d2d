"""Hostile names and text in outputs: no workflow-command injection in the github format, no
formula cells in any CSV."""

from __future__ import annotations

import csv
import io

from lintlaw.errors import InputError
from lintlaw.model import Finding
from lintlaw.report import github
from lintlaw.scan.export import write_csv
from test_report_formats import RULES, sample  # noqa: F401 - the fixture

HOSTILE = "bills/x\n::error file=pwned.md,line=1::injected\r\n::warning ::more.md"


def _commands(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::")]


def test_overflow_log_lines_escape_file_names_and_messages(sample):  # noqa: F811
    result, _ = sample
    base = result.findings[0]
    result.findings = [
        Finding(**{**base.__dict__, "file": HOSTILE, "start": base.start + i, "line": base.line + i,
                   "message": "msg\n::error ::also injected"})
        for i in range(25)
    ]
    result.errors = [InputError(f"bad\n::error ::e{i}", file=HOSTILE, line=1, code="E104") for i in range(12)]
    output = github.render(result, RULES)
    commands = _commands(output)
    assert len(commands) == 1 + 10  # the truncation notice and 10 error annotations
    assert all(c.startswith(("::notice title=lintlaw%3A annotations truncated", "::error file=bills/x%0A%3A%3Aerror"))
               for c in commands)
    assert not any(line.startswith("::") and "pwned.md,line=1::" in line for line in output.splitlines())
    plain = [line for line in output.splitlines() if not line.startswith(("::", "lintlaw "))]  # not the version line
    assert output.splitlines()[-1].startswith("lintlaw ")
    assert len(plain) == 12 + 25 - 10 and all(line.startswith("bills/x%0A%3A%3Aerror file=pwned.md%2Cline=1%3A%3Ainjected%0D%0A") for line in plain)
    assert "\r" not in output


def test_csv_export_neutralises_formula_cells() -> None:
    out = io.StringIO()
    rows = [{"path": "=HYPERLINK(\"http://x\")", "title": "+1", "message": "-x", "match": "@SUM(A1)",
             "line": -3, "size": 10, "clause_text": "\tcmd", "metadata": {"a": "=1"}}]
    write_csv(list(rows[0]), rows, out)
    cells = list(csv.reader(io.StringIO(out.getvalue())))[1]
    assert cells[:4] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-x", "'@SUM(A1)"]
    assert cells[4:6] == ["-3", "10"] and cells[6] == "'\tcmd" and cells[7] == '{"a": "=1"}'
