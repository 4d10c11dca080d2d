"""Unit tests for the CI and advocate formats on hand-made findings (golden files: test_report_golden.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from lintlaw.engine.loader import RuleSet
from lintlaw.engine.rule import Rule
from lintlaw.errors import InputError
from lintlaw.model import Document, FileSummary, Finding, LintResult, assign_fingerprints
from lintlaw.report import FORMATTERS, csv_format, github, html_format, junit, markdown, sarif
from lintlaw.report.markup import to_html, to_text
from lintlaw.suppress.model import EXTERNAL, IN_SOURCE, Suppressed

from conftest import sarif_validator

BILL = """---
title: Draft Sexual Offences (Amendment) Bill
jurisdiction: Testland
year: 2025
---
1. Definitions
In this Act, "trafficking" means the recruitment, transportation or harbouring of a person
for the purpose of prostitution, with or without the consent of that person.

2. Offences
(1) A person who obtains for consideration the sexual services of an adult commits an offence.
(2) A <script>alert("x")</script> | pipe & "quote" clause is not an offence.
"""

DESCRIPTION = """## What it flags
The *pattern* with `code`.

## Why it matters
- one reason
- another, see [the brief](https://example.org/brief)

## Better drafting
Scope it to the means.
"""


def make_rule(code: str, name: str, severity: str, stance: str, title: str) -> Rule:
    return Rule(
        code=code, name=name, kind="phrase", severity=severity, stance=stance, scope="clause",
        message=f"{title}.", description=DESCRIPTION,
        sources=[{"title": "Palermo Protocol", "pinpoint": "Art. 3(b)", "url": "https://www.unodc.org/x"},
                 {"title": "Policy brief"}],
        examples={"flag": [], "pass": []}, spec={}, path=Path(f"rules/{name}.yaml"), topic="consent",
        title=title, tags=["consent"],
    )


RULES = RuleSet(
    rules=[
        make_rule("LL101", "consent-irrelevant-for-adults", "error", "protocol", "Consent made irrelevant for adults"),
        make_rule("LL102", "trafficking-without-means", "error", "protocol", "Trafficking defined without a means"),
        make_rule("LL105", "client-criminalisation", "warning", "contested", "Buying sex made an offence"),
    ],
    lexicons={},
    version="rulepack-test",
)


def make_document(text: str = BILL, path: str = "bills/draft.md") -> Document:
    return Document(path=path, text=text, format="markdown", body_start=text.index("1. Def"),
                    metadata={"title": "Draft Sexual Offences (Amendment) Bill", "jurisdiction": "Testland"})


def make_finding(doc: Document, code: str, phrase: str, clause_start: str, label: str, message: str = "") -> Finding:
    rule = RULES.get(code)
    start = doc.text.index(phrase)
    end = start + len(phrase)
    clause_from = doc.text.index(clause_start)
    clause_to = doc.text.find("\n\n", clause_from)
    clause_to = len(doc.text) if clause_to == -1 else clause_to
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    return Finding(
        file=doc.path, rule=rule.name, code=code, severity=rule.severity, stance=rule.stance,
        message=message or rule.message, start=start, end=end, line=line, column=column,
        end_line=end_line, end_column=end_column, clause_id=label.replace(" ", "_"), clause_label=label,
        clause_text=" ".join(doc.text[clause_from:clause_to].split()), match=" ".join(phrase.split()),
    )


def make_result(text: str = BILL) -> tuple[LintResult, dict[str, Document]]:
    doc = make_document(text)
    findings = [
        make_finding(doc, "LL102", "for the purpose of prostitution", "In this Act", "s. 1"),
        make_finding(doc, "LL101", "with or without the consent", "In this Act", "s. 1"),
        make_finding(doc, "LL105", "obtains for consideration the sexual services", "(1) A person", "s. 2(1)"),
        make_finding(doc, "LL105", '<script>alert("x")</script> | pipe & "quote"', "(2) A", "s. 2(2)",
                     message='Odd <b>message</b> | with "quotes", 100% commas: colons\nand a newline'),
    ]
    assign_fingerprints(findings)
    result = LintResult(files=[FileSummary(path=doc.path, language="en", clauses=5)], findings=findings)
    result.sort()
    return result, {doc.path: doc}


@pytest.fixture
def sample() -> tuple[LintResult, dict[str, Document]]:
    return make_result()


# --- registry ---------------------------------------------------------------------------------

def test_every_format_is_registered_and_renders(sample):
    result, docs = sample
    for name in ("sarif", "github", "junit", "markdown", "csv", "html"):
        out = FORMATTERS[name](result, RULES, documents=docs, root=None)
        assert isinstance(out, str) and out.endswith("\n"), name


# --- SARIF ------------------------------------------------------------------------------------

def test_sarif_validates_against_the_2_1_0_schema(sample):
    result, _ = sample
    result.errors.append(InputError("not a PDF", file="bills/broken.pdf", line=1, code="E104"))
    log = json.loads(sarif.render(result, RULES, root=Path("/project"), exit_code=1))
    sarif_validator().validate(log)
    run = log["runs"][0]
    assert run["invocations"][0] == {
        "executionSuccessful": False,
        "exitCode": 1,
        "toolExecutionNotifications": [
            {
                "level": "error",
                "message": {"text": "not a PDF"},
                "descriptor": {"id": "E104"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "bills/broken.pdf", "uriBaseId": "ROOT"},
                    "region": {"startLine": 1}}}],
            }
        ],
    }


def test_sarif_rules_carry_descriptions_help_level_tags_and_precision(sample):
    result, _ = sample
    run = json.loads(sarif.render(result, RULES))["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert list(rules) == ["LL101", "LL102", "LL105"]
    rule = rules["LL105"]
    assert rule["name"] == "client-criminalisation"
    assert rule["shortDescription"]["text"] == "Buying sex made an offence"
    assert rule["fullDescription"]["text"] == "The pattern with code."
    assert rule["help"]["markdown"].startswith("## What it flags")
    assert "- [Palermo Protocol, Art. 3(b)](https://www.unodc.org/x)" in rule["help"]["markdown"]
    assert "another, see the brief <https://example.org/brief>" in rule["help"]["text"]
    assert "##" not in rule["help"]["text"] and "`" not in rule["help"]["text"]
    assert rule["defaultConfiguration"] == {"level": "warning"}
    assert rule["properties"]["precision"] == "high"
    assert rule["properties"]["tags"] == ["legislation", "contested", "consent"]
    assert run["tool"]["driver"]["properties"] == {"rulePackVersion": "0.1.0+rulepack-test"}


def test_sarif_results_use_relative_uris_regions_and_fingerprints(sample):
    result, _ = sample
    run = json.loads(sarif.render(result, RULES, root=Path("/project")))["runs"][0]
    assert run["originalUriBaseIds"]["ROOT"]["uri"] == "file:///project/"
    assert run["columnKind"] == "unicodeCodePoints"
    first = run["results"][0]
    finding = result.findings[0]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "bills/draft.md", "uriBaseId": "ROOT", "index": 0}
    assert location["region"] == {
        "startLine": finding.line, "startColumn": finding.column,
        "endLine": finding.end_line, "endColumn": finding.end_column,
        "snippet": {"text": finding.match},
    }
    assert first["ruleId"] == finding.code
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == finding.code
    assert first["level"] == "error"
    assert first["partialFingerprints"] == {"lintlawFingerprint/v1": finding.fingerprint}
    assert first["locations"][0]["logicalLocations"][0]["name"] == "s. 1"


def test_sarif_absolute_paths_become_relative_to_the_root(tmp_path, sample):
    result, _ = sample
    for f in result.findings:
        f.file = str(tmp_path / "bills" / "draft.md")
    result.files[0].path = str(tmp_path / "bills" / "draft.md")
    run = json.loads(sarif.render(result, RULES, root=tmp_path))["runs"][0]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {
        "bills/draft.md"
    }


def test_sarif_fingerprints_survive_a_line_shift():
    shifted = BILL.replace("1. Definitions\n", "1. Definitions\n\nA new paragraph added above.\n\n")
    before = json.loads(sarif.render(make_result()[0], RULES))["runs"][0]["results"]
    after = json.loads(sarif.render(make_result(shifted)[0], RULES))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before] != [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after
    ]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]


def test_sarif_keeps_suppressed_findings_with_their_justification(sample):
    result, _ = sample
    hidden = result.findings.pop()
    result.suppressed = [Suppressed(hidden, IN_SOURCE, "Adopted knowingly", "bills/draft.md:11")]
    log = json.loads(sarif.render(result, RULES))
    sarif_validator().validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == 4
    assert results[-1]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "Adopted knowingly"}
    ]
    assert all("suppressions" not in r for r in results[:-1])


def test_sarif_for_unknown_codes_synthesises_a_rule(sample):
    result, _ = sample
    result.findings[0].code, result.findings[0].rule = "LL299", "compare-only-rule"
    log = json.loads(sarif.render(result, RULES))
    sarif_validator().validate(log)
    ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert "LL299" in ids


# --- GitHub annotations -----------------------------------------------------------------------

def test_github_annotations_are_escaped_per_the_runner_rules(sample):
    result, _ = sample
    out = github.render(result, RULES).splitlines()
    assert out[0] == (
        f"::error file=bills/draft.md,line={result.findings[0].line},endLine={result.findings[0].end_line},"
        f"col={result.findings[0].column},endColumn={result.findings[0].end_column},"
        "title=LL102 trafficking-without-means::Trafficking defined without a means.%0As. 1: "
        "“for the purpose of prostitution”"
    )
    odd = out[3]
    assert odd.startswith("::warning file=bills/draft.md,")
    message = odd.split("::", 2)[2]
    assert "100%25 commas: colons%0Aand a newline" in message
    assert "\n" not in odd and "\r" not in odd
    assert github.escape_property("a:b,c%d\r\n") == "a%3Ab%2Cc%25d%0D%0A"
    assert github.escape_data("a:b,c%d\r\n") == "a:b,c%25d%0D%0A"


def test_github_truncates_at_the_per_step_limit_with_a_notice(sample):
    result, docs = sample
    base = result.findings[0]
    result.findings = [
        Finding(**{**base.__dict__, "start": base.start + i, "line": base.line + i}) for i in range(13)
    ]
    lines = github.render(result, RULES).splitlines()
    assert lines[0].startswith("::notice title=lintlaw%3A annotations truncated::3 problems not shown")
    assert sum(1 for line in lines if line.startswith("::error ")) == 10
    plain = [line for line in lines if not line.startswith("::")]
    assert len(plain) == 4 and all(line.startswith("bills/draft.md:") for line in plain[:3])
    assert plain[3] == "lintlaw 0.1.0, rule pack 0.1.0+rulepack-test"  # a log line, not an annotation


def test_github_reports_input_errors(sample):
    result, _ = sample
    result.findings = []
    result.errors.append(InputError("not a PDF", file="bills/x,y.pdf", line=2, column=3, code="E104"))
    assert github.render(result, RULES) == (
        "::error file=bills/x%2Cy.pdf,line=2,col=3,title=lintlaw E104::E104 not a PDF\n"
        "lintlaw 0.1.0, rule pack 0.1.0+rulepack-test\n"
    )


# --- JUnit ------------------------------------------------------------------------------------

def test_junit_is_well_formed_with_one_failure_per_finding(sample):
    result, _ = sample
    result.findings[-1].clause_text += "\x0c form feed from a PDF"
    result.findings[-1].message += "\x0c"
    result.files.append(FileSummary(path="bills/clean.md", language="en", clauses=3))
    root = ET.fromstring(junit.render(result, RULES).encode())
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "4", "0")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"bills/draft.md", "bills/clean.md"}
    assert [c.get("name") for c in suites["bills/clean.md"].iter("testcase")] == ["no findings"]
    props = {p.get("name"): p.get("value") for p in suites["bills/clean.md"].iter("property")}
    assert props == {"lintlaw.version": "0.1.0", "lintlaw.rule_pack": "0.1.0+rulepack-test"}
    failures = list(suites["bills/draft.md"].iter("failure"))
    assert [f.get("type") for f in failures] == ["LL102", "LL101", "LL105", "LL105"]
    assert "Basis: Contested pattern" in failures[2].text


# --- Markdown ---------------------------------------------------------------------------------

def test_markdown_summary_counts_and_escapes(sample):
    result, _ = sample
    out = markdown.render(result, RULES)
    lines = out.splitlines()
    assert lines[0] == "## lintlaw: 4 findings in 1 file"
    assert "**2 errors · 2 warnings · 0 info**" in lines
    assert "| LL105 client\\-criminalisation | 2 | warning |" not in out  # names are not escaped wrongly
    assert "| LL105 client-criminalisation | 2 | warning |" in out
    row = next(line for line in lines if "&lt;script&gt;" in line)
    assert "<script>" not in out
    assert row.count(" | ") == 4  # the pipe in the law text does not open a new cell
    assert "\\|" in row


def test_markdown_caps_rows(sample, monkeypatch):
    result, _ = sample
    monkeypatch.setattr(markdown, "MAX_ROWS", 2)
    out = markdown.render(result, RULES)
    assert "… and 2 more; see the SARIF or HTML report." in out


def test_markdown_for_a_clean_run(sample):
    result, _ = sample
    result.findings = []
    assert markdown.render(result, RULES).startswith("## lintlaw: 0 findings in 1 file\n\nNo findings.\n")


# --- CSV --------------------------------------------------------------------------------------

def test_csv_has_a_header_and_one_row_per_finding(sample):
    result, _ = sample
    rows = list(csv.DictReader(io.StringIO(csv_format.render(result, RULES), newline="")))
    assert len(rows) == 4
    assert list(rows[0]) == list(csv_format.COLUMNS)
    assert rows[0]["code"] == "LL102" and rows[0]["fingerprint"] == result.findings[0].fingerprint
    assert rows[3]["message"].endswith("colons\nand a newline")


def test_csv_neutralises_formula_cells():
    assert csv_format.cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert csv_format.cell("- (a) a list item") == "'- (a) a list item"
    assert csv_format.cell("plain") == "plain"
    assert csv_format.cell(None) == ""


# --- HTML -------------------------------------------------------------------------------------

def test_html_is_self_contained_and_escapes_law_text(sample):
    result, docs = sample
    page = html_format.render(result, RULES, documents=docs)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "default-src 'none'" in page
    for tag in re.findall(r"<(?:script|link|img|iframe|style)\b[^>]*>", page):
        assert not re.search(r"(src|href)\s*=", tag), tag
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', page)
    assert all(re.search(r'<a href="' + re.escape(url), page) for url in external)


def test_html_marks_matches_and_shades_flagged_clauses(sample):
    result, docs = sample
    page = html_format.render(result, RULES, documents=docs)
    assert page.count('<article class="finding') == 4
    assert '<mark class="hl sev-error" data-f="f1">for the purpose of prostitution</mark>' in page
    line = result.findings[0].line
    row = re.search(rf'<div class="row[^"]*" id="d0-L{line}"[^>]*>', page).group(0)
    assert "flagged sev-error" in row and 'data-f="f1 f2"' in row
    # the clause runs over two lines; both are shaded
    nxt = re.search(rf'<div class="row[^"]*" id="d0-L{line - 1}"[^>]*>', page).group(0)
    assert "flagged" in nxt
    # the front matter is not shown as law text
    assert 'id="d0-L1"' not in page


def test_html_explains_each_finding_with_basis_and_sources(sample):
    result, docs = sample
    page = html_format.render(result, RULES, documents=docs)
    card = page[page.index('id="f3"') : page.index("</article>", page.index('id="f3"'))]
    assert "Contested" in card and "Why this is flagged" in card
    assert '<a href="https://www.unodc.org/x" rel="noreferrer">Palermo Protocol, Art. 3(b)</a>' in card
    assert 'href="#d0-L' in card
    assert 'id="rule-LL105"' in page and "2 findings" in page


def test_html_renders_the_protocol_side_by_side_when_given(sample):
    result, docs = sample
    comparison = {  # the shape of 'lintlaw compare --format json', cut down
        "protocol": {
            "label": "Art. 3(a)", "text": '"Trafficking in persons" shall mean the recruitment ...',
            "elements": {"means": [{"id": "abuse-of-power", "text": "the abuse of power"},
                                   {"id": "fraud", "text": "fraud"}]},
        },
        "definitions": [{
            "clause": {"id": "sec_1", "label": "s. 1", "text": "trafficking means <recruitment>"},
            "kind": "definition",
            "acts": {"found": ["recruitment"], "missing": [], "extra": [], "matches": []},
            "means": {"found": [], "missing": ["abuse-of-power", "fraud"], "extra": [], "matches": []},
            "consent": "unscoped", "means_required_for_adults": False,
        }],
        "articles": [{"article": "6", "title": "Assistance", "verdict": "absent", "topics": {"privacy": False},
                      "clauses": []},
                     {"article": "non-punishment", "title": "Non-punishment", "verdict": "partial",
                      "topics": {}, "clauses": [{"id": "sec_2", "label": "s. 2"}]}],
        "redline": [{"op": "equal", "text": "trafficking "}, {"op": "delete", "text": "shall mean"},
                    {"op": "insert", "text": "means"}],
        "findings": [{"code": "LL102"}],
    }
    page = html_format.render(result, RULES, documents=docs, comparison=comparison)
    section = page[page.index('<section id="protocol">') :]
    assert "This law: s. 1 — definition" in section and "trafficking means &lt;recruitment&gt;" in section
    assert "Palermo Protocol, Art. 3(a)" in section and section.count("shall mean the recruitment") == 1
    means_row = re.search(r'<tr><th scope="row">Means</th>.*?</tr>', section).group(0)
    assert '<td data-label="It lacks" class="verdict-bad">the abuse of power and fraud</td>' in means_row
    assert "Acts</th>" not in section  # the law has every act: nothing to show
    assert "Consent is set aside in every case, not only where force, deception" in section
    assert "It names none of the means the Protocol requires" in section
    for internal in ("unscoped", "sec_1", "means_required", "abuse-of-power", "non-punishment"):
        assert internal not in section, internal
    assert '<th scope="row">Art. 6</th>' in section and '<th scope="row">non punishment</th>' in section
    assert "Not addressed" in section and '<td data-label="Where">s. 2</td>' in section
    assert "<del>shall mean</del><ins>means</ins>" in section
    assert 'id="protocol"' not in html_format.render(result, RULES, documents=docs)


def test_html_lists_suppressed_findings_with_reasons(sample):
    result, docs = sample
    hidden = result.findings.pop()
    result.suppressed = [Suppressed(hidden, EXTERNAL, "Accepted by the committee", "lintlaw-suppressions.toml:3")]
    page = html_format.render(result, RULES, documents=docs)
    assert 'id="suppressed"' in page and "Accepted by the committee" in page


def test_html_without_documents_still_lists_findings(sample):
    result, _ = sample
    page = html_format.render(result, RULES)
    assert page.count('<article class="finding') == 4 and 'class="law"' not in page


def test_markup_subset_is_safe():
    assert to_html("## Head\nText with <b> and [x](javascript:void).") == (
        "<h2>Head</h2>\n<p>Text with &lt;b&gt; and x.</p>"
    )
    assert to_html("- a *b*\n- c `d`", heading_offset=1) == "<ul><li>a <em>b</em></li><li>c <code>d</code></li></ul>"
    assert to_text("## Head\n\nA **b** [c](https://x.org)") == "Head\n\nA b c <https://x.org>"


def test_html_folds_the_text_of_a_law_without_findings(sample):
    result, docs = sample
    clean = Document(path="bills/clean.md", text="1. Libraries open at nine.\n", format="markdown")
    docs[clean.path] = clean
    result.files.append(FileSummary(path=clean.path, language="en", clauses=1))
    page = html_format.render(result, RULES, documents=docs)
    section = page[page.index('id="doc-1"') :]
    assert section.index('<details class="law-toggle"><summary>Show the text (no findings)</summary>') < section.index(
        "1. Libraries open at nine."
    )
    assert "0 findings" in section


def test_sarif_links_every_rule_to_its_page_and_the_tool_to_its_home(sample):
    from urllib.parse import urlparse

    from lintlaw.rulepack import PROJECT_URL

    result, _ = sample
    log = json.loads(sarif.render(result, RULES, root=Path("/project"), exit_code=1))
    sarif_validator().validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == PROJECT_URL
    assert driver["rules"]
    for rule in driver["rules"]:
        url = urlparse(rule["helpUri"])
        assert url.scheme == "https" and url.netloc and url.path.endswith(f"/docs/rules/{rule['id']}.md")
    assert driver["properties"]["rulePackVersion"].startswith("0.")
