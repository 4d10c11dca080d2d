"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines).

One ``<testsuite>`` per linted file; each finding is a failed ``<testcase>`` named after its
rule and clause, each input error an ``<error>``; a file without findings has one passing case
so the report shows it was read. No timestamps or timings, so output is deterministic.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from lintlaw.model import Finding, LintResult
from lintlaw.report.common import location, relative_uri, rule_info, ruleset_version, tool_version

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (form feeds from PDFs, stray controls)."""
    return _NOT_XML.sub(" ", text)


def _failure_text(finding: Finding, ruleset: Any) -> str:
    info = rule_info(ruleset, finding)
    lines = [
        f"{location(finding)}: {finding.code} {finding.message}",
        f"Rule: {info.label} ({finding.severity})",
        f"Basis: {info.stance_label}",
    ]
    if finding.clause_label:
        lines.append(f"Clause: {finding.clause_label}")
    if finding.match:
        lines.append(f"Matched: {finding.match}")
    if finding.suggestion:
        lines.append(f"Suggestion: {finding.suggestion}")
    if finding.fingerprint:
        lines.append(f"Fingerprint: {finding.fingerprint}")
    return "\n".join(lines)


def _case_name(finding: Finding) -> str:
    where = finding.clause_label or f"line {finding.line}"
    return f"{finding.code} {finding.rule} at {where} (line {finding.line}, column {finding.column})"


def render(
    result: LintResult,
    ruleset: Any,
    *,
    documents: dict[str, Any] | None = None,
    root: Path | None = None,
    **_: Any,
) -> str:
    """The JUnit XML report as text."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_file[relative_uri(finding.file, root)].append(finding)
    errors_by_file: dict[str, list[Any]] = defaultdict(list)
    for error in result.errors:
        errors_by_file[relative_uri(error.file, root) if error.file else "<input>"].append(error)
    files = {relative_uri(f.path, root) for f in result.files} | set(by_file) | set(errors_by_file)

    suites = ET.Element("testsuites", name="lintlaw")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for path in sorted(files):
        findings = sorted(by_file.get(path, []), key=Finding.sort_key)
        errors = errors_by_file.get(path, [])
        tests = max(1, len(findings) + len(errors))
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=path,
            tests=str(tests),
            failures=str(len(findings)),
            errors=str(len(errors)),
            skipped="0",
        )
        if ruleset is not None:
            properties = ET.SubElement(suite, "properties")
            ET.SubElement(properties, "property", name="lintlaw.version", value=tool_version())
            ET.SubElement(properties, "property", name="lintlaw.rule_pack", value=ruleset_version(ruleset))
        for error in errors:
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{error.code} reading {path}")
            ET.SubElement(
                case, "error", type=error.code, message=xml_safe(error.message)
            ).text = xml_safe(str(error))
        for finding in findings:
            case = ET.SubElement(suite, "testcase", classname=path, name=xml_safe(_case_name(finding)))
            failure = ET.SubElement(case, "failure", type=finding.code, message=xml_safe(finding.message))
            failure.text = xml_safe(_failure_text(finding, ruleset))
        if not findings and not errors:
            ET.SubElement(suite, "testcase", classname=path, name="no findings")
        totals["tests"] += tests
        totals["failures"] += len(findings)
        totals["errors"] += len(errors)
    for key, value in totals.items():
        suites.set(key, str(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
