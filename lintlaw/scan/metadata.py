"""Document metadata from three places, in order of precedence.

1. the file's own front matter (read by ``lintlaw.ingest``);
2. a sidecar YAML file next to it, named ``<file>.yaml`` (``law.pdf`` → ``law.pdf.yaml``);
3. the file's path, read with a pattern such as ``{jurisdiction}/{year}/*``.

A key given by a higher source is never overwritten by a lower one.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from lintlaw.boundedyaml import load as bounded_load
from lintlaw.errors import ConfigError, InputError

SIDECAR_SUFFIX = ".yaml"
_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_-]*)\}")


class PathPattern:
    """A path pattern such as ``{jurisdiction}/{year}/*`` matched against a path relative to its root.

    ``{name}`` captures one path segment (or part of one: ``{jurisdiction}_*_{year}.txt``), ``*``
    matches within a segment, ``**`` any number of segments. The pattern must match the whole
    relative path; a path that does not match simply gives no metadata.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.fields: list[str] = []
        self._regex = re.compile(self._translate(pattern))

    def _translate(self, pattern: str) -> str:
        text = pattern.strip().strip("/")
        if not text:
            raise ConfigError("empty --path-pattern", code="E362")
        out: list[str] = []
        i = 0
        while i < len(text):
            if text.startswith("**/", i):
                out.append(r"(?:[^/]+/)*")
                i += 3
            elif text.startswith("**", i):
                out.append(r".*")
                i += 2
            elif text[i] == "*":
                out.append(r"[^/]*")
                i += 1
            elif text[i] == "?":
                out.append(r"[^/]")
                i += 1
            elif text[i] == "{":
                match = _FIELD.match(text, i)
                if match is None:
                    raise ConfigError(
                        f"--path-pattern {pattern!r}: bad field at column {i + 1}; "
                        "write {name} with letters, digits, _ or -",
                        code="E362",
                    )
                name = match.group(1)
                if name in self.fields:
                    raise ConfigError(
                        f"--path-pattern {pattern!r}: field {{{name}}} appears twice", code="E362"
                    )
                self.fields.append(name)
                out.append(f"(?P<f{len(self.fields) - 1}>[^/]+?)")
                i = match.end()
            elif text[i] == "}":
                raise ConfigError(
                    f"--path-pattern {pattern!r}: unmatched '}}' at column {i + 1}", code="E362"
                )
            else:
                out.append(re.escape(text[i]))
                i += 1
        if not self.fields:
            raise ConfigError(
                f"--path-pattern {pattern!r} names no field; write e.g. '{{jurisdiction}}/{{year}}/*'",
                code="E362",
            )
        return "".join(out)

    def extract(self, relative_path: str) -> dict[str, str]:
        """The fields read from a ``/``-separated path relative to the scan root ({} if no match)."""
        match = self._regex.fullmatch(relative_path.strip("/"))
        if match is None:
            return {}
        return {name: match.group(f"f{i}") for i, name in enumerate(self.fields)}


def parse_sidecar(data: bytes, path: str) -> dict[str, Any]:
    """The mapping in a sidecar YAML file; a coded ``InputError`` (E108) naming the file if malformed."""
    try:
        loaded = bounded_load(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(
            f"sidecar metadata is not UTF-8 (byte {exc.start})", file=path, code="E108"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or "malformed YAML"
        raise InputError(
            f"malformed YAML in sidecar metadata: {problem}",
            file=path,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            code="E108",
        ) from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise InputError(
            f"sidecar metadata must be a YAML mapping, not {type(loaded).__name__}",
            file=path,
            line=1,
            code="E108",
        )
    return {str(key): value for key, value in loaded.items()}


def merge_metadata(*sources: dict[str, Any]) -> dict[str, Any]:
    """Merge metadata mappings; earlier sources win key by key."""
    merged: dict[str, Any] = {}
    for source in sources:
        for key, value in source.items():
            merged.setdefault(key, value)
    return merged


def plain(value: Any) -> Any:
    """A metadata value made JSON-safe (dates and other YAML scalars become strings)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)
