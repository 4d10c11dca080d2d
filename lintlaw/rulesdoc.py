"""Rule documentation from the rule YAML: ``docs/rules.md`` and one page per rule, ``docs/rules/LL101.md``.

The same Markdown is shown by ``lintlaw rule NAME`` and written to the docs, so they cannot
disagree. ``docs/rules.md`` lists every rule with a section each; ``docs/rules/<code>.md`` is the
stable page that every output links a finding to (``Rule.help_url``, SARIF ``helpUri``), also
for lintlaw's own suppression rules (LL900, LL901).

Regenerate the files after changing a rule::

    .venv/bin/python -m lintlaw.rulesdoc           # write docs/rules.md and docs/rules/*.md
    .venv/bin/python -m lintlaw.rulesdoc --check   # exit 1 if any of them is stale
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any, Iterable, Sequence

from lintlaw.engine.rule import Rule
from lintlaw.sourcelinks import source_url

DOCS_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
PAGES_DIR = DOCS_PATH.parent / "rules"
GENERATED_NOTE = (
    "<!-- Generated from rules/**/*.yaml by `python -m lintlaw.rulesdoc`; do not edit by hand. -->"
)
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([#+\->=])")
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchor(rule: Rule) -> str:
    """The anchor of a rule's section, as in ``Rule.help_url``."""
    return slug(f"{rule.code} {rule.name}")


def escape(text: str) -> str:
    """One line of literal text that Markdown shows as written (no emphasis, links or lists)."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)


def shift_headings(markdown: str, levels: int) -> str:
    """Demote every ATX heading by ``levels`` (a rule's ``## What it flags`` under its own heading)."""
    return _HEADING.sub(lambda m: "#" * min(6, len(m[1]) + levels) + " ", markdown) if levels > 0 else markdown


def _source(source: dict[str, Any]) -> str:
    text = escape(str(source["title"]))
    if source.get("pinpoint"):
        text += f" — **{escape(str(source['pinpoint']))}**"
    url = source_url(source)
    if url:
        text += f" (<{url}>)"
    return f"- {text}"


def _examples(title: str, texts: Sequence[str]) -> list[str]:
    return [f"**{title}**", "", *(f"- {escape(t)}" for t in texts), ""] if texts else []


def rule_markdown(rule: Rule, level: int = 2) -> str:
    """The full documentation of one rule as Markdown, its heading at ``level``."""
    sub = "#" * (level + 1)
    facts = f"`{rule.kind}` rule · severity `{rule.severity}` · stance `{rule.stance}` · scope `{rule.scope}`"
    facts += f" · precision `{rule.precision}`"
    if rule.tags:
        facts += " · tags " + ", ".join(f"`{t}`" for t in rule.tags)
    lines = [
        f"{'#' * level} {rule.code} {rule.name}", "",
        f"**{escape(rule.title or rule.name)}**", "",
        facts, "",
        f"> {escape(rule.message)}", "",
        shift_headings(rule.description.strip(), level + 1 - 2), "",
    ]
    if rule.suggestion:
        lines += [f"{sub} Suggested wording", "", f"> {escape(rule.suggestion)}", ""]
    lines += [f"{sub} Sources", "", *(_source(s) for s in rule.sources), ""]
    lines += [f"{sub} Examples", ""]
    lines += _examples("Flagged", rule.examples.get("flag", []))
    lines += _examples("Not flagged", rule.examples.get("pass", []))
    lines += _examples("Known gaps: should be flagged but are not yet", rule.todo.get("flag", []))
    lines += _examples("Known gaps: flagged but should not be", rule.todo.get("pass", []))
    return "\n".join(lines).rstrip() + "\n"


def rule_record(rule: Rule) -> dict[str, Any]:
    """Everything ``lintlaw rule --format json`` shows about a rule."""
    return {
        **rule.summary(),
        "precision": rule.precision,
        "tags": list(rule.tags),
        "message": rule.message,
        "description": rule.description,
        "suggestion": rule.suggestion,
        "sources": [dict(s) for s in rule.sources],
        "examples": {"flag": list(rule.examples.get("flag", [])), "pass": list(rule.examples.get("pass", []))},
        "todo": {"flag": list(rule.todo.get("flag", [])), "pass": list(rule.todo.get("pass", []))},
        "help": rule.help_url,
    }


def render_rules_doc(rules: Iterable[Rule]) -> str:
    """``docs/rules.md``: an index table, then one section per rule, in code order."""
    rules = sorted(rules, key=lambda r: r.code)
    lines = [
        GENERATED_NOTE, "",
        "# Rules", "",
        "Every rule in the bundled pack, generated from its YAML file under `rules/<topic>/`. "
        "`lintlaw rule CODE` shows the same text in a terminal. **Stance** `protocol`: the text departs "
        "from the Palermo Protocol; `contested`: a pattern that rights-based bodies criticise but the "
        "Protocol does not forbid.", "",
        "| code | name | title | kind | severity | stance |",
        "|---|---|---|---|---|---|",
    ]
    for rule in rules:
        lines.append(f"| {rule.code} | [{rule.name}](#{anchor(rule)}) | {escape(rule.title or rule.name)} "
                     f"| {rule.kind} | {rule.severity} | {rule.stance} |")
    lines.append("")
    for rule in rules:
        lines += [rule_markdown(rule, level=2)]
    return "\n".join(lines).rstrip() + "\n"


def bundled_rules_doc() -> str:
    """``docs/rules.md`` as the bundled rule pack says it should read."""
    from lintlaw.engine import load_rules

    return render_rules_doc(load_rules().rules)


def rule_page(rule: Rule) -> str:
    """``docs/rules/<code>.md``: the rule's documentation as its own page."""
    return "\n".join([
        GENERATED_NOTE, "",
        rule_markdown(rule, level=1).rstrip(), "",
        "---", "",
        "[All rules](../rules.md) · `lintlaw rule " + rule.code + "` shows this page in a terminal.",
    ]) + "\n"


def bundled_rule_pages() -> dict[str, str]:
    """File name → text for every rule of the bundled pack and lintlaw's own suppression rules."""
    from lintlaw.engine import load_rules
    from lintlaw.suppress.meta import META_RULES

    rules = [*load_rules().rules, *META_RULES.values()]
    return {f"{rule.code}.md": rule_page(rule) for rule in sorted(rules, key=lambda r: r.code)}


def stale_docs() -> list[Path]:
    """Generated files that differ from what the rule YAML says, and pages of rules that are gone."""
    stale = []
    if not DOCS_PATH.is_file() or DOCS_PATH.read_text(encoding="utf-8") != bundled_rules_doc():
        stale.append(DOCS_PATH)
    pages = bundled_rule_pages()
    for name, text in pages.items():
        path = PAGES_DIR / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    if PAGES_DIR.is_dir():
        stale += sorted(p for p in PAGES_DIR.glob("*.md") if p.name not in pages)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``docs/rules.md`` and ``docs/rules/*.md`` (or, with ``--check``, exit 1 when stale)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--check" in args:
        stale = stale_docs()
        for path in stale:
            sys.stderr.write(f"{path} is stale: run python -m lintlaw.rulesdoc\n")
        return 1 if stale else 0
    DOCS_PATH.write_text(bundled_rules_doc(), encoding="utf-8")
    PAGES_DIR.mkdir(exist_ok=True)
    pages = bundled_rule_pages()
    for name, text in pages.items():
        (PAGES_DIR / name).write_text(text, encoding="utf-8")
    for path in PAGES_DIR.glob("*.md"):
        if path.name not in pages:
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
