"""Analytic Hierarchy Process: priorities and consistency of judgments.

The module has three layers (see STYLE.md section 4):

* kernels (``_*_kernel``) on float arrays, without validation;
* `validate_judgments`, which checks a pairwise comparison matrix and names
  the cell at fault;
* the public functions `ahp`, `diagnose_inconsistency`,
  `aggregate_judgments` and `complete_matrix`.

Consistency is always measured from the principal eigenvalue of the matrix,
whatever method derives the priorities (see `ahp`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from clusterscore._checks import as_weights, check_option
from clusterscore.errors import JudgmentError, ParameterError
from clusterscore.judgments.scales import RI_TABLES, SAATY_SCALE

__all__ = [
    "AHPResult",
    "GroupResult",
    "Suggestion",
    "aggregate_judgments",
    "ahp",
    "complete_matrix",
    "consistency",
    "consistency_kernel",
    "diagnose_inconsistency",
    "eigen_kernel",
    "validate_judgments",
]

METHODS = ("eigenvector", "geometric", "arithmetic")
"""Prioritisation methods accepted by ``ahp(method=...)``."""

SCALES = ("any", "saaty")
"""Value checks accepted by ``ahp(scale=...)``."""

GROUP_METHODS = ("aij", "aip")
"""Group aggregation methods accepted by `aggregate_judgments`."""

COMPLETION_METHODS = ("llsm", "harker")
"""Completion methods accepted by `complete_matrix`."""

RECIPROCAL_RTOL = 0.01
"""Relative tolerance of ``a_ij * a_ji == 1`` (accepts 0.333 for 1/3)."""

SCALE_RTOL = 0.01
"""Relative tolerance of a value against Saaty's scale (0.333 ~ 1/3)."""

DIAGONAL_ATOL = 1e-9
"""Absolute tolerance of a diagonal entry against 1."""

_MAX_LISTED = 10  # cells listed in one message


# --------------------------------------------------------------------------
# results


@dataclass(frozen=True)
class AHPResult:
    """Priorities and consistency of one pairwise comparison matrix.

    Attributes
    ----------
    weights : numpy.ndarray
        The priority vector, positive, summing to 1 (read-only).
    lambda_max : float
        The principal (Perron) eigenvalue of the matrix.
    ci : float
        Consistency index ``(lambda_max - n) / (n - 1)``; 0 for n <= 2.
    cr : float
        Consistency ratio ``ci / ri``; 0 for n <= 2.
    ri : float
        The random index used (``ri_table`` at ``n``).
    n : int
        The order of the matrix.
    method : str
        The prioritisation method (``"eigenvector"``, ``"geometric"``,
        ``"arithmetic"``).
    ri_table : str
        The name of the random-index table (``"saaty"``, ...).
    labels : tuple of str or None
        Element labels, when given.
    name : str or None
        The matrix's name, when given.
    """

    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    ri: float
    n: int
    method: str
    ri_table: str = "saaty"
    labels: tuple[str, ...] | None = None
    name: str | None = None

    def to_series(self) -> pd.Series:
        """Return the weights as a Series labelled by element."""
        index = list(self.labels) if self.labels else range(self.n)
        return pd.Series(np.array(self.weights), index=index, name="weight")


class Suggestion(NamedTuple):
    """One judgment and the value that would agree with the weights.

    Attributes
    ----------
    i, j : int
        Row and column of the judgment (``i < j``).
    row, column : str
        Labels of ``i`` and ``j`` (their indices as text without labels).
    value : float
        The judgment ``a_ij`` as given.
    suggested : float
        ``w_i / w_j``, the value consistent with the derived weights.
    suggested_saaty : float
        The value of Saaty's 1/9..9 scale nearest to `suggested` (in log
        distance).
    ratio : float
        ``e_ij = a_ij w_j / w_i`` (1 when the judgment agrees).
    contribution : float
        Share of ``n (lambda_max - n)`` due to this pair,
        ``(e_ij + 1/e_ij - 2) / sum``; the shares of all pairs sum to 1.
    """

    i: int
    j: int
    row: str
    column: str
    value: float
    suggested: float
    suggested_saaty: float
    ratio: float
    contribution: float


