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
from clusterscore.system.schema import joined_names, names_sorted

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
    that refuse infinite values. One pass of comparisons over the
    matrix, no loop over rows or columns.
    """
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


def names_pass(names: npt.NDArray[np.object_], *, unique: bool) -> bool:
    """Whether the (normalised) names are all present, non-empty and unique.

    The names are joined into one string with NUL between them (a missing
    name, NaN, makes the join fail), so that an empty name shows as two
    NULs in a row or one at either end. Uniqueness (skipped when `unique`
    is False) is first tested as names in strictly increasing order, one
    comparison per neighbour and the common case of a table sorted by
    name; otherwise by hashing (a `set`). A name holding NUL itself
    answers False, for the schema to judge.

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
    joined = joined_names(names)  # None: a missing name, or NUL in one
    if joined is None:
        return False  # the schema decides
    if (
        joined == ""  # one empty name
        or joined.startswith("\x00")
        or joined.endswith("\x00")
        or "\x00\x00" in joined
    ):
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
    types = pd.Series(df["type"].to_numpy(dtype=object))
    if not types.isin(system.cluster_types).all():  # NaN is in no list
        return False
    if panel:
        year = df["year"].to_numpy(dtype=float)
        if not (np.isfinite(year).all() and (np.floor(year) == year).all()):
            return False
    X = df[ids].to_numpy(dtype=float)  # a view of the parsed block
    lo, hi, whole = bound_vectors(columns)
    return matrix_passes(X.T, lo, hi, whole, allow_missing=allow_missing)
