"""YAML from strangers: alias bombs and deep nesting are coded errors naming the file and line,
in rule files, evaluation cases, front matter and sidecar metadata, within bounded memory."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hostile_support import run_limited
from lintlaw.boundedyaml import MAX_ALIAS_NODES, MAX_DEPTH, BoundedLoader, load
from lintlaw.errors import InputError, RuleError
from lintlaw.engine.yamlio import load_yaml
from lintlaw.ingest import read_text
from lintlaw.scan.metadata import parse_sidecar

LAUGHS = "\n".join(
    [f'a: &a [{", ".join(["lol"] * 9)}]']
    + [f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]" for p, c in zip("abcdefgh", "bcdefghi")]
) + "\n"
DEEP = "[" * 20_000 + "]" * 20_000 + "\n"


def test_billion_laughs_is_refused_at_the_first_alias() -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        load(LAUGHS)
    assert "aliases expand" in caught.value.problem and caught.value.problem_mark.line == 1


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        load(DEEP)
    assert f"more than {MAX_DEPTH} levels" in caught.value.problem


def test_small_alias_use_and_moderate_nesting_still_load() -> None:
    shared = "terms: &t [a, b, c]\nuse: [*t, *t]\n"
    assert load(shared)["use"] == [["a", "b", "c"]] * 2
    nested = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert load(nested) is not None
    many = "x: &x [" + ", ".join(["1"] * 100) + "]\ny: [" + ", ".join(["*x"] * (MAX_ALIAS_NODES // 101)) + "]\n"
    assert len(load(many)["y"]) == MAX_ALIAS_NODES // 101
    assert issubclass(BoundedLoader, yaml.SafeLoader)


def test_a_recursive_alias_does_not_loop() -> None:
    data = load("a: &a [*a]\n")
    assert data["a"][0] is data["a"]


@pytest.mark.parametrize("text,words", [(LAUGHS, "aliases expand"), (DEEP, "levels deep")])
def test_rule_files(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_yaml(path)
    assert caught.value.code == "E201" and caught.value.file == str(path) and caught.value.line is not None
    assert words in caught.value.message


@pytest.mark.parametrize("text", [LAUGHS, DEEP])
def test_sidecar_metadata(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_sidecar(text.encode(), "law.txt.yaml")
    assert caught.value.code == "E108" and caught.value.file == "law.txt.yaml" and caught.value.line


def test_front_matter_nesting() -> None:
    with pytest.raises(InputError) as caught:
        read_text("---\nx: " + DEEP + "---\nBody.\n", path="law.md", fmt="markdown")
    assert caught.value.code == "E108" and caught.value.line


@pytest.mark.slow
@pytest.mark.parametrize("text", [LAUGHS, DEEP])
def test_cli_commands_stop_with_a_coded_error_in_bounded_memory(tmp_path: Path, text: str) -> None:
    rules = tmp_path / "house" / "topic"
    rules.mkdir(parents=True)
    (rules / "bomb.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "law.txt").write_text("A law.\n", encoding="utf-8")
    (tmp_path / "cases.yaml").write_text(text, encoding="utf-8")
    check = run_limited("check", "--rules", str(tmp_path / "house"), "law.txt", cwd=tmp_path)
    assert check.returncode == 2 and "E201" in check.stderr and "bomb.yaml:" in check.stderr
    evaluation = run_limited("eval", "cases.yaml", cwd=tmp_path)
    assert evaluation.returncode == 2 and "E402" in evaluation.stderr and "cases.yaml:" in evaluation.stderr
    for run in (check, evaluation):
        assert "E900" not in run.stderr + run.stdout and "Traceback" not in run.stderr
