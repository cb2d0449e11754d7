"""One cluster's diagnosis: the `Diagnosis` record and `diagnose`.

`diagnose` takes one cluster's rows from `flag_gaps`, `dimension_gaps`,
`top_gaps` and `recommendations` (the benchmark resolved on the whole
table). `Diagnosis` is a data record; laying it out for a person to read is
the job of `clusterscore.present` (``present.diagnosis_text`` and
``present.diagnosis_markdown``).

`Diagnosis.to_text` and `Diagnosis.to_markdown` stay methods for
convenience and delegate to those renderers. gaps sits below present in
the layers and cannot import it, so present hands its renderers to this
module through `set_diagnosis_renderer` when it is imported (importing
`clusterscore` imports `clusterscore.present`).

References
----------
.. [1] Gan, Y. et al. (2022). Construction of modern science and
   technology support system for advanced manufacturing clusters.
   Strategic Study of CAE, 24(2), sections 3-4.
"""

from __future__ import annotations

import difflib
import importlib
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from clusterscore._checks import check_count, check_option, short_repr
from clusterscore.errors import ParameterError
from clusterscore.gaps.benchmark import DEFAULT_QUANTILE
from clusterscore.gaps.dimensions import _dims, _dims_frame, _top_frame
from clusterscore.gaps.flag import (
    _GRADED,
    DEFAULT_BOUNDS,
    _compute,
    _long_frame,
)
from clusterscore.gaps.recommend import _MIN_SEVERITY, _rec_frame
from clusterscore.system import IndicatorSystem

__all__ = ["Diagnosis", "diagnose", "set_diagnosis_renderer"]

_RENDERERS: dict[str, Callable[..., str]] = {}
"""The layout functions of a `Diagnosis`, by format ("text", "markdown")."""


def set_diagnosis_renderer(fmt: str, render: Callable[..., str]) -> None:
    """Register the function that lays out a `Diagnosis` as `fmt`.

    `clusterscore.present` calls this when it is imported, with
    ``present.diagnosis_text`` and ``present.diagnosis_markdown``;
    `Diagnosis.to_text` and `Diagnosis.to_markdown` call them.

    Parameters
    ----------
    fmt : {"text", "markdown"}
        The format.
    render : callable
        ``render(diagnosis, lang=..., **options) -> str``.
    """
    check_option("set_diagnosis_renderer", "fmt", fmt, ("text", "markdown"))
    _RENDERERS[fmt] = render


def _render(fmt: str, diagnosis: Diagnosis, **options: Any) -> str:
    if fmt not in _RENDERERS:  # importing clusterscore no longer loads it
        importlib.import_module("clusterscore.present")  # registers them
    try:
        render = _RENDERERS[fmt]
    except KeyError:
        raise RuntimeError(
            f"no {fmt} renderer of a Diagnosis is registered; import "
            "clusterscore.present (importing clusterscore does)."
        ) from None
    return render(diagnosis, **options)


