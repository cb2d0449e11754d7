"""Score and rank clusters: the whole pipeline for one input table.

``evaluate`` validates the table, handles missing values, derives the
subjective (AHP) and objective (entropy) weights, combines them, normalises
the indicators, aggregates them into a 0-100 score with dimension
sub-scores, and ranks the clusters. ``rank_clusters`` returns just the
ranking. Everything the result depends on is recorded in the returned
`Evaluation`, so a ranking can be defended and reproduced.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from clusterscore import aggregate as _agg
from clusterscore import normalize as _norm
from clusterscore._checks import check_option, check_unit_interval
from clusterscore.errors import (
    DataError,
    DegenerateIndicatorWarning,
    FallbackWarning,
)
from clusterscore.io import validate
from clusterscore.judgments.ahp import AHPResult
from clusterscore.system import IndicatorSystem
from clusterscore.weights.combine import COMBINE_METHODS, combine_weights
from clusterscore.weights.entropy import entropy_weights
from clusterscore.weights.hierarchy import system_weights

__all__ = [
    "AGGREGATIONS",
    "ALL_NORMALIZATIONS",
    "DEFAULT_NORMALIZATION",
    "MISSING_POLICIES",
    "NORMALIZATIONS_FOR",
    "WEIGHTINGS",
    "Evaluation",
    "RunOptions",
    "aggregate_scores",
    "competition_ranks",
    "evaluate",
    "evaluate_prepared",
    "hierarchy_weights",
    "normalised",
    "objective_weights",
    "rank_clusters",
    "resolve_normalization",
    "scoring_matrix",
]

WEIGHTINGS = ("ahp", "entropy", "combined")
"""Where the indicator weights come from."""

AGGREGATIONS = tuple(_agg.AGGREGATIONS)
"""How normalised indicators are aggregated into a score."""

NORMALIZATIONS_FOR = {
    "weighted_sum": ("minmax", "target", "percentile"),
    "geometric": ("minmax", "target", "percentile"),
    "topsis": _agg.TOPSIS_NORMALIZATIONS,
}
"""The normalisations each aggregation accepts (z-scores are excluded:
scores must stay in 0-100); the first is the default."""

DEFAULT_NORMALIZATION = {
    m: norms[0] for m, norms in NORMALIZATIONS_FOR.items()
}
"""The normalisation used when ``normalization=None``."""

ALL_NORMALIZATIONS = tuple(
    dict.fromkeys(n for norms in NORMALIZATIONS_FOR.values() for n in norms)
)
"""Every normalisation some aggregation accepts (minmax, target,
percentile, vector)."""


def resolve_normalization(method: str, normalization: str | None) -> str:
    """Return the normalisation `method` uses when `normalization` is asked.

    The one rule: a normalisation the method accepts (`NORMALIZATIONS_FOR`)
    is used as given; None, or one the method does not accept, gives the
    method's default (`DEFAULT_NORMALIZATION`). `evaluate` refuses a
    normalisation the method does not accept before asking;
    `clusterscore.uncertainty` draws methods and normalisations
    independently and relies on the substitution.

    Examples
    --------
    >>> resolve_normalization("topsis", None)
    'vector'
    >>> resolve_normalization("topsis", "target")
    'vector'
    >>> resolve_normalization("geometric", "percentile")
    'percentile'
    """
    if (
        normalization is None
        or normalization not in NORMALIZATIONS_FOR[method]
    ):
        return DEFAULT_NORMALIZATION[method]
    return normalization


MISSING_POLICIES = ("refuse", "median", "drop_indicator")
"""What to do with missing values (NaN cells) in the table."""

COMBINATIONS = tuple(COMBINE_METHODS)

MIN_TYPE_VALUES = 3
"""Fewest known values of an indicator within a cluster type for the
type's median to be used; below it the median of all clusters is used."""


