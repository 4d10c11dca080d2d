"""The Protocol as reference data: rebuilt from its text, stable ids, elements tied to the lexicons."""

from __future__ import annotations

import re

import pytest
import yaml

from lintlaw.errors import ConfigError, InputError
from lintlaw.protocol import build_reference
from lintlaw.protocol.lexicon import get_matcher, load_vocabulary
from lintlaw.protocol.reference import CATEGORIES, available_languages, load_reference, reference_dir
from conftest import LAWS
from test_compare_support import REFERENCE


def test_committed_yaml_is_rebuilt_from_the_text_unchanged():
    built = build_reference.dump(build_reference.build(REFERENCE / "un_palermo-protocol_2000.txt"))
    committed = (REFERENCE / "palermo-protocol.en.yaml").read_text(encoding="utf-8")
    assert built == committed, "run: .venv/bin/python -m lintlaw.protocol.build_reference"


def test_reference_text_is_the_sample_corpus_file_unchanged():
    law = LAWS / "un_palermo-protocol_2000.txt"
    assert (REFERENCE / "un_palermo-protocol_2000.txt").read_bytes() == law.read_bytes()


def test_provisions_have_stable_ids_and_labels():
    ref = load_reference()
    assert reference_dir() == REFERENCE
    assert [a.id for a in ref.articles] == [f"art_{n}" for n in range(1, 21)]
    assert ref.get("art_3__para_a").label == "Art. 3(a)"
    assert ref.get("art_5__para_2__subpara_c").label == "Art. 5(2)(c)"
    assert ref.get("art_9__para_5").text.startswith("States Parties shall adopt or strengthen")
    assert ref.article("14").heading == "Saving clause"
    assert ref.definition.text.startswith('"Trafficking in persons" shall mean the recruitment')
    ids = [p.id for p in ref.provisions()]
    assert len(ids) == len(set(ids))


def test_every_numbered_line_of_the_text_is_one_provision():
    ref = load_reference()
    text = (REFERENCE / "un_palermo-protocol_2000.txt").read_text(encoding="utf-8")
    _, body = build_reference.split_front_matter(text, "x")
    numbered = [m.group(1) for m in re.finditer(r"^(?:\d+\.|[a-z]\))\s+(.+)$", body, re.MULTILINE)]
    texts = [p.text for p in ref.provisions() if p.kind != "article"]
    assert texts == numbered
    intro = [p.text for p in ref.articles if p.text]
    assert "For the purposes of this Protocol:" in intro
    assert ref.preamble.startswith("The States Parties to this Protocol,")


def test_element_ids_are_lexicon_entries_and_the_protocol_wording_finds_them():
    ref = load_reference()
    vocabulary = load_vocabulary()
    matcher = get_matcher("en")
    for category in CATEGORIES:
        for element in ref.elements[category]:
            assert (category, element.id) in vocabulary.phrases, (category, element.id)
            if "…" in element.text:
                continue
            hits = [m for m in matcher.find(element.text) if m.category == category]
            assert element.id in {m.element for m in hits}, (category, element.id, element.text)


def test_only_english_is_shipped_and_the_readme_says_why():
    assert available_languages() == ["en"]
    readme = (REFERENCE / "README.md").read_text(encoding="utf-8")
    assert "The reference data ships English only" in readme
    front = (REFERENCE / "un_palermo-protocol_2000.txt").read_text(encoding="utf-8").split("---")[1]
    assert front.strip() in readme


def test_unknown_language_is_a_coded_error_naming_the_file():
    with pytest.raises(ConfigError) as err:
        load_reference("fr")
    assert err.value.code == "E341"
    assert "palermo-protocol.fr.yaml" in str(err.value)


def test_malformed_reference_data_is_a_coded_error(tmp_path):
    (tmp_path / "palermo-protocol.en.yaml").write_text("articles: [\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_reference("en", tmp_path)
    assert err.value.code == "E341"
    (tmp_path / "palermo-protocol.en.yaml").write_text(yaml.safe_dump({"articles": []}), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_reference("en", tmp_path)


def test_text_without_front_matter_or_with_stray_lines_is_refused(tmp_path):
    with pytest.raises(InputError) as err:
        build_reference.split_front_matter("Article 1\nHeading\n", "p.txt")
    assert err.value.code == "E108"
    with pytest.raises(InputError):
        build_reference.parse_protocol("Title\nArticle 1\nHeading\n1. Text.\nloose line\n", "p.txt")
