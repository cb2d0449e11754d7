r"""Drawing the uncertain inputs of an evaluation, in batches.

A sample of the inputs is a `Design`: for every pairwise matrix of the
system the local weights (and CR) of a perturbed copy, the AHP/entropy
share :math:`\alpha`, and the aggregation method and normalisation.
Judgments move along Saaty's scale (`perturb_judgments`); the perturbed
``(k, n, n)`` stacks are weighted by the AHP kernels of
`clusterscore.judgments.ahp` (one batched power iteration) and judged
by the one CR cut-off rule, `clusterscore.judgments.scales.cr_acceptable`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from clusterscore._checks import (
    check_choices,
    check_count,
    check_option,
    check_range,
    check_unit_interval,
    short_repr,
)
from clusterscore.errors import ParameterError
from clusterscore.judgments.ahp import consistency_kernel, eigen_kernel
from clusterscore.judgments.scales import (
    RI_TABLES,
    SAATY_SCALE,
    cr_acceptable,
)
from clusterscore.scoring import (
    AGGREGATIONS,
    ALL_NORMALIZATIONS,
    COMBINATIONS,
    WEIGHTINGS,
)

__all__ = [
    "CR_RULES",
    "GROUPS",
    "MAX_STEPS",
    "Design",
    "Matrix",
    "Perturbation",
    "batched_ahp",
    "check_perturbation",
    "draw_design",
    "local_weights",
    "mix_designs",
    "perturb_judgments",
    "slice_design",
]

GROUPS = (
    "dimension_judgments",
    "indicator_judgments",
    "alpha",
    "method",
    "normalization",
)
"""The groups of uncertain inputs, as named in `sensitivity`."""

CR_RULES = ("resample", "reject", "keep")
"""What to do with a perturbed matrix whose consistency ratio is too high."""

_SCALE = np.asarray(SAATY_SCALE.values, dtype=float)
_LOG_SCALE = np.log(_SCALE)
MAX_STEPS = len(_SCALE) - 1
"""The most steps a judgment can move (the length of the scale minus 1)."""
_MAX_REDRAWS = 100


# ==========================================================================
# the options and records of a draw
# ==========================================================================


@dataclass(frozen=True)
class Perturbation:
    """How the uncertain inputs vary (checked options of a run).

    Attributes
    ----------
    steps : int
        Judgments move by up to this many steps along Saaty's scale.
    alpha : float
        The nominal AHP share of the linear combination.
    alpha_range : (float, float)
        The range alpha is drawn from.
    methods : tuple of str
        The aggregation methods drawn (the first is nominal).
    normalizations : tuple of str or None
        The normalisations drawn (the first is nominal; None: each
        method's default).
    max_cr : float or None
        The CR threshold of the nominal and the perturbed matrices (None:
        every matrix is accepted).
    cr_rule : {"resample", "reject", "keep"}
        What happens to a perturbed matrix above `max_cr`.
    ri : str
        The random-index table of the CR.
    """

    steps: int
    alpha: float
    alpha_range: tuple[float, float]
    methods: tuple[str, ...]
    normalizations: tuple[str | None, ...]
    max_cr: float | None
    cr_rule: str
    ri: str


@dataclass
class Matrix:
    """One pairwise matrix of the system and where its weights go."""

    name: str
    group: str
    nominal: np.ndarray
    elements: tuple[str, ...]
    keep: np.ndarray  # positions of the kept elements
    cols: np.ndarray | None = None  # indicator columns (indicator level)
    dim: int = -1  # index of the dimension (indicator level)
    nominal_cr: float = 0.0
    nominal_weights: np.ndarray = field(default_factory=lambda: np.ones(1))
    nominal_weights_full: np.ndarray = field(
        default_factory=lambda: np.ones(1)
    )

    @property
    def n_judgments(self) -> int:
        """Return the number of judgments above the diagonal."""
        n: int = self.nominal.shape[0]
        return n * (n - 1) // 2


@dataclass
class Design:
    """Uncertain inputs of k samples, as derived quantities."""

    weights: dict[str, np.ndarray]  # matrix name -> (k, size) local weights
    cr: dict[str, np.ndarray]  # matrix name -> (k,) CR
    alpha: np.ndarray  # (k,)
    method: np.ndarray  # (k,) index into methods
    norm: np.ndarray  # (k,) index into normalizations
    ok: np.ndarray  # (k,) False for a sample rejected by cr_rule="reject"

    def __len__(self) -> int:
        return len(self.alpha)


def slice_design(d: Design, sl: slice) -> Design:
    """Return rows `sl` of a design."""
    return Design(
        {k: v[sl] for k, v in d.weights.items()},
        {k: v[sl] for k, v in d.cr.items()},
        d.alpha[sl],
        d.method[sl],
        d.norm[sl],
        d.ok[sl],
    )


def mix_designs(
    matrices: Sequence[Matrix], a: Design, b: Design, group: str
) -> Design:
    """Return A_B^(group): the design `a` with the inputs of `group` from `b`.

    A group holds whole matrices, so every matrix of the result passed
    its CR rule in `a` or in `b`.
    """
    weights, cr = {}, {}
    for mt in matrices:
        src = b if mt.group == group else a
        weights[mt.name], cr[mt.name] = src.weights[mt.name], src.cr[mt.name]
    return Design(
        weights,
        cr,
        b.alpha if group == "alpha" else a.alpha,
        b.method if group == "method" else a.method,
        b.norm if group == "normalization" else a.norm,
        a.ok & b.ok,
    )


def _max_cr(fn: str, value: Any) -> float | None:
    """Return `max_cr` as a positive float, or None (accept every CR)."""
    if value is None:
        return None
    try:
        max_cr = float(value)
    except (TypeError, ValueError):
        max_cr = float("nan")
    if not (max_cr > 0 and np.isfinite(max_cr)):
        raise ParameterError(
            f"{fn}(): 'max_cr' must be a positive number or None (accept "
            f"every matrix); got {short_repr(value)}.",
            parameter="max_cr",
            value=value,
        )
    return max_cr


def check_perturbation(fn: str, o: dict[str, Any]) -> Perturbation:
    """Check the options of a run (in a fixed order) into a record."""
    check_option(fn, "weighting", o["weighting"], WEIGHTINGS)
    check_option(fn, "combine", o["combine"], COMBINATIONS)
    check_option(fn, "cr_rule", o["cr_rule"], CR_RULES)
    check_option(fn, "ri", o["ri"], tuple(RI_TABLES))
    steps = check_count(fn, "judgment_steps", o["judgment_steps"], minimum=0)
    if steps > MAX_STEPS:
        raise ParameterError(
            f"{fn}(): 'judgment_steps' must be at most {MAX_STEPS} (the "
            f"length of Saaty's scale minus 1); got {steps}.",
            parameter="judgment_steps",
            value=steps,
        )
    lo, hi = check_range(fn, "alpha_range", o["alpha_range"])
    alpha = (lo + hi) / 2 if o["alpha"] is None else o["alpha"]
    alpha = check_unit_interval(fn, "alpha", alpha)
    if not lo <= alpha <= hi:
        raise ParameterError(
            f"{fn}(): 'alpha' must lie in 'alpha_range' [{lo}, {hi}]; "
            f"got {alpha}.",
            parameter="alpha",
            value=alpha,
        )
    methods = (
        ("weighted_sum",)
        if o["methods"] is None
        else check_choices(fn, "methods", o["methods"], AGGREGATIONS)
    )
    norms: tuple[str | None, ...] = (
        (None,)
        if o["normalizations"] is None
        else check_choices(
            fn, "normalizations", o["normalizations"], ALL_NORMALIZATIONS
        )
    )
    max_cr = _max_cr(fn, o["max_cr"])
    return Perturbation(
        steps=steps,
        alpha=alpha,
        alpha_range=(lo, hi),
        methods=methods,
        normalizations=norms,
        max_cr=max_cr,
        cr_rule=o["cr_rule"],
        ri=o["ri"],
    )


# ==========================================================================
# kernels (pure array functions, no validation)
# ==========================================================================


def batched_ahp(stack: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""Principal eigenvectors and eigenvalues of a stack of matrices.

    Kernel: no validation. A name kept for
    `clusterscore.judgments.ahp.eigen_kernel`, which computes the
    eigenvector weights of `clusterscore.judgments.ahp.ahp` on one
    matrix or on a ``(k, n, n)`` stack in one batched power iteration
    (with a LAPACK fallback).

    Parameters
    ----------
    stack : numpy.ndarray, shape (k, n, n)
        Positive reciprocal matrices.

    Returns
    -------
    weights : numpy.ndarray, shape (k, n)
        The normalised principal right eigenvectors :math:`w` with
        :math:`A w = \lambda_{max} w`, :math:`\sum_i w_i = 1`.
    lambda_max : numpy.ndarray, shape (k,)
        The principal (Perron) eigenvalues.

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process.
       McGraw-Hill, ch. 2.
    """
    return eigen_kernel(stack)


def local_weights(stack: np.ndarray, ri: str) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvector weights (k, n) and CRs (k,) of a (k, n, n) stack.

    Kernel: the AHP of `clusterscore.judgments.ahp` (`eigen_kernel`,
    `consistency_kernel`) on every matrix of the stack; CR = 0 for
    n <= 2.
    """
    n = stack.shape[-1]
    w, lam = eigen_kernel(stack)
    _, cr = consistency_kernel(lam, n, RI_TABLES[ri][n] if n > 2 else 0.0)
    return w, cr


def _scale_index(values: np.ndarray) -> np.ndarray:
    """Index of the nearest (in log) value on Saaty's 17-step scale."""
    d = np.abs(np.log(values)[..., None] - _LOG_SCALE)
    return cast(np.ndarray, np.argmin(d, axis=-1))


def perturb_judgments(matrix: np.ndarray, steps: np.ndarray) -> np.ndarray:
    r"""Move each upper-triangle judgment of `matrix` along Saaty's scale.

    Kernel: no validation.

    Parameters
    ----------
    matrix : numpy.ndarray, shape (n, n)
        The nominal reciprocal matrix.
    steps : numpy.ndarray of int, shape (k, n * (n - 1) // 2)
        Signed number of scale steps for each judgment :math:`a_{ij}`,
        :math:`i < j`, in ``numpy.triu_indices(n, 1)`` order.

    Returns
    -------
    numpy.ndarray, shape (k, n, n)
        Reciprocal matrices. A judgment is first placed on the nearest of
        the 17 values :math:`1/9, 1/8, \dots, 1/2, 1, 2, \dots, 9`
        (nearest in :math:`\log`), moved by its number of steps and clipped
        to the ends of the scale; a judgment with 0 steps keeps its exact
        nominal value (aggregated judgments need not lie on the scale).

    Examples
    --------
    >>> a = np.array([[1.0, 3.0], [1 / 3, 1.0]])
    >>> perturb_judgments(a, np.array([[1], [-2], [0]]))[:, 0, 1].tolist()
    [4.0, 1.0, 3.0]
    """
    n = matrix.shape[0]
    iu = np.triu_indices(n, 1)
    nominal = matrix[iu]
    idx = np.clip(_scale_index(nominal) + steps, 0, MAX_STEPS)
    vals = np.where(steps == 0, nominal, _SCALE[idx])
    out = np.ones((steps.shape[0], n, n))
    out[:, iu[0], iu[1]] = vals
    out[:, iu[1], iu[0]] = 1.0 / vals
    return out


# ==========================================================================
# drawing samples
# ==========================================================================


def draw_design(
    matrices: Sequence[Matrix],
    pert: Perturbation,
    k: int,
    rng: np.random.Generator,
    vary: Sequence[str],
    stats: dict[str, np.ndarray],
) -> Design:
    """Draw k samples of the inputs in `vary` (others at nominal).

    `stats` accumulates, per matrix, [draws, draws above max_cr,
    samples given the nominal matrix after `_MAX_REDRAWS` rounds].
    Random numbers are drawn matrix by matrix, then alpha, method and
    normalisation, so that a seed gives the same samples.
    """
    weights: dict[str, np.ndarray] = {}
    crs: dict[str, np.ndarray] = {}
    ok = np.ones(k, dtype=bool)
    for mt in matrices:  # loop over the few matrices
        if mt.group in vary and mt.n_judgments > 0:
            w, cr, bad = _draw_matrix(mt, pert, k, rng, stats[mt.name])
            ok &= ~bad
        else:
            w = np.broadcast_to(mt.nominal_weights, (k, len(mt.keep)))
            cr = np.full(k, mt.nominal_cr)
        weights[mt.name], crs[mt.name] = w, cr
    lo, hi = pert.alpha_range
    alpha = (
        rng.uniform(lo, hi, size=k)
        if "alpha" in vary
        else np.full(k, pert.alpha)
    )
    method = (
        rng.integers(0, len(pert.methods), size=k)
        if "method" in vary
        else np.zeros(k, dtype=np.int64)
    )
    norm = (
        rng.integers(0, len(pert.normalizations), size=k)
        if "normalization" in vary
        else np.zeros(k, dtype=np.int64)
    )
    return Design(weights, crs, alpha, method, norm, ok)


def _perturbed(
    mt: Matrix, pert: Perturbation, rng: np.random.Generator, rows: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return weights, CRs and rejections of `rows` perturbed copies."""
    steps = rng.integers(-pert.steps, pert.steps + 1, (rows, mt.n_judgments))
    w, cr = local_weights(perturb_judgments(mt.nominal, steps), pert.ri)
    # a copy left at its nominal judgments is never rejected
    if pert.max_cr is None:  # every matrix is acceptable
        return w, cr, np.zeros(rows, dtype=bool)
    bad = ~cr_acceptable(cr, pert.max_cr) & steps.any(axis=1)
    return w, cr, bad


def _draw_matrix(
    mt: Matrix,
    pert: Perturbation,
    k: int,
    rng: np.random.Generator,
    stat: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Perturbed weights and CRs of one matrix, with the CR rule."""
    w, cr, bad = _perturbed(mt, pert, rng, k)
    stat[:2] += (k, int(bad.sum()))
    if pert.cr_rule == "resample":
        for _ in range(_MAX_REDRAWS):  # rounds, each over all the bad
            rows = np.flatnonzero(bad)
            if rows.size == 0:
                break
            w[rows], cr[rows], still = _perturbed(mt, pert, rng, rows.size)
            stat[:2] += (rows.size, int(still.sum()))
            bad[rows] = still
        rows = np.flatnonzero(bad)  # give up: the nominal matrix
        w[rows] = mt.nominal_weights_full
        cr[rows] = mt.nominal_cr
        stat[2] += rows.size
        bad[:] = False
    elif pert.cr_rule == "keep":
        bad[:] = False
    return w[:, mt.keep], cr, bad
