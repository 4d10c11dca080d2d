"""Suppression comments and lintlaw-suppressions.toml, on hand-made documents, outlines and findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from lintlaw.errors import ConfigError
from lintlaw.model import Clause, Document, Finding, Outline, assign_fingerprints
from lintlaw.suppress import (
    INVALID,
    UNUSED,
    load_table,
    suppress_document,
    suppress_with_table,
)
from lintlaw.suppress.comments import find_comments, next_clause_span

CODES = {"LL101": "consent-irrelevant-for-adults", "LL105": "client-criminalisation"}
NAMES = {v: k for k, v in CODES.items()}


def resolve(key: str) -> str | None:
    return key if key in CODES else NAMES.get(key)


def everything_active(code: str) -> bool:
    return True


def doc(text: str, fmt: str = "markdown", path: str = "bill.md") -> Document:
    return Document(path=path, text=text, format=fmt)


def finding(document: Document, code: str, phrase: str, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(phrase, start + 1)
    end = start + len(phrase)
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Finding(
        file=document.path, rule=CODES[code], code=code, severity="warning", stance="contested",
        message="m", start=start, end=end, line=line, column=column, end_line=end_line,
        end_column=end_column, clause_id="c", clause_label="c", clause_text=phrase, match=phrase,
    )


def outline_of(document: Document, *numbers: str) -> Outline:
    """A flat outline: one clause per line that starts with one of ``numbers``."""
    root = Clause(id="root", label="", kind="root", start=0, end=len(document.text))
    text = document.text
    starts = [text.index(n) for n in numbers]
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        clause = Clause(id=f"c{i}", label=numbers[i], kind="subsection", start=start, end=end,
                        own_spans=[(start, end)], depth=1, parent=root)
        root.children.append(clause)
    return Outline(document=document, root=root)


BILL = """2. Offences
<!-- lintlaw: ignore-next LL105 reason="Parliament chose this knowingly" -->
(1) A person who buys sex commits an offence.
(2) A person who buys sex from a child commits an offence.

