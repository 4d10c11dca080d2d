"""Train the provision-type classifier from the labelled clauses of the tune split.

    python -m lintlaw.structure.train_types        # writes lintlaw/structure/models/provision_types.npz

Needs scikit-learn (the ``dev`` extra); lintlaw itself needs only numpy to use the result. Only
laws of ``eval/splits.yaml``'s ``tune`` list are read: the check split stays unseen, so the
accuracy ``docs/eval.md`` reports on it is honest. Weights smaller than ``KEEP`` are dropped to
keep the file small.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml

from lintlaw.structure.typemodel import BUCKETS, MODEL_FILE, features

KEEP = 1e-3


def training_rows(root: Path) -> tuple[list[list[int]], list[str]]:
    from lintlaw.evaluate.provision_labels import labelled_views

    stems = yaml.safe_load((root / "eval" / "splits.yaml").read_text(encoding="utf-8"))["tune"]
    rows, labels = [], []
    for view, label in labelled_views(root, stems):
        rows.append(features(view))
        labels.append(label)
    return rows, labels


def train(root: Path) -> Path:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    rows, labels = training_rows(root)
    indptr, indices = [0], []
    for row in rows:
        indices.extend(row)
        indptr.append(len(indices))
    matrix = csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(rows), BUCKETS))
    matrix.sum_duplicates()
    model = LogisticRegression(C=4.0, max_iter=2000)
    model.fit(matrix, labels)
    weights = model.coef_.astype(np.float32)
    rows_i, cols_i = np.nonzero(np.abs(weights) > KEEP)
    target = root / "lintlaw" / "structure" / "models" / MODEL_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(target, classes=np.array(model.classes_), rows=rows_i.astype(np.int16),
                        cols=cols_i.astype(np.int32), values=weights[rows_i, cols_i].astype(np.float16),
                        bias=model.intercept_.astype(np.float32))
    return target


if __name__ == "__main__":
    path = train(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
    print(f"wrote {path} ({path.stat().st_size} bytes)")
