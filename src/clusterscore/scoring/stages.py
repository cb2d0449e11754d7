"""The stages of scoring, on prepared arrays (owned by `clusterscore.scoring`).

`prepare` validates a table once and turns it into arrays; then the
weights (`subjective_weights` with `hierarchy_weights`,
`objective_weights`), the matrix a method aggregates (`scoring_matrix`,
`normalised`), the aggregation (`aggregate_scores`, `dimension_scores`)
and the ranks (`competition_ranks`). `clusterscore.scoring.evaluate` runs
them once per segment; `clusterscore.uncertainty` runs the same functions
on batches of sampled weights, one weight vector per row. Import them
from `clusterscore.scoring`, which re-exports them.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast, overload

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore import aggregate as _agg
from clusterscore import normalize as _norm
from clusterscore._checks import check_option
from clusterscore._choices import MISSING_POLICIES, OBJECTIVES
from clusterscore.errors import (
    DataError,
    DegenerateIndicatorWarning,
    FallbackWarning,
)
from clusterscore.io import validate
from clusterscore.judgments import MAX_CR
from clusterscore.judgments.ahp import AHPResult
from clusterscore.system import IndicatorSystem
from clusterscore.system.schema import names_sorted
from clusterscore.weights.critic import critic_weights, std_weights
from clusterscore.weights.entropy import entropy_weights
from clusterscore.weights.hierarchy import system_weights

if TYPE_CHECKING:
    from clusterscore.aggregate.kernels import TopsisNormalization
    from clusterscore.judgments.priorities import AHPMethod
    from clusterscore.judgments.scales import RITable

__all__ = [
    "MIN_TYPE_VALUES",
    "MISSING_POLICIES",
    "OBJECTIVES",
    "Prepared",
    "aggregate_scores",
    "competition_ranks",
    "dimension_scores",
    "hierarchy_weights",
    "normalised",
    "objective_weights",
    "prepare",
    "scoring_matrix",
    "subjective_weights",
]

MissingPolicy = Literal["refuse", "median", "drop_indicator"]
"""The names in `MISSING_POLICIES`, as a type (a test keeps them in step)."""

Objective = Literal["entropy", "critic", "std"]
"""The names in `OBJECTIVES`, as a type (a test keeps them in step)."""

MIN_TYPE_VALUES = 3
"""Fewest known values of an indicator within a cluster type for the
type's median to be used; below it the median of all clusters is used."""


# --------------------------------------------------------------------------
# preparation: validated, imputed, canonically ordered arrays
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """The input table as arrays, ready to score.

    Rows are sorted by cluster name (by year, then cluster name, on a
    panel); columns are the kept indicators in the system's order. Shared
    with `clusterscore.uncertainty`. `years` is None for a table without
    a ``year`` column, else each row's year.
    """

    table: pd.DataFrame
    clusters: np.ndarray
    types: np.ndarray
    X: np.ndarray
    indicators: tuple[str, ...]
    signs: np.ndarray
    groups: np.ndarray
    dimensions: tuple[str, ...]
    imputed: pd.DataFrame
    dropped: tuple[str, ...]
    years: np.ndarray | None = None


