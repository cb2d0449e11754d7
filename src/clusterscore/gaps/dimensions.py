"""The dimension view of the gaps: `dimension_gaps` and `top_gaps`.

* `dimension_gaps` aggregates attainment per (cluster, dimension) with the
  AHP local weights and marks each cluster's weakest dimension (短板);
* `top_gaps` lists each cluster's largest weighted shortfalls.

Both build on the shared gap computation of `clusterscore.gaps.flag`;
`_dims` is reused by the recommendations and the diagnosis.

References
----------
.. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill
   (local and global priorities of a hierarchy).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterscore._checks import as_weights, check_count
from clusterscore.errors import ConfigError, ParameterError
from clusterscore.gaps.benchmark import DEFAULT_QUANTILE, _unknown
from clusterscore.gaps.flag import (
    _CRITICAL,
    _MINOR,
    _NO_DATA,
    _NO_TARGET,
    _NONE,
    DEFAULT_BOUNDS,
    SEVERITIES,
    _add_year,
    _compute,
    _Gaps,
    _provenance,
    _severity_kernel,
    _weighted_attainment_kernel,
)
from clusterscore.system import IndicatorSystem
from clusterscore.weights import system_weights

__all__ = ["dimension_gaps", "top_gaps"]


def _member(system: IndicatorSystem) -> np.ndarray:
    """(m, d) 0/1 matrix: indicator j belongs to dimension k."""
    dim_ids = system.dimension_ids
    m = np.zeros((len(system.indicators), len(dim_ids)))
    for j, ind in enumerate(system.indicators):
        m[j, dim_ids.index(ind.dimension)] = 1.0
    return m


def _type_weights(
    func: str,
    system: IndicatorSystem,
    weights: Any,
    needed: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(n_types, m) local and global weights, (n_types, d) dim weights.

    ``needed`` flags the types present in the table; only those are
    computed (other rows stay NaN).
    """
    types, ids = system.cluster_types, system.indicator_ids
    member = _member(system)
    G = np.full((len(types), len(ids)), np.nan)
    if weights is None:
        if not system.judgments:  # a system without judgments: equal
            per_dim = 1.0 / len(system.dimensions)
            sizes = member.sum(axis=0) @ member.T
            G[:] = per_dim / sizes
        else:
            for k in np.flatnonzero(needed):  # a few types, not rows
                tab = system_weights(system, types[k]).table
                G[k] = tab["global_weight"].reindex(list(ids)).to_numpy(float)
                if np.isnan(G[k]).any():
                    missing = [
                        i
                        for i, x in zip(ids, G[k], strict=True)
                        if np.isnan(x)
                    ]
                    raise ConfigError(
                        f"{func}(): the AHP hierarchy of type {types[k]!r} "
                        f"gives no weight to {', '.join(missing)}.",
                        path=system.path or None,
                    )
    elif isinstance(weights, pd.DataFrame | pd.Series | Mapping):
        if isinstance(weights, pd.Series):
            frame = pd.DataFrame([weights.to_dict()] * len(types), index=types)
        elif isinstance(weights, pd.DataFrame):
            frame = weights
        else:
            frame = pd.DataFrame([dict(weights)] * len(types), index=types)
        bad_types = [t for t in frame.index if t not in types]
        if bad_types:
            raise _unknown(func, "weights", "cluster types", bad_types, types)
        bad_ids = [c for c in frame.columns if c not in ids]
        if bad_ids:
            raise _unknown(func, "weights", "indicators", bad_ids, ids)
        frame = frame.reindex(columns=list(ids))
        for k in np.flatnonzero(needed):
            if types[k] not in frame.index:
                raise ParameterError(
                    f"{func}(): 'weights' has no row for type {types[k]!r}, "
                    "which the table uses.",
                    parameter="weights",
                )
            G[k] = as_weights(
                func,
                frame.loc[types[k]].to_numpy(dtype=float, na_value=np.nan),
                len(ids),
                name="weights",
            )
    else:
        raise ParameterError(
            f"{func}(): 'weights' must be None (AHP weights of the system), "
            "a Series / mapping of global weights per indicator, or a "
            "DataFrame (rows = types, columns = indicators); got "
            f"{type(weights).__name__}.",
            parameter="weights",
            value=weights,
        )
    D = G @ member  # dimension weights (sum of their global weights)
    with np.errstate(divide="ignore", invalid="ignore"):
        L = G / (D @ member.T)
    L = np.where(np.isfinite(L), L, 0.0)
    return L, G, D


