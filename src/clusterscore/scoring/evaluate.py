"""Score and rank clusters: the whole pipeline for one input table.

``evaluate`` validates the table, handles missing values, derives the
subjective (AHP) and objective (entropy) weights, combines them, normalises
the indicators, aggregates them into a 0-100 score with dimension
sub-scores, and ranks the clusters. ``rank_clusters`` returns just the
ranking. Everything the result depends on is recorded in the returned
`Evaluation`, so a ranking can be defended and reproduced.

The stages evaluate runs on the prepared arrays (weights, normalisation,
aggregation, ranks) live in `clusterscore.scoring.stages`, and the options
record `RunOptions` in `clusterscore.scoring.options`; both are re-exported
here, and `clusterscore.uncertainty` scores its samples with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from clusterscore import normalize as _norm
from clusterscore._version import __version__
from clusterscore.gaps import dimension_gaps, flag_gaps
from clusterscore.judgments import MAX_CR
from clusterscore.judgments.ahp import AHPResult
from clusterscore.scoring.options import (
    AGGREGATIONS,
    ALL_NORMALIZATIONS,
    COMBINATIONS,
    DEFAULT_NORMALIZATION,
    NORMALIZATIONS_FOR,
    WEIGHTINGS,
    RunOptions,
    resolve_normalization,
)
from clusterscore.scoring.panel import (
    PANEL_MODES,
    check_panel,
    panel_changes,
    panel_notes,
    panel_ranks,
    panel_segments,
)
from clusterscore.scoring.stages import (
    MIN_TYPE_VALUES,
    MISSING_POLICIES,
    Prepared,
    aggregate_scores,
    competition_ranks,
    dimension_scores,
    hierarchy_weights,
    normalised,
    objective_weights,
    prepare,
    scoring_matrix,
    subjective_weights,
)
from clusterscore.system import IndicatorSystem, load_system
from clusterscore.weights.combine import combine_weights

if TYPE_CHECKING:
    from clusterscore.judgments.priorities import AHPMethod
    from clusterscore.judgments.scales import RITable
    from clusterscore.scoring.options import (
        Aggregation,
        Combination,
        Normalization,
        Weighting,
    )
    from clusterscore.scoring.panel import PanelMode
    from clusterscore.scoring.stages import MissingPolicy, Objective

__all__ = [
    "AGGREGATIONS",
    "ALL_NORMALIZATIONS",
    "COMBINATIONS",
    "DEFAULT_NORMALIZATION",
    "MIN_TYPE_VALUES",
    "MISSING_POLICIES",
    "NORMALIZATIONS_FOR",
    "PANEL_MODES",
    "WEIGHTINGS",
    "Evaluation",
    "Prepared",
    "RunOptions",
    "aggregate_scores",
    "competition_ranks",
    "dimension_scores",
    "evaluate",
    "evaluate_prepared",
    "hierarchy_weights",
    "normalised",
    "objective_weights",
    "prepare",
    "rank_clusters",
    "resolve_normalization",
    "scoring_matrix",
    "subjective_weights",
]


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
        On a panel: indexed by ``(year, cluster)``, one row per
        cluster-year, ranked within each year, with ``rank_change`` and
        ``score_change`` after ``rank`` (see
        `clusterscore.scoring.panel`).
    weights : pandas.DataFrame
        One row per indicator (a ``(type, indicator)`` MultiIndex when
        ``by_type=True``): ``dimension``, ``ahp`` (global AHP weight), the
        objective weight column named after the ``objective`` option
        (``entropy``, ``critic`` or ``std``: only that one),
        ``combined`` (AHP combined with it) and ``used`` (the weights that
        scored the clusters, per the ``weighting`` option). Each weight
        column sums to 1 per type and is never NaN: where the objective
        weights are undefined (a type or table with a single cluster,
        say) the objective column repeats the AHP weights that stood in
        for them, and a `FallbackWarning` names the type or table. With
        ``panel="per_year"`` a ``year`` level leads the index (one set of
        weights per year).
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
        return flag_gaps(
            self.table,
            self.system,
            benchmark="system",
            allow_missing=self.options["missing"] != "refuse",
        )

    def dimension_gaps(self, **kwargs: Any) -> pd.DataFrame:
        """Per (cluster, dimension) attainment; see `dimension_gaps`."""
        kwargs.setdefault("allow_missing", self.options["missing"] != "refuse")
        return dimension_gaps(self.table, self.system, **kwargs)

    def __repr__(self) -> str:
        """Return one line: size, options, the top of the ranking."""
        o = self.options
        top = self.ranking.head(3)
        best = ", ".join(
            f"{c} ({s:.1f})"
            for c, s in zip(top.index, top["score"], strict=True)
        )
        return (
            f"Evaluation({len(self.ranking)} clusters, "
            f"{len(self.weights)} indicator weights, "
            f"weighting={o['weighting']!r}, method={o['method']!r}, "
            f"normalization={o['normalization']!r}, "
            f"by_type={o['by_type']}; top: {best})"
        )

    def _repr_html_(self) -> str:
        """Return the options and the first ranks as HTML, for notebooks."""
        import html

        o = self.options
        opts = ", ".join(f"{k}={v}" for k, v in o.items() if k != "system")
        return (
            f"<div><strong>Evaluation</strong>: {len(self.ranking)} "
            f"clusters, {len(self.weights)} indicator weights<br>"
            f"<small>{html.escape(opts)}</small>"
            f"{self.ranking.head(10).to_html(float_format='{:.2f}'.format)}"
            "</div>"
        )

    def summary(self) -> str:
        """Return a short text saying which weights and methods were used."""
        o = self.options
        rows = "cluster-years" if "panel" in o else "clusters"
        # GRA's rho / VIKOR's v, in the options of their method only
        own = "".join(f" ({k}={o[k]})" for k in ("rho", "v") if k in o)
        lines = [
            f"clusterscore {self.version}: {len(self.ranking)} {rows}, "
            f"{int(self.weights['used'].gt(0).sum())} weighted indicators",
            f"weighting={o['weighting']} (combine={o['combine']}, "
            f"alpha={o['alpha']}), method={o['method']}{own}, "
            f"normalization={o['normalization']}, by_type={o['by_type']}, "
            f"missing={o['missing']}",
            f"objective={o['objective']}, ri={o['ri']}, max_cr={o['max_cr']}",
        ]
        crs = ", ".join(
            f"{name} CR={r.cr:.4f}" for name, r in self.judgments.items()
        )
        lines.append(f"AHP matrices: {crs}")
        lines += panel_notes(o.get("panel"))
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
    weighting: Weighting = "combined",
    method: Aggregation = "weighted_sum",
    normalization: Normalization | None = None,
    combine: Combination = "multiplicative",
    alpha: float = 0.5,
    by_type: bool = False,
    missing: MissingPolicy = "refuse",
    ahp_method: AHPMethod = "eigenvector",
    panel: PanelMode | None = None,
    objective: Objective = "entropy",
    ri: RITable = "saaty",
    max_cr: float | None = MAX_CR,
    rho: float | None = None,
    v: float | None = None,
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
        Subjective AHP weights, objective weights (of the `objective`
        method; ``"entropy"`` names the objective side whatever the
        method), or both combined.
    method : {"weighted_sum", "geometric", "topsis", "gra", "vikor"}
        The aggregation (`clusterscore.aggregate.AGGREGATIONS`).
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
    panel : {"global", "per_year"}, optional
        Only for a panel (a table with a ``year`` column), where it
        defaults to ``"global"``: the global entropy method, one min-max
        normalisation and one set of entropy weights over all
        cluster-years, so scores compare across years; ``"per_year"``
        scores each year on its own. Either way clusters are ranked
        within each year. See `clusterscore.scoring.panel`.
    objective : {"entropy", "critic", "std"}
        The objective weights, on the direction-aware min-max matrix:
        Shannon entropy, CRITIC (Diakoulaki et al. 1995) or the standard
        deviation (`objective_weights`). ``ev.weights`` names its column
        after it.
    ri : str
        The random-index table of the consistency ratios (a key of
        `clusterscore.judgments.RI_TABLES`, as `clusterscore.judgments.ahp`
        accepts).
    max_cr : float or None
        Refuse a judgment matrix of the system whose CR exceeds this
        (default 0.10, Saaty 1980); None accepts every matrix (see
        `clusterscore.weights.system_weights`).
    rho : float, optional
        Only for ``method="gra"``: the distinguishing coefficient of the
        grey relational coefficients, in (0, 1]; default 0.5 (Deng 1982).
    v : float, optional
        Only for ``method="vikor"``: the weight of the strategy of
        maximum group utility, in [0, 1]; default 0.5 (Opricovic & Tzeng
        2004).

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
        objective=objective,
        ri=ri,
        max_cr=max_cr,
        rho=rho,
        v=v,
    )
    if system is None:
        system = load_system()
    prep = prepare(df, system, missing=missing)
    mode = check_panel("evaluate", panel, prep.years is not None)
    opts = replace(opts, system=system.path or system.id, panel=mode)
    return evaluate_prepared(prep, system, opts)


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
    opts = options.as_dict()
    segments = panel_segments(prep, system, options.by_type, options.panel)

    m = len(prep.clusters)
    scores = np.empty(m)
    # one column per dimension, each contiguous (the ranking takes columns)
    subs = np.empty((m, len(prep.dimensions)), order="F")
    rank = np.empty(m, dtype=np.int64)
    weight_tables = []
    judgments: dict[str, AHPResult] = {}
    for cluster_type, year, rows in segments:
        seg = _score_segment(
            prep, system, rows, cluster_type, opts, judgments, year
        )
        # every row (the pooled ranking): a slice, not a gather
        at = slice(None) if len(rows) == m else rows
        scores[at], subs[at], table = seg
        rank[at] = competition_ranks(scores[at])
        if cluster_type is not None:
            table.index = pd.MultiIndex.from_product(
                [[cluster_type], table.index], names=["type", "indicator"]
            )
        if year is not None:
            table = pd.concat({year: table}, names=["year"])
        weight_tables.append(table)
    if prep.years is not None:
        rank = panel_ranks(scores, prep.years, prep.types, options.by_type)
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


def _ranking_frame(
    prep: Prepared,
    system: IndicatorSystem,
    scores: np.ndarray,
    subs: np.ndarray,
    rank: np.ndarray,
    options: RunOptions,
) -> pd.DataFrame:
    """Return the ranking table: best first (within type with ``by_type``).

    The rows are put in order once (`_ranking_order`) and the frame is
    built from the ordered arrays: the scores as one float block, the
    types through their codes (a gather of small integers; gathering the
    object array itself costs several times more), the names checked as
    str in the order they are stored and then put in rank order.
    """
    # a handful of type ids: the codes of the system's types (validated)
    codes, words = pd.factorize(prep.types)
    order = _ranking_order(prep, system, rank, codes, words, options.by_type)
    at = {d: k for k, d in enumerate(prep.dimensions)}
    dims = system.dimension_ids
    block = np.empty((1 + len(dims), len(order)))  # score, then dimensions
    np.take(scores, order, out=block[0])
    for k, d in enumerate(dims, start=1):
        if d in at:  # one contiguous column, gathered as a vector
            np.take(subs[:, at[d]], order, out=block[k])
        else:  # a dimension dropped whole: no score
            block[k] = np.nan
    if prep.years is None:
        index: pd.Index = pd.Index(
            prep.clusters, name="cluster", dtype="str"
        ).take(order)
    else:  # a panel: (year, cluster), with the changes between years
        index = pd.MultiIndex.from_arrays(
            [prep.years[order], prep.clusters[order]],
            names=["year", "cluster"],
        )
    frame = pd.DataFrame(
        block.T, index=index, columns=["score", *dims], copy=False
    )
    types = pd.Series(words[codes[order]], dtype="str").array
    # (pandas-stubs do not list an ExtensionArray as a column's values)
    frame.insert(0, "type", types)  # type: ignore[arg-type]
    frame.insert(2, "rank", rank[order])
    return frame if prep.years is None else panel_changes(frame)


def _ranking_order(
    prep: Prepared,
    system: IndicatorSystem,
    rank: np.ndarray,
    codes: np.ndarray,
    words: np.ndarray,
    by_type: bool,
) -> np.ndarray:
    """Row order of the ranking: by year, type (`by_type`), rank, then name.

    `prepare` leaves the rows sorted by (year and) name, so a stable sort
    keeps tied rows by name. `codes` index the type ids `words` (from
    `pandas.factorize`); with `by_type` the types come in the system's
    order. Without year or type, ranks that are all different are the
    order's inverse (one scatter, no sort).
    """
    m = len(rank)
    keys: list[np.ndarray] = [rank]
    if by_type:
        position = pd.Index(system.cluster_types).get_indexer(pd.Index(words))
        keys.append(position[codes])
    if prep.years is not None:
        keys.append(prep.years)
    if len(keys) > 1:
        return np.lexsort(keys)  # stable; the last key is the first
    order = np.full(m, -1, dtype=np.int64)
    order[rank - 1] = np.arange(m)
    if m and (order >= 0).all():  # no ties: rank is a permutation
        return order
    return np.argsort(rank, kind="stable")


def rank_clusters(
    df: pd.DataFrame,
    system: IndicatorSystem | None = None,
    *,
    weighting: Weighting = "combined",
    method: Aggregation = "weighted_sum",
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
        On a panel, indexed by ``(year, cluster)``, best first within
        each year, with ``rank_change`` and ``score_change`` too.
    """
    return evaluate(
        df, system, weighting=weighting, method=method, **options
    ).ranking


