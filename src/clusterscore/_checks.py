"""Private argument checks shared by the public functions.

Each check raises `ParameterError` (bad argument) or `DataError` (bad data)
with a message of the form ``func(): 'param' must be ...; got ...``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

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

#: Longest echo of a wrong value in a message (`short_repr`).
ECHO_LIMIT = 80

#: Most items of a user's collection a message lists (`short_list`).
LIST_LIMIT = 5

_PLAIN_TYPES = (str, int, float, bool, type(None), list, tuple, dict)


def short_repr(value: Any, limit: int = ECHO_LIMIT) -> str:
    """Echo a value in a message: its repr cut to `limit` characters.

    A value that is not a plain str, int, float, bool or None also shows
    its type name, so that ``f(): 'alpha' must be ...; got
    IndicatorSystem(id='advanced...', ...) (IndicatorSystem)`` stays one
    short line whatever was passed (``reprlib``-style: the middle of a
    long repr is replaced by ``...``).
    """
    try:
        text = repr(value)
    except Exception:  # a broken __repr__ must not hide the real error
        text = f"<{type(value).__name__} object>"
    if "\n" in text:  # a frame's or an array's repr: one line
        text = " ".join(text.split())
    if len(text) > limit:
        keep = max(limit - 3, 2)
        head = (keep + 1) // 2
        text = text[:head] + "..." + text[len(text) - (keep - head) :]
    if not isinstance(value, _PLAIN_TYPES) or isinstance(value, np.generic):
        text += f" ({type(value).__name__})"
    return text


def short_list(
    items: Iterable[Any],
    limit: int = LIST_LIMIT,
    show: Callable[[Any], str] = short_repr,
) -> str:
    """Echo the items of a user's collection: a few, and a count of the rest.

    ``'a', 'b', 'c', 'd', 'e' and 95 more``: the first `limit` items, each
    by `show` (`short_repr` by default), so a message stays one short line
    however many names were wrong.
    """
    items = list(items)
    shown = ", ".join(show(x) for x in items[:limit])
    if len(items) > limit:
        shown += f" and {len(items) - limit} more"
    return shown


def _is_complex(value: Any) -> bool:
    """Whether `value` is a complex number (Python or numpy)."""
    return isinstance(value, complex | np.complexfloating)


def as_float(value: Any) -> float:
    """``float(value)``, or NaN for anything that is not a real number.

    Complex numbers (whose ``float()`` would drop the imaginary part),
    values ``float()`` refuses and ints too large for a float (OverflowError)
    all give NaN, which every range check then refuses.
    """
    if _is_complex(value):
        return float("nan")
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return float("nan")


def check_option(
    func: str, param: str, value: Any, allowed: Iterable[str]
) -> str:
    """Return `value` if it is one of `allowed`, else raise ParameterError."""
    allowed = tuple(allowed)
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise ParameterError(
            f"{func}(): {param!r} must be one of {{{choices}}}; "
            f"got {short_repr(value)}.",
            parameter=param,
            value=value,
            allowed=allowed,
        )
    return value


def check_unit_interval(func: str, param: str, value: Any) -> float:
    """Return `value` as a float if it lies in [0, 1], else raise.

    Numeric strings count as numbers; a bool does not (True is not 1.0).
    """
    x = as_float(value)
    if isinstance(value, bool | np.bool_) or not 0.0 <= x <= 1.0:
        raise ParameterError(
            f"{func}(): {param!r} must be a number in [0, 1]; got "
            f"{short_repr(value)}.",
            parameter=param,
            value=value,
            allowed="[0, 1]",
        )
    return x


def check_non_negative(func: str, param: str, value: Any) -> float:
    """Return `value` as a float if it is a finite number >= 0, else raise.

    Only numbers count (not strings or bools).
    """
    number = isinstance(value, int | float | np.integer | np.floating)
    x = as_float(value) if number else float("nan")
    if isinstance(value, bool) or not (np.isfinite(x) and x >= 0):
        raise ParameterError(
            f"{func}(): {param!r} must be a finite number >= 0; got "
            f"{short_repr(value)}.",
            parameter=param,
            value=value,
            allowed=">= 0",
        )
    return x


def as_optional_non_negative(
    func: str, param: str, value: Any
) -> float | None:
    """Return `value` as a float >= 0, or None for None, else raise.

    Anything ``float()`` accepts counts as a number (unlike
    `check_non_negative`); NaN and infinities do not pass.
    """
    if value is None:
        return None
    x = as_float(value)
    if not (np.isfinite(x) and x >= 0):
        raise ParameterError(
            f"{func}(): {param!r} must be a number >= 0 or None; "
            f"got {short_repr(value)}.",
            parameter=param,
            value=value,
        )
    return x


def align_labels(
    func: str,
    param: str,
    value: Any,
    labels: Sequence[Any] | None,
    *,
    what: str = "column of X",
) -> Any:
    """Apply the one label rule to a per-column argument (directions, ...).

    Where both sides have labels (a pandas Series or a mapping for
    `value`, a DataFrame's columns for `labels`) `value` is aligned by
    label and returned as a list in the order of `labels`; a label
    missing from `value` or unknown to `labels` raises ParameterError
    naming both lists, since position would silently pair the wrong
    entries. A Series given with an unlabelled array is read by position
    (its values); a mapping needs labels to be read at all. Anything else
    (list, tuple, array, scalar, None) is returned unchanged: position is
    the column.
    """
    if isinstance(value, pd.Series):
        if labels is None:
            return value.to_list()
        keys = list(value.index)
        if len(set(keys)) != len(keys):
            dupes = sorted({str(k) for k in keys if keys.count(k) > 1})
            raise ParameterError(
                f"{func}(): {param!r} has repeated labels {dupes}; each "
                f"{what} needs exactly one entry.",
                parameter=param,
                value=value,
            )
        value = dict(zip(keys, value.to_list(), strict=True))
    if not isinstance(value, Mapping):
        return value
    if labels is None:
        raise ParameterError(
            f"{func}(): {param!r} may only be a mapping (or labelled "
            f"Series) when X is a DataFrame with column labels; got a "
            f"{type(value).__name__}. Pass a list in column order.",
            parameter=param,
            value=value,
        )
    known = set(labels)
    missing = [c for c in labels if c not in value]
    extra = [k for k in value if k not in known]
    if missing or extra:
        raise ParameterError(
            f"{func}(): {param!r} must have one entry per {what}, matched "
            f"by label; missing: {short_repr(missing)}; unknown: "
            f"{short_repr(extra)}.",
            parameter=param,
            value=value,
            allowed=list(labels),
        )
    return [value[c] for c in labels]


def as_directions(
    func: str,
    directions: Any,
    n: int,
    labels: Sequence[Any] | None = None,
) -> np.ndarray:
    """Turn benefit/cost words or +1/-1 into an int array of +1/-1.

    ``None`` means every criterion is a benefit criterion. `labels` (a
    DataFrame's columns) align a Series or mapping by label
    (`align_labels`).
    """
    if directions is None:
        return np.ones(n, dtype=np.int8)
    directions = align_labels(func, "directions", directions, labels)
    if isinstance(directions, str | int | np.integer):
        directions = [directions] * n
    try:
        seq = list(directions)
    except TypeError:
        raise ParameterError(
            f"{func}(): 'directions' must be a sequence of 'benefit'/'cost' "
            f"or +1/-1, one per criterion ({n}); got "
            f"{short_repr(directions)}.",
            parameter="directions",
            value=directions,
        ) from None
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
        elif (
            isinstance(d, int | float | np.integer | np.floating)
            and not isinstance(d, bool | np.bool_)
            and d in (1, -1)
        ):
            out[k] = int(d)
        else:
            raise ParameterError(
                f"{func}(): 'directions' entries must be 'benefit', 'cost', "
                f"+1 or -1; got {short_repr(d)} at position {k}.",
                parameter="directions",
                value=d,
                allowed=("benefit", "cost", 1, -1),
            )
    return out


def _complex_cells(arr: np.ndarray) -> list[tuple[int, ...]]:
    """Positions of the entries of a complex array with a non-zero imag."""
    return [tuple(int(i) for i in p) for p in np.argwhere(arr.imag != 0)]


def as_real_array(
    func: str, param: str, value: Any, error: type[Exception] = DataError
) -> np.ndarray:
    """`value` as a float array; `error` for complex or non-numbers.

    ``np.asarray(value, dtype=float)`` would drop the imaginary part of a
    complex number with only a warning; here a complex entry is refused,
    naming the first cells, and so is anything that is not numeric (a
    string, None, a ragged list, an int too large for a float).
    """
    kw = {"parameter": param} if error is ParameterError else {}
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError, OverflowError):
        raw = None
    if raw is not None and raw.dtype == object:
        flat = raw.ravel().tolist()[:100_000]
        if any(_is_complex(v) for v in flat):
            cells: list[list[int]] = [
                [int(i) for i in np.unravel_index(k, raw.shape)]
                for k, v in enumerate(flat)
                if _is_complex(v) and v.imag != 0
            ]
            if not cells:  # complex with zero imaginary parts: still refused
                cells = [[k] for k, v in enumerate(flat) if _is_complex(v)]
            _raise_complex(func, param, cells, error, kw)
    if raw is not None and np.iscomplexobj(raw):
        _raise_complex(func, param, _complex_cells(raw), error, kw)
    if raw is not None and raw.dtype.kind in "biuf":
        return np.asarray(raw, dtype=float)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError) as exc:
        reason = " ".join(str(exc).split())[:ECHO_LIMIT]
        raise error(
            f"{func}(): {param!r} must be numeric; got "
            f"{short_repr(value)} ({reason}).",
            **kw,
        ) from None


def _raise_complex(
    func: str,
    param: str,
    cells: list[Any],
    error: type[Exception],
    kw: dict[str, Any],
) -> None:
    """Raise `error` naming the complex cells of `param`."""
    shown = ", ".join(str([int(i) for i in c]) for c in cells[:5]) or "(all)"
    more = f" and {len(cells) - 5} more" if len(cells) > 5 else ""
    raise error(
        f"{func}(): {param!r} must hold real numbers; complex values at "
        f"{shown}{more}.",
        **kw,
    )


def as_matrix(
    func: str, X: Any, *, name: str = "X"
) -> tuple[np.ndarray, Sequence[Any] | None, Sequence[Any] | None]:
    """Return (float matrix, row labels, column labels) of a 2-D input.

    Labels are ``None`` unless `X` is a DataFrame. Non-numeric input raises
    `DataError` naming the column; so does a complex value (its imaginary
    part would otherwise be dropped silently), naming the cell.
    """
    if isinstance(X, pd.DataFrame):
        complex_cols = [
            c for c in X.columns if pd.api.types.is_complex_dtype(X[c])
        ]
        if complex_cols:
            raise DataError(
                f"{func}(): every column of {name!r} must hold real "
                f"numbers; complex: {', '.join(map(str, complex_cols))}."
            )
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
        # an Index is a sequence of labels (the stubs do not say so)
        return arr, cast("Sequence[Any]", X.index), list(X.columns)
    if isinstance(X, str | bytes | Mapping) or X is None:
        raise DataError(
            f"{func}(): {name!r} must be a numeric 2-D array or a "
            f"DataFrame (clusters x indicators); got {short_repr(X)}."
        )
    arr = as_real_array(func, name, X)
    if arr.ndim != 2:
        raise DataError(
            f"{func}(): {name!r} must be 2-D (clusters x indicators); got "
            f"an array of shape {arr.shape}."
        )
    return arr, None, None


# --- matrix checks (moved from normalize, shared with aggregate and weights)


def column_label(
    columns: Sequence[Any] | None, j: int | np.integer[Any]
) -> str:
    """How a message names column `j`."""
    return short_repr(columns[int(j)]) if columns is not None else f"{j}"


def _rows_text(index: Sequence[Any] | None, rows: np.ndarray) -> str:
    """Name the first few offending rows, by label when there are labels."""
    shown = [index[r] if index is not None else int(r) for r in rows[:5]]
    more = f" and {rows.size - 5} more" if rows.size > 5 else ""
    return ", ".join(repr(s) for s in shown) + more


def check_shape(func: str, arr: np.ndarray, name: str = "X") -> None:
    """Raise DataError unless `arr` has at least one row and one column."""
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise DataError(
            f"{func}(): {name!r} needs at least one row (cluster) and one "
            f"column (indicator); got shape {arr.shape}."
        )


def check_finite_columns(
    func: str,
    arr: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
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
        problems.append(
            f"column {column_label(columns, j)}: " + "; ".join(parts)
        )
    raise DataError(
        f"{func}(): every value of {name!r} must be finite (no NaN or "
        f"infinity); " + " | ".join(problems) + ".",
        problems=problems,
    )


def check_span(
    func: str,
    lo: np.ndarray,
    hi: np.ndarray,
    columns: Sequence[Any] | None,
    name: str = "X",
) -> None:
    """Raise DataError where max - min overflows (|values| near 1e308)."""
    with np.errstate(over="ignore"):
        bad = np.flatnonzero(~np.isfinite(hi - lo))
    if bad.size:
        cols = ", ".join(column_label(columns, j) for j in bad)
        raise DataError(
            f"{func}(): the values of {name!r} in column(s) {cols} span "
            "more than the floating-point range (max - min overflows); "
            "rescale them (e.g. to other units)."
        )


def check_nonnegative_columns(
    func: str,
    lo: np.ndarray,
    columns: Sequence[Any] | None,
    why: str,
    name: str = "X",
) -> None:
    """Raise DataError naming every column with a negative value."""
    bad = np.flatnonzero(lo < 0)
    if bad.size == 0:
        return
    problems = [
        f"column {column_label(columns, j)} has minimum {lo[j]:.6g}"
        for j in bad
    ]
    raise DataError(
        f"{func}(): {why} needs non-negative values in {name!r}; "
        + "; ".join(problems)
        + ".",
        problems=problems,
    )


def align_to_columns(
    func: str, param: str, value: Any, columns: Sequence[Any] | None
) -> Any:
    """Order a per-column mapping or Series by `columns` (`align_labels`)."""
    return align_labels(func, param, value, columns)


def column_labels(columns: Sequence[Any] | None, idx: np.ndarray) -> str:
    """Name columns by label (DataFrame) or by 0-based position (array).

    A few are named and the rest counted (`short_list`): a warning about
    20,000 constant columns stays one short line.
    """
    if columns is None:
        return short_list(idx, show=lambda k: f"column {int(k)}")
    return short_list(idx, show=lambda k: short_repr(columns[int(k)]))


def check_variation_table(
    func: str, X: np.ndarray, columns: Sequence[Any] | None
) -> tuple[np.ndarray, np.ndarray]:
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
            f"{column_labels(columns, bad)}. Impute or drop them first."
        )
    return mn, mx


def as_weights(
    func: str,
    weights: Any,
    n: int,
    *,
    name: str = "weights",
    labels: Sequence[Any] | None = None,
) -> np.ndarray:
    """Return `weights` as a 1-D float array of length `n`, >= 0, sum 1.

    Weights that do not sum to 1 are rejected rather than rescaled, so that a
    typo cannot pass silently. `labels` align a Series or mapping by label
    (`align_labels`).
    """
    weights = align_labels(func, name, weights, labels)
    if weights is None or isinstance(weights, str | bytes):
        raise ParameterError(
            f"{func}(): {name!r} must be {n} numbers (a weight per "
            f"criterion); got {short_repr(weights)}.",
            parameter=name,
            value=weights,
        )
    w = as_real_array(func, name, weights, ParameterError).ravel()
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
            f"{short_repr(w.tolist())}.",
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


def check_bounds(func: str, bounds: Any) -> tuple[float, float]:
    """Return ``(upper, lower)`` if ``1 >= upper > lower > 0``, else raise."""
    try:
        upper, lower = (as_float(b) for b in bounds)
    except (TypeError, ValueError):
        upper = lower = float("nan")
    if not 1.0 >= upper > lower > 0.0:
        raise ParameterError(
            f"{func}(): 'bounds' must be (upper, lower) with "
            f"1 >= upper > lower > 0; got {short_repr(bounds)}.",
            parameter="bounds",
            value=bounds,
            allowed="1 >= upper > lower > 0",
        )
    return upper, lower


def check_quantile(func: str, q: Any) -> float:
    """Return `q` as a float if 0 < q <= 1, else raise ParameterError."""
    x = as_float(q)
    if isinstance(q, bool) or not 0.0 < x <= 1.0:
        raise ParameterError(
            f"{func}(): 'quantile' must be a number in (0, 1]; got "
            f"{short_repr(q)}.",
            parameter="quantile",
            value=q,
            allowed="(0, 1]",
        )
    return x


def check_instance(
    func: str, param: str, value: Any, cls: type, what: str
) -> None:
    """Raise ParameterError unless `value` is an instance of `cls`.

    The message reads ``func(): 'param' must be <what>; got <type name>.``
    (`what` as in ``"a pandas DataFrame"``).
    """
    if not isinstance(value, cls):
        raise ParameterError(
            f"{func}(): {param!r} must be {what}; got {type(value).__name__}.",
            parameter=param,
            value=value,
        )


def check_flag(fn: str, name: str, value: Any) -> bool:
    """Return a yes/no option as a bool; ParameterError for anything else.

    True, False, numpy booleans and the integers 0 and 1 are accepted (a
    table, a string or None is not: ``bool()`` of them would either
    raise or silently mean something).
    """
    if isinstance(value, bool | np.bool_) or (
        isinstance(value, int) and value in (0, 1)
    ):
        return bool(value)
    raise ParameterError(
        f"{fn}(): {name!r} must be True or False; got {short_repr(value)}.",
        parameter=name,
        value=value,
    )


def check_count(fn: str, name: str, value: Any, *, minimum: int = 1) -> int:
    """Return `value` as an int >= `minimum`, else raise ParameterError.

    Booleans are refused although Python counts them as ints.
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, int | np.integer)
        or value < minimum
    ):
        raise ParameterError(
            f"{fn}(): {name!r} must be an integer >= {minimum}; "
            f"got {short_repr(value)}.",
            parameter=name,
            value=value,
            allowed=f">= {minimum}",
        )
    return int(value)


