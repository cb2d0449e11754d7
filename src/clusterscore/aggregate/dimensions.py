"""Dimension sub-scores: within-dimension weights and one kernel per method.

The dimension kernels ``kernel(Y, M, floor)`` take the normalised matrix
and the (n, n_dims) matrix of within-dimension weights built by
`_membership`; `clusterscore.aggregate.api.dimension_scores` validates and
dispatches to them through the registry.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np

from clusterscore.errors import ParameterError
from clusterscore.normalize import FloatArray, _column_stats


def dimension_weights(
    w: FloatArray, groups: Any, n_groups: int | None = None
) -> FloatArray:
    r"""Total weight of each dimension, :math:`\omega_d = \sum_{j \in d} w_j`.

    Parameters
    ----------
    w : ndarray, shape (n,)
        Indicator weights.
    groups : array_like of int, shape (n,)
        The dimension index (0 .. n_groups - 1) of each indicator.
    n_groups : int, optional
        The number of dimensions; default ``max(groups) + 1``.

    Returns
    -------
    ndarray, shape (n_groups,)
        The dimension weights; they sum to ``sum(w)``.
    """
    g = _as_groups(groups, np.shape(w)[-1], n_groups)
    # with weights bincount gives floats (the stubs say intp)
    return cast(
        FloatArray,
        np.bincount(g, weights=w, minlength=_n_groups(g, n_groups)),
    )


def _n_groups(g: np.ndarray, n_groups: int | None) -> int:
    """Return the number of dimensions."""
    return int(g.max()) + 1 if n_groups is None else int(n_groups)


def _as_groups(groups: Any, n: int, n_groups: int | None) -> np.ndarray:
    """Check the group map (cheap, size n) and return it as intp."""
    g = np.asarray(groups)
    if g.shape != (n,) or not np.issubdtype(g.dtype, np.integer):
        raise ParameterError(
            "dimension_scores(): 'groups' must be n integers (one dimension "
            f"index per indicator, n={n}); got shape {g.shape} of dtype "
            f"{g.dtype}.",
            parameter="groups",
            value=groups,
        )
    g = g.astype(np.intp)
    d = _n_groups(g, n_groups) if n else 0
    if n and (g.min() < 0 or g.max() >= d):
        raise ParameterError(
            f"dimension_scores(): 'groups' must lie in 0..{d - 1}; got "
            f"values from {g.min()} to {g.max()}.",
            parameter="groups",
            value=groups,
        )
    empty = np.flatnonzero(np.bincount(g, minlength=d) == 0)
    if empty.size:
        raise ParameterError(
            "dimension_scores(): every dimension needs at least one "
            f"indicator; dimension(s) {empty.tolist()} have none.",
            parameter="groups",
            value=groups,
        )
    return g


def _membership(w: FloatArray, g: np.ndarray, d: int) -> FloatArray:
    r"""(n, d) matrix of within-dimension weights :math:`w_j / \omega_d`.

    A dimension whose weights are all 0 (it cannot move the overall score)
    gets equal weights within, so that its sub-score is still defined and
    informative.
    """
    n = w.shape[0]
    totals = np.bincount(g, weights=w, minlength=d)
    counts = np.bincount(g, minlength=d)
    safe = np.where(totals > 0, totals, 1.0)
    inner = np.where(totals[g] > 0, w / safe[g], 1.0 / counts[g])
    M = np.zeros((n, d))
    M[np.arange(n), g] = inner
    return M


def _times_small(A: FloatArray, M: FloatArray) -> FloatArray:
    """Return ``A @ M`` for a tall A (m, n) and a small M (n, d).

    Computed as ``(M.T @ A.T).T``: the same products, but BLAS runs the
    long dimension as the columns of the output, several times faster
    than the tall-times-small orientation for m in the millions.
    """
    return (M.T @ A.T).T


def _dim_weighted_sum(
    Y: FloatArray, M: FloatArray, floor: float
) -> FloatArray:
    """Dimension sub-scores of the weighted sum."""
    return _times_small(Y, M)


def _dim_geometric(Y: FloatArray, M: FloatArray, floor: float) -> FloatArray:
    """Dimension sub-scores of the weighted geometric mean."""
    L = np.maximum(Y, floor)
    np.log(L, out=L)
    S = _times_small(L, M)
    np.exp(S, out=S)
    return S


def _dim_topsis(Y: FloatArray, M: FloatArray, floor: float) -> FloatArray:
    """Dimension sub-scores of TOPSIS: closeness on each dimension alone."""
    lo, hi, _ = _column_stats(Y)
    M2 = np.square(M)
    U = np.subtract(Y, lo)
    Q = np.subtract(hi, Y)
    np.multiply(U, U, out=U)
    np.multiply(Q, Q, out=Q)
    dminus = np.sqrt(_times_small(U, M2))
    dplus = np.sqrt(_times_small(Q, M2))
    total = dminus + dplus
    out = np.full_like(total, 0.5)
    np.divide(dminus, total, out=out, where=total > 0)
    return out
