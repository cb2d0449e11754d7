r"""Panels: tables with a ``year`` column, scored across years.

A table with an integer ``year`` column is a *panel*: one row per
``(cluster, year)``. `clusterscore.scoring.evaluate` scores it in one of
two modes (`PANEL_MODES`):

``"global"`` (the default for panels)
    The global entropy method (全局熵值法): every cluster-year is one row
    of a single matrix. The min-max bounds are those of all years
    together, and one set of objective (entropy) weights is computed over
    all :math:`T \times m` cluster-years, with the entropy constant
    :math:`k = 1/\ln(T m)`; so a score of 60 means the same in every
    year and scores can be compared across years.
``"per_year"``
    Each year is scored on its own, with its own bounds and weights, as
    if it were a separate table; scores are comparable only within a
    year.

Either way the clusters are ranked within each year, and each row gets
``rank_change`` (the previous rank minus this one: positive means the
cluster moved up) and ``score_change`` (this score minus the previous
one) against the cluster's latest earlier year in the table; both are
NaN in the first year a cluster appears.

References
----------
The method was read (not cited from memory) in two stored web pages
found with the project's search tool on 2026-12-02; no stored copy of a
peer-reviewed paper on it could be read:

.. [1] "基于面板数据熵值法介绍" (R implementation of the panel-data
   entropy method), kaopuke.com,
   https://www.kaopuke.com/article/k-p-k_13_u_23_o_2_f1_12__7_kw.html:
   min-max with the bounds of each indicator over all years and units;
   shares :math:`P_{\alpha ij} = Z_{\alpha ij} / \sum_\alpha \sum_i
   Z_{\alpha ij}`; :math:`E_j = -k_1 \sum_\alpha \sum_i P_{\alpha ij}
   \ln P_{\alpha ij}` with :math:`k_1 = 1/\ln(m k)` for :math:`m` years
   and :math:`k` units; :math:`W_j = (1 - E_j) / \sum_j (1 - E_j)`.
.. [2] "【统计方法】基于熵值法的面板数据指标权重计算", CSDN blog,
   https://blog.csdn.net/weixin_44790239/article/details/120238729:
   the same, the data a :math:`(d \times m) \times n` matrix of
   :math:`d` years and :math:`m` provinces, the bounds "所有年度所有省份
   的最值". Both pages shift the min-max values by a small constant before
   taking logarithms; clusterscore does not need the shift, since its
   entropy uses :math:`0 \ln 0 = 0` (`clusterscore.weights.entropy`).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from clusterscore._checks import short_repr
from clusterscore._choices import PANEL_MODES
from clusterscore.errors import ParameterError
from clusterscore.scoring.stages import Prepared, competition_ranks
from clusterscore.system import IndicatorSystem

__all__ = [
    "PANEL_MODES",
    "check_panel",
    "panel_changes",
    "panel_notes",
    "panel_ranks",
    "panel_segments",
]

PanelMode = Literal["global", "per_year"]
"""The names in `PANEL_MODES`, as a type (a test keeps them in step)."""


def check_panel(fn: str, panel: str | None, is_panel: bool) -> str | None:
    """Return the panel mode of a run: None for a table without years.

    A panel defaults to ``"global"``; asking for a mode on a table
    without a ``year`` column is refused, as is an unknown mode.
    """
    if not is_panel:
        if panel is not None:
            raise ParameterError(
                f"{fn}(): panel={short_repr(panel)} needs a table with a "
                "'year' column (a panel); this table has none",
                parameter="panel",
                value=panel,
            )
        return None
    if panel is None:
        return "global"
    if not isinstance(panel, str) or panel not in PANEL_MODES:
        raise ParameterError(
            f"{fn}(): panel must be one of {', '.join(PANEL_MODES)}; "
            f"got {short_repr(panel)}",
            parameter="panel",
            value=panel,
            allowed=PANEL_MODES,
        )
    return panel


def panel_notes(panel: str | None) -> list[str]:
    """Return the lines `Evaluation.summary` adds for a panel mode."""
    if panel is None:
        return []
    lines = [
        "rank_change = previous rank - rank (> 0: moved up), "
        "score_change = score - previous score, against the cluster's "
        "latest earlier year; NaN in its first year"
    ]
    if panel == "global":
        lines.append(
            "panel=global: one normalisation and one set of weights over "
            "all years; scores are comparable across years"
        )
    else:
        lines.append(
            "panel=per_year: each year normalised and weighted on its own; "
            "scores are comparable only within a year"
        )
    return lines


def panel_segments(
    prep: Prepared,
    system: IndicatorSystem,
    by_type: bool,
    panel: str | None,
) -> list[tuple[str | None, int | None, np.ndarray]]:
    """Return the row groups scored together: (type, year, rows).

    `type` is None unless `by_type`; `year` is None unless the panel is
    scored ``"per_year"``. Without a panel, or with ``"global"``, every
    year is in the same segment (the global entropy method).
    """
    types = (
        [t for t in system.cluster_types if np.any(prep.types == t)]
        if by_type
        else [None]
    )
    years = (
        [int(y) for y in np.unique(prep.years)]
        if panel == "per_year" and prep.years is not None
        else [None]
    )
    out = []
    for y in years:
        in_year = (
            np.ones(len(prep.clusters), dtype=bool)
            if y is None
            else np.asarray(prep.years == y)
        )
        for t in types:
            rows = in_year if t is None else in_year & (prep.types == t)
            if rows.any():
                out.append((t, y, np.flatnonzero(rows)))
    return out


def panel_ranks(
    scores: np.ndarray, years: np.ndarray, types: np.ndarray, by_type: bool
) -> np.ndarray:
    """Competition ranks within each year (and type, with `by_type`)."""
    rank = np.empty(len(scores), dtype=np.int64)
    keys = [years, types] if by_type else [years]
    groups = pd.MultiIndex.from_arrays(keys).factorize()[0]
    for g in np.unique(groups):  # loop over the (year, type) groups
        rows = np.flatnonzero(groups == g)
        rank[rows] = competition_ranks(scores[rows])
    return rank


def panel_changes(ranking: pd.DataFrame) -> pd.DataFrame:
    """Add ``rank_change`` and ``score_change`` to a panel ranking.

    `ranking` has a ``(year, cluster)`` index and ``rank`` and ``score``
    columns. The change is against the cluster's latest earlier year in
    the table: ``rank_change = rank[prev] - rank`` (positive: moved up),
    ``score_change = score - score[prev]``; NaN for a cluster's first
    year. Returns the frame with the two columns after ``rank``.

    Examples
    --------
    >>> r = pd.DataFrame(
    ...     {"score": [50.0, 70.0, 60.0], "rank": [2, 1, 1]},
    ...     index=pd.MultiIndex.from_tuples(
    ...         [(2021, "A"), (2021, "B"), (2022, "A")],
    ...         names=["year", "cluster"]))
    >>> panel_changes(r)[["rank_change", "score_change"]].to_numpy().tolist()
    [[nan, nan], [nan, nan], [1.0, 10.0]]
    """
    ordered = ranking.sort_index(level=["cluster", "year"])
    by_cluster = ordered.groupby(level="cluster", sort=False)
    prev_rank = by_cluster["rank"].shift(1)
    prev_score = by_cluster["score"].shift(1)
    out = ranking.copy()
    out["rank_change"] = (prev_rank - ordered["rank"]).astype(float)
    out["score_change"] = ordered["score"] - prev_score
    cols = list(ranking.columns)
    at = cols.index("rank") + 1
    cols[at:at] = ["rank_change", "score_change"]
    return out[cols]
