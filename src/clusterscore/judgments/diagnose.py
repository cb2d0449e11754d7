"""Inconsistency diagnosis: which judgments disagree most with the weights."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from clusterscore._checks import as_weights, short_repr
from clusterscore.errors import ParameterError
from clusterscore.judgments.kernels import _eigen_kernel
from clusterscore.judgments.scales import SAATY_SCALE
from clusterscore.judgments.validate import validate_judgments

__all__ = ["Suggestion", "diagnose_inconsistency"]


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
    nearest = SAATY_SCALE.nearest(suggested)
    # contributions equal in exact arithmetic (a symmetric cycle of
    # judgments) can differ by a few ulps of rounding: compare them to 12
    # significant digits so such ties keep the pairs' own order
    top = excess.max() if excess.size else 0.0
    key = np.round(excess / top, 12) if top > 0 else excess
    order = np.argsort(-key, kind="stable")
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
            f"got {short_repr(top)}.",
            parameter="top",
            value=top,
        )
    rows = _diagnose_kernel(a, w, labels_t)
    if top is not None:
        rows = rows[:top]
    return pd.DataFrame(rows, columns=list(Suggestion._fields))


def _saaty_text(x: float) -> str:
    """Write a Saaty-scale value as ``5`` or ``1/5``."""
    return f"{round(x)}" if x >= 1 else f"1/{round(1 / x)}"
