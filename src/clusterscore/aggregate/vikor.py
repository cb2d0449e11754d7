r"""VIKOR compromise ranking (Opricovic and Tzeng 2004) on normalised arrays.

The kernels follow the conventions of `clusterscore.aggregate`: they take a
normalised, higher-is-better matrix ``Y`` of shape ``(m, n)`` (clusters x
indicators) and weights ``W`` of shape ``(n,)`` (one vector summing to 1)
or ``(k, n)`` (a batch of ``k`` vectors), and do not validate.

With :math:`f^*_j = \max_i y_{ij}` (best) and :math:`f^-_j = \min_i y_{ij}`
(worst) per column, Opricovic and Tzeng (2004, section 3, eqs. 2-5) define

.. math::

    d_{ij} = w_j \frac{f^*_j - y_{ij}}{f^*_j - f^-_j}, \quad
    S_i = \sum_j d_{ij}, \quad R_i = \max_j d_{ij},

    Q_i = v \frac{S_i - S^*}{S^- - S^*}
        + (1 - v) \frac{R_i - R^*}{R^- - R^*}

with :math:`S^* = \min_i S_i`, :math:`S^- = \max_i S_i` and likewise for
:math:`R`; a smaller :math:`Q` is better and :math:`v` (default 0.5) is
the weight of the strategy of "the majority of criteria" (group utility
:math:`S`) against the individual regret :math:`R`. The compromise
solution is the best alternative by :math:`Q` if two conditions hold
(step 5): C1 "acceptable advantage", :math:`Q(A^{(2)}) - Q(A^{(1)}) \ge
DQ` with :math:`DQ = 1/(m - 1)`; C2 "acceptable stability in decision
making", :math:`A^{(1)}` is also best by :math:`S` or by :math:`R`.

clusterscore turns :math:`Q` into a higher-is-better score
:math:`1 - Q \in [0, 1]` (``100 (1 - Q)`` on the 0-100 scale).

Because :math:`(f^*_j - y_{ij}) / (f^*_j - f^-_j)` is unchanged by a
positive affine map of column j, VIKOR gives the same result on any
normalisation that is affine per column (min-max, vector with cost columns
as :math:`1 - r`) and on the raw matrix with cost columns reversed: Y may
be the min-max matrix.

Edge rules (documented choices; the paper does not treat them):

- a column with :math:`f^*_j = f^-_j` (every cluster equal) contributes 0
  to :math:`S` and :math:`R` (pyDecision obtains the same by adding
  1e-16 to the denominator; pymcdm refuses such a column);
- when :math:`S^- = S^*` (or :math:`R^- = R^*`) that term of :math:`Q` is
  0, so identical alternatives all get :math:`Q = 0`, score 1.

References
----------
.. [1] Opricovic, S. and Tzeng, G.-H. (2004). Compromise solution by MCDM
   methods: A comparative analysis of VIKOR and TOPSIS. *European Journal
   of Operational Research* 156(2), 445-455.
   doi:10.1016/S0377-2217(03)00020-1
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from clusterscore._checks import as_matrix, as_weights, short_repr
from clusterscore.errors import DataError, ParameterError

__all__ = [
    "DEFAULT_V",
    "VikorResult",
    "check_v",
    "vikor",
    "vikor_conditions",
    "vikor_dimension_kernel",
    "vikor_kernel",
    "vikor_score",
]

FloatArray = npt.NDArray[np.float64]

#: Default weight of the group-utility strategy (Opricovic and Tzeng 2004:
#: "v = 0.5", voting "by consensus").
DEFAULT_V = 0.5

#: Elements of the (k, m, n) temporary of a batch; about 8 MiB.
_BATCH_ELEMENTS = 1 << 20


def check_v(func: str, v: Any) -> float:
    """Return `v` as a float in [0, 1], else raise `ParameterError`."""
    number = isinstance(v, int | float | np.number) and not isinstance(v, bool)
    x = float(v) if number else float("nan")
    if not 0.0 <= x <= 1.0:
        raise ParameterError(
            f"{func}(): 'v' (the weight of the group-utility strategy) must "
            f"be a number in [0, 1]; got {short_repr(v)}.",
            parameter="v",
            value=v,
            allowed="[0, 1]",
        )
    return x


def _regret_matrix(Y: FloatArray) -> FloatArray:
    r"""Per-column normalised regret :math:`(f^*_j - y_{ij})/(f^*_j - f^-_j)`.

    A constant column gives 0 everywhere.
    """
    hi = Y.max(axis=0)
    lo = Y.min(axis=0)
    span = hi - lo
    G: FloatArray = np.subtract(hi, Y)
    np.divide(G, span, out=G, where=span > 0)
    G[:, span <= 0] = 0.0
    return G


def _unit(x: FloatArray, axis: int) -> FloatArray:
    """Min-max rescale along `axis`; 0 where the range is 0."""
    lo = x.min(axis=axis, keepdims=True)
    span = x.max(axis=axis, keepdims=True) - lo
    out = np.subtract(x, lo)
    np.divide(out, span, out=out, where=span > 0)
    return np.where(span > 0, out, 0.0)


def vikor_kernel(
    Y: FloatArray, W: FloatArray, v: float = DEFAULT_V
) -> tuple[FloatArray, FloatArray, FloatArray]:
    r"""VIKOR's :math:`S`, :math:`R` and :math:`Q`; no validation.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values, larger is better; finite, not checked.
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows), each summing to 1.
    v : float, default 0.5
        Weight of the group-utility strategy, in [0, 1].

    Returns
    -------
    S, R, Q : ndarray, shape (m,) or (k, m)
        Group utility, individual regret and the compromise index (all:
        smaller is better; :math:`Q \in [0, 1]`).

    References
    ----------
    .. [1] Opricovic, S. and Tzeng, G.-H. (2004). *European Journal of
       Operational Research* 156(2), 445-455, section 3 (steps 1-3).
       doi:10.1016/S0377-2217(03)00020-1
    """
    G = _regret_matrix(np.asarray(Y, dtype=float))
    W = np.asarray(W, dtype=float)
    m, n = G.shape
    if W.ndim == 1:
        D = G * W
        S = D.sum(axis=1)
        R = D.max(axis=1) if n else np.zeros(m)
    else:
        k = W.shape[0]
        S = np.empty((k, m))
        R = np.empty((k, m))
        step = max(1, _BATCH_ELEMENTS // max(1, m * n))
        for start in range(0, k, step):  # blocks of weight vectors
            stop = min(start + step, k)
            D = W[start:stop, None, :] * G[None, :, :]
            S[start:stop] = D.sum(axis=2)
            R[start:stop] = D.max(axis=2)
    Q = v * _unit(S, -1) + (1.0 - v) * _unit(R, -1)
    return S, R, Q


def vikor_score(
    Y: FloatArray, W: FloatArray, v: float = DEFAULT_V
) -> FloatArray:
    r"""VIKOR as a higher-is-better score :math:`1 - Q_i \in [0, 1]`.

    The aggregation kernel (signature of `clusterscore.aggregate`
    kernels): multiply by 100 for the 0-100 scale. Ranking by the score
    descending is ranking by :math:`Q` ascending, as the method does.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values, larger is better; not checked.
    W : ndarray, shape (n,) or (k, n)
        Weights (one vector or a batch).
    v : float, default 0.5
        Weight of the group-utility strategy.

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        :math:`1 - Q`.

    Examples
    --------
    The numerical example of Opricovic and Tzeng (2004), as transcribed in
    pymcdm's test suite: Q = (1, 0, 1).

    >>> Y = np.array([[1.0, 3000], [2, 3750], [5, 4500]])
    >>> Y[:, 0] = -Y[:, 0]  # the first criterion is a cost
    >>> vikor_score(Y, np.array([0.5, 0.5])).tolist()
    [0.0, 1.0, 0.0]
    """
    _, _, Q = vikor_kernel(Y, W, v)
    return 1.0 - Q


def vikor_dimension_kernel(
    Y: FloatArray,
    M: FloatArray,
    floor: float | None = None,
    *,
    v: float = DEFAULT_V,
) -> FloatArray:
    """Dimension sub-scores of VIKOR: VIKOR on each dimension alone.

    `M` is the (n, n_dims) matrix of within-dimension weights of
    `clusterscore.aggregate.dimension_scores`; column d is zero outside
    dimension d, so a column of `M` is the weight vector of "VIKOR on the
    dimension's indicators". `floor` is accepted for the registry's
    signature and ignored. The overall score is not a function of the
    sub-scores (as for TOPSIS).

    Returns
    -------
    ndarray, shape (m, n_dims)
        :math:`1 - Q` per dimension.
    """
    return vikor_score(Y, np.ascontiguousarray(M.T), v).T


@dataclass(frozen=True)
class VikorResult:
    """VIKOR on one weight vector, with the compromise solution.

    Attributes
    ----------
    S, R, Q : ndarray, shape (m,)
        Group utility, individual regret, compromise index (smaller is
        better).
    score : ndarray, shape (m,)
        :math:`1 - Q`, larger is better.
    order : ndarray of int, shape (m,)
        Row positions sorted by Q (best first; ties by position).
    advantage : bool
        Condition C1, acceptable advantage: Q(A2) - Q(A1) >= 1/(m - 1).
    stability : bool
        Condition C2, acceptable stability: A1 is also best by S or R.
    compromise : tuple of int
        The compromise solution(s), row positions: (A1,) when both
        conditions hold; (A1, A2) when only C2 fails; A1 .. AM when C1
        fails, M the largest with Q(AM) - Q(A1) < 1/(m - 1).
    dq : float
        The threshold :math:`DQ = 1/(m - 1)`.
    v : float
        The strategy weight used.
    """

    S: FloatArray
    R: FloatArray
    Q: FloatArray
    score: FloatArray
    order: np.ndarray
    advantage: bool
    stability: bool
    compromise: tuple[int, ...]
    dq: float
    v: float


def vikor_conditions(
    S: FloatArray, R: FloatArray, Q: FloatArray
) -> tuple[np.ndarray, bool, bool, tuple[int, ...], float]:
    r"""Rank by Q; check conditions C1 and C2; find the compromise set.

    Opricovic and Tzeng (2004), section 3, steps 4-5. With
    :math:`A^{(1)}, A^{(2)}, \dots` the alternatives sorted by :math:`Q`
    (ties by position) and :math:`DQ = 1/(m - 1)`:

    - C1 (acceptable advantage): :math:`Q(A^{(2)}) - Q(A^{(1)}) \ge DQ`;
    - C2 (acceptable stability): :math:`A^{(1)}` is also best ranked by
      :math:`S` or by :math:`R` (ties for best count as best);
    - the compromise set is :math:`\{A^{(1)}\}` if both hold,
      :math:`\{A^{(1)}, A^{(2)}\}` if only C2 fails, and
      :math:`\{A^{(1)}, \dots, A^{(M)}\}` if C1 fails, with :math:`M` the
      largest such that :math:`Q(A^{(M)}) - Q(A^{(1)}) < DQ`.

    With one alternative both conditions hold trivially and DQ is inf.

    Returns
    -------
    order, advantage, stability, compromise, dq
    """
    S, R, Q = (np.asarray(a, dtype=float) for a in (S, R, Q))
    m = Q.shape[0]
    order = np.lexsort((np.arange(m), Q))
    if m < 2:
        return order, True, True, tuple(int(i) for i in order), np.inf
    dq = 1.0 / (m - 1)
    best = order[0]
    gap = Q - Q[best]
    # 1e-12 absorbs rounding in Q (sums of a few products of [0, 1] values)
    advantage = bool(gap[order[1]] >= dq - 1e-12)
    tol = 1e-12
    stability = bool(S[best] <= S.min() + tol or R[best] <= R.min() + tol)
    if advantage and stability:
        compromise: tuple[int, ...] = (int(best),)
    elif advantage:
        compromise = (int(best), int(order[1]))
    else:
        close = order[gap[order] < dq - 1e-12]
        compromise = tuple(int(i) for i in close)
    return order, advantage, stability, compromise, dq


def vikor(Y: Any, weights: Any, v: float = DEFAULT_V) -> VikorResult:
    """VIKOR on a normalised matrix, validated, with the compromise solution.

    Parameters
    ----------
    Y : array_like, shape (m, n)
        Normalised values, larger is better (e.g. min-max; any
        normalisation affine per column gives the same result). Finite.
    weights : array_like, shape (n,)
        Weights, >= 0, summing to 1.
    v : float, default 0.5
        Weight of the group-utility strategy, in [0, 1].

    Returns
    -------
    VikorResult

    Raises
    ------
    DataError
        `Y` not a finite numeric 2-D array with at least one row.
    ParameterError
        Bad `weights` or `v`.

    References
    ----------
    .. [1] Opricovic, S. and Tzeng, G.-H. (2004). *European Journal of
       Operational Research* 156(2), 445-455.
       doi:10.1016/S0377-2217(03)00020-1

    Examples
    --------
    >>> r = vikor([[0.0, 0.0], [0.5, 0.25], [1.0, 1.0]], [0.5, 0.5])
    >>> r.Q.tolist(), r.compromise, r.advantage, r.stability
    ([1.0, 0.6875, 0.0], (2,), True, True)
    """
    func = "vikor"
    arr = _finite_matrix(func, Y)
    w = as_weights(func, weights, arr.shape[1])
    v = check_v(func, v)
    S, R, Q = vikor_kernel(arr, w, v)
    order, adv, stab, comp, dq = vikor_conditions(S, R, Q)
    return VikorResult(S, R, Q, 1.0 - Q, order, adv, stab, comp, dq, v)


def _finite_matrix(func: str, Y: Any) -> FloatArray:
    """`Y` as a finite float matrix with at least one row and column."""
    arr, _, columns = as_matrix(func, Y, name="Y")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise DataError(
            f"{func}(): 'Y' must have at least one row and one column; got "
            f"shape {arr.shape}."
        )
    bad = np.flatnonzero(~np.isfinite(arr).all(axis=0))
    if bad.size:
        names = [str(columns[int(j)]) if columns else str(j) for j in bad]
        raise DataError(
            f"{func}(): 'Y' must be finite; column(s) {', '.join(names)} "
            "hold NaN or infinite values."
        )
    return arr
