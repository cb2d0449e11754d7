"""Gap arithmetic: attainment of a target, its severity, `flag_gaps`.

Each cluster's value is compared with the target of its type (see
`clusterscore.gaps.benchmark`): ``a = v / t`` for benefit indicators and
``a = t / v`` for cost ones, graded ``none`` / ``minor`` / ``major`` /
``critical`` by two bounds. The kernels work on whole numpy arrays (no loop
over clusters); `flag_gaps` is the pandas layer on top, and `_compute` is
the shared computation the dimension view, the recommendations and the
diagnosis build on.

References
----------
.. [1] OECD/JRC (2008). Handbook on Constructing Composite Indicators,
   section 6 ("distance to a reference" normalisation, value / target).
.. [2] Gan, Y. et al. (2022). Construction of modern science and
   technology support system for advanced manufacturing clusters.
   Strategic Study of CAE, 24(2), sections 3-4.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterscore._checks import check_bounds, check_quantile
from clusterscore._choices import SEVERITIES
from clusterscore.gaps.benchmark import (
    DEFAULT_QUANTILE,
    MIN_QUANTILE_CLUSTERS,
    Benchmark,
    _as_table,
    _resolve,
    _Table,
)
from clusterscore.system import IndicatorSystem

__all__ = [
    "DEFAULT_BOUNDS",
    "GAP_COLUMNS",
    "SEVERITIES",
    "flag_gaps",
    "format_attainment",
    "format_value",
]

GAP_COLUMNS = (
    "cluster",
    "type",
    "dimension",
    "indicator",
    "value",
    "target",
    "attainment",
    "severity",
)
"""The columns of `flag_gaps` (fixed by DESIGN.md)."""

_NONE, _MINOR, _MAJOR, _CRITICAL, _NO_TARGET, _NO_DATA = range(6)
_GRADED = SEVERITIES[:4]

DEFAULT_BOUNDS = (0.8, 0.5)
"""Default (upper, lower) severity bounds on attainment (DESIGN.md)."""

_TOL = 1e-9
"""Relative tolerance on severity bounds: an attainment within 1e-9 of a
bound (floating-point rounding of value / target) counts as reaching it."""


# --------------------------------------------------------------------------
# kernels (numpy arrays in, numpy arrays out; no validation)
# --------------------------------------------------------------------------


def _attainment_kernel(
    values: np.ndarray, targets: np.ndarray, signs: np.ndarray
) -> np.ndarray:
    """Attainment of `values` against `targets`; no validation.

    ``a = v / t`` for benefit columns (sign +1) and ``a = t / v`` for cost
    columns (sign -1); ``0 / 0`` (value equal to a zero target) is 1,
    ``x / 0`` with x > 0 is +inf, NaN propagates. Inputs must be >= 0.
    """
    benefit = np.asarray(signs) > 0
    num = np.where(benefit, values, targets)
    den = np.where(benefit, targets, values)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        a = num / den
    return np.where((num == 0) & (den == 0), 1.0, a)


def _severity_kernel(
    attainment: np.ndarray, upper: float, lower: float
) -> np.ndarray:
    """Severity codes 0..3 of finite-or-inf attainments; no validation.

    0 where a >= 1, 1 where upper <= a < 1, 2 where lower <= a < upper,
    3 below (each bound with a relative tolerance of 1e-9). NaN gives 3:
    callers overwrite NaN cells with ``no target`` / ``no data``.
    """
    a = np.asarray(attainment, dtype=float)
    return np.select(
        [
            a >= 1.0 - _TOL,
            a >= upper * (1.0 - _TOL),
            a >= lower * (1.0 - _TOL),
        ],
        [_NONE, _MINOR, _MAJOR],
        default=_CRITICAL,
    ).astype(np.int8)


def _weighted_attainment_kernel(
    attainment: np.ndarray, weights: np.ndarray, member: np.ndarray
) -> np.ndarray:
    """Weighted mean of ``min(a, 1)`` per group of columns; no validation.

    ``attainment`` and ``weights`` are (n, m), ``member`` is the (m, d)
    0/1 matrix of columns per group. NaN attainments are left out and the
    weights renormalised over the rest; a group whose remaining weights
    sum to 0 takes the plain mean; a group with nothing left is NaN.
    """
    valid = ~np.isnan(attainment)
    capped = np.where(valid, np.minimum(attainment, 1.0), 0.0)
    w = np.where(valid, weights, 0.0)
    num = (w * capped) @ member
    den = w @ member
    count = valid.astype(float) @ member
    plain = (capped @ member) / np.where(count > 0, count, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(den > 0, num / den, plain)
    return np.where(count > 0, out, np.nan)


# --------------------------------------------------------------------------
# how a value and an attainment are written (reasons, diagnosis)
# --------------------------------------------------------------------------


def format_value(x: float) -> str:
    """Format a value or target with 4 significant digits ('n/a' for NaN).

    Parameters
    ----------
    x : float
        The number (None and NaN are written ``"n/a"``).

    Returns
    -------
    str
        ``f"{x:.4g}"``, e.g. ``"0.98"``, ``"1.5e+04"``.
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:.4g}"