def check_open_unit(fn: str, name: str, value: Any) -> float:
    """Return `value` as a float in (0, 1), else raise ParameterError."""
    x = as_float(value)
    if not 0.0 < x < 1.0:
        raise ParameterError(
            f"{fn}(): {name!r} must be a number in (0, 1); got "
            f"{short_repr(value)}.",
            parameter=name,
            value=value,
        )
    return x


def check_range(fn: str, name: str, value: Any) -> tuple[float, float]:
    """Return (lo, hi) with 0 <= lo <= hi <= 1, else raise."""
    try:
        lo, hi = (as_float(v) for v in value)
    except (TypeError, ValueError):
        lo = hi = float("nan")
    if not 0.0 <= lo <= hi <= 1.0:
        raise ParameterError(
            f"{fn}(): {name!r} must be a pair (low, high) with "
            f"0 <= low <= high <= 1; got {short_repr(value)}.",
            parameter=name,
            value=value,
        )
    return lo, hi


def check_choices(
    fn: str, name: str, value: Any, allowed: Sequence[str]
) -> tuple[str, ...]:
    """Return a non-empty tuple of distinct options from `allowed`."""
    try:
        items = (value,) if isinstance(value, str) else tuple(value)
    except TypeError:
        items = ()
    if not items or len(set(items)) != len(items):
        raise ParameterError(
            f"{fn}(): {name!r} must be a non-empty sequence of distinct "
            f"names; got {short_repr(value)}.",
            parameter=name,
            value=value,
        )
    for v in items:
        check_option(fn, name, v, allowed)
    return items


