"""Small rule packs written into tmp_path, so CLI and loader tests do not depend on the bundled rules.

No tests here: the helpers are imported by ``test_rules_*``, ``test_eval_*`` and ``test_docs_*``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

LEXICON = """\
name: fixture-words
description: Words for the fixture rules.
source: tests
entries:
  sale: [sells a person, sale of a person]
  vice: [vice, debauchery]
"""


def rule_yaml(code: str, name: str, match: str, *, kind: str = "phrase", extra: str = "") -> str:
    """A valid rule file; ``match`` is the YAML of the ``match:`` block's ``any`` list items."""
    return f"""\
code: {code}
name: {name}
title: Fixture rule {code}
kind: {kind}
severity: warning
stance: protocol
scope: clause
message: Fixture message for {name}.
description: |
  ## What it flags
  Fixture text with *emphasis* for {name}.

  ## Why it matters
  Because tests need it.

  ## Better drafting
  Write something else.
suggestion: Use neutral words.
sources:
  - title: A fixture source
    pinpoint: Art. 1
    url: https://example.org/source
match:
  any:
{match}
examples:
  flag: ["He sells a person.", "A sale of a person.", "It sells a person twice."]
  pass: ["He sells a car.", "A sale of goods.", "Nothing here."]
{extra}"""


def write_pack(root: Path) -> Path:
    """A rule folder with one lexicon and two rules (LL901 sale, LL902 vice); returns the folder."""
    (root / "lexicons").mkdir(parents=True, exist_ok=True)
    (root / "lexicons" / "fixture-words.yaml").write_text(LEXICON, encoding="utf-8")
    (root / "sales").mkdir(exist_ok=True)
    (root / "sales" / "person-sale.yaml").write_text(
        rule_yaml("LL901", "person-sale", "    - lexicon: fixture-words\n      entries: [sale]"), encoding="utf-8"
    )
    (root / "drafting").mkdir(exist_ok=True)
    (root / "drafting" / "vice-words.yaml").write_text(
        rule_yaml("LL902", "vice-words", "    - lexicon: fixture-words\n      entries: [vice]",
                  extra="todo_flag: [\"Depravity is not yet flagged.\"]\n"),
        encoding="utf-8",
    )
    return root


@pytest.fixture
def fixture_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the fixture pack the bundled pack for the duration of a test."""
    from lintlaw.engine import loader

    root = write_pack(tmp_path / "pack")
    monkeypatch.setattr(loader, "default_rule_dirs", lambda: [root])
    return root
