"""AHP priorities and consistency of one matrix: `ahp`, `consistency`.

Consistency is always measured from the principal eigenvalue of the matrix,
whatever method derives the priorities (see `ahp`). The kernels live in
`clusterscore.judgments.kernels`, the checks in
`clusterscore.judgments.validate`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from clusterscore._checks import (
    as_optional_non_negative,
    check_option,
    short_repr,
)
from clusterscore.errors import JudgmentError
from clusterscore.judgments.diagnose import _diagnose_kernel, _saaty_text
from clusterscore.judgments.kernels import (
    _arithmetic_kernel,
    _consistency_kernel,
    _eigen_kernel,
    _geometric_kernel,
    _lambda_max_kernel,
)
from clusterscore.judgments.scales import RITable, cr_acceptable
from clusterscore.judgments.validate import (
    _cell,
    _check_ri,
    _fmt,
    _ri_value,
    validate_judgments,
)

__all__ = ["METHODS", "AHPResult", "ahp", "consistency"]

METHODS = ("eigenvector", "geometric", "arithmetic")
"""Prioritisation methods accepted by ``ahp(method=...)``."""
AHPMethod = Literal["eigenvector", "geometric", "arithmetic"]
"""The names in `METHODS`, as a type (a test keeps them in step)."""


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

    def __repr__(self) -> str:
        """Return one line: the weights (rounded), lambda_max, CI and CR."""
        return f"AHPResult({self._describe()})"

    def _describe(self) -> str:
        names = list(self.labels) if self.labels else None
        shown = [
            (f"{names[k]}=" if names else "") + f"{w:.4f}"
            for k, w in enumerate(np.asarray(self.weights)[:8])
        ]
        if self.n > 8:
            shown.append(f"... ({self.n} in all)")
        ok = bool(cr_acceptable(self.cr))
        verdict = "acceptable" if ok else "above 0.10"
        name = f"{self.name!r}, " if self.name else ""
        return (
            f"{name}n={self.n}, weights=[{', '.join(shown)}], "
            f"lambda_max={self.lambda_max:.4f}, ci={self.ci:.4f}, "
            f"cr={self.cr:.4f} ({verdict}), method={self.method!r}, "
            f"ri={self.ri_table!r}"
        )

    def _repr_html_(self) -> str:
        """Return the weights and the consistency as HTML, for notebooks."""
        import html

        table = (
            self.to_series().to_frame().to_html(float_format="{:.4f}".format)
        )
        head = html.escape(
            f"{self.name or 'AHPResult'}: n={self.n}, "
            f"lambda_max={self.lambda_max:.4f}, CI={self.ci:.4f}, "
            f"CR={self.cr:.4f}"
        )
        return f"<div><strong>{head}</strong>{table}</div>"

    def to_series(self) -> pd.Series:
        """Return the weights as a Series labelled by element."""
        index = list(self.labels) if self.labels else range(self.n)
        return pd.Series(np.array(self.weights), index=index, name="weight")


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
    method: AHPMethod = "eigenvector",
    ri: RITable | float = "saaty",
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
    threshold = as_optional_non_negative(func, "max_cr", max_cr)
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
    if threshold is not None and not cr_acceptable(cr, threshold):
        _raise_inconsistent(func, a, result, threshold)
    return result


def _raise_inconsistent(
    func: str, a: np.ndarray, result: AHPResult, threshold: float
) -> None:
    """Raise the JudgmentError of a matrix whose CR exceeds threshold."""
    sugg = _diagnose_kernel(a, np.asarray(result.weights), result.labels)[:3]
    what = (
        f"judgments for {short_repr(result.name)}"
        if result.name
        else "judgments"
    )
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