def format_attainment(x: float) -> str:
    """Write an attainment as a percentage ('n/a' for NaN, '∞' for inf).

    Parameters
    ----------
    x : float
        The attainment ``a`` (1 = target met).

    Returns
    -------
    str
        ``100 a`` with one decimal and a ``%`` sign, e.g. ``"72.5%"``.
    """
    if x is None or math.isnan(x):
        return "n/a"
    if math.isinf(x):
        return "∞"
    return f"{100 * x:.1f}%"


# --------------------------------------------------------------------------
# the gap computation shared by the public functions
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Gaps:
    """Arrays of one gap computation (internal)."""

    table: _Table
    benchmark: Benchmark
    bounds: tuple[float, float]
    targets: np.ndarray  # (n, m)
    attainment: np.ndarray  # (n, m)
    codes: np.ndarray  # (n, m) int severity codes
    by_year: dict[int, Benchmark] | None = None  # a panel's benchmarks


def _compute(
    func: str,
    df: pd.DataFrame,
    system: IndicatorSystem,
    benchmark: Any,
    bounds: Any,
    quantile: float,
    allow_missing: bool,
) -> _Gaps:
    upper, lower = check_bounds(func, bounds)
    q = check_quantile(func, quantile)
    table = _as_table(func, df, system, allow_missing)
    by_year = None
    if table.years is None:
        bm = _resolve(func, table, system, benchmark, q, MIN_QUANTILE_CLUSTERS)
        T = bm.values[table.type_codes]
    else:  # a panel: the benchmark of each year is resolved on that year
        T = np.empty_like(table.X)
        by_year = {}
        for year, rows, sub in table.year_rows():
            bm = _resolve(
                func, sub, system, benchmark, q, MIN_QUANTILE_CLUSTERS
            )
            T[rows] = bm.values[sub.type_codes]
            by_year[year] = bm
    signs = np.array([i.sign for i in system.indicators])
    A = _attainment_kernel(table.X, T, signs)
    codes = _severity_kernel(A, upper, lower)
    codes = np.where(np.isnan(T), _NO_TARGET, codes)
    codes = np.where(np.isnan(table.X), _NO_DATA, codes).astype(np.int8)
    return _Gaps(table, bm, (upper, lower), T, A, codes, by_year)


def _provenance(g: _Gaps) -> dict[str, Any]:
    """Return what a gap table was measured against (``frame.attrs``).

    On a panel ``provenance`` is by year, then by type.
    """
    if g.by_year is not None:
        prov: dict[Any, Any] = {
            y: dict(b.provenance) for y, b in g.by_year.items()
        }
    else:
        prov = dict(g.benchmark.provenance)
    return {
        "benchmark": g.benchmark.mode,
        "provenance": prov,
        "bounds": g.bounds,
    }


def _add_year(frame: pd.DataFrame, g: _Gaps, rows: np.ndarray) -> None:
    """On a panel, insert the ``year`` of each row after ``cluster``.

    `rows` are the table positions of the frame's rows.
    """
    if g.table.years is not None:
        frame.insert(1, "year", g.table.years[np.asarray(rows, dtype=int)])


def _long_frame(g: _Gaps, system: IndicatorSystem) -> pd.DataFrame:
    """Build the (cluster, indicator) rows of `flag_gaps`."""
    n, m = g.table.X.shape
    dims = np.array([i.dimension for i in system.indicators], dtype=object)
    frame = pd.DataFrame(
        {
            "cluster": np.repeat(g.table.clusters, m),
            "type": np.repeat(g.table.types, m),
            "dimension": np.tile(dims, n),
            "indicator": np.tile(
                np.array(system.indicator_ids, dtype=object), n
            ),
            "value": g.table.X.ravel(),
            "target": g.targets.ravel(),
            "attainment": g.attainment.ravel(),
            "severity": np.array(SEVERITIES, dtype=object)[g.codes.ravel()],
        }
    )
    _add_year(frame, g, np.repeat(np.arange(n), m))
    frame.attrs["clusterscore"] = _provenance(g)
    return frame


