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
from dataclasses import dataclass, field
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
    "DEFAULT_NORMALIZATION",
    "MISSING_POLICIES",
    "NORMALIZATIONS_FOR",
    "WEIGHTINGS",
    "Evaluation",
    "evaluate",
    "rank_clusters",
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

MISSING_POLICIES = ("refuse", "median", "drop_indicator")
"""What to do with missing values (NaN cells) in the table."""

COMBINATIONS = tuple(COMBINE_METHODS)

MIN_TYPE_VALUES = 3
"""Fewest known values of an indicator within a cluster type for the
type's median to be used; below it the median of all clusters is used."""


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
    from clusterscore import __version__
    from clusterscore.system import load_system

    fn = "evaluate"
    check_option(fn, "weighting", weighting, WEIGHTINGS)
    check_option(fn, "method", method, AGGREGATIONS)
    check_option(fn, "combine", combine, COMBINATIONS)
    check_option(fn, "missing", missing, MISSING_POLICIES)
    alpha = check_unit_interval(fn, "alpha", alpha)
    if normalization is None:
        normalization = DEFAULT_NORMALIZATION[method]
    check_option(
        fn, "normalization", normalization, NORMALIZATIONS_FOR[method]
    )
    if system is None:
        system = load_system()

    prep = prepare(df, system, missing=missing)
    options = {
        "weighting": weighting,
        "method": method,
        "normalization": normalization,
        "combine": combine,
        "alpha": alpha,
        "by_type": bool(by_type),
        "missing": missing,
        "ahp_method": ahp_method,
        "system": system.path or system.id,
    }

    if by_type:
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
        seg = _score_segment(
            prep, system, rows, cluster_type, options, judgments
        )
        scores[rows], subs[rows], table = seg
        rank[rows] = _min_rank(scores[rows])
        if cluster_type is not None:
            table.index = pd.MultiIndex.from_product(
                [[cluster_type], table.index], names=["type", "indicator"]
            )
        weight_tables.append(table)

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
            if by_type
            else np.zeros(m, dtype=int),
        )
    )
    ranking = ranking.iloc[order]

    return Evaluation(
        ranking=ranking,
        weights=pd.concat(weight_tables),
        judgments=judgments,
        options=options,
        version=__version__,
        imputed=prep.imputed,
        dropped=prep.dropped,
        table=prep.table,
        system=system,
    )


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
# one segment (all clusters, or one type)
# --------------------------------------------------------------------------


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
    least one indicator; the global weight is their product.
    """
    hw = system_weights(system, cluster_type, method=ahp_method)
    tab = hw.table.loc[list(indicators)]
    local = tab["local_weight"].to_numpy(dtype=float)
    dim_of = tab["dimension"].to_numpy(dtype=object)
    local_sum = pd.Series(local).groupby(dim_of).transform("sum").to_numpy()
    dim_w = (
        tab.groupby("dimension", sort=False)["dimension_weight"]
        .first()
        .to_dict()
    )
    total_dim = sum(dim_w.values())
    glob = local / local_sum * np.array([dim_w[d] for d in dim_of]) / total_dim
    return glob / glob.sum(), dict(hw.judgments)


def _score_segment(prep, system, rows, cluster_type, options, judgments):
    """Weights, scores (0-100) and sub-scores (0-100) of one segment.

    The direction-aware min-max matrix is computed once and serves twice:
    its column shares give the entropy weights (entropy on min-max data is
    by definition the entropy of the shares of the min-max matrix) and,
    with ``normalization="minmax"``, it is the matrix that is aggregated.
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
    w_ent = _entropy_or_fallback(Y_minmax, names, cluster_type, weighting)
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

    if method == "topsis":
        del Y_minmax  # TOPSIS normalises the raw matrix itself
        score = _agg.topsis(X, used, signs, normalization=norm)
        sub = _agg.dimension_scores(
            X,
            used,
            prep.groups,
            method="topsis",
            directions=signs,
            normalization=norm,
        )
    else:
        if norm == "minmax":
            Y = Y_minmax
        else:
            del Y_minmax
            Y = _normalised(X, signs, norm, system, prep.types[rows], names)
        if method == "weighted_sum":
            score = _agg.weighted_sum(Y, used)
            sub = _agg.dimension_scores(
                Y, used, prep.groups, method="weighted_sum"
            )
        else:
            score = _agg.weighted_geometric(Y, used)
            sub = _agg.dimension_scores(
                Y, used, prep.groups, method="geometric"
            )
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
    return 100.0 * np.asarray(score), 100.0 * np.asarray(sub), table


def _entropy_or_fallback(Y_minmax, names, cluster_type, weighting):
    """Entropy weights from the min-max matrix, or None for one cluster.

    A type with one cluster has no entropy weights: its clusters are
    scored with the AHP weights, with a `FallbackWarning`. With
    ``weighting="ahp"`` the entropy weights are only reported, so a table
    on which they are undefined gives None, silently.
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
        stacklevel=4,
    )
    return None


def _normalised(X, signs, method, system, types, names):
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


def _min_rank(scores: np.ndarray) -> np.ndarray:
    """Competition ranks, best first; equal scores share the smaller rank.

    Examples
    --------
    >>> _min_rank(np.array([50.0, 70.0, 50.0, 10.0])).tolist()
    [2, 1, 2, 4]
    """
    order = np.argsort(-scores)  # ties get one rank whatever their order
    s = scores[order]
    new = np.r_[True, s[1:] != s[:-1]]
    first = np.maximum.accumulate(np.where(new, np.arange(len(s)), 0))
    ranks = np.empty(len(s), dtype=np.int64)
    ranks[order] = first + 1
    return ranks