@dataclass(frozen=True)
class _Dims:
    """Arrays of the dimension view (internal)."""

    gaps: _Gaps
    local: np.ndarray  # (n, m)
    glob: np.ndarray  # (n, m)
    dim_weight: np.ndarray  # (n, d)
    attainment: np.ndarray  # (n, d)
    codes: np.ndarray  # (n, d)
    n_gaps: np.ndarray  # (n, d)
    weakest: np.ndarray  # (n, d) bool


def _dims(func: str, g: _Gaps, system: IndicatorSystem, weights: Any) -> _Dims:
    member = _member(system)
    needed = np.isin(np.arange(len(system.types)), g.table.type_codes)
    L, G, D = _type_weights(func, system, weights, needed)
    tc = g.table.type_codes
    local, glob, dim_w = L[tc], G[tc], D[tc]
    att = _weighted_attainment_kernel(g.attainment, local, member)
    upper, lower = g.bounds
    codes = _severity_kernel(att, upper, lower)
    no_data = (g.codes == _NO_DATA).astype(float) @ member > 0
    codes = np.where(
        np.isnan(att), np.where(no_data, _NO_DATA, _NO_TARGET), codes
    ).astype(np.int8)
    graded = (g.codes >= _MINOR) & (g.codes <= _CRITICAL)
    n_gaps = (graded.astype(float) @ member).astype(int)
    short = np.where(np.isfinite(att) & (codes != _NONE), att, np.inf)
    weakest = np.zeros_like(short, dtype=bool)
    has = np.isfinite(short).any(axis=1)
    weakest[np.flatnonzero(has), np.argmin(short, axis=1)[has]] = True
    return _Dims(g, local, glob, dim_w, att, codes, n_gaps, weakest)


def _dims_frame(d: _Dims, system: IndicatorSystem) -> pd.DataFrame:
    n, k = d.attainment.shape
    member = _member(system)
    frame = pd.DataFrame(
        {
            "cluster": np.repeat(d.gaps.table.clusters, k),
            "type": np.repeat(d.gaps.table.types, k),
            "dimension": np.tile(
                np.array(system.dimension_ids, dtype=object), n
            ),
            "dimension_weight": d.dim_weight.ravel(),
            "attainment": d.attainment.ravel(),
            "severity": np.array(SEVERITIES, dtype=object)[d.codes.ravel()],
            "n_indicators": np.tile(member.sum(axis=0).astype(int), n),
            "n_gaps": d.n_gaps.ravel(),
            "weakest": d.weakest.ravel(),
        }
    )
    _add_year(frame, d.gaps, np.repeat(np.arange(n), k))
    frame.attrs["clusterscore"] = _provenance(d.gaps)
    return frame


def dimension_gaps(
    df: pd.DataFrame,
    system: IndicatorSystem,
    benchmark: Any = "system",
    bounds: tuple[float, float] = DEFAULT_BOUNDS,
    *,
    quantile: float = DEFAULT_QUANTILE,
    weights: Any = None,
    allow_missing: bool = False,
) -> pd.DataFrame:
    r"""Weighted attainment per (cluster, dimension), and the weakest one.

    Parameters
    ----------
    df, system, benchmark, bounds, quantile, allow_missing
        As in `flag_gaps`.
    weights : None, pandas.Series, Mapping or pandas.DataFrame
        None (default): the AHP hierarchy weights of each cluster's type
        (`clusterscore.weights.hierarchy.system_weights`); a system
        without judgments weighs dimensions equally and indicators
        equally within a dimension. Otherwise global weights per
        indicator summing to 1: a Series or mapping (every type) or a
        DataFrame (rows = types, columns = indicators).

    Returns
    -------
    pandas.DataFrame
        One row per (cluster, dimension), clusters in table order and
        dimensions in system order: ``cluster``, ``type``, ``dimension``,
        ``dimension_weight`` (the dimension's share of the global
        weights), ``attainment``, ``severity`` (same bounds as the
        indicators), ``n_indicators``, ``n_gaps`` (indicators below
        target) and ``weakest`` (True on each cluster's short board).

    Notes
    -----
    For cluster :math:`i` and dimension :math:`D`, with local weights
    :math:`w_j` of the cluster's type (:math:`\sum_{j \in D} w_j = 1`)
    and indicator attainments :math:`a_{ij}`:

    .. math::

        A_{iD} = \frac{\sum_{j \in D} w_j \min(a_{ij}, 1)}
                      {\sum_{j \in D} w_j}.

    Capping at 1 keeps a surplus on one indicator from hiding a shortfall
    on another. Indicators with ``"no target"`` or ``"no data"`` are left
    out and the weights renormalised over the others; a dimension with
    none left has NaN attainment and that severity. The weakest dimension
    (短板, the short board) is the one with the lowest attainment among
    those below target (the first in system order on a tie); a cluster
    that meets every target has none.

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill
       (local and global priorities of a hierarchy).
    .. [2] Gan, Y. et al. (2022), Strategic Study of CAE 24(2), section 4
       (development paths by type and dimension).
    """
    func = "dimension_gaps"
    g = _compute(func, df, system, benchmark, bounds, quantile, allow_missing)
    return _dims_frame(_dims(func, g, system, weights), system)


