"""The fast path of validation: the schema's rules on whole arrays.

`table_passes` checks a canonical frame (the columns matched and parsed by
`clusterscore.io.cells.parse_columns`) against exactly the rules of
`clusterscore.system.schema.table_schema`, with numpy: the indicator
columns as one matrix (finite, within bounds, whole numbers where
declared, missing only when allowed), the names (non-empty and unique as
`normalize_name` compares them; already normalised by the parser) and the
types by hashing. It answers only yes or no: a table that passes is
valid, and pandera's per-column machinery is not run at all; a table that
fails is checked again by the pandera schema, which words every problem
(`clusterscore.io.validate.check_table`). The schema stays the source of
truth: ``tests/io/test_fast.py`` checks that the two agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore.io.cells import Parsed
from clusterscore.system import Indicator, IndicatorSystem
from clusterscore.system.schema import names_sorted

__all__ = ["bound_vectors", "matrix_passes", "names_pass", "table_passes"]

_CHUNK = 16384
"""Rows checked at a time: the temporaries stay in the CPU cache."""


def bound_vectors(
    indicators: Sequence[Indicator],
) -> tuple[
    npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.bool_]
]:
    """Return the lower and upper bounds and the integer flags of columns.

    An open lower bound ``x > a`` becomes the closed bound ``x >= a'``
    with ``a'`` the next float64 above ``a`` (`numpy.nextafter`), the same
    test on float64 values; a missing bound is the largest finite float64
    (with its sign), so that the bounds refuse infinite values as well.
    """
    big = np.finfo(np.float64).max
    lo = np.array(
        [-big if i.lower is None else float(i.lower) for i in indicators]
    )
    open_low = np.array(
        [bool(i.lower_open) and i.lower is not None for i in indicators],
        dtype=bool,
    )
    lo = np.where(open_low, np.nextafter(lo, np.inf), lo)
    hi = np.array(
        [big if i.upper is None else float(i.upper) for i in indicators]
    )
    whole = np.array([bool(i.integer) for i in indicators], dtype=bool)
    return lo, hi, whole


def matrix_passes(
    X: npt.NDArray[np.float64],  # (columns, rows)
    lower: npt.NDArray[np.float64],
    upper: npt.NDArray[np.float64],
    whole: npt.NDArray[np.bool_],
    *,
    allow_missing: bool,
) -> bool:
    """Whether every cell of `X` (k, n) passes its row's checks.

    A cell passes when ``lower <= x <= upper`` (whole where `whole`), or
    is NaN when `allow_missing`; finite bounds (`bound_vectors`) make
    that refuse infinite values. A matrix without NaN (the common case)
    is judged by each row's minimum and maximum (a row within its bounds
    at both extremes is within them everywhere), and by ``floor(x) == x``
    on the whole rows only; one with NaN by the comparisons cell by cell,
    in cache-sized blocks of columns.
    """
    if X.shape[1] == 0:  # no rows: nothing fails
        return True
    with np.errstate(invalid="ignore"):
        least, most = X.min(axis=1), X.max(axis=1)  # NaN propagates
    if not (np.isnan(least).any() or np.isnan(most).any()):
        if not ((lower <= least) & (most <= upper)).all():
            return False
        return _whole_rows(X, np.flatnonzero(whole))
    if not allow_missing:
        return False
    lower, upper = lower[:, None], upper[:, None]
    step = _CHUNK
    for start in range(0, X.shape[1], step):  # blocks of rows, cache-sized
        Xc = X[:, start : start + step]
        with np.errstate(invalid="ignore"):
            inside = (lower <= Xc) & (upper >= Xc)  # False for NaN and inf
            if whole.any():
                Y = Xc[whole]
                inside[whole] &= np.floor(Y) == Y
        if inside.all():
            continue
        if not (allow_missing and (inside | np.isnan(Xc)).all()):
            return False
    return True


def _whole_rows(X: npt.NDArray[np.float64], rows: np.ndarray) -> bool:
    """Whether the rows `rows` of `X` (finite) hold whole numbers only.

    ``floor(x) == x`` in cache-sized pieces of each row, into buffers
    made once.
    """
    step = min(_CHUNK * 4, X.shape[1])
    buf = np.empty(step)
    same = np.empty(step, dtype=bool)
    for k in rows:
        for start in range(0, X.shape[1], step):
            piece = X[k, start : start + step]
            f, e = buf[: piece.size], same[: piece.size]
            np.floor(piece, out=f)
            if not np.equal(f, piece, out=e).all():
                return False
    return True


def names_pass(names: npt.NDArray[np.object_], *, unique: bool) -> bool:
    """Whether the (normalised) names are all present, non-empty and unique.

    Present: every element is a str (a missing name is NaN or None);
    non-empty: none equals ``""``, one C-level comparison per name.
    Uniqueness (skipped when `unique` is False) is first tested as names
    in strictly increasing order, one comparison per neighbour and the
    common case of a table sorted by name; otherwise by hashing (a
    `set`).

    Examples
    --------
    >>> names_pass(np.array(["A", "B"], dtype=object), unique=True)
    True
    >>> names_pass(np.array(["B", "A", "B"], dtype=object), unique=True)
    False
    >>> names_pass(np.array(["A", ""], dtype=object), unique=False)
    False
    """
    n = len(names)
    if n == 0:
        return True
    # (pandas' inference stops at the first element that is not a str; on
    # an object array, where NaN and None count as such)
    if pd.api.types.infer_dtype(names, skipna=False) != "string":
        return False
    if (names == "").any():
        return False
    if not unique or names_sorted(names):
        return True
    return len(set(names)) == n


def table_passes(
    df: pd.DataFrame,
    parsed: Mapping[str, Parsed],
    system: IndicatorSystem,
    *,
    allow_missing: bool,
    panel: bool,
) -> bool:
    """Whether the canonical frame `df` is valid by the schema of `system`.

    Parameters
    ----------
    df : pandas.DataFrame
        The parsed frame: ``cluster`` (normalised names), ``type`` (type
        ids where the word was known), the optional text columns, the
        indicator columns (float64) and ``year`` (float64) on a panel.
    parsed : Mapping of str to Parsed
        The parsed indicator (and year) columns: a cell that was text but
        no number fails the table.
    system : IndicatorSystem
        The system whose input columns are checked.
    allow_missing : bool
        Whether indicator values may be NaN.
    panel : bool
        Whether `df` is a panel: names are then not unique on their own
        (the panel's key is checked by the caller).

    Returns
    -------
    bool
        True only when the pandera schema would accept `df` too.
    """
    columns = system.input_columns
    ids = [i.id for i in columns]
    if not {"cluster", "type", *ids} <= set(df.columns) or len(df) == 0:
        return False
    if any(p.bad.any() for p in parsed.values()):
        return False
    if not names_pass(df["cluster"].to_numpy(dtype=object), unique=not panel):
        return False
    # a handful of distinct ids: the set of them (NaN is no type id)
    if not set(df["type"].to_numpy(dtype=object)) <= set(system.cluster_types):
        return False
    if panel:
        year = df["year"].to_numpy(dtype=float)
        if not (np.isfinite(year).all() and (np.floor(year) == year).all()):
            return False
    X = df[ids].to_numpy(dtype=float)  # a view of the parsed block
    lo, hi, whole = bound_vectors(columns)
    return matrix_passes(X.T, lo, hi, whole, allow_missing=allow_missing)
