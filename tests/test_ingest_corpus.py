"""Every law in the sample corpus reads with its front matter, the right language and sane offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lintlaw.ingest import iter_paths, read_path
from lintlaw.ingest.language import guess

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "laws"
LAWS = sorted(CORPUS.glob("*.txt"))
EXPECTED_LANGUAGE = {
    "intl_white-slave-traffic-agreement_1904.txt": "fr",
    "intl_white-slave-traffic-convention_1910.txt": "fr",
    "de_prostschg_2016.txt": "de",
}


def test_the_sample_corpus_is_there() -> None:
    assert len(LAWS) >= 10


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.mark.parametrize("path", LAWS, ids=[p.name for p in LAWS])
def test_corpus_file(path: Path) -> None:
    doc = read_path(path, display=f"corpus/{path.name}")
    expected = _front_matter(path)
    assert doc.path == f"corpus/{path.name}"
    assert doc.text == path.read_text(encoding="utf-8")
    assert len(doc.norm) == len(doc.text)
    for key in ("title", "jurisdiction", "language", "source", "completeness"):
        assert doc.metadata[key] == expected[key]
    assert doc.metadata["year"] == str(expected["year"]) and len(doc.metadata["year"]) == 4
    assert doc.title == expected["title"]
    language = expected["language"]
    assert language == EXPECTED_LANGUAGE.get(path.name, language)
    assert doc.language == language
    # The body alone (front matter removed) is recognised as the same language.
    assert guess(doc.text[doc.body_start :]) == language
    assert doc.text[: doc.body_start].rstrip().endswith("---")
    assert doc.position(doc.body_start) == (doc.text[: doc.body_start].count("\n") + 1, 1)


def test_folder_expansion_yields_every_law() -> None:
    found = [Path(display).name for display, _ in iter_paths([str(CORPUS)])]
    assert [name for name in found if name.endswith(".txt")] == [p.name for p in LAWS]
