"""CRITIC and standard-deviation weights: objective weights from the data.

Same edge policy as `clusterscore.weights.entropy` (whose helpers they
share): a constant column gets weight 0 and a warning; too few rows,
non-finite values or no varying column raise `DataError`.
"""

from __future__ import annotations

from typing import Any, Literal, overload

import numpy as np
import pandas as pd

from clusterscore._checks import (
    as_directions,
    as_matrix,
    check_option,
    check_variation_table,
    column_labels,
)
from clusterscore.errors import DataError
from clusterscore.normalize import (
    CONSTANT_COLUMN_ZERO,
    _pow2_rescale,
    minmax_kernel,
)
from clusterscore.weights.entropy import (
    FloatArray,
    _constant_columns,
    _wrap,
)

__all__ = ["critic_weights", "std_weights"]

#: The normalisations `critic_weights` accepts.
CRITIC_NORMALIZATIONS = ("minmax", "none", "mean")
CriticNormalization = Literal["minmax", "none", "mean"]
"""The names in `CRITIC_NORMALIZATIONS`, as a type (kept in step)."""


def _critic_kernel(Y: FloatArray) -> tuple[FloatArray, FloatArray]:
    """CRITIC contrast and conflict of a scaled matrix; no validation.

    ``Y`` is ``(m, n)`` with ``m >= 2``, no constant column and column
    magnitudes in the safe range of `clusterscore.normalize` (callers
    rescale extreme columns by a power of two first). Returns the
    population standard deviations ``sigma_j`` and the conflict sums
    ``sum_k (1 - r_jk)`` with Pearson's ``r`` clipped to [-1, 1] against
    rounding; ``C_j = sigma_j * conflict_j`` (Diakoulaki et al. 1995,
    eq. 3).
    """
    m = Y.shape[0]
    centred = Y - Y.mean(axis=0)
    sigma = np.sqrt(np.einsum("ij,ij->j", centred, centred) / m)
    centred /= sigma
    r = centred.T @ centred / m
    np.clip(r, -1.0, 1.0, out=r)
    return sigma, (1.0 - r).sum(axis=0)


@overload
def critic_weights(
    X: pd.DataFrame,
    directions: Any = None,
    normalization: CriticNormalization = "minmax",
) -> pd.Series[float]: ...
@overload
def critic_weights(
    X: Any,
    directions: Any = None,
    normalization: CriticNormalization = "minmax",
) -> FloatArray: ...
def critic_weights(
    X: Any,
    directions: Any = None,
    normalization: CriticNormalization = "minmax",
) -> FloatArray | pd.Series[float]:
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
    dirs = as_directions(func, directions, arr.shape[1], columns)
    mn, mx = check_variation_table(func, arr, columns)
    constant = _constant_columns(func, mn, mx, columns)
    keep = ~constant
    w = np.zeros(arr.shape[1])
    if keep.sum() == 1:  # the only weight vector on one varying column
        w[keep] = 1.0
        return _wrap(w, columns, "critic")
    # Huge or tiny columns are rescaled by a power of two (exactly); the
    # correlations do not depend on it, and under "none" the contrast is
    # scaled back (as an exponent, so that it cannot overflow) below.
    arr, mn, mx, exps = _pow2_rescale(arr, mn, mx)
    if normalization == "minmax":
        Y = minmax_kernel(
            arr[:, keep],
            dirs[keep],
            constant=CONSTANT_COLUMN_ZERO,
            lo=mn[keep],
            hi=mx[keep],
        )
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
                    f"0 in {column_labels(columns, bad)}. Use "
                    "normalization='minmax'."
                )
            Y /= mean
    sigma, conflict = _critic_kernel(Y)
    if not conflict.max() > 1e-12:
        raise DataError(
            f"{func}(): CRITIC is undefined for this table: the varying "
            f"columns {column_labels(columns, np.flatnonzero(keep))} are all "
            "perfectly positively correlated (after reversing cost "
            "columns), so no column conflicts with another and every C_j "
            "is 0. Use entropy_weights() or std_weights() instead."
        )
    if normalization == "none":  # sigma_j in the column's own unit
        e = exps[keep]
        sigma = np.ldexp(sigma, e - e.max())
    C = sigma * conflict
    total = C.sum()
    if not (np.isfinite(total) and total > 0):
        raise DataError(
            f"{func}(): the CRITIC weights of 'X' are not computable in "
            "floating point (the contrasts of columns "
            f"{column_labels(columns, np.flatnonzero(keep))} under- or "
            "overflow); rescale the columns or use normalization='minmax'."
        )
    w[keep] = C / total
    return _wrap(w, columns, "critic")


@overload
def std_weights(
    X: pd.DataFrame, directions: Any = None
) -> pd.Series[float]: ...
@overload
def std_weights(X: Any, directions: Any = None) -> FloatArray: ...
def std_weights(
    X: Any, directions: Any = None
) -> FloatArray | pd.Series[float]:
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
    as_directions(func, directions, arr.shape[1], columns)
    mn, mx = check_variation_table(func, arr, columns)
    constant = _constant_columns(func, mn, mx, columns)
    arr, mn, mx, _ = _pow2_rescale(arr, mn, mx)  # unit-free: exact rescale
    benefit = np.ones(arr.shape[1], dtype=np.int8)
    Y = minmax_kernel(
        arr, benefit, constant=CONSTANT_COLUMN_ZERO, lo=mn, hi=mx
    )
    sigma = Y.std(axis=0)
    sigma[constant] = 0.0
    return _wrap(sigma / sigma.sum(), columns, "std")
