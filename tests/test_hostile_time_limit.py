"""A per-document time limit: a rule's runaway regex (or any runaway analysis) costs one document
an E903 naming the rule, never the whole run."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from lintlaw.api import lint_path
from lintlaw.config import Config
from lintlaw.engine import load_rules
from lintlaw.limits import AnalysisTimeout, enforceable, running_rule, time_limit
from lintlaw.scan import ScanOptions, scan
from test_rules_support import rule_yaml, write_pack
from test_scan_runner import inline
from test_scan_support import FakeAnalyser, dump_store, law_text, write_corpus

pytestmark = pytest.mark.skipif(not enforceable(), reason="needs SIGALRM on the main thread")

# Exponential in the number of a's, and not the nested-quantifier shape the loader refuses.
SLOW_REGEX = '    - regex: "(a|a)*b"'
SLOW_LAW = "1. The " + "a" * 40 + " clause.\n"


def _slow_pack(tmp_path: Path) -> Path:
    root = write_pack(tmp_path / "pack")
    (root / "sales" / "slow.yaml").write_text(rule_yaml("LL950", "slow-fixture", SLOW_REGEX), encoding="utf-8")
    return root


def test_the_limit_interrupts_a_backtracking_regex_and_names_the_rule(tmp_path: Path) -> None:
    pack = _slow_pack(tmp_path)
    (tmp_path / "slow.txt").write_text(SLOW_LAW, encoding="utf-8")
    (tmp_path / "fine.txt").write_text("1. He sells a person.\n", encoding="utf-8")
    ruleset = load_rules([pack], include_default=False)
    lint_path(tmp_path / "fine.txt", ruleset=ruleset)  # load spaCy and compile once, outside the limit
    started = time.monotonic()
    result = lint_path(tmp_path, config=Config(time_limit=1.0), ruleset=ruleset)
    assert time.monotonic() - started < 60
    assert [(e.code, Path(e.file).name) for e in result.errors] == [("E903", "slow.txt")]
    assert "rule LL950" in result.errors[0].message
    assert [Path(f.path).name for f in result.files] == ["fine.txt"] and result.findings


def test_no_limit_is_no_timer() -> None:
    with time_limit(None, "x"):
        time.sleep(0.01)
    with time_limit(0, "x"):
        time.sleep(0.01)


def test_a_timer_that_expires_raises_inside_the_block() -> None:
    with pytest.raises(AnalysisTimeout) as caught:
        with time_limit(0.2, "law.txt"):
            while True:
                pass
    assert caught.value.code == "E903" and caught.value.file == "law.txt"


def test_running_rule_reads_the_engine_frames() -> None:
    @dataclass
    class Rule:
        code: str

    @dataclass
    class Compiled:
        rule: Rule

    import sys

    def engine(crule: Compiled):  # type: ignore[no-untyped-def]
        return sys._getframe()

    assert running_rule(engine(Compiled(Rule("LL777")))) == "LL777"

    def regex_loop(name: str):  # type: ignore[no-untyped-def]
        return sys._getframe()

    assert running_rule(regex_loop("LL123/match:0:regex")) == "LL123"
    assert running_rule(None) is None


@dataclass(frozen=True)
class Spinning(FakeAnalyser):
    """Never finishes a document that contains the word 'spin'."""

    def lint(self, document):  # type: ignore[no-untyped-def]
        while "spin" in document.text:
            pass
        return super().lint(document)


def test_scan_records_the_slow_document_and_analyses_the_others(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 3)
    (tmp_path / "c" / "stuck.txt").write_text(law_text(9) + "\nspin\n", encoding="utf-8")
    options = ScanOptions(roots=[str(tmp_path / "c")], db=tmp_path / "s.sqlite", time_limit=0.5)
    summary = scan(options, analyser=Spinning(), executor_factory=inline)
    assert summary.scanned == 3 and summary.failures[0][:2] == (f"{(tmp_path / 'c').as_posix()}/stuck.txt", "E903")
    assert len(dump_store(tmp_path / "s.sqlite")["documents"]) == 4


@pytest.mark.slow
def test_check_and_scan_on_the_command_line(tmp_path: Path, cli) -> None:
    pack = _slow_pack(tmp_path)
    (tmp_path / "slow.txt").write_text(SLOW_LAW, encoding="utf-8")
    check = cli("check", "--rules", str(pack), "--timeout", "5", "slow.txt", cwd=tmp_path)
    assert check.returncode == 2 and "E903" in check.stdout + check.stderr and "LL950" in check.stdout + check.stderr
    scanned = cli("scan", "--no-progress", "-j", "1", "--db", "s.sqlite", "--rules", str(pack), "--timeout", "5",
                  "slow.txt", cwd=tmp_path)
    assert scanned.returncode == 2 and "E903" in scanned.stdout and "LL950" in scanned.stdout


@pytest.mark.slow
def test_a_worker_that_ignores_its_time_limit_is_stopped_and_the_scan_goes_on(tmp_path: Path) -> None:
    from lintlaw.scan.local import LocalExecutor
    from test_scan_support import WEDGE_MARK, Wedging

    write_corpus(tmp_path / "c", 4)
    (tmp_path / "c" / "wedged.txt").write_text(law_text(9) + f"\n{WEDGE_MARK}\n", encoding="utf-8")
    options = ScanOptions(roots=[str(tmp_path / "c")], db=tmp_path / "s.sqlite", jobs=2, time_limit=0.5)
    started = time.monotonic()
    summary = scan(options, analyser=Wedging(),
                   executor_factory=lambda o, a: LocalExecutor(a, 2, hard_limit=3.0))
    assert time.monotonic() - started < 120
    assert summary.scanned == 4
    assert [(Path(p).name, code) for p, code, _ in summary.failures] == [("wedged.txt", "E903")]
    assert "worker was stopped" in summary.failures[0][2]
