"""Read an evaluation cases file (format: the eval README) into ``Case`` records.

Every problem is an ``EvalError`` naming the file, the case (number and id) and the line:
E401 unreadable file, E402 invalid YAML, E403 not a non-empty list, E404 a malformed case.
A ``file:`` target is resolved against the cases file's folder but not opened here: a missing
target is a per-case error at evaluation time, not a reason to refuse the whole file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from lintlaw.engine.yamlio import LineDict as _Node
from lintlaw.engine.yamlio import parse_with_lines
from lintlaw.evaluate.model import E401, E402, E403, E404, Case, EvalError, Expectation, NearMiss

CASE_KEYS = ("id", "source", "language", "tradition", "text", "file", "expect", "allow", "near_misses")
NEAR_MISS_KEYS = ("rule", "quote", "why")
ENTRY_KEYS = ("rule", "quote")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise EvalError("cases file is a directory", file=str(path), code=E401) from None
    except FileNotFoundError:
        raise EvalError("cases file not found", file=str(path), code=E401) from None
    except OSError as exc:
        raise EvalError(f"cannot read cases file: {exc.strerror or exc}", file=str(path), code=E401) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise EvalError("cases file is not UTF-8 text", file=str(path), line=line, code=E401) from None


def _parse(text: str, path: Path) -> Any:
    try:
        return parse_with_lines(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise EvalError(
            f"invalid YAML: {problem}", file=str(path), code=E402,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise EvalError(f"invalid YAML: {exc}", file=str(path), code=E402) from None


def _rule_name(value: Any, fail: Any, line: int, where: str) -> str:
    if not isinstance(value, str) or not NAME_RE.match(value):
        fail(f"{where}: {value!r} is not a rule name (kebab-case, as in TAXONOMY.md)", line)
    return value


def _quotes(value: Any, fail: Any, line: int) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(q, str) and q.strip() for q in items):
        fail("'quote' must be a non-empty string or a non-empty list of strings", line)
    return tuple(items)


def _expectations(value: Any, node: _Node, fail: Any) -> list[Expectation]:
    line = node.line_of("expect")
    if value is None:
        return []
    if not isinstance(value, list):
        fail("'expect' must be a list of rule names or {rule, quote} entries", line)
    found: dict[Expectation, None] = {}
    for entry in value:
        if isinstance(entry, _Node):
            eline = entry.line
            unknown = [k for k in entry if k not in ENTRY_KEYS]
            if unknown:
                fail(f"unknown key '{unknown[0]}' in an expect entry (allowed: rule, quote)", entry.line_of(unknown[0]))
            if "rule" not in entry:
                fail("an expect entry needs 'rule'", eline)
            name = _rule_name(entry["rule"], fail, entry.line_of("rule"), "expect")
            quotes = _quotes(entry["quote"], fail, entry.line_of("quote")) if "quote" in entry else ()
            found.setdefault(Expectation(name, quotes), None)
        else:
            found.setdefault(Expectation(_rule_name(entry, fail, line, "expect")), None)
    return list(found)  # identical entries count once


def _allow(value: Any, node: _Node, fail: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = value if isinstance(value, list) else [value]
    return frozenset(_rule_name(v, fail, node.line_of("allow"), "allow") for v in items)


def _near_misses(value: Any, node: _Node, fail: Any) -> list[NearMiss]:
    """The optional ``near_misses`` list: {rule, quote, why} entries, each with a quote."""
    if value is None:
        return []
    if not isinstance(value, list):
        fail("'near_misses' must be a list of {rule, quote, why} entries", node.line_of("near_misses"))
    found: list[NearMiss] = []
    for entry in value:
        if not isinstance(entry, _Node):
            fail("a near_misses entry must be a mapping with 'rule' and 'quote'", node.line_of("near_misses"))
        unknown = [k for k in entry if k not in NEAR_MISS_KEYS]
        if unknown:
            fail(f"unknown key '{unknown[0]}' in a near_misses entry (allowed: rule, quote, why)", entry.line_of(unknown[0]))
        if "rule" not in entry or "quote" not in entry:
            fail("a near_misses entry needs 'rule' and 'quote'", entry.line)
        why = entry.get("why")
        if why is not None and not isinstance(why, str):
            fail("'why' must be a string", entry.line_of("why"))
        found.append(NearMiss(
            _rule_name(entry["rule"], fail, entry.line_of("rule"), "near_misses"),
            _quotes(entry["quote"], fail, entry.line_of("quote")),
            (why or "").strip(),
        ))
    return found


def _optional_word(node: _Node, key: str, fail: Any, what: str) -> str | None:
    value = node.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        fail(f"'{key}' must be {what}", node.line_of(key))
    return value.strip() if isinstance(value, str) else None


def _case(node: Any, index: int, path: Path, seen: dict[str, int], fallback_line: int) -> Case:
    label = f"case {index + 1}"

    def fail(message: str, line: int | None) -> None:
        raise EvalError(f"{label}: {message}", file=str(path), line=line, code=E404)

    if not isinstance(node, _Node):
        fail("a case must be a mapping with at least 'id' and 'text' or 'file'", fallback_line)
    raw_id = node.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        fail("missing or empty 'id'", node.line_of("id"))
    case_id = str(raw_id).strip()
    label = f"case {index + 1} ('{case_id}')"
    unknown = [k for k in node if k not in CASE_KEYS]
    if unknown:
        fail(f"unknown key '{unknown[0]}' (allowed: {', '.join(CASE_KEYS)})", node.line_of(str(unknown[0])))
    if case_id in seen:
        fail(f"duplicate id (first used by case {seen[case_id] + 1})", node.line_of("id"))
    seen[case_id] = index
    if ("text" in node) == ("file" in node):
        fail("needs exactly one of 'text' or 'file'", node.line)
    key = "text" if "text" in node else "file"
    content = node[key]
    if not isinstance(content, str) or not content.strip():
        fail(f"'{key}' must be a non-empty string", node.line_of(key))
    language = _optional_word(node, "language", fail, "a language code such as en")
    tradition = _optional_word(node, "tradition", fail, "a drafting tradition such as westminster")
    source = node.get("source")
    return Case(
        id=case_id, index=index, line=node.line,
        expect=_expectations(node.get("expect"), node, fail),
        allow=_allow(node.get("allow"), node, fail),
        text=content if key == "text" else None,
        file=(path.parent / content.strip()) if key == "file" else None,
        file_ref=content.strip() if key == "file" else None,
        language=language,
        source=None if source is None else str(source),
        tradition=tradition,
        near_misses=_near_misses(node.get("near_misses"), node, fail),
    )


def load_cases(path: str | Path) -> list[Case]:
    """Read and validate a cases file; raises ``EvalError`` (E401–E404) naming the file and line."""
    path = Path(path)
    data = _parse(_read(path), path)
    if not isinstance(data, list):
        kind = "empty" if data is None else "a mapping" if isinstance(data, dict) else f"the scalar {data!r}"
        raise EvalError(f"a cases file must be a YAML list of cases, not {kind}", file=str(path), line=1, code=E403)
    if not data:
        raise EvalError("the cases file has no cases", file=str(path), line=1, code=E403)
    seen: dict[str, int] = {}
    cases: list[Case] = []
    for index, node in enumerate(data):
        fallback = cases[-1].line if cases else 1
        cases.append(_case(node, index, path, seen, fallback))
    return cases
