"""AHP kernels on float arrays: priorities, lambda_max, CI and CR.

No validation here: `clusterscore.judgments.validate` checks a matrix,
and `clusterscore.judgments.ahp` calls these. `eigen_kernel` and
`consistency_kernel` work on one matrix or a stack, so the batched
uncertainty stage uses the same definitions as `ahp`.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import numpy.typing as npt

__all__ = ["consistency_kernel", "eigen_kernel"]


def eigen_kernel(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Principal right eigenvectors (sum 1) and eigenvalues; no validation.

    Works on one matrix ``(n, n)`` or a stack ``(..., n, n)`` in one
    batched eigen-decomposition. For a positive matrix the Perron root is
    real, simple and has the largest real part of all eigenvalues
    (Perron's theorem), and its eigenvector can be scaled to be positive.

    Returns
    -------
    weights : numpy.ndarray, shape (..., n)
    lambda_max : numpy.ndarray, shape (...)
    """
    vals, vecs = np.linalg.eig(a)
    k = np.argmax(vals.real, axis=-1)
    lam = np.take_along_axis(vals.real, k[..., None], axis=-1)[..., 0]
    v = np.take_along_axis(vecs, k[..., None, None], axis=-1)[..., 0].real
    return v / v.sum(axis=-1, keepdims=True), lam


def _eigen_kernel(a: np.ndarray) -> tuple[np.ndarray, float]:
    """`eigen_kernel` of one matrix, with lambda_max as a float."""
    w, lam = eigen_kernel(a)
    return w, float(lam)


def _lambda_max_kernel(a: np.ndarray) -> float:
    """Principal eigenvalue of a positive matrix; no validation."""
    return float(np.max(np.linalg.eigvals(a).real))


def _geometric_kernel(a: np.ndarray) -> npt.NDArray[np.float64]:
    """Normalised row geometric means (Crawford & Williams 1985)."""
    g = np.exp(np.log(a).mean(axis=1))
    return cast("npt.NDArray[np.float64]", g / g.sum())


def _arithmetic_kernel(a: np.ndarray) -> npt.NDArray[np.float64]:
    """Row means of the column-normalised matrix (Saaty 1980, approx.)."""
    return cast("npt.NDArray[np.float64]", (a / a.sum(axis=0)).mean(axis=1))


def consistency_kernel(lam: Any, n: int, ri: float) -> tuple[Any, Any]:
    """CI and CR from lambda_max (a float or an array); 0 for n <= 2.

    CI = (lambda_max - n) / (n - 1) and CR = CI / RI(n) (Saaty 1980);
    no validation.
    """
    lam = np.asarray(lam, dtype=float)
    if n <= 2:
        zero = np.zeros_like(lam)
        return zero, zero
    # lambda_max >= n for every positive reciprocal matrix (Saaty 1977);
    # a value a few ulps below n is rounding and counts as 0.
    ci = np.maximum((lam - n) / (n - 1), 0.0)
    return ci, ci / ri


def _consistency_kernel(lam: float, n: int, ri: float) -> tuple[float, float]:
    """`consistency_kernel` of one lambda_max, as floats."""
    ci, cr = consistency_kernel(lam, n, ri)
    return float(ci), float(cr)
