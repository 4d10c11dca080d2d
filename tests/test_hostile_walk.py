"""Hostile folders: link loops, dangling links, links out of the folder, and ignore files.

A bad entry is one coded error for that entry; every other file is still linted or scanned; a
link that leaves the folder never brings the file it points to into a report.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lintlaw.api import lint_path
from lintlaw.config import Config
from lintlaw.errors import InputError
from lintlaw.ingest import WalkOptions, iter_paths
from lintlaw.scan import ScanOptions, scan
from lintlaw.scan.walk import iter_candidates
from test_scan_runner import inline
from test_scan_support import FakeAnalyser, dump_store, law_text

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")

GOOD = '"Trafficking" means the moving of women for prostitution.\n'
SECRET = "root:x:0:0:SECRET-LINE:/root:/bin/bash\n"


def _folder(tmp_path: Path) -> Path:
    """``d/`` with a good file, a link loop, a dangling link and a link to a file outside ``d``."""
    root = tmp_path / "d"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "also.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("b.txt", root / "a.txt")
    os.symlink("a.txt", root / "b.txt")
    os.symlink("nothing-here.txt", root / "dangling.txt")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", root / "passwd.txt")
    os.symlink("../good.txt", root / "sub" / "inside.txt")  # inside the folder: followed
    return root


def test_loops_and_dangling_links_are_one_error_each_and_good_files_are_linted(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    result = lint_path(root)
    linted = sorted(Path(f.path).relative_to(root).as_posix() for f in result.files)
    assert linted == ["good.txt", "sub/also.txt"]
    assert {f.file for f in result.findings} == {str(root / "good.txt"), str(root / "sub" / "also.txt")}
    errors = {Path(e.file).name: (e.code, e.message) for e in result.errors}
    assert set(errors) == {"a.txt", "b.txt", "dangling.txt"}
    assert all(code == "E101" for code, _ in errors.values())
    assert "loop" in errors["a.txt"][1] and "dangling" in errors["dangling.txt"][1]


def test_a_link_out_of_the_folder_is_not_followed_and_is_a_notice(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    documents: dict = {}
    result = lint_path(root, documents=documents)
    assert not any("SECRET-LINE" in d.text for d in documents.values())
    assert [(Path(n.file).name, n.code) for n in result.notices] == [("passwd.txt", "E111")]
    assert "passwd.txt" not in {Path(e.file).name for e in result.errors}


def test_follow_links_and_a_named_link_read_the_target(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    followed = lint_path(root, config=Config(follow_links=True), documents=(docs := {}))
    assert any("SECRET-LINE" in d.text for d in docs.values()) and not followed.notices
    named = lint_path(root / "passwd.txt", documents=(docs := {}))
    assert not named.errors and "SECRET-LINE" in next(iter(docs.values())).text


def test_check_exits_2_with_findings_for_good_files_and_never_prints_the_outside_file(tmp_path: Path, cli) -> None:
    root = _folder(tmp_path)
    for fmt in ("text", "html"):
        run = cli("check", "--format", fmt, str(root), cwd=tmp_path)
        assert run.returncode == 2, run.stderr
        assert "SECRET-LINE" not in run.stdout and "E111" in run.stderr
        assert "good.txt" in run.stdout and "Traceback" not in run.stderr
    outline = cli("outline", str(root), cwd=tmp_path)
    assert "SECRET-LINE" not in outline.stdout and "E111" in outline.stderr


def test_scan_records_each_bad_entry_and_analyses_the_good_files(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "good.txt").write_text(law_text(0), encoding="utf-8")
    options = ScanOptions(roots=[str(root)], db=tmp_path / "s.sqlite")
    summary = scan(options, analyser=FakeAnalyser(), executor_factory=inline)
    rows = {d[0]: (d[5], d[14]) for d in dump_store(tmp_path / "s.sqlite")["documents"]}
    prefix = root.as_posix()
    assert rows[f"{prefix}/good.txt"] == ("ok", None)
    assert rows[f"{prefix}/sub/also.txt"] == ("ok", None)
    assert rows[f"{prefix}/a.txt"] == rows[f"{prefix}/b.txt"] == rows[f"{prefix}/dangling.txt"] == ("failed", "E101")
    assert f"{prefix}/passwd.txt" not in rows and f"{prefix}" not in rows
    assert [n.code for n in summary.notices] == ["E111"]


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    for folder in ("laws", "build", "pkg.egg-info", ".venv/lib", "laws/drafts", "notes"):
        (repo / folder).mkdir(parents=True, exist_ok=True)
    (repo / ".git").mkdir()
    for name in ("laws/a.txt", "build/copy.txt", "pkg.egg-info/PKG-INFO.txt", ".venv/lib/x.txt",
                 "laws/drafts/old.txt", "laws/drafts/keep.txt", "notes/n.md"):
        (repo / name).write_text(GOOD, encoding="utf-8")
    (repo / ".gitignore").write_text("build/\n*.egg-info/\n.venv/\n", encoding="utf-8")
    (repo / "laws" / ".lintlawignore").write_text("drafts/*\n!drafts/keep.txt\n", encoding="utf-8")
    return repo


def test_ignore_files_are_respected_by_default_and_can_be_turned_off(tmp_path: Path) -> None:
    repo = _repository(tmp_path)

    def found(root: Path, **options) -> list[str]:
        return sorted(Path(p).relative_to(repo).as_posix() for _, p in iter_paths([str(root)], options=WalkOptions(**options)))

    assert found(repo) == ["laws/a.txt", "laws/drafts/keep.txt", "notes/n.md"]
    assert found(repo / "laws") == ["laws/a.txt", "laws/drafts/keep.txt"]
    assert "build/copy.txt" in found(repo, ignore_files=False)
    assert found(repo / "build") == ["build/copy.txt"]  # an ignored folder named on purpose
    scanned = sorted(c.relative for c in iter_candidates([repo]))
    assert scanned == ["laws/a.txt", "laws/drafts/keep.txt", "notes/n.md"]
    assert "pkg.egg-info/PKG-INFO.txt" in [c.relative for c in iter_candidates([repo], options=WalkOptions(ignore_files=False))]


def test_the_no_ignore_files_flag(tmp_path: Path, cli) -> None:
    repo = _repository(tmp_path)
    default = cli("check", "--format", "json", ".", cwd=repo)
    assert "build/copy.txt" not in default.stdout and "laws/a.txt" in default.stdout
    everything = cli("check", "--format", "json", "--no-ignore-files", ".", cwd=repo)
    assert "build/copy.txt" in everything.stdout


def test_an_ignore_file_outside_a_work_tree_does_not_apply_from_above(tmp_path: Path) -> None:
    (tmp_path / "top").mkdir()
    (tmp_path / ".gitignore").write_text("top/\n*.txt\n", encoding="utf-8")
    (tmp_path / "top" / "a.txt").write_text(GOOD, encoding="utf-8")
    assert [Path(p).name for _, p in iter_paths([str(tmp_path / "top")])] == ["a.txt"]


def test_notices_are_input_errors_with_code_e111(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    notices: list[InputError] = []
    list(iter_paths([str(root)], notices=notices))
    assert [n.code for n in notices] == ["E111"] and notices[0].file.endswith("passwd.txt")


def test_folders_nested_far_deeper_than_the_interpreter_stack(tmp_path: Path) -> None:
    levels = [tmp_path]
    for _ in range(1200):  # one level at a time: mkdir(parents=True) and rmtree recurse
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    (levels[-1] / "law.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "top.txt").write_text(GOOD, encoding="utf-8")
    try:
        assert [Path(p).name for _, p in iter_paths([str(tmp_path)])] == ["law.txt", "top.txt"]
        assert [c.relative.rsplit("/", 1)[-1] for c in iter_candidates([tmp_path])] == ["law.txt", "top.txt"]
    finally:
        (levels[-1] / "law.txt").unlink()
        for level in reversed(levels[1:]):
            level.rmdir()
