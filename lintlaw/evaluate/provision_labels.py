"""Labelled provision types: the reference that clause typing is measured against.

``eval/provisions/<stem>.tsv`` labels the clauses of ``corpus/laws/<stem>.txt``, one row per
clause: ``line``, ``label``, ``type``, ``text`` (the first words of the clause's own text, or its
heading in brackets). A row is matched to a clause of today's outline by its line and the start of
its text, so labels survive changes to clause ids; a clause with no row is not scored, and a row
with no clause counts as a miss (the segmenter lost that provision).

``python -m lintlaw.evaluate.provision_labels template STEM`` prints the rows of a law with an
empty type column, to be labelled by reading the law (never from lintlaw's own guesses).
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lintlaw.structure.provisions import TYPES

PREFIX = 40
COLUMNS = ("line", "label", "type", "text")


@dataclass(frozen=True)
class Label:
    line: int
    label: str
    type: str
    text: str


def _key_text(text: str) -> str:
    return " ".join(text.split())[:PREFIX].casefold()


def clause_rows(root: Path, stem: str) -> list[tuple[int, str, str, str]]:
    """(line, label, provision type, first words) for every clause of a corpus law, as segmented today."""
    from lintlaw.ingest import read_path
    from lintlaw.structure import segment
    from lintlaw.structure.render import clause_text, lines_of

    outline = segment(read_path(root / "corpus" / "laws" / f"{stem}.txt"))
    rows = []
    for clause in outline.clauses():
        words = clause_text(outline, clause) or (f"[{clause.heading}]" if clause.heading else "")
        rows.append((lines_of(outline, clause)[0], clause.label, clause.provision, " ".join(words.split())[:120]))
    return rows


def matched_labels(root: Path, stem: str):
    """(outline, [(label, clause or None)]) for one law: each labelled row with today's clause,
    found by line and first words (or by line alone when one clause starts there)."""
    from lintlaw.ingest import read_path
    from lintlaw.structure import segment
    from lintlaw.structure.render import clause_text, lines_of

    outline = segment(read_path(root / "corpus" / "laws" / f"{stem}.txt"))
    by_key: dict[tuple[int, str], object] = {}
    by_line: dict[int, list[object]] = defaultdict(list)
    for clause in outline.clauses():
        words = clause_text(outline, clause) or (f"[{clause.heading}]" if clause.heading else "")
        line = lines_of(outline, clause)[0]
        by_key[(line, _key_text(words))] = clause
        by_line[line].append(clause)
    spans = [(lines_of(outline, c), c) for c in outline.clauses()]
    pairs = []
    for label in read_labels(root / "eval" / "provisions" / f"{stem}.tsv"):
        clause = by_key.get((label.line, _key_text(label.text)))
        if clause is None and len(by_line.get(label.line, ())) == 1:
            clause = by_line[label.line][0]
        if clause is None:  # the segmenter has moved the clause: the one on that line holding the words
            key = _key_text(label.text.strip("[]"))[:30]
            around = [c for (first, last), c in spans
                      if first <= label.line <= last and key and key in _key_text_full(outline, c)]
            clause = min(around, key=lambda c: c.end - c.start) if around else None
        pairs.append((label, clause))
    return outline, pairs


def _key_text_full(outline, clause) -> str:
    from lintlaw.structure.render import clause_text

    return " ".join(f"{clause_text(outline, clause)} {clause.heading or ''}".split()).casefold()


def labelled_views(root: Path, stems: list[str]):
    """(classifier view, label) for every labelled clause of ``stems`` that today's outline has."""
    from lintlaw.structure.provisions import cues_for, view_of

    for stem in stems:
        if not (root / "eval" / "provisions" / f"{stem}.tsv").is_file():
            continue
        outline, pairs = matched_labels(root, stem)
        cues = cues_for(outline.document.language)
        for label, clause in pairs:
            if clause is not None:
                yield view_of(outline, clause, cues), label.type


def template(root: Path, stem: str) -> str:
    """A TSV with every clause of the law and an empty ``type`` column."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(COLUMNS)
    for line, label, _type, text in clause_rows(root, stem):
        writer.writerow((line, label, "", text))
    return out.getvalue()


def read_labels(path: Path) -> list[Label]:
    """The labelled rows of one TSV file; an unknown type is a ``ValueError`` naming the line."""
    labels = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
            kind = (row.get("type") or "").strip()
            if kind not in TYPES:
                raise ValueError(f"{path}:{number}: unknown provision type {kind!r}")
            labels.append(Label(int(row["line"]), row.get("label") or "", kind, row.get("text") or ""))
    return labels


@dataclass
class TypeScore:
    """Accuracy of provision typing on labelled clauses, with the confusion table."""

    total: int = 0
    correct: int = 0
    lost: int = 0
    confusion: Counter = field(default_factory=Counter)  # (label, predicted) -> count
    by_language: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def per_type(self, language: str | None = None) -> dict[str, tuple[int, int]]:
        """label type -> (correct, total), over all languages or one."""
        source = self.by_language[language] if language else self.confusion
        result: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for (label, predicted), count in source.items():
            result[label][1] += count
            result[label][0] += count if label == predicted else 0
        return {k: (v[0], v[1]) for k, v in sorted(result.items())}


def score(root: Path, stems: list[str], languages: dict[str, str]) -> TypeScore:
    """Compare today's typing with the labels of ``stems`` (laws without a label file are skipped)."""
    result = TypeScore()
    for stem in stems:
        if not (root / "eval" / "provisions" / f"{stem}.tsv").is_file():
            continue
        for label, clause in matched_labels(root, stem)[1]:
            guess = clause.provision if clause is not None else "(lost)"
            result.total += 1
            result.lost += clause is None
            result.correct += guess == label.type
            result.confusion[(label.type, guess)] += 1
            result.by_language[languages.get(stem, "")][(label.type, guess)] += 1
    return result


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "template":
        sys.stdout.write(template(Path.cwd(), sys.argv[2]))
    else:
        sys.exit("usage: python -m lintlaw.evaluate.provision_labels template STEM")