<!-- lintlaw: disable client-criminalisation, LL101 reason='see committee report' -->
(3) Buying sex is an offence. Consent is irrelevant.
(4) Buying sex again.
<!-- lintlaw: enable LL105 -->
(5) Buying sex a third time. Consent is irrelevant.
"""


def test_ignore_next_covers_the_next_clause_only():
    d = doc(BILL)
    outline = outline_of(d, "(1)", "(2)", "(3)", "(4)", "(5)")
    f1 = finding(d, "LL105", "buys sex")
    f2 = finding(d, "LL105", "buys sex", nth=1)
    out = suppress_document(d, outline, [f1, f2], resolve, everything_active)
    assert out.kept == [f2]
    assert [(s.finding, s.kind, s.reason, s.source) for s in out.suppressed] == [
        (f1, "inSource", "Parliament chose this knowingly", "bill.md:2")
    ]
    assert [p.code for p in out.problems] == [UNUSED, UNUSED]  # the disable comment matched nothing


def test_disable_runs_to_the_matching_enable_per_rule():
    d = doc(BILL)
    outline = outline_of(d, "(1)", "(2)", "(3)", "(4)", "(5)")
    findings = [
        finding(d, "LL105", "Buying sex is"),
        finding(d, "LL101", "Consent is irrelevant"),
        finding(d, "LL105", "Buying sex again"),
        finding(d, "LL105", "Buying sex a third"),
        finding(d, "LL101", "Consent is irrelevant", nth=1),
        finding(d, "LL105", "buys sex"),
    ]
    out = suppress_document(d, outline, findings, resolve, everything_active)
    assert [f.match for f in out.kept] == ["Buying sex a third"]
    assert {(s.finding.code, s.finding.match) for s in out.suppressed} == {
        ("LL105", "Buying sex is"), ("LL101", "Consent is irrelevant"), ("LL105", "Buying sex again"),
        ("LL101", "Consent is irrelevant"), ("LL105", "buys sex"),
    }
    assert all(s.reason == "see committee report" for s in out.suppressed if s.source == "bill.md:6")
    assert out.problems == []


def test_unused_suppression_is_reported_where_the_comment_is():
    d = doc(BILL)
    out = suppress_document(d, None, [], resolve, everything_active)
    problems = sorted((p.code, p.line, p.message) for p in out.problems)
    assert [p[:2] for p in problems] == [(UNUSED, 2), (UNUSED, 6), (UNUSED, 6)]
    assert "suppression of LL105 matches no finding" in problems[0][2]
    first = next(p for p in out.problems if p.line == 2)
    assert first.column == 1 and first.match.startswith("<!-- lintlaw: ignore-next")
    assert first.rule == "unused-suppression" and first.severity == "warning" and first.fingerprint


def test_suppression_of_a_rule_that_did_not_run_is_not_called_unused():
    d = doc(BILL)
    out = suppress_document(d, None, [], resolve, lambda code: code != "LL105")
    assert [(p.code, p.line) for p in out.problems] == [(UNUSED, 6)]  # only the LL101 part


@pytest.mark.parametrize(
    ("comment", "message"),
    [
        ("<!-- lintlaw: disable -->", "'disable' must name the rule"),
        ("<!-- lintlaw: disable all -->", "no rule named 'all'"),
        ("<!-- lintlaw: disable LL999 -->", "no rule named 'LL999'"),
        ("<!-- lintlaw: silence LL105 -->", "unknown action 'silence'"),
        ("<!-- lintlaw: enable LL105 -->", "'enable LL105' without a matching 'disable'"),
        ("<!-- lintlaw: ignore-next LL105 reason=because -->", 'reason must be quoted'),
        ("<!-- lintlaw: -->", "empty lintlaw comment"),
        ("<!-- lintlaw: disable LL105 -->\n<!-- lintlaw: disable LL105 -->", "LL105 is already disabled on line 1"),
    ],
)
def test_malformed_comments_are_reported(comment, message):
    d = doc(comment + "\n(1) Buying sex is an offence.\n")
    out = suppress_document(d, None, [], resolve, lambda code: False)
    invalid = [p for p in out.problems if p.code == INVALID]
    assert len(invalid) == 1 and message in invalid[0].message
    assert invalid[0].file == "bill.md" and invalid[0].line >= 1


def test_comments_are_ignored_in_formats_that_cannot_hold_them():
    d = doc("<!-- lintlaw: disable LL105 -->\nBuying sex.\n", fmt="pdf")
    f = finding(d, "LL105", "Buying sex")
    out = suppress_document(d, None, [f], resolve, everything_active)
    assert out.kept == [f] and not out.suppressed and not out.problems


def test_ignore_next_without_an_outline_takes_the_next_paragraph():
    text = "<!-- lintlaw: ignore-next LL105 -->\n\nFirst line\nsecond line\n\nNext paragraph.\n"
    d = doc(text)
    start, end = next_clause_span(d, None, text.index("-->") + 3)
    assert text[start:end] == "First line\nsecond line"


def test_ignore_next_picks_the_outermost_clause_that_starts_next():
    text = "<!-- lintlaw: ignore-next LL105 -->\n(1) chapeau:\n(a) item\n(2) other\n"
    d = doc(text)
    root = Clause(id="root", label="", kind="root", start=0, end=len(text))
    one = Clause(id="s1", label="(1)", kind="subsection", start=text.index("(1)"), end=text.index("(2)"),
                 parent=root, depth=1)
    item = Clause(id="s1a", label="(1)(a)", kind="paragraph", start=text.index("(a)"), end=text.index("(2)"),
                  parent=one, depth=2)
    two = Clause(id="s2", label="(2)", kind="subsection", start=text.index("(2)"), end=len(text),
                 parent=root, depth=1)
    one.children.append(item)
    root.children += [one, two]
    outline = Outline(document=d, root=root)
    assert next_clause_span(d, outline, text.index("-->") + 3) == (one.start, one.end)


def test_comment_syntax_variants_are_found():
    comments = find_comments('<!--lintlaw:disable LL105 LL101-->\n<!--  lintlaw :  ignore-next  LL105  reason="a \\"b\\""  -->')
    assert [(c.action, c.keys, c.reason, c.problem) for c in comments] == [
        ("disable", ["LL105", "LL101"], "", None),
        ("ignore-next", ["LL105"], 'a "b"', None),
    ]


# --- lintlaw-suppressions.toml ----------------------------------------------------------------

def write_table(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "lintlaw-suppressions.toml"
    path.write_text(body, encoding="utf-8")
    return path


def pdf_findings(tmp_path: Path) -> list[Finding]:
    d = doc("Buying sex is an offence. Buying sex is an offence.\n", fmt="pdf", path=str(tmp_path / "bill.pdf"))
    findings = [finding(d, "LL105", "Buying sex"), finding(d, "LL105", "Buying sex", nth=1)]
    for f in findings:
        f.clause_text = "Buying sex is an offence."
    assign_fingerprints(findings)
    return findings


def test_table_suppresses_by_fingerprint_and_reports_unused_entries(tmp_path):
    findings = pdf_findings(tmp_path)
    table = write_table(tmp_path, f"""
