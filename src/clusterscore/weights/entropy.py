"""Entropy weights: objective weights from the data's dispersion.

Each objective method (here `entropy_weights`; `critic_weights` and
`std_weights` in `clusterscore.weights.critic`) has a pure kernel on numpy
arrays (no validation) and a public function that validates the table,
applies the documented edge policy and returns an array (array in) or a
pandas Series labelled by column (DataFrame in).

Edge policy, shared by the three public functions (`_constant_columns`
and `_wrap` below serve all three):

- a constant column carries no information: it gets weight exactly 0 and a
  `DegenerateIndicatorWarning` naming it;
- every column constant, fewer than two rows, NaN or infinite values, and
  (entropy with ``normalization="sum"``) negative values raise `DataError`
  naming the column(s). Values are never shifted or made absolute, and the
  weights are never NaN.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any, Literal, cast, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore._checks import (
    as_directions,
    as_matrix,
    check_non_negative,
    check_option,
    check_variation_table,
    column_labels,
)
from clusterscore.errors import DataError, DegenerateIndicatorWarning
from clusterscore.normalize import (
    CONSTANT_COLUMN_ZERO,
    _pow2_rescale,
    minmax_kernel,
)

__all__ = ["entropy_weights"]

FloatArray = npt.NDArray[np.float64]

#: The normalisations `entropy_weights` accepts.
ENTROPY_NORMALIZATIONS = ("minmax", "sum")
EntropyNormalization = Literal["minmax", "sum"]
"""The names in `ENTROPY_NORMALIZATIONS`, as a type (kept in step)."""


# --------------------------------------------------------------- kernels


#: Columns whose largest |eps| (see `_entropy_kernel`) is below this take
#: the divergence from its series, where the direct form would cancel.
_SERIES_CUT = 0.1

#: Coefficients of ``h(e) = g(e) / e**2`` in powers ``e**0, e**1, ...``,
#: from ``g(e) = (1 + e) ln(1 + e) - e = sum_{k>=2} (-1)**k e**k /
#: (k (k - 1))``; 19 terms leave a relative error below 1e-20 for
#: ``|e| < _SERIES_CUT``.
_H_COEFFS = tuple((-1) ** k / (k * (k - 1)) for k in range(2, 21))


def _h_series(e: FloatArray) -> FloatArray:
    """``h(e) = ((1 + e) ln(1 + e) - e) / e**2`` for ``|e| < _SERIES_CUT``.

    The power series (Horner), accurate to an ulp where the direct form
    cancels; ``h(0) = 1/2``.
    """
    out = np.full_like(e, _H_COEFFS[-1])
    for c in _H_COEFFS[-2::-1]:
        out *= e
        out += c
    return out


def _entropy_kernel(
    Y: FloatArray,
    constant: np.ndarray | None = None,
    shift: float | FloatArray = 0.0,
    lo: FloatArray | None = None,
    hi: FloatArray | None = None,
) -> FloatArray:
    r"""Entropy weights of a non-negative matrix; no validation.

    ``Y`` is ``(m, n)``, finite and non-negative, with column maxima in
    the safe range of `clusterscore.normalize` (the public function
    rescales extreme columns by a power of two first, and `shift` with
    them, so `shift` may be one number per column). Each column is read
    as shares ``p_ij = (y_ij + s_j) / sum_i (y_ij + s_j)``.

    The divergence ``d_j = 1 - e_j`` is computed without the cancellation
    of ``1 - H_j / ln m``, which loses every digit when the shares are
    nearly equal (under a large shift, say). With ``u_ij = m p_ij =
    (y_ij + s_j) / (ybar_j + s_j) = 1 + eps_ij``,

    .. math::

        d_j \ln m = \ln m - H_j = \sum_i p_{ij} \ln(m p_{ij})
                  = \frac1m \sum_i g(\varepsilon_{ij}),
        \quad g(e) = (1 + e)\ln(1 + e) - e \ge 0,

    since the ``e`` terms sum to 0. A column whose largest ``|eps|`` is
    at least `_SERIES_CUT` takes ``sum_i g = sum_i u ln u - (sum_i u -
    m)`` (one log pass, ``0 ln 0 = 0``); a column of nearly equal shares
    takes ``g(e) = e^2 h(e)`` from the series `_h_series`. The common
    factor ``1 / (m ln m)`` and the square of the largest ``|eps|``, M,
    cancel in ``w_j = d_j / sum_k d_k``, so the sums are of ``g / M^2``,
    which neither underflows nor overflows. A column with ``sum_i (y_ij
    + s_j) = 0`` or marked in ``constant`` gets ``d_j = 0``; rounding
    below 0 is clipped. If every ``d_j`` is 0 the result is all zeros:
    the public functions refuse that case. `lo` and `hi`, the column
    minima and maxima, save a pass when the caller has them.
    """
    m, n = Y.shape
    s = np.broadcast_to(np.asarray(shift, dtype=float), (n,))
    # column sums by einsum and, per block, a product with a ones vector:
    # numpy's axis-0 reductions of a C-ordered matrix with few columns
    # are several times slower
    mean = np.einsum("ij->j", Y) / m
    if lo is None or hi is None:
        lo, hi = Y.min(axis=0), Y.max(axis=0)
    with np.errstate(over="ignore"):
        denom = mean + s
    dead = ~(denom > 0) | (hi == lo)
    if constant is not None:
        dead = dead | constant
    safe = np.where(dead, 1.0, denom)
    # the largest |eps| of each column, from its extremes
    reach = np.where(dead, 0.0, np.maximum(hi - mean, mean - lo) / safe)
    M = float(reach.max())
    if not M > 0:
        return np.zeros(n)
    small = np.flatnonzero(~dead & (reach < _SERIES_CUT))
    shifted = bool(np.any(s))
    tiny = np.finfo(float).tiny
    sum_u = np.zeros(n)
    sum_ulnu = np.zeros(n)
    sum_small = np.zeros(small.size)
    step = max(1, 2**15 // max(n, 1))
    ones = np.ones(min(step, m))
    ubuf = np.empty((min(step, m), n))
    lbuf = np.empty_like(ubuf)
    for start in range(0, m, step):
        rows = Y[start : start + step]
        u, lg = ubuf[: rows.shape[0]], lbuf[: rows.shape[0]]
        if shifted:
            with np.errstate(over="ignore"):
                np.add(rows, s, out=u)
            np.divide(u, safe, out=u)
        else:
            np.divide(rows, safe, out=u)
        sum_u += ones[: u.shape[0]] @ u
        np.maximum(u, tiny, out=lg)
        np.log(lg, out=lg)
        sum_ulnu += np.einsum("ij,ij->j", u, lg)
        if small.size:
            e = (rows[:, small] - mean[small]) / safe[small]
            q = e / M
            sum_small += (q * q * _h_series(e)).sum(axis=0)
    D = np.zeros(n)
    big = ~dead
    big[small] = False
    if big.any():
        D[big] = (sum_ulnu[big] - (sum_u[big] - m)) / (M * M)
    D[small] = sum_small
    np.maximum(D, 0.0, out=D)
    total = D.sum()
    return D / total if total > 0 else D


# ------------------------------------------------------------ validation


def _constant_columns(
    func: str,
    mn: FloatArray,
    mx: FloatArray,
    columns: Sequence[Any] | None,
) -> np.ndarray:
    """Return the mask of constant columns; warn, or raise if all are."""
    constant = mx == mn
    if constant.all():
        names = column_labels(columns, np.flatnonzero(constant))
        raise DataError(
            f"{func}(): every column of 'X' is constant "
            f"({names}); no indicator "
            "varies across the rows, so no weight can be derived from the "
            "data."
        )
    if constant.any():
        warnings.warn(
            f"{func}(): constant column(s) "
            f"{column_labels(columns, np.flatnonzero(constant))} carry no "
            "information and get weight 0.",
            DegenerateIndicatorWarning,
            stacklevel=3,
        )
    return cast(np.ndarray, constant)


def _wrap(
    w: FloatArray, columns: Sequence[Any] | None, name: str
) -> FloatArray | pd.Series:
    """Return `w` as a Series labelled by column when X was a DataFrame."""
    if columns is None:
        return w
    return pd.Series(w, index=pd.Index(columns), name=name)


# ------------------------------------------------------------ public API


@overload
def entropy_weights(
    X: pd.DataFrame,
    directions: Any = None,
    normalization: EntropyNormalization = "minmax",
    shift: float = 0.0,
) -> pd.Series[float]: ...
@overload
def entropy_weights(
    X: Any,
    directions: Any = None,
    normalization: EntropyNormalization = "minmax",
    shift: float = 0.0,
) -> FloatArray: ...
def entropy_weights(
    X: Any,
    directions: Any = None,
    normalization: EntropyNormalization = "minmax",
    shift: float = 0.0,
) -> FloatArray | pd.Series[float]:
    r"""Entropy weights of the indicators (columns) of a decision matrix.

    The more unevenly an indicator is spread over the clusters, the lower
    its Shannon entropy and the larger its weight (Shannon 1948; Zeleny
    1982; Hwang & Yoon 1981, ch. 4).

    Parameters
    ----------
    X : array_like or pandas.DataFrame, shape (m, n)
        One row per cluster, one numeric column per indicator.
    directions : sequence of {"benefit", "cost", 1, -1}, optional
        One per column; ``None`` means every column is a benefit column.
        Used by ``"minmax"``. Under ``"sum"`` the directions are checked
        but do not change the result (see Notes).
    normalization : {"minmax", "sum"}, default "minmax"
        How ``x_ij`` becomes the non-negative ``y_ij`` the shares are
        taken of. ``"minmax"``: benefit ``(x - min) / (max - min)``, cost
        ``(max - x) / (max - min)`` (the usual 正向化/逆向化 of the Chinese
        literature). ``"sum"``: ``y = x`` itself (the raw shares); needs
        non-negative data.
    shift : float, default 0.0
        A number >= 0 added to every ``y_ij`` before the shares are taken
        (平移, the translated entropy method): ``p_ij = (y_ij + shift) /
        sum_i (y_ij + shift)``. Papers that want every share positive
        after min-max use 1 (e.g. Wang & Qian 2023, eq. 5) or 0.0001.
        The shift changes the weights (a larger shift pulls them towards
        equal), so it is never applied unless asked for.

    Returns
    -------
    numpy.ndarray or pandas.Series
        Weights, shape ``(n,)``, non-negative, summing to 1. A Series
        indexed by column name when `X` is a DataFrame.

    Raises
    ------
    DataError
        Fewer than 2 rows; NaN or infinite values; every column constant;
        negative values with ``normalization="sum"``. The message names
        the column(s).
    ParameterError
        Unknown `normalization`; bad `directions`; `shift` negative or
        not a finite number.

    Warns
    -----
    DegenerateIndicatorWarning
        A constant column (all zeros included) gets weight 0.

    Notes
    -----
    With :math:`m` rows,

    .. math::

        p_{ij} = \frac{y_{ij}}{\sum_i y_{ij}}, \quad
        e_j = -\frac{1}{\ln m} \sum_i p_{ij} \ln p_{ij}
        \ (0 \ln 0 = 0), \quad
        d_j = 1 - e_j, \quad
        w_j = \frac{d_j}{\sum_k d_k}.

    The entropy is computed in one pass of logarithms as
    :math:`\sum_i p \ln p = (\sum_i y \ln y)/S - \ln S`,
    :math:`S = \sum_i y`. Under ``"minmax"`` the worst cluster of every
    indicator gets :math:`y = 0`, which contributes :math:`0 \ln 0 = 0`
    (no shift such as adding 0.0001 is applied unless `shift` asks for
    it; a constant column stays constant after a shift and still gets 0).

    Under ``"sum"`` the weight measures how unevenly the indicator's total
    is shared among the clusters; that does not depend on whether a high
    value is good or bad, so a ``"cost"`` direction leaves the weight
    unchanged (reversing by ``1/x`` or ``max - x`` would change the
    measured dispersion by an arbitrary transform). Directions matter
    later, when the matrix is normalised for scoring.

    Invariances: under ``"sum"`` the weights are unchanged by multiplying
    a column by a positive number; under ``"minmax"`` by any increasing
    affine map of a column. Permuting rows leaves them unchanged.

    References
    ----------
    .. [1] Shannon, C. E. (1948). A mathematical theory of communication.
       Bell System Technical Journal, 27(3), 379-423.
    .. [2] Hwang, C.-L., & Yoon, K. (1981). Multiple Attribute Decision
       Making: Methods and Applications. Springer, pp. 52-54.
       https://doi.org/10.1007/978-3-642-48318-9
    .. [3] Zeleny, M. (1982). Multiple Criteria Decision Making.
       McGraw-Hill.
    .. [4] 王凤山, 钱津 (2023). 基于变权TOPSIS模型的围岩质量评价方法研究.
       舰船电子工程, 43(1), 134-137. doi:10.3969/j.issn.1672-9730.2023.01.028
       (min-max, then ``shift=1``; a golden test).

    Examples
    --------
    >>> import numpy as np
    >>> w = entropy_weights([[1.0, 2.0], [2.0, 2.5], [4.0, 3.0]],
    ...                     normalization="sum")
    >>> np.round(w, 4)
    array([0.9141, 0.0859])
    """
    func = "entropy_weights"
    check_option(func, "normalization", normalization, ENTROPY_NORMALIZATIONS)
    shift = check_non_negative(func, "shift", shift)
    arr, _, columns = as_matrix(func, X)
    dirs = as_directions(func, directions, arr.shape[1], columns)
    mn, mx = check_variation_table(func, arr, columns)
    if normalization == "sum":
        negative = mn < 0
        if negative.any():
            bad = np.flatnonzero(negative)
            raise DataError(
                f"{func}(): normalization='sum' needs non-negative values; "
                f"negative values in {column_labels(columns, bad)}. Use "
                "normalization='minmax', or transform the data yourself "
                "(clusterscore never shifts or takes abs() silently)."
            )
    constant = _constant_columns(func, mn, mx, columns)
    # Neither the shares nor min-max depend on a column's unit: huge or
    # tiny columns are rescaled by a power of two (exactly) first.
    arr, mn, mx, exps = _pow2_rescale(arr, mn, mx)
    if normalization == "minmax":
        Y = minmax_kernel(
            arr, dirs, constant=CONSTANT_COLUMN_ZERO, lo=mn, hi=mx
        )
        shifts: float | FloatArray = shift
        # min-max maps a varying column onto [0, 1] exactly
        mn = np.zeros_like(mn)
        mx = np.where(constant, 0.0, 1.0)
    else:  # the shift is in the column's unit: rescale it with the column
        Y = arr
        with np.errstate(over="ignore"):
            shifts = np.ldexp(shift, -exps)
    w = _entropy_kernel(Y, constant, shifts, mn, mx)
    return _wrap(_checked_weights(func, w, columns, shift), columns, "entropy")


def _checked_weights(
    func: str, w: FloatArray, columns: Sequence[Any] | None, shift: float
) -> FloatArray:
    """Return `w` if it is a weight vector; else raise DataError.

    The kernels give all zeros only when every varying column's shares
    are equal in floating point, which a `shift` that dwarfs the values
    causes; and never NaN (this is the guard that keeps that promise).
    """
    if np.isfinite(w).all() and w.sum() > 0:
        return w
    cause = (
        f"'shift'={shift:g} is so large against the values that every "
        "column's shares are equal in floating point"
        if shift
        else "no column's shares differ in floating point"
    )
    raise DataError(
        f"{func}(): the entropy weights of 'X' are not computable: {cause} "
        f"(columns {column_labels(columns, np.arange(w.size))}). Use a "
        "smaller shift (1 or 0.0001 are usual)."
    )