def flag_gaps(
    df: pd.DataFrame,
    system: IndicatorSystem,
    benchmark: Any = "system",
    bounds: tuple[float, float] = DEFAULT_BOUNDS,
    *,
    quantile: float = DEFAULT_QUANTILE,
    allow_missing: bool = False,
) -> pd.DataFrame:
    r"""Compare every cluster's indicators with the benchmark targets.

    Parameters
    ----------
    df : pandas.DataFrame
        The clusters: ``cluster``, ``type``, one column per indicator id
        (validated with `clusterscore.io.validate`; never modified).
    system : IndicatorSystem
        The indicator system (directions, dimensions, targets).
    benchmark : str, Mapping, pandas.Series, pandas.DataFrame or Benchmark
        ``"system"`` (default), ``"quantile"``, the name of a cluster in
        `df`, or explicit targets; see `resolve_benchmark`.
    bounds : tuple of float
        ``(upper, lower)`` with ``1 >= upper > lower > 0``; default
        (0.8, 0.5).
    quantile : float
        q for ``benchmark="quantile"``; default 0.9.
    allow_missing : bool
        Accept NaN cells (severity ``"no data"``); by default validation
        refuses them with a `DataError`.

    Returns
    -------
    pandas.DataFrame
        One row per (cluster, indicator), clusters in table order and
        indicators in system order, with columns ``cluster``, ``type``,
        ``dimension``, ``indicator``, ``value``, ``target``,
        ``attainment`` and ``severity``. ``attrs["clusterscore"]`` records
        the benchmark mode, its provenance per type and the bounds. On a
        panel (a ``year`` column) a ``year`` column follows ``cluster``
        and the benchmark is resolved on each year's clusters alone (a
        quantile of that year's peers; a benchmark cluster must be in
        every year); provenance is then by year.

    Raises
    ------
    DataError
        The table fails validation, or holds a negative value.
    ParameterError
        Bad `bounds` or `quantile`, an unknown benchmark cluster (with
        close names), bad user targets.

    Warns
    -----
    FallbackWarning
        ``benchmark="quantile"`` and a type has fewer than 5 clusters.

    Notes
    -----
    Attainment of value :math:`v` against target :math:`t`:

    .. math::

        a = v / t \quad \text{(benefit)}, \qquad
        a = t / v \quad \text{(cost)}.

    Edges, so that no division error or hidden NaN can occur: a value
    equal to a zero target (``0 / 0``) has :math:`a = 1`; a benefit
    indicator with target 0 and :math:`v > 0`, and a cost indicator with
    value 0 and :math:`t > 0`, have :math:`a = +\infty` (met); a benefit
    value 0 against :math:`t > 0` has :math:`a = 0` (critical); a cost
    target 0 against :math:`v > 0` has :math:`a = 0` (critical). Negative
    values are refused (the ratio has no meaning).

    Severity with bounds :math:`(u, l)`: ``"none"`` if :math:`a \ge 1`,
    ``"minor"`` if :math:`u \le a < 1`, ``"major"`` if
    :math:`l \le a < u`, ``"critical"`` if :math:`a < l` (each comparison
    with a relative tolerance of 1e-9 for floating-point rounding). A
    cell whose target is NaN (the benchmark has none) is ``"no target"``
    with NaN attainment; a NaN value (``allow_missing=True``) is
    ``"no data"``. Neither is ever reported as met.

    References
    ----------
    .. [1] OECD/JRC (2008). Handbook on Constructing Composite Indicators:
       Methodology and User Guide. Paris: OECD, section 6 (distance to a
       reference: value / target).
    .. [2] Gan, Y. et al. (2022). Construction of modern science and
       technology support system for advanced manufacturing clusters.
       Strategic Study of CAE, 24(2), sections 3-4.

    Examples
    --------
    >>> from clusterscore.system import (
    ...     ClusterType, Dimension, Indicator, IndicatorSystem, Target)
    >>> system = IndicatorSystem(
    ...     "demo", "Demo", "示例", 1,
    ...     (Dimension("scale", "Scale", "规模", ("output", "energy")),),
    ...     (Indicator("output", "Output", "产值", "bn", "benefit", "scale"),
    ...      Indicator("energy", "Energy", "能耗", "ratio", "cost", "scale")),
    ...     (ClusterType("basic", "Basic", "基础"),),
    ...     targets=(Target("output", "basic", 100.0),
    ...              Target("energy", "basic", 0.8)))
    >>> df = pd.DataFrame({"cluster": ["A"], "type": ["basic"],
    ...                    "output": [70.0], "energy": [1.0]})
    >>> flag_gaps(df, system)[["indicator", "attainment", "severity"]]
      indicator  attainment severity
    0    output         0.7    major
    1    energy         0.8    minor
    """
    g = _compute(
        "flag_gaps", df, system, benchmark, bounds, quantile, allow_missing
    )
    return _long_frame(g, system)
