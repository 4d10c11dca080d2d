"""YAML front matter: a ``---`` line at the very top, YAML, then a closing ``---`` (or ``...``) line.

The front matter stays in ``Document.text`` (so line numbers match the file); ``body_start`` is the
offset just after the closing line. Values are kept as YAML gives them, except that dates become
ISO strings (so metadata is always JSON-ready) and ``year`` is always a string.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from lintlaw.boundedyaml import BoundedLoader
from lintlaw.ingest.codes import E108, fail

_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class _Loader(BoundedLoader):
    """The bounded ``SafeLoader`` that also refuses aliases, so front matter cannot expand (or loop) when copied."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", mark
            )
        return super().compose_node(parent, index)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], int]:
    """Return (metadata, body_start); ``({}, 0)`` when the text has no front matter."""
    opening = _OPEN.match(text)
    if opening is None:
        return {}, 0
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        raise fail(E108, "front matter opened with '---' on line 1 is never closed", path, 1)
    source = text[opening.end() : closing.start()]
    try:
        data = yaml.load(source, Loader=_Loader)  # noqa: S506 - a SafeLoader without aliases
    except RecursionError:
        raise fail(E108, "malformed front matter: nested too deeply", path, 2) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 1
        column = mark.column + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise fail(E108, f"malformed front matter: {problem}", path, line, column) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise fail(E108, "front matter must be a mapping of keys to values", path, 2)
    metadata = {str(key): _plain(value) for key, value in data.items()}
    lines = _KeyLines(text, opening.end(), closing.start())
    if data.get("year") is not None:
        metadata["year"] = _year(data["year"], path, lines)
    if "language" in metadata and not isinstance(metadata["language"], str):
        raise fail(E108, "front matter 'language' must be a language code such as 'en'", path,
                   lines("language"))
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return metadata, body_start


def _plain(value: Any) -> Any:
    """Dates to ISO strings, recursively; everything else as YAML gave it."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _year(value: Any, path: str, lines: "_KeyLines") -> str:
    """A year given as a number, a string or a date, as a string."""
    if isinstance(value, (dt.date, dt.datetime)):
        return str(value.year)
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise fail(E108, "front matter 'year' must be a year such as 2016", path, lines("year"))


class _KeyLines:
    """Finds the file line on which a top-level front matter key is written."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end

    def __call__(self, key: str) -> int:
        pattern = re.compile(rf"^{re.escape(key)}\s*:", re.MULTILINE)
        found = pattern.search(self.text, self.start, self.end)
        return self.text.count("\n", 0, found.start() if found else self.start) + 1
