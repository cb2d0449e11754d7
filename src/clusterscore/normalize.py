"""Normalisation: put every indicator on a common, higher-is-better scale.

Each method is an array kernel with the signature
``kernel(X, signs, ...) -> Y`` where ``X`` is an ``(m, n)`` float matrix
(clusters x indicators) and ``signs`` an ``(n,)`` int8 vector of ``+1``
(benefit: more is better) and ``-1`` (cost: less is better). Kernels do not
validate their input: they trust finite values, matching shapes and, where
the method says so, non-negative values and positive targets. Every method
returns a matrix in which a larger value is better whatever the indicator's
direction, and, except the z-score, lies in [0, 1].

`normalize` is the public, validating entry point; it accepts arrays or
DataFrames and dispatches through the `NORMALIZATIONS` registry, which is
also what the scoring stage, the command line and the docs enumerate.

A column with no spread (every cluster has the same value) carries no
information. Every kernel gives it a documented, finite value (never NaN):
0.5 for min-max and percentile ranks, 0 for z-scores, ``1/sqrt(m)`` (cost:
``1 - 1/sqrt(m)``) for vector normalisation; target-relative scores do not
depend on the spread. The weighting stage (entropy) is where such a column
is flagged; normalisation does not warn.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.stats import rankdata

from clusterscore._checks import as_directions, as_matrix, check_option
from clusterscore.errors import DataError, ParameterError

__all__ = [
    "CONSTANT_COLUMN_VALUE",
    "NORMALIZATIONS",
    "ZSCORE_DDOF",
    "NormalizationMethod",
    "minmax_kernel",
    "normalize",
    "percentile_kernel",
    "target_kernel",
    "vector_kernel",
    "zscore_kernel",
]

FloatArray = npt.NDArray[np.float64]
SignArray = npt.NDArray[np.int8]

#: Min-max and percentile score of every cluster in a constant column: the
#: midpoint of [0, 1]. A column without spread neither rewards nor punishes
#: anyone, does not depend on the indicator's direction, and stays away
#: from 0 so that it cannot collapse a geometric mean.
CONSTANT_COLUMN_VALUE = 0.5

#: Delta degrees of freedom of the z-score's standard deviation: the sample
#: standard deviation (divisor m - 1), as R's ``sd()`` and COINr's
#: ``n_zscore`` use.
ZSCORE_DDOF = 1

# Rows per block in the blocked column reductions: about 2**15 elements,
# so that a block stays in the CPU cache while several statistics are
# taken from it.
_BLOCK_ELEMENTS = 1 << 15
# The column statistics (min, max, sum of squares) take larger blocks.
_STATS_BLOCK_ELEMENTS = 1 << 17


# --------------------------------------------------------------------------
# column statistics shared with aggregate.py


def _block_rows(n: int) -> int:
    """Rows per block for a matrix with `n` columns."""
    return max(1, _BLOCK_ELEMENTS // max(n, 1))


def _fold(block: FloatArray, op: np.ufunc, buf: FloatArray) -> FloatArray:
    """Column-wise reduction of `block` by `op` (np.minimum or np.maximum).

    numpy's ``block.min(axis=0)`` on a C-ordered matrix with few columns
    runs about five times slower than element-wise ufuncs, so the block is
    folded in halves (``op(top, bottom)``) until a few rows remain. The
    result is exact, and NaN propagates as in ``np.minimum``.
    """
    m = block.shape[0]
    if m <= 8:
        return op.reduce(block, axis=0)
    h = m // 2
    out = buf[:h]
    op(block[:h], block[h : 2 * h], out=out)
    if m % 2:
        op(out[0], block[2 * h], out=out[0])
    m = h
    while m > 8:
        h = m // 2
        op(out[:h], out[h : 2 * h], out=out[:h])
        if m % 2:
            op(out[0], out[2 * h], out=out[0])
        m = h
    return op.reduce(out[:m], axis=0)


def _column_stats(
    X: FloatArray, *, sumsq: bool = False
) -> tuple[FloatArray, FloatArray, FloatArray | None]:
    """Column minimum, maximum and (optionally) sum of squares; no checks.

    One blocked pass over `X`: each block is read from memory once and the
    statistics are taken while it is in cache. NaN propagates into the
    minimum and maximum, and an infinity shows in one of them, so the
    caller can test finiteness on these (n,) vectors instead of on `X`.
    """
    m, n = X.shape
    step = max(1, _STATS_BLOCK_ELEMENTS // max(n, 1))
    lo = np.full(n, np.inf)
    hi = np.full(n, -np.inf)
    ss = np.zeros(n) if sumsq else None
    buf = np.empty((min(step, m) // 2 + 1, n))
    for start in range(0, m, step):
        block = X[start : start + step]
        np.minimum(lo, _fold(block, np.minimum, buf), out=lo)
        np.maximum(hi, _fold(block, np.maximum, buf), out=hi)
        if ss is not None:
            ss += np.einsum("ij,ij->j", block, block)
    return lo, hi, ss


def _column_norms(
    X: FloatArray, lo: FloatArray, hi: FloatArray, sumsq: FloatArray
) -> FloatArray:
    """Euclidean column norms sqrt(sum_i x_ij^2), safe from over/underflow.

    `sumsq` is the plain sum of squares. Where it overflowed (|x| > ~1e154)
    or underflowed to a value that loses precision (|x| < ~1e-154) while
    the column is not all zero, the norm is recomputed on the column
    scaled by its largest magnitude.
    """
    norms = np.sqrt(sumsq)
    amax = np.maximum(np.abs(lo), np.abs(hi))
    redo = ~np.isfinite(norms) | ((amax > 0) & (sumsq < 1e-290))
    if redo.any():
        cols = np.flatnonzero(redo)
        scaled = X[:, cols] / amax[cols]
        norms[cols] = amax[cols] * np.sqrt(
            np.einsum("ij,ij->j", scaled, scaled)
        )
    return norms


# --------------------------------------------------------------------------
# kernels


def minmax_kernel(X: FloatArray, signs: SignArray) -> FloatArray:
    r"""Min-max normalisation by direction; no validation.

    .. math::

        y_{ij} = \frac{x_{ij} - \min_k x_{kj}}{\max_k x_{kj} - \min_k x_{kj}}
        \ \text{(benefit)}, \qquad
        y_{ij} = \frac{\max_k x_{kj} - x_{ij}}{\max_k x_{kj} - \min_k x_{kj}}
        \ \text{(cost)}

    A constant column (max = min) gets `CONSTANT_COLUMN_VALUE` (0.5) in
    every row. The result lies in [0, 1] exactly (the subtraction and the
    division are monotone under rounding, so no value can leave the
    interval).

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
    .. [1] Nardo, M., Saisana, M., Saltelli, A., Tarantola, S., Hoffman, A.
       and Giovannini, E. (2008). *Handbook on Constructing Composite
       Indicators: Methodology and User Guide*. OECD Publishing, section 5
       (normalisation), min-max. doi:10.1787/9789264043466-en
    """
    lo, hi, _ = _column_stats(X)
    spread = hi - lo
    flat = spread == 0
    # s*x - s*origin is x - lo (benefit) or hi - x (cost), exactly (s is
    # +-1), and never -0.0.
    origin = np.where(signs > 0, lo, hi) * signs
    Y = np.multiply(X, signs, dtype=float)
    np.subtract(Y, origin, out=Y)
    np.divide(Y, np.where(flat, 1.0, spread), out=Y)
    if flat.any():
        Y[:, flat] = CONSTANT_COLUMN_VALUE
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
    Y = np.subtract(X, mean)
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
    m = X.shape[0]
    if m == 1:
        return np.full_like(X, CONSTANT_COLUMN_VALUE)
    ranks = rankdata(X * signs, method="average", axis=0)
    ranks -= 1.0
    ranks /= m - 1
    return ranks


# --------------------------------------------------------------------------
# registry


@dataclass(frozen=True)
class NormalizationMethod:
    """One normalisation method of the registry.

    Attributes
    ----------
    name : str
        The option value (``normalize(..., method=name)``).
    kernel : callable
        ``kernel(X, signs)`` or, when `needs_targets`, ``kernel(X, signs,
        targets)``.
    bounded : bool
        Whether results lie in [0, 1] (needed by the geometric mean).
    needs_targets : bool
        Whether the method takes one target per indicator.
    nonnegative : bool
        Whether the method needs every value >= 0.
    formula : str
        Benefit and cost formulas in plain text, for docs and help.
    """

    name: str
    kernel: Callable[..., FloatArray]
    bounded: bool
    needs_targets: bool
    nonnegative: bool
    formula: str


NORMALIZATIONS: dict[str, NormalizationMethod] = {
    "minmax": NormalizationMethod(
        "minmax",
        minmax_kernel,
        bounded=True,
        needs_targets=False,
        nonnegative=False,
        formula="benefit (x - min)/(max - min); cost (max - x)/(max - min);"
        " constant column 0.5",
    ),
    "target": NormalizationMethod(
        "target",
        target_kernel,
        bounded=True,
        needs_targets=True,
        nonnegative=True,
        formula="benefit min(x/target, 1); cost min(target/x, 1), 1 at x=0",
    ),
    "zscore": NormalizationMethod(
        "zscore",
        zscore_kernel,
        bounded=False,
        needs_targets=False,
        nonnegative=False,
        formula="sign * (x - mean)/sd, sd with ddof=1; constant column 0",
    ),
    "vector": NormalizationMethod(
        "vector",
        vector_kernel,
        bounded=True,
        needs_targets=False,
        nonnegative=True,
        formula="benefit x/||x||; cost 1 - x/||x||, ||x|| = sqrt(sum x^2)",
    ),
    "percentile": NormalizationMethod(
        "percentile",
        percentile_kernel,
        bounded=True,
        needs_targets=False,
        nonnegative=False,
        formula="(rank - 1)/(m - 1), rank 1 = worst, average ties",
    ),
}


# --------------------------------------------------------------------------
# validation helpers shared with aggregate.py


def _label(columns: Sequence[Any] | None, j: int) -> str:
    """How a message names column `j`."""
    return repr(columns[j]) if columns is not None else f"{j}"


def _rows_text(index: Sequence[Any] | None, rows: np.ndarray) -> str:
    """Name the first few offending rows, by label when there are labels."""
    shown = [index[r] if index is not None else int(r) for r in rows[:5]]
    more = f" and {rows.size - 5} more" if rows.size > 5 else ""
    return ", ".join(repr(s) for s in shown) + more


def _check_shape(func: str, arr: FloatArray, name: str = "X") -> None:
    """Raise DataError unless `arr` has at least one row and one column."""
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise DataError(
            f"{func}(): {name!r} needs at least one row (cluster) and one "
            f"column (indicator); got shape {arr.shape}."
        )


def _check_finite(
    func: str,
    arr: FloatArray,
    lo: FloatArray,
    hi: FloatArray,
    index: Sequence[Any] | None,
    columns: Sequence[Any] | None,
    name: str = "X",
) -> None:
    """Raise DataError naming every column (and row) that is not finite.

    `lo` and `hi` are the column minimum and maximum; NaN and infinities
    show in them, so the full matrix is only searched on failure.
    """
    bad = ~(np.isfinite(lo) & np.isfinite(hi))
    if not bad.any():
        return
    problems = []
    for j in np.flatnonzero(bad):
        col = arr[:, j]
        nan_rows = np.flatnonzero(np.isnan(col))
        inf_rows = np.flatnonzero(np.isinf(col))
        parts = []
        if nan_rows.size:
            parts.append(
                f"{nan_rows.size} NaN at row(s) {_rows_text(index, nan_rows)}"
            )
        if inf_rows.size:
            parts.append(
                f"{inf_rows.size} infinite at row(s) "
                f"{_rows_text(index, inf_rows)}"
            )
        problems.append(f"column {_label(columns, j)}: " + "; ".join(parts))
    raise DataError(
        f"{func}(): every value of {name!r} must be finite (no NaN or "
        f"infinity); " + " | ".join(problems) + ".",
        problems=problems,
    )


def _check_span(
    func: str,
    lo: FloatArray,
    hi: FloatArray,
    columns: Sequence[Any] | None,
    name: str = "X",
) -> None:
    """Raise DataError where max - min overflows (|values| near 1e308)."""
    with np.errstate(over="ignore"):
        bad = np.flatnonzero(~np.isfinite(hi - lo))
    if bad.size:
        cols = ", ".join(_label(columns, j) for j in bad)
        raise DataError(
            f"{func}(): the values of {name!r} in column(s) {cols} span "
            "more than the floating-point range (max - min overflows); "
            "rescale them (e.g. to other units)."
        )


def _check_nonnegative(
    func: str,
    lo: FloatArray,
    columns: Sequence[Any] | None,
    why: str,
    name: str = "X",
) -> None:
    """Raise DataError naming every column with a negative value."""
    bad = np.flatnonzero(lo < 0)
    if bad.size == 0:
        return
    problems = [
        f"column {_label(columns, j)} has minimum {lo[j]:.6g}" for j in bad
    ]
    raise DataError(
        f"{func}(): {why} needs non-negative values in {name!r}; "
        + "; ".join(problems)
        + ".",
        problems=problems,
    )


def _align(
    func: str, param: str, value: Any, columns: Sequence[Any] | None
) -> Any:
    """Order a per-column mapping or Series by `columns`.

    Sequences and arrays pass through unchanged (position = column). A
    mapping, or a Series whose index holds the column labels, is reordered
    to the column order; a missing or unknown label raises ParameterError.
    """
    if isinstance(value, pd.Series):
        if columns is None or not set(value.index) & set(columns):
            return value.to_numpy()
        value = value.to_dict()
    if not isinstance(value, Mapping):
        return value
    if columns is None:
        raise ParameterError(
            f"{func}(): {param!r} may only be a mapping when X is a "
            f"DataFrame with column labels; got a {type(value).__name__}.",
            parameter=param,
            value=value,
        )
    missing = [c for c in columns if c not in value]
    extra = [k for k in value if k not in set(columns)]
    if missing or extra:
        raise ParameterError(
            f"{func}(): {param!r} must have one entry per column of X; "
            f"missing: {missing}; unknown: {extra}.",
            parameter=param,
            value=value,
            allowed=list(columns),
        )
    return [value[c] for c in columns]


def _as_targets(
    func: str, targets: Any, n: int, columns: Sequence[Any] | None
) -> FloatArray:
    """Targets as an (n,) float array, finite and > 0, else ParameterError."""
    if targets is None:
        raise ParameterError(
            f"{func}(): method='target' needs 'targets', one per indicator "
            f"({n}); got None.",
            parameter="targets",
            value=None,
        )
    targets = _align(func, "targets", targets, columns)
    try:
        t = np.asarray(targets, dtype=float).ravel()
    except (TypeError, ValueError):
        raise ParameterError(
            f"{func}(): 'targets' must be numbers; got {targets!r}.",
            parameter="targets",
            value=targets,
        ) from None
    if t.shape != (n,):
        raise ParameterError(
            f"{func}(): 'targets' must have one entry per indicator ({n}); "
            f"got {t.size}.",
            parameter="targets",
            value=targets,
        )
    bad = np.flatnonzero(~(np.isfinite(t) & (t > 0)))
    if bad.size:
        where = ", ".join(
            f"{_label(columns, j)}={t[j]!r}" for j in bad.tolist()
        )
        raise ParameterError(
            f"{func}(): every target must be a finite number > 0; got "
            f"{where}.",
            parameter="targets",
            value=targets,
            allowed="(0, inf)",
        )
    return t


# --------------------------------------------------------------------------
# public


def normalize(
    X: Any,
    directions: Any = None,
    *,
    method: str = "minmax",
    targets: Any = None,
) -> Any:
    """Normalise a clusters x indicators table to a higher-is-better scale.

    Parameters
    ----------
    X : array_like or pandas.DataFrame, shape (m, n)
        One row per cluster, one numeric column per indicator. Every value
        must be finite; ``"target"`` and ``"vector"`` also need values
        >= 0.
    directions : sequence, mapping or None, optional
        ``"benefit"``/``"cost"`` (or +1/-1) per indicator; ``None`` means
        all benefit. With a DataFrame, a mapping or Series keyed by column
        label is aligned to the columns.
    method : {"minmax", "target", "zscore", "vector", "percentile"}
        The registry entry in `NORMALIZATIONS`:

        - ``"minmax"``: (x - min)/(max - min), cost (max - x)/(max - min);
          a constant column scores 0.5.
        - ``"target"``: min(x/t, 1), cost min(t/x, 1) (1 at x = 0).
        - ``"zscore"``: sign * (x - mean)/sd with ddof = 1; unbounded.
        - ``"vector"``: x/||x||, cost 1 - x/||x||.
        - ``"percentile"``: (rank - 1)/(m - 1), average ties.
    targets : sequence, mapping or None
        One target > 0 per indicator; required by ``"target"`` only.

    Returns
    -------
    ndarray or pandas.DataFrame, shape (m, n)
        The normalised values, larger is better, in [0, 1] except for
        ``"zscore"``. A DataFrame in gives a DataFrame out with the same
        index and columns.

    Raises
    ------
    ParameterError
        Unknown `method`; `directions` or `targets` of the wrong length;
        a target that is not > 0; `targets` given to another method.
    DataError
        Non-numeric or empty `X`; a NaN or infinite value (the message
        names the column and rows); a negative value where the method
        needs values >= 0.

    Notes
    -----
    The kernels (`minmax_kernel`, `target_kernel`, `zscore_kernel`,
    `vector_kernel`, `percentile_kernel`) hold the formulas; this function
    validates and dispatches.

    References
    ----------
    .. [1] Nardo, M. et al. (2008). *Handbook on Constructing Composite
       Indicators: Methodology and User Guide*. OECD Publishing, section 5.
       doi:10.1787/9789264043466-en
    .. [2] Hwang, C.-L. and Yoon, K. (1981). *Multiple Attribute Decision
       Making*. Springer. doi:10.1007/978-3-642-48318-9

    Examples
    --------
    >>> normalize([[1.0, 10.0], [3.0, 30.0], [2.0, 20.0]],
    ...           ["benefit", "cost"]).tolist()
    [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]
    >>> normalize([[5.0], [20.0]], method="target", targets=[10.0]).tolist()
    [[0.5], [1.0]]
    """
    func = "normalize"
    check_option(func, "method", method, NORMALIZATIONS)
    spec = NORMALIZATIONS[method]
    arr, index, columns = as_matrix(func, X)
    _check_shape(func, arr)
    n = arr.shape[1]
    signs = as_directions(
        func, _align(func, "directions", directions, columns), n
    )
    lo, hi, _ = _column_stats(arr)
    _check_finite(func, arr, lo, hi, index, columns)
    _check_span(func, lo, hi, columns)
    if spec.nonnegative:
        _check_nonnegative(func, lo, columns, f"method={method!r}")
    if spec.needs_targets:
        t = _as_targets(func, targets, n, columns)
        Y = spec.kernel(arr, signs, t)
    else:
        if targets is not None:
            raise ParameterError(
                f"{func}(): 'targets' only applies to method='target'; got "
                f"method={method!r}.",
                parameter="targets",
                value=targets,
            )
        Y = spec.kernel(arr, signs)
    if isinstance(X, pd.DataFrame):
        return pd.DataFrame(Y, index=X.index, columns=X.columns)
    return Y
