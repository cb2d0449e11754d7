"""Completion of incomplete pairwise matrices: LLSM and Harker (1987)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from clusterscore._checks import check_option
from clusterscore.errors import JudgmentError
from clusterscore.judgments.kernels import _eigen_kernel
from clusterscore.judgments.validate import _what, validate_judgments

__all__ = ["complete_matrix"]

COMPLETION_METHODS = ("llsm", "harker")
"""Completion methods accepted by `complete_matrix`."""


def _components(known: np.ndarray) -> tuple[int, np.ndarray]:
    """Return the connected components of the known-judgment graph."""
    from scipy.sparse.csgraph import connected_components  # heavy import

    return connected_components(known.astype(np.int8), directed=False)


def _llsm_kernel(a: np.ndarray, known: np.ndarray) -> npt.NDArray[np.float64]:
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
    return cast("npt.NDArray[np.float64]", w / w.sum())


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
