"""The OpenAPI 3.1 description of the JSON API, served at ``/openapi.json``.

Its response schemas are checked against real responses in the tests, so it cannot drift from
what the server returns.
"""

from __future__ import annotations

from typing import Any

from lintlaw import __version__
from lintlaw.web.pipeline import languages
from lintlaw.web.settings import ServeSettings

_FINDING = {
    "type": "object",
    "required": ["file", "rule", "code", "severity", "stance", "message", "line", "column", "clause", "match",
                 "fingerprint"],
    "properties": {
        "file": {"type": "string"}, "rule": {"type": "string"}, "code": {"type": "string", "pattern": "^LL[0-9]+$"},
        "severity": {"enum": ["error", "warning", "info"]}, "stance": {"type": "string"},
        "message": {"type": "string"}, "line": {"type": "integer"}, "column": {"type": "integer"},
        "clause": {"type": "object", "required": ["id", "label", "text"]},
        "match": {"type": "string"}, "fingerprint": {"type": "string"},
    },
}
_ERROR_ENTRY = {
    "type": "object",
    "required": ["code", "message"],
    "properties": {"code": {"type": "string", "pattern": "^E[0-9]{3}$"}, "message": {"type": "string"},
                   "file": {"type": ["string", "null"]}, "line": {"type": "integer"}, "column": {"type": "integer"}},
}
COMPONENTS: dict[str, Any] = {
    "Finding": _FINDING,
    "ErrorEntry": _ERROR_ENTRY,
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {"$ref": "#/components/schemas/ErrorEntry"}}},
    "CheckReport": {
        "type": "object",
        "description": "The JSON of `lintlaw check --format json` (docs/ci.md).",
        "required": ["schema_version", "tool", "files", "findings", "errors"],
        "properties": {
            "schema_version": {"const": "1"},
            "tool": {"type": "object", "required": ["name", "version"]},
            "files": {"type": "array", "items": {"type": "object", "required": ["path", "language", "clauses"]}},
            "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
            "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ErrorEntry"}},
        },
    },
    "CompareReport": {
        "type": "object",
        "description": "The JSON of `lintlaw compare --format json` (docs/compare.md): one law beside the "
                       "Protocol, or with `mode: against` a law beside its earlier version.",
        "required": ["schema_version", "protocol"],
        "properties": {
            "schema_version": {"const": "1"},
            "mode": {"const": "against"},
            "protocol": {"type": "object"},
            "document": {"type": "object"},
            "definitions": {"type": "array"},
            "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
            "new": {"type": "object"},
            "old": {"type": "object"},
            "introduced": {"type": "array"},
            "resolved": {"type": "array"},
        },
    },
}


def _form(with_earlier: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "file": {"type": "string", "format": "binary",
                 "description": "The law: txt, md, html, docx, pdf or Akoma Ntoso xml (the name's suffix and the "
                                "content tell the format)."},
        "text": {"type": "string", "description": "The law's text, instead of a file."},
        "language": {"enum": ["auto", *languages()], "default": "auto",
                     "description": "Read the law in this language instead of the detected one."},
    }
    if with_earlier:
        properties["earlier"] = {"type": "string", "format": "binary",
                                 "description": "An earlier version: the answer is `compare --against` it."}
    return {"required": True, "content": {"multipart/form-data": {"schema": {"type": "object",
                                                                              "properties": properties}}}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _operation(summary: str, report: str, with_earlier: bool, settings: ServeSettings) -> dict[str, Any]:
    ok = {"description": "The report.",
          "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{report}"}}}}
    responses: dict[str, Any] = {"200": ok}
    if report == "CheckReport":
        responses["422"] = {"description": "The upload could not be read: the report with its coded `errors` entry.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckReport"}}}}
    else:
        responses["422"] = _error("The upload could not be read (E1xx: a broken PDF, a DOCX that expands too "
                                  "far, XML with entity declarations …).")
    responses["400"] = _error("No law in the form, or an unknown language (E374, E375).")
    responses["413"] = _error(f"The request is larger than {settings.max_upload_bytes / 2**20:g} MB (E371).")
    responses["504"] = _error(f"The analysis took longer than {settings.time_limit:g} s (E372).")
    return {"summary": summary, "requestBody": _form(with_earlier), "responses": responses}


def schema(settings: ServeSettings) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "lintlaw", "version": __version__,
                 "description": "Lint a law for drafting that conflates sex work with trafficking, and compare it "
                                "with the UN Palermo Protocol. The answers are the JSON of the command line."},
        "paths": {
            "/api/check": {"post": _operation("Lint one law (`lintlaw check --format json`).", "CheckReport",
                                              False, settings)},
            "/api/compare": {"post": _operation("Compare one law with the Palermo Protocol, or with its earlier "
                                                "version (`lintlaw compare --format json`).", "CompareReport",
                                                True, settings)},
        },
        "components": {"schemas": COMPONENTS},
    }
