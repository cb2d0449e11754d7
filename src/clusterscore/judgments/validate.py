"""Validation of pairwise comparison matrices and of the RI choice.

`validate_judgments` checks a matrix and names every cell at fault;
`_ri_value` resolves ``ri=`` (a table name or a number) to RI(n). The
message helpers (`_what`, `_cell`, `_fmt`) are shared by the other
modules of the package.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import numpy as np
import pandas as pd

from clusterscore._checks import as_float, check_option, short_repr
from clusterscore.errors import JudgmentError, ParameterError
from clusterscore.judgments.scales import RI_TABLES, SAATY_SCALE

__all__ = ["check_name", "validate_judgments"]

SCALES = ("any", "saaty")
"""Value checks accepted by ``ahp(scale=...)``."""

RECIPROCAL_RTOL = 0.01
"""Relative tolerance of ``a_ij * a_ji == 1`` (accepts 0.333 for 1/3)."""

SCALE_RTOL = 0.01
"""Relative tolerance of a value against Saaty's scale (0.333 ~ 1/3)."""

DIAGONAL_ATOL = 1e-9
"""Absolute tolerance of a diagonal entry against 1."""

_MAX_LISTED = 10  # cells listed in one message


def _fmt(x: float) -> str:
    """Format a judgment for a message (4 significant digits)."""
    return f"{x:.4g}"


def check_name(func: str, name: Any) -> None:
    """Raise ParameterError unless `name` (a matrix name) is str or None."""
    if name is not None and not isinstance(name, str):
        raise ParameterError(
            f"{func}(): 'name' must be a string or None; got "
            f"{short_repr(name)}.",
            parameter="name",
            value=name,
        )


def _what(func: str, name: str | None) -> str:
    """Return ``"f(): pairwise matrix 'name'"`` for messages."""
    return f"{func}(): pairwise matrix" + (
        f" {short_repr(name)}" if name else ""
    )


def _cell(i: int, j: int, labels: Sequence[str] | None) -> str:
    """Name a cell: ``[0, 2]`` or ``[0, 2] (scale, chain)``."""
    text = f"[{i}, {j}]"
    if labels is not None:
        text += f" ({labels[i]}, {labels[j]})"
    return text


def _listed(items: list[str]) -> str:
    """Join up to _MAX_LISTED items, saying how many were left out."""
    shown = "; ".join(items[:_MAX_LISTED])
    if len(items) > _MAX_LISTED:
        shown += f"; and {len(items) - _MAX_LISTED} more"
    return shown


def _as_labels(
    func: str, labels: Any, n: int, frame_labels: list[str] | None
) -> tuple[str, ...] | None:
    """Return labels as a tuple of str of length n (or None)."""
    if labels is None:
        labels = frame_labels
    if labels is None:
        return None
    if isinstance(labels, str | bytes) or not isinstance(labels, Iterable):
        raise ParameterError(
            f"{func}(): 'labels' must be a sequence of names, one per row "
            f"of the matrix ({n}); got {short_repr(labels)}.",
            parameter="labels",
            value=labels,
        )
    out = tuple(str(x) for x in labels)
    if len(out) != n:
        raise ParameterError(
            f"{func}(): 'labels' must have one entry per row of the matrix "
            f"({n}); got {len(out)}.",
            parameter="labels",
            value=labels,
        )
    return out


def validate_judgments(
    matrix: Any,
    *,
    name: str | None = None,
    labels: Sequence[str] | None = None,
    scale: str = "any",
    allow_missing: bool = False,
    func: str = "validate_judgments",
) -> tuple[np.ndarray, tuple[str, ...] | None]:
    """Check a pairwise comparison matrix and return it as floats.

    Parameters
    ----------
    matrix : array_like or pandas.DataFrame
        Square matrix of judgments ``a_ij`` (how much more important
        element i is than element j). A DataFrame's columns are its labels.
    name : str, optional
        The matrix's name, used in messages.
    labels : sequence of str, optional
        Element labels, used in messages.
    scale : {"any", "saaty"}
        ``"saaty"`` also requires every entry to be on Saaty's scale
        1/9, ..., 1/2, 1, 2, ..., 9 (relative tolerance `SCALE_RTOL`, so
        0.333 stands for 1/3).
    allow_missing : bool
        Whether NaN may mark a missing off-diagonal judgment (for
        `complete_matrix`).
    func : str
        The public function named in messages.

    Returns
    -------
    a : numpy.ndarray
        The matrix as a new float array.
    labels : tuple of str or None
        The element labels.

    Raises
    ------
    JudgmentError
        The matrix is not square, empty, has non-finite, non-positive or
        off-scale entries, a diagonal entry other than 1, or a pair with
        ``a_ij * a_ji != 1`` (relative tolerance `RECIPROCAL_RTOL`). The
        message names every cell at fault and its value.
    """
    check_option(func, "scale", scale, SCALES)
    check_name(func, name)
    a, frame_labels = _as_square(func, matrix, name)
    labels = _as_labels(func, labels, a.shape[0], frame_labels)
    what = _what(func, name)
    missing = np.isnan(a)
    _check_entries(a, missing, allow_missing, labels, what, name)
    if allow_missing:
        # a judgment given on one side only: fill its reciprocal
        one_side = missing & ~missing.T
        a[one_side] = 1.0 / a.T[one_side]
        missing = np.isnan(a)
    _check_reciprocal(a, missing, labels, what, name)
    if scale == "saaty":
        _check_saaty(a, missing, labels, what, name)
    return a, labels


