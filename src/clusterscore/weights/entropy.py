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
from clusterscore.normalize import CONSTANT_COLUMN_ZERO, minmax_kernel

__all__ = ["entropy_weights"]

FloatArray = npt.NDArray[np.float64]

#: The normalisations `entropy_weights` accepts.
ENTROPY_NORMALIZATIONS = ("minmax", "sum")
EntropyNormalization = Literal["minmax", "sum"]
"""The names in `ENTROPY_NORMALIZATIONS`, as a type (kept in step)."""


# --------------------------------------------------------------- kernels


def _ylogy_column_sums(Y: FloatArray) -> FloatArray:
    """Column sums of ``y ln y`` with ``0 ln 0 = 0``; no validation.

    ``T_j = sum_i y_ij ln(max(y_ij, tiny))``: at ``y = 0`` the product is
    ``0 * ln(tiny) = 0`` exactly, which is the ``0 ln 0 = 0`` convention,
    and for ``y > 0`` (normal numbers) ``max(y, tiny) = y``. The logs go
    into a small buffer, one column at a time for a column-major matrix
    and one block of rows at a time otherwise (loops over indicators or
    row blocks, each step vectorised), so no full-size temporary is made;
    it is about three times faster than `scipy.special.xlogy`.
    """
    m, n = Y.shape
    tiny = np.finfo(float).tiny
    T = np.zeros(n)
    if Y.flags.f_contiguous:
        buf = np.empty(m)
        for j in range(n):
            col = Y[:, j]
            np.maximum(col, tiny, out=buf)
            np.log(buf, out=buf)
            T[j] = col @ buf
        return T
    block = max(1, 2**16 // max(n, 1))
    buf = np.empty((block, n))
    for start in range(0, m, block):
        rows = Y[start : start + block]
        b = buf[: rows.shape[0]]
        np.maximum(rows, tiny, out=b)
        np.log(b, out=b)
        T += np.einsum("ij,ij->j", rows, b)
    return T


def _entropy_kernel(
    Y: FloatArray, constant: np.ndarray | None = None
) -> FloatArray:
    """Entropy weights of a non-negative matrix; no validation.

    ``Y`` is ``(m, n)`` with ``m >= 2`` rows, finite and non-negative. Each
    column is read as shares ``p_ij = y_ij / S_j`` with ``S_j = sum_i y_ij``
    (Y may already be column-stochastic). The entropy uses one pass of
    logarithms, ``sum_i p ln p = (sum_i y ln y) / S - ln S`` with
    ``0 ln 0 = 0`` (`_ylogy_column_sums`); a column with ``S_j = 0`` or a
    constant column gets divergence ``d_j = 0``. Rounding can push ``d_j``
    a few ulps below 0; it is clipped at 0. If every ``d_j`` is 0 the
    result is NaN: the public functions rule that case out first.
    ``constant`` (a boolean mask of columns known to be constant) sets
    their ``d_j`` to exactly 0 before normalising, whatever rounding (for
    instance of a shifted, tiny constant) would give.
    """
    m = Y.shape[0]
    S = Y.sum(axis=0)
    T = _ylogy_column_sums(Y)
    positive = S > 0
    safe_S = np.where(positive, S, 1.0)
    # Shannon entropy of the shares, H_j = ln S_j - T_j / S_j  (eq. 2)
    H = np.log(safe_S) - T / safe_S
    d = np.where(positive, 1.0 - H / np.log(m), 0.0)  # d_j = 1 - e_j
    np.maximum(d, 0.0, out=d)
    if constant is not None:
        d[constant] = 0.0
    return cast(FloatArray, d / d.sum())


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
    dirs = as_directions(func, directions, arr.shape[1])
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
    Y = arr
    if normalization == "minmax":
        Y = minmax_kernel(
            arr, dirs, constant=CONSTANT_COLUMN_ZERO, lo=mn, hi=mx
        )
    if shift:
        Y = Y + shift
    w = _entropy_kernel(Y, constant)
    return _wrap(w, columns, "entropy")