@dataclass(frozen=True)
class GroupResult:
    """Aggregated judgments of several experts.

    Attributes
    ----------
    weights : numpy.ndarray
        The group priority vector (read-only, sums to 1).
    matrix : numpy.ndarray or None
        AIJ: the aggregated (weighted geometric mean) matrix, read-only.
        AIP: None (no group matrix exists).
    cr : float or None
        AIJ: consistency ratio of the aggregated matrix. AIP: None.
    method : str
        ``"aij"`` or ``"aip"``.
    expert_cr : numpy.ndarray
        Each expert's consistency ratio, in input order (read-only).
    expert_weights : numpy.ndarray
        The weight each expert finally had (0 for an excluded expert),
        summing to 1 (read-only).
    excluded : tuple of int
        Indices of the experts left out because their CR exceeded
        ``max_cr``.
    experts : tuple of AHPResult
        Each expert's own result (on the completed matrix).
    result : AHPResult or None
        AIJ: the full result on the aggregated matrix. AIP: None.
    """

    weights: np.ndarray
    matrix: np.ndarray | None
    cr: float | None
    method: str
    expert_cr: np.ndarray
    expert_weights: np.ndarray
    excluded: tuple[int, ...]
    experts: tuple[AHPResult, ...]
    result: AHPResult | None = None


# --------------------------------------------------------------------------
# kernels (no validation)


