"""The scan core with a fake analyser: resume, change detection, failures, worker crashes, bounds."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from lintlaw.errors import ConfigError, InputError
from lintlaw.scan import ScanOptions, scan
from lintlaw.scan.analyse import analyse
from lintlaw.scan.local import LocalExecutor
from lintlaw.scan.records import DocumentResult, Job
from lintlaw.scan.walk import iter_candidates
from test_scan_support import CRASH_MARK, RAISE_MARK, BrokenWarmUp, FakeAnalyser, doc_row, dump_store, law_text, write_corpus


class InlineExecutor:
    """Runs jobs in this process, in order; counts how far the producer was pulled ahead."""

    name = "inline"
    jobs = 1

    def __init__(self, analyser: FakeAnalyser) -> None:
        self.analyser = analyser
        self.submitted = 0

    def run(self, jobs: Iterator[Job]) -> Iterator[DocumentResult]:
        for job in jobs:
            self.submitted += 1
            yield analyse(self.analyser, job)

    def close(self) -> None:
        pass


def inline(options: ScanOptions, analyser: FakeAnalyser) -> InlineExecutor:
    return InlineExecutor(analyser)


def run(corpus: Path, db: Path, analyser: FakeAnalyser | None = None, **kw):
    options = ScanOptions(roots=[str(corpus)], db=db, **kw)
    return scan(options, analyser=analyser or FakeAnalyser(), executor_factory=inline)


def test_scan_records_documents_metadata_and_findings(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 8)
    summary = run(tmp_path / "c", tmp_path / "s.sqlite")
    assert (summary.seen, summary.scanned, summary.skipped, summary.failed) == (8, 8, 0, 0)
    dump = dump_store(tmp_path / "s.sqlite")
    assert [d[0] for d in dump["documents"]] == [(tmp_path / "c" / f"act_{i:03d}.txt").as_posix() for i in range(8)]
    act3 = doc_row(tmp_path / "s.sqlite", (tmp_path / "c" / "act_003.txt").as_posix())
    assert act3["status"] == "ok"
    assert act3["jurisdiction"] == "Syldavia" and act3["year"] == "1993" and act3["language"] == "en"
    assert act3["metadata"]["title"] == "Test Act 3"
    # act 3: three 'prostitution' lines and one 'Trafficking' line
    codes = sorted(f[3] for f in dump["findings"] if f[0].endswith("act_003.txt"))
    assert codes == ["ZZ101", "ZZ101", "ZZ101", "ZZ102"]
    assert summary.findings == len(dump["findings"])


def test_rerun_skips_unchanged_and_rescans_changed(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "c", 6)
    db = tmp_path / "s.sqlite"
    run(tmp_path / "c", db)
    before = dump_store(db)
    again = run(tmp_path / "c", db)
    assert (again.scanned, again.skipped) == (0, 6)
    assert dump_store(db) == before
    paths[2].write_text(law_text(2) + "(9) No trafficking.\n", encoding="utf-8")
    third = run(tmp_path / "c", db)
    assert (third.scanned, third.skipped) == (1, 5)
    after = dump_store(db)
    changed = [f for f in after["findings"] if f[0].endswith("act_002.txt")]
    assert [f[3] for f in changed].count("ZZ102") == 1
    assert [f[1] for f in changed] == list(range(len(changed)))  # replaced, not appended


def test_new_rule_pack_version_rescans_everything(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 4)
    db = tmp_path / "s.sqlite"
    run(tmp_path / "c", db)
    summary = run(tmp_path / "c", db, FakeAnalyser(version="fake-2"))
    assert summary.scanned == 4
    assert {d[3] for d in dump_store(db)["documents"]} == {"fake-2"}


def test_force_rescans_and_gives_the_same_store(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 4)
    db = tmp_path / "s.sqlite"
    run(tmp_path / "c", db)
    before = dump_store(db)
    assert run(tmp_path / "c", db, force=True).scanned == 4
    assert dump_store(db) == before


def test_bad_documents_are_recorded_and_the_scan_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, 5)
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (corpus / "raises.txt").write_text(f"1. {RAISE_MARK}\n", encoding="utf-8")
    (corpus / "act_001.txt.yaml").write_text("jurisdiction: [unclosed\n", encoding="utf-8")
    db = tmp_path / "s.sqlite"
    summary = run(corpus, db)
    assert (summary.seen, summary.scanned, summary.failed) == (8, 4, 4)
    errors = {Path(p).name: code for p, code, _ in summary.failures}
    assert errors == {"empty.txt": "E102", "binary.txt": "E103", "raises.txt": "E900", "act_001.txt": "E108"}
    sidecar_failure = doc_row(db, (corpus / "act_001.txt").as_posix())
    assert sidecar_failure["status"] == "failed" and sidecar_failure["error_line"] == 2
    assert "act_001.txt.yaml" in sidecar_failure["error_message"]
    # input errors stand on rerun; internal errors (E9xx) are tried again
    again = run(corpus, db)
    assert again.scanned == 0 and again.failed == 1 and again.failed_unchanged == 3
    assert again.failed_total == 4


def test_metadata_precedence_front_matter_then_sidecar_then_path(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    (corpus / "ruritania" / "2001").mkdir(parents=True)
    law = corpus / "ruritania" / "2001" / "law.txt"
    law.write_text("---\nyear: '1999'\n---\n1. Prostitution is regulated.\n", encoding="utf-8")
    (corpus / "ruritania" / "2001" / "law.txt.yaml").write_text(
        "year: 2000\nsource: gazette\ncommittee: [a, b]\n", encoding="utf-8"
    )
    db = tmp_path / "s.sqlite"
    run(corpus, db, path_pattern="{jurisdiction}/{year}/*")
    row = doc_row(db, law.as_posix())
    assert row["metadata"] == {
        "year": "1999",
        "source": "gazette",
        "committee": ["a", "b"],
        "jurisdiction": "ruritania",
    }
    assert (row["jurisdiction"], row["year"]) == ("ruritania", "1999")
    # editing the sidecar alone is a change: the document is analysed again
    (corpus / "ruritania" / "2001" / "law.txt.yaml").write_text("source: official gazette\n", encoding="utf-8")
    assert run(corpus, db, path_pattern="{jurisdiction}/{year}/*").scanned == 1
    assert doc_row(db, law.as_posix())["metadata"]["source"] == "official gazette"
    # so is a different path pattern
    assert run(corpus, db, path_pattern="{jurisdiction}/*/*").scanned == 1


def test_missing_files_are_reported_and_pruned_on_request(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "c", 4)
    db = tmp_path / "s.sqlite"
    run(tmp_path / "c", db)
    paths[0].unlink()
    summary = run(tmp_path / "c", db)
    assert (summary.missing, summary.pruned) == (1, 0)
    assert len(dump_store(db)["documents"]) == 4
    pruned = run(tmp_path / "c", db, prune=True)
    assert (pruned.missing, pruned.pruned) == (1, 1)
    dump = dump_store(db)
    assert len(dump["documents"]) == 3 and dump["orphans"] == 0


def test_missing_root_is_a_coded_error_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        run(tmp_path / "nope", tmp_path / "s.sqlite")
    assert info.value.code == "E101"
    assert not (tmp_path / "s.sqlite").exists()


def test_bad_path_pattern_is_a_coded_error(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 1)
    with pytest.raises(ConfigError) as info:
        run(tmp_path / "c", tmp_path / "s.sqlite", path_pattern="{jurisdiction/*")
    assert info.value.code == "E362"


def test_exclusion_callback_leaves_files_out(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 5)
    summary = run(tmp_path / "c", tmp_path / "s.sqlite", excluded=lambda p: p.name.endswith("3.txt"))
    assert summary.seen == 4


def test_local_pool_results_equal_inline_results(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 12, nested=True)
    run(tmp_path / "c", tmp_path / "inline.sqlite")
    options = ScanOptions(roots=[str(tmp_path / "c")], db=tmp_path / "pool.sqlite", jobs=2)
    summary = scan(options, analyser=FakeAnalyser())
    assert (summary.executor, summary.workers, summary.scanned) == ("local", 2, 12)
    assert dump_store(tmp_path / "pool.sqlite") == dump_store(tmp_path / "inline.sqlite")


def test_a_document_that_kills_its_worker_is_isolated_and_recorded(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, 6)
    (corpus / "act_002b.txt").write_text(f"1. {CRASH_MARK}\n", encoding="utf-8")
    options = ScanOptions(roots=[str(corpus)], db=tmp_path / "s.sqlite", jobs=2)
    summary = scan(options, analyser=FakeAnalyser())
    assert (summary.scanned, summary.failed) == (6, 1)
    assert summary.failures[0][:2] == ((corpus / "act_002b.txt").as_posix(), "E901")
    run(corpus, tmp_path / "inline.sqlite", excluded=lambda p: p.name == "act_002b.txt")
    pool_ok = [d for d in dump_store(tmp_path / "s.sqlite")["documents"] if d[5] == "ok"]
    assert pool_ok == dump_store(tmp_path / "inline.sqlite")["documents"]


def test_local_executor_keeps_a_bounded_number_of_jobs_in_flight(tmp_path: Path) -> None:
    pulled = 0
    returned = 0
    ahead = []

    def jobs() -> Iterator[Job]:
        nonlocal pulled
        for i in range(30):
            pulled += 1
            ahead.append(pulled - returned)
            data = law_text(i).encode()
            yield Job(path=f"doc_{i}.txt", data=data, content_hash=str(i), signature=str(i))

    executor = LocalExecutor(FakeAnalyser(), jobs=2, in_flight=3)
    try:
        for result in executor.run(jobs()):
            returned += 1
            assert result.status == "ok"
    finally:
        executor.close()
    assert returned == 30
    assert max(ahead) <= 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_unlistable_folder_is_recorded_not_dropped(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", 2)
    locked = tmp_path / "c" / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(law_text(1), encoding="utf-8")
    locked.chmod(0)
    try:
        summary = run(tmp_path / "c", tmp_path / "s.sqlite")
    finally:
        locked.chmod(0o755)
    assert summary.failures == [(locked.as_posix(), "E101", summary.failures[0][2])]


def test_unreadable_folder_candidate_is_recorded_as_e101(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the walk yields for a folder it cannot list: reading it is a recorded E101."""
    from lintlaw.scan.walk import Candidate

    write_corpus(tmp_path / "c", 1)
    folder = tmp_path / "c" / "sub"
    folder.mkdir()
    real = iter_candidates([tmp_path / "c"])

    def with_folder(roots, excluded=None, **walk):
        yield from real
        yield Candidate(folder, folder.as_posix(), "sub")

    monkeypatch.setattr("lintlaw.scan.runner.iter_candidates", with_folder)
    summary = run(tmp_path / "c", tmp_path / "s.sqlite")
    assert summary.scanned == 1 and summary.failures[0][:2] == (folder.as_posix(), "E101")


def test_workers_that_cannot_start_stop_the_scan_with_a_code(tmp_path: Path) -> None:
    from lintlaw.errors import LintlawError

    write_corpus(tmp_path / "c", 3)
    options = ScanOptions(roots=[str(tmp_path / "c")], db=tmp_path / "s.sqlite", jobs=1)
    with pytest.raises(LintlawError) as info:
        scan(options, analyser=BrokenWarmUp())
    assert info.value.code == "E902"
    assert dump_store(tmp_path / "s.sqlite")["documents"] == []


def test_a_rerun_with_nothing_to_do_starts_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_corpus(tmp_path / "c", 3)
    options = ScanOptions(roots=[str(tmp_path / "c")], db=tmp_path / "s.sqlite", jobs=1)
    scan(options, analyser=FakeAnalyser())
    started = []
    monkeypatch.setattr(LocalExecutor, "_new_pool", lambda self: started.append(1) or pytest.fail("pool started"))
    summary = scan(options, analyser=FakeAnalyser())
    assert (summary.skipped, started) == (3, [])
