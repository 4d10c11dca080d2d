"""Docs cannot drift: docs/rules.md is what the rule YAML generates, every rule and every command is
documented, and every code of the eval and rule commands is in docs/errors.md.

Regenerate docs/rules.md after changing a rule with ``.venv/bin/python -m lintlaw.rulesdoc``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lintlaw.engine import load_rules
from lintlaw.rulesdoc import DOCS_PATH, anchor, bundled_rules_doc, escape, render_rules_doc, slug
from test_rules_support import write_pack

ROOT = Path(__file__).resolve().parent.parent
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)


def test_rules_md_is_up_to_date() -> None:
    assert DOCS_PATH == ROOT / "docs" / "rules.md"
    expected = bundled_rules_doc()
    current = DOCS_PATH.read_text(encoding="utf-8") if DOCS_PATH.is_file() else ""
    assert current == expected, "docs/rules.md is stale: run .venv/bin/python -m lintlaw.rulesdoc"


def test_every_rule_has_its_anchor_in_rules_md() -> None:
    text = DOCS_PATH.read_text(encoding="utf-8")
    anchors = {slug(h) for h in HEADING.findall(text)}
    rules = load_rules().rules
    assert rules, "the bundled pack has no rules"
    missing = [r.code for r in rules if anchor(r) not in anchors or f"(#{anchor(r)})" not in text]
    assert not missing, f"rules without a section in docs/rules.md: {missing}"
    for rule in rules:
        assert rule.help_url.endswith(f"/docs/rules/{rule.code}.md")


def test_every_command_is_in_the_readme() -> None:
    import typer.main

    from lintlaw.cli.app import app

    def paths(command, prefix: str = "") -> list[str]:
        found = []
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            found.append(f"{prefix}{name}")
            found += paths(sub, f"{prefix}{name} ")
        return found

    commands = paths(typer.main.get_command(app))
    assert {"check", "rules", "rule", "eval"} <= set(commands)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in commands if not re.search(rf"`lintlaw {re.escape(c)}\b", readme)]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_eval_and_rule_error_codes_are_documented() -> None:
    from lintlaw.cli.rules import E_UNKNOWN_RULE
    from lintlaw.evaluate import model

    errors_md = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    codes = [getattr(model, name) for name in dir(model) if re.fullmatch(r"E4\d\d", name)] + [E_UNKNOWN_RULE]
    assert len(codes) == 5
    missing = [c for c in codes if f"| {c} |" not in errors_md]
    assert not missing, f"codes missing from docs/errors.md: {missing}"
    eval_md = (ROOT / "docs" / "eval.md").read_text(encoding="utf-8")
    assert all(f"| {c} |" in eval_md for c in codes if c.startswith("E4"))


def test_generated_doc_shape(tmp_path: Path) -> None:
    rules = load_rules([write_pack(tmp_path)], include_default=False).rules
    text = render_rules_doc(reversed(rules))
    assert text.startswith("<!-- Generated from rules/**/*.yaml")
    assert "| LL901 | [person-sale](#ll901-person-sale) | Fixture rule LL901 | phrase | warning | protocol |" in text
    assert text.index("## LL901 person-sale") < text.index("## LL902 vice-words")
    assert "### What it flags" in text and "\n## What it flags" not in text
    assert "- Depravity is not yet flagged." in text and text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("5. (1) Any *person*", "5\\. (1) Any \\*person\\*"),
        ("- a dash", "\\- a dash"),
        ("a | b [c] <d> `e` _f_", "a \\| b \\[c\\] \\<d\\> \\`e\\` \\_f\\_"),
        ("two\n   lines", "two lines"),
    ],
)
def test_escape_keeps_text_literal(raw: str, shown: str) -> None:
    assert escape(raw) == shown


def test_slug_matches_github() -> None:
    assert slug("LL101 consent-irrelevant-for-adults") == "ll101-consent-irrelevant-for-adults"
    assert slug("Known gaps: should be flagged") == "known-gaps-should-be-flagged"


def test_every_rule_has_an_up_to_date_page_of_its_own() -> None:
    from lintlaw.rulesdoc import PAGES_DIR, stale_docs
    from lintlaw.suppress.meta import META_RULES

    assert stale_docs() == [], "docs are stale: run .venv/bin/python -m lintlaw.rulesdoc"
    for rule in [*load_rules().rules, *META_RULES.values()]:
        page = (PAGES_DIR / f"{rule.code}.md").read_text(encoding="utf-8")
        assert page.splitlines()[2] == f"# {rule.code} {rule.name}"
        assert rule.help_url.endswith(f"docs/{(PAGES_DIR / f'{rule.code}.md').relative_to(ROOT / 'docs').as_posix()}")


def test_help_urls_point_at_the_release_tag() -> None:
    from lintlaw import __version__
    from lintlaw.rulepack import PROJECT_URL

    rule = load_rules().rules[0]
    assert rule.help_url == f"{PROJECT_URL}/blob/v{__version__}/docs/rules/{rule.code}.md"


def test_public_sources_are_linked_in_the_docs() -> None:
    from lintlaw.sourcelinks import PUBLIC_SOURCES, source_url

    titles = [s["title"] for r in load_rules().rules for s in r.sources]
    for prefix, url in PUBLIC_SOURCES:
        assert any(t.startswith(prefix) for t in titles), f"no rule cites {prefix!r}"
        assert url.startswith("https://")
    linked = [t for t in titles if source_url({"title": t})]
    assert len(linked) >= len(titles) // 2
    text = DOCS_PATH.read_text(encoding="utf-8")
    assert "(<https://undocs.org/A/55/383/Add.1>)" in text
