"""Reading cases files: the valid format, and a coded error naming file, case and line for each fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintlaw.evaluate import EvalError, Expectation, load_cases

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def write(tmp_path: Path, text: str, name: str = "cases.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> EvalError:
    with pytest.raises(EvalError) as caught:
        load_cases(path)
    assert caught.value.file == str(path)
    return caught.value


def test_fixture_cases_load_with_their_fields() -> None:
    cases = load_cases(FIXTURES / "cases.yaml")
    by_id = {c.id: c for c in cases}
    assert list(by_id) == [
        "anywhere-hit", "anywhere-miss", "quote-list", "quote-mismatch", "allowed", "duplicates",
        "empty-expect", "typographic", "file-with-front-matter", "file-missing",
    ]
    assert by_id["anywhere-hit"].line == 2 and by_id["anywhere-hit"].source == "authored example"
    assert by_id["quote-list"].expect == [Expectation("rule-a", ("not in the text", "ABOUT   harbouring"))]
    assert by_id["duplicates"].expect == [Expectation("rule-a")]  # identical entries count once
    assert by_id["allowed"].allow == frozenset({"rule-b"})
    assert by_id["empty-expect"].expect == []
    file_case = by_id["file-with-front-matter"]
    assert file_case.text is None and file_case.file == FIXTURES / "laws" / "with-front-matter.md"
    assert file_case.file_ref == "laws/with-front-matter.md"
    assert all(c.index == i for i, c in enumerate(cases))


def test_optional_fields_and_lenient_shapes(tmp_path: Path) -> None:
    path = write(tmp_path, "- id: 7\n  language: fr\n  text: Le texte.\n  allow: moralising-language\n")
    (case,) = load_cases(path)
    assert case.id == "7" and case.language == "fr" and case.expect == []
    assert case.allow == frozenset({"moralising-language"})


@pytest.mark.parametrize(
    ("text", "code", "line", "words"),
    [
        ("- id: a\n  text: [unclosed\n", "E402", 3, "invalid YAML"),
        ("id: a\ntext: x\n", "E403", 1, "a YAML list of cases, not a mapping"),
        ("", "E403", 1, "not empty"),
        ("just text\n", "E403", 1, "not the scalar 'just text'"),
        ("[]\n", "E403", 1, "no cases"),
        ("- id: a\n  text: x\n- just a string\n", "E404", 1, "case 2: a case must be a mapping"),
        ("- source: s\n  text: x\n", "E404", 1, "case 1: missing or empty 'id'"),
        ("- id: a\n  text: x\n- id: a\n  text: y\n", "E404", 3, "case 2 ('a'): duplicate id (first used by case 1)"),
        ("- id: a\n  text: x\n  file: f.txt\n", "E404", 1, "exactly one of 'text' or 'file'"),
        ("- id: a\n  source: s\n", "E404", 1, "exactly one of 'text' or 'file'"),
        ("- id: a\n  text: '  '\n", "E404", 2, "'text' must be a non-empty string"),
        ("- id: a\n  text: x\n  expects: [r]\n", "E404", 3, "unknown key 'expects'"),
        ("- id: a\n  text: x\n  expect: consent\n", "E404", 3, "'expect' must be a list"),
        ("- id: a\n  text: x\n  expect: [Consent Rule]\n", "E404", 3, "'Consent Rule' is not a rule name"),
        ("- id: a\n  text: x\n  expect:\n    - quote: q\n", "E404", 4, "needs 'rule'"),
        ("- id: a\n  text: x\n  expect:\n    - rule: r\n      quote: []\n", "E404", 5, "'quote' must be"),
        ("- id: a\n  text: x\n  expect:\n    - rule: r\n      quotes: q\n", "E404", 5, "unknown key 'quotes'"),
        ("- id: a\n  text: x\n  allow: [1]\n", "E404", 3, "1 is not a rule name"),
        ("- id: a\n  text: x\n  language: 3\n", "E404", 3, "'language' must be"),
    ],
)
def test_malformed_files_name_the_place(tmp_path: Path, text: str, code: str, line: int, words: str) -> None:
    error = error_of(write(tmp_path, text))
    assert (error.code, error.line) == (code, line)
    assert words in error.message


def test_yaml_errors_give_line_and_column(tmp_path: Path) -> None:
    error = error_of(write(tmp_path, "- id: a\n  text: x\n  expect: [a\n- id: b\n"))
    assert error.code == "E402" and error.line is not None and error.column is not None
    assert str(error).startswith(f"{tmp_path / 'cases.yaml'}:{error.line}:{error.column}: E402 invalid YAML")


def test_unreadable_files(tmp_path: Path) -> None:
    assert error_of(tmp_path / "missing.yaml").code == "E401"
    assert error_of(tmp_path).code == "E401"
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"- id: a\n  text: caf\xe9\n")
    error = error_of(bad)
    assert (error.code, error.line) == ("E401", 2)


def test_the_public_development_set_loads() -> None:
    dev = Path(__file__).resolve().parent / "fixtures" / "eval" / "dev.yaml"
    cases = load_cases(dev)
    assert len({c.id for c in cases}) == len(cases) > 0
    assert all(c.file is None or c.file.is_file() for c in cases)
