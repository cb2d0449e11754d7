"""Normalisation kernels: ``kernel(X, signs, ...) -> Y``, no validation.

Every kernel returns a new matrix in which larger is better whatever the
indicator's direction, in [0, 1] except the z-score.
"""

from __future__ import annotations

import numpy as np

from clusterscore.normalize.columns import (
    _MAP_BLOCK_ELEMENTS,
    FloatArray,
    SignArray,
    _column_norms,
    _column_stats,
)

#: Min-max and percentile score of every cluster in a constant column: the
#: midpoint of [0, 1]. A column without spread neither rewards nor punishes
#: anyone, does not depend on the indicator's direction, and stays away
#: from 0 so that it cannot collapse a geometric mean.
CONSTANT_COLUMN_VALUE = 0.5

#: The objective weights' rule for a constant column under min-max: 0 in
#: every row. Entropy, CRITIC and the standard-deviation weights give such
#: a column weight 0 whatever its values; 0 keeps its column sum at 0, so
#: that it yields no shares. Pass it as ``minmax_kernel(...,
#: constant=CONSTANT_COLUMN_ZERO)``.
CONSTANT_COLUMN_ZERO = 0.0

#: Delta degrees of freedom of the z-score's standard deviation: the sample
#: standard deviation (divisor m - 1), as R's ``sd()`` and COINr's
#: ``n_zscore`` use.
ZSCORE_DDOF = 1


