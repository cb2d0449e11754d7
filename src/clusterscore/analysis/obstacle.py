r"""Obstacle degree model (障碍度模型): which indicators hold a cluster back.

For cluster i with normalised values :math:`y_{ij} \in [0, 1]` (1 = best)
and the indicator weights :math:`w_j` of the evaluation, the obstacle
degree of indicator j is its share of the weighted shortfall,

.. math::

    O_{ij} = 100 \, \frac{w_j (1 - y_{ij})}{\sum_k w_k (1 - y_{ik})}

in percent, summing to 100 over the indicators of each cluster. The
factor :math:`w_j` is the "factor contribution" (因子贡献度) and
:math:`1 - y_{ij}` the "indicator deviation" (指标偏离度). The obstacle
degree of a dimension is the sum over its indicators,
:math:`U_{id} = \sum_{j \in d} O_{ij}`.

The formula is the one stated in the land-ecology study read for it
(Ao et al., 干旱区地理, section 2.6.2, eq. for :math:`M_j`); see
``docs/methodology.md`` for the sources and for why no published worked
example could serve as a golden test.

How it differs from the gap diagnosis (`clusterscore.flag_gaps`): the
obstacle degree measures the distance to the *best observed* cluster
(min-max: 1 - y is the fraction of the observed range a cluster lies
below the best), weighted by the evaluation's weights and made relative
within the cluster, so it ranks a cluster's weaknesses against each other;
the gaps measure each indicator's attainment of the *benchmark target* of
the cluster's type, absolute and unweighted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from clusterscore import normalize as _norm
from clusterscore._checks import check_instance, short_repr
from clusterscore.errors import DataError, ParameterError
from clusterscore.scoring import Evaluation, Prepared, prepare
from clusterscore.scoring.panel import panel_segments

__all__ = [
    "ObstacleDegree",
    "evaluation_matrix",
    "obstacle_degree",
    "obstacle_kernel",
]

#: The evaluation's normalisations the obstacle model uses as they are:
#: bounded in [0, 1] with 1 the best (observed or target). Others (vector,
#: for TOPSIS) are replaced by min-max, the model's customary
#: standardisation.
BOUNDED_NORMALIZATIONS = ("minmax", "target", "percentile")


def obstacle_kernel(Y: np.ndarray, w: np.ndarray) -> np.ndarray:
    r"""Obstacle degrees in percent; no validation.

    .. math::

        O_{ij} = 100 \, \frac{w_j (1 - y_{ij})}{\sum_k w_k (1 - y_{ik})}

    A row with no weighted shortfall (the cluster is at the best value of
    every weighted indicator) has no obstacle: all its degrees are 0
    (rather than 0/0).

    Parameters
    ----------
    Y : ndarray, shape (m, n)
        Normalised values in [0, 1], 1 = best; not checked.
    w : ndarray, shape (n,) or (m, n)
        The weights (one vector, or one per row).

    Returns
    -------
    ndarray, shape (m, n)
        Percentages; each row sums to 100 (or is all 0).

    Examples
    --------
    >>> Y = np.array([[1.0, 0.5, 0.0], [1.0, 1.0, 1.0]])
    >>> obstacle_kernel(Y, np.array([0.2, 0.3, 0.5])).round(2).tolist()
    [[0.0, 23.08, 76.92], [0.0, 0.0, 0.0]]
    """
    shortfall = np.multiply(w, 1.0 - np.asarray(Y, dtype=float))
    total = shortfall.sum(axis=1, keepdims=True)
    out = np.zeros_like(shortfall)
    np.divide(shortfall, total, out=out, where=total > 0)
    return cast(np.ndarray, 100.0 * out)


@dataclass(frozen=True)
class ObstacleDegree:
    """Obstacle degrees of an evaluation.

    Attributes
    ----------
    indicators : pandas.DataFrame
        Indexed by ``cluster`` in the ranking's order; one column per
        scored indicator: the obstacle degree in percent (rows sum to 100,
        or are all 0 for a cluster at the best value everywhere).
    dimensions : pandas.DataFrame
        Same index; one column per dimension: the sum of its indicators'
        degrees.
    deviation : pandas.DataFrame
        The indicator deviations :math:`1 - y_{ij}` that were weighted.
    weights : pandas.DataFrame
        The weights :math:`w_j` used for each cluster (the evaluation's
        ``used`` weights; per type with ``by_type=True``).
    types : pandas.Series
        The cluster type of each row.
    dimension_of : dict
        Indicator id -> dimension id.
    normalization : str
        The normalisation of :math:`y`.
    """

    indicators: pd.DataFrame
    dimensions: pd.DataFrame
    deviation: pd.DataFrame
    weights: pd.DataFrame
    types: pd.Series
    dimension_of: dict[str, str]
    normalization: str

    def top(
        self,
        n: int = 3,
        *,
        level: str = "indicator",
        cluster: str | None = None,
    ) -> pd.DataFrame:
        """Return the `n` largest obstacles of each cluster, largest first.

        Parameters
        ----------
        n : int, default 3
            How many per cluster (at most the number of columns).
        level : {"indicator", "dimension"}
            Indicators or dimensions.
        cluster : str, optional
            Only this cluster (every year of it on a panel): the obstacles
            to read beside its gap diagnosis (`clusterscore.diagnose`).

        Returns
        -------
        pandas.DataFrame
            One row per (cluster, position): ``cluster`` (after ``year``
            on a panel), ``type``,
            ``position`` (1 = largest), ``indicator`` (or ``dimension``),
            ``obstacle`` (%) and, for indicators, ``dimension`` and
            ``deviation``. Clusters in the ranking's order; equal degrees
            in the system's indicator order. Obstacles of 0 are left out.
        """
        if not isinstance(level, str) or level not in (
            "indicator",
            "dimension",
        ):
            raise ParameterError(
                "ObstacleDegree.top(): 'level' must be one of "
                f"{{'indicator', 'dimension'}}; got {short_repr(level)}.",
                parameter="level",
                value=level,
                allowed=("indicator", "dimension"),
            )
        if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
            raise ParameterError(
                f"ObstacleDegree.top(): 'n' must be an integer >= 1; got "
                f"{short_repr(n)}.",
                parameter="n",
                value=n,
            )
        frame = self.indicators if level == "indicator" else self.dimensions
        if cluster is not None:
            keys = frame.index.get_level_values("cluster")
            if not isinstance(cluster, str) or cluster not in set(keys):
                raise ParameterError(
                    f"ObstacleDegree.top(): 'cluster' {short_repr(cluster)} "
                    "is "
                    "not a "
                    f"cluster of the evaluation ({len(set(keys))} clusters, "
                    f"e.g. {short_repr(keys[0])}).",
                    parameter="cluster",
                    value=cluster,
                )
            frame = frame[keys == cluster]
        values = frame.to_numpy()
        types = self.types.loc[frame.index].to_numpy()
        deviation = self.deviation.loc[frame.index].to_numpy()
        # stable sort of -O keeps the column (system) order among ties
        order = np.argsort(-values, axis=1, kind="stable")[:, : int(n)]
        rows = []
        columns = list(frame.columns)
        panel = isinstance(frame.index, pd.MultiIndex)
        for i, key in enumerate(frame.index):
            year, cluster = key if panel else (None, key)
            for pos, j in enumerate(order[i], start=1):
                value = float(values[i, j])
                if value <= 0.0:
                    break
                row = {"year": year} if panel else {}
                row |= {
                    "cluster": cluster,
                    "type": types[i],
                    "position": pos,
                    level: columns[j],
                    "obstacle": value,
                }
                if level == "indicator":
                    row["dimension"] = self.dimension_of[columns[j]]
                    row["deviation"] = float(deviation[i, j])
                rows.append(row)
        names = ["year"] * panel + ["cluster", "type", "position", level]
        names.append("obstacle")
        if level == "indicator":
            names += ["dimension", "deviation"]
        return pd.DataFrame(rows, columns=names)


def evaluation_matrix(
    ev: Evaluation, normalization: str | None = None
) -> tuple[Prepared, np.ndarray, np.ndarray, str]:
    """Recompute the normalised matrix and per-row weights of `ev`.

    The Evaluation does not keep the normalised matrix, so it is rebuilt
    from ``ev.table`` with the public `clusterscore.normalize.normalize`
    and the options in ``ev.options``: the same kept indicators, the same
    segments (all clusters, or each cluster type with ``by_type=True``),
    the same normalisation (per type, with the type's targets, for
    ``"target"``).

    Parameters
    ----------
    ev : Evaluation
        The evaluation.
    normalization : str, optional
        Override; default: the evaluation's, when it is one of
        `BOUNDED_NORMALIZATIONS`, else ``"minmax"`` (TOPSIS's vector
        normalisation does not put the best at 1).

    Returns
    -------
    prep, Y, W, normalization
        The prepared table (rows sorted by cluster name), Y (m, n), the
        weights per row (m, n), and the normalisation used.
    """
    o = ev.options
    if normalization is None:
        normalization = o["normalization"]
        if normalization not in BOUNDED_NORMALIZATIONS:
            normalization = "minmax"
    elif (
        not isinstance(normalization, str)
        or normalization not in BOUNDED_NORMALIZATIONS
    ):
        allowed = ", ".join(repr(a) for a in BOUNDED_NORMALIZATIONS)
        raise ParameterError(
            f"obstacle_degree(): 'normalization' must be one of "
            f"{{{allowed}}} (bounded, 1 = best); got "
            f"{short_repr(normalization)}.",
            parameter="normalization",
            value=normalization,
            allowed=BOUNDED_NORMALIZATIONS,
        )
    prep = prepare(ev.table, ev.system, missing=o["missing"])
    m, n = prep.X.shape
    Y = np.empty((m, n))
    W = np.empty((m, n))
    # the segments evaluate scored: all rows, each type (by_type), and on
    # a panel scored per year each year; the global panel is one segment
    segments = panel_segments(prep, ev.system, o["by_type"], o.get("panel"))
    for cluster_type, year, rows in segments:
        Y[rows] = _segment_matrix(ev, prep, rows, normalization, cluster_type)
        W[rows] = _segment_weights(ev, prep, cluster_type, year)
    return prep, Y, W, normalization


def _segment_matrix(
    ev: Evaluation,
    prep: Prepared,
    rows: np.ndarray,
    normalization: str,
    cluster_type: str | None,
) -> np.ndarray:
    """Normalised values of one segment, as `evaluate` computed them.

    For min-max and percentile ranks a column without spread in the
    segment (every cluster at the best observed value) is set to 1, i.e.
    no shortfall, instead of the normalisation's neutral 0.5.
    """
    X = prep.X[rows]
    if normalization == "target":
        Y: np.ndarray = np.empty_like(X)
        types = prep.types[rows]
        for t in np.unique(types):  # loop over types, not clusters
            sub = types == t
            targets = []
            for ind in prep.indicators:
                tgt = ev.system.target(ind, t)
                if tgt is None:
                    raise DataError(
                        "obstacle_degree(): normalization='target' needs a "
                        f"benchmark target for indicator {ind!r} and "
                        f"cluster type {t!r}; the system has none."
                    )
                targets.append(tgt.value)
            Y[sub] = _norm.normalize(
                X[sub], prep.signs, method="target", targets=targets
            )
        return Y
    Y = np.asarray(
        _norm.normalize(X, prep.signs, method=normalization), dtype=float
    )
    flat = X.max(axis=0) == X.min(axis=0)
    Y[:, flat] = 1.0
    return Y


def _segment_weights(
    ev: Evaluation,
    prep: Prepared,
    cluster_type: str | None,
    year: int | None = None,
) -> np.ndarray:
    """Return the ``used`` weights of one segment, in column order."""
    used = ev.weights["used"]
    if year is not None:
        used = used.xs(year, level="year")
    if cluster_type is not None:
        used = used.xs(cluster_type, level="type")
    return used.reindex(list(prep.indicators)).to_numpy(float)


def obstacle_degree(
    ev: Evaluation,
    *,
    normalization: str | None = None,
    year: int | None = None,
) -> ObstacleDegree:
    r"""Obstacle degree of every indicator and dimension of every cluster.

    .. math::

        O_{ij} = 100 \, \frac{w_j (1 - y_{ij})}{\sum_k w_k (1 - y_{ik})},
        \qquad U_{id} = \sum_{j \in d} O_{ij}

    with :math:`w_j` the weights that scored the clusters (``ev.weights
    ["used"]``, per type with ``by_type=True``) and :math:`y_{ij}` the
    normalised values the evaluation aggregated, recomputed with
    `clusterscore.normalize.normalize` from ``ev.table`` and
    ``ev.options``. Evaluations normalised with ``"minmax"`` (the default),
    ``"target"`` or ``"percentile"`` use that normalisation; TOPSIS's
    vector normalisation is replaced by min-max (the model's customary
    range standardisation, which puts the best observed value at 1).

    Edge rules: an indicator with no spread in the scored segment has no
    shortfall (every cluster is at the best observed value), so its
    obstacle is 0 (min-max and percentile ranks would otherwise give it
    0.5); a cluster at the best value of every weighted indicator has
    all degrees 0 (no obstacle) instead of 0/0; an indicator with weight 0
    has obstacle 0.

    Parameters
    ----------
    ev : Evaluation
        The result of `clusterscore.evaluate`.
    normalization : {"minmax", "target", "percentile"}, optional
        Override the normalisation of :math:`y`.
    year : int, optional
        Only for a panel evaluation (a table with a ``year`` column): keep
        the rows of this year. The degrees do not depend on it: each
        cluster-year's are computed with the normalisation and weights
        its score had (``panel="global"``: one min-max over all
        cluster-years and one set of weights; ``"per_year"``: each year's
        own).

    Returns
    -------
    ObstacleDegree
        ``.indicators`` and ``.dimensions`` (percent, clusters in the
        ranking's order; on a panel indexed by ``(year, cluster)``, each
        year's clusters best first) and ``.top(n)``, the largest
        obstacles of each cluster (with a ``year`` column on a panel).

    Raises
    ------
    ParameterError
        `normalization` not bounded; `year` on an evaluation without
        years, or a year the panel does not have.
    DataError
        ``"target"`` without a target for some indicator and type.

    References
    ----------
    .. [1] 奥勇, 蒋嶺峰, 白召弟, 杨潇, 张乐艺. 基于格网GIS的黄河流域土地
       生态质量综合评价 (Comprehensive evaluation of land ecological quality
       in the Yellow River Basin based on Grid-GIS). 干旱区地理 (Arid Land
       Geography), after 2021 (the stored copy gives no volume), section
       2.6.2 (障碍度诊断: 因子贡献度, 指标偏离度, 障碍度), with the range
       standardisation of section 2.4.1; it takes the model from 徐少癸,
       左逸帆, 章牧 (2021), 地理科学 41(1), 33-43.

    Examples
    --------
    >>> import clusterscore as cs
    >>> ev = cs.evaluate(cs.datasets.synthetic_clusters(n=8, rng=1))
    >>> od = obstacle_degree(ev)
    >>> bool(np.allclose(od.indicators.sum(axis=1), 100))
    True
    """
    check_instance("obstacle_degree", "ev", ev, Evaluation, "an Evaluation")
    order = _rows_of_year(ev, year)
    prep, Y, W, normalization = evaluation_matrix(ev, normalization)
    obst = obstacle_kernel(Y, W)
    ids = list(prep.indicators)
    if prep.years is None:
        index = pd.Index(prep.clusters, name="cluster")
    else:
        index = pd.MultiIndex.from_arrays(
            [prep.years, prep.clusters], names=["year", "cluster"]
        )
    indicators = pd.DataFrame(obst, index=index, columns=ids).loc[order]
    dimension_of = {i: ev.system.indicator(i).dimension for i in ids}
    dims = list(prep.dimensions)
    dimensions = pd.DataFrame(
        {
            d: indicators[[i for i in ids if dimension_of[i] == d]].sum(axis=1)
            for d in dims
        },
        index=indicators.index,
    )
    deviation = pd.DataFrame(1.0 - Y, index=index, columns=ids).loc[order]
    weights = pd.DataFrame(W, index=index, columns=ids).loc[order]
    types = pd.Series(prep.types, index=index, name="type").loc[order]
    return ObstacleDegree(
        indicators=indicators,
        dimensions=dimensions,
        deviation=deviation,
        weights=weights,
        types=types,
        dimension_of=dimension_of,
        normalization=normalization,
    )


def _rows_of_year(ev: Evaluation, year: int | None) -> pd.Index:
    """Return the ranking's rows to keep: all, or those of `year`."""
    index = ev.ranking.index
    panel = isinstance(index, pd.MultiIndex)
    if year is None:
        return index
    if not panel:
        raise ParameterError(
            f"obstacle_degree(): 'year' applies to a panel evaluation (a "
            f"table with a 'year' column); this one has no years; got "
            f"year={short_repr(year)}.",
            parameter="year",
            value=year,
        )
    years = sorted({int(y) for y in index.get_level_values("year")})
    whole = isinstance(year, int | float | np.number) and not isinstance(
        year, bool
    )
    if not whole or year not in years:
        raise ParameterError(
            f"obstacle_degree(): 'year' must be one of the panel's years "
            f"{years}; got {short_repr(year)}.",
            parameter="year",
            value=year,
            allowed=tuple(years),
        )
    return index[index.get_level_values("year") == year]