# accepted findings
[suppress.{findings[0].fingerprint}]
file = "bill.pdf"
rule = "client-criminalisation"
reason = "Committee report HC 12, para 4"

[suppress.0123456789abcdef]
file = "bill.pdf"
rule = "LL105"
reason = "stale"

[suppress.fedcba9876543210]
file = "other.pdf"
rule = "LL105"
reason = "a file not checked in this run"
""")
    directives = load_table(table, resolve, display="lintlaw-suppressions.toml")
    out = suppress_with_table(findings, directives, [findings[0].file], lambda code, path: True)
    assert out.kept == [findings[1]]
    assert [(s.finding, s.kind, s.reason, s.source) for s in out.suppressed] == [
        (findings[0], "external", "Committee report HC 12, para 4", "lintlaw-suppressions.toml:3")
    ]
    assert [(p.code, p.file, p.line) for p in out.problems] == [(UNUSED, "lintlaw-suppressions.toml", 8)]
    assert "0123456789abcdef" in out.problems[0].message


def test_table_entry_for_another_file_does_not_apply(tmp_path):
    findings = pdf_findings(tmp_path)
    table = write_table(tmp_path, f'[suppress.{findings[0].fingerprint}]\nfile = "elsewhere.pdf"\nrule = "LL105"\nreason = "x"\n')
    out = suppress_with_table(findings, load_table(table, resolve), [findings[0].file], lambda c, p: True)
    assert out.kept == findings and not out.suppressed and not out.problems


@pytest.mark.parametrize(
    ("body", "message", "line"),
    [
        ('[suppress.abcdef0123456789]\nfile = "a.pdf"\nrule = "LL105"\n', "needs a non-empty 'reason'", 1),
        ('[suppress.abcdef0123456789]\nfile = "a.pdf"\nreason = "x"\n', "needs the 'rule'", 1),
        ('[suppress.abcdef0123456789]\nrule = "LL105"\nreason = "x"\n', "needs the 'file'", 1),
        ('\n[suppress.abcdef0123456789]\nfile = "a.pdf"\nrule = "LL999"\nreason = "x"\n', "no rule named 'LL999'", 2),
        ('[suppress.not-a-fingerprint]\nfile = "a.pdf"\nrule = "LL105"\nreason = "x"\n', "must be a finding fingerprint", 1),
        ('[suppress.abcdef0123456789]\nfile = "a.pdf"\nrule = "LL105"\nreason = "x"\nwhy = 1\n', "unknown key(s) why", 1),
        ('[ignore.abcdef0123456789]\nreason = "x"\n', "unknown table(s) ignore", None),
        ('[suppress.abcdef0123456789\nreason = "x"\n', "invalid TOML", 1),
    ],
)
def test_bad_tables_raise_coded_errors_naming_file_and_line(tmp_path, body, message, line):
    table = write_table(tmp_path, body)
    with pytest.raises(ConfigError) as caught:
        load_table(table, resolve, display="lintlaw-suppressions.toml")
    error = caught.value
    assert message in error.message
    assert error.file == "lintlaw-suppressions.toml" and error.line == line
    assert error.code in ("E321", "E322")
