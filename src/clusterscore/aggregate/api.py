"""Validating entry points: `aggregate`, `topsis`, `dimension_scores`.

They check their input (naming the column, row or parameter at fault),
then call the kernels of `clusterscore.aggregate.kernels` and
`clusterscore.aggregate.dimensions`, dispatching through the
`clusterscore.aggregate.registry.AGGREGATIONS` registry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast, overload

import numpy as np
import pandas as pd

from clusterscore._checks import (
    align_labels,
    as_directions,
    as_matrix,
    as_real_array,
    as_weights,
    check_finite_columns,
    check_nonnegative_columns,
    check_option,
    check_shape,
    check_span,
    short_repr,
)
from clusterscore.aggregate.dimensions import (
    _as_groups,
    _membership,
    _n_groups,
)
from clusterscore.aggregate.gra import DEFAULT_RHO, check_rho
from clusterscore.aggregate.kernels import (
    DEFAULT_FLOOR,
    TOPSIS_NORMALIZATIONS,
    TopsisNormalization,
    _topsis_raw,
)
from clusterscore.aggregate.registry import AGGREGATIONS, Aggregation
from clusterscore.aggregate.vikor import DEFAULT_V, check_v
from clusterscore.errors import DataError, ParameterError
from clusterscore.normalize import (
    FloatArray,
    _column_stats,
    _pow2_rescale,
    minmax_kernel,
    vector_kernel,
)


def dimension_scores(
    Y: FloatArray,
    w: FloatArray,
    groups: Any,
    method: str = "weighted_sum",
    *,
    floor: float = DEFAULT_FLOOR,
    rho: float | None = None,
    v: float | None = None,
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
        raw = np.asarray(Y, dtype=float)
        lo, hi, _ = _column_stats(raw)
        raw, _, _, _ = _pow2_rescale(raw, lo, hi)  # unit-free, as `topsis`
        Y = kernel(raw, signs)
    w = np.asarray(w, dtype=float)
    g = _as_groups(groups, Y.shape[1], n_groups)
    d = _n_groups(g, n_groups)
    M = _membership(w, g, d)
    extra = method_options(func, method, {"rho": rho, "v": v})
    return AGGREGATIONS[method].dimension_kernel(Y, M, floor, **extra)


def _as_weight_array(
    func: str, weights: Any, n: int, columns: Sequence[Any] | None
) -> FloatArray:
    """Weights as (n,) or (k, n), each vector >= 0 and summing to 1.

    Vectors within 1e-8 of summing to 1 are rescaled to sum to 1 exactly
    (up to rounding), so that scores of a [0, 1] matrix stay in [0, 1].
    """
    if isinstance(weights, pd.DataFrame):  # a batch, one row per vector
        if columns is not None:  # the label rule, for every row
            align_labels(
                func, "weights", dict.fromkeys(weights.columns), columns
            )
            weights = weights[list(columns)]
        weights = weights.to_numpy()
    weights = align_labels(func, "weights", weights, columns)
    if weights is None or isinstance(weights, str | bytes):
        raise ParameterError(
            f"{func}(): 'weights' must be numbers, one per criterion ({n}); "
            f"got {short_repr(weights)}.",
            parameter="weights",
            value=weights,
        )
    W = as_real_array(func, "weights", weights, ParameterError)
    if W.ndim <= 1:
        w = as_weights(func, W, n)
        return cast(FloatArray, w / w.sum())
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
    return cast(FloatArray, W / totals[:, None])


def _wrap(
    scores: FloatArray, X: Any, name: str
) -> FloatArray | pd.Series | pd.DataFrame:
    """Label scores like the input: Series (one vector) or DataFrame (k)."""
    if not isinstance(X, pd.DataFrame):
        return scores
    if scores.ndim == 1:
        return pd.Series(scores, index=X.index, name=name)
    return pd.DataFrame(scores, columns=X.index)


@overload
def aggregate(
    Y: pd.DataFrame,
    weights: Any,
    method: Aggregation = "weighted_sum",
    *,
    floor: float | None = None,
    rho: float | None = None,
    v: float | None = None,
) -> pd.Series[float] | pd.DataFrame: ...
@overload
def aggregate(
    Y: Any,
    weights: Any,
    method: Aggregation = "weighted_sum",
    *,
    floor: float | None = None,
    rho: float | None = None,
    v: float | None = None,
) -> FloatArray: ...
def aggregate(
    Y: Any,
    weights: Any,
    method: Aggregation = "weighted_sum",
    *,
    floor: float | None = None,
    rho: float | None = None,
    v: float | None = None,
) -> FloatArray | pd.Series[float] | pd.DataFrame:
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
    method : {"weighted_sum", "geometric", "topsis", "gra", "vikor"}
        The registry entry in `AGGREGATIONS`: `weighted_sum`,
        `weighted_geometric`, `topsis_closeness`, `gra_grade`,
        `vikor_score`.
    floor : float, optional
        The geometric mean's floor in (0, 1]; default `DEFAULT_FLOOR`
        (0.01). Only for ``"geometric"``.
    rho : float, optional
        GRA's distinguishing coefficient in (0, 1]; default 0.5. Only for
        ``"gra"``.
    v : float, optional
        VIKOR's weight of the group-utility strategy in [0, 1]; default
        0.5. Only for ``"vikor"``.

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
    check_shape(func, arr, name="Y")
    lo, hi, _ = _column_stats(arr)
    check_finite_columns(func, arr, lo, hi, index, columns, name="Y")
    check_span(func, lo, hi, columns, name="Y")
    options = method_options(
        func, method, {"floor": floor, "rho": rho, "v": v}
    )
    if spec.nonnegative:
        check_nonnegative_columns(
            func,
            lo,
            columns,
            f"method={method!r} (use a bounded normalisation, not z-scores)",
            name="Y",
        )
    W = _as_weight_array(func, weights, arr.shape[1], columns)
    scores = _finite_scores(func, spec.kernel(arr, W, **options))
    return _wrap(scores, Y, "score")


def method_options(
    func: str, method: str, given: dict[str, Any]
) -> dict[str, float]:
    """Check the method's keyword options; refuse those of other methods.

    `given` maps option names (``floor``, ``rho``, ``v``) to values, None
    for "not given" (the option's default is then used). Returns the
    options `method`'s kernels take, checked.
    """
    spec = AGGREGATIONS[method]
    options: dict[str, float] = {}
    for name, value in given.items():
        if name in spec.options:
            check, default = _OPTIONS[name]
            options[name] = check(func, default if value is None else value)
        elif value is not None:
            owner = next(
                m for m, s in AGGREGATIONS.items() if name in s.options
            )
            raise ParameterError(
                f"{func}(): '{name}' only applies to method={owner!r}; got "
                f"method={method!r}.",
                parameter=name,
                value=value,
            )
    return options


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
            f"{func}(): 'floor' must be a number in (0, 1]; got "
            f"{short_repr(floor)}.",
            parameter="floor",
            value=floor,
            allowed="(0, 1]",
        )
    return f


@overload
def topsis(
    X: pd.DataFrame,
    weights: Any,
    directions: Any = None,
    *,
    normalization: TopsisNormalization = "vector",
) -> pd.Series[float] | pd.DataFrame: ...
@overload
def topsis(
    X: Any,
    weights: Any,
    directions: Any = None,
    *,
    normalization: TopsisNormalization = "vector",
) -> FloatArray: ...
def topsis(
    X: Any,
    weights: Any,
    directions: Any = None,
    *,
    normalization: TopsisNormalization = "vector",
) -> FloatArray | pd.Series[float] | pd.DataFrame:
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
    check_shape(func, arr)
    n = arr.shape[1]
    signs = as_directions(func, directions, n, columns)
    W = _as_weight_array(func, weights, n, columns)
    vector = normalization == "vector"
    stats = _column_stats(arr, sumsq=vector)
    check_finite_columns(func, arr, stats[0], stats[1], index, columns)
    # TOPSIS does not depend on a column's unit: huge or tiny columns are
    # rescaled by a power of two (exactly), so no square or spread
    # overflows and a rescaled table ranks as the original does.
    scaled, _, _, exps = _pow2_rescale(arr, stats[0], stats[1])
    if exps.any():
        stats = _column_stats(scaled, sumsq=vector)
    closeness = _topsis_raw(scaled, W, signs, normalization, stats)
    return _wrap(_finite_scores(func, closeness), X, "closeness")


def _finite_scores(func: str, scores: FloatArray) -> FloatArray:
    """Return `scores` if finite; else DataError (never a NaN score)."""
    if np.isfinite(scores).all():
        return scores
    raise DataError(
        f"{func}(): the scores are not computable in floating point for "
        "these values (an intermediate overflowed); rescale the columns "
        "of the matrix (e.g. to other units)."
    )


_OPTIONS: dict[str, tuple[Any, float]] = {
    "floor": (_as_floor, DEFAULT_FLOOR),
    "rho": (check_rho, DEFAULT_RHO),
    "v": (check_v, DEFAULT_V),
}
"""Each method option's check and default."""