def prepare(
    df: pd.DataFrame, system: IndicatorSystem, *, missing: str = "refuse"
) -> Prepared:
    """Validate `df`, apply the missing-value policy, return arrays.

    Parameters
    ----------
    df : pandas.DataFrame
        The input table.
    system : IndicatorSystem
        The indicator system.
    missing : {"refuse", "median", "drop_indicator"}
        See `evaluate`.

    Returns
    -------
    Prepared
    """
    check_option("evaluate", "missing", missing, MISSING_POLICIES)
    table = validate(df, system, allow_missing=missing != "refuse")
    panel = "year" in table.columns
    # a table that comes sorted by name (as most exports do) is not sorted
    # again
    if panel or not names_sorted(table["cluster"].to_numpy(dtype=object)):
        order = ["year", "cluster"] if panel else "cluster"
        table = table.sort_values(order, kind="stable").reset_index(drop=True)
    ids = list(system.indicator_ids)
    values = table[ids].to_numpy(dtype=float)
    types = table["type"].to_numpy(dtype=object)
    # "refuse": validation let no NaN through, so there are no holes to scan
    holes: npt.NDArray[np.bool_] = np.zeros((0, 0), dtype=bool)
    if missing != "refuse":
        holes = np.isnan(values)
    imputed = pd.DataFrame(
        {
            "cluster": pd.Series(dtype=object),
            "indicator": pd.Series(dtype=object),
            "value": pd.Series(dtype=float),
            "basis": pd.Series(dtype=object),
        }
    )
    dropped: tuple[str, ...] = ()
    if holes.any() and missing == "median":
        values, imputed = _impute_median(values, holes, types, table, ids)
        rows = imputed.pop("row").to_numpy()
        if panel:  # the median of the type over all years (pooled)
            imputed.insert(1, "year", table["year"].to_numpy()[rows])
        table = table.copy()
        table[ids] = values
    elif holes.any() and missing == "drop_indicator":
        keep = np.asarray(~holes.any(axis=0), dtype=bool)
        dropped = tuple(i for i, k in zip(ids, keep, strict=True) if not k)
        if not keep.any():
            raise DataError(
                "evaluate(): missing='drop_indicator' would drop every "
                "indicator: each one has at least one missing value."
            )
        emptied = [
            d
            for d in system.dimensions
            if not any(
                i in d.indicators for i, k in zip(ids, keep, strict=True) if k
            )
        ]
        if emptied:
            parts = "; ".join(
                f"dimension {d.id!r} ({', '.join(d.indicators)})"
                for d in emptied
            )
            raise DataError(
                "evaluate(): missing='drop_indicator' would drop every "
                f"indicator of {parts}: each has a missing value, and the "
                "dimension would be left without a sub-score. Fill in at "
                "least one of its indicators, or use missing='median'.",
                problems=[d.id for d in emptied],
            )
        ids = [i for i, k in zip(ids, keep, strict=True) if k]
        values = values[:, keep]
    if panel and "year" not in imputed:
        imputed.insert(1, "year", pd.Series(dtype="int64"))
    dims = [
        d.id for d in system.dimensions if any(i in ids for i in d.indicators)
    ]
    dim_index = {d: k for k, d in enumerate(dims)}
    groups = np.array([dim_index[system.indicator(i).dimension] for i in ids])
    signs = np.array([system.indicator(i).sign for i in ids], dtype=np.int8)
    return Prepared(
        table=table,
        clusters=table["cluster"].to_numpy(dtype=object),
        types=types,
        X=values,
        indicators=tuple(ids),
        signs=signs,
        groups=groups,
        dimensions=tuple(dims),
        imputed=imputed,
        dropped=dropped,
        years=table["year"].to_numpy(dtype=np.int64) if panel else None,
    )