@dataclass(frozen=True)
class Diagnosis:
    """One cluster's gaps against the benchmark, and what to do about them.

    Attributes
    ----------
    cluster : str
        The cluster's name.
    cluster_type : str
        Its type id.
    benchmark : str
        Where the targets of its type come from (the provenance).
    bounds : tuple of float
        The (upper, lower) severity bounds used.
    gaps : pandas.DataFrame
        Its `flag_gaps` rows (one per indicator).
    dimensions : pandas.DataFrame
        Its `dimension_gaps` rows (one per dimension).
    weakest : tuple of str
        Dimension ids below target, weakest first.
    top_gaps : pandas.DataFrame
        Its `top_gaps` rows, highest priority first.
    recommendations : pandas.DataFrame
        Its `recommendations` rows.
    system : IndicatorSystem
        The system (for names when the diagnosis is laid out as text).
    year : int or None
        On a panel, the year diagnosed; None for a table without years.
    trend : pandas.DataFrame or None
        On a panel, the attainment trend of each dimension: one row per
        dimension id, one column per year the cluster appears in (NaN
        where a dimension has no attainment), then ``change`` (last year
        minus first year, in attainment units). None without years.
    """

    cluster: str
    cluster_type: str
    benchmark: str
    bounds: tuple[float, float]
    gaps: pd.DataFrame = field(repr=False)
    dimensions: pd.DataFrame = field(repr=False)
    weakest: tuple[str, ...]
    top_gaps: pd.DataFrame = field(repr=False)
    recommendations: pd.DataFrame = field(repr=False)
    system: IndicatorSystem = field(repr=False)
    year: int | None = None
    trend: pd.DataFrame | None = field(default=None, repr=False)

    def __str__(self) -> str:
        return self.to_text()

    def to_text(self, lang: str = "en", width: int = 78) -> str:
        """Return the diagnosis as readable text.

        Delegates to `clusterscore.present.diagnosis_text`.

        Parameters
        ----------
        lang : {"en", "zh"}
            English names and texts, or Chinese names and ``text_zh``
            (the English text where the file has no Chinese one).
        width : int
            Wrap recommendation texts at this width.
        """
        check_option("Diagnosis.to_text", "lang", lang, ("en", "zh"))
        return _render("text", self, lang=lang, width=width)

    def to_markdown(self, lang: str = "en") -> str:
        """Return the diagnosis as Markdown (headings, tables, a list).

        Delegates to `clusterscore.present.diagnosis_markdown`.

        Parameters
        ----------
        lang : {"en", "zh"}
            As in `to_text`.
        """
        check_option("Diagnosis.to_markdown", "lang", lang, ("en", "zh"))
        return _render("markdown", self, lang=lang)

    def to_dict(self) -> dict[str, Any]:
        """Return the diagnosis as plain data (JSON-serialisable).

        Infinite attainments become the string ``"inf"``; NaN becomes None.
        """

        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            out = []
            for rec in frame.to_dict(orient="records"):
                clean: dict[str, Any] = {}
                for key, v in rec.items():
                    if isinstance(v, float | np.floating):
                        v = float(v)
                        v = (
                            None
                            if math.isnan(v)
                            else ("inf" if math.isinf(v) else v)
                        )
                    elif isinstance(v, np.integer):
                        v = int(v)
                    elif isinstance(v, np.bool_):
                        v = bool(v)
                    clean[str(key)] = v
                out.append(clean)
            return out

        extra: dict[str, Any] = {}
        if self.year is not None and self.trend is not None:
            trend = self.trend.rename(columns=str).rename_axis("dimension")
            extra = {
                "year": int(self.year),
                "trend": records(trend.reset_index()),
            }
        return {
            "cluster": self.cluster,
            **extra,
            "type": self.cluster_type,
            "benchmark": self.benchmark,
            "bounds": list(self.bounds),
            "dimensions": records(self.dimensions),
            "weakest": list(self.weakest),
            "top_gaps": records(self.top_gaps),
            "recommendations": records(self.recommendations),
            "gaps": records(self.gaps),
        }


