"""A heatmap of findings per rule by group (jurisdiction, year …), as PNG or SVG.

Uses matplotlib's object API with the Agg canvas, so it never touches pyplot's global state or
needs a display. Each cell shows its number; colour shows the same number (share of documents
with at least one finding, or the count of findings).
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from lintlaw.errors import ConfigError
from lintlaw.scan.tables import Pivot

MISSING_EXTRA = "E363"
NOTHING = "E365"
ALL = "all"
VALUES = ("share", "count")


def _wrap(label: str, width: int = 14) -> str:
    """A group name folded onto short lines so neighbouring column labels never overlap."""
    return textwrap.fill(label, width=width, break_long_words=True, break_on_hyphens=True) or label


def _matrix(pivot: Pivot, value: str) -> tuple[list[str], list[str], list[list[float]], list[list[str]]]:
    columns = [*pivot.groups, ALL]
    rows, numbers, labels = [], [], []
    for code, name in pivot.rules:
        rows.append(f"{code} {name}" if name and name != code else code)
        line, texts = [], []
        for group in columns:
            key = None if group == ALL else group
            if value == "share":
                share = pivot.share(code, key)
                line.append(share)
                texts.append(f"{share:.0%}")
            else:
                count = pivot.cell(code, key).findings
                line.append(float(count))
                texts.append(str(count))
        numbers.append(line)
        labels.append(texts)
    header = [f"{_wrap(group)}\n(n={pivot.documents.get(group, 0)})" for group in pivot.groups]
    header.append(f"{ALL}\n(n={pivot.total_documents})")
    return rows, header, numbers, labels


def heatmap(pivot: Pivot, output: str | Path, *, value: str = "share", title: str | None = None) -> None:
    """Draw ``pivot`` to ``output`` (format from the suffix: ``.png`` or ``.svg``)."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise ConfigError(
            "plot needs matplotlib; install it with: pip install 'lintlaw[research]'", code=MISSING_EXTRA
        ) from None
    if not pivot.rules or not pivot.groups:
        raise ConfigError("nothing to plot: the store has no analysed documents or no rules", code=NOTHING)
    rows, header, numbers, labels = _matrix(pivot, value)
    label_width = max(len(r) for r in rows)
    column = max(0.85, 0.075 * max(len(line) for h in header for line in h.splitlines()))
    header_lines = max(h.count("\n") + 1 for h in header)
    width = min(60.0, 1.5 + 0.075 * label_width + column * len(header))
    height = min(40.0, 1.6 + 0.42 * len(rows) + 0.15 * header_lines)
    fig = Figure(figsize=(width, height), dpi=120)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    # counts: scale colours to the groups; the larger 'all' column may saturate (numbers are printed)
    top = 1.0 if value == "share" else max(1.0, max(max(line[:-1] or [0.0]) for line in numbers))
    image = ax.imshow(numbers, cmap="YlOrRd", vmin=0.0, vmax=top, aspect="auto")
    ax.set_xticks(range(len(header)), labels=header, fontsize=8)
    ax.set_yticks(range(len(rows)), labels=rows, fontsize=8)
    ax.tick_params(top=False, bottom=True, labeltop=False, labelbottom=True)
    ax.axvline(len(header) - 1.5, color="white", linewidth=3)
    if len(rows) * len(header) <= 600:
        for i, line in enumerate(numbers):
            for j, number in enumerate(line):
                dark = min(number / top, 1.0) > 0.6
                ax.text(j, i, labels[i][j], ha="center", va="center", fontsize=7, color="white" if dark else "black")
    legend = "share of documents with ≥1 finding" if value == "share" else "findings"
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02).set_label(legend, fontsize=8)
    ax.set_title(title or f"lintlaw findings per rule by {pivot.by}", fontsize=10)
    fig.tight_layout()
    _save(fig, output)


def _save(fig: Any, output: str | Path) -> None:
    path = Path(output)
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("png", "svg"):
        raise ConfigError(f"unknown plot format '{path.suffix}': -o must end in .png or .svg", file=str(path), code="E305")
    from matplotlib import rc_context

    try:
        with rc_context({"svg.hashsalt": "lintlaw", "svg.fonttype": "none"}):
            fig.savefig(path, format=suffix, bbox_inches="tight", metadata=_metadata(suffix))
    except OSError as exc:
        raise ConfigError(f"cannot write plot: {exc.strerror or exc}", file=str(path), code="E306") from None


def _metadata(suffix: str) -> dict[str, Any]:
    """Fixed file metadata so the same store always gives the same bytes."""
    if suffix == "svg":
        return {"Date": None, "Creator": "lintlaw"}
    return {"Software": "lintlaw"}
