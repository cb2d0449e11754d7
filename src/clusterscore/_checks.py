"""Private argument checks shared by the public functions.

Each check raises `ParameterError` (bad argument) or `DataError` (bad data)
with a message of the form ``func(): 'param' must be ...; got ...``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from clusterscore.errors import DataError, ParameterError

BENEFIT = 1
COST = -1
_DIRECTION_WORDS = {
    "benefit": BENEFIT,
    "cost": COST,
    "max": BENEFIT,
    "min": COST,
}


def check_option(func: str, param: str, value: Any, allowed: Iterable[str]):
    """Return `value` if it is one of `allowed`, else raise ParameterError."""
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise ParameterError(
            f"{func}(): {param!r} must be one of {{{choices}}}; "
            f"got {value!r}.",
            parameter=param,
            value=value,
            allowed=allowed,
        )
    return value


def check_unit_interval(func: str, param: str, value: Any) -> float:
    """Return `value` as a float if it lies in [0, 1], else raise."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        x = float("nan")
    if not 0.0 <= x <= 1.0:
        raise ParameterError(
            f"{func}(): {param!r} must be a number in [0, 1]; got {value!r}.",
            parameter=param,
            value=value,
            allowed="[0, 1]",
        )
    return x


def check_non_negative(func: str, param: str, value: Any) -> float:
    """Return `value` as a float if it is a finite number >= 0, else raise.

    Only numbers count (not strings or bools).
    """
    number = isinstance(value, int | float | np.number)
    x = float(value) if number else float("nan")
    if isinstance(value, bool) or not (np.isfinite(x) and x >= 0):
        raise ParameterError(
            f"{func}(): {param!r} must be a finite number >= 0; got "
            f"{value!r}.",
            parameter=param,
            value=value,
            allowed=">= 0",
        )
    return x


def as_directions(func: str, directions: Any, n: int) -> np.ndarray:
    """Turn benefit/cost words or +1/-1 into an int array of +1/-1.

    ``None`` means every criterion is a benefit criterion.
    """
    if directions is None:
        return np.ones(n, dtype=np.int8)
    if isinstance(directions, str | int | np.integer):
        directions = [directions] * n
    if isinstance(directions, pd.Series):
        directions = directions.to_list()
    seq = list(directions)
    if len(seq) != n:
        raise ParameterError(
            f"{func}(): 'directions' must have one entry per criterion "
            f"({n}); got {len(seq)}.",
            parameter="directions",
            value=directions,
        )
    out = np.empty(n, dtype=np.int8)
    for k, d in enumerate(seq):
        if isinstance(d, str) and d.lower() in _DIRECTION_WORDS:
            out[k] = _DIRECTION_WORDS[d.lower()]
        elif not isinstance(d, str | bool) and d in (1, -1):
            out[k] = int(d)
        else:
            raise ParameterError(
                f"{func}(): 'directions' entries must be 'benefit', 'cost', "
                f"+1 or -1; got {d!r} at position {k}.",
                parameter="directions",
                value=d,
                allowed=("benefit", "cost", 1, -1),
            )
    return out


def as_matrix(
    func: str, X: Any, *, name: str = "X"
) -> tuple[np.ndarray, Sequence[Any] | None, Sequence[Any] | None]:
    """Return (float matrix, row labels, column labels) of a 2-D input.

    Labels are ``None`` unless `X` is a DataFrame. Non-numeric input raises
    `DataError` naming the column.
    """
    if isinstance(X, pd.DataFrame):
        bad = [
            c
            for c in X.columns
            if not pd.api.types.is_numeric_dtype(X[c])
            or pd.api.types.is_bool_dtype(X[c])
        ]
        if bad:
            raise DataError(
                f"{func}(): every column of {name!r} must be numeric; "
                f"not numeric: {', '.join(map(str, bad))}."
            )
        if all(dt == np.float64 for dt in X.dtypes):
            arr = X.to_numpy()  # NaN is already NaN: no NA scan, no copy
        else:
            arr = X.to_numpy(dtype=float, na_value=np.nan)
        return arr, X.index, list(X.columns)
    try:
        arr = np.asarray(X, dtype=float)
    except (TypeError, ValueError) as exc:
        msg = f"{func}(): {name!r} must be a numeric 2-D array; {exc}."
        raise DataError(msg) from None
    if arr.ndim != 2:
        raise DataError(
            f"{func}(): {name!r} must be 2-D (clusters x indicators); got "
            f"an array of shape {arr.shape}."
        )
    return arr, None, None


def as_weights(
    func: str, weights: Any, n: int, *, name: str = "weights"
) -> np.ndarray:
    """Return `weights` as a 1-D float array of length `n`, >= 0, sum 1.

    Weights that do not sum to 1 are rejected rather than rescaled, so that a
    typo cannot pass silently.
    """
    w = np.asarray(weights, dtype=float).ravel()
    if w.shape != (n,):
        raise ParameterError(
            f"{func}(): {name!r} must have one entry per criterion ({n}); "
            f"got {w.size}.",
            parameter=name,
            value=weights,
        )
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise ParameterError(
            f"{func}(): {name!r} must be finite and non-negative; got "
            f"{w.tolist()}.",
            parameter=name,
            value=weights,
        )
    total = float(w.sum())
    if not np.isclose(total, 1.0, rtol=0, atol=1e-8):
        raise ParameterError(
            f"{func}(): {name!r} must sum to 1; they sum to {total:.10g}.",
            parameter=name,
            value=weights,
        )
    return w


# --- moved from uncertainty


def check_count(fn: str, name: str, value: Any, *, minimum: int) -> int:
    """Return `value` as an int >= `minimum`, else raise ParameterError."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | np.integer)
        or value < minimum
    ):
        raise ParameterError(
            f"{fn}(): {name!r} must be an integer >= {minimum}; "
            f"got {value!r}.",
            parameter=name,
            value=value,
        )
    return int(value)


def check_open_unit(fn: str, name: str, value: Any) -> float:
    """Return `value` as a float in (0, 1), else raise ParameterError."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        x = float("nan")
    if not 0.0 < x < 1.0:
        raise ParameterError(
            f"{fn}(): {name!r} must be a number in (0, 1); got {value!r}.",
            parameter=name,
            value=value,
        )
    return x


def check_range(fn: str, name: str, value: Any) -> tuple[float, float]:
    """Return (lo, hi) with 0 <= lo <= hi <= 1, else raise."""
    try:
        lo, hi = (float(v) for v in value)
    except (TypeError, ValueError):
        lo = hi = float("nan")
    if not 0.0 <= lo <= hi <= 1.0:
        raise ParameterError(
            f"{fn}(): {name!r} must be a pair (low, high) with "
            f"0 <= low <= high <= 1; got {value!r}.",
            parameter=name,
            value=value,
        )
    return lo, hi


def check_choices(
    fn: str, name: str, value: Any, allowed: Sequence[str]
) -> tuple[str, ...]:
    """Return a non-empty tuple of distinct options from `allowed`."""
    items = (value,) if isinstance(value, str) else tuple(value)
    if not items or len(set(items)) != len(items):
        raise ParameterError(
            f"{fn}(): {name!r} must be a non-empty sequence of distinct "
            f"names; got {value!r}.",
            parameter=name,
            value=value,
        )
    for v in items:
        check_option(fn, name, v, allowed)
    return items