def diagnose(
    df: pd.DataFrame,
    system: IndicatorSystem,
    cluster: str,
    benchmark: Any = "system",
    bounds: tuple[float, float] = DEFAULT_BOUNDS,
    *,
    k: int = 5,
    min_severity: str = "major",
    quantile: float = DEFAULT_QUANTILE,
    weights: Any = None,
    allow_missing: bool = False,
    year: int | None = None,
) -> Diagnosis:
    """Diagnose one cluster: its gaps, short board and development path.

    The benchmark is resolved on the whole table (a quantile needs the
    cluster's peers), then the cluster's rows are taken from `flag_gaps`,
    `dimension_gaps`, `top_gaps` and `recommendations`.

    Parameters
    ----------
    df, system, benchmark, bounds, quantile, allow_missing
        As in `flag_gaps`.
    cluster : str
        The name of a cluster in `df`.
    k, weights, min_severity
        As in `top_gaps`, `dimension_gaps` and `recommendations`.
    year : int, optional
        On a panel (a ``year`` column), the year to diagnose; by default
        the latest year the cluster appears in. The benchmark is that
        year's (see `flag_gaps`), and ``trend`` holds each dimension's
        attainment over all the cluster's years.

    Returns
    -------
    Diagnosis
        Printable (``str(d)``, ``d.to_text(lang="zh")``).

    Raises
    ------
    ParameterError
        `cluster` is not in the table (the message lists close names),
        and the errors of `flag_gaps`.

    References
    ----------
    .. [1] Gan, Y. et al. (2022). Construction of modern science and
       technology support system for advanced manufacturing clusters.
       Strategic Study of CAE, 24(2), sections 3-4.

    Examples
    --------
    >>> from clusterscore.system import (
    ...     ClusterType, Dimension, Indicator, IndicatorSystem, Target)
    >>> system = IndicatorSystem(
    ...     "demo", "Demo", "示例", 1,
    ...     (Dimension("scale", "Scale", "规模", ("output",)),),
    ...     (Indicator("output", "Output", "产值", "bn", "benefit", "scale"),),
    ...     (ClusterType("basic", "Basic", "基础"),),
    ...     targets=(Target("output", "basic", 100.0),))
    >>> df = pd.DataFrame({"cluster": ["A"], "type": ["basic"],
    ...                    "output": [40.0]})
    >>> d = diagnose(df, system, "A")
    >>> d.weakest, d.top_gaps["severity"].tolist()
    (('scale',), ['critical'])
    """
    func = "diagnose"
    k = check_count(func, "k", k)
    check_option(func, "min_severity", min_severity, _MIN_SEVERITY)
    g = _compute(func, df, system, benchmark, bounds, quantile, allow_missing)
    named = isinstance(cluster, str)  # a list would compare element-wise
    hits = (
        np.flatnonzero(g.table.clusters == cluster)
        if named
        else np.zeros(0, np.intp)
    )
    if not len(hits):
        close = (
            difflib.get_close_matches(cluster, list(g.table.clusters))
            if named
            else []
        )
        hint = (
            f"close names: {', '.join(map(repr, close))}"
            if close
            else f"the table has {len(g.table.clusters)} clusters"
        )
        raise ParameterError(
            f"{func}(): 'cluster' must be the name of a cluster in the "
            f"table; got {short_repr(cluster)} ({hint}).",
            parameter="cluster",
            value=cluster,
        )
    d = _dims(func, g, system, weights)
    ctype = str(g.table.types[hits[0]])
    year = _pick_year(func, g.table.years, hits, year)
    dims_all = _dims_frame(d, system)

    def mine(frame: pd.DataFrame) -> pd.DataFrame:
        keep = frame["cluster"] == cluster
        if year is not None:
            keep &= frame["year"] == year
        return frame[keep].reset_index(drop=True)

    dims = mine(dims_all)
    below = dims[dims["severity"].isin(_GRADED[1:])]
    weakest = tuple(
        below.sort_values("attainment", kind="stable")["dimension"]
    )
    by_year = g.by_year or {}  # a year is given only on a panel
    bm = g.benchmark if year is None else by_year[year]
    return Diagnosis(
        cluster=str(cluster),
        cluster_type=ctype,
        benchmark=bm.provenance[ctype],
        bounds=g.bounds,
        gaps=mine(_long_frame(g, system)),
        dimensions=dims,
        weakest=weakest,
        top_gaps=mine(_top_frame(d, system, k)),
        recommendations=mine(_rec_frame(d, system, min_severity)),
        system=system,
        year=year,
        trend=None if year is None else _trend(dims_all, cluster, system),
    )


def _pick_year(
    func: str, years: np.ndarray | None, hits: np.ndarray, year: Any
) -> int | None:
    """Return the panel year to diagnose (the latest one by default)."""
    if years is None:
        if year is not None:
            raise ParameterError(
                f"{func}(): year={short_repr(year)} needs a table with a "
                "'year' "
                "column (a panel); this table has none.",
                parameter="year",
                value=year,
            )
        return None
    present = sorted(int(y) for y in years[hits])
    if year is None:
        return present[-1]
    whole = isinstance(year, int | float | np.number) and not isinstance(
        year, bool
    )
    if not whole or year not in present:
        raise ParameterError(
            f"{func}(): the cluster is not in the table in year "
            f"{short_repr(year)}; "
            f"its years: {', '.join(map(str, present))}.",
            parameter="year",
            value=year,
        )
    return int(year)


def _trend(
    dims: pd.DataFrame, cluster: str, system: IndicatorSystem
) -> pd.DataFrame:
    """Each dimension's attainment over the cluster's years, and change.

    ``change`` is the last year's attainment minus the first year's (NaN
    when either is not finite).
    """
    rows = dims[dims["cluster"] == cluster]
    wide = rows.pivot(index="dimension", columns="year", values="attainment")
    wide = wide.reindex(list(system.dimension_ids))
    wide.columns = [int(c) for c in wide.columns]
    first, last = wide.iloc[:, 0], wide.iloc[:, -1]
    ok = np.isfinite(first) & np.isfinite(last)
    wide["change"] = (last - first).where(ok)
    wide.index.name = "dimension"
    return wide