def check_rng(func: str, param: str, value: Any) -> np.random.Generator:
    """Return a numpy Generator for a seed, a Generator or None.

    A seed is an int >= 0 (numpy ints too; not a bool, a float or a
    string) or one of numpy's seed objects (`numpy.random.SeedSequence`,
    `numpy.random.BitGenerator`); None gives fresh entropy. Anything else
    raises ParameterError naming `param` and the type received.
    """
    r = np.random
    if isinstance(value, r.Generator):
        return value
    if value is None or isinstance(value, r.SeedSequence | r.BitGenerator):
        return r.default_rng(value)  # numpy's own seed objects pass too
    if (
        isinstance(value, int | np.integer)
        and not isinstance(value, bool | np.bool_)
        and value >= 0
    ):
        return np.random.default_rng(int(value))
    raise ParameterError(
        f"{func}(): {param!r} must be a seed (an integer >= 0), a "
        f"numpy.random.Generator or None; got {short_repr(value)}.",
        parameter=param,
        value=value,
        allowed="int >= 0, numpy.random.Generator, None",
    )


def check_progress(
    func: str, value: Any, param: str = "progress"
) -> Callable[[int, int], Any] | None:
    """Return `value` if it is None or callable, else raise ParameterError.

    A progress callback is called as ``progress(done, total)``.
    """
    if value is None:
        return None
    if callable(value):
        return cast("Callable[[int, int], Any]", value)
    raise ParameterError(
        f"{func}(): {param!r} must be None or a callable called as "
        f"progress(done, total); got {short_repr(value)}.",
        parameter=param,
        value=value,
    )
