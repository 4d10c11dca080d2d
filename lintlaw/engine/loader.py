"""Load rule files (one rule per YAML file under ``rules/<topic>/``) and validate them.

Rule folders may come from strangers, so every key and the type of every value is checked when a
rule loads (a wrong type would otherwise surface later as a crash in a report or in the scan
store), and a regex that can backtrack catastrophically is refused. Every problem is a
``RuleError`` that names the YAML file and the line of the offending key.

An example (``examples``, ``todo_flag``, ``todo_pass``) is a text, or a mapping ``{language: fr,
text: …}`` for a text in another language than the one its words would be guessed as; it loads
as an ``Example``, a string that also carries that language.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from lintlaw.engine.lexicons import Lexicon, load_lexicons
from lintlaw.engine.regexrisk import nested_repeat
from lintlaw.engine.rule import KINDS, SCOPES, STANCES, Rule
from lintlaw.engine.yamlio import LineDict, load_yaml
from lintlaw.errors import RuleError
from lintlaw.model import SEVERITIES

REQUIRED = ("code", "name", "kind", "severity", "stance", "scope", "message", "description", "sources", "examples")
OPTIONAL = ("title", "precision", "tags", "suggestion", "match", "requires", "forbids", "absent", "undefined",
            "applies_to", "todo_flag", "todo_pass", "language", "min_clauses", "skip_provisions", "frame", "needs_frame")
CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ITEM_KEYS = {"lexicon", "entries", "terms", "exact", "pattern", "regex"}
GROUP_KEYS = {"any", "scope"}
SOURCE_KEYS = {"title", "pinpoint", "url"}
EXAMPLE_KEYS = {"flag", "pass"}
TEXT_FIELDS = ("title", "precision", "suggestion")
TEXT_LIST_FIELDS = ("tags", "todo_flag", "todo_pass", "language", "applies_to")
CONDITION_SCOPES = (*SCOPES, "inherited")
DESCRIPTION_HEADINGS = ("## What it flags", "## Why it matters", "## Better drafting")


class Example(str):
    """An example text of a rule, with the language it is to be linted in (None: guessed from the text)."""

    language: str | None = None

    def __new__(cls, text: str, language: str | None = None) -> "Example":
        example = super().__new__(cls, text)
        example.language = language
        return example


def _examples(path: Path, items: Any, where: str, line: int | None) -> list[Example]:
    """The texts of an examples list: strings, or ``{language, text}`` mappings."""
    if not isinstance(items, list):
        raise _fail(path, f"'{where}' must be a list of texts", line)
    found = []
    for item in items:
        if isinstance(item, str):
            found.append(Example(item))
            continue
        iline = item.line if isinstance(item, LineDict) else line
        if not (isinstance(item, dict) and set(item) == {"language", "text"} and isinstance(item["text"], str)
                and isinstance(item["language"], str) and item["language"].strip()):
            raise _fail(path, f"each '{where}' item is a text or a mapping with 'language' and 'text'", iline)
        found.append(Example(item["text"], item["language"].strip().lower()))
    return found


def default_rule_dirs() -> list[Path]:
    """The bundled rule pack: ``rules/`` next to the package (source checkout) or inside it."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "rules", here / "data" / "rules"):
        if candidate.is_dir():
            return [candidate]
    return []