def eigen_kernel(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Principal right eigenvectors (sum 1) and eigenvalues; no validation.

    Works on one matrix ``(n, n)`` or a stack ``(..., n, n)`` in one
    batched eigen-decomposition. For a positive matrix the Perron root is
    real, simple and has the largest real part of all eigenvalues
    (Perron's theorem), and its eigenvector can be scaled to be positive.

    Returns
    -------
    weights : numpy.ndarray, shape (..., n)
    lambda_max : numpy.ndarray, shape (...)
    """
    vals, vecs = np.linalg.eig(a)
    k = np.argmax(vals.real, axis=-1)
    lam = np.take_along_axis(vals.real, k[..., None], axis=-1)[..., 0]
    v = np.take_along_axis(vecs, k[..., None, None], axis=-1)[..., 0].real
    return v / v.sum(axis=-1, keepdims=True), lam


def _eigen_kernel(a: np.ndarray) -> tuple[np.ndarray, float]:
    """`eigen_kernel` of one matrix, with lambda_max as a float."""
    w, lam = eigen_kernel(a)
    return w, float(lam)


def _lambda_max_kernel(a: np.ndarray) -> float:
    """Principal eigenvalue of a positive matrix; no validation."""
    return float(np.max(np.linalg.eigvals(a).real))


def _geometric_kernel(a: np.ndarray) -> np.ndarray:
    """Normalised row geometric means (Crawford & Williams 1985)."""
    g = np.exp(np.log(a).mean(axis=1))
    return g / g.sum()


def _arithmetic_kernel(a: np.ndarray) -> np.ndarray:
    """Row means of the column-normalised matrix (Saaty 1980, approx.)."""
    return (a / a.sum(axis=0)).mean(axis=1)


def consistency_kernel(lam: Any, n: int, ri: float) -> tuple[Any, Any]:
    """CI and CR from lambda_max (a float or an array); 0 for n <= 2.

    CI = (lambda_max - n) / (n - 1) and CR = CI / RI(n) (Saaty 1980);
    no validation.
    """
    lam = np.asarray(lam, dtype=float)
    if n <= 2:
        zero = np.zeros_like(lam)
        return zero, zero
    # lambda_max >= n for every positive reciprocal matrix (Saaty 1977);
    # a value a few ulps below n is rounding and counts as 0.
    ci = np.maximum((lam - n) / (n - 1), 0.0)
    return ci, ci / ri


def _consistency_kernel(lam: float, n: int, ri: float) -> tuple[float, float]:
    """`consistency_kernel` of one lambda_max, as floats."""
    ci, cr = consistency_kernel(lam, n, ri)
    return float(ci), float(cr)


def _nearest_saaty(x: np.ndarray) -> np.ndarray:
    """Return the values of Saaty's scale nearest to `x` (log distance)."""
    scale = np.asarray(SAATY_SCALE.values)
    d = np.abs(np.log(np.asarray(x, float))[..., None] - np.log(scale))
    return scale[np.argmin(d, axis=-1)]


# --------------------------------------------------------------------------
# validation


def _fmt(x: float) -> str:
    """Format a judgment for a message (4 significant digits)."""
    return f"{x:.4g}"


def _what(func: str, name: str | None) -> str:
    """Return ``"f(): pairwise matrix 'name'"`` for messages."""
    return f"{func}(): pairwise matrix" + (f" {name!r}" if name else "")


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
    func: str, labels: Any, n: int, frame_labels: list | None
) -> tuple[str, ...] | None:
    """Return labels as a tuple of str of length n (or None)."""
    if labels is None:
        labels = frame_labels
    if labels is None:
        return None
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
    frame_labels = None
    if isinstance(matrix, pd.DataFrame):
        frame_labels = [str(c) for c in matrix.columns]
        matrix = matrix.to_numpy(dtype=float, na_value=np.nan)
    what = _what(func, name)
    try:
        a = np.array(matrix, dtype=float)
    except (TypeError, ValueError) as exc:
        raise JudgmentError(
            f"{what} must be a square numeric matrix; {exc}.",
            matrix_name=name,
        ) from None
    if a.ndim != 2 or a.shape[0] != a.shape[1]:
        raise JudgmentError(
            f"{what} must be square (n x n); got shape {a.shape}.",
            matrix_name=name,
        )
    n = a.shape[0]
    if n == 0:
        raise JudgmentError(
            f"{what} is empty; it needs at least one element.",
            matrix_name=name,
        )
    labels = _as_labels(func, labels, n, frame_labels)

    def fail(problem: str, cells: list[tuple[int, int]], items: list[str]):
        raise JudgmentError(
            f"{what} {problem}: {_listed(items)}.",
            cells=cells,
            matrix_name=name,
        )

    missing = np.isnan(a)
    if allow_missing:
        bad = ~np.isfinite(a) & ~missing
        bad |= missing & np.eye(n, dtype=bool)
    else:
        bad = ~np.isfinite(a)
    if bad.any():
        cells = [(int(i), int(j)) for i, j in np.argwhere(bad)]
        items = [f"{_cell(i, j, labels)} = {a[i, j]}" for i, j in cells]
        hint = "" if allow_missing else " (complete_matrix() fills gaps)"
        fail(f"must hold finite numbers{hint}; found", cells, items)
    known = ~missing
    with np.errstate(invalid="ignore"):
        bad = known & (a <= 0)
    if bad.any():
        cells = [(int(i), int(j)) for i, j in np.argwhere(bad)]
        items = [f"{_cell(i, j, labels)} = {_fmt(a[i, j])}" for i, j in cells]
        fail("must hold positive numbers; found", cells, items)
    diag = np.diagonal(a)
    bad_d = np.flatnonzero(np.abs(diag - 1.0) > DIAGONAL_ATOL)
    if bad_d.size:
        cells = [(int(i), int(i)) for i in bad_d]
        items = [f"{_cell(i, i, labels)} = {_fmt(a[i, i])}" for i, _ in cells]
        fail("must have 1 on the diagonal; found", cells, items)
    if allow_missing:
        # a judgment given on one side only: fill its reciprocal
        one_side = missing & ~missing.T
        a[one_side] = 1.0 / a.T[one_side]
        missing = np.isnan(a)
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
        fail("is not reciprocal (a_ji must be 1/a_ij)", cells, items)
    if scale == "saaty":
        with np.errstate(invalid="ignore", divide="ignore"):
            near = _nearest_saaty(np.where(missing, 1.0, a))
        bad = ~missing & (np.abs(a / near - 1.0) > SCALE_RTOL)
        if bad.any():
            cells = [(int(i), int(j)) for i, j in np.argwhere(bad)]
            items = [
                f"{_cell(i, j, labels)} = {_fmt(a[i, j])}" for i, j in cells
            ]
            fail(
                "must hold values of Saaty's scale (1/9, ..., 1/2, 1, 2, "
                "..., 9) with scale='saaty'; found",
                cells,
                items,
            )
    return a, labels


def _ri_value(func: str, ri: Any, n: int) -> tuple[float, str]:
    """Return (RI(n), table name) for a table name or a custom RI value.

    A number > 0 is used as RI for every n >= 3 (named ``"custom"``); a
    name selects a table of `clusterscore.judgments.scales.RI_TABLES`. An
    n beyond the table raises ParameterError naming the largest n it covers.
    """
    if isinstance(ri, int | float | np.integer | np.floating) and not (
        isinstance(ri, bool)
    ):
        value = float(ri)
        if not (np.isfinite(value) and value > 0):
            raise ParameterError(
                f"{func}(): a numeric 'ri' must be a finite number > 0; "
                f"got {ri!r}.",
                parameter="ri",
                value=ri,
            )
        return (value if n > 2 else 0.0), "custom"
    check_option(func, "ri", ri, RI_TABLES)
    table = RI_TABLES[ri]
    if n > table.n_max:
        raise ParameterError(
            f"{func}(): the random-index table {ri!r} covers matrices up to "
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


def _check_max_cr(func: str, max_cr: Any) -> float | None:
    """Return max_cr as a float >= 0 (or None), else raise."""
    if max_cr is None:
        return None
    try:
        x = float(max_cr)
    except (TypeError, ValueError):
        x = float("nan")
    if not (np.isfinite(x) and x >= 0):
        raise ParameterError(
            f"{func}(): 'max_cr' must be a number >= 0 or None; "
            f"got {max_cr!r}.",
            parameter="max_cr",
            value=max_cr,
        )
    return x


# --------------------------------------------------------------------------
# single matrix


def consistency(
    matrix: Any, *, ri: str | float = "saaty"
) -> tuple[float, float, float, float]:
    """Return ``(lambda_max, ci, cr, ri_value)`` of a judgment matrix.

    Parameters
    ----------
    matrix : array_like
        A positive reciprocal matrix (validated as in `ahp`).
    ri : str
        The random-index table (see `ahp`).

    Returns
    -------
    tuple of float
        The principal eigenvalue, CI, CR and the RI value used.

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill.
    """
    a, _ = validate_judgments(matrix, func="consistency")
    n = a.shape[0]
    ri_value, _ = _ri_value("consistency", ri, n)
    lam = _lambda_max_kernel(a) if n > 1 else 1.0
    ci, cr = _consistency_kernel(lam, n, ri_value)
    return lam, ci, cr, ri_value


def ahp(
    matrix: Any,
    method: str = "eigenvector",
    ri: str | float = "saaty",
    *,
    max_cr: float | None = None,
    scale: str = "any",
    labels: Sequence[str] | None = None,
    name: str | None = None,
) -> AHPResult:
    r"""Return the AHP priorities and consistency of a judgment matrix.

    Parameters
    ----------
    matrix : array_like or pandas.DataFrame
        Positive reciprocal matrix, ``a_ij`` = importance of element i over
        element j, ``a_ji = 1 / a_ij``, ``a_ii = 1``. A DataFrame's columns
        label the elements.
    method : {"eigenvector", "geometric", "arithmetic"}
        How the priorities are derived (see Notes).
    ri : {"saaty", "alonso_lamata", "tummala_ling"} or float
        The random-index table used for CR (see
        `clusterscore.judgments.scales`), or RI itself as a number > 0
        (used for every n >= 3; recorded as ``ri_table="custom"``), e.g.
        for n beyond every table.
    max_cr : float, optional
        Raise `JudgmentError` when CR exceeds this (CR = max_cr passes);
        Saaty's usual threshold is 0.10.
    scale : {"any", "saaty"}
        ``"saaty"`` requires every entry on the 1/9..9 scale.
    labels : sequence of str, optional
        Element labels for messages and `AHPResult.to_series`.
    name : str, optional
        Matrix name for messages.

    Returns
    -------
    AHPResult
        Weights (read-only, sum 1), lambda_max, CI, CR, the RI used, n,
        the method and the RI table name.

    Raises
    ------
    JudgmentError
        A malformed matrix (the message names the cells), or CR above
        `max_cr` (with ``.cr``, ``.threshold``, ``.cells`` and
        ``.suggestions`` from `diagnose_inconsistency`).
    ParameterError
        An unknown method, ri table or scale, or n beyond the RI table.

    Notes
    -----
    Priorities:

    * ``"eigenvector"``: the principal right eigenvector,
      :math:`A w = \lambda_{max} w`, normalised to :math:`\sum w_i = 1`
      (Saaty 1977, 1980).
    * ``"geometric"``: :math:`w_i \propto (\prod_j a_{ij})^{1/n}`, the
      logarithmic least-squares solution (Crawford & Williams 1985).
    * ``"arithmetic"``: :math:`w_i = \frac1n \sum_j a_{ij} / \sum_k
      a_{kj}`, the mean of the normalised columns (Saaty 1980).

    Consistency is measured from the principal eigenvalue of the matrix
    for every method, so that CR does not depend on the method:
    :math:`CI = (\lambda_{max} - n) / (n - 1)`, :math:`CR = CI / RI(n)`.
    For n <= 2 every reciprocal matrix is consistent and CI = CR = 0
    (RI(1) = RI(2) = 0, so the ratio would be 0/0).

    References
    ----------
    .. [1] Saaty, T. L. (1977). A scaling method for priorities in
       hierarchical structures. J. Math. Psychology, 15(3), 234-281.
    .. [2] Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill.
    .. [3] Crawford, G., & Williams, C. (1985). A note on the analysis of
       subjective judgment matrices. J. Math. Psychology, 29(4), 387-405.

    Examples
    --------
    >>> r = ahp([[1, 3], [1 / 3, 1]])
    >>> r.weights.round(4).tolist(), r.cr
    ([0.75, 0.25], 0.0)
    """
    func = "ahp"
    check_option(func, "method", method, METHODS)
    _check_ri(func, ri)
    threshold = _check_max_cr(func, max_cr)
    a, labels_t = validate_judgments(
        matrix, name=name, labels=labels, scale=scale, func=func
    )
    n = a.shape[0]
    ri_value, ri_name = _ri_value(func, ri, n)
    if n == 1:
        w, lam = np.ones(1), 1.0
    elif method == "eigenvector":
        w, lam = _eigen_kernel(a)
    else:
        kernel = (
            _geometric_kernel
            if method == "geometric"
            else (_arithmetic_kernel)
        )
        w, lam = kernel(a), _lambda_max_kernel(a)
    ci, cr = _consistency_kernel(lam, n, ri_value)
    w = np.array(w, dtype=float)
    w.setflags(write=False)
    result = AHPResult(
        weights=w,
        lambda_max=lam,
        ci=ci,
        cr=cr,
        ri=ri_value,
        n=n,
        method=method,
        ri_table=ri_name,
        labels=labels_t,
        name=name,
    )
    if threshold is not None and cr > threshold:
        _raise_inconsistent(func, a, result, threshold)
    return result


def _raise_inconsistent(
    func: str, a: np.ndarray, result: AHPResult, threshold: float
) -> None:
    """Raise the JudgmentError of a matrix whose CR exceeds threshold."""
    sugg = _diagnose_kernel(a, np.asarray(result.weights), result.labels)[:3]
    what = f"judgments for {result.name!r}" if result.name else "judgments"
    lines = [
        f"{_cell(s.i, s.j, result.labels)} is {_fmt(s.value)}, consistent "
        f"value {s.suggested:.3g} (nearest on Saaty's scale: "
        f"{_saaty_text(s.suggested_saaty)})"
        for s in sugg
    ]
    raise JudgmentError(
        f"{func}(): {what} are inconsistent: CR={result.cr:.3f} > "
        f"{threshold:.2f} (n={result.n}, lambda_max={result.lambda_max:.3f},"
        f" RI={result.ri:.4g} [{result.ri_table}]). Most inconsistent "
        f"judgments: {'; '.join(lines)}.",
        cells=[(s.i, s.j) for s in sugg],
        cr=result.cr,
        threshold=threshold,
        matrix_name=result.name,
        suggestions=sugg,
    )


def _saaty_text(x: float) -> str:
    """Write a Saaty-scale value as ``5`` or ``1/5``."""
    return f"{round(x)}" if x >= 1 else f"1/{round(1 / x)}"


# --------------------------------------------------------------------------
# diagnosis


def _diagnose_kernel(
    a: np.ndarray, w: np.ndarray, labels: Sequence[str] | None
) -> list[Suggestion]:
    """All pairs i < j by decreasing contribution; no validation."""
    n = a.shape[0]
    iu, ju = np.triu_indices(n, 1)
    e = a[iu, ju] * w[ju] / w[iu]
    excess = e + 1.0 / e - 2.0
    total = excess.sum()
    share = excess / total if total > 0 else np.zeros_like(excess)
    suggested = w[iu] / w[ju]
    nearest = _nearest_saaty(suggested)
    order = np.argsort(-excess, kind="stable")
    names = labels if labels is not None else [str(k) for k in range(n)]
    return [
        Suggestion(
            i=int(iu[k]),
            j=int(ju[k]),
            row=names[iu[k]],
            column=names[ju[k]],
            value=float(a[iu[k], ju[k]]),
            suggested=float(suggested[k]),
            suggested_saaty=float(nearest[k]),
            ratio=float(e[k]),
            contribution=float(share[k]),
        )
        for k in order
    ]


def diagnose_inconsistency(
    matrix: Any,
    weights: Any = None,
    top: int | None = 3,
    *,
    labels: Sequence[str] | None = None,
    name: str | None = None,
) -> pd.DataFrame:
    r"""Name the judgments that contribute most to a matrix's inconsistency.

    Parameters
    ----------
    matrix : array_like or pandas.DataFrame
        A positive reciprocal matrix.
    weights : array_like, optional
        The priorities to compare against (sum 1); by default the principal
        eigenvector of `matrix`.
    top : int or None
        How many judgments to return (None: all ``n (n - 1) / 2``).
    labels, name : optional
        Element labels and matrix name (as in `ahp`).

    Returns
    -------
    pandas.DataFrame
        One row per judgment ``a_ij`` (i < j), most inconsistent first, with
        the columns of `Suggestion`: ``i, j, row, column, value, suggested,
        suggested_saaty, ratio, contribution``.

    Notes
    -----
    With :math:`e_{ij} = a_{ij} w_j / w_i` (1 for a judgment that agrees
    with the weights) and the eigenvector weights of a reciprocal matrix,

    .. math:: n(\lambda_{max} - n) = \sum_{i<j} (e_{ij} + e_{ij}^{-1} - 2)

    (Saaty 1980, section 7.1; every term is >= 0 and is 0 only when
    :math:`e_{ij} = 1`). The judgments are ranked by their term, and
    ``contribution`` is its share of the sum. The value that would agree
    with the weights is :math:`w_i / w_j`; ``suggested_saaty`` is the
    nearest value of Saaty's scale. Replacing the judgment with the
    largest term by :math:`w_i/w_j` is the repair step of Saaty (2003).

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill.
    .. [2] Saaty, T. L. (2003). Decision-making with the AHP: Why is the
       principal eigenvector necessary. European Journal of Operational
       Research, 145(1), 85-91. doi:10.1016/S0377-2217(02)00227-8
    """
    func = "diagnose_inconsistency"
    a, labels_t = validate_judgments(
        matrix, name=name, labels=labels, func=func
    )
    n = a.shape[0]
    if weights is None:
        w = _eigen_kernel(a)[0] if n > 1 else np.ones(1)
    else:
        w = as_weights(func, weights, n)
        if np.any(w <= 0):
            raise ParameterError(
                f"{func}(): 'weights' must be positive; got {w.tolist()}.",
                parameter="weights",
                value=weights,
            )
    if top is not None and (
        not isinstance(top, int | np.integer)
        or isinstance(top, bool)
        or top < 1
    ):
        raise ParameterError(
            f"{func}(): 'top' must be a positive integer or None; "
            f"got {top!r}.",
            parameter="top",
            value=top,
        )
    rows = _diagnose_kernel(a, w, labels_t)
    if top is not None:
        rows = rows[:top]
    return pd.DataFrame(rows, columns=list(Suggestion._fields))


# --------------------------------------------------------------------------
# incomplete matrices


def _components(known: np.ndarray) -> tuple[int, np.ndarray]:
    """Return the connected components of the known-judgment graph."""
    return connected_components(known.astype(np.int8), directed=False)


def _llsm_kernel(a: np.ndarray, known: np.ndarray) -> np.ndarray:
    """LLSM weights from the known judgments of a connected matrix.

    Minimises sum over known (i, j) of (ln a_ij - y_i + y_j)^2: the normal
    equations are L y = r with L the Laplacian of the graph of known
    judgments and r_i = sum_j ln a_ij (Bozoki, Fulop & Ronyai 2010,
    Theorem 4). No validation.
    """
    off = known & ~np.eye(a.shape[0], dtype=bool)
    logs = np.where(off, np.log(np.where(off, a, 1.0)), 0.0)
    lap = np.diag(off.sum(axis=1)).astype(float) - off
    r = logs.sum(axis=1)
    # fix the gauge sum(y) = 0 by adding the all-ones rank-1 term
    y = np.linalg.solve(lap + 1.0, r)
    w = np.exp(y - y.max())
    return w / w.sum()


def _harker_kernel(a: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Harker's (1987) weights: eigenvector of the modified matrix.

    Missing entries are set to 0 and each diagonal entry to 1 plus the
    number of missing judgments in its row. No validation.
    """
    c = np.where(known, a, 0.0)
    np.fill_diagonal(c, 1.0 + (~known).sum(axis=1))
    return _eigen_kernel(c)[0]


def complete_matrix(
    matrix: Any,
    method: str = "llsm",
    *,
    labels: Sequence[str] | None = None,
    name: str | None = None,
) -> np.ndarray:
    r"""Fill the missing judgments (NaN) of a pairwise comparison matrix.

    Parameters
    ----------
    matrix : array_like or pandas.DataFrame
        A reciprocal matrix where NaN marks a missing judgment. A judgment
        given on one side only (``a_ij`` known, ``a_ji`` NaN) counts as
        known, and its reciprocal is filled in.
    method : {"llsm", "harker"}
        ``"llsm"``: logarithmic least-squares completion; ``"harker"``:
        Harker's (1987) eigenvector method. See Notes.
    labels, name : optional
        Element labels and matrix name for messages.

    Returns
    -------
    numpy.ndarray
        A complete positive reciprocal matrix: the known judgments as given,
        each missing ``a_ij`` replaced by ``w_i / w_j``.

    Raises
    ------
    JudgmentError
        The matrix is malformed (see `validate_judgments`), or its known
        judgments do not connect all elements (the message names the
        disconnected groups): then no method can relate the groups.
    ParameterError
        An unknown method.

    Notes
    -----
    Both methods derive weights from the known judgments only and fill a
    missing entry with :math:`w_i / w_j`.

    * ``"llsm"`` minimises :math:`\sum_{(i,j)\ known} (\ln a_{ij} - \ln w_i
      + \ln w_j)^2`. Its solution is unique exactly when the graph of known
      judgments is connected, and solves :math:`L y = r` with :math:`L` the
      Laplacian of that graph, :math:`r_i = \sum_{j\ known} \ln a_{ij}`,
      :math:`w = e^{y}` (Kwiesielewicz 1996; Bozóki, Fülöp & Rónyai 2010).
      On a complete matrix it gives the row geometric mean.
    * ``"harker"``: set missing entries to 0 and :math:`c_{ii} = 1 + m_i`
      (:math:`m_i` missing judgments in row i); the principal eigenvector
      of that matrix is the weight vector (Harker 1987).

    References
    ----------
    .. [1] Harker, P. T. (1987). Incomplete pairwise comparisons in the
       analytic hierarchy process. Mathematical Modelling, 9(11), 837-848.
    .. [2] Kwiesielewicz, M. (1996). The logarithmic least squares and the
       generalized pseudoinverse in estimating ratios. European Journal of
       Operational Research, 93(3), 611-619.
    .. [3] Bozóki, S., Fülöp, J., & Rónyai, L. (2010). On optimal
       completion of incomplete pairwise comparison matrices. Mathematical
       and Computer Modelling, 52(1-2), 318-333.

    Examples
    --------
    >>> nan = float("nan")
    >>> a = complete_matrix([[1, 2, nan], [0.5, 1, 3], [nan, 1 / 3, 1]])
    >>> round(float(a[0, 2]), 10)
    6.0
    """
    func = "complete_matrix"
    check_option(func, "method", method, COMPLETION_METHODS)
    a, labels_t = validate_judgments(
        matrix, name=name, labels=labels, allow_missing=True, func=func
    )
    n = a.shape[0]
    known = ~np.isnan(a)
    if known.all():
        return a
    count, comp = _components(known)
    if count > 1:
        names = labels_t if labels_t else [str(k) for k in range(n)]
        groups = [
            "{" + ", ".join(names[k] for k in np.flatnonzero(comp == c)) + "}"
            for c in range(count)
        ]
        raise JudgmentError(
            f"{_what(func, name)}: the known judgments do not connect all "
            f"elements; {count} disconnected groups: {', '.join(groups)}. "
            f"Add a judgment between each pair of groups.",
            matrix_name=name,
        )
    kernel = _llsm_kernel if method == "llsm" else _harker_kernel
    w = kernel(a, known)
    filled = np.where(known, a, w[:, None] / w[None, :])
    return filled


# --------------------------------------------------------------------------
# group judgments


def aggregate_judgments(
    matrices: Sequence[Any],
    weights: Any = None,
    method: str = "aij",
    *,
    max_cr: float | None = None,
    ri: str | float = "saaty",
    ahp_method: str = "eigenvector",
    labels: Sequence[str] | None = None,
    name: str | None = None,
) -> GroupResult:
    r"""Combine several experts' judgments on the same elements.

    Parameters
    ----------
    matrices : sequence of array_like
        One pairwise comparison matrix per expert, all n x n. NaN marks a
        missing judgment; such a matrix is first completed with
        ``complete_matrix(method="llsm")``.
    weights : array_like, optional
        The experts' weights (non-negative, sum 1); equal by default.
    method : {"aij", "aip"}
        Aggregation of individual judgments or of individual priorities
        (see Notes).
    max_cr : float, optional
        Leave out every expert whose CR exceeds this; the remaining
        experts' weights are rescaled to sum 1.
    ri : str
        The random-index table for every CR (see `ahp`).
    ahp_method : {"eigenvector", "geometric", "arithmetic"}
        The prioritisation method (see `ahp`).
    labels, name : optional
        Element labels and matrix name for messages.

    Returns
    -------
    GroupResult
        Group weights, the aggregated matrix and its CR (AIJ), each
        expert's CR, the expert weights used and the excluded experts.

    Raises
    ------
    JudgmentError
        A malformed matrix (the message names the expert as
        ``"<name>[k]"``), matrices of different sizes, or every expert
        above `max_cr`.
    ParameterError
        An unknown method, or bad expert weights.

    Notes
    -----
    * AIJ (aggregation of individual judgments): the weighted geometric mean
      :math:`a^G_{ij} = \prod_k a^{(k)\,\lambda_k}_{ij}`, which is again
      reciprocal (Aczél & Saaty 1983 show it is the only aggregation of
      ratio judgments that keeps reciprocity and unanimity); the group
      weights and CR are those of `ahp` on :math:`A^G`.
    * AIP (aggregation of individual priorities): the normalised weighted
      geometric mean of the experts' priority vectors,
      :math:`w_i \propto \prod_k w^{(k)\,\lambda_k}_i` (Forman & Peniwati
      1998, who allow the geometric or the arithmetic mean for AIP; the
      geometric mean is used here so that the result does not depend on
      the normalisation of the individual vectors). There is no group
      matrix, so ``matrix`` and ``cr`` are None.

    References
    ----------
    .. [1] Aczél, J., & Saaty, T. L. (1983). Procedures for synthesizing
       ratio judgements. J. Math. Psychology, 27(1), 93-102.
    .. [2] Forman, E., & Peniwati, K. (1998). Aggregating individual
       judgments and priorities with the analytic hierarchy process.
       European Journal of Operational Research, 108(1), 165-169.
    """
    func = "aggregate_judgments"
    check_option(func, "method", method, GROUP_METHODS)
    _check_ri(func, ri)
    check_option(func, "ahp_method", ahp_method, METHODS)
    threshold = _check_max_cr(func, max_cr)
    mats = list(matrices)
    if not mats:
        raise JudgmentError(
            f"{func}(): 'matrices' is empty; give at least one expert's "
            f"matrix.",
            matrix_name=name,
        )
    base = name or "matrices"
    full: list[np.ndarray] = []
    labels_t = None
    for k, m in enumerate(mats):
        a, lab = validate_judgments(
            m,
            name=f"{base}[{k}]",
            labels=labels,
            allow_missing=True,
            func=func,
        )
        if full and a.shape != full[0].shape:
            raise JudgmentError(
                f"{func}(): every expert's matrix must have the same size; "
                f"{base}[0] is {full[0].shape[0]}x{full[0].shape[0]} but "
                f"{base}[{k}] is {a.shape[0]}x{a.shape[0]}.",
                matrix_name=name,
            )
        if np.isnan(a).any():
            a = complete_matrix(a, "llsm", labels=lab, name=f"{base}[{k}]")
        labels_t = labels_t or lab
        full.append(a)
    n_exp = len(full)
    lam = (
        np.full(n_exp, 1.0 / n_exp)
        if weights is None
        else as_weights(func, weights, n_exp)
    )
    experts = tuple(
        ahp(a, ahp_method, ri, labels=labels_t, name=f"{base}[{k}]")
        for k, a in enumerate(full)
    )
    expert_cr = np.array([r.cr for r in experts])
    keep = np.ones(n_exp, dtype=bool)
    if threshold is not None:
        keep = expert_cr <= threshold
        if not keep.any():
            crs = ", ".join(
                f"{base}[{k}] CR={c:.3f}" for k, c in enumerate(expert_cr)
            )
            raise JudgmentError(
                f"{func}(): every expert's judgments exceed max_cr="
                f"{threshold:.2f}: {crs}. Revise the judgments or raise "
                f"max_cr.",
                cr=float(expert_cr.min()),
                threshold=threshold,
                matrix_name=name,
            )
    lam = np.where(keep, lam, 0.0)
    if lam.sum() <= 0:
        raise ParameterError(
            f"{func}(): the experts kept (CR <= max_cr) all have weight 0; "
            f"expert weights {lam.tolist()}.",
            parameter="weights",
            value=weights,
        )
    lam = lam / lam.sum()
    excluded = tuple(int(k) for k in np.flatnonzero(~keep))
    stack = np.stack(full)
    if method == "aij":
        group = np.exp(np.tensordot(lam, np.log(stack), axes=1))
        result = ahp(group, ahp_method, ri, labels=labels_t, name=name)
        w = np.array(result.weights)
        group.setflags(write=False)
        matrix_out, cr, res = group, result.cr, result
    else:
        logw = np.log(np.stack([r.weights for r in experts]))
        g = np.exp(lam @ logw)
        w = g / g.sum()
        matrix_out, cr, res = None, None, None
    w.setflags(write=False)
    expert_cr.setflags(write=False)
    lam.setflags(write=False)
    return GroupResult(
        weights=w,
        matrix=matrix_out,
        cr=cr,
        method=method,
        expert_cr=expert_cr,
        expert_weights=lam,
        excluded=excluded,
        experts=experts,
        result=res,
    )
