"""SARIF 2.1.0: the format code-scanning services (GitHub, Azure DevOps, IDE viewers) import.

Locations are URIs relative to the run root (``originalUriBaseIds["ROOT"]``); columns count
Unicode code points (``columnKind``), as lintlaw's do. ``partialFingerprints`` carry the finding's
fingerprint, which hashes the rule, the normalised clause text and the occurrence, never the
line, so a finding keeps its identity when text above it moves. Suppressed findings are kept
with a ``suppressions`` entry, as SARIF asks, so viewers can show what was accepted and why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lintlaw.model import Finding, LintResult
from lintlaw.rulepack import PROJECT_URL, rule_help_url
from lintlaw.sourcelinks import source_url
from lintlaw.report import markup
from lintlaw.report.common import (
    RuleInfo,
    description_sections,
    format_source,
    relative_uri,
    report_rules,
    ruleset_version,
    tool_version,
)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "lintlawFingerprint/v1"
ROOT_ID = "ROOT"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _sources_markdown(info: RuleInfo) -> str:
    lines = []
    for source in info.sources:
        text = format_source(source)
        url = source_url(source)
        lines.append(f"- [{text}]({url})" if url else f"- {text}")
    return "## Sources\n\n" + "\n".join(lines) if lines else ""


def _descriptor(info: RuleInfo) -> dict[str, Any]:
    sections = description_sections(info.description)
    flags = sections.get("what it flags") or next(iter(sections.values()), "") or info.message
    help_md = "\n\n".join(p for p in (info.description.strip(), _sources_markdown(info)) if p)
    help_md = help_md or info.message or info.name
    tags = ["legislation", info.stance, *([info.topic] if info.topic else []), *info.tags]
    descriptor: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "helpUri": rule_help_url(info.code),
        "shortDescription": {"text": info.short},
        "fullDescription": {"text": markup.to_text(flags) or info.short},
        "help": {"text": markup.to_text(help_md), "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
        "properties": {
            "precision": info.precision,
            "tags": list(dict.fromkeys(tags)),
            "stance": info.stance,
        },
    }
    if info.kind:
        descriptor["properties"]["kind"] = info.kind
    if info.scope:
        descriptor["properties"]["scope"] = info.scope
    return descriptor


def _result(
    finding: Finding,
    rule_index: dict[str, int],
    artifact_index: dict[str, int],
    root: Path | None,
) -> dict[str, Any]:
    uri = relative_uri(finding.file, root)
    artifact: dict[str, Any] = {"uri": uri, "uriBaseId": ROOT_ID}
    if uri in artifact_index:
        artifact["index"] = artifact_index[uri]
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    if finding.match:
        region["snippet"] = {"text": finding.match}
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
    if finding.clause_id:
        location["logicalLocations"] = [
            {
                "name": finding.clause_label or finding.clause_id,
                "fullyQualifiedName": f"{uri}#{finding.clause_id}",
                "kind": "clause",
            }
        ]
    properties: dict[str, Any] = {"stance": finding.stance, "clause": finding.clause_label}
    if finding.page is not None:
        properties["page"] = finding.page
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    if finding.origin != "check":
        properties["origin"] = finding.origin
    if finding.frame:
        properties["frame"] = finding.frame
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [location],
        "properties": properties,
    }
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    return result


def _notification(error: Any, root: Path | None) -> dict[str, Any]:
    note: dict[str, Any] = {
        "level": "error",
        "message": {"text": getattr(error, "message", str(error))},
        "descriptor": {"id": getattr(error, "code", "E900")},
    }
    file = getattr(error, "file", None)
    if file:
        physical: dict[str, Any] = {"artifactLocation": {"uri": relative_uri(file, root), "uriBaseId": ROOT_ID}}
        line = getattr(error, "line", None)
        if line:
            physical["region"] = {"startLine": line}
            column = getattr(error, "column", None)
            if column:
                physical["region"]["startColumn"] = column
        note["locations"] = [{"physicalLocation": physical}]
    return note


def build_log(
    result: LintResult,
    ruleset: Any,
    *,
    root: Path | None = None,
    exit_code: int | None = None,
) -> dict[str, Any]:
    """The SARIF log as a dict (``render`` serialises it)."""
    suppressed = list(result.suppressed)
    findings = sorted(result.findings, key=Finding.sort_key)
    every = findings + [s.finding for s in suppressed]
    rules = report_rules(ruleset, every)
    rule_index = {info.code: i for i, info in enumerate(rules)}
    uris = sorted({relative_uri(f.path, root) for f in result.files})
    artifact_index = {uri: i for i, uri in enumerate(uris)}

    results = [_result(f, rule_index, artifact_index, root) for f in findings]
    for item in sorted(suppressed, key=lambda s: s.finding.sort_key()):
        entry = _result(item.finding, rule_index, artifact_index, root)
        entry["suppressions"] = [
            {"kind": item.kind, "status": "accepted", "justification": item.reason or "no reason given"}
        ]
        entry["properties"]["suppressedBy"] = item.source
        results.append(entry)

    base: dict[str, Any] = {"description": {"text": "The directory lintlaw was run from."}}
    if root is not None:
        base["uri"] = Path(root).resolve().as_uri().rstrip("/") + "/"
    invocation: dict[str, Any] = {"executionSuccessful": not result.errors}
    if exit_code is not None:
        invocation["exitCode"] = exit_code
    if result.errors:
        invocation["toolExecutionNotifications"] = [_notification(e, root) for e in result.errors]

    driver: dict[str, Any] = {
        "name": "lintlaw",
        "informationUri": PROJECT_URL,
        "version": tool_version(),
        "semanticVersion": tool_version(),
        "rules": [_descriptor(info) for info in rules],
    }
    version = ruleset_version(ruleset)
    if version:
        driver["properties"] = {"rulePackVersion": version}
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {ROOT_ID: base},
        "artifacts": [
            {"location": {"uri": uri, "uriBaseId": ROOT_ID}, "roles": ["analysisTarget"]} for uri in uris
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(
    result: LintResult,
    ruleset: Any,
    *,
    documents: dict[str, Any] | None = None,
    root: Path | None = None,
    exit_code: int | None = None,
    **_: Any,
) -> str:
    """The SARIF log as indented JSON text ending in a newline."""
    log = build_log(result, ruleset, root=root, exit_code=exit_code)
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