# --------------------------------------------------------------------------
# one segment (all clusters, or one type)
# --------------------------------------------------------------------------


def _segment_label(cluster_type: str | None, year: Any) -> str:
    """How warnings name a segment: the table, a type, a year, or both."""
    parts: list[str] = []
    if cluster_type is not None:
        parts.append(f"cluster type {cluster_type!r}")
    if year is not None:
        parts.append(f"year {year}")
    return " in ".join(parts) if parts else "the table"


def _score_segment(
    prep: Prepared,
    system: IndicatorSystem,
    rows: np.ndarray,
    cluster_type: str | None,
    options: dict[str, Any],
    judgments: dict[str, AHPResult],
    year: Any = None,
) -> tuple[np.ndarray, np.ndarray, pd.DataFrame]:
    """Weights, scores (0-100) and sub-scores (0-100) of one segment.

    `options` is the dict of a `RunOptions`. The direction-aware min-max
    matrix is computed once and serves twice: its column shares give the
    entropy weights and, with ``normalization="minmax"``, it is the matrix
    that is aggregated.
    """
    segment = _segment_label(cluster_type, year)
    # rows are sorted positions; all of them (the pooled ranking) means the
    # prepared matrix itself, with no copy
    whole = len(rows) == len(prep.X)
    X = prep.X if whole else prep.X[rows]
    types = prep.types if whole else prep.types[rows]
    signs = prep.signs
    names = list(prep.indicators)
    w_ahp, used_j = subjective_weights(
        system,
        cluster_type,
        prep.indicators,
        ahp_method=options["ahp_method"],
        ri=options["ri"],
        max_cr=options["max_cr"],
    )
    judgments.update(used_j)
    weighting = options["weighting"]
    method = options["method"]
    norm = options["normalization"]
    Y_minmax = _norm.normalize(X, signs, method="minmax")
    objective = options["objective"]
    w_ent = objective_weights(
        Y_minmax, names, cluster_type, weighting, objective, segment=segment
    )
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
        types,
        names,
        minmax=Y_minmax,
    )
    del Y_minmax  # free it unless it is `data`
    table = pd.DataFrame(
        {
            "dimension": [system.indicator(i).dimension for i in names],
            "ahp": w_ahp,
            # the AHP weights stand in where the objective ones are
            # undefined (objective_weights warned): never NaN
            objective: w_ahp if w_ent is None else w_ent,
            "combined": w_comb,
            "used": used,
        },
        index=pd.Index(names, name="indicator"),
    )
    own = {"rho": options.get("rho"), "v": options.get("v")}
    return (
        aggregate_scores(method, data, used, signs, norm, **own),
        dimension_scores(method, data, used, prep, norm, **own),
        table,
    )
