"""``lintlaw outline``: the text tree, the JSON tree, --depth, and coded input errors.

Output is checked in-process with typer's runner; errors and exit codes through ``python -m
lintlaw`` (the ``cli`` fixture), where the app's error guard prints them.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lintlaw.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
PALERMO = "corpus/laws/un_palermo-protocol_2000.txt"
BILL = "corpus/bills/anti-trafficking-bill-conflated.md"


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(app, ["outline", *args], input=input, catch_exceptions=False)


def test_text_tree_shows_label_kind_id_line_and_own_text(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = invoke(PALERMO)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "Chapter I  chapter  other  ch_i  L25  [General Provisions]" in lines
    assert ("    Art. 3(d)  definition  definition  art_3__para_d  L54  "
            "\"Child\" shall mean any person under eighteen years of age.") in lines
    row = next(line for line in lines if " art_3__para_a " in line)
    assert row.startswith("    Art. 3(a)  definition  definition  art_3__para_a  L51  \"Trafficking in persons\"")
    assert row.endswith("…") and len(row.split("  L51  ")[1]) <= 70
    assert "  Art. 3 [Use of terms]  article  definition  art_3  L46  For the purposes of this Protocol:" in lines


def test_depth_limits_the_tree(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = invoke(PALERMO, "--depth", "1")
    assert result.exit_code == 0
    assert [line.split("  ")[0] for line in result.output.splitlines()] == [
        "Text 1", "Preamble", "Chapter I", "Chapter II", "Chapter III", "Chapter IV", "Text 2"]


def test_json_tree_carries_every_field(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = invoke(BILL, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema_version"] == 2 and data["errors"] == []
    (entry,) = data["files"]
    assert (entry["path"], entry["tradition"], entry["language"]) == (BILL, "commonwealth", "en")
    root = entry["outline"]
    assert root["id"] == "doc" and root["kind"] == "document"
    part = root["children"][1]
    assert {k: part[k] for k in ("id", "label", "kind", "num", "heading", "line", "end_line")} == {
        "id": "part_1", "label": "Part 1", "kind": "part", "num": "1", "heading": "Preliminary",
        "line": 11, "end_line": 21}
    definition = part["children"][1]["children"][0]
    assert {k: definition[k] for k in ("id", "kind", "term", "label")} == {
        "id": "sec_2__def_child", "kind": "definition", "term": "child", "label": 's. 2 "child"'}
    assert definition["text"] == '"child" means a person under the age of sixteen years;'
    assert entry["clauses"] == sum(1 for _ in _walk(root)) - 1


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def test_json_depth_keeps_the_shape_and_empties_deeper_children(monkeypatch):
    monkeypatch.chdir(ROOT)
    data = json.loads(invoke(BILL, "-f", "json", "--depth", "1").output)
    parts = data["files"][0]["outline"]["children"]
    assert [p["id"] for p in parts] == ["text_1", "part_1", "part_2", "part_3"]
    assert all(p["children"] == [] for p in parts)


def test_standard_input_and_folders(monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)
    result = invoke("-", input="1. A person commits an offence.\n(a) first\n")
    assert result.exit_code == 0
    assert result.output.splitlines()[1] == "  s. 1(a)  paragraph  offence  sec_1__para_a  L2  first"
    (tmp_path / "a.txt").write_text("Article 1\n\nThe Parties agree.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\n1. Text.\n", encoding="utf-8")
    result = invoke(str(tmp_path))
    assert result.exit_code == 0
    headers = [line for line in result.output.splitlines() if line.startswith("== ")]
    assert headers == [f"== {tmp_path / 'a.txt'} (commonwealth)", f"== {tmp_path / 'b.md'} (commonwealth)"]


def test_a_bad_single_file_is_a_coded_error_with_exit_2(tmp_path, cli):
    result = cli("outline", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"lintlaw: {tmp_path / 'missing.txt'}: E101 no such file or directory"


def test_several_files_print_each_error_and_the_readable_outlines(tmp_path, cli):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = cli("outline", str(tmp_path / "missing.txt"), BILL, str(empty))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert errors[0] == f"lintlaw: {tmp_path / 'missing.txt'}: E101 no such file or directory"
    assert errors[1].startswith(f"lintlaw: {empty}: E102 ")
    assert f"== {BILL} (commonwealth)" in result.stdout
    assert "sec_4__para_c" in result.stdout


def test_unknown_format_is_a_usage_error(cli):
    result = cli("outline", BILL, "--format", "xml")
    assert result.returncode == 2
    assert "E305 unknown --format 'xml'" in result.stderr
    result = cli("outline", BILL, "--depth", "0")
    assert result.returncode == 2 and "E300 --depth must be 1 or more" in result.stderr
