"""normalize(): folds typography one character for one character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lintlaw.ingest.normalize import _FOLD, normalize


def test_every_fold_is_one_ascii_character() -> None:
    for source, target in _FOLD.items():
        assert len(source) == 1 and len(target) == 1 and target.isascii()


def test_examples() -> None:
    assert normalize("„Prostitution“ – § 1\u00a0Abs.\u202f2 …") == '"Prostitution" - § 1 Abs. 2 .'
    assert normalize("l\u2019exploitation d\u02bcautrui") == "l'exploitation d'autrui"
    assert normalize("page\x0cbreak\nline") == "page break\nline"


@given(st.text())
def test_length_is_kept_and_lf_untouched(text: str) -> None:
    folded = normalize(text)
    assert len(folded) == len(text)
    assert [i for i, c in enumerate(folded) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
