"""A broken rule file gives a RuleError that names the file and the line of the fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintlaw.engine import load_rules
from lintlaw.errors import RuleError
from test_rules_support import rule_yaml, write_pack

GOOD = rule_yaml("LL950", "broken-fixture", "    - terms: [sells a person]")


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def load_with(tmp_path: Path, text: str) -> tuple[Path, RuleError]:
    root = write_pack(tmp_path / "pack")
    path = root / "sales" / "broken-fixture.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules([root], include_default=False)
    assert caught.value.file == str(path)
    return path, caught.value


def test_the_unbroken_rule_loads(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "pack")
    (root / "sales" / "broken-fixture.yaml").write_text(GOOD, encoding="utf-8")
    assert [r.code for r in load_rules([root], include_default=False).rules] == ["LL901", "LL902", "LL950"]


def test_yaml_syntax_error(tmp_path: Path) -> None:
    text = GOOD.replace("title: Fixture rule LL950", "title: [Fixture rule LL950")
    path, error = load_with(tmp_path, text)
    assert error.code == "E201" and "invalid YAML" in error.message
    # the unclosed '[' on the title line is noticed at the next key, which YAML reports
    assert (error.line, error.column) == (line_of(text, "kind:"), 5)
    assert str(error).startswith(f"{path}:{error.line}:")


def test_unknown_field(tmp_path: Path) -> None:
    text = GOOD.replace("severity: warning\n", "severity: warning\ncolour: red\n")
    path, error = load_with(tmp_path, text)
    assert (error.code, error.line) == ("E202", line_of(text, "colour:"))
    assert "unknown field 'colour'" in error.message


def test_bad_kind(tmp_path: Path) -> None:
    text = GOOD.replace("kind: phrase", "kind: regexp")
    path, error = load_with(tmp_path, text)
    assert (error.code, error.line) == ("E202", line_of(text, "kind:"))
    assert "'kind' must be one of" in error.message


def test_missing_lexicon(tmp_path: Path) -> None:
    text = GOOD.replace("    - terms: [sells a person]", "    - terms: [sells a person]\n    - lexicon: no-such-words")
    path, error = load_with(tmp_path, text)
    assert (error.code, error.line) == ("E204", line_of(text, "no-such-words"))
    assert "unknown lexicon 'no-such-words'" in error.message
