"""The rule pack on authored variants and near misses of every pattern (beyond the dev set)."""

from __future__ import annotations

import json
from pathlib import Path

CASES = Path(__file__).parent / "fixtures" / "eval" / "authored-variants.yaml"


def test_every_variant_and_near_miss_is_scored_right(cli):
    proc = cli("eval", str(CASES), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    text = json.dumps({"fp": report.get("false_positives"), "fn": report.get("false_negatives")}, indent=1)
    assert report["totals"]["precision"] == 1.0, text
    assert report["totals"]["recall"] == 1.0, text
    assert report["totals"]["cases"] >= 80