def _top_frame(d: _Dims, system: IndicatorSystem, k: int) -> pd.DataFrame:
    g = d.gaps
    graded = (g.codes >= _MINOR) & (g.codes <= _CRITICAL)
    shortfall = np.where(graded, 1.0 - np.minimum(g.attainment, 1.0), 0.0)
    priority = d.glob * shortfall
    rows, cols = np.nonzero(graded)
    dims = np.array([i.dimension for i in system.indicators], dtype=object)
    frame = pd.DataFrame(
        {
            "_row": rows,
            "_col": cols,
            "cluster": g.table.clusters[rows],
            "type": g.table.types[rows],
            "dimension": dims[cols],
            "indicator": np.array(system.indicator_ids, dtype=object)[cols],
            "value": g.table.X[rows, cols],
            "target": g.targets[rows, cols],
            "attainment": g.attainment[rows, cols],
            "severity": np.array(SEVERITIES, dtype=object)[
                g.codes[rows, cols]
            ],
            "weight": d.glob[rows, cols],
            "shortfall": shortfall[rows, cols],
            "priority": priority[rows, cols],
            # equal priorities reached by different float paths (a dimension
            # weight times a local weight) differ in the last bits; rounding
            # the sort key makes the indicator order break such ties on
            # every machine
            "_key": np.round(priority[rows, cols], 12),
        }
    )
    frame = frame.sort_values(
        ["_row", "_key", "_col"],
        ascending=[True, False, True],
        kind="stable",
    )
    frame.insert(2, "rank", frame.groupby("_row").cumcount() + 1)
    frame = frame[frame["rank"] <= k]
    rows = frame["_row"].to_numpy()
    frame = frame.drop(columns=["_row", "_col", "_key"])
    frame = frame.reset_index(drop=True)
    if g.table.years is not None:  # after the cluster: rank, cluster, year
        frame.insert(2, "year", g.table.years[rows])
    frame.attrs["clusterscore"] = _provenance(g)
    return frame


def top_gaps(
    df: pd.DataFrame,
    system: IndicatorSystem,
    benchmark: Any = "system",
    bounds: tuple[float, float] = DEFAULT_BOUNDS,
    *,
    k: int = 5,
    quantile: float = DEFAULT_QUANTILE,
    weights: Any = None,
    allow_missing: bool = False,
) -> pd.DataFrame:
    r"""Each cluster's `k` indicator gaps of highest priority.

    Parameters
    ----------
    df, system, benchmark, bounds, quantile, allow_missing
        As in `flag_gaps`.
    k : int
        Gaps to keep per cluster (>= 1); default 5.
    weights
        As in `dimension_gaps`.

    Returns
    -------
    pandas.DataFrame
        Rows for indicators below target only, clusters in table order,
        then priority descending (system order on ties), at most `k` per
        cluster: ``cluster``, ``type``, ``rank`` (1 = highest priority),
        ``dimension``, ``indicator``, ``value``, ``target``,
        ``attainment``, ``severity``, ``weight`` (global), ``shortfall``
        and ``priority``.

    Notes
    -----
    .. math::

        \text{priority}_{ij} = W_j \, (1 - \min(a_{ij}, 1)),

    with :math:`W_j` the global weight (dimension weight times local
    weight) of indicator :math:`j` for the cluster's type, so a large
    shortfall on a light indicator can rank below a smaller one on a
    heavy indicator.

    References
    ----------
    .. [1] Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill
       (global priorities as products down the hierarchy).
    """
    func = "top_gaps"
    k = check_count(func, "k", k)
    g = _compute(func, df, system, benchmark, bounds, quantile, allow_missing)
    return _top_frame(_dims(func, g, system, weights), system, k)
