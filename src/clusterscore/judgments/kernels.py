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

__all__ = ["PERRON_TOL", "consistency_kernel", "eigen_kernel"]


PERRON_TOL = 1e-15
"""Relative change of the weights below which the power iteration stops."""

_SQUARINGS = 6  # A^(2**6) = A^64: error (|lambda_2| / lambda_max)^64


def _lapack_eigen(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Perron vector (sum 1) and root of a (k, n, n) stack by LAPACK."""
    vals, vecs = np.linalg.eig(a)
    k = np.argmax(vals.real, axis=-1)
    lam = np.take_along_axis(vals.real, k[..., None], axis=-1)[..., 0]
    v = np.take_along_axis(vecs, k[..., None, None], axis=-1)[..., 0].real
    return v / v.sum(axis=-1, keepdims=True), lam


def _perron_power(a: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Power iteration by repeated squaring on a (k, n, n) stack.

    Returns the weights (sum 1), lambda_max and whether each matrix
    converged: one more step ``v = A w / sum(A w)`` changed no weight by
    more than ``PERRON_TOL * max(v)``.
    """
    b = a
    with np.errstate(all="ignore"):  # a non-finite stack falls back
        for _ in range(_SQUARINGS):  # loop over the 6 squarings
            b = b @ b
            b = b / b[..., :1, :].sum(axis=-1, keepdims=True)
        w = b.sum(axis=-1)
        w = w / w.sum(axis=-1, keepdims=True)
        v = (a * w[..., None, :]).sum(axis=-1)
        lam = v.sum(axis=-1)
        v = v / lam[..., None]
        ok = np.abs(v - w).max(axis=-1) <= PERRON_TOL * v.max(axis=-1)
    return v, lam, ok


def eigen_kernel(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""Principal right eigenvectors (sum 1) and eigenvalues; no validation.

    Works on one matrix ``(n, n)`` or a stack ``(..., n, n)``. For a
    positive matrix the Perron root :math:`\lambda_{max}` is real, simple
    and strictly larger in modulus than every other eigenvalue, and its
    eigenvector can be scaled to be positive (Perron's theorem), so the
    power iteration :math:`w \leftarrow A w / \sum_i (A w)_i` converges to
    it from any positive start, with error shrinking like
    :math:`(|\lambda_2| / \lambda_{max})^t` (Saaty 1980, ch. 2, computes
    the priorities this way). The kernel takes :math:`t = 64` steps at
    once by six squarings of the matrix (each rescaled), reads
    :math:`w` off the row sums of :math:`A^{64}` and checks with one more
    step that no weight moves by more than ``PERRON_TOL`` (1e-15) times
    the largest; :math:`\lambda_{max} = \sum_i (A w)_i` with
    :math:`\sum_i w_i = 1`. A matrix that has not converged (or is not
    finite) falls back to the LAPACK eigen-decomposition
    (``numpy.linalg.eig``), so the result is always the Perron pair; the
    two agree to about 1e-15 in the weights.

    Returns
    -------
    weights : numpy.ndarray, shape (..., n)
    lambda_max : numpy.ndarray, shape (...)

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process.
       McGraw-Hill.
    .. [2] Golub, G. H. & Van Loan, C. F. (2013). Matrix Computations,
       4th ed., section 7.3.1 (the power method).
    """
    a = np.asarray(a, dtype=float)
    n = a.shape[-1]
    stack = a.reshape(-1, n, n)
    w, lam, ok = _perron_power(stack)
    if not ok.all():
        bad = np.flatnonzero(~ok)
        w[bad], lam[bad] = _lapack_eigen(stack[bad])
    return w.reshape(a.shape[:-1]), lam.reshape(a.shape[:-2])


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