def _impute_median(
    values: np.ndarray,
    holes: np.ndarray,
    types: np.ndarray,
    table: pd.DataFrame,
    ids: list[str],
) -> tuple[np.ndarray, pd.DataFrame]:
    """Fill holes with the type's median, else the median of all rows."""
    empty = np.asarray(holes.all(axis=0))
    if empty.any():
        names = ", ".join(i for i, e in zip(ids, empty, strict=True) if e)
        raise DataError(
            "evaluate(): missing='median' cannot fill an indicator that no "
            f"cluster reports: {names}. Fill it in, or use "
            "missing='drop_indicator'."
        )
    values = values.copy()
    overall = np.nanmedian(values, axis=0)  # holes are NaN already
    filled = np.empty_like(values)
    basis = np.empty(values.shape, dtype=object)
    for t in np.unique(types):  # loop over the few types, not clusters
        rows = types == t
        known = (~holes[rows]).sum(axis=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN column
            med = np.nanmedian(values[rows], axis=0)
        use_type = known >= MIN_TYPE_VALUES
        filled[rows] = np.where(use_type, med, overall)
        basis[rows] = np.where(use_type, "type", "all")
    r, c = np.nonzero(holes)
    values[r, c] = filled[r, c]
    imputed = pd.DataFrame(
        {
            "cluster": table["cluster"].to_numpy(dtype=object)[r],
            "indicator": np.asarray(ids, dtype=object)[c],
            "value": filled[r, c],
            "basis": basis[r, c],
            "row": r,
        }
    )
    return values, imputed


# --------------------------------------------------------------------------
# the stages on prepared arrays: weights, normalisation, aggregation, ranks
# (`evaluate` runs them once per segment; `clusterscore.uncertainty` runs
# them on batches of sampled weights)
# --------------------------------------------------------------------------


def hierarchy_weights(
    local: np.ndarray, dimension_weights: np.ndarray, groups: np.ndarray
) -> np.ndarray:
    r"""Global AHP weights from local and dimension weights; batched.

    Kernel: no validation. With :math:`u_j` the local weight of indicator
    :math:`j` in its dimension :math:`d(j)` and :math:`v_d` the weight of
    dimension :math:`d`, each renormalised over what is kept,

    .. math:: w_j = \frac{u_j}{\sum_{i \in d(j)} u_i}
              rac{v_{d(j)}}{\sum_d v_d}

    (Saaty 1980, ch. 3, composition of priorities), rescaled to sum 1.

    Parameters
    ----------
    local : numpy.ndarray, shape (..., n)
        Local weights of the kept indicators.
    dimension_weights : numpy.ndarray, shape (..., D)
        Weights of the dimensions that keep an indicator.
    groups : numpy.ndarray of int, shape (n,)
        The dimension (0..D-1) of each indicator.

    Returns
    -------
    numpy.ndarray, shape (..., n)

    Examples
    --------
    >>> hierarchy_weights(np.array([0.5, 0.5, 1.0]), np.array([0.75, 0.25]),
    ...                   np.array([0, 0, 1])).tolist()
    [0.375, 0.375, 0.25]
    """
    local_sum = _group_sums(local, groups, dimension_weights.shape[-1])
    total = dimension_weights.sum(axis=-1, keepdims=True)
    glob = local / local_sum * dimension_weights[..., groups] / total
    return cast("np.ndarray", glob / glob.sum(axis=-1, keepdims=True))


def _group_sums(
    x: np.ndarray, groups: np.ndarray, n_groups: int
) -> np.ndarray:
    """Per-group sums of the last axis of `x`, broadcast back to it.

    Compensated (Kahan) sums in column order, the summation pandas'
    ``groupby(...).sum()`` uses, so that the weights are the same to the
    last bit as they were when they were computed with pandas. The loop
    runs over the few columns, batched over the leading axes.
    """
    total = np.zeros((*x.shape[:-1], n_groups))
    comp = np.zeros_like(total)
    for j, g in enumerate(groups):  # loop over the columns
        y = x[..., j] - comp[..., g]
        t = total[..., g] + y
        comp[..., g] = (t - total[..., g]) - y
        total[..., g] = t
    return total[..., groups]


def subjective_weights(
    system: IndicatorSystem,
    cluster_type: str | None,
    indicators: tuple[str, ...],
    *,
    ahp_method: AHPMethod = "eigenvector",
    ri: RITable | float = "saaty",
    max_cr: float | None = MAX_CR,
) -> tuple[np.ndarray, dict[str, AHPResult]]:
    """Global AHP weights of the kept `indicators`, and the AHP results.

    Local weights are renormalised within each dimension over the kept
    indicators, and dimension weights over the dimensions that keep at
    least one indicator; the global weight is their product
    (`hierarchy_weights`). `ri` and `max_cr` are passed to
    `clusterscore.weights.system_weights` (the random-index table and the
    CR above which a matrix is refused).
    """
    hw = system_weights(
        system, cluster_type, method=ahp_method, ri=ri, max_cr=max_cr
    )
    tab = hw.table.loc[list(indicators)]
    groups, dims = pd.factorize(tab["dimension"], sort=False)
    dim_w = (
        tab.groupby("dimension", sort=False)["dimension_weight"]
        .first()
        .loc[dims]
        .to_numpy(dtype=float)
    )
    local = tab["local_weight"].to_numpy(dtype=float)
    return hierarchy_weights(local, dim_w, groups), dict(hw.judgments)


def _segment_name(cluster_type: str | None, segment: str | None) -> str:
    """How a warning names the rows weighed together."""
    if segment is not None:
        return segment
    if cluster_type is None:
        return "the table"
    return f"cluster type {cluster_type!r}"


def objective_weights(
    Y_minmax: np.ndarray,
    names: list[str],
    cluster_type: str | None,
    weighting: str,
    objective: str = "entropy",
    *,
    segment: str | None = None,
) -> np.ndarray | None:
    r"""Objective weights from the min-max matrix, or None if undefined.

    `objective` is one of `OBJECTIVES`, each computed on the
    direction-aware min-max matrix :math:`r_{ij}`:

    - ``"entropy"``: the entropy of the column shares
      :math:`p_{ij} = r_{ij} / \sum_i r_{ij}` (Shannon 1948), as
      `clusterscore.weights.entropy_weights` with ``normalization="sum"``;
    - ``"critic"``: :math:`C_j = \sigma_j \sum_k (1 - \rho_{jk})`,
      :math:`w_j = C_j / \sum_k C_k` (Diakoulaki et al. 1995),
      `clusterscore.weights.critic_weights` on :math:`r` as given;
    - ``"std"``: :math:`w_j = \sigma_j / \sum_k \sigma_k`,
      `clusterscore.weights.std_weights`.

    A segment (the table, or one cluster type with ``by_type=True``)
    with a single cluster has no objective weights: its clusters are
    scored with the AHP weights, with a `FallbackWarning` that names the
    segment (`segment`, else "the table" or the cluster type). With
    ``weighting="ahp"`` the objective weights are only reported, so a
    table on which they are undefined (one cluster, every indicator
    constant) gives None with the same warning. `evaluate` then reports
    the AHP weights that stood in for them (never NaN).
    """
    shares = pd.DataFrame(Y_minmax, columns=names, copy=False)
    where = _segment_name(cluster_type, segment)

    def weights() -> np.ndarray:
        if objective == "critic":
            return critic_weights(shares, normalization="none").to_numpy()
        if objective == "std":
            return std_weights(shares).to_numpy()
        return entropy_weights(shares, normalization="sum").to_numpy()

    def fall_back(why: str) -> None:
        warnings.warn(
            f"evaluate(): {where} {why}, so {objective} weights are "
            f"undefined for it; its clusters are scored with the AHP "
            f"weights, which also stand in for the {objective!r} weights "
            "reported.",
            FallbackWarning,
            stacklevel=5,
        )

    if weighting == "ahp":
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DegenerateIndicatorWarning)
                return weights()
        except DataError as exc:
            fall_back(
                "has a single cluster"
                if Y_minmax.shape[0] < 2
                else f"gives no {objective} weights ({_first_clause(exc)})"
            )
            return None
    if Y_minmax.shape[0] >= 2:
        return weights()
    fall_back("has a single cluster")
    return None