@dataclass(frozen=True)
class RunOptions:
    """The options of one scoring run, after defaults were filled in.

    The one record of a run's options: `evaluate` builds it from its
    arguments (`checked`), `clusterscore.uncertainty` builds the nominal
    run of `uncertainty` and `sensitivity` from theirs, and
    `evaluate_prepared` scores with it. ``Evaluation.options`` is its
    `as_dict` (a plain dict, as before the record existed).

    Attributes
    ----------
    weighting, method, normalization, combine, alpha, by_type, missing, \
ahp_method
        As for `evaluate`; `normalization` is resolved (never None).
    system : str
        The indicator system's path, or its id when it has none.
    """

    weighting: str = "combined"
    method: str = "weighted_sum"
    normalization: str = "minmax"
    combine: str = "multiplicative"
    alpha: float = 0.5
    by_type: bool = False
    missing: str = "refuse"
    ahp_method: str = "eigenvector"
    system: str = ""

    @classmethod
    def checked(
        cls,
        fn: str,
        *,
        weighting: str,
        method: str,
        normalization: str | None,
        combine: str,
        alpha: float,
        by_type: bool,
        missing: str,
        ahp_method: str,
    ) -> RunOptions:
        """Validate the options of `fn` and return them as a record.

        The record's `system` is left empty for the caller to fill in
        (``dataclasses.replace``) once the system is loaded.
        """
        check_option(fn, "weighting", weighting, WEIGHTINGS)
        check_option(fn, "method", method, AGGREGATIONS)
        check_option(fn, "combine", combine, COMBINATIONS)
        check_option(fn, "missing", missing, MISSING_POLICIES)
        alpha = check_unit_interval(fn, "alpha", alpha)
        if normalization is not None:
            check_option(
                fn, "normalization", normalization, NORMALIZATIONS_FOR[method]
            )
        return cls(
            weighting=weighting,
            method=method,
            normalization=resolve_normalization(method, normalization),
            combine=combine,
            alpha=alpha,
            by_type=bool(by_type),
            missing=missing,
            ahp_method=ahp_method,
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the options as a dict (field order), as `Evaluation` has."""
        return asdict(self)


@dataclass(frozen=True)
class Evaluation:
    """Everything one evaluation produced, and how.

    Attributes
    ----------
    ranking : pandas.DataFrame
        Indexed by ``cluster``, best first: ``type``, ``score`` (0-100),
        ``rank`` (1 is best; ties share the smaller rank) and one 0-100
        sub-score column per dimension id. With ``by_type=True`` the rows
        are grouped by type (in the system's order) and ranked within it.
    weights : pandas.DataFrame
        One row per indicator (a ``(type, indicator)`` MultiIndex when
        ``by_type=True``): ``dimension``, ``ahp`` (global AHP weight),
        ``entropy``, ``combined`` and ``used`` (the weights that scored the
        clusters, per the ``weighting`` option). Each weight column sums
        to 1 per type; ``entropy`` is NaN where it was not computable and
        not needed.
    judgments : Mapping[str, AHPResult]
        Every AHP matrix used, by name (``"dimensions/basic"``, ...).
    options : Mapping[str, Any]
        The options of the call, after defaults were filled in.
    version : str
        The clusterscore version that computed it.
    imputed : pandas.DataFrame
        Cells filled in by ``missing="median"``: ``cluster``,
        ``indicator``, ``value``, ``basis`` (``"type"`` or ``"all"``).
    dropped : tuple of str
        Indicators dropped by ``missing="drop_indicator"``.
    table : pandas.DataFrame
        The validated (and imputed) input table that was scored.
    system : IndicatorSystem
        The indicator system used.
    """

    ranking: pd.DataFrame
    weights: pd.DataFrame
    judgments: Mapping[str, AHPResult]
    options: Mapping[str, Any]
    version: str
    imputed: pd.DataFrame
    dropped: tuple[str, ...]
    table: pd.DataFrame = field(repr=False)
    system: IndicatorSystem = field(repr=False)

    @cached_property
    def gaps(self) -> pd.DataFrame:
        """Per-indicator gaps against the system's benchmark targets.

        Equal to ``flag_gaps(ev.table, ev.system, benchmark="system")``.
        Cells left empty by ``missing="drop_indicator"`` have severity
        ``"no data"``; cells filled by ``missing="median"`` are judged on
        the imputed value (see `imputed`).
        """
        from clusterscore.gaps import flag_gaps

        return flag_gaps(
            self.table,
            self.system,
            benchmark="system",
            allow_missing=self.options["missing"] != "refuse",
        )

    def dimension_gaps(self, **kwargs: Any) -> pd.DataFrame:
        """Per (cluster, dimension) attainment; see `dimension_gaps`."""
        from clusterscore.gaps import dimension_gaps

        kwargs.setdefault("allow_missing", self.options["missing"] != "refuse")
        return dimension_gaps(self.table, self.system, **kwargs)

    def summary(self) -> str:
        """Return a short text saying which weights and methods were used."""
        o = self.options
        lines = [
            f"clusterscore {self.version}: {len(self.ranking)} clusters, "
            f"{int(self.weights['used'].gt(0).sum())} weighted indicators",
            f"weighting={o['weighting']} (combine={o['combine']}, "
            f"alpha={o['alpha']}), method={o['method']}, "
            f"normalization={o['normalization']}, by_type={o['by_type']}, "
            f"missing={o['missing']}",
        ]
        crs = ", ".join(
            f"{name} CR={r.cr:.4f}" for name, r in self.judgments.items()
        )
        lines.append(f"AHP matrices: {crs}")
        if len(self.imputed):
            lines.append(f"imputed {len(self.imputed)} cell(s) by median")
        if self.dropped:
            lines.append(f"dropped indicator(s): {', '.join(self.dropped)}")
        return "\n".join(lines)


# --------------------------------------------------------------------------
# the pipeline
# --------------------------------------------------------------------------


def evaluate(
    df: pd.DataFrame,
    system: IndicatorSystem | None = None,
    *,
    weighting: str = "combined",
    method: str = "weighted_sum",
    normalization: str | None = None,
    combine: str = "multiplicative",
    alpha: float = 0.5,
    by_type: bool = False,
    missing: str = "refuse",
    ahp_method: str = "eigenvector",
) -> Evaluation:
    r"""Score, rank and explain a table of clusters.

    Parameters
    ----------
    df : pandas.DataFrame
        The input table: ``cluster``, ``type``, optional ``region`` and
        ``province``, one column per indicator id. Never modified.
    system : IndicatorSystem, optional
        The indicator system; the default system when omitted.
    weighting : {"combined", "ahp", "entropy"}
        Subjective AHP weights, objective entropy weights, or both combined.
    method : {"weighted_sum", "geometric", "topsis"}
        The aggregation.
    normalization : str, optional
        For ``weighted_sum`` and ``geometric``: ``"minmax"`` (default),
        ``"target"`` (value relative to the cluster type's benchmark
        target), ``"zscore"`` is not allowed (scores must stay in 0-100),
        ``"percentile"``. For ``topsis``: ``"vector"`` (default) or
        ``"minmax"``.
    combine : {"multiplicative", "linear", "game_theory"}
        How AHP and entropy weights are combined (``weighting="combined"``).
    alpha : float
        The AHP share for ``combine="linear"``, in [0, 1].
    by_type : bool
        Score each cluster type with its own judgments and its own entropy
        weights, and rank within the type. Otherwise all clusters are
        scored together with the type-agnostic ("default") judgments.
    missing : {"refuse", "median", "drop_indicator"}
        ``"refuse"`` raises a `DataError` listing every missing cell;
        ``"median"`` fills a cell with the median of its cluster type (of
        all clusters when the type has fewer than 3 known values);
        ``"drop_indicator"`` drops every indicator with a hole and
        renormalises its dimension's AHP weights.
    ahp_method : {"eigenvector", "geometric", "arithmetic"}
        How AHP priorities are derived from each matrix.

    Returns
    -------
    Evaluation
        ``ev.ranking`` is what `rank_clusters` returns.

    Notes
    -----
    With weights :math:`w_j` (summing to 1) and normalised values
    :math:`y_{ij} \in [0, 1]`, the weighted-sum score is
    :math:`S_i = 100 \sum_j w_j y_{ij}`; the sub-score of dimension
    :math:`d` is :math:`S_{id} = 100 \sum_{j \in d} w_j y_{ij} / W_d` with
    :math:`W_d = \sum_{j \in d} w_j`, so that
    :math:`S_i = \sum_d W_d S_{id}`. For the geometric mean the same holds
    multiplicatively: :math:`S_i = \prod_d S_{id}^{W_d}`. For TOPSIS the
    score is 100 times the closeness coefficient, and a sub-score is the
    closeness computed on that dimension's indicators alone (it does not
    decompose the score). See ``docs/methodology.md``.

    Rows are put in a canonical order (by cluster name) before anything is
    computed, so the result does not depend on the input's row order.
    Equal scores share the smaller rank; tied clusters are listed by name.

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill.
    .. [2] Shannon, C. E. (1948). A mathematical theory of communication.
       Bell System Technical Journal 27, 379-423 (entropy weights).
    .. [3] Hwang, C. L. & Yoon, K. (1981). Multiple Attribute Decision
       Making. Springer (TOPSIS).
    .. [4] OECD/JRC (2008). Handbook on Constructing Composite Indicators.
    """
    from clusterscore.system import load_system

    opts = RunOptions.checked(
        "evaluate",
        weighting=weighting,
        method=method,
        normalization=normalization,
        combine=combine,
        alpha=alpha,
        by_type=by_type,
        missing=missing,
        ahp_method=ahp_method,
    )
    if system is None:
        system = load_system()
    opts = replace(opts, system=system.path or system.id)
    return evaluate_prepared(
        prepare(df, system, missing=missing), system, opts
    )


def evaluate_prepared(
    prep: Prepared, system: IndicatorSystem, options: RunOptions
) -> Evaluation:
    """Score a prepared table with checked options.

    `evaluate` is `prepare` (validation, once) followed by this.

    Parameters
    ----------
    prep : Prepared
        The table as `prepare` returns it (validated once).
    system : IndicatorSystem
        The system `prep` was prepared with.
    options : RunOptions
        Checked options.

    Returns
    -------
    Evaluation
    """
    from clusterscore import __version__

    opts = options.as_dict()
    if options.by_type:
        segments = [
            (t, np.flatnonzero(prep.types == t))
            for t in system.cluster_types
            if np.any(prep.types == t)
        ]
    else:
        segments = [(None, np.arange(len(prep.clusters)))]

    m = len(prep.clusters)
    scores = np.empty(m)
    subs = np.empty((m, len(prep.dimensions)))
    rank = np.empty(m, dtype=np.int64)
    weight_tables = []
    judgments: dict[str, AHPResult] = {}
    for cluster_type, rows in segments:
        seg = _score_segment(prep, system, rows, cluster_type, opts, judgments)
        scores[rows], subs[rows], table = seg
        rank[rows] = competition_ranks(scores[rows])
        if cluster_type is not None:
            table.index = pd.MultiIndex.from_product(
                [[cluster_type], table.index], names=["type", "indicator"]
            )
        weight_tables.append(table)
    return Evaluation(
        ranking=_ranking_frame(prep, system, scores, subs, rank, options),
        weights=pd.concat(weight_tables),
        judgments=judgments,
        options=opts,
        version=__version__,
        imputed=prep.imputed,
        dropped=prep.dropped,
        table=prep.table,
        system=system,
    )


def _ranking_frame(prep, system, scores, subs, rank, options):
    """Return the ranking table: best first (within type with ``by_type``)."""
    m = len(prep.clusters)
    ranking = pd.DataFrame(
        {"type": prep.types, "score": scores, "rank": rank},
        index=pd.Index(prep.clusters, name="cluster"),
    )
    for k, d in enumerate(prep.dimensions):
        ranking[d] = subs[:, k]
    for d in system.dimension_ids:  # a dimension dropped whole: no score
        if d not in ranking.columns:
            ranking[d] = np.nan
    ranking = ranking[["type", "score", "rank", *system.dimension_ids]]
    type_order = {t: k for k, t in enumerate(system.cluster_types)}
    order = np.lexsort(
        (
            prep.clusters,
            rank,
            [type_order[t] for t in prep.types]
            if options.by_type
            else np.zeros(m, dtype=int),
        )
    )
    return ranking.iloc[order]


def rank_clusters(
    df: pd.DataFrame,
    system: IndicatorSystem | None = None,
    *,
    weighting: str = "combined",
    method: str = "weighted_sum",
    **options: Any,
) -> pd.DataFrame:
    """Return the ranking of `evaluate` (same arguments, same result).

    Parameters
    ----------
    df, system, weighting, method, **options
        As for `evaluate`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``cluster``, best first, with columns ``type``,
        ``score`` (0-100), ``rank`` and one sub-score per dimension id.
    """
    return evaluate(
        df, system, weighting=weighting, method=method, **options
    ).ranking


# --------------------------------------------------------------------------
# preparation: validated, imputed, canonically ordered arrays
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """The input table as arrays, ready to score.

    Rows are sorted by cluster name; columns are the kept indicators in the
    system's order. Shared with `clusterscore.uncertainty`.
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
    table = table.sort_values("cluster", kind="stable").reset_index(drop=True)
    ids = list(system.indicator_ids)
    values = table[ids].to_numpy(dtype=float)
    types = table["type"].to_numpy(dtype=object)
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
        table = table.copy()
        table[ids] = values
    elif holes.any() and missing == "drop_indicator":
        keep = ~holes.any(axis=0)
        dropped = tuple(i for i, k in zip(ids, keep, strict=True) if not k)
        if not keep.any():
            raise DataError(
                "evaluate(): missing='drop_indicator' would drop every "
                "indicator: each one has at least one missing value."
            )
        ids = [i for i, k in zip(ids, keep, strict=True) if k]
        values = values[:, keep]
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
    )


