r"""How robust is a ranking? Monte Carlo uncertainty and Sobol sensitivity.

`uncertainty` perturbs the uncertain inputs of an evaluation -- every AHP
judgment along Saaty's scale, the AHP/entropy combination share
:math:`\alpha`, and optionally the aggregation method and the
normalisation -- and reports, per cluster, the nominal rank, the median
rank, a rank interval and the probability of a top-k place, plus how well
each sampled ranking agrees with the nominal one (Spearman, Kendall).

`sensitivity` apportions the variance of the mean absolute rank shift
(COINr's target) to groups of those inputs with first-order and
total-effect Sobol indices (Saltelli et al. 2010; Jansen 1999), with
bootstrap confidence intervals, as COINr's ``get_sensitivity`` does.

Every sample is computed in batched array operations: the perturbed
pairwise matrices form a ``(k, n, n)`` stack whose principal eigenvectors
come from a batched power iteration, the weights form a ``(k, n)``
matrix that multiplies the fixed normalised matrix, and ranks come from
one sort along an axis. Samples are processed in chunks so that memory
stays bounded; randomness enters through one ``rng`` argument.

See ``docs/uncertainty.md`` for the method and a worked example.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clusterscore import aggregate as _agg
from clusterscore._checks import check_option, check_unit_interval
from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.judgments.scales import RI_TABLES, SAATY_SCALE
from clusterscore.scoring import (
    AGGREGATIONS,
    COMBINATIONS,
    DEFAULT_NORMALIZATION,
    NORMALIZATIONS_FOR,
    WEIGHTINGS,
)
from clusterscore.system import LEVEL_DIMENSIONS, IndicatorSystem
from clusterscore.weights.combine import COMBINE_METHODS

__all__ = [
    "CR_RULES",
    "GROUPS",
    "TARGET",
    "SensitivityResult",
    "UncertaintyResult",
    "batched_ahp",
    "batched_ranks",
    "kendall_tau_b",
    "perturb_judgments",
    "sensitivity",
    "sobol_indices",
    "spearman_rho",
    "uncertainty",
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

TARGET = "mean_abs_rank_shift"
"""The scalar output of `sensitivity`: mean over clusters of
``|rank - nominal rank|`` (COINr's ``get_sensitivity`` target)."""

_ALL_NORMS = tuple(
    dict.fromkeys(n for norms in NORMALIZATIONS_FOR.values() for n in norms)
)  # minmax, target, percentile, vector
_SCALE = np.asarray(SAATY_SCALE.values, dtype=float)
_LOG_SCALE = np.log(_SCALE)
_MAX_STEPS = len(_SCALE) - 1
_MAX_REDRAWS = 100
_CR_TOL = 1e-12


# ==========================================================================
# kernels (pure array functions, no validation)
# ==========================================================================


def batched_ahp(
    stack: np.ndarray, *, tol: float = 1e-15, max_squarings: int = 40
) -> tuple[np.ndarray, np.ndarray]:
    r"""Principal eigenvectors and eigenvalues of a stack of matrices.

    Kernel: no validation. Batched power iteration by repeated squaring:
    :math:`A^{2^t}` (rescaled to sum 1 after each squaring) has row sums
    proportional to the principal eigenvector (Saaty 1980, sec. 2.2; the
    scheme AHPy uses), and its convergence is geometric in :math:`2^t`, so
    a handful of batched ``(k, n, n)`` matrix products replaces k
    eigen-decompositions. Squaring stops when no weight moves by more than
    `tol`. Then :math:`\lambda_{max} = \frac{1}{n} \sum_i (A w)_i / w_i`.

    Parameters
    ----------
    stack : numpy.ndarray, shape (k, n, n)
        Positive reciprocal matrices (Perron-Frobenius: a simple, strictly
        dominant real eigenvalue with a positive eigenvector).
    tol : float
        Convergence tolerance on the weights.
    max_squarings : int
        At most this many squarings (a power of :math:`2^{40}`).

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

    Examples
    --------
    >>> a = np.array([[[1.0, 3.0], [1 / 3, 1.0]]])
    >>> w, lam = batched_ahp(a)
    >>> np.round(w, 4).tolist(), np.round(lam, 6).tolist()
    ([[0.75, 0.25]], [2.0])
    """
    P = stack / stack.sum(axis=(1, 2), keepdims=True)
    w = P.sum(axis=2)
    w /= w.sum(axis=1, keepdims=True)
    for _ in range(max_squarings):  # loop over squarings, not samples
        P = P @ P
        P /= P.sum(axis=(1, 2), keepdims=True)
        new = P.sum(axis=2)
        new /= new.sum(axis=1, keepdims=True)
        moved = np.max(np.abs(new - w), initial=0.0)
        w = new
        if moved <= tol:
            break
    lam = (np.einsum("kij,kj->ki", stack, w) / w).mean(axis=1)
    return w, lam


def _consistency_ratio(lam: np.ndarray, n: int, ri: str) -> np.ndarray:
    """CR = ((lambda_max - n) / (n - 1)) / RI(n); 0 for n <= 2."""
    if n <= 2:
        return np.zeros_like(lam)
    return (lam - n) / (n - 1) / RI_TABLES[ri][n]


def _scale_index(values: np.ndarray) -> np.ndarray:
    """Index of the nearest (in log) value on Saaty's 17-step scale."""
    d = np.abs(np.log(values)[..., None] - _LOG_SCALE)
    return np.argmin(d, axis=-1)


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
    idx = np.clip(_scale_index(nominal) + steps, 0, _MAX_STEPS)
    vals = np.where(steps == 0, nominal, _SCALE[idx])
    out = np.ones((steps.shape[0], n, n))
    out[:, iu[0], iu[1]] = vals
    out[:, iu[1], iu[0]] = 1.0 / vals
    return out


def batched_ranks(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Competition ranks and average ranks of each row of `scores`.

    Kernel: no validation. Higher scores rank first; equal scores share the
    smaller rank (``rank``) or the mean of the ranks they span
    (``average``, used by Spearman's rho).

    Parameters
    ----------
    scores : numpy.ndarray, shape (k, m)

    Returns
    -------
    rank : numpy.ndarray of int64, shape (k, m)
    average : numpy.ndarray of float, shape (k, m)

    Examples
    --------
    >>> r, a = batched_ranks(np.array([[50.0, 70.0, 50.0, 10.0]]))
    >>> r.tolist(), a.tolist()
    ([[2, 1, 2, 4]], [[2.5, 1.0, 2.5, 4.0]])
    """
    k, m = scores.shape
    order = np.argsort(-scores, axis=1, kind="stable")
    s = np.take_along_axis(scores, order, axis=1)
    pos = np.broadcast_to(np.arange(m), (k, m))
    start = np.ones((k, m), dtype=bool)
    start[:, 1:] = s[:, 1:] != s[:, :-1]
    rank = np.empty((k, m), dtype=np.int64)
    if start.all():  # no ties: both are the inverse permutation
        np.put_along_axis(rank, order, pos + 1, axis=1)
        return rank, rank.astype(float)
    end = np.ones((k, m), dtype=bool)
    end[:, :-1] = start[:, 1:]
    first = np.maximum.accumulate(np.where(start, pos, 0), axis=1)
    last = np.minimum.accumulate(np.where(end, pos, m)[:, ::-1], axis=1)
    last = last[:, ::-1]
    avg = np.empty((k, m))
    np.put_along_axis(rank, order, first + 1, axis=1)
    np.put_along_axis(avg, order, (first + last) / 2.0 + 1.0, axis=1)
    return rank, avg


def spearman_rho(ref_avg: np.ndarray, avg: np.ndarray) -> np.ndarray:
    r"""Spearman's rho of each row of `avg` with the reference ranks.

    Kernel: no validation. Pearson correlation of average ranks (the
    tie-corrected rho),
    :math:`\rho = \sum (x_i - \bar x)(y_i - \bar y) /
    \sqrt{\sum (x_i - \bar x)^2 \sum (y_i - \bar y)^2}`; NaN for a row of
    all-equal ranks.

    References
    ----------
    .. [1] Spearman, C. (1904). The proof and measurement of association
       between two things. American Journal of Psychology 15, 72-101.
    """
    x = ref_avg - ref_avg.mean()
    y = avg - avg.mean(axis=1, keepdims=True)
    den = np.sqrt((x @ x) * np.einsum("ij,ij->i", y, y))
    with np.errstate(invalid="ignore", divide="ignore"):
        return (y @ x) / den


def _tied_pairs(sorted_rows: np.ndarray) -> np.ndarray:
    """Pairs of equal values per row of an ascending-sorted int array."""
    k, m = sorted_rows.shape
    pos = np.broadcast_to(np.arange(m), (k, m))
    start = np.ones((k, m), dtype=bool)
    start[:, 1:] = sorted_rows[:, 1:] != sorted_rows[:, :-1]
    first = np.maximum.accumulate(np.where(start, pos, 0), axis=1)
    return (pos - first).sum(axis=1)


def _rank_ties(ranks: np.ndarray) -> np.ndarray:
    """Pairs of equal values per row of integer ranks in 1..m."""
    k, m = ranks.shape
    idx = (ranks - 1) + (np.arange(k) * m)[:, None]
    c = np.bincount(idx.ravel(), minlength=k * m).reshape(k, m)
    return (c * (c - 1) // 2).sum(axis=1)


def _inversions(y: np.ndarray, b0: int = 8) -> np.ndarray:
    """Pairs i < j with y[:, i] > y[:, j], per row (batched merge sort).

    Kernel: `y` holds non-negative integers. Blocks of `b0` are counted by
    direct comparison and sorted; then, at each of the remaining
    log2(m / b0) levels, adjacent sorted blocks of length b are merged by
    one sort of keys ``2 y + (1 if right block)``. Right-block elements
    then sit after every left-block element not greater than them, so the
    left elements greater than them number, over a block,
    ``b**2 + b (b - 1) / 2 - sum(merged positions of right elements)``.
    """
    k, m = y.shape
    size = max(1 << max(m - 1, 0).bit_length(), b0)
    big = int(y.max(initial=0)) + 1
    dt = np.int32 if 2 * (big + size) < 2**31 else np.int64
    arr = np.empty((k, size), dtype=dt)
    arr[:, :m] = y
    arr[:, m:] = big + np.arange(size - m)  # increasing pad: no inversions
    blk = arr.reshape(k, size // b0, b0)
    upper = np.triu(np.ones((b0, b0), dtype=bool), 1)
    inv = (blk[..., :, None] > blk[..., None, :])[..., upper].sum(axis=(1, 2))
    arr = np.sort(blk, axis=-1).reshape(k, size)
    b = b0
    while b < size:  # loop over the log2(m) merge levels
        nb = size // (2 * b)
        keys = arr.reshape(k, nb, 2 * b) << 1
        keys[..., b:] |= 1
        keys.sort(axis=-1)
        pos = (keys & 1).reshape(k, -1) @ np.tile(
            np.arange(2 * b, dtype=dt), nb
        )
        inv += nb * (b * b + b * (b - 1) // 2) - pos
        arr = (keys >> 1).reshape(k, size)
        b *= 2
    return inv.astype(np.int64)


def kendall_tau_b(ref: np.ndarray, ranks: np.ndarray) -> np.ndarray:
    r"""Kendall's tau-b of each row of `ranks` with the reference ranks.

    Kernel: no validation; `ref` (m,) and `ranks` (k, m) hold integer
    ranks in 1..m. With :math:`n_0 = m(m-1)/2`, :math:`n_1, n_2` the pairs
    tied in the reference and in the sample, :math:`n_3` the pairs tied in
    both, and :math:`D` the discordant pairs,

    .. math:: \tau_b = \frac{n_0 - n_1 - n_2 + n_3 - 2D}
              {\sqrt{(n_0 - n_1)(n_0 - n_2)}}.

    :math:`D` is counted in :math:`O(m \log m)` per row (Knight 1966): sort
    by (reference, sample) and count the inversions of the sample ranks.

    References
    ----------
    .. [1] Kendall, M. G. (1945). The treatment of ties in ranking
       problems. Biometrika 33(3), 239-251.
    .. [2] Knight, W. R. (1966). A computer method for calculating
       Kendall's tau with ungrouped data. JASA 61(314), 436-439.

    Examples
    --------
    >>> kendall_tau_b(np.array([1, 2, 3]), np.array([[1, 2, 3], [3, 2, 1]]))
    array([ 1., -1.])
    """
    m = ranks.shape[1]
    ref = np.asarray(ref, dtype=np.int64)
    ranks = np.asarray(ranks, dtype=np.int64)
    n0 = m * (m - 1) // 2
    n1 = _tied_pairs(np.sort(ref)[None, :])[0]
    n2 = _rank_ties(ranks)
    if n1 == 0:  # order by the reference alone: a fixed permutation
        y = ranks[:, np.argsort(ref, kind="stable")]
        n3 = 0
    else:
        key = ref * (m + 1) + ranks
        order = np.argsort(key, axis=1, kind="stable")
        y = np.take_along_axis(ranks, order, axis=1)
        n3 = _tied_pairs(np.take_along_axis(key, order, axis=1))
    d = _inversions(y)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (n0 - n1 - n2 + n3 - 2 * d) / np.sqrt(
            float(n0 - n1) * (n0 - n2)
        )


def _sobol_kernel(
    f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """First-order (Saltelli 2010) and total (Jansen 1999) indices.

    Kernel: no validation. ``f_a`` and ``f_b`` have shape (..., N),
    ``f_ab`` (d, ..., N); the leading ``...`` axes (bootstrap replicates)
    are batched.
    """
    both = np.concatenate([f_a, f_b], axis=-1)
    var = both.var(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.mean(f_b * (f_ab - f_a), axis=-1) / var
        st = 0.5 * np.mean((f_a - f_ab) ** 2, axis=-1) / var
    return s, st


def sobol_indices(
    f_a: Any,
    f_b: Any,
    f_ab: Any,
    *,
    n_boot: int = 1000,
    conf: float = 0.95,
    rng: np.random.Generator | int | None = None,
) -> pd.DataFrame:
    r"""Sobol first-order and total-effect indices from a Saltelli design.

    The estimator behind `sensitivity`, exposed on arrays so that it can be
    checked on any model.

    Parameters
    ----------
    f_a, f_b : array_like, shape (N,)
        The model at the N rows of the independent sample matrices
        :math:`A` and :math:`B`.
    f_ab : array_like, shape (d, N)
        Row i: the model at :math:`A_B^{(i)}`, the matrix :math:`A` whose
        columns of input (group) i are taken from :math:`B`.
    n_boot : int
        Bootstrap replicates for the confidence intervals (0: none, the
        interval columns are NaN).
    conf : float
        Confidence level of the percentile bootstrap intervals.
    rng : numpy.random.Generator, int or None
        Randomness of the bootstrap.

    Returns
    -------
    pandas.DataFrame
        One row per input (0..d-1): ``S``, ``S_low``, ``S_high``, ``ST``,
        ``ST_low``, ``ST_high``.

    Raises
    ------
    ParameterError
        Shapes that do not fit, N < 2, a bad `n_boot` or `conf`.

    Notes
    -----
    With :math:`V = \operatorname{Var}[f(A), f(B)]` (the variance of the
    2N pooled runs),

    .. math::
        S_i = \frac{1}{N V} \sum_{j=1}^N f(B)_j
              \left(f(A_B^{(i)})_j - f(A)_j\right)
        \qquad \text{(Saltelli et al. 2010, Table 2 (b))}

    .. math::
        S_{Ti} = \frac{1}{2 N V} \sum_{j=1}^N
                 \left(f(A)_j - f(A_B^{(i)})_j\right)^2
        \qquad \text{(Jansen 1999; Saltelli et al. 2010, Table 2 (f))}

    The intervals are percentile bootstrap intervals: the N rows are
    resampled with replacement `n_boot` times and both estimators are
    recomputed on each resample. When :math:`V = 0` the indices are NaN.

    References
    ----------
    .. [1] Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M.
       & Tarantola, S. (2010). Variance based sensitivity analysis of model
       output. Design and estimator for the total sensitivity index.
       Computer Physics Communications 181(2), 259-270.
       doi:10.1016/j.cpc.2009.09.018
    .. [2] Jansen, M. J. W. (1999). Analysis of variance designs for model
       output. Computer Physics Communications 117(1-2), 35-43.
       doi:10.1016/S0010-4655(98)00154-4
    .. [3] Becker, W. (2022). COINr: Composite Indicator Construction and
       Analysis, ``get_sensitivity()`` (R package).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> A, B = rng.random((2, 4000, 2))
    >>> f = lambda x: x[..., 0] + 2 * x[..., 1]  # S = (0.2, 0.8)
    >>> AB = np.stack([np.where([True, False], B, A),
    ...                np.where([False, True], B, A)])
    >>> out = sobol_indices(f(A), f(B), f(AB), n_boot=0)
    >>> out["ST"].round(1).tolist()
    [0.2, 0.8]
    """
    fn = "sobol_indices"
    fa = np.asarray(f_a, dtype=float)
    fb = np.asarray(f_b, dtype=float)
    fab = np.asarray(f_ab, dtype=float)
    if fab.ndim == 1:
        fab = fab[None, :]
    if fa.ndim != 1 or fb.shape != fa.shape or fab.shape[1:] != fa.shape:
        raise ParameterError(
            f"{fn}(): 'f_a' and 'f_b' must have shape (N,) and 'f_ab' "
            f"shape (d, N); got {fa.shape}, {fb.shape} and {fab.shape}.",
            parameter="f_ab",
        )
    if fa.size < 2:
        raise ParameterError(
            f"{fn}(): the design needs N >= 2 rows; got N={fa.size}.",
            parameter="f_a",
        )
    n_boot = _check_count(fn, "n_boot", n_boot, minimum=0)
    conf = _check_open_unit(fn, "conf", conf)
    gen = np.random.default_rng(rng)
    s, st = _sobol_kernel(fa, fb, fab)
    lo = np.full_like(s, np.nan)
    hi_s, lo_t, hi_t = lo.copy(), lo.copy(), lo.copy()
    lo_s = lo
    if n_boot > 0:
        idx = gen.integers(0, fa.size, size=(n_boot, fa.size))
        bs, bst = _sobol_kernel(fa[idx], fb[idx], fab[:, idx])
        q = [(1 - conf) / 2, (1 + conf) / 2]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN
            lo_s, hi_s = np.nanquantile(bs, q, axis=1)
            lo_t, hi_t = np.nanquantile(bst, q, axis=1)
    return pd.DataFrame(
        {
            "S": s,
            "S_low": lo_s,
            "S_high": hi_s,
            "ST": st,
            "ST_low": lo_t,
            "ST_high": hi_t,
        }
    )


# ==========================================================================
# argument checks
# ==========================================================================


def _check_count(fn: str, name: str, value: Any, *, minimum: int) -> int:
    """Return `value` as an int >= `minimum`, else raise ParameterError."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | np.integer)
        or value < minimum
    ):
        raise ParameterError(
            f"{fn}(): {name!r} must be an integer >= {minimum}; "
            f"got {value!r}.",
            parameter=name,
            value=value,
        )
    return int(value)


def _check_open_unit(fn: str, name: str, value: Any) -> float:
    """Return `value` as a float in (0, 1), else raise ParameterError."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        x = math.nan
    if not 0.0 < x < 1.0:
        raise ParameterError(
            f"{fn}(): {name!r} must be a number in (0, 1); got {value!r}.",
            parameter=name,
            value=value,
        )
    return x


def _check_range(fn: str, name: str, value: Any) -> tuple[float, float]:
    """Return (lo, hi) with 0 <= lo <= hi <= 1, else raise."""
    try:
        lo, hi = (float(v) for v in value)
    except (TypeError, ValueError):
        lo = hi = math.nan
    if not 0.0 <= lo <= hi <= 1.0:
        raise ParameterError(
            f"{fn}(): {name!r} must be a pair (low, high) with "
            f"0 <= low <= high <= 1; got {value!r}.",
            parameter=name,
            value=value,
        )
    return lo, hi


def _check_choices(
    fn: str, name: str, value: Any, allowed: Sequence[str]
) -> tuple[str, ...]:
    """Return a non-empty tuple of distinct options from `allowed`."""
    items = (value,) if isinstance(value, str) else tuple(value)
    if not items or len(set(items)) != len(items):
        raise ParameterError(
            f"{fn}(): {name!r} must be a non-empty sequence of distinct "
            f"names; got {value!r}.",
            parameter=name,
            value=value,
        )
    for v in items:
        check_option(fn, name, v, allowed)
    return items


# ==========================================================================
# the model: one evaluation as a function of its uncertain inputs
# ==========================================================================


@dataclass
class _Matrix:
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
        n = self.nominal.shape[0]
        return n * (n - 1) // 2


@dataclass
class _Design:
    """Uncertain inputs of k samples, as derived quantities."""

    weights: dict[str, np.ndarray]  # matrix name -> (k, size) local weights
    cr: dict[str, np.ndarray]  # matrix name -> (k,) CR
    alpha: np.ndarray  # (k,)
    method: np.ndarray  # (k,) index into methods
    norm: np.ndarray  # (k,) index into normalizations
    ok: np.ndarray  # (k,) False for a sample rejected by cr_rule="reject"

    def __len__(self) -> int:
        return len(self.alpha)


@dataclass
class _Model:
    """Everything fixed across samples, and the sampling rules."""

    fn: str
    m: int
    n_ind: int
    groups: np.ndarray
    n_dims: int
    matrices: list[_Matrix]
    w_ent: np.ndarray | None
    weighting: str
    combine: str
    alpha_nom: float
    alpha_range: tuple[float, float]
    methods: tuple[str, ...]
    normalizations: tuple[str | None, ...]
    payload: dict[tuple[str, str], Any]
    steps: int
    max_cr: float
    cr_rule: str
    ri: str

    def resolved(self, method: str, norm: str | None) -> str:
        """Return the normalisation a (method, normalization) pair uses."""
        if norm is None or norm not in NORMALIZATIONS_FOR[method]:
            return DEFAULT_NORMALIZATION[method]
        return norm

    # --- which inputs are uncertain ---------------------------------------
    def uncertain(self) -> tuple[str, ...]:
        """Return the input groups that vary under the options."""
        out = []
        uses_ahp = self.weighting != "entropy"
        for g in ("dimension_judgments", "indicator_judgments"):
            if (
                uses_ahp
                and self.steps > 0
                and any(
                    mt.group == g and mt.n_judgments > 0
                    for mt in self.matrices
                )
            ):
                out.append(g)
        lo, hi = self.alpha_range
        if self._alpha_matters() and hi > lo:
            out.append("alpha")
        if len(self.methods) > 1:
            out.append("method")
        if len(self.normalizations) > 1:
            out.append("normalization")
        return tuple(out)

    def _alpha_matters(self) -> bool:
        return self.weighting == "combined" and self.combine == "linear"

    # --- sampling ----------------------------------------------------------
    def draw(
        self,
        k: int,
        rng: np.random.Generator,
        vary: Sequence[str],
        stats: dict[str, np.ndarray],
    ) -> _Design:
        """Draw k samples of the inputs in `vary` (others at nominal).

        `stats` accumulates, per matrix, [draws, draws above max_cr,
        samples given the nominal matrix after `_MAX_REDRAWS` rounds].
        """
        weights: dict[str, np.ndarray] = {}
        crs: dict[str, np.ndarray] = {}
        ok = np.ones(k, dtype=bool)
        for mt in self.matrices:  # loop over the few matrices
            if mt.group in vary and mt.n_judgments > 0:
                w, cr, bad = self._draw_matrix(mt, k, rng, stats[mt.name])
                ok &= ~bad
            else:
                w = np.broadcast_to(mt.nominal_weights, (k, len(mt.keep)))
                cr = np.full(k, mt.nominal_cr)
            weights[mt.name], crs[mt.name] = w, cr
        lo, hi = self.alpha_range
        alpha = (
            rng.uniform(lo, hi, size=k)
            if "alpha" in vary
            else np.full(k, self.alpha_nom)
        )
        method = (
            rng.integers(0, len(self.methods), size=k)
            if "method" in vary
            else np.zeros(k, dtype=np.int64)
        )
        norm = (
            rng.integers(0, len(self.normalizations), size=k)
            if "normalization" in vary
            else np.zeros(k, dtype=np.int64)
        )
        return _Design(weights, crs, alpha, method, norm, ok)

    def _draw_matrix(self, mt, k, rng, stat):
        """Perturbed weights and CRs of one matrix, with the CR rule."""
        n = mt.nominal.shape[0]
        steps = rng.integers(-self.steps, self.steps + 1, (k, mt.n_judgments))
        w, lam = batched_ahp(perturb_judgments(mt.nominal, steps))
        cr = _consistency_ratio(lam, n, self.ri)
        bad = (cr > self.max_cr + _CR_TOL) & steps.any(axis=1)
        stat[:2] += (k, int(bad.sum()))
        if self.cr_rule == "resample":
            for _ in range(_MAX_REDRAWS):  # rounds, each over all the bad
                rows = np.flatnonzero(bad)
                if rows.size == 0:
                    break
                st = rng.integers(
                    -self.steps, self.steps + 1, (rows.size, mt.n_judgments)
                )
                w2, lam2 = batched_ahp(perturb_judgments(mt.nominal, st))
                cr2 = _consistency_ratio(lam2, n, self.ri)
                w[rows], cr[rows] = w2, cr2
                still = (cr2 > self.max_cr + _CR_TOL) & st.any(axis=1)
                stat[:2] += (rows.size, int(still.sum()))
                bad[rows] = still
            rows = np.flatnonzero(bad)  # give up: the nominal matrix
            w[rows] = mt.nominal_weights_full
            cr[rows] = mt.nominal_cr
            stat[2] += rows.size
            bad[:] = False
        elif self.cr_rule == "keep":
            bad[:] = False
        return w[:, mt.keep], cr, bad

    # --- evaluation ----------------------------------------------------------
    def weights(self, d: _Design) -> np.ndarray:
        """Return the (k, n_ind) indicator weights of the samples."""
        k = len(d)
        if self.weighting == "entropy":
            return np.broadcast_to(self.w_ent, (k, self.n_ind))
        dim_mt = self.matrices[0]
        dw = d.weights[dim_mt.name]
        dw = dw / dw.sum(axis=1, keepdims=True)
        wa = np.empty((k, self.n_ind))
        for mt in self.matrices[1:]:  # loop over the few dimensions
            loc = d.weights[mt.name]
            loc = loc / loc.sum(axis=1, keepdims=True)
            wa[:, mt.cols] = loc * dw[:, mt.dim, None]
        wa /= wa.sum(axis=1, keepdims=True)
        if self.weighting == "ahp":
            return wa
        # each row of wa and w_ent sums to 1, and so does every kernel's
        return COMBINE_METHODS[self.combine](wa, self.w_ent, d.alpha[:, None])

    def scores(self, d: _Design, w: np.ndarray) -> np.ndarray:
        """Return the (k, m) scores of the samples (higher is better)."""
        k = len(d)
        out = np.empty((k, self.m))
        cfg = d.method * len(self.normalizations) + d.norm
        for c in np.unique(cfg):  # loop over the few method choices
            rows = np.flatnonzero(cfg == c)
            method = self.methods[c // len(self.normalizations)]
            norm = self.resolved(
                method, self.normalizations[c % len(self.normalizations)]
            )
            out[rows] = _score_kernel(
                method, self.payload[method, norm], w[rows]
            )
        return out


def _score_kernel(method: str, payload: Any, w: np.ndarray) -> np.ndarray:
    """Scores (k, m) of weight rows `w` (k, n) for one method.

    The weighted sum and geometric mean take the normalised matrix; TOPSIS
    takes ``(X, signs, normalization)``. All three are batched over the
    rows of `w` by `clusterscore.aggregate`.
    """
    if method == "weighted_sum":
        return 100.0 * _agg.weighted_sum(payload, w)
    if method == "geometric":
        return 100.0 * _agg.weighted_geometric(payload, w)
    X, signs, norm = payload
    return 100.0 * np.asarray(
        _agg.topsis(X, w, signs, normalization=norm), dtype=float
    )


def _build_model(fn, prep, system, **o):
    """Collect the fixed parts of the evaluation and the nominal inputs."""
    from clusterscore import scoring as _sc
    from clusterscore.weights.entropy import entropy_weights

    X, signs, names = prep.X, prep.signs, list(prep.indicators)
    mats: list[_Matrix] = []
    j = system.judgments_for(LEVEL_DIMENSIONS, None)
    keep = np.array([j.elements.index(d) for d in prep.dimensions])
    mats.append(
        _Matrix(
            j.name,
            "dimension_judgments",
            np.asarray(j.matrix),
            tuple(j.elements),
            keep,
        )
    )
    for di, d in enumerate(prep.dimensions):
        cols = np.flatnonzero(prep.groups == di)
        kept = [names[c] for c in cols]
        try:
            j = system.judgments_for(d, None)
            matrix, elements, name = np.asarray(j.matrix), j.elements, j.name
        except KeyError:
            if len(system.dimension(d).indicators) != 1:
                raise
            matrix, elements, name = np.ones((1, 1)), tuple(kept), d
        keep = np.array([elements.index(i) for i in kept])
        mats.append(
            _Matrix(
                name,
                "indicator_judgments",
                matrix,
                tuple(elements),
                keep,
                cols=cols,
                dim=di,
            )
        )
    for mt in mats:
        n = mt.nominal.shape[0]
        w, lam = batched_ahp(mt.nominal[None])
        mt.nominal_cr = float(_consistency_ratio(lam, n, o["ri"])[0])
        mt.nominal_weights_full = w[0]
        mt.nominal_weights = w[0, mt.keep]
    w_ent = None
    if o["weighting"] != "ahp":
        w_ent = np.asarray(entropy_weights(X, signs, normalization="minmax"))
    payload = {}
    for meth in o["methods"]:
        for nm in o["normalizations"]:
            res = (
                nm
                if nm in NORMALIZATIONS_FOR[meth]
                else DEFAULT_NORMALIZATION[meth]
            )
            if (meth, res) in payload:
                continue
            if meth == "topsis":
                payload[meth, res] = (X, signs, res)
            else:
                payload[meth, res] = np.asarray(
                    _sc._normalised(X, signs, res, system, prep.types, names)
                )
    return _Model(
        fn=fn,
        m=X.shape[0],
        n_ind=X.shape[1],
        groups=prep.groups,
        n_dims=len(prep.dimensions),
        matrices=mats,
        w_ent=w_ent,
        payload=payload,
        **o,
    )


# ==========================================================================
# shared set-up
# ==========================================================================


def _setup(fn, df, system, o):
    """Validate the options, evaluate the nominal case, build the model."""
    from clusterscore.scoring import evaluate, prepare
    from clusterscore.system import load_system

    check_option(fn, "weighting", o["weighting"], WEIGHTINGS)
    check_option(fn, "combine", o["combine"], COMBINATIONS)
    check_option(fn, "cr_rule", o["cr_rule"], CR_RULES)
    check_option(fn, "ri", o["ri"], tuple(RI_TABLES))
    steps = _check_count(fn, "judgment_steps", o["judgment_steps"], minimum=0)
    if steps > _MAX_STEPS:
        raise ParameterError(
            f"{fn}(): 'judgment_steps' must be at most {_MAX_STEPS} (the "
            f"length of Saaty's scale minus 1); got {steps}.",
            parameter="judgment_steps",
            value=steps,
        )
    lo, hi = _check_range(fn, "alpha_range", o["alpha_range"])
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
        else _check_choices(fn, "methods", o["methods"], AGGREGATIONS)
    )
    norms: tuple[str | None, ...] = (
        (None,)
        if o["normalizations"] is None
        else _check_choices(
            fn, "normalizations", o["normalizations"], _ALL_NORMS
        )
    )
    max_cr = float(o["max_cr"])
    if not max_cr > 0:
        raise ParameterError(
            f"{fn}(): 'max_cr' must be a positive number; got "
            f"{o['max_cr']!r}.",
            parameter="max_cr",
            value=o["max_cr"],
        )
    if system is None:
        system = load_system()
    nom_method = methods[0]
    nom_norm = (
        DEFAULT_NORMALIZATION[nom_method]
        if norms[0] is None or norms[0] not in NORMALIZATIONS_FOR[nom_method]
        else norms[0]
    )
    prep = prepare(df, system, missing=o["missing"])
    if len(prep.clusters) < 2:
        raise DataError(
            f"{fn}(): ranks need at least 2 clusters; the table has "
            f"{len(prep.clusters)}."
        )
    ev = evaluate(
        df,
        system,
        weighting=o["weighting"],
        method=nom_method,
        normalization=nom_norm,
        combine=o["combine"],
        alpha=alpha,
        missing=o["missing"],
    )
    model = _build_model(
        fn,
        prep,
        system,
        weighting=o["weighting"],
        combine=o["combine"],
        alpha_nom=alpha,
        alpha_range=(lo, hi),
        methods=methods,
        normalizations=norms,
        steps=steps,
        max_cr=max_cr,
        cr_rule=o["cr_rule"],
        ri=o["ri"],
    )
    nominal = (
        ev.ranking["rank"]
        .reindex(pd.Index(list(prep.clusters)))
        .to_numpy(dtype=np.int64)
    )
    options = {
        "weighting": o["weighting"],
        "combine": o["combine"],
        "alpha": alpha,
        "alpha_range": (lo, hi),
        "judgment_steps": steps,
        "methods": methods,
        "normalizations": norms,
        "nominal_method": nom_method,
        "nominal_normalization": nom_norm,
        "max_cr": max_cr,
        "cr_rule": o["cr_rule"],
        "ri": o["ri"],
        "missing": o["missing"],
    }
    return model, prep, ev, nominal, options


def _chunk(fn: str, chunk_size: Any, m: int) -> int:
    """Return the samples per chunk: about 2**20 score cells by default."""
    if chunk_size is None:
        return max(1, 2**20 // max(m, 1))
    return _check_count(fn, "chunk_size", chunk_size, minimum=1)


def _slice(d: _Design, sl: slice) -> _Design:
    """Rows `sl` of a design."""
    return _Design(
        {k: v[sl] for k, v in d.weights.items()},
        {k: v[sl] for k, v in d.cr.items()},
        d.alpha[sl],
        d.method[sl],
        d.norm[sl],
        d.ok[sl],
    )


def _mix(model: _Model, a: _Design, b: _Design, group: str) -> _Design:
    """A_B^(group): the design `a` with the inputs of `group` from `b`."""
    weights, cr = {}, {}
    for mt in model.matrices:
        src = b if mt.group == group else a
        weights[mt.name], cr[mt.name] = src.weights[mt.name], src.cr[mt.name]
    return _Design(
        weights,
        cr,
        b.alpha if group == "alpha" else a.alpha,
        b.method if group == "method" else a.method,
        b.norm if group == "normalization" else a.norm,
        a.ok & b.ok,
    )


def _consistency_table(model: _Model, stats) -> pd.DataFrame:
    """Per matrix: size, nominal CR and how often draws exceeded max_cr."""
    rows = []
    for mt in model.matrices:
        draws, above, fallback = (int(v) for v in stats[mt.name])
        rows.append(
            {
                "matrix": mt.name,
                "group": mt.group,
                "size": mt.nominal.shape[0],
                "nominal_cr": mt.nominal_cr,
                "draws": draws,
                "above_max_cr": above,
                "share_above": above / draws if draws else 0.0,
                "fallback_to_nominal": fallback,
            }
        )
    return pd.DataFrame(rows).set_index("matrix")


# ==========================================================================
# uncertainty analysis
# ==========================================================================


@dataclass(frozen=True)
class UncertaintyResult:
    """The outcome of `uncertainty`.

    Attributes
    ----------
    summary : pandas.DataFrame
        Indexed by ``cluster``, in nominal rank order: ``type``,
        ``nominal_rank``, ``median_rank``, ``rank_low`` and ``rank_high``
        (the `interval` quantiles of the sampled ranks), ``mean_rank``,
        ``p_top_k`` (probability of a rank <= `top_k`) and
        ``mean_abs_shift`` (mean of ``|rank - nominal_rank|``).
    agreement : pandas.DataFrame
        Rows ``spearman``, ``kendall`` and ``mean_abs_rank_shift``;
        columns ``mean``, ``median``, ``q05``, ``q95``, ``min``, ``max``
        over the used samples.
    samples : pandas.DataFrame
        One row per sample: ``alpha``, ``method``, ``normalization``,
        ``max_cr`` (largest CR of its perturbed matrices), ``accepted``,
        ``mean_abs_rank_shift``, ``spearman``, ``kendall``.
    rank_counts : pandas.DataFrame
        Clusters x ranks 1..m: how many used samples put the cluster at
        each rank. The quantiles in `summary` are read off it.
    consistency : pandas.DataFrame
        Per perturbed pairwise matrix: its ``nominal_cr``, how many
        perturbed ``draws`` were made, how many were ``above_max_cr``
        (and their ``share_above``), and how many samples fell back to
        the nominal matrix (`cr_rule` ``"resample"``).
    inputs : tuple of str
        The input groups that varied (see `GROUPS`).
    n : int
        Samples drawn.
    n_used : int
        Samples in the statistics (fewer than `n` only with
        ``cr_rule="reject"``).
    top_k : int
    interval : tuple of float
    options : dict
        The options after defaults were filled in.
    nominal : Evaluation
        The nominal evaluation; ``summary.nominal_rank`` is its ranking.
    ranks : numpy.ndarray or None
        The (n, m) sampled ranks (columns in ``sorted(cluster)`` order)
        when ``keep_ranks=True``.
    """

    summary: pd.DataFrame
    agreement: pd.DataFrame
    samples: pd.DataFrame
    rank_counts: pd.DataFrame
    consistency: pd.DataFrame
    inputs: tuple[str, ...]
    n: int
    n_used: int
    top_k: int
    interval: tuple[float, float]
    options: dict[str, Any]
    nominal: Any = field(repr=False)
    ranks: np.ndarray | None = field(default=None, repr=False)

    @property
    def rejection_rate(self) -> float:
        """Share of the drawn samples left out of the statistics."""
        return 1.0 - self.n_used / self.n


def uncertainty(
    df: pd.DataFrame,
    system: IndicatorSystem | None = None,
    n: int = 1000,
    rng: np.random.Generator | int | None = None,
    *,
    judgment_steps: int = 1,
    alpha_range: tuple[float, float] = (0.3, 0.7),
    alpha: float | None = None,
    methods: Sequence[str] | None = None,
    normalizations: Sequence[str] | None = None,
    weighting: str = "combined",
    combine: str = "linear",
    top_k: int = 3,
    interval: tuple[float, float] = (0.05, 0.95),
    max_cr: float = 0.10,
    cr_rule: str = "resample",
    ri: str = "saaty",
    missing: str = "refuse",
    chunk_size: int | None = None,
    keep_ranks: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> UncertaintyResult:
    r"""Monte Carlo uncertainty of the ranking.

    Draws `n` samples of the uncertain inputs, ranks the clusters under
    each, and summarises the distribution of each cluster's rank.

    Parameters
    ----------
    df : pandas.DataFrame
        The input table (as for `clusterscore.scoring.evaluate`).
    system : IndicatorSystem, optional
        The indicator system; the default one when omitted.
    n : int
        Number of samples (>= 1).
    rng : numpy.random.Generator, int or None
        The source of randomness, passed once through
        `numpy.random.default_rng`. The same seed (with the same data,
        options and `chunk_size`) gives identical results.
    judgment_steps : int
        Each upper-triangle judgment :math:`a_{ij}` of every AHP matrix
        moves by :math:`s_{ij}` steps along Saaty's 17-value scale
        :math:`1/9, \dots, 1/2, 1, 2, \dots, 9`, with :math:`s_{ij}`
        uniform on the integers :math:`-K, \dots, K`,
        :math:`K` = `judgment_steps`, independently per judgment and
        sample (see `perturb_judgments`). 0 keeps every judgment.
    alpha_range : (float, float)
        The AHP share of the linear combination
        :math:`w = \alpha w^{AHP} + (1 - \alpha) w^{ent}` is uniform on
        this range. It varies only with ``weighting="combined"`` and
        ``combine="linear"``.
    alpha : float, optional
        The nominal alpha; the midpoint of `alpha_range` by default.
    methods : sequence of str, optional
        Aggregation methods drawn uniformly per sample
        (``"weighted_sum"``, ``"geometric"``, ``"topsis"``); the first is
        the nominal one. Default: ``("weighted_sum",)``, no variation.
    normalizations : sequence of str, optional
        Normalisations drawn uniformly per sample (``"minmax"``,
        ``"target"``, ``"percentile"``, ``"vector"``); the first is the
        nominal one. A normalisation the sampled method does not accept
        (TOPSIS takes ``"vector"`` or ``"minmax"``, the means take
        ``"minmax"``, ``"target"`` or ``"percentile"``) is replaced by the
        method's default, as `evaluate` does with ``normalization=None``.
        Default: each method's default, no variation.
    weighting : {"combined", "ahp", "entropy"}
        As for `evaluate`. Entropy weights depend on the data only and are
        not perturbed.
    combine : {"linear", "multiplicative", "game_theory"}
        How AHP and entropy weights are combined, as in `evaluate`. With
        ``"game_theory"`` the coefficients are solved afresh for every
        sample's AHP weights; a sample whose coefficients hit the
        constraint uses one of the two vectors, as `combine_weights` does
        (without a warning per sample).
    top_k : int
        ``p_top_k`` is the probability of a rank <= `top_k`.
    interval : (float, float)
        Quantile levels of the rank interval.
    max_cr : float
        The consistency-ratio threshold of a perturbed matrix.
    cr_rule : {"resample", "reject", "keep"}
        What happens to a perturbed matrix with :math:`CR > ` `max_cr`.
        ``"resample"`` (default) redraws that matrix's judgments (only
        that matrix, of only those samples) until it passes, so every
        sample uses acceptably consistent judgments, and reports how often
        draws failed; after 100 rounds a still-failing matrix falls back
        to the nominal one (counted in `consistency`). ``"reject"`` drops
        every sample in which any matrix fails (the statistics use the
        ``n_used`` remaining samples). ``"keep"`` uses every sample and
        only reports the failures. A matrix left at its nominal judgments
        is never rejected.
    ri : str
        The random-index table of the CR (see `clusterscore.judgments.ahp`).
    missing : {"refuse", "median", "drop_indicator"}
        As for `evaluate`.
    chunk_size : int, optional
        Samples per batch; memory grows with ``chunk_size x clusters``.
        Default: about :math:`2^{20}` / clusters.
    keep_ranks : bool
        Keep the full (n, m) array of sampled ranks in the result.
    progress : callable, optional
        Called as ``progress(done, total)`` after each chunk.

    Returns
    -------
    UncertaintyResult

    Raises
    ------
    ParameterError
        A bad `n`, range, option name or count.
    DataError
        An invalid table, fewer than 2 clusters, or every sample rejected.

    Notes
    -----
    The nominal ranking is ``evaluate(df, system, weighting=weighting,
    method=methods[0], normalization=<nominal>, combine=combine,
    alpha=alpha, missing=missing).ranking`` (with ``by_type=False``). A
    sample's weights are the AHP hierarchy's global weights
    :math:`w_j = v_{d(j)} u_j` from the perturbed dimension matrix
    (:math:`v`) and indicator matrices (:math:`u`), combined with the
    (fixed) entropy weights. Ranks are competition ranks (ties share the
    smaller rank). Quantiles use the inverted empirical CDF, so the rank
    interval and the median are ranks that occurred. Spearman's rho and
    Kendall's tau-b compare each sample's ranking with the nominal one
    (see `spearman_rho`, `kendall_tau_b`).

    References
    ----------
    .. [1] OECD/JRC (2008). Handbook on Constructing Composite Indicators:
       Methodology and User Guide. OECD Publishing, step 7.
    .. [2] Saisana, M., Saltelli, A. & Tarantola, S. (2005). Uncertainty
       and sensitivity analysis techniques as tools for the quality
       assessment of composite indicators. J. R. Statist. Soc. A 168(2),
       307-323.
    .. [3] Saaty, T. L. (1980). The Analytic Hierarchy Process.
       McGraw-Hill (the 1-9 scale and the consistency ratio).
    """
    fn = "uncertainty"
    n = _check_count(fn, "n", n, minimum=1)
    top_k = _check_count(fn, "top_k", top_k, minimum=1)
    q_lo, q_hi = _check_range(fn, "interval", interval)
    gen = np.random.default_rng(rng)
    model, prep, ev, nominal, options = _setup(
        fn,
        df,
        system,
        {
            "weighting": weighting,
            "combine": combine,
            "cr_rule": cr_rule,
            "ri": ri,
            "judgment_steps": judgment_steps,
            "alpha_range": alpha_range,
            "alpha": alpha,
            "methods": methods,
            "normalizations": normalizations,
            "max_cr": max_cr,
            "missing": missing,
        },
    )
    chunk = _chunk(fn, chunk_size, model.m)
    vary = model.uncertain()
    m = model.m
    stats = {mt.name: np.zeros(3, dtype=np.int64) for mt in model.matrices}
    counts = np.zeros(m * m, dtype=np.int64)
    ref_avg = _average_of_min_ranks(nominal)
    parts: list[dict[str, np.ndarray]] = []
    kept = [] if keep_ranks else None
    offset = np.arange(m) * m - 1
    for start in range(0, n, chunk):  # loop over chunks of samples
        k = min(chunk, n - start)
        d = model.draw(k, gen, vary, stats)
        rank, avg = batched_ranks(model.scores(d, model.weights(d)))
        ok = d.ok
        counts += np.bincount((rank[ok] + offset).ravel(), minlength=m * m)
        parts.append(
            {
                "alpha": d.alpha,
                "method": d.method,
                "norm": d.norm,
                "max_cr": np.max(np.stack(list(d.cr.values())), axis=0),
                "accepted": ok,
                TARGET: np.abs(rank - nominal).mean(axis=1),
                "spearman": spearman_rho(ref_avg, avg),
                "kendall": kendall_tau_b(nominal, rank),
            }
        )
        if kept is not None:
            kept.append(rank.astype(np.int32))
        if progress is not None:
            progress(start + k, n)
    cols = {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}
    n_used = int(cols["accepted"].sum())
    if n_used == 0:
        raise DataError(
            f"{fn}(): every one of the {n} samples was rejected by "
            f"cr_rule='reject' (a perturbed matrix had CR > {max_cr}); "
            "use cr_rule='resample' or fewer judgment_steps."
        )
    counts = counts.reshape(m, m)
    summary = _rank_summary(counts, nominal, prep, top_k, (q_lo, q_hi), n_used)
    meth = np.asarray(model.methods, dtype=object)[cols["method"]]
    norm_table = np.array(
        [
            [model.resolved(mm, nm) for nm in model.normalizations]
            for mm in model.methods
        ],
        dtype=object,
    )
    samples = pd.DataFrame(
        {
            "alpha": cols["alpha"],
            "method": meth,
            "normalization": norm_table[cols["method"], cols["norm"]],
            "max_cr": cols["max_cr"],
            "accepted": cols["accepted"],
            TARGET: cols[TARGET],
            "spearman": cols["spearman"],
            "kendall": cols["kendall"],
        }
    )
    if model.weighting != "combined" or model.combine != "linear":
        samples["alpha"] = np.nan
    used = samples[samples["accepted"]]
    agreement = pd.DataFrame(
        {
            stat: [
                getattr(np, f"nan{stat}")(used[c].to_numpy())
                if stat in ("mean", "median", "min", "max")
                else np.nanquantile(used[c].to_numpy(), q)
                for c in ("spearman", "kendall", TARGET)
            ]
            for stat, q in (
                ("mean", None),
                ("median", None),
                ("q05", 0.05),
                ("q95", 0.95),
                ("min", None),
                ("max", None),
            )
        },
        index=pd.Index(["spearman", "kendall", TARGET], name="statistic"),
    )
    labels = pd.Index(list(prep.clusters), name="cluster")
    rank_counts = pd.DataFrame(
        counts, index=labels, columns=pd.RangeIndex(1, m + 1, name="rank")
    ).loc[summary.index]
    return UncertaintyResult(
        summary=summary,
        agreement=agreement,
        samples=samples,
        rank_counts=rank_counts,
        consistency=_consistency_table(model, stats),
        inputs=vary,
        n=n,
        n_used=n_used,
        top_k=top_k,
        interval=(q_lo, q_hi),
        options={**options, "n": n, "top_k": top_k},
        nominal=ev,
        ranks=None if kept is None else np.concatenate(kept),
    )


def _average_of_min_ranks(rank: np.ndarray) -> np.ndarray:
    """Average ranks from competition ranks (ties share the smaller)."""
    _, inv, cnt = np.unique(rank, return_inverse=True, return_counts=True)
    return rank + (cnt[inv] - 1) / 2.0


def _rank_summary(counts, nominal, prep, top_k, interval, n_used):
    """Per-cluster statistics read off the (m, m) rank histogram."""
    m = counts.shape[0]
    cdf = np.cumsum(counts, axis=1) / n_used
    r = np.arange(1, m + 1)

    def quantile(q: float) -> np.ndarray:
        # inverted empirical CDF: the smallest rank with F(rank) >= q
        return np.argmax(cdf >= q - 1e-12, axis=1) + 1

    summary = pd.DataFrame(
        {
            "type": prep.types,
            "nominal_rank": nominal,
            "median_rank": quantile(0.5),
            "rank_low": quantile(interval[0])
            if interval[0] > 0
            else np.argmax(counts > 0, axis=1) + 1,
            "rank_high": quantile(interval[1]),
            "mean_rank": counts @ r / n_used,
            "p_top_k": cdf[:, min(top_k, m) - 1],
            "mean_abs_shift": (counts * np.abs(r - nominal[:, None])).sum(1)
            / n_used,
        },
        index=pd.Index(list(prep.clusters), name="cluster"),
    )
    order = np.lexsort((np.asarray(prep.clusters, dtype=str), nominal))
    return summary.iloc[order]


# ==========================================================================
# sensitivity analysis
# ==========================================================================


@dataclass(frozen=True)
class SensitivityResult:
    """The outcome of `sensitivity`.

    Attributes
    ----------
    indices : pandas.DataFrame
        Indexed by input ``group``: ``S`` (first-order index) with its
        bootstrap interval ``S_low``, ``S_high``, and ``ST`` (total
        effect) with ``ST_low``, ``ST_high``.
    f_a, f_b : numpy.ndarray, shape (N,)
        The target (`TARGET`) at the rows of the sample matrices A and B.
    f_ab : numpy.ndarray, shape (d, N)
        The target at :math:`A_B^{(i)}` for each group.
    variance, mean : float
        Variance and mean of the target over the 2N runs of A and B.
    n : int
        N, the rows of each sample matrix.
    n_runs : int
        Model evaluations: N (d + 2).
    consistency : pandas.DataFrame
        As in `UncertaintyResult`.
    options : dict
    nominal : Evaluation
    """

    indices: pd.DataFrame
    f_a: np.ndarray
    f_b: np.ndarray
    f_ab: np.ndarray
    variance: float
    mean: float
    n: int
    n_runs: int
    consistency: pd.DataFrame
    options: dict[str, Any]
    nominal: Any = field(repr=False)


def sensitivity(
    df: pd.DataFrame,
    system: IndicatorSystem | None = None,
    n: int = 1000,
    rng: np.random.Generator | int | None = None,
    *,
    groups: Sequence[str] | None = None,
    n_boot: int = 1000,
    conf: float = 0.95,
    judgment_steps: int = 1,
    alpha_range: tuple[float, float] = (0.3, 0.7),
    alpha: float | None = None,
    methods: Sequence[str] | None = None,
    normalizations: Sequence[str] | None = None,
    weighting: str = "combined",
    combine: str = "linear",
    max_cr: float = 0.10,
    cr_rule: str = "resample",
    ri: str = "saaty",
    missing: str = "refuse",
    chunk_size: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SensitivityResult:
    r"""Variance-based sensitivity of the ranking to groups of inputs.

    The model output is the mean absolute rank shift
    :math:`Y = \frac{1}{m} \sum_c |r_c - r_c^{nom}|` (COINr's target).
    Two independent sample matrices :math:`A` and :math:`B` of N rows are
    drawn as in `uncertainty`; for each group i, :math:`A_B^{(i)}` takes
    group i's inputs from :math:`B` and all others from :math:`A`.
    :math:`Y` is evaluated on the N (d + 2) rows, and `sobol_indices`
    gives the first-order index :math:`S_i` (the share of
    :math:`\operatorname{Var} Y` that group i explains alone) and the
    total effect :math:`S_{Ti}` (its share including interactions).

    Parameters
    ----------
    df, system, judgment_steps, alpha_range, alpha, methods,
    normalizations, weighting, combine, max_cr, ri, missing, chunk_size,
    progress
        As for `uncertainty`.
    n : int
        N, the rows of each sample matrix (>= 2).
    rng : numpy.random.Generator, int or None
        The source of randomness (design and bootstrap).
    groups : sequence of str, optional
        The input groups, from `GROUPS`: ``"dimension_judgments"`` (the
        matrix between dimensions), ``"indicator_judgments"`` (the
        matrices within dimensions), ``"alpha"``, ``"method"``,
        ``"normalization"``. Every group named must vary under the
        options. Inputs outside `groups` stay at their nominal values.
        Default: every group that varies.
    n_boot : int
        Bootstrap replicates for the confidence intervals.
    conf : float
        Confidence level of the intervals.
    cr_rule : {"resample", "keep"}
        As for `uncertainty`; ``"reject"`` is not allowed here because it
        would break the pairing of the rows of A, B and
        :math:`A_B^{(i)}`. Since a group holds whole matrices, every row of
        :math:`A_B^{(i)}` inherits matrices that passed in A or B.

    Returns
    -------
    SensitivityResult

    Raises
    ------
    ParameterError
        An unknown or non-varying group, a bad `n`, `n_boot`, `conf`,
        range or option.
    DataError
        An invalid table or fewer than 2 clusters.

    Warns
    -----
    DataWarning
        When the target never varies (the indices are then NaN).

    Notes
    -----
    See `sobol_indices` for the estimators. Groups of inputs are treated
    as single factors (Saltelli et al. 2008, ch. 4), so the indices do not
    depend on how many judgments a group holds.

    References
    ----------
    .. [1] Saltelli, A. et al. (2010). Variance based sensitivity analysis
       of model output. Computer Physics Communications 181(2), 259-270.
    .. [2] Jansen, M. J. W. (1999). Analysis of variance designs for model
       output. Computer Physics Communications 117(1-2), 35-43.
    .. [3] Saltelli, A. et al. (2008). Global Sensitivity Analysis. The
       Primer. Wiley.
    .. [4] OECD/JRC (2008). Handbook on Constructing Composite Indicators.
    .. [5] Becker, W. (2022). COINr, ``get_sensitivity()`` (R package).
    """
    fn = "sensitivity"
    n = _check_count(fn, "n", n, minimum=2)
    n_boot = _check_count(fn, "n_boot", n_boot, minimum=0)
    conf = _check_open_unit(fn, "conf", conf)
    check_option(fn, "cr_rule", cr_rule, ("resample", "keep"))
    gen = np.random.default_rng(rng)
    model, _, ev, nominal, options = _setup(
        fn,
        df,
        system,
        {
            "weighting": weighting,
            "combine": combine,
            "cr_rule": cr_rule,
            "ri": ri,
            "judgment_steps": judgment_steps,
            "alpha_range": alpha_range,
            "alpha": alpha,
            "methods": methods,
            "normalizations": normalizations,
            "max_cr": max_cr,
            "missing": missing,
        },
    )
    varying = model.uncertain()
    if groups is None:
        groups = varying
        if not groups:
            raise ParameterError(
                f"{fn}(): no input varies under these options; raise "
                "'judgment_steps', widen 'alpha_range' or give two or more "
                "'methods' or 'normalizations'.",
                parameter="groups",
            )
    else:
        groups = _check_choices(fn, "groups", groups, GROUPS)
        idle = [g for g in groups if g not in varying]
        if idle:
            raise ParameterError(
                f"{fn}(): group(s) {', '.join(map(repr, idle))} do not "
                "vary under these options (varying: "
                f"{', '.join(map(repr, varying)) or 'none'}).",
                parameter="groups",
                value=tuple(groups),
                allowed=varying,
            )
    groups = tuple(groups)
    chunk = _chunk(fn, chunk_size, model.m)
    stats = {mt.name: np.zeros(3, dtype=np.int64) for mt in model.matrices}
    a = model.draw(n, gen, groups, stats)
    b = model.draw(n, gen, groups, stats)
    designs = [a, b, *(_mix(model, a, b, g) for g in groups)]
    total = n * len(designs)
    out = np.empty(total)
    done = 0
    for d in designs:  # the d + 2 blocks, each in chunks
        for start in range(0, n, chunk):
            part = _slice(d, slice(start, start + chunk))
            rank, _ = batched_ranks(model.scores(part, model.weights(part)))
            k = len(part)
            out[done : done + k] = np.abs(rank - nominal).mean(axis=1)
            done += k
            if progress is not None:
                progress(done, total)
    f = out.reshape(len(designs), n)
    f_a, f_b, f_ab = f[0], f[1], f[2:]
    var = float(np.var(np.concatenate([f_a, f_b])))
    if var == 0.0:
        warnings.warn(
            f"{fn}(): the mean absolute rank shift was the same in all "
            f"{2 * n} runs of A and B, so its variance is 0 and the "
            "sensitivity indices are undefined (NaN); the ranking does not "
            "move under these perturbations.",
            DataWarning,
            stacklevel=2,
        )
    indices = sobol_indices(f_a, f_b, f_ab, n_boot=n_boot, conf=conf, rng=gen)
    indices.index = pd.Index(groups, name="group")
    return SensitivityResult(
        indices=indices,
        f_a=f_a,
        f_b=f_b,
        f_ab=f_ab,
        variance=var,
        mean=float(np.mean(np.concatenate([f_a, f_b]))),
        n=n,
        n_runs=total,
        consistency=_consistency_table(model, stats),
        options={
            **options,
            "n": n,
            "groups": groups,
            "n_boot": n_boot,
            "conf": conf,
        },
        nominal=ev,
    )
