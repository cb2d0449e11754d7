"""Recommendations: the development paths that apply to each gap.

`recommendations` attaches the development path of the indicator file to
every flagged (type, dimension), and the indicator-specific lines (such as
the governance line when the cluster promotion organisation falls short)
to every indicator below its target. The rule is documented in
``docs/gaps.md`` and in the docstring below.

References
----------
.. [1] Gan, Y. et al. (2022). Construction of modern science and
   technology support system for advanced manufacturing clusters.
   Strategic Study of CAE, 24(2), section 4 (development direction per
   cluster type).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from clusterscore._checks import check_option
from clusterscore.gaps.benchmark import DEFAULT_QUANTILE
from clusterscore.gaps.dimensions import _Dims, _dims, _member
from clusterscore.gaps.flag import (
    _CRITICAL,
    _MINOR,
    DEFAULT_BOUNDS,
    SEVERITIES,
    _add_year,
    _compute,
    format_attainment,
    format_value,
)
from clusterscore.system import DEFAULT_TYPE, IndicatorSystem

__all__ = ["REC_COLUMNS", "recommendations"]

_MIN_SEVERITY = ("minor", "major", "critical")

REC_COLUMNS = (
    "cluster",
    "type",
    "dimension",
    "indicator",
    "attainment",
    "severity",
    "reason",
    "text",
    "text_zh",
    "source",
)
"""The columns of `recommendations`."""


def _rec_lines(system: IndicatorSystem) -> pd.DataFrame:
    """Tabulate the recommendation lines that apply to each type.

    One row per (type code, line): the type's own lines and the
    ``"default"`` lines, in file order; ``j`` is the indicator position of
    an indicator-specific line, -1 for a dimension-wide line.
    """
    dim_ids, ids = system.dimension_ids, system.indicator_ids
    rows = []
    for a, t in enumerate(system.cluster_types):
        for order, r in enumerate(system.recommendations):
            if r.cluster_type not in (t, DEFAULT_TYPE):
                continue
            ind = getattr(r, "indicator", "") or ""
            rows.append(
                (
                    a,
                    dim_ids.index(r.dimension),
                    ids.index(ind) if ind else -1,
                    order,
                    r.text,
                    r.text_zh or "",
                    r.source,
                )
            )
    return pd.DataFrame(
        rows,
        columns=["t", "c", "j", "order", "text", "text_zh", "source"],
    ).astype({"t": int, "c": int, "j": int, "order": int})


_CRITICAL_REASON = "critical indicator(s): "
"""How the reason of a dimension flagged by a critical indicator starts
(`clusterscore.present` reads the names after it to translate them)."""


def _dimension_rows(
    d: _Dims, member: np.ndarray, min_code: int, labels: pd.Series
) -> pd.DataFrame:
    """Return the flagged (cluster, dimension) pairs with their reasons."""
    g = d.gaps
    dim_of = member.argmax(axis=1)
    ids = np.array(g.benchmark.indicators, dtype=object)
    critical = g.codes == _CRITICAL
    dim_flag = (d.codes >= min_code) & (d.codes <= _CRITICAL)
    rows, cols = np.nonzero(dim_flag | (critical.astype(float) @ member > 0))
    crit = pd.DataFrame(np.argwhere(critical), columns=["r", "j"])
    crit["c"] = dim_of[crit["j"]]
    crit["name"] = ids[crit["j"]]
    crit_names = crit.groupby(["r", "c"])["name"].agg(", ".join)
    att = d.attainment[rows, cols]
    sev = labels.reindex(d.codes[rows, cols]).to_numpy(dtype=object)
    reason = np.where(
        dim_flag[rows, cols],
        "dimension attainment "
        + pd.Series(att, dtype=float)
        .map(format_attainment)
        .to_numpy(dtype=object),
        _CRITICAL_REASON
        + crit_names.reindex(pd.MultiIndex.from_arrays([rows, cols]))
        .fillna("")
        .to_numpy(dtype=object),
    )
    return pd.DataFrame(
        {
            "r": rows,
            "t": g.table.type_codes[rows],
            "c": cols,
            "j": -1,
            "indicator": "",
            "attainment": att,
            "severity": sev,
            "reason": reason.astype(object),
        }
    )


def _indicator_rows(
    d: _Dims, member: np.ndarray, labels: pd.Series
) -> pd.DataFrame:
    """Return the (cluster, indicator) cells below target (graded gaps)."""
    g = d.gaps
    dim_of = member.argmax(axis=1)
    ids = np.array(g.benchmark.indicators, dtype=object)
    rows, cols = np.nonzero((g.codes >= _MINOR) & (g.codes <= _CRITICAL))
    value, target = g.table.X[rows, cols], g.targets[rows, cols]
    sev = labels.reindex(g.codes[rows, cols]).to_numpy(dtype=object)
    return pd.DataFrame(
        {
            "r": rows,
            "t": g.table.type_codes[rows],
            "c": dim_of[cols],
            "j": cols,
            "indicator": ids[cols],
            "attainment": g.attainment[rows, cols],
            "severity": sev,
            "reason": ids[cols]
            + " "
            + pd.Series(value, dtype=float).map(format_value).to_numpy(object)
            + " of target "
            + pd.Series(target, dtype=float)
            .map(format_value)
            .to_numpy(object),
        }
    )


def _rec_frame(
    d: _Dims, system: IndicatorSystem, min_severity: str
) -> pd.DataFrame:
    """Match the flagged pairs and cells with the recommendation lines."""
    g = d.gaps
    member = _member(system).astype(bool)
    labels = pd.Series(dict(enumerate(SEVERITIES)))
    lines = _rec_lines(system)
    pairs = _dimension_rows(d, member, SEVERITIES.index(min_severity), labels)
    wide = pairs.merge(
        lines[lines["j"] < 0], on=["t", "c", "j"], how="left", sort=False
    )
    narrow = _indicator_rows(d, member, labels).merge(
        lines[lines["j"] >= 0], on=["t", "c", "j"], how="inner", sort=False
    )
    out = pd.concat([wide, narrow], ignore_index=True)
    out["_wide"] = out["j"] < 0
    out = out.sort_values(
        ["r", "c", "_wide", "j", "order"],
        ascending=[True, True, False, True, True],
        kind="stable",
    )
    dim_ids = np.array(system.dimension_ids, dtype=object)
    out["cluster"] = g.table.clusters[out["r"].to_numpy()]
    out["type"] = g.table.types[out["r"].to_numpy()]
    out["dimension"] = dim_ids[out["c"].to_numpy()]
    rows = out["r"].to_numpy()
    out = out.loc[:, list(REC_COLUMNS)].reset_index(drop=True)
    _add_year(out, g, rows)
    for col in ("text", "text_zh", "source"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out.astype({"attainment": float})


def recommendations(
    df: pd.DataFrame,
    system: IndicatorSystem,
    benchmark: Any = "system",
    bounds: tuple[float, float] = DEFAULT_BOUNDS,
    *,
    min_severity: str = "major",
    quantile: float = DEFAULT_QUANTILE,
    weights: Any = None,
    allow_missing: bool = False,
) -> pd.DataFrame:
    """List the development paths that apply to each cluster's gaps.

    Parameters
    ----------
    df, system, benchmark, bounds, quantile, allow_missing
        As in `flag_gaps`.
    min_severity : {"major", "minor", "critical"}
        The dimension severity from which a dimension is flagged.
    weights
        As in `dimension_gaps`.

    Returns
    -------
    pandas.DataFrame
        One row per (cluster, recommendation line), clusters in table
        order, then dimensions in system order (dimension-wide lines
        first, then indicator-specific ones, in file order):
        ``cluster``, ``type``, ``dimension``, ``indicator`` (``""`` for a
        dimension-wide line), ``attainment`` and ``severity`` (of the
        dimension, or of the indicator for an indicator-specific line),
        ``reason``, ``text``, ``text_zh`` and ``source``. A flagged
        dimension for which the file has no line still gets a row, with
        ``text``/``source`` None, so that no flagged gap goes unlisted.

    Notes
    -----
    Rule. A dimension is flagged for a cluster when its weighted
    attainment (`dimension_gaps`) has severity `min_severity` or worse
    (default ``"major"``: below the upper bound, 0.8), or when any of its
    indicators is ``"critical"``: one indicator below half its target is a
    clear gap that a weighted average may mask. ``"no target"`` and
    ``"no data"`` dimensions are not flagged. A flagged dimension gets
    every dimension-wide line of the indicator file for the cluster's type
    and for the ``"default"`` type. An indicator-specific line (a
    `Recommendation` with ``indicator`` set, such as the governance line
    on ``cluster_org_maturity``) applies whenever that indicator is below
    its target (any of minor, major, critical), whether or not its
    dimension is flagged.

    References
    ----------
    .. [1] Gan, Y. et al. (2022). Construction of modern science and
       technology support system for advanced manufacturing clusters.
       Strategic Study of CAE, 24(2), section 4 (development direction per
       cluster type).
    .. [2] Seed 002 ("Cluster level") and seed 003 section 1 (the cluster
       development promotion organisation; governance line).
    """
    func = "recommendations"
    check_option(func, "min_severity", min_severity, _MIN_SEVERITY)
    g = _compute(func, df, system, benchmark, bounds, quantile, allow_missing)
    return _rec_frame(_dims(func, g, system, weights), system, min_severity)
