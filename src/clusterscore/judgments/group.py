"""Group judgments: several experts' matrices combined (AIJ or AIP)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from clusterscore._checks import (
    as_optional_non_negative,
    as_weights,
    check_option,
    short_repr,
)
from clusterscore.errors import JudgmentError, ParameterError
from clusterscore.judgments.complete import complete_matrix
from clusterscore.judgments.priorities import (
    METHODS,
    AHPMethod,
    AHPResult,
    ahp,
)
from clusterscore.judgments.scales import RITable, cr_acceptable
from clusterscore.judgments.validate import (
    _check_ri,
    check_name,
    validate_judgments,
)

__all__ = ["GroupResult", "aggregate_judgments"]

GROUP_METHODS = ("aij", "aip")
"""Group aggregation methods accepted by `aggregate_judgments`."""
GroupMethod = Literal["aij", "aip"]
"""The names in `GROUP_METHODS`, as a type (a test keeps them in step)."""


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


def aggregate_judgments(
    matrices: Sequence[Any],
    weights: Any = None,
    method: GroupMethod = "aij",
    *,
    max_cr: float | None = None,
    ri: RITable | float = "saaty",
    ahp_method: AHPMethod = "eigenvector",
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
    threshold = as_optional_non_negative(func, "max_cr", max_cr)
    check_name(func, name)
    try:
        mats = list(matrices)
    except TypeError:  # not iterable
        raise ParameterError(
            f"{func}(): 'matrices' must be a sequence of the experts' "
            f"pairwise matrices; got {short_repr(matrices)}.",
            parameter="matrices",
            value=matrices,
        ) from None
    if not mats:
        raise JudgmentError(
            f"{func}(): 'matrices' is empty; give at least one expert's "
            f"matrix.",
            matrix_name=name,
        )
    base = name or "matrices"
    full, labels_t = _expert_matrices(func, mats, base, labels, name)
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
    keep = _kept(func, expert_cr, threshold, base, name)
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


def _expert_matrices(
    func: str,
    mats: list[Any],
    base: str,
    labels: Sequence[str] | None,
    name: str | None,
) -> tuple[list[np.ndarray], tuple[str, ...] | None]:
    """Validate every expert's matrix (same size), completing gaps by LLSM.

    Returns the complete matrices and the first labels found.
    """
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
    return full, labels_t


def _kept(
    func: str,
    expert_cr: np.ndarray,
    threshold: float | None,
    base: str,
    name: str | None,
) -> np.ndarray:
    """Mask of the experts whose CR passes `threshold`; raise if none."""
    keep = np.ones(expert_cr.shape[0], dtype=bool)
    if threshold is not None:
        keep = cr_acceptable(expert_cr, threshold)
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
    return keep
