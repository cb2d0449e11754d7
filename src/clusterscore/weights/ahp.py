"""Analytic Hierarchy Process: priorities and consistency of a matrix.

Minimal core (eigenvector method, Saaty's random index); the full module
(other methods, RI tables, diagnosis, group and incomplete judgments) is
built on this interface.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from clusterscore.errors import JudgmentError

__all__ = ["AHPResult", "ahp"]

_SAATY_RI = (
    0.0,
    0.0,
    0.58,
    0.90,
    1.12,
    1.24,
    1.32,
    1.41,
    1.45,
    1.49,
    1.51,
    1.48,
    1.56,
    1.57,
    1.59,
)


@dataclass(frozen=True)
class AHPResult:
    """Priorities and consistency of one pairwise comparison matrix."""

    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    ri: float
    n: int
    method: str


def ahp(
    matrix,
    method: str = "eigenvector",
    ri: str = "saaty",
    max_cr: float | None = None,
) -> AHPResult:
    """Return the AHP priorities and consistency ratio of `matrix`."""
    a = np.asarray(matrix, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.size == 0:
        raise JudgmentError(f"ahp(): matrix must be square; got {a.shape}.")
    n = a.shape[0]
    vals, vecs = np.linalg.eig(a)
    k = int(np.argmax(vals.real))
    lam = float(vals[k].real)
    w = np.abs(vecs[:, k].real)
    w = w / w.sum()
    ci = (lam - n) / (n - 1) if n > 2 else 0.0
    ri_value = _SAATY_RI[n - 1]
    cr = ci / ri_value if n > 2 else 0.0
    w.setflags(write=False)
    if max_cr is not None and cr >= max_cr:
        raise JudgmentError(
            f"ahp(): consistency ratio {cr:.4f} >= {max_cr}.",
            cr=cr,
            threshold=max_cr,
        )
    return AHPResult(w, lam, ci, cr, ri_value, n, method)