def minmax_kernel(
    X: FloatArray,
    signs: SignArray,
    *,
    constant: float = CONSTANT_COLUMN_VALUE,
    lo: FloatArray | None = None,
    hi: FloatArray | None = None,
) -> FloatArray:
    r"""Min-max normalisation by direction; no validation.

    .. math::

        y_{ij} = \frac{x_{ij} - \min_k x_{kj}}{\max_k x_{kj} - \min_k x_{kj}}
        \ \text{(benefit)}, \qquad
        y_{ij} = \frac{\max_k x_{kj} - x_{ij}}{\max_k x_{kj} - \min_k x_{kj}}
        \ \text{(cost)}

    A constant column (max = min) gets `constant` in every row: by default
    `CONSTANT_COLUMN_VALUE` (0.5, the rule of `normalize`); the objective
    weights use `CONSTANT_COLUMN_ZERO` (0). The result lies in [0, 1]
    exactly (the subtraction and the division are monotone under rounding,
    so no value can leave the interval).

    Parameters
    ----------
    X : ndarray, shape (m, n)
        Finite values; not checked.
    signs : ndarray of int8, shape (n,)
        +1 for benefit, -1 for cost indicators.
    constant : float, default `CONSTANT_COLUMN_VALUE`
        The value of every row of a constant column.
    lo, hi : ndarray, shape (n,), optional
        The column minima and maxima, if the caller already has them
        (both or neither); computed otherwise.

    Returns
    -------
    ndarray, shape (m, n)
        A new array in [0, 1]; larger is better.

    References
    ----------
    .. [1] Nardo, M., Saisana, M., Saltelli, A., Tarantola, S., Hoffman, A.
       and Giovannini, E. (2008). *Handbook on Constructing Composite
       Indicators: Methodology and User Guide*. OECD Publishing, section 5
       (normalisation), min-max. doi:10.1787/9789264043466-en
    """
    if lo is None or hi is None:
        lo, hi, _ = _column_stats(X)
    spread = hi - lo
    flat = spread == 0
    # s*x - s*origin is x - lo (benefit) or hi - x (cost), exactly (s is
    # +-1), and never -0.0.
    origin = np.where(signs > 0, lo, hi) * signs
    divisor = np.where(flat, 1.0, spread)
    Y = np.empty(X.shape, order="F" if X.flags.f_contiguous else "C")
    m, n = X.shape
    step = max(1, _MAP_BLOCK_ELEMENTS // max(n, 1))
    for start in range(0, m, step):  # blocks of rows, each in cache
        y = Y[start : start + step]
        np.multiply(X[start : start + step], signs, out=y)
        np.subtract(y, origin, out=y)
        np.divide(y, divisor, out=y)
    if flat.any():
        Y[:, flat] = constant
    return Y


def target_kernel(
    X: FloatArray, signs: SignArray, targets: FloatArray
) -> FloatArray:
    r"""Target-relative ("goalposts") normalisation; no validation.

    .. math::

        y_{ij} = \min\left(\frac{x_{ij}}{t_j}, 1\right)\ \text{(benefit)},
        \qquad
        y_{ij} = \min\left(\frac{t_j}{x_{ij}}, 1\right)\ \text{(cost)}

    A cluster that meets or beats the target scores 1; below it, the score
    is the fraction of the target attained. For a cost indicator a value of
    0 beats every positive target and scores 1 (the limit of
    :math:`\min(t/x, 1)` as :math:`x \to 0^+`); it is set explicitly, never
    computed as a division by zero.

    Parameters
    ----------
    X : ndarray, shape (m, n)
        Finite, non-negative values; not checked.
    signs : ndarray of int8, shape (n,)
        +1 for benefit, -1 for cost indicators.
    targets : ndarray, shape (n,)
        Finite targets > 0, one per indicator; not checked.

    Returns
    -------
    ndarray, shape (m, n)
        A new array in [0, 1]; larger is better.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 5, "distance to a reference"
       (ratio form). doi:10.1787/9789264043466-en
    .. [2] Becker, W., Caperna, G., Del Sorbo, M., Norlen, H., Papadimas,
       E. and Saisana, M. (2022). COINr: an R package for developing
       composite indicators. *Journal of Open Source Software* 7(78),
       4567 (``n_goalposts``, ``n_dist2targ``). doi:10.21105/joss.04567
    """
    targets = np.asarray(targets, dtype=float)
    # An overflowing ratio (a huge value, or a cost value near 0) is +inf,
    # which the cap turns into the right answer, 1.
    with np.errstate(over="ignore"):
        Y = np.divide(X, targets)
        cost = np.flatnonzero(signs < 0)
        if cost.size:
            xc = X[:, cost]
            ratio = np.ones_like(xc)
            np.divide(targets[cost], xc, out=ratio, where=xc > 0)
            Y[:, cost] = ratio
    np.minimum(Y, 1.0, out=Y)
    return Y


def zscore_kernel(
    X: FloatArray, signs: SignArray, ddof: int = ZSCORE_DDOF
) -> FloatArray:
    r"""Standardisation (z-scores) with the direction applied by sign.

    .. math::

        z_{ij} = s_j \, \frac{x_{ij} - \bar{x}_j}{\sigma_j}, \qquad
        \sigma_j = \sqrt{\frac{\sum_i (x_{ij} - \bar{x}_j)^2}{m - d}}

    with :math:`s_j = +1` (benefit) or :math:`-1` (cost) and :math:`d` =
    `ddof` (1 by default: the sample standard deviation). The result is
    unbounded (mean 0, standard deviation 1 per column), so it suits the
    weighted sum and TOPSIS but not the geometric mean. A constant column
    (max = min, tested exactly so that rounding noise in the mean cannot
    be blown up into +-1 values) and a table with ``m <= ddof`` rows give
    0 everywhere. By Samuelson's inequality, :math:`|x_{ij} - \bar{x}_j|
    \le \sigma_j (m - 1)/\sqrt{m}`, which makes :math:`z_{ij}`
    non-decreasing in :math:`x_{ij}`: improving a cluster's value never
    lowers its own z-score.

    Parameters
    ----------
    X : ndarray, shape (m, n)
        Finite values; not checked.
    signs : ndarray of int8, shape (n,)
        +1 for benefit, -1 for cost indicators.
    ddof : int, default 1
        Delta degrees of freedom of the standard deviation.

    Returns
    -------
    ndarray, shape (m, n)
        A new array of z-scores; larger is better.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 5, standardisation (z-scores).
       doi:10.1787/9789264043466-en
    .. [2] Samuelson, P. A. (1968). How deviant can you be? *Journal of the
       American Statistical Association* 63(324), 1522-1525.
       doi:10.1080/01621459.1968.10480944
    """
    m = X.shape[0]
    lo, hi, _ = _column_stats(X)
    flat = hi == lo
    if m <= ddof:
        return np.zeros_like(X)
    mean = X.mean(axis=0)
    sd = X.std(axis=0, ddof=ddof)
    scale = np.where(flat | (sd == 0), 1.0, sd * signs)
    Y: FloatArray = np.subtract(X, mean)
    np.divide(Y, scale, out=Y)
    if flat.any():
        Y[:, flat] = 0.0
    return Y


def vector_kernel(X: FloatArray, signs: SignArray) -> FloatArray:
    r"""Vector (Euclidean) normalisation; no validation.

    .. math::

        r_{ij} = \frac{x_{ij}}{\sqrt{\sum_k x_{kj}^2}}, \qquad
        y_{ij} = r_{ij}\ \text{(benefit)}, \quad
        y_{ij} = 1 - r_{ij}\ \text{(cost)}

    This is the normalisation of TOPSIS (Hwang and Yoon 1981). The flip
    :math:`1 - r` for cost indicators (pymcdm's convention) makes larger
    better; TOPSIS distances are unchanged by it, because it moves the
    ideal and the anti-ideal with the values. The scale is relative to the
    column's norm, not to its range: a constant column of value
    :math:`c > 0` gives :math:`1/\sqrt{m}` (cost :math:`1 - 1/\sqrt{m}`),
    and an all-zero column, the limit of a constant column as
    :math:`c \to 0`, gets the same values rather than 0/0.

    Parameters
    ----------
    X : ndarray, shape (m, n)
        Finite, non-negative values; not checked. (Negative values would
        give results in [-1, 0) for benefit indicators.)
    signs : ndarray of int8, shape (n,)
        +1 for benefit, -1 for cost indicators.

    Returns
    -------
    ndarray, shape (m, n)
        A new array in [0, 1] for non-negative input; larger is better.

    References
    ----------
    .. [1] Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision
       Making: Methods and Applications*. Lecture Notes in Economics and
       Mathematical Systems 186. Springer. doi:10.1007/978-3-642-48318-9
    """
    m = X.shape[0]
    lo, hi, ss = _column_stats(X, sumsq=True)
    assert ss is not None
    norms = _column_norms(X, lo, hi, ss)
    zero = norms == 0
    Y = np.divide(X, np.where(zero, 1.0, norms))
    if zero.any():
        Y[:, zero] = 1.0 / np.sqrt(m)
    cost = signs < 0
    if cost.any():
        Y[:, cost] = 1.0 - Y[:, cost]
    return Y


def percentile_kernel(X: FloatArray, signs: SignArray) -> FloatArray:
    r"""Percentile ranks with average ties; no validation.

    .. math::

        y_{ij} = \frac{\rho_{ij} - 1}{m - 1}

    where :math:`\rho_{ij}` is the rank of :math:`s_j x_{ij}` among the
    column's :math:`m` values (1 = worst, ties get the average of the
    ranks they span). The best cluster scores 1, the worst 0. Average ties
    make the method symmetric, :math:`y^{\text{cost}} = 1 - y^{
    \text{benefit}}`, and give a constant column 0.5 (as min-max does);
    COINr's ``n_prank`` uses minimum ("sport") ranks instead, which scores
    a tie for last place 0 but a tie for first place below 1. With one
    cluster (m = 1) the score is 0.5.

    Parameters
    ----------
    X : ndarray, shape (m, n)
        Finite values; not checked.
    signs : ndarray of int8, shape (n,)
        +1 for benefit, -1 for cost indicators.

    Returns
    -------
    ndarray, shape (m, n)
        A new array in [0, 1]; larger is better.

    References
    ----------
    .. [1] Becker, W. et al. (2022). COINr: an R package for developing
       composite indicators. *Journal of Open Source Software* 7(78), 4567
       (``n_prank``). doi:10.21105/joss.04567
    .. [2] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators*. OECD Publishing, section 5, ranking.
       doi:10.1787/9789264043466-en
    """
    from scipy.stats import rankdata  # scipy.stats costs ~1 s to import

    m = X.shape[0]
    if m == 1:
        return np.full_like(X, CONSTANT_COLUMN_VALUE)
    ranks = rankdata(X * signs, method="average", axis=0)
    ranks -= 1.0
    ranks /= m - 1
    return ranks