def _impute_median(values, holes, types, table, ids):
    """Fill holes with the type's median, else the median of all rows."""
    empty = holes.all(axis=0)
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

    .. math:: w_j = rac{u_j}{\sum_{i \in d(j)} u_i}
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
    return glob / glob.sum(axis=-1, keepdims=True)


def _group_sums(x: np.ndarray, groups: np.ndarray, n_groups: int):
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
    ahp_method: str = "eigenvector",
) -> tuple[np.ndarray, dict[str, AHPResult]]:
    """Global AHP weights of the kept `indicators`, and the AHP results.

    Local weights are renormalised within each dimension over the kept
    indicators, and dimension weights over the dimensions that keep at
    least one indicator; the global weight is their product
    (`hierarchy_weights`).
    """
    hw = system_weights(system, cluster_type, method=ahp_method)
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


def objective_weights(
    Y_minmax: np.ndarray,
    names: list[str],
    cluster_type: str | None,
    weighting: str,
) -> np.ndarray | None:
    """Entropy weights from the min-max matrix, or None for one cluster.

    Entropy on min-max data is by definition the entropy of the column
    shares of the min-max matrix. A type with one cluster has no entropy
    weights: its clusters are scored with the AHP weights, with a
    `FallbackWarning`. With ``weighting="ahp"`` the entropy weights are
    only reported, so a table on which they are undefined gives None,
    silently.
    """
    shares = pd.DataFrame(Y_minmax, columns=names, copy=False)
    if weighting == "ahp":
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DegenerateIndicatorWarning)
                return entropy_weights(shares, normalization="sum").to_numpy()
        except DataError:
            return None
    if Y_minmax.shape[0] >= 2:
        return entropy_weights(shares, normalization="sum").to_numpy()
    warnings.warn(
        f"evaluate(): cluster type {cluster_type!r} has a single cluster, "
        "so entropy weights are undefined for it; its clusters are scored "
        "with the AHP weights alone.",
        FallbackWarning,
        stacklevel=5,
    )
    return None


