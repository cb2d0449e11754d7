"""Objective weights from the data: entropy, CRITIC, standard deviation.

Each method has a pure kernel on numpy arrays (no validation) and a public
function that validates the table, applies the documented edge policy and
returns an array (array in) or a pandas Series labelled by column
(DataFrame in).

Edge policy, shared by the three public functions:

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
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore._checks import (
    as_directions,
    as_matrix,
    check_non_negative,
    check_option,
)
from clusterscore.errors import DataError, DegenerateIndicatorWarning

__all__ = ["critic_weights", "entropy_weights", "std_weights"]

FloatArray = npt.NDArray[np.float64]

#: The normalisations `entropy_weights` accepts.
ENTROPY_NORMALIZATIONS = ("minmax", "sum")

#: The normalisations `critic_weights` accepts.
CRITIC_NORMALIZATIONS = ("minmax", "none", "mean")


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
    return d / d.sum()


def _minmax_kernel(
    X: FloatArray,
    directions: np.ndarray,
    mn: FloatArray | None = None,
    mx: FloatArray | None = None,
) -> FloatArray:
    """Direction-aware min-max scaling to [0, 1]; no validation.

    Benefit columns map to ``(x - min) / (max - min)``, cost columns to
    ``(max - x) / (max - min)``, both computed as ``(x - lo) * s`` with
    ``lo`` the min (benefit) or max (cost) and ``s = +-1 / (max - min)``:
    one full-size allocation and two passes. A constant column maps to
    all zeros. Pass the column minima and maxima if already known.
    Returns a new array.
    """
    if mn is None or mx is None:
        mn, mx = X.min(axis=0), X.max(axis=0)
    span = mx - mn
    cost = directions < 0
    lo = np.where(cost, mx, mn)
    scale = np.where(span > 0, 1.0 / np.where(span > 0, span, 1.0), 0.0)
    scale[cost] *= -1.0
    Y = X - lo  # the one full-size allocation
    Y *= scale
    return Y


def _critic_kernel(Y: FloatArray) -> FloatArray:
    """CRITIC information content ``C_j`` of a scaled matrix; no validation.

    ``Y`` is ``(m, n)`` with ``m >= 2`` and no constant column.
    ``C_j = sigma_j * sum_k (1 - r_jk)`` (Diakoulaki et al. 1995, eq. 3)
    with the population standard deviation and Pearson's ``r`` (clipped
    to [-1, 1] against rounding).
    """
    m = Y.shape[0]
    centred = Y - Y.mean(axis=0)
    sigma = np.sqrt(np.einsum("ij,ij->j", centred, centred) / m)
    centred /= sigma
    r = centred.T @ centred / m
    np.clip(r, -1.0, 1.0, out=r)
    return sigma * (1.0 - r).sum(axis=0)


# ------------------------------------------------------------ validation


def _labels(columns: Sequence[Any] | None, idx: np.ndarray) -> str:
    """Name columns by label (DataFrame) or by 0-based position (array)."""
    if columns is None:
        return ", ".join(f"column {int(k)}" for k in idx)
    return ", ".join(repr(columns[int(k)]) for k in idx)


def _check_table(
    func: str, X: FloatArray, columns: Sequence[Any] | None
) -> tuple[FloatArray, FloatArray]:
    """Raise DataError for too few rows, no columns, NaN or inf.

    Returns the column minima and maxima (NaN and inf propagate into
    them, which is how they are detected without a full-size mask).
    """
    m, n = X.shape
    if n == 0:
        raise DataError(f"{func}(): 'X' has no columns (indicators).")
    if m < 2:
        raise DataError(
            f"{func}(): 'X' needs at least 2 rows (clusters) to weigh "
            f"indicators by their variation; got {m}."
        )
    mn, mx = X.min(axis=0), X.max(axis=0)
    finite = np.isfinite(mn) & np.isfinite(mx)
    if not finite.all():
        bad = np.flatnonzero(~finite)
        raise DataError(
            f"{func}(): 'X' must be finite; NaN or infinite values in "
            f"{_labels(columns, bad)}. Impute or drop them first."
        )
    return mn, mx


def _constant_columns(
    func: str,
    mn: FloatArray,
    mx: FloatArray,
    columns: Sequence[Any] | None,
) -> np.ndarray:
    """Return the mask of constant columns; warn, or raise if all are."""
    constant = mx == mn
    if constant.all():
        raise DataError(
            f"{func}(): every column of 'X' is constant "
            f"({_labels(columns, np.flatnonzero(constant))}); no indicator "
            "varies across the rows, so no weight can be derived from the "
            "data."
        )
    if constant.any():
        warnings.warn(
            f"{func}(): constant column(s) "
            f"{_labels(columns, np.flatnonzero(constant))} carry no "
            "information and get weight 0.",
            DegenerateIndicatorWarning,
            stacklevel=3,
        )
    return constant


def _wrap(
    w: FloatArray, columns: Sequence[Any] | None, name: str
) -> FloatArray | pd.Series:
    """Return `w` as a Series labelled by column when X was a DataFrame."""
    if columns is None:
        return w
    return pd.Series(w, index=pd.Index(columns), name=name)


# ------------------------------------------------------------ public API


def entropy_weights(
    X: Any,
    directions: Any = None,
    normalization: str = "minmax",
    shift: float = 0.0,
) -> FloatArray | pd.Series:
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
    mn, mx = _check_table(func, arr, columns)
    if normalization == "sum":
        negative = mn < 0
        if negative.any():
            bad = np.flatnonzero(negative)
            raise DataError(
                f"{func}(): normalization='sum' needs non-negative values; "
                f"negative values in {_labels(columns, bad)}. Use "
                "normalization='minmax', or transform the data yourself "
                "(clusterscore never shifts or takes abs() silently)."
            )
    constant = _constant_columns(func, mn, mx, columns)
    Y = _minmax_kernel(arr, dirs, mn, mx) if normalization == "minmax" else arr
    if shift:
        Y = Y + shift
    w = _entropy_kernel(Y, constant)
    return _wrap(w, columns, "entropy")


def critic_weights(
    X: Any, directions: Any = None, normalization: str = "minmax"
) -> FloatArray | pd.Series:
    r"""CRITIC weights: contrast and conflict of the indicators.

    CRiteria Importance Through Intercriteria Correlation (Diakoulaki,
    Mavrotas & Papayannakis 1995), by default on direction-aware min-max
    data.

    Parameters
    ----------
    X : array_like or pandas.DataFrame, shape (m, n)
        One row per cluster, one numeric column per indicator.
    directions : sequence of {"benefit", "cost", 1, -1}, optional
        One per column; ``None`` means all benefit. Cost columns are
        reversed before the correlations are taken, which flips the sign
        of their correlation with benefit columns (their dispersion is
        unchanged).
    normalization : {"minmax", "none", "mean"}, default "minmax"
        What the contrast :math:`\sigma_j` is measured on.
        ``"minmax"``: direction-aware min-max values (Diakoulaki et al.
        1995). ``"none"``: the values as given, for data already on one
        common scale (e.g. scores out of 100). ``"mean"``: each column
        divided by its mean, so that :math:`\sigma_j` becomes the
        coefficient of variation (the "improved CRITIC" of Wang et al.
        2022); needs every varying column's mean > 0. The correlations
        do not depend on the choice.

    Returns
    -------
    numpy.ndarray or pandas.Series
        Weights, shape ``(n,)``, non-negative, summing to 1.

    Raises
    ------
    DataError
        Fewer than 2 rows; NaN or infinite values; every column constant;
        two or more varying columns that are all perfectly positively
        correlated (no conflict at all: every ``C_j`` is 0). A single
        varying column gets weight 1, the only possible weight vector.
        A varying column with a mean <= 0 under ``"mean"``.
    ParameterError
        Bad `directions`; unknown `normalization`.

    Warns
    -----
    DegenerateIndicatorWarning
        A constant column gets weight 0.

    Notes
    -----
    With :math:`r_{ij}` the direction-aware min-max values,

    .. math::

        C_j = \sigma_j \sum_{k=1}^{n} (1 - \rho_{jk}), \qquad
        w_j = \frac{C_j}{\sum_k C_k},

    :math:`\sigma_j` the standard deviation of column :math:`j` and
    :math:`\rho_{jk}` Pearson's correlation (Diakoulaki et al. 1995,
    eqs. 3-4). We use the population :math:`\sigma` (``ddof=0``); the
    choice does not matter for the weights, since it scales every
    :math:`C_j` by the same factor :math:`\sqrt{m/(m-1)}`.

    Published applications often skip the min-max step: CRITIC on
    scores already on one scale (Xu et al. 2022, ``"none"``) or with the
    coefficient of variation in place of :math:`\sigma_j` (Wang et al.
    2022, ``"mean"``); both are reproduced by the golden tests.

    A constant column has :math:`\sigma_j = 0` and an undefined
    correlation with every other column. It gets :math:`w_j = 0`, and the
    other columns are weighed as if it were absent (it adds nothing to
    their conflict sums). pyDecision instead sets the undefined
    correlations to 0 (adding 1 to every other column's sum);
    pymcdm and scikit-criteria return NaN weights.

    References
    ----------
    .. [1] Diakoulaki, D., Mavrotas, G., & Papayannakis, L. (1995).
       Determining objective weights in multiple criteria problems: the
       CRITIC method. Computers & Operations Research, 22(7), 763-770.
       https://doi.org/10.1016/0305-0548(94)00059-H
    .. [2] 胥明, 许杰, 万友生, 覃君, 吴波, 谢云杰 (2022). 基于CRITIC法与
       TOPSIS地铁车站施工安全评价. 自然灾害学报, 31(3), 157-166.
       doi:10.13577/j.jnd.2022.0316
    .. [3] 王平义, 张帆, 牟萍, 赵聪聪 (2022). 基于改进CRITIC法的整治建筑物
       服役状态综合评价. 水道港口, 43(1), 59-67.

    Examples
    --------
    >>> import numpy as np
    >>> w = critic_weights([[0.0, 0.0, 1.0], [1.0, 1.0, 0.0],
    ...                     [2.0, 0.0, 1.0]])
    >>> np.round(w, 4)
    array([0.224, 0.388, 0.388])
    """
    func = "critic_weights"
    check_option(func, "normalization", normalization, CRITIC_NORMALIZATIONS)
    arr, _, columns = as_matrix(func, X)
    dirs = as_directions(func, directions, arr.shape[1])
    mn, mx = _check_table(func, arr, columns)
    constant = _constant_columns(func, mn, mx, columns)
    keep = ~constant
    w = np.zeros(arr.shape[1])
    if keep.sum() == 1:  # the only weight vector on one varying column
        w[keep] = 1.0
        return _wrap(w, columns, "critic")
    if normalization == "minmax":
        Y = _minmax_kernel(arr[:, keep], dirs[keep], mn[keep], mx[keep])
    else:
        varying = arr[:, keep]
        Y = varying * dirs[keep]  # a cost column's r changes sign
        if normalization == "mean":
            mean = varying.mean(axis=0)
            if not (mean > 0).all():
                bad = np.flatnonzero(keep)[~(mean > 0)]
                raise DataError(
                    f"{func}(): normalization='mean' divides each column "
                    "by its mean and needs every mean > 0; the mean is <= "
                    f"0 in {_labels(columns, bad)}. Use "
                    "normalization='minmax'."
                )
            Y /= mean
    C = _critic_kernel(Y)
    total = C.sum()
    if not total > 1e-12 * keep.sum():
        raise DataError(
            f"{func}(): CRITIC is undefined for this table: the varying "
            f"columns {_labels(columns, np.flatnonzero(keep))} are all "
            "perfectly positively correlated (after reversing cost "
            "columns), so no column conflicts with another and every C_j "
            "is 0. Use entropy_weights() or std_weights() instead."
        )
    w[keep] = C / total
    return _wrap(w, columns, "critic")


def std_weights(X: Any, directions: Any = None) -> FloatArray | pd.Series:
    r"""Standard-deviation weights of min-max normalised indicators.

    Parameters
    ----------
    X : array_like or pandas.DataFrame, shape (m, n)
        One row per cluster, one numeric column per indicator.
    directions : sequence of {"benefit", "cost", 1, -1}, optional
        Checked for shape and values. Reversing a min-max column
        (``1 - y``) leaves its standard deviation unchanged, so the
        directions do not change the result; the parameter is there so
        that every objective method takes the same arguments.

    Returns
    -------
    numpy.ndarray or pandas.Series
        Weights, shape ``(n,)``, non-negative, summing to 1.

    Raises
    ------
    DataError
        Fewer than 2 rows; NaN or infinite values; every column constant.
    ParameterError
        Bad `directions`.

    Warns
    -----
    DegenerateIndicatorWarning
        A constant column gets weight 0.

    Notes
    -----
    .. math::

        w_j = \frac{\sigma_j}{\sum_k \sigma_k}

    with :math:`\sigma_j` the standard deviation of the min-max scaled
    column (Diakoulaki et al. 1995 use the same :math:`\sigma_j` as the
    contrast part of CRITIC). On raw data the weights would depend on
    the units (a column in yuan would outweigh the same column in 10^4
    yuan by a factor 10^4), so they are taken on min-max data, which is
    unit-free. The ``ddof`` does not matter: it rescales every
    :math:`\sigma_j` by the same factor. scikit-criteria's
    ``StdWeighter`` uses the raw data.

    References
    ----------
    .. [1] Diakoulaki, D., Mavrotas, G., & Papayannakis, L. (1995).
       Determining objective weights in multiple criteria problems: the
       CRITIC method. Computers & Operations Research, 22(7), 763-770.
       https://doi.org/10.1016/0305-0548(94)00059-H

    Examples
    --------
    >>> import numpy as np
    >>> np.round(std_weights([[0.0, 0.0], [1.0, 0.0], [2.0, 10.0]]), 4)
    array([0.4641, 0.5359])
    """
    func = "std_weights"
    arr, _, columns = as_matrix(func, X)
    as_directions(func, directions, arr.shape[1])
    mn, mx = _check_table(func, arr, columns)
    constant = _constant_columns(func, mn, mx, columns)
    Y = _minmax_kernel(arr, np.ones(arr.shape[1], dtype=np.int8), mn, mx)
    sigma = Y.std(axis=0)
    sigma[constant] = 0.0
    return _wrap(sigma / sigma.sum(), columns, "std")