def _first_clause(exc: Exception) -> str:
    """Return the reason of a weights error, without the function name."""
    text = str(exc).split("(): ", 1)[-1]
    return text.split(";")[0].rstrip(".")


def normalised(
    X: np.ndarray,
    signs: np.ndarray,
    method: str,
    system: IndicatorSystem,
    types: np.ndarray,
    names: list[str],
) -> np.ndarray:
    """Normalise X; ``"target"`` uses each row's type-specific targets.

    Target-relative normalisation runs once per cluster type (a handful),
    each time with that type's target vector from the indicator system.
    """
    if method != "target":
        return _norm.normalize(X, signs, method=method)
    Y = np.empty_like(X, dtype=float)
    missing = []
    for t in np.unique(types):  # loop over types, not clusters
        rows = types == t
        targets = []
        for ind in names:
            tgt = system.target(ind, t)
            if tgt is None:
                missing.append(f"{ind} ({t})")
            targets.append(np.nan if tgt is None else tgt.value)
        if not missing:
            Y[rows] = _norm.normalize(
                X[rows], signs, method="target", targets=targets
            )
    if missing:
        raise DataError(
            "evaluate(): normalization='target' needs a benchmark target "
            "for every indicator and cluster type; the system has none for: "
            + ", ".join(missing)
        )
    return Y


def scoring_matrix(
    X: np.ndarray,
    signs: np.ndarray,
    method: str,
    normalization: str,
    system: IndicatorSystem,
    types: np.ndarray,
    names: list[str],
    *,
    minmax: np.ndarray | None = None,
) -> np.ndarray:
    """Return the matrix `method` aggregates (see `aggregate_scores`).

    TOPSIS takes the raw matrix `X` (it normalises it itself); the means
    take `X` normalised with `normalization` (`normalised`), reusing
    `minmax` (the min-max matrix, when already computed) for
    ``"minmax"``.
    """
    if method == "topsis":
        return X
    if normalization == "minmax" and minmax is not None:
        return minmax
    return normalised(X, signs, normalization, system, types, names)


def _own_options(
    method: str, rho: float | None, v: float | None
) -> dict[str, float]:
    """Return the keyword options `method`'s kernels take (rho, v).

    GRA takes rho, VIKOR v; None keeps the kernel's default.
    """
    given = {"rho": rho, "v": v}
    return {
        k: value
        for k in _agg.AGGREGATIONS[method].options
        if (value := given.get(k)) is not None
    }


def aggregate_scores(
    method: str,
    data: np.ndarray,
    weights: np.ndarray,
    signs: np.ndarray,
    normalization: str,
    *,
    rho: float | None = None,
    v: float | None = None,
) -> npt.NDArray[np.float64]:
    """Scores 0-100 (higher is better) of the rows of `data`; batched.

    `data` is `scoring_matrix` of the method; `weights` is one weight
    vector (n,) or a batch (k, n), giving scores (m,) or (k, m). TOPSIS
    aggregates the raw matrix with `signs` and its `normalization`; every
    other method's registry kernel (`clusterscore.aggregate.AGGREGATIONS`:
    weighted sum, geometric mean, GRA with `rho`, VIKOR with `v`; None is
    the default 0.5, the other method's option is ignored) the normalised
    one. All are batched over weight rows. `rho` and `v` are checked by
    the caller (`RunOptions.checked`).
    """
    if method == "topsis":
        # checked against NORMALIZATIONS_FOR["topsis"] by the callers
        norm = cast("TopsisNormalization", normalization)
        score = _agg.topsis(data, weights, signs, normalization=norm)
    else:
        score = _agg.AGGREGATIONS[method].kernel(
            data, weights, **_own_options(method, rho, v)
        )
    return 100.0 * np.asarray(score, dtype=float)