@dataclass
class RuleSet:
    """The active rules, their lexicons, and a version hash of the whole pack."""

    rules: list[Rule]
    lexicons: dict[str, Lexicon]
    version: str
    dirs: list[Path] = field(default_factory=list)
    _compiled: Any = field(default=None, repr=False)

    def get(self, key: str) -> Rule | None:
        """A rule by code (``LL101``) or name (``consent-irrelevant-for-adults``)."""
        key_l = key.lower()
        return next((r for r in self.rules if r.code.lower() == key_l or r.name == key_l), None)

    def subset(self, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> "RuleSet":
        rules = [r for r in self.rules if rule_selected(r.code, r.name, select, ignore)]
        return RuleSet(rules=rules, lexicons=self.lexicons, version=self.version, dirs=self.dirs)


def rule_selected(code: str, name: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """ruff-style selection: a code prefix (``LL1``, ``LL101``), a rule name, or ``ALL``."""

    def hits(keys: Sequence[str]) -> bool:
        for key in keys:
            k = key.strip()
            if not k:
                continue
            if k.upper() == "ALL" or code.upper().startswith(k.upper()) or name == k.lower():
                return True
        return False

    if select and not hits(select):
        return False
    return not (ignore and hits(ignore))


def _fail(path: Path, message: str, line: int | None, code: str = "E202") -> RuleError:
    return RuleError(message, file=str(path), line=line, code=code)


def _validate_group(path: Path, group: Any, where: str, line: int, lexicons: dict[str, Lexicon]) -> None:
    if not isinstance(group, dict) or not isinstance(group.get("any"), list) or not group["any"]:
        raise _fail(path, f"'{where}' needs an 'any' list of matchers", line, "E203")
    gline = group.line if isinstance(group, LineDict) else line
    unknown = sorted(str(k) for k in set(group) - GROUP_KEYS)
    if unknown:
        raise _fail(path, f"'{where}': unknown key(s) {', '.join(unknown)} (a group has 'any' and 'scope')", gline, "E203")
    scope = group.get("scope")
    if scope is not None and scope not in CONDITION_SCOPES:
        raise _fail(path, f"'{where}': unknown scope '{scope}' (one of {', '.join(CONDITION_SCOPES)})", gline, "E203")
    for item in group["any"]:
        iline = item.line if isinstance(item, LineDict) else gline
        if not isinstance(item, dict) or not item or not set(item) <= ITEM_KEYS:
            raise _fail(path, f"'{where}': each matcher is one of lexicon/terms/pattern/regex", iline, "E203")
        if "exact" in item and not isinstance(item["exact"], bool):
            raise _fail(path, f"'{where}': 'exact' must be true or false", iline, "E203")
        if "entries" in item and not _text_list(item["entries"]):
            raise _fail(path, f"'{where}': 'entries' must be a list of lexicon entry names", iline, "E203")
        if "lexicon" in item:
            if not isinstance(item["lexicon"], str):
                raise _fail(path, f"'{where}': 'lexicon' must be a lexicon name", iline, "E203")
            lex = lexicons.get(item["lexicon"])
            if lex is None:
                raise _fail(path, f"unknown lexicon '{item['lexicon']}'", iline, "E204")
            for entry in item.get("entries", []) or []:
                if entry not in lex.entries:
                    raise _fail(path, f"lexicon '{lex.name}' has no entry '{entry}'", iline, "E204")
        elif "terms" in item:
            if not isinstance(item["terms"], list) or not all(isinstance(t, str) and t.strip() for t in item["terms"]):
                raise _fail(path, "'terms' must be a list of phrases", iline, "E203")
        elif "pattern" in item:
            pattern = item["pattern"]
            if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
                raise _fail(path, "'pattern' must be a list of spaCy token specs", iline, "E203")
            for spec in pattern:
                for attr in ("LOWER", "LEMMA", "ORTH", "TEXT", "NORM"):
                    value = spec.get(attr)
                    values = value.get("IN", []) if isinstance(value, dict) else [value] if value is not None else []
                    if not all(isinstance(v, str) for v in values):
                        raise _fail(path, f"'{attr}' values must be strings (quote words such as \"no\" or "
                                    f"\"on\", which YAML reads as booleans)", iline, "E203")
        elif "regex" in item:
            if not isinstance(item["regex"], str):
                raise _fail(path, "'regex' must be a string", iline, "E203")
            try:
                re.compile(item["regex"])
            except (re.error, TypeError, OverflowError, RecursionError) as exc:
                raise _fail(path, f"invalid regex: {exc}", iline, "E203") from None
            if nested_repeat(item["regex"]):
                raise _fail(path, f"regex {item['regex']!r} repeats a group that contains an unbounded repeat "
                            "(as in '(a+)+'): it can take exponential time on a long clause; rewrite it "
                            "without the nested quantifier (or make the inner one possessive, 'a++')", iline, "E203")
        else:
            raise _fail(path, "matcher needs lexicon, terms, pattern or regex", iline, "E203")


def _text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _validate_types(path: Path, data: LineDict) -> None:
    """The optional fields' types: texts, lists of texts, a boolean (required ones are checked below)."""
    for key in TEXT_FIELDS:
        if key in data and not isinstance(data[key], str):
            raise _fail(path, f"'{key}' must be text", data.line_of(key))
    for key in TEXT_LIST_FIELDS:
        if key in data and not _text_list(data[key]):
            raise _fail(path, f"'{key}' must be a list of texts", data.line_of(key))
    if "undefined" in data and not isinstance(data["undefined"], bool):
        raise _fail(path, "'undefined' must be true or false", data.line_of("undefined"))
    for key in ("match", "absent"):
        if key in data and not isinstance(data[key], dict):
            raise _fail(path, f"'{key}' must be a group with an 'any' list", data.line_of(key), "E203")


def _validate_either(path: Path, group: dict, where: str, line: int, lexicons: dict[str, Lexicon]) -> None:
    """``either: [[groups…], [groups…]]``: satisfied when all groups of one alternative match."""
    alternatives = group.get("either")
    gline = group.line if isinstance(group, LineDict) else line
    if set(group) != {"either"} or not isinstance(alternatives, list) or not alternatives:
        raise _fail(path, f"'{where}': 'either' needs a list of alternatives (lists of groups)", gline, "E203")
    for a, alternative in enumerate(alternatives):
        if not isinstance(alternative, list) or not alternative:
            raise _fail(path, f"'{where}.either[{a}]' must be a non-empty list of groups", gline, "E203")
        for g, sub in enumerate(alternative):
            _validate_group(path, sub, f"{where}.either[{a}][{g}]", gline, lexicons)


def _validate(path: Path, data: Any, lexicons: dict[str, Lexicon]) -> Rule:
    if not isinstance(data, LineDict):
        raise _fail(path, "a rule file must be a YAML mapping", 1)
    for key in REQUIRED:
        if key not in data:
            raise _fail(path, f"missing required field '{key}'", data.line)
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            raise _fail(path, f"unknown field '{key}'", data.line_of(key))
    line = data.line_of
    _validate_types(path, data)
    if not isinstance(data["code"], str) or not CODE_RE.match(data["code"]):
        raise _fail(path, "'code' must look like LL101", line("code"))
    if not isinstance(data["name"], str) or not NAME_RE.match(data["name"]):
        raise _fail(path, "'name' must be kebab-case", line("name"))
    for key, allowed in (("kind", KINDS), ("severity", SEVERITIES), ("stance", STANCES), ("scope", SCOPES)):
        if data[key] not in allowed:
            raise _fail(path, f"'{key}' must be one of {', '.join(allowed)}", line(key))
    for key in ("message", "description"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise _fail(path, f"'{key}' must be non-empty text", line(key))
    missing = [h for h in DESCRIPTION_HEADINGS if h not in data["description"]]
    if missing:
        raise _fail(path, f"'description' lacks the heading(s) {', '.join(missing)}", line("description"))
    sources = data["sources"]
    if not isinstance(sources, list) or not sources or not all(
        isinstance(s, dict) and set(s) <= SOURCE_KEYS and isinstance(s.get("title"), str) and s["title"].strip()
        and all(isinstance(v, str) for v in s.values()) for s in sources
    ):
        raise _fail(path, "'sources' must be a non-empty list of {title, pinpoint, url?} texts", line("sources"))
    examples = data["examples"]
    if not isinstance(examples, dict) or set(examples) - EXAMPLE_KEYS or not all(
        isinstance(examples.get(k), list) for k in ("flag", "pass")
    ):
        raise _fail(path, "'examples' needs 'flag' and 'pass' lists of texts", line("examples"))
    examples = {k: _examples(path, examples[k], f"examples.{k}", line("examples")) for k in ("flag", "pass")}
    todo = {k: _examples(path, data.get(f"todo_{k}") or [], f"todo_{k}", line(f"todo_{k}")) for k in ("flag", "pass")}
    kind = data["kind"]
    if kind == "absence":
        if "match" not in data or ("absent" not in data and not data.get("undefined")):
            raise _fail(path, "an absence rule needs 'match' and 'absent' (or 'undefined: true')", data.line)
    elif "match" not in data:
        raise _fail(path, f"a {kind} rule needs 'match'", data.line)
    if kind == "conditional" and not (data.get("requires") or data.get("forbids")):
        raise _fail(path, "a conditional rule needs 'requires' or 'forbids'", data.line)
    if kind in ("phrase", "pattern") and (data.get("requires") or data.get("forbids")):
        raise _fail(path, f"a {kind} rule has no conditions: use kind 'conditional'", line("requires") if "requires" in data else line("forbids"))
    _validate_group(path, data["match"], "match", line("match"), lexicons)
    for key in ("requires", "forbids"):
        groups = data.get(key) or []
        if not isinstance(groups, list):
            raise _fail(path, f"'{key}' must be a list of groups", line(key), "E203")
        for i, group in enumerate(groups):
            if key == "requires" and isinstance(group, dict) and "either" in group:
                _validate_either(path, group, f"{key}[{i}]", line(key), lexicons)
            else:
                _validate_group(path, group, f"{key}[{i}]", line(key), lexicons)
    if "absent" in data:
        _validate_group(path, data["absent"], "absent", line("absent"), lexicons)
    if "min_clauses" in data and not (
        isinstance(data["min_clauses"], int) and not isinstance(data["min_clauses"], bool) and data["min_clauses"] >= 0
    ):
        raise _fail(path, "'min_clauses' must be a whole number", line("min_clauses"))
    if "skip_provisions" in data:
        from lintlaw.structure.provisions import TYPES

        skip = data["skip_provisions"]
        if not isinstance(skip, list) or not all(isinstance(t, str) and t in TYPES for t in skip):
            raise _fail(path, f"'skip_provisions' must be a list of provision types ({', '.join(TYPES)})",
                        line("skip_provisions"))
    for key in ("frame", "needs_frame"):
        if key in data:
            from lintlaw.analysis.conditions import check_spec

            problem = check_spec(data[key])
            if problem:
                raise _fail(path, problem.replace("'frame", f"'{key}"), line(key))
    spec = {k: data[k] for k in ("match", "requires", "forbids", "absent", "undefined", "applies_to", "language",
                                  "min_clauses", "skip_provisions", "frame", "needs_frame") if k in data}
    return Rule(
        code=data["code"], name=data["name"], kind=kind, severity=data["severity"], stance=data["stance"],
        scope=data["scope"], message=" ".join(data["message"].split()), description=data["description"].strip(),
        sources=[dict(s) for s in sources], examples=examples,
        spec=spec, path=path, topic=path.parent.name, title=str(data.get("title") or data["name"]),
        precision=str(data.get("precision", "high")), tags=list(data.get("tags") or []),
        suggestion=(data.get("suggestion") or None),
        todo=todo,
    )


def _rule_files(directory: Path) -> Iterable[Path]:
    for path in sorted(directory.rglob("*.yaml")):
        if "lexicons" not in path.relative_to(directory).parts:
            yield path


def load_rules(
    extra_dirs: Iterable[str | Path] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    *,
    include_default: bool = True,
) -> RuleSet:
    """Load the bundled rule pack plus user rule folders; later folders override by code or name."""
    dirs = [*(default_rule_dirs() if include_default else []), *(Path(d) for d in extra_dirs)]
    for directory in dirs:
        if not directory.is_dir():
            raise RuleError("rule folder not found", file=str(directory), code="E205")
    lexicons = load_lexicons(dirs)
    by_code: dict[str, Rule] = {}
    digest = hashlib.sha256()
    for directory in dirs:
        for path in _rule_files(directory):
            digest.update(path.read_bytes())
            rule = _validate(path, load_yaml(path), lexicons)
            clash = next((r for r in by_code.values() if r.name == rule.name and r.code != rule.code), None)
            if clash is not None and clash.path.parent.parent == rule.path.parent.parent:
                raise _fail(path, f"rule name '{rule.name}' is already used by {clash.code} ({clash.path})", 1, "E206")
            if rule.code in by_code and by_code[rule.code].path.parent.parent == rule.path.parent.parent:
                raise _fail(path, f"rule code {rule.code} is already used by {by_code[rule.code].path}", 1, "E206")
            if clash is not None:
                del by_code[clash.code]
            by_code[rule.code] = rule
    for lexicon in lexicons.values():
        digest.update(lexicon.path.read_bytes())
    rules = sorted(by_code.values(), key=lambda r: r.code)
    ruleset = RuleSet(rules=rules, lexicons=lexicons, version=digest.hexdigest()[:12], dirs=dirs)
    return ruleset.subset(select, ignore) if (select or ignore) else ruleset
