"""The validating entry point `normalize` and its target check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

import numpy as np
import pandas as pd

from clusterscore._checks import (
    align_to_columns,
    as_directions,
    as_matrix,
    as_real_array,
    check_finite_columns,
    check_nonnegative_columns,
    check_option,
    check_shape,
    column_label,
)
from clusterscore.errors import ParameterError
from clusterscore.normalize.columns import (
    FloatArray,
    _column_stats,
    _pow2_rescale,
)
from clusterscore.normalize.registry import NORMALIZATIONS


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
    targets = align_to_columns(func, "targets", targets, columns)
    t = as_real_array(func, "targets", targets, ParameterError).ravel()
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
            f"{column_label(columns, j)}={t[j]!r}" for j in bad.tolist()
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


@overload
def normalize(
    X: pd.DataFrame,
    directions: Any = None,
    *,
    method: str = "minmax",
    targets: Any = None,
) -> pd.DataFrame: ...
@overload
def normalize(
    X: Any,
    directions: Any = None,
    *,
    method: str = "minmax",
    targets: Any = None,
) -> FloatArray: ...
def normalize(
    X: Any,
    directions: Any = None,
    *,
    method: str = "minmax",
    targets: Any = None,
) -> FloatArray | pd.DataFrame:
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
        Non-numeric, complex or empty `X`; a NaN or infinite value (the
        message names the column and rows); a negative value where the
        method needs values >= 0.

    Notes
    -----
    The kernels (`minmax_kernel`, `target_kernel`, `zscore_kernel`,
    `vector_kernel`, `percentile_kernel`) hold the formulas; this function
    validates and dispatches. Every method but ``"target"`` is unit-free,
    so a column of huge (1e300) or tiny (1e-300, subnormal) values is
    first rescaled by a power of two, exactly: its result equals that of
    the same column in ordinary units, and a spread beyond the float
    range (-1e308 to 1e308) is no error.

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
    check_shape(func, arr)
    n = arr.shape[1]
    signs = as_directions(func, directions, n, columns)
    lo, hi, _ = _column_stats(arr)
    check_finite_columns(func, arr, lo, hi, index, columns)
    if not spec.needs_targets:
        # Every method but "target" is unit-free: huge or tiny columns are
        # rescaled by a power of two (exactly) so that spreads, squares and
        # sums neither overflow nor underflow.
        arr, lo, hi, _ = _pow2_rescale(arr, lo, hi)
    if spec.nonnegative:
        check_nonnegative_columns(func, lo, columns, f"method={method!r}")
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
        # min-max reuses the extremes found above (one pass fewer)
        extremes = {"lo": lo, "hi": hi} if method == "minmax" else {}
        Y = spec.kernel(arr, signs, **extremes)
    if isinstance(X, pd.DataFrame):
        return pd.DataFrame(Y, index=X.index, columns=X.columns)
    return Y
