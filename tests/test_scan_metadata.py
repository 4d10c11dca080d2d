"""Path patterns, sidecar files and metadata precedence; the lazy walk."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintlaw.errors import ConfigError, InputError
from lintlaw.scan.metadata import PathPattern, merge_metadata, parse_sidecar
from lintlaw.scan.walk import count_candidates, display_path, iter_candidates


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("{jurisdiction}/{year}/*", "de/2016/prostschg.txt", {"jurisdiction": "de", "year": "2016"}),
        ("{jurisdiction}/{year}/*", "de/prostschg.txt", {}),
        ("{jurisdiction}_*_{year}.txt", "ca_pcepa-criminal-code-286_2014.txt", {"jurisdiction": "ca", "year": "2014"}),
        ("**/{jurisdiction}/*", "a/b/fr/loi.md", {"jurisdiction": "fr"}),
        ("**/{jurisdiction}/*", "fr/loi.md", {"jurisdiction": "fr"}),
        ("/{jurisdiction}/?.txt/", "uk/a.txt", {"jurisdiction": "uk"}),
        ("{jurisdiction}/{year}.txt", "uk/199x.pdf", {}),
    ],
)
def test_path_pattern_extracts_fields(pattern: str, path: str, expected: dict) -> None:
    assert PathPattern(pattern).extract(path) == expected


@pytest.mark.parametrize("pattern", ["", "/", "*/*", "{jurisdiction", "{a}/{a}", "{bad name}/*", "x}/{y}"])
def test_bad_path_patterns_are_coded_errors(pattern: str) -> None:
    with pytest.raises(ConfigError) as info:
        PathPattern(pattern)
    assert info.value.code == "E362"


def test_sidecar_mapping_and_errors() -> None:
    assert parse_sidecar(b"jurisdiction: Ruritania\nyear: 2001\n", "a.txt.yaml") == {
        "jurisdiction": "Ruritania",
        "year": 2001,
    }
    assert parse_sidecar(b"", "a.txt.yaml") == {}
    with pytest.raises(InputError) as info:
        parse_sidecar(b"title: ok\nyear: [2001\n", "a.txt.yaml")
    assert (info.value.code, info.value.file, info.value.line) == ("E108", "a.txt.yaml", 3)
    with pytest.raises(InputError) as info:
        parse_sidecar(b"- a list\n", "b.txt.yaml")
    assert info.value.code == "E108" and "mapping" in info.value.message
    with pytest.raises(InputError):
        parse_sidecar(b"\xff\xfe\x00bad", "c.txt.yaml")


def test_merge_metadata_earlier_sources_win() -> None:
    merged = merge_metadata({"year": "1999"}, {"year": 2000, "source": "s"}, {"jurisdiction": "x", "source": "p"})
    assert merged == {"year": "1999", "source": "s", "jurisdiction": "x"}


def test_walk_is_sorted_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    for name in ["b/z.txt", "b/a.md", "a.pdf", ".git/x.txt", "b/.hidden.txt", "notes.yaml", "img.png", "c/d/e.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = list(iter_candidates([tmp_path]))
    assert [c.relative for c in found] == ["a.pdf", "b/a.md", "b/z.txt", "c/d/e.html"]
    assert found[1].key == f"{tmp_path.as_posix()}/b/a.md"
    assert count_candidates([tmp_path], lambda p: p.suffix == ".md") == 3
    (tmp_path / "named.weird").write_text("x", encoding="utf-8")
    assert [c.relative for c in iter_candidates([tmp_path / "named.weird"])] == ["named.weird"]


def test_walk_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    walker = iter_candidates([tmp_path, tmp_path / "missing"])
    assert next(walker).relative == "a.txt"  # the first root is walked before the second is checked
    with pytest.raises(InputError):
        next(walker)


def test_display_path_is_normalised() -> None:
    assert display_path("corpus/") == display_path("./corpus") == "corpus"
    assert display_path("corpus/./de/../de/x.txt") == "corpus/de/x.txt"
