"""How well ``lintlaw compare`` finds and judges each law's main trafficking provision.

``eval/compare-labels.yaml`` gives, per corpus law, a quote from its main trafficking definition
or offence (or null when it has none) and the reference verdicts ``means_required_for_adults``
and ``consent``. A law counts as *found* when one of compare's provisions (its span, or the whole clause it sits
in) contains the quote;
its verdicts are then compared with that provision's. ``python -m lintlaw.evaluate.compare_labels
[tune|check]`` prints the table.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from lintlaw.evaluate.model import fold


@dataclass
class CompareScore:
    laws: int = 0
    with_provision: int = 0
    found: int = 0
    means_right: int = 0
    consent_right: int = 0
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)  # law, found?, means, consent

    def rate(self, value: int) -> float:
        return value / self.with_provision if self.with_provision else 1.0


def load_labels(root: Path) -> list[dict]:
    return yaml.safe_load((root / "eval" / "compare-labels.yaml").read_text(encoding="utf-8")) or []


def score(root: Path, stems: set[str] | None = None) -> CompareScore:
    from lintlaw.ingest import read_path
    from lintlaw.protocol.compare import compare_document

    result = CompareScore()
    for label in load_labels(root):
        stem = label["law"]
        if stems is not None and stem not in stems:
            continue
        result.laws += 1
        if not label.get("provision"):
            continue
        result.with_provision += 1
        comparison = compare_document(read_path(root / "corpus" / "laws" / f"{stem}.txt"))
        outline = comparison.outline
        quote = fold(label["provision"])
        match = next((a for a in comparison.analyses
                      if quote in fold(outline.text(a.site.clause))
                      or quote in fold(outline.document.text[a.site.start:a.site.end])), None)
        if match is None:
            result.rows.append((stem, "not found", "", ""))
            continue
        result.found += 1
        means_ok = label.get("means_required_for_adults") == match.profile.means_required_for_adults
        consent_ok = label.get("consent") == match.consent
        result.means_right += means_ok
        result.consent_right += consent_ok
        result.rows.append((stem, "found", "right" if means_ok else "wrong", "right" if consent_ok else "wrong"))
    return result


if __name__ == "__main__":
    root = Path.cwd()
    split = sys.argv[1] if len(sys.argv) > 1 else None
    stems = set(yaml.safe_load((root / "eval" / "splits.yaml").read_text(encoding="utf-8"))[split]) if split else None
    s = score(root, stems)
    print(f"laws {s.laws}, with a main provision {s.with_provision}: found {s.found} ({s.rate(s.found):.2f}), "
          f"means right {s.means_right} ({s.rate(s.means_right):.2f}), consent right {s.consent_right} "
          f"({s.rate(s.consent_right):.2f})")