def normalised(X, signs, method, system, types, names):
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
    X, signs, method, normalization, system, types, names, *, minmax=None
):
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


def aggregate_scores(method, data, weights, signs, normalization):
    """Scores 0-100 (higher is better) of the rows of `data`; batched.

    `data` is `scoring_matrix` of the method; `weights` is one weight
    vector (n,) or a batch (k, n), giving scores (m,) or (k, m). The
    weighted sum and geometric mean aggregate the normalised matrix, TOPSIS
    the raw one with `signs` and its `normalization`; all three are
    batched over weight rows by `clusterscore.aggregate`.
    """
    if method == "weighted_sum":
        score = _agg.weighted_sum(data, weights)
    elif method == "geometric":
        score = _agg.weighted_geometric(data, weights)
    else:
        score = _agg.topsis(data, weights, signs, normalization=normalization)
    return 100.0 * np.asarray(score, dtype=float)


def _dimension_scores(method, data, weights, prep, normalization):
    """Sub-scores 0-100 per dimension (see `evaluate`, Notes)."""
    if method == "topsis":
        kw = {"directions": prep.signs, "normalization": normalization}
    else:
        kw = {}
    sub = _agg.dimension_scores(
        data, weights, prep.groups, method=method, **kw
    )
    return 100.0 * np.asarray(sub)