def _frame_labels(
    func: str, matrix: pd.DataFrame, name: str | None
) -> tuple[pd.DataFrame, list[str]]:
    """Return (the rows in column order, the labels) of a DataFrame.

    The label rule (`clusterscore._checks.align_labels`): a matrix with
    labelled rows must label them as its columns; the rows are then
    aligned to the columns by label. Unlabelled rows (a default
    0..n-1 index) are read by position.
    """
    cols = list(matrix.columns)
    rows = list(matrix.index)
    default = isinstance(matrix.index, pd.RangeIndex) and rows == list(
        range(len(rows))
    )
    if default or rows == cols:
        return matrix, [str(c) for c in cols]
    if len(set(cols)) != len(cols) or set(rows) != set(cols):
        only_rows = [r for r in rows if r not in set(cols)]
        only_cols = [c for c in cols if c not in set(rows)]
        raise JudgmentError(
            f"{_what(func, name)} must label its rows as its columns (a_ij "
            f"compares row element i with column element j); only in the "
            f"index: {short_repr(only_rows)}; only in the columns: "
            f"{short_repr(only_cols)}.",
            matrix_name=name,
        )
    return matrix.loc[cols], [str(c) for c in cols]


def _as_square(
    func: str, matrix: Any, name: str | None
) -> tuple[np.ndarray, list[str] | None]:
    """Return (a new non-empty square float array, a DataFrame's labels)."""
    frame_labels = None
    what = _what(func, name)
    if isinstance(matrix, pd.DataFrame):
        matrix, frame_labels = _frame_labels(func, matrix, name)
        matrix = matrix.to_numpy()
    try:
        raw = np.array(matrix)
    except (TypeError, ValueError):
        raw = np.array(matrix, dtype=object)
    if raw.dtype == object:
        flat = raw.ravel().tolist()
        if any(isinstance(v, complex | np.complexfloating) for v in flat):
            raw = np.array(flat, dtype=complex).reshape(raw.shape)
    if np.iscomplexobj(raw):
        cells = [tuple(int(k) for k in c) for c in np.argwhere(raw.imag != 0)]
        items = [f"{list(c)} = {raw[c]}" for c in cells] or ["(all)"]
        raise JudgmentError(
            f"{what} must hold real numbers; complex judgments at "
            f"{_listed(items)}.",
            cells=cells,
            matrix_name=name,
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = np.array(raw, dtype=float)
    except (TypeError, ValueError, OverflowError) as exc:
        reason = " ".join(str(exc).split())[:80]
        raise JudgmentError(
            f"{what} must be a square numeric matrix; got "
            f"{short_repr(matrix)} ({reason}).",
            matrix_name=name,
        ) from None
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise JudgmentError(
            f"{what} must be square (n x n); got shape {a.shape}.",
            matrix_name=name,
        )
    if a.shape[0] == 0:
        raise JudgmentError(
            f"{what} is empty; it needs at least one element.",
            matrix_name=name,
        )
    return a, frame_labels


def _fail(
    what: str,
    name: str | None,
    problem: str,
    cells: list[tuple[int, int]],
    items: list[str],
) -> NoReturn:
    """Raise the JudgmentError listing the cells at fault."""
    raise JudgmentError(
        f"{what} {problem}: {_listed(items)}.",
        cells=cells,
        matrix_name=name,
    )


def _check_entries(
    a: np.ndarray,
    missing: np.ndarray,
    allow_missing: bool,
    labels: Sequence[str] | None,
    what: str,
    name: str | None,
) -> None:
    """Raise for non-finite or non-positive entries or a diagonal != 1."""
    n = a.shape[0]
    if allow_missing:
        bad = ~np.isfinite(a) & ~missing
        bad |= missing & np.eye(n, dtype=bool)
    else:
        bad = ~np.isfinite(a)
    if bad.any():
        cells = [(int(i), int(j)) for i, j in np.argwhere(bad)]
        items = [f"{_cell(i, j, labels)} = {a[i, j]}" for i, j in cells]
        hint = "" if allow_missing else " (complete_matrix() fills gaps)"
        _fail(
            what, name, f"must hold finite numbers{hint}; found", cells, items
        )
    known = ~missing
    with np.errstate(invalid="ignore"):
        bad = known & (a <= 0)
    if bad.any():
        cells = [(int(i), int(j)) for i, j in np.argwhere(bad)]
        items = [f"{_cell(i, j, labels)} = {_fmt(a[i, j])}" for i, j in cells]
        _fail(what, name, "must hold positive numbers; found", cells, items)
    diag = np.diagonal(a)
    bad_d = np.flatnonzero(np.abs(diag - 1.0) > DIAGONAL_ATOL)
    if bad_d.size:
        cells = [(int(i), int(i)) for i in bad_d]
        items = [f"{_cell(i, i, labels)} = {_fmt(a[i, i])}" for i, _ in cells]
        _fail(what, name, "must have 1 on the diagonal; found", cells, items)


def _check_reciprocal(
    a: np.ndarray,
    missing: np.ndarray,
    labels: Sequence[str] | None,
    what: str,
    name: str | None,
) -> None:
    """Raise for a known pair with a_ij * a_ji != 1 (`RECIPROCAL_RTOL`)."""
    with np.errstate(invalid="ignore"):
        prod = a * a.T
    bad = np.triu(~missing & (np.abs(prod - 1.0) > RECIPROCAL_RTOL), 1)
    if bad.any():
        cells = [(int(i), int(j)) for i, j in np.argwhere(bad)]
        items = [
            f"cell {_cell(i, j, labels)}: a[{i},{j}]={_fmt(a[i, j])} but "
            f"a[{j},{i}]={_fmt(a[j, i])} (expected {1 / a[i, j]:.4f})"
            for i, j in cells
        ]
        _fail(
            what, name, "is not reciprocal (a_ji must be 1/a_ij)", cells, items
        )


def _check_saaty(
    a: np.ndarray,
    missing: np.ndarray,
    labels: Sequence[str] | None,
    what: str,
    name: str | None,
) -> None:
    """Raise for a known entry off Saaty's scale (`SCALE_RTOL`)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        near = SAATY_SCALE.nearest(np.where(missing, 1.0, a))
    bad = ~missing & (np.abs(a / near - 1.0) > SCALE_RTOL)
    if bad.any():
        cells = [(int(i), int(j)) for i, j in np.argwhere(bad)]
        items = [f"{_cell(i, j, labels)} = {_fmt(a[i, j])}" for i, j in cells]
        _fail(
            what,
            name,
            "must hold values of Saaty's scale (1/9, ..., 1/2, 1, 2, "
            "..., 9) with scale='saaty'; found",
            cells,
            items,
        )


def _ri_value(func: str, ri: Any, n: int) -> tuple[float, str]:
    """Return (RI(n), table name) for a table name or a custom RI value.

    A number > 0 is used as RI for every n >= 3 (named ``"custom"``); a
    name selects a table of `clusterscore.judgments.scales.RI_TABLES`. An
    n beyond the table raises ParameterError naming the largest n it covers.
    """
    if isinstance(ri, int | float | np.integer | np.floating) and not (
        isinstance(ri, bool)
    ):
        value = as_float(ri)
        if not (np.isfinite(value) and value > 0):
            raise ParameterError(
                f"{func}(): a numeric 'ri' must be a finite number > 0; "
                f"got {short_repr(ri)}.",
                parameter="ri",
                value=ri,
            )
        return (value if n > 2 else 0.0), "custom"
    check_option(func, "ri", ri, RI_TABLES)
    table = RI_TABLES[ri]
    if n > table.n_max:
        raise ParameterError(
            f"{func}(): the random-index table {short_repr(ri)} covers "
            "matrices up to "
            f"n = {table.n_max}; got n = {n}. Choose another 'ri' table, "
            f"give RI as a number (ri=1.59, ...), or split the comparison "
            f"into clusters.",
            parameter="ri",
            value=ri,
            allowed=tuple(RI_TABLES),
        )
    return table[n], ri


def _check_ri(func: str, ri: Any) -> None:
    """Reject an unknown ri name or a bad number before any work."""
    _ri_value(func, ri, 1)
