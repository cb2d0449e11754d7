"""The numbers an evaluation report shows, prepared from an `Evaluation`.

No layout here: the what-if payload the page recomputes scores from, the
judgment matrices with their consistency, the input's fingerprint, the
uncertainty run. `clusterscore.present.report` lays them out.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from clusterscore import normalize as _norm
from clusterscore.aggregate import DEFAULT_FLOOR
from clusterscore.errors import ClusterScoreError
from clusterscore.judgments import cr_acceptable

if TYPE_CHECKING:
    from clusterscore.scoring import Evaluation
    from clusterscore.system import Target

__all__ = [
    "WHATIF_METHODS",
    "Matrix",
    "judgment_matrices",
    "normalised_matrix",
    "sha256_of",
    "whatif_payload",
]

WHATIF_METHODS = ("weighted_sum", "geometric", "topsis")
"""Aggregations the page recomputes (TOPSIS from the normalised, oriented
matrix: ideal and anti-ideal are each column's max and min)."""


def sha256_of(
    path: str | os.PathLike[str] | None, table: pd.DataFrame
) -> tuple[str, bool]:
    """SHA-256 of the input file, or of `table` as CSV when no file.

    Returns
    -------
    (str, bool)
        The hex digest and whether it is the file's.
    """
    if path is not None and os.path.isfile(path):
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 16), b""):
                h.update(block)
        return h.hexdigest(), True
    text = table.to_csv(index=False, lineterminator="\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), False


def normalised_matrix(
    ev: Evaluation,
) -> tuple[np.ndarray, list[str], list[str]]:
    """Return the matrix the evaluation aggregated: clusters x indicators.

    Rows follow ``ev.table`` (sorted by cluster name), columns the rows of
    ``ev.weights``; the normalisation is ``ev.options["normalization"]``
    (``"target"`` uses each cluster type's targets), as in `evaluate`.
    """
    system = ev.system
    inds = list(ev.weights.index)
    X = ev.table[inds].to_numpy(dtype=float)
    signs = np.array([system.indicator(i).sign for i in inds], dtype=float)
    method = ev.options["normalization"]
    if method != "target":
        Y = _norm.normalize(X, signs, method=method)
    else:
        types = ev.table["type"].to_numpy(dtype=object)
        Y = np.empty_like(X)
        for t in np.unique(types):
            rows = types == t
            targets = [  # evaluate() made sure each has a target
                cast("Target", system.target(i, t)).value for i in inds
            ]
            Y[rows] = _norm.normalize(
                X[rows], signs, method="target", targets=targets
            )
    clusters = [str(c) for c in ev.table["cluster"]]
    return np.asarray(Y, dtype=float), clusters, inds


def whatif_payload(ev: Evaluation) -> tuple[dict[str, Any] | None, str]:
    """Return the data the what-if slider recomputes the ranking from.

    Returns
    -------
    (dict or None, str)
        The payload (clusters, types, normalised matrix ``Y``, ``ahp`` and
        ``entropy`` weights, each indicator's dimension index ``group``,
        ``method``, ``floor``, the nominal ``alpha``) and an empty string;
        or None and the reason the page cannot recompute.
    """
    o = ev.options
    if o["by_type"]:
        return None, "by_type=True scores each type with its own weights."
    if o["method"] not in WHATIF_METHODS:
        return None, f"method={o['method']!r} is not recomputed in the page."
    w = ev.weights
    objective = o.get("objective", "entropy")  # the objective weights' column
    if w[objective].isna().any():
        return None, f"the {objective} weights are undefined for this table."
    try:
        Y, clusters, inds = normalised_matrix(ev)
    except (ClusterScoreError, AttributeError) as exc:
        return None, str(exc)
    dims = [d for d in ev.system.dimension_ids if d in set(w["dimension"])]
    group = [dims.index(d) for d in w["dimension"]]
    return {
        "clusters": clusters,
        "types": [str(t) for t in ev.table["type"]],
        "indicators": inds,
        "dimensions": dims,
        "group": group,
        "Y": [[float(v) for v in row] for row in Y],
        "ahp": [float(v) for v in w["ahp"]],
        # the objective weights (entropy, CRITIC or std), blended by alpha
        "entropy": [float(v) for v in w[objective]],
        "method": o["method"],
        "floor": DEFAULT_FLOOR,
        "alpha": float(o["alpha"]),
        "nominal_rank": {
            str(c): int(r) for c, r in ev.ranking["rank"].items()
        },
    }, ""


@dataclass(frozen=True)
class Matrix:
    """One judgment matrix as the report shows it."""

    name: str
    labels: tuple[str, ...]
    matrix: np.ndarray
    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    n: int

    @property
    def acceptable(self) -> bool:
        """Whether CR passes Saaty's cut-off (always for n <= 2)."""
        return self.n <= 2 or bool(cr_acceptable(self.cr))


def judgment_matrices(ev: Evaluation) -> list[Matrix]:
    """Every AHP matrix the evaluation used, with its priorities and CR."""
    by_name = {j.name: j for j in ev.system.judgments}
    out = []
    for name, r in ev.judgments.items():
        j = by_name.get(name)
        if j is None:
            continue
        out.append(
            Matrix(
                name=name,
                labels=tuple(j.elements),
                matrix=np.asarray(j.matrix, dtype=float),
                weights=np.asarray(r.weights, dtype=float),
                lambda_max=float(r.lambda_max),
                ci=float(r.ci),
                cr=float(r.cr),
                n=int(r.n),
            )
        )
    return out


def fraction(x: float) -> str:
    """Write a Saaty judgment as people do: ``3``, ``1/5``, ``1.5``."""
    if x >= 1 or x <= 0:
        return f"{x:g}"
    inv = 1.0 / x
    if abs(inv - round(inv)) < 1e-9:
        return f"1/{round(inv)}"
    return f"{x:.3g}"