def competition_ranks(
    scores: np.ndarray, *, average: bool = False
) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Competition ranks of `scores` along the last axis, best first.

    Kernel: no validation. Higher scores rank first; equal scores share
    the smaller rank. With ``average=True`` also the mean of the ranks
    that equal scores span (the ranks of Spearman's rho). Works on one
    score vector (m,) or a batch (k, m), one ranking per row, with one
    sort along the axis.

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
    order = np.argsort(-scores, axis=1, kind="stable")
    s = np.take_along_axis(scores, order, axis=1)
    pos = np.broadcast_to(np.arange(m), (k, m))
    start = np.ones((k, m), dtype=bool)
    start[:, 1:] = s[:, 1:] != s[:, :-1]
    rank = np.empty((k, m), dtype=np.int64)
    if start.all():  # no ties: both are the inverse permutation
        np.put_along_axis(rank, order, pos + 1, axis=1)
        return (rank, rank.astype(float)) if average else rank
    first = np.maximum.accumulate(np.where(start, pos, 0), axis=1)
    np.put_along_axis(rank, order, first + 1, axis=1)
    if not average:
        return rank
    end = np.ones((k, m), dtype=bool)
    end[:, :-1] = start[:, 1:]
    last = np.minimum.accumulate(np.where(end, pos, m)[:, ::-1], axis=1)
    avg = np.empty((k, m))
    np.put_along_axis(avg, order, (first + last[:, ::-1]) / 2.0 + 1.0, axis=1)
    return rank, avg


# --------------------------------------------------------------------------
# one segment (all clusters, or one type)
# --------------------------------------------------------------------------


def _score_segment(prep, system, rows, cluster_type, options, judgments):
    """Weights, scores (0-100) and sub-scores (0-100) of one segment.

    `options` is the dict of a `RunOptions`. The direction-aware min-max
    matrix is computed once and serves twice: its column shares give the
    entropy weights and, with ``normalization="minmax"``, it is the matrix
    that is aggregated.
    """
    # rows are sorted positions; all of them (the pooled ranking) means the
    # prepared matrix itself, with no copy
    X = prep.X if len(rows) == len(prep.X) else prep.X[rows]
    signs = prep.signs
    names = list(prep.indicators)
    w_ahp, used_j = subjective_weights(
        system, cluster_type, prep.indicators, ahp_method=options["ahp_method"]
    )
    judgments.update(used_j)
    weighting = options["weighting"]
    method = options["method"]
    norm = options["normalization"]
    Y_minmax = _norm.normalize(X, signs, method="minmax")
    w_ent = objective_weights(Y_minmax, names, cluster_type, weighting)
    if w_ent is None:
        w_comb = w_ahp
    else:
        w_comb = np.asarray(
            combine_weights(
                w_ahp, w_ent, method=options["combine"], alpha=options["alpha"]
            ),
            dtype=float,
        )
    used = {"ahp": w_ahp, "entropy": w_ent, "combined": w_comb}[weighting]
    used = np.asarray(w_ahp if used is None else used, dtype=float)
    data = scoring_matrix(
        X,
        signs,
        method,
        norm,
        system,
        prep.types[rows],
        names,
        minmax=Y_minmax,
    )
    del Y_minmax  # free it unless it is `data`
    table = pd.DataFrame(
        {
            "dimension": [system.indicator(i).dimension for i in names],
            "ahp": w_ahp,
            "entropy": np.nan if w_ent is None else w_ent,
            "combined": w_comb,
            "used": used,
        },
        index=pd.Index(names, name="indicator"),
    )
    return (
        aggregate_scores(method, data, used, signs, norm),
        _dimension_scores(method, data, used, prep, norm),
        table,
    )
