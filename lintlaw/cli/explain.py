"""``lintlaw explain FILE[:LINE]``: the element frames lintlaw reads in a law, and where each
element comes from.

With a line, only the frames whose provision spans that line are shown (the ones a finding on that
line was judged by). Text lists each frame's summary, then every element with its clause label,
line and words; ``--format json`` gives the frames as data (``schema_version`` 1). A document in a
language without an element lexicon gets a notice (exit 0): nothing is analysed.
"""

from __future__ import annotations

import json
import re
from typing import Any

import typer

from lintlaw.errors import ConfigError

FORMATS = ("text", "json")
SCHEMA_VERSION = 1
_TARGET = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+))?$")


def _split(target: str) -> tuple[str, int | None]:
    from pathlib import Path

    if Path(target).exists():
        return target, None
    m = _TARGET.match(target)
    assert m is not None
    return m["path"], int(m["line"]) if m["line"] else None


def _element_lines(outline: Any, frame: Any) -> list[str]:
    position = outline.document.position
    rows = []
    groups = (("act", frame.acts), ("means", frame.means), ("purpose", frame.purposes),
              ("third party", frame.third_party), ("buyer", frame.buyer), ("seller", frame.seller),
              ("consent", frame.consent))
    for name, elements in groups:
        for e in elements:
            role = f" [{e.role}]" if e.role else ""
            rows.append(f"    {name}: {e.sub}{role} — {e.clause_label or e.clause_id}, line {position(e.start)[0]}: "
                        f"\"{e.text}\"")
    return rows


def explain_command(
    target: str = typer.Argument(..., help="A law file, optionally with :LINE to show only the provisions on that line."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Show the element frames of each definition and offence: acts, means, purposes, consent, subject, and where each came from."""
    from lintlaw.analysis import frames_of, has_pack
    from lintlaw.ingest import read_path
    from lintlaw.structure import segment

    if fmt not in FORMATS:
        raise ConfigError(f"unknown --format '{fmt}' (one of {', '.join(FORMATS)})", code="E305")
    path, line = _split(target)
    document = read_path(path)
    outline = segment(document)
    frames = frames_of(outline)
    if line is not None:
        frames = [f for f in frames
                  if document.position(f.start)[0] <= line <= document.position(max(f.start, f.end - 1))[0]]
    analysed = has_pack(document.language)
    if fmt == "json":
        typer.echo(json.dumps({
            "schema_version": SCHEMA_VERSION, "path": document.path, "language": document.language,
            "analysed": analysed, "line": line, "frames": [f.to_dict() for f in frames],
        }, ensure_ascii=False, indent=2))
        return
    if not analysed:
        typer.echo(f"{document.path}: N001 notice: no element lexicon for language '{document.language}'; "
                   "nothing was analysed (lintlaw reads en, fr, es and de)")
        return
    if not frames:
        where = f" on line {line}" if line is not None else ""
        typer.echo(f"{document.path}: no definition or offence{where}")
        return
    for frame in frames:
        term = f" of \"{frame.term}\"" if frame.term else ""
        first = document.position(frame.start)[0]
        typer.echo(f"{frame.clause.label or frame.clause.id} (line {first}): {frame.kind}{term}")
        typer.echo(f"  {frame.summary()}")
        framing = frame.framing or "not named"
        typer.echo(f"  trafficking: {framing}; polarity: {frame.polarity}")
        for row in _element_lines(outline, frame):
            typer.echo(row)
        typer.echo("")


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_command)
