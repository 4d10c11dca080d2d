"""Untrusted rule folders: every key and type is validated on load, catastrophic regexes are
refused, and a broken configuration file is a coded error, never E900."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintlaw.config import load_config
from lintlaw.engine import load_rules
from lintlaw.engine.regexrisk import nested_repeat
from lintlaw.errors import ConfigError
from test_rules_broken import GOOD, line_of, load_with
from test_rules_support import rule_yaml, write_pack


@pytest.mark.parametrize("old,new,needle,words", [
    ("suggestion: Use neutral words.", "suggestion: [Use, neutral, words]", "suggestion:", "'suggestion' must be text"),
    ("suggestion: Use neutral words.", "suggestion: {a: 1}", "suggestion:", "'suggestion' must be text"),
    ("title: Fixture rule LL950", "title: 12", "title:", "'title' must be text"),
    ("kind: phrase", "kind: phrase\ntags: {a: b}", "tags:", "'tags' must be a list of texts"),
    ("kind: phrase", "kind: phrase\ntags: [1, 2]", "tags:", "'tags' must be a list of texts"),
    ("kind: phrase", "kind: phrase\nlanguage: en", "language:", "'language' must be a list of texts"),
    ("kind: phrase", "kind: phrase\nundefined: 'yes'", "undefined:", "'undefined' must be true or false"),
    ("kind: phrase", "kind: phrase\nmin_clauses: true", "min_clauses:", "'min_clauses' must be a whole number"),
    ("kind: phrase", "kind: phrase\ntodo_flag: [1]", "todo_flag:", "'todo_flag' must be a list of texts"),
    ("    pinpoint: Art. 1", "    pinpoint: 1", "sources:", "'sources' must be"),
    ("    pinpoint: Art. 1", "    pinpoint: Art. 1\n    colour: red", "sources:", "'sources' must be"),
    ("  pass: [", "  maybe: []\n  pass: [", "examples:", "'examples' needs"),
])
def test_every_field_has_its_type(tmp_path: Path, old: str, new: str, needle: str, words: str) -> None:
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    _, error = load_with(tmp_path, text)
    assert error.code == "E202" and words in error.message
    assert error.line == line_of(text, needle)


@pytest.mark.parametrize("item,words", [
    ("    - terms: [sells a person]\n  window: 3", "unknown key(s) window"),
    ("    - terms: [sells a person]\n      exact: 'yes'", "'exact' must be true or false"),
    ("    - regex: 12", "'regex' must be a string"),
    ("    - lexicon: [fixture-words]", "'lexicon' must be a lexicon name"),
    ("    - lexicon: fixture-words\n      entries: sale", "'entries' must be a list"),
])
def test_matchers_have_their_types(tmp_path: Path, item: str, words: str) -> None:
    _, error = load_with(tmp_path, rule_yaml("LL950", "broken-fixture", item))
    assert error.code == "E203" and words in error.message


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\\w+\\s?)*:", r"(x+x+)+y", r"(a*)*b"])
def test_a_catastrophic_regex_is_refused_naming_the_rule_file(tmp_path: Path, pattern: str) -> None:
    text = rule_yaml("LL950", "broken-fixture", f'    - regex: "{pattern}"')
    path, error = load_with(tmp_path, text)
    assert error.code == "E203" and "exponential time" in error.message
    assert error.line == line_of(text, "- regex:") and str(error).startswith(str(path))


@pytest.mark.parametrize("pattern", [r"sells? (a|the) person", r"\bfoo\b", r"(?:ab){1,3}c", r"(?:a++)+b", r"(?>a+)+b"])
def test_ordinary_regexes_are_accepted(pattern: str) -> None:
    assert not nested_repeat(pattern)


def test_the_bundled_pack_passes_the_schema() -> None:
    assert load_rules().rules


def test_a_wrong_typed_rule_stops_check_and_scan_with_e202(tmp_path: Path, cli) -> None:
    root = write_pack(tmp_path / "pack")
    (root / "sales" / "bad.yaml").write_text(
        rule_yaml("LL950", "broken-fixture", "    - terms: [sells a person]").replace(
            "suggestion: Use neutral words.", "suggestion: [a, b]"), encoding="utf-8")
    (tmp_path / "law.txt").write_text("He sells a person.\n", encoding="utf-8")
    for args in (["check", "--format", "sarif", "--rules", str(root), "law.txt"],
                 ["scan", "--no-progress", "--db", "s.sqlite", "--rules", str(root), "law.txt"]):
        run = cli(*args, cwd=tmp_path)
        assert run.returncode == 2 and "E202" in run.stderr and "bad.yaml:" in run.stderr, run.stderr
        assert "E900" not in run.stderr + run.stdout


def test_a_configuration_file_that_is_not_utf8_is_e301(tmp_path: Path, cli) -> None:
    (tmp_path / "lintlaw.toml").write_bytes(b'select = ["LL1"]\n# caf\xe9\n')
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert (caught.value.code, caught.value.line) == ("E301", 2)
    (tmp_path / "law.txt").write_text("A law.\n", encoding="utf-8")
    run = cli("check", "law.txt", cwd=tmp_path)
    assert run.returncode == 2 and "E301" in run.stderr and "lintlaw.toml:2" in run.stderr



@pytest.mark.parametrize("name,body,words", [
    ("pyproject.toml", "tool = 5\n", "'tool' must be a table"),
    ("pyproject.toml", 'tool = "lintlaw"\n', "'tool' must be a table"),
    ("pyproject.toml", "[tool]\nlintlaw = 5\n", "'tool.lintlaw' must be a table"),
    ("lintlaw.toml", "[tool]\nlintlaw = [1]\n", "'tool.lintlaw' must be a table"),
    ("lintlaw.toml", "select = 5\n", "'select' must be a list of strings"),
    ("lintlaw.toml", "per-path = [1]\n", "'per-path' entry"),
])
def test_a_configuration_of_the_wrong_shape_is_e302(tmp_path: Path, name: str, body: str, words: str) -> None:
    (tmp_path / name).write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert caught.value.code == "E302" and words in caught.value.message and caught.value.file.endswith(name)