def dimension_scores(
    method: str,
    data: np.ndarray,
    weights: np.ndarray,
    prep: Prepared,
    normalization: str,
    *,
    rho: float | None = None,
    v: float | None = None,
) -> npt.NDArray[np.float64]:
    """Sub-scores 0-100 per dimension (see `evaluate`, Notes)."""
    if method == "topsis":
        kw: dict[str, Any] = {
            "directions": prep.signs,
            "normalization": normalization,
        }
    else:
        kw = _own_options(method, rho, v)
    sub = np.asarray(
        _agg.dimension_scores(data, weights, prep.groups, method=method, **kw),
        dtype=float,
    )
    # the kernels return a new matrix: scaled where it is (a million rows
    # by five is 40 MB), unless it could be a view of the input
    if sub.flags.writeable and not np.may_share_memory(sub, data):
        sub *= 100.0
        return sub
    return 100.0 * sub


@overload
def competition_ranks(
    scores: np.ndarray, *, average: Literal[False] = False
) -> np.ndarray: ...
@overload
def competition_ranks(
    scores: np.ndarray, *, average: Literal[True]
) -> tuple[np.ndarray, np.ndarray]: ...
@overload
def competition_ranks(
    scores: np.ndarray, *, average: bool
) -> np.ndarray | tuple[np.ndarray, np.ndarray]: ...
def competition_ranks(
    scores: np.ndarray, *, average: bool = False
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Competition ranks of `scores` along the last axis, best first.

    Kernel: no validation. Higher scores rank first; equal scores share
    the smaller rank. With ``average=True`` also the mean of the ranks
    that equal scores span (the ranks of Spearman's rho). Works on one
    score vector (m,) or a batch (k, m), one ranking per row, with one
    sort along the axis (time O(k m log m), memory O(k m)).

    Returns
    -------
    rank : numpy.ndarray of int64, shape of `scores`
    average : numpy.ndarray of float, shape of `scores`
        Only with ``average=True``.

    Examples
    --------
    >>> competition_ranks(np.array([50.0, 70.0, 50.0, 10.0])).tolist()
    [2, 1, 2, 4]
    >>> r, a = competition_ranks(np.array([[50.0, 70.0, 50.0, 10.0]]),
    ...                          average=True)
    >>> r.tolist(), a.tolist()
    ([[2, 1, 2, 4]], [[2.5, 1.0, 2.5, 4.0]])
    """
    if scores.ndim == 1:
        out = competition_ranks(scores[None, :], average=average)
        return tuple(o[0] for o in out) if average else out[0]
    k, m = scores.shape
    # any sort will do: tied scores get the same rank whatever their order,
    # and the default (introsort, SIMD where available) is the fastest;
    # memory O(k m), no m x m comparison
    order = np.argsort(-scores, axis=1)
    # row-wise positions as flat ones: a plain gather and scatter, about
    # twice as fast as take_along_axis / put_along_axis
    flat = (order + (np.arange(k) * m)[:, None]).ravel()
    s = scores.ravel()[flat].reshape(k, m)
    pos = np.broadcast_to(np.arange(m), (k, m))
    start = np.ones((k, m), dtype=bool)
    start[:, 1:] = s[:, 1:] != s[:, :-1]
    rank = np.empty((k, m), dtype=np.int64)
    if start.all():  # no ties: both are the inverse permutation
        rank.ravel()[flat] = (pos + 1).ravel()
        return (rank, rank.astype(float)) if average else rank
    first = np.maximum.accumulate(np.where(start, pos, 0), axis=1)
    rank.ravel()[flat] = (first + 1).ravel()
    if not average:
        return rank
    end = np.ones((k, m), dtype=bool)
    end[:, :-1] = start[:, 1:]
    last = np.minimum.accumulate(np.where(end, pos, m)[:, ::-1], axis=1)
    avg = np.empty((k, m))
    avg.ravel()[flat] = ((first + last[:, ::-1]) / 2.0 + 1.0).ravel()
    return rank, avg
