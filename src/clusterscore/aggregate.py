r"""Aggregation: from normalised indicators and weights to one score each.

Kernels take a normalised, higher-is-better matrix ``Y`` of shape
``(m, n)`` (clusters x indicators, normally in [0, 1]) and weights ``W``
that are either one vector of shape ``(n,)`` summing to 1, giving scores of
shape ``(m,)``, or a batch of ``k`` weight vectors of shape ``(k, n)``
(each row summing to 1), giving scores of shape ``(k, m)`` in one call,
without a Python loop over the ``k`` samples (the Monte Carlo stage uses
this). Kernels do not validate.

- `weighted_sum`: :math:`S_i = \sum_j w_j y_{ij}`.
- `weighted_geometric`: :math:`S_i = \prod_j \max(y_{ij}, f)^{w_j}` with
  a floor :math:`f` (`DEFAULT_FLOOR` = 0.01).
- `topsis_closeness`: TOPSIS relative closeness on ``Y`` (Hwang and Yoon
  1981).
- `dimension_scores`: per-dimension sub-scores consistent with each of the
  three (for the weighted sum and the geometric mean the overall score is
  the dimension-weighted combination of the sub-scores).

The public, validating functions are `aggregate` (dispatching through the
`AGGREGATIONS` registry) and `topsis` (TOPSIS on a raw decision matrix,
fast: two blocked passes over memory).

Large matrices are processed in row blocks of about 2**15 elements so that
temporaries stay in the CPU cache and peak memory does not grow with the
number of clusters; the loop is over blocks of thousands of rows, never
over single clusters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterscore._checks import (
    as_directions,
    as_matrix,
    as_weights,
    check_option,
)
from clusterscore.errors import ParameterError
from clusterscore.normalize import (
    FloatArray,
    SignArray,
    _align,
    _block_rows,
    _check_finite,
    _check_nonnegative,
    _check_shape,
    _check_span,
    _column_norms,
    _column_stats,
    minmax_kernel,
    vector_kernel,
)

__all__ = [
    "AGGREGATIONS",
    "DEFAULT_FLOOR",
    "TOPSIS_NORMALIZATIONS",
    "AggregationMethod",
    "aggregate",
    "dimension_scores",
    "dimension_weights",
    "topsis",
    "topsis_closeness",
    "weighted_geometric",
    "weighted_sum",
]

#: Floor of the weighted geometric mean: a normalised value below 1 % of
#: the best attainable (1.0) counts as 1 %. A min-max zero (the worst
#: cluster on one indicator) then costs a factor 0.01**w_j instead of
#: annihilating the score; this is the floor that COINr users obtain by
#: rescaling min-max to [1, 100] before a geometric mean (COINr issues 47
#: and 65), applied only to the values below it.
DEFAULT_FLOOR = 0.01

#: Normalisations that `topsis` accepts: Hwang and Yoon's vector
#: normalisation (the default) and min-max.
TOPSIS_NORMALIZATIONS = ("vector", "minmax")


# --------------------------------------------------------------------------
# kernels


def _output(W: FloatArray, m: int) -> FloatArray:
    """Allocate scores: (m,) for one weight vector, (k, m) for k of them."""
    return np.empty(m) if W.ndim == 1 else np.empty((W.shape[0], m))


def weighted_sum(Y: FloatArray, W: FloatArray) -> FloatArray:
    r"""Weighted arithmetic mean of each row; no validation.

    .. math:: S_i = \sum_j w_j \, y_{ij}

    Fully compensatory: a unit lost on one indicator is made up by
    :math:`w_j / w_k` units on another.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values, larger is better; not checked.
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows), each summing to 1.

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        The scores; in [0, 1] (up to rounding) when `Y` is.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 6 (linear aggregation).
       doi:10.1787/9789264043466-en
    """
    W = np.asarray(W, dtype=float)
    if W.ndim == 1:
        return Y @ W
    return W @ Y.T


def weighted_geometric(
    Y: FloatArray, W: FloatArray, floor: float = DEFAULT_FLOOR
) -> FloatArray:
    r"""Weighted geometric mean of each row with a floor; no validation.

    .. math::

        S_i = \prod_j \max(y_{ij}, f)^{w_j}
            = \exp\Big(\sum_j w_j \log \max(y_{ij}, f)\Big)

    computed as one log pass and one matrix product. Partly compensatory:
    a low value costs more than a high value elsewhere gives back. The
    floor :math:`f > 0` keeps one zero (the worst cluster on one indicator
    after min-max) from collapsing the whole score to 0; with `Y` in
    [0, 1] the score lies in :math:`[f, 1]`. ``max(y, f)`` is
    non-decreasing in ``y``, so raising an indicator never lowers a score.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values >= 0, larger is better; not checked.
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows), each summing to 1.
    floor : float, default 0.01
        The floor :math:`f`, > 0 (see `DEFAULT_FLOOR`).

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        The scores.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 6 (geometric aggregation,
       which needs strictly positive values).
       doi:10.1787/9789264043466-en
    .. [2] Becker, W. et al. (2022). COINr: an R package for developing
       composite indicators. *Journal of Open Source Software* 7(78),
       4567; issues bluefoxr/COINr#47 and #65 (geometric mean after
       min-max). doi:10.21105/joss.04567
    """
    W = np.asarray(W, dtype=float)
    m, n = Y.shape
    out = _output(W, m)
    step = _block_rows(n)
    buf = np.empty((min(step, m), n))
    for start in range(0, m, step):
        stop = min(start + step, m)
        b = buf[: stop - start]
        np.maximum(Y[start:stop], floor, out=b)
        np.log(b, out=b)
        if W.ndim == 1:
            np.matmul(b, W, out=out[start:stop])
        else:
            out[:, start:stop] = W @ b.T
    np.exp(out, out=out)
    return out


def _closeness(
    X: FloatArray,
    W: FloatArray,
    origin: FloatArray,
    divisor: FloatArray | None,
    gap: FloatArray,
) -> FloatArray:
    r"""TOPSIS closeness from per-column affine maps; the shared core.

    With :math:`u_{ij} = (x_{ij} - o_j) / c_j \in [0, g_j]` the distance of
    cluster i's normalised value from the anti-ideal (so :math:`g_j - u_{ij}`
    is its distance from the ideal), the weighted Euclidean distances are

    .. math::

        d^-_i = \sqrt{\textstyle\sum_j w_j^2 u_{ij}^2}, \qquad
        d^+_i = \sqrt{\textstyle\sum_j w_j^2 (g_j - u_{ij})^2}

    which is two squared blocks and two matrix products per row block
    (for a batch of weights too), with no cancellation. The closeness is
    :math:`C_i = d^-_i / (d^+_i + d^-_i)`, and 0.5 where both distances
    are 0 (every alternative identical on every weighted criterion).
    """
    W2 = np.square(np.asarray(W, dtype=float))
    m, n = X.shape
    dminus = _output(W2, m)
    dplus = _output(W2, m)
    step = _block_rows(n)
    rows = min(step, m)
    ubuf = np.empty((rows, n))
    qbuf = np.empty((rows, n))
    for start in range(0, m, step):
        stop = min(start + step, m)
        u = ubuf[: stop - start]
        q = qbuf[: stop - start]
        np.subtract(X[start:stop], origin, out=u)
        if divisor is not None:
            np.divide(u, divisor, out=u)
        np.subtract(gap, u, out=q)
        np.multiply(u, u, out=u)
        np.multiply(q, q, out=q)
        if W2.ndim == 1:
            np.matmul(u, W2, out=dminus[start:stop])
            np.matmul(q, W2, out=dplus[start:stop])
        else:
            np.matmul(W2, u.T, out=dminus[:, start:stop])
            np.matmul(W2, q.T, out=dplus[:, start:stop])
    # In place, so that a large batch needs two (k, m) arrays, not four.
    np.sqrt(dminus, out=dminus)
    np.sqrt(dplus, out=dplus)
    total = np.add(dplus, dminus, out=dplus)
    np.divide(dminus, total, out=dminus, where=total > 0)
    np.copyto(dminus, 0.5, where=total == 0)
    return dminus


def topsis_closeness(Y: FloatArray, W: FloatArray) -> FloatArray:
    r"""TOPSIS relative closeness of a normalised matrix; no validation.

    `Y` is already normalised with every column oriented so that larger is
    better (the output of `clusterscore.normalize.normalize`). Per column,
    the ideal is :math:`y^+_j = \max_i y_{ij}` and the anti-ideal
    :math:`y^-_j = \min_i y_{ij}`; with weighted values
    :math:`v_{ij} = w_j y_{ij}`,

    .. math::

        d^+_i = \sqrt{\textstyle\sum_j w_j^2 (y^+_j - y_{ij})^2}, \quad
        d^-_i = \sqrt{\textstyle\sum_j w_j^2 (y_{ij} - y^-_j)^2}, \quad
        C_i = \frac{d^-_i}{d^+_i + d^-_i} \in [0, 1]

    and :math:`C_i = 0.5` when :math:`d^+_i = d^-_i = 0` (all alternatives
    identical). For a normalisation that is affine per column (vector,
    with cost columns flipped as :math:`1 - r`, or min-max) the distances
    are those of the classical method on the raw matrix, so
    ``topsis_closeness(normalize(X, d, method="vector"), w)`` equals
    ``topsis(X, w, d)``.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values, larger is better; finite, not checked.
    W : ndarray, shape (n,) or (k, n)
        One weight vector, or k of them (rows).

    Returns
    -------
    ndarray, shape (m,) or (k, m)
        The closeness coefficients, in [0, 1].

    References
    ----------
    .. [1] Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision
       Making: Methods and Applications*. Lecture Notes in Economics and
       Mathematical Systems 186. Springer, pp. 128-134.
       doi:10.1007/978-3-642-48318-9
    """
    lo, hi, _ = _column_stats(Y)
    return _closeness(Y, W, lo, None, hi - lo)


def _topsis_raw(
    X: FloatArray,
    W: FloatArray,
    signs: SignArray,
    normalization: str,
    stats: tuple[FloatArray, FloatArray, FloatArray | None] | None = None,
) -> FloatArray:
    """TOPSIS on a raw decision matrix; no validation.

    The normalisation, the weighting, the ideal and anti-ideal and the
    direction are folded into one affine map per column, so the matrix is
    read twice: once for the column statistics (min, max, sum of squares)
    and once, block by block, for the distances. `stats` lets the caller
    pass statistics it already computed while validating.
    """
    n = X.shape[1]
    lo, hi, ss = stats or _column_stats(X, sumsq=normalization == "vector")
    spread = hi - lo
    if normalization == "vector":
        assert ss is not None
        scale = _column_norms(X, lo, hi, ss)
    else:
        scale = spread
    # u = (x - anti-ideal) / (s * scale) >= 0, for benefit and cost alike.
    # A column with scale 0 is constant: dividing by inf makes it add
    # nothing (and a division, unlike multiplying by 1/scale, cannot
    # overflow for subnormal scales).
    flat = scale == 0
    divisor = np.where(flat, np.inf, scale * signs)
    gap = np.divide(spread, scale, out=np.zeros(n), where=~flat)
    origin = np.where(signs > 0, lo, hi)
    return _closeness(X, W, origin, divisor, gap)


# --------------------------------------------------------------------------
# dimension sub-scores


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
    return np.bincount(g, weights=w, minlength=_n_groups(g, n_groups))


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


def dimension_scores(
    Y: FloatArray,
    w: FloatArray,
    groups: Any,
    method: str = "weighted_sum",
    *,
    floor: float = DEFAULT_FLOOR,
    n_groups: int | None = None,
    directions: Any = None,
    normalization: str | None = None,
) -> FloatArray:
    r"""Sub-score of each cluster on each dimension, in [0, 1].

    With :math:`\omega_d = \sum_{j \in d} w_j` the dimension's weight and
    :math:`w_j/\omega_d` the within-dimension weights:

    - ``"weighted_sum"``: :math:`S_{id} = \sum_{j\in d} w_j y_{ij} /
      \omega_d`, so that the score is :math:`S_i = \sum_d \omega_d S_{id}`
      exactly;
    - ``"geometric"``: :math:`S_{id} = \prod_{j\in d} \max(y_{ij},
      f)^{w_j/\omega_d}`, so that :math:`S_i = \prod_d S_{id}^{\omega_d}`;
    - ``"topsis"``: the TOPSIS closeness computed on dimension d's
      indicators alone (ideal and anti-ideal of those columns, weights
      :math:`w_j/\omega_d`; closeness does not depend on the weights'
      scale). The overall closeness is not a function of these
      sub-scores: TOPSIS distances do not decompose by dimension.

    A dimension whose indicator weights are all 0 gets equal weights
    within (it contributes nothing to the score either way).

    This is a kernel: `Y` and `w` are trusted (finite; `Y` normalised,
    larger is better; `w` of shape (n,)); only `groups` and `method`, which
    are cheap to check, are validated.

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values.
    w : ndarray, shape (n,)
        Indicator weights summing to 1.
    groups : array_like of int, shape (n,)
        The dimension index (0 .. n_groups - 1) of each indicator.
    method : {"weighted_sum", "geometric", "topsis"}
        The aggregation the sub-scores must be consistent with.
    floor : float, default 0.01
        The geometric mean's floor (ignored by the other methods).
    n_groups : int, optional
        The number of dimensions; default ``max(groups) + 1``. Every
        dimension needs at least one indicator.
    directions : array_like of +1/-1, optional
        With `normalization`: the directions of the raw matrix's columns
        (None = all benefit).
    normalization : {"vector", "minmax"}, optional
        Only with ``method="topsis"``: `Y` is then the raw decision matrix
        given to `topsis`, normalised here the same way, so that the
        sub-scores match ``topsis(Y, w, directions, normalization=...)``
        (vector normalisation with cost columns as :math:`1 - r` and
        min-max are affine per column, so TOPSIS on the normalised matrix
        equals TOPSIS on the raw one).

    Returns
    -------
    ndarray, shape (m, n_groups)
        The sub-scores (multiply by 100 for the 0-100 scale).

    Raises
    ------
    ParameterError
        Unknown `method` or `normalization`; `normalization` with another
        method than TOPSIS; `groups` not n integers in range; an empty
        dimension.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 6.
       doi:10.1787/9789264043466-en
    .. [2] Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision
       Making*. Springer. doi:10.1007/978-3-642-48318-9

    Examples
    --------
    >>> Y = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 1.0]])
    >>> w = np.array([0.2, 0.3, 0.5])
    >>> dimension_scores(Y, w, [0, 1, 1]).round(4).tolist()
    [[1.0, 0.3125], [0.0, 1.0]]
    """
    func = "dimension_scores"
    check_option(func, "method", method, AGGREGATIONS)
    if normalization is not None:
        check_option(
            func, "normalization", normalization, TOPSIS_NORMALIZATIONS
        )
        if method != "topsis":
            raise ParameterError(
                f"{func}(): 'normalization' only applies to method='topsis' "
                f"(other methods take the normalised matrix); got "
                f"method={method!r}.",
                parameter="normalization",
                value=normalization,
            )
        signs = (
            np.ones(Y.shape[1], dtype=np.int8)
            if directions is None
            else np.asarray(directions, dtype=np.int8)
        )
        kernel = vector_kernel if normalization == "vector" else minmax_kernel
        Y = kernel(np.asarray(Y, dtype=float), signs)
    w = np.asarray(w, dtype=float)
    g = _as_groups(groups, Y.shape[1], n_groups)
    d = _n_groups(g, n_groups)
    M = _membership(w, g, d)
    return AGGREGATIONS[method].dimension_kernel(Y, M, floor)


# --------------------------------------------------------------------------
# registry


@dataclass(frozen=True)
class AggregationMethod:
    """One aggregation method of the registry.

    Attributes
    ----------
    name : str
        The option value (``aggregate(..., method=name)``).
    kernel : callable
        ``kernel(Y, W, **options)`` -> scores (m,) or (k, m).
    options : tuple of str
        The keyword options the kernel takes (``("floor",)`` or empty).
    nonnegative : bool
        Whether the method needs every normalised value >= 0.
    dimension_kernel : callable
        ``dimension_kernel(Y, M, floor)`` with M the (n, n_dims) matrix of
        within-dimension weights; see `dimension_scores`.
    formula : str
        The formula in plain text, for docs and help.
    subscore : str
        What a dimension sub-score means for this method.
    """

    name: str
    kernel: Callable[..., FloatArray]
    options: tuple[str, ...]
    nonnegative: bool
    dimension_kernel: Callable[[FloatArray, FloatArray, float], FloatArray]
    formula: str
    subscore: str


AGGREGATIONS: dict[str, AggregationMethod] = {
    "weighted_sum": AggregationMethod(
        "weighted_sum",
        weighted_sum,
        options=(),
        nonnegative=False,
        dimension_kernel=_dim_weighted_sum,
        formula="S = sum_j w_j y_j",
        subscore="weighted mean of the dimension's indicators; the score "
        "is the dimension-weighted sum of the sub-scores",
    ),
    "geometric": AggregationMethod(
        "geometric",
        weighted_geometric,
        options=("floor",),
        nonnegative=True,
        dimension_kernel=_dim_geometric,
        formula="S = prod_j max(y_j, floor)^w_j, floor 0.01",
        subscore="weighted geometric mean of the dimension's indicators; "
        "the score is the dimension-weighted geometric mean of the "
        "sub-scores",
    ),
    "topsis": AggregationMethod(
        "topsis",
        topsis_closeness,
        options=(),
        nonnegative=False,
        dimension_kernel=_dim_topsis,
        formula="C = d-/(d+ + d-), weighted Euclidean distances to the "
        "ideal (d+) and anti-ideal (d-)",
        subscore="TOPSIS closeness on the dimension's indicators alone; "
        "the score is not a function of the sub-scores",
    ),
}


# --------------------------------------------------------------------------
# public


def _as_weight_array(
    func: str, weights: Any, n: int, columns: Sequence[Any] | None
) -> FloatArray:
    """Weights as (n,) or (k, n), each vector >= 0 and summing to 1.

    Vectors within 1e-8 of summing to 1 are rescaled to sum to 1 exactly
    (up to rounding), so that scores of a [0, 1] matrix stay in [0, 1].
    """
    if isinstance(weights, pd.DataFrame):
        weights = weights.to_numpy(dtype=float)
    weights = _align(func, "weights", weights, columns)
    try:
        W = np.asarray(weights, dtype=float)
    except (TypeError, ValueError):
        raise ParameterError(
            f"{func}(): 'weights' must be numbers; got {weights!r}.",
            parameter="weights",
            value=weights,
        ) from None
    if W.ndim <= 1:
        w = as_weights(func, W, n)
        return w / w.sum()
    if W.ndim != 2 or W.shape[1] != n or W.shape[0] == 0:
        raise ParameterError(
            f"{func}(): 'weights' must have shape ({n},) or (k, {n}) (one "
            f"row per weight vector); got shape {W.shape}.",
            parameter="weights",
            value=weights,
        )
    bad = np.flatnonzero(~np.all(np.isfinite(W) & (W >= 0), axis=1))
    if bad.size:
        raise ParameterError(
            f"{func}(): every weight must be finite and non-negative; rows "
            f"{bad[:10].tolist()} are not.",
            parameter="weights",
            value=weights,
        )
    totals = W.sum(axis=1)
    bad = np.flatnonzero(np.abs(totals - 1.0) > 1e-8)
    if bad.size:
        shown = ", ".join(f"row {i}: {totals[i]:.10g}" for i in bad[:10])
        raise ParameterError(
            f"{func}(): each row of 'weights' must sum to 1; {shown}.",
            parameter="weights",
            value=weights,
        )
    return W / totals[:, None]


def _wrap(
    scores: FloatArray, X: Any, name: str
) -> FloatArray | pd.Series | pd.DataFrame:
    """Label scores like the input: Series (one vector) or DataFrame (k)."""
    if not isinstance(X, pd.DataFrame):
        return scores
    if scores.ndim == 1:
        return pd.Series(scores, index=X.index, name=name)
    return pd.DataFrame(scores, columns=X.index)


def aggregate(
    Y: Any,
    weights: Any,
    method: str = "weighted_sum",
    *,
    floor: float | None = None,
) -> Any:
    """Aggregate a normalised matrix into one score per cluster.

    Parameters
    ----------
    Y : array_like or pandas.DataFrame, shape (m, n)
        Normalised values, larger is better (the output of
        `clusterscore.normalize.normalize`); finite, and >= 0 for
        ``"geometric"``.
    weights : array_like, shape (n,) or (k, n)
        One weight vector summing to 1, or k of them as rows (a batch:
        the result then has one row of scores per weight vector). With a
        DataFrame, a mapping or Series keyed by column is aligned.
    method : {"weighted_sum", "geometric", "topsis"}
        The registry entry in `AGGREGATIONS`: `weighted_sum`,
        `weighted_geometric`, `topsis_closeness`.
    floor : float, optional
        The geometric mean's floor in (0, 1]; default `DEFAULT_FLOOR`
        (0.01). Only for ``"geometric"``.

    Returns
    -------
    ndarray, pandas.Series or pandas.DataFrame
        Scores of shape (m,), or (k, m) for a batch; a DataFrame in gives
        a Series named ``"score"`` indexed like `Y` (a DataFrame with `Y`'s
        index as columns for a batch). In [0, 1] when `Y` is.

    Raises
    ------
    ParameterError
        Unknown `method`; weights of the wrong shape, negative, or not
        summing to 1 (within 1e-8); a `floor` outside (0, 1] or given to
        another method.
    DataError
        Non-numeric, empty or non-finite `Y` (naming the column and rows);
        negative values with ``"geometric"``.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 6.
       doi:10.1787/9789264043466-en
    .. [2] Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision
       Making*. Springer. doi:10.1007/978-3-642-48318-9

    Examples
    --------
    >>> Y = [[1.0, 0.0], [0.5, 0.5]]
    >>> aggregate(Y, [0.75, 0.25]).tolist()
    [0.75, 0.5]
    >>> aggregate(Y, [0.5, 0.5], "geometric").round(4).tolist()
    [0.1, 0.5]
    """
    func = "aggregate"
    check_option(func, "method", method, AGGREGATIONS)
    spec = AGGREGATIONS[method]
    arr, index, columns = as_matrix(func, Y, name="Y")
    _check_shape(func, arr, name="Y")
    lo, hi, _ = _column_stats(arr)
    _check_finite(func, arr, lo, hi, index, columns, name="Y")
    options: dict[str, Any] = {}
    if "floor" in spec.options:
        options["floor"] = _as_floor(func, floor)
    elif floor is not None:
        raise ParameterError(
            f"{func}(): 'floor' only applies to method='geometric'; got "
            f"method={method!r}.",
            parameter="floor",
            value=floor,
        )
    if spec.nonnegative:
        _check_nonnegative(
            func,
            lo,
            columns,
            f"method={method!r} (use a bounded normalisation, not z-scores)",
            name="Y",
        )
    W = _as_weight_array(func, weights, arr.shape[1], columns)
    return _wrap(spec.kernel(arr, W, **options), Y, "score")


def _as_floor(func: str, floor: Any) -> float:
    """Return the geometric floor as a float in (0, 1], else raise."""
    if floor is None:
        return DEFAULT_FLOOR
    try:
        f = float(floor)
    except (TypeError, ValueError):
        f = float("nan")
    if not 0.0 < f <= 1.0:
        raise ParameterError(
            f"{func}(): 'floor' must be a number in (0, 1]; got {floor!r}.",
            parameter="floor",
            value=floor,
            allowed="(0, 1]",
        )
    return f


def topsis(
    X: Any,
    weights: Any,
    directions: Any = None,
    *,
    normalization: str = "vector",
) -> Any:
    r"""TOPSIS relative closeness of each alternative (Hwang and Yoon 1981).

    Steps, for a raw decision matrix :math:`X` (m alternatives x n
    criteria) with weights :math:`w` and directions :math:`s_j`:

    1. normalise each column: vector :math:`r_{ij} = x_{ij} /
       \sqrt{\sum_k x_{kj}^2}` (default) or min-max :math:`r_{ij} =
       (x_{ij} - \min_k x_{kj}) / (\max_k x_{kj} - \min_k x_{kj})`;
    2. weight: :math:`v_{ij} = w_j r_{ij}`;
    3. ideal :math:`v^+_j` and anti-ideal :math:`v^-_j`: the column's
       maximum and minimum of :math:`v` for a benefit criterion, minimum
       and maximum for a cost criterion;
    4. Euclidean distances :math:`d^+_i = \lVert v_i - v^+ \rVert`,
       :math:`d^-_i = \lVert v_i - v^- \rVert`;
    5. closeness :math:`C_i = d^-_i / (d^+_i + d^-_i) \in [0, 1]`, larger
       is better; :math:`C_i = 0.5` when :math:`d^+_i = d^-_i = 0` (all
       alternatives identical).

    Steps 1-4 are folded into one affine map per column, so `X` is read
    twice and no full-size temporary is made. A constant column (or an
    all-zero one under vector normalisation) adds nothing to either
    distance. Vector normalisation accepts any finite values.

    Parameters
    ----------
    X : array_like or pandas.DataFrame, shape (m, n)
        The raw decision matrix: finite values.
    weights : array_like, shape (n,) or (k, n)
        Criterion weights summing to 1, or k weight vectors as rows.
    directions : sequence, mapping or None, optional
        ``"benefit"``/``"cost"`` or +1/-1 per criterion; None = all
        benefit.
    normalization : {"vector", "minmax"}
        See `TOPSIS_NORMALIZATIONS`.

    Returns
    -------
    ndarray, pandas.Series or pandas.DataFrame
        Closeness of shape (m,), or (k, m) for a batch of weights; a
        Series named ``"closeness"`` (or a DataFrame) when `X` is a
        DataFrame.

    Raises
    ------
    ParameterError
        Unknown `normalization`; wrong-length `directions`; weights of the
        wrong shape, negative or not summing to 1.
    DataError
        Non-numeric, empty or non-finite `X`, naming the column and rows.

    References
    ----------
    .. [1] Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision
       Making: Methods and Applications*. Lecture Notes in Economics and
       Mathematical Systems 186. Springer, pp. 128-134 (method), pp.
       133-134 (worked example). doi:10.1007/978-3-642-48318-9

    Examples
    --------
    The fighter-aircraft example of Hwang and Yoon (1981, p. 133); the
    book prints closeness 0.643, 0.268, 0.613, 0.312 (it rounds every
    intermediate step to four decimals):

    >>> X = [[2.0, 1500, 20000, 5.5, 5, 9],
    ...      [2.5, 2700, 18000, 6.5, 3, 5],
    ...      [1.8, 2000, 21000, 4.5, 7, 7],
    ...      [2.2, 1800, 20000, 5.0, 5, 5]]
    >>> c = topsis(X, [0.2, 0.1, 0.1, 0.1, 0.2, 0.3],
    ...            ["benefit"] * 3 + ["cost"] + ["benefit"] * 2)
    >>> c.round(4).tolist()
    [0.6433, 0.2684, 0.6135, 0.3123]
    """
    func = "topsis"
    check_option(func, "normalization", normalization, TOPSIS_NORMALIZATIONS)
    arr, index, columns = as_matrix(func, X)
    _check_shape(func, arr)
    n = arr.shape[1]
    signs = as_directions(
        func, _align(func, "directions", directions, columns), n
    )
    W = _as_weight_array(func, weights, n, columns)
    stats = _column_stats(arr, sumsq=normalization == "vector")
    _check_finite(func, arr, stats[0], stats[1], index, columns)
    _check_span(func, stats[0], stats[1], columns)
    closeness = _topsis_raw(arr, W, signs, normalization, stats)
    return _wrap(closeness, X, "closeness")
