"""Documents beyond spaCy's max_length are linted clause by clause (and chunk by chunk)."""

from __future__ import annotations

from lintlaw.api import lint_text
from lintlaw.engine import load_rules


def test_one_unnumbered_paragraph_of_more_than_a_million_characters():
    filler = "The Minister shall publish an annual report on the implementation of this Act. " * 14_000
    offence = "Whoever procures or leads away a woman for prostitution in another country, even with her consent, shall be punished. "
    text = filler + offence + filler
    assert len(text) > 2_000_000
    findings = lint_text(text, ruleset=load_rules().subset(["LL101"]))
    assert [f.match for f in findings] == ["even with her consent"]
    assert text[findings[0].start:findings[0].end] == "even with her consent"
