"""Gap diagnosis against the advanced-cluster benchmark.

A *benchmark* gives a target for every (cluster type, indicator). Each
cluster's value is compared with the target of its type:

* `flag_gaps` returns one row per (cluster, indicator) with the attainment
  of the target and its severity;
* `dimension_gaps` aggregates attainment per (cluster, dimension) with the
  AHP local weights and marks each cluster's weakest dimension (短板);
* `top_gaps` lists each cluster's largest weighted shortfalls;
* `recommendations` attaches the development path of the indicator file
  to every flagged (type, dimension), and the governance line when the
  cluster promotion organisation falls short;
* `diagnose` puts all of this together for one cluster.

The rules (benchmark modes, attainment, severity, edge cases,
recommendation rule) are documented in ``docs/gaps.md`` and in the
docstrings below; every number is computed on whole arrays (no loop over
clusters).

References
----------
.. [1] Gan, Y. et al. (2022). Construction of modern science and
   technology support system for advanced manufacturing clusters.
   Strategic Study of CAE, 24(2). Sections 3-4 (seed 000): the three
   cluster types, their problems and development paths.
.. [2] European Cluster Observatory: a cluster earns a "size" star in the
   top 10 % of its category (the default quantile q = 0.9).
.. [3] OECD/JRC (2008). Handbook on Constructing Composite Indicators,
   section 6 ("distance to a reference" normalisation, value / target).
"""

from __future__ import annotations

import difflib
import math
import re
import textwrap
import unicodedata
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from clusterscore._checks import as_weights, check_option
from clusterscore.errors import (
    ConfigError,
    DataError,
    FallbackWarning,
    ParameterError,
)
from clusterscore.io import validate
from clusterscore.system import DEFAULT_TYPE, IndicatorSystem

__all__ = [
    "BENCHMARK_MODES",
    "DEFAULT_BOUNDS",
    "GAP_COLUMNS",
    "REC_COLUMNS",
    "SEVERITIES",
    "Benchmark",
    "Diagnosis",
    "diagnose",
    "dimension_gaps",
    "flag_gaps",
    "recommendations",
    "resolve_benchmark",
    "top_gaps",
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

SEVERITIES = ("none", "minor", "major", "critical", "no target", "no data")
"""Severity labels: the four graded ones, worst last, then the two that
say a comparison was impossible (``"no target"``: the benchmark has no
target for the cell; ``"no data"``: the cluster's value is missing)."""

_NONE, _MINOR, _MAJOR, _CRITICAL, _NO_TARGET, _NO_DATA = range(6)
_GRADED = SEVERITIES[:4]

DEFAULT_BOUNDS = (0.8, 0.5)
"""Default (upper, lower) severity bounds on attainment (DESIGN.md)."""

DEFAULT_QUANTILE = 0.9
"""Default quantile of ``benchmark="quantile"``: the top 10 % of the
clusters of a type, as the European Cluster Observatory's size star."""

MIN_QUANTILE_CLUSTERS = 5
"""Fewest clusters of a type for a quantile benchmark; below it the
type's system targets are used (with a `FallbackWarning`)."""

BENCHMARK_MODES = ("system", "quantile")
"""The benchmark keywords; any other string names a cluster."""

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
# argument checks
# --------------------------------------------------------------------------


def _check_bounds(func: str, bounds: Any) -> tuple[float, float]:
    """Return ``(upper, lower)`` if ``1 >= upper > lower > 0``, else raise."""
    try:
        upper, lower = (float(b) for b in bounds)
    except (TypeError, ValueError):
        upper = lower = math.nan
    if not 1.0 >= upper > lower > 0.0:
        raise ParameterError(
            f"{func}(): 'bounds' must be (upper, lower) with "
            f"1 >= upper > lower > 0; got {bounds!r}.",
            parameter="bounds",
            value=bounds,
            allowed="1 >= upper > lower > 0",
        )
    return upper, lower


def _check_quantile(func: str, q: Any) -> float:
    """Return `q` as a float if 0 < q <= 1, else raise ParameterError."""
    try:
        x = float(q)
    except (TypeError, ValueError):
        x = math.nan
    if isinstance(q, bool) or not 0.0 < x <= 1.0:
        raise ParameterError(
            f"{func}(): 'quantile' must be a number in (0, 1]; got {q!r}.",
            parameter="quantile",
            value=q,
            allowed="(0, 1]",
        )
    return x


def _check_positive_int(func: str, param: str, value: Any) -> int:
    """Return `value` if it is an int >= 1, else raise ParameterError."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | np.integer)
        or value < 1
    ):
        raise ParameterError(
            f"{func}(): {param!r} must be an integer >= 1; got {value!r}.",
            parameter=param,
            value=value,
            allowed=">= 1",
        )
    return int(value)


def _unknown(
    func: str, param: str, what: str, names: Sequence[Any], valid: Sequence
) -> ParameterError:
    """Build the error for names that are not in `valid`, with hints."""
    parts = []
    for name in names:
        close = difflib.get_close_matches(str(name), list(map(str, valid)))
        hint = (
            f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
        )
        parts.append(f"{name!r}{hint}")
    return ParameterError(
        f"{func}(): {param!r} names unknown {what}: {', '.join(parts)}; "
        f"known: {', '.join(map(repr, valid))}.",
        parameter=param,
        value=list(names),
        allowed=tuple(valid),
    )


# --------------------------------------------------------------------------
# the table as arrays
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    """A validated input table as arrays (internal)."""

    frame: pd.DataFrame
    clusters: np.ndarray  # (n,) object
    types: np.ndarray  # (n,) object
    type_codes: np.ndarray  # (n,) int, index into system.cluster_types
    X: np.ndarray  # (n, m) float, NaN = missing


def _as_table(
    func: str, df: pd.DataFrame, system: IndicatorSystem, allow_missing: bool
) -> _Table:
    """Validate `df` and return it as arrays; negative values raise."""
    if not isinstance(df, pd.DataFrame):
        raise DataError(
            f"{func}(): 'df' must be a pandas DataFrame of clusters; got "
            f"{type(df).__name__}."
        )
    frame = validate(df, system, allow_missing=allow_missing)
    ids = list(system.indicator_ids)
    X = frame.loc[:, ids].to_numpy(dtype=float, na_value=np.nan)
    clusters = frame["cluster"].astype(str).to_numpy(dtype=object)
    types = frame["type"].astype(str).to_numpy(dtype=object)
    codes = pd.Categorical(types, categories=system.cluster_types).codes
    neg = np.argwhere(X < 0)
    if len(neg):
        cells = [
            f"cluster {clusters[i]!r} column {ids[j]!r} = {X[i, j]:g}"
            for i, j in neg
        ]
        raise DataError(
            f"{func}(): attainment is a ratio of value and target and needs "
            f"values >= 0; negative: {'; '.join(cells)}.",
            problems=cells,
        )
    return _Table(frame, clusters, types, np.asarray(codes, dtype=int), X)


# --------------------------------------------------------------------------
# benchmarks
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Benchmark:
    """Resolved targets per (cluster type, indicator), with provenance.

    Build it with `resolve_benchmark`; the constructor checks shapes and
    that every target is NaN (no target) or a finite number >= 0.

    Attributes
    ----------
    mode : {"system", "quantile", "cluster", "user"}
        How the targets were obtained.
    types : tuple of str
        Row labels: the system's cluster types.
    indicators : tuple of str
        Column labels: the system's indicator ids.
    values : numpy.ndarray
        (n_types, n_indicators) read-only targets; NaN = no target.
    provenance : Mapping[str, str]
        Per type, where its targets come from: ``"system"``,
        ``"quantile q=0.9 of 20 clusters"``, ``"cluster X"``, ``"user"``,
        or ``"system (fallback: ...)"``.
    """

    mode: str
    types: tuple[str, ...]
    indicators: tuple[str, ...]
    values: np.ndarray
    provenance: Mapping[str, str]

    def __post_init__(self) -> None:
        vals = np.array(self.values, dtype=float)
        shape = (len(self.types), len(self.indicators))
        if vals.shape != shape:
            raise ParameterError(
                f"Benchmark(): 'values' must have shape {shape} "
                f"(types x indicators); got {vals.shape}.",
                parameter="values",
            )
        bad = np.isinf(vals) | (vals < 0)
        if bad.any():
            i, j = np.argwhere(bad)[0]
            raise ParameterError(
                "Benchmark(): every target must be a finite number >= 0 "
                f"(or NaN for no target); got {float(vals[i, j])!r} for type "
                f"{self.types[i]!r}, indicator {self.indicators[j]!r}.",
                parameter="values",
                value=vals[i, j],
            )
        vals.setflags(write=False)
        object.__setattr__(self, "values", vals)
        object.__setattr__(
            self, "provenance", MappingProxyType(dict(self.provenance))
        )

    @property
    def table(self) -> pd.DataFrame:
        """The targets as a DataFrame (rows = types, columns = indicators)."""
        return pd.DataFrame(
            self.values.copy(),
            index=pd.Index(self.types, name="type"),
            columns=pd.Index(self.indicators, name="indicator"),
        )

    def target(self, cluster_type: str, indicator: str) -> float:
        """Return the target of one (type, indicator); NaN = no target."""
        return float(
            self.values[
                self.types.index(cluster_type),
                self.indicators.index(indicator),
            ]
        )


def _system_targets(system: IndicatorSystem) -> np.ndarray:
    """(n_types, n_ind) targets from the indicator file; NaN = none."""
    out = np.full((len(system.types), len(system.indicators)), np.nan)
    for k, t in enumerate(system.cluster_types):
        for j, ind in enumerate(system.indicator_ids):
            target = system.target(ind, t)
            if target is None:
                continue
            v = float(target.value)
            if not (math.isfinite(v) and v >= 0):
                raise ConfigError(
                    f"{system.path or '<system>'}: target of {ind!r} for "
                    f"type {t!r} must be a finite number >= 0; got {v!r}.",
                    path=system.path or None,
                    key=f"target.{t}.{ind}",
                )
            out[k, j] = v
    return out


def _quantile_targets(
    func: str,
    table: _Table,
    system: IndicatorSystem,
    q: float,
    min_clusters: int,
) -> tuple[np.ndarray, dict[str, str]]:
    """Direction-aware per-type quantiles, system targets below the guard."""
    out = _system_targets(system)
    signs = np.array([i.sign for i in system.indicators])
    provenance: dict[str, str] = {}
    short: list[str] = []
    for k, t in enumerate(system.cluster_types):  # a few types, not rows
        rows = table.X[table.type_codes == k]
        n = len(rows)
        if n < min_clusters:
            provenance[t] = (
                f"system (fallback: quantile needs >= {min_clusters} "
                f"clusters of a type; {n} in the table)"
            )
            if n:
                names = ", ".join(
                    map(repr, table.clusters[table.type_codes == k])
                )
                short.append(f"{t!r} has {n} ({names})")
            continue
        with warnings.catch_warnings():  # an all-NaN column: NaN target
            warnings.simplefilter("ignore", RuntimeWarning)
            hi = np.nanquantile(rows, q, axis=0)
            lo = np.nanquantile(rows, 1.0 - q, axis=0)
        out[k] = np.where(signs > 0, hi, lo)
        provenance[t] = f"quantile q={q:g} of {n} clusters"
    if short:
        warnings.warn(
            f"{func}(): benchmark='quantile' needs at least {min_clusters} "
            f"clusters of a type; type {'; type '.join(short)}: those "
            "types use the system targets from the indicator file instead.",
            FallbackWarning,
            stacklevel=3,
        )
    return out, provenance


def _cluster_targets(
    func: str, table: _Table, system: IndicatorSystem, name: str
) -> tuple[np.ndarray, dict[str, str]]:
    """Every type's targets are the values of the named cluster."""
    hits = np.flatnonzero(table.clusters == name)
    if not len(hits):
        close = difflib.get_close_matches(name, list(table.clusters), n=3)
        if close:
            hint = f"close names: {', '.join(map(repr, close))}"
        else:
            some = ", ".join(map(repr, table.clusters[:5]))
            more = ", ..." if len(table.clusters) > 5 else ""
            hint = f"no close name; the table has {some}{more}"
        raise ParameterError(
            f"{func}(): 'benchmark' must be 'system', 'quantile' or the "
            f"name of a cluster in the table; got {name!r} ({hint}).",
            parameter="benchmark",
            value=name,
            allowed=(*BENCHMARK_MODES, *table.clusters),
        )
    row = table.X[hits[0]]
    out = np.tile(row, (len(system.types), 1))
    return out, dict.fromkeys(system.cluster_types, f"cluster {name}")


def _user_targets(
    func: str, system: IndicatorSystem, benchmark: Any
) -> np.ndarray:
    """Targets from a Series / mapping (all types) or per-type table."""
    types, ids = system.cluster_types, system.indicator_ids
    if isinstance(benchmark, pd.DataFrame):
        frame = benchmark
    elif isinstance(benchmark, pd.Series):
        frame = pd.DataFrame([benchmark.to_dict()] * len(types), index=types)
    else:
        items = dict(benchmark)
        nested = [isinstance(v, Mapping | pd.Series) for v in items.values()]
        if items and all(nested):
            frame = pd.DataFrame.from_dict(
                {k: dict(v) for k, v in items.items()}, orient="index"
            )
        elif any(nested):
            raise ParameterError(
                f"{func}(): a 'benchmark' mapping must map indicator ids "
                "to targets (for all types) or type ids to such mappings; "
                "it mixes both.",
                parameter="benchmark",
            )
        else:
            frame = pd.DataFrame([items] * len(types), index=types)
    bad_types = [t for t in frame.index if t not in types]
    if bad_types:
        raise _unknown(func, "benchmark", "cluster types", bad_types, types)
    bad_ids = [c for c in frame.columns if c not in ids]
    if bad_ids:
        raise _unknown(func, "benchmark", "indicators", bad_ids, ids)
    frame = frame.reindex(index=list(types), columns=list(ids))
    try:
        vals = frame.to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise ParameterError(
            f"{func}(): 'benchmark' targets must be numbers; got "
            f"{frame.stack().tolist()!r}.",
            parameter="benchmark",
        ) from None
    bad = np.isinf(vals) | (vals < 0)
    if bad.any():
        cells = [
            f"{types[i]}/{ids[j]} = {float(vals[i, j])!r}"
            for i, j in np.argwhere(bad)
        ]
        raise ParameterError(
            f"{func}(): 'benchmark' targets must be finite numbers >= 0 "
            f"(NaN = no target); got {', '.join(cells)}.",
            parameter="benchmark",
        )
    return vals


def _resolve(
    func: str,
    table: _Table | None,
    system: IndicatorSystem,
    benchmark: Any,
    q: float,
    min_clusters: int,
) -> Benchmark:
    """Resolve `benchmark` against a validated table (or None)."""
    types, ids = system.cluster_types, system.indicator_ids
    if isinstance(benchmark, Benchmark):
        if benchmark.types != types or benchmark.indicators != ids:
            raise ParameterError(
                f"{func}(): the Benchmark was resolved for another system "
                "(its types or indicators differ from the system's).",
                parameter="benchmark",
            )
        return benchmark
    if isinstance(benchmark, str):
        if benchmark == "system":
            return Benchmark(
                "system",
                types,
                ids,
                _system_targets(system),
                dict.fromkeys(types, "system"),
            )
        if table is None:
            raise ParameterError(
                f"{func}(): benchmark={benchmark!r} needs the table of "
                "clusters ('df'); only 'system' and explicit targets work "
                "without it.",
                parameter="df",
            )
        if benchmark == "quantile":
            vals, prov = _quantile_targets(
                func, table, system, q, min_clusters
            )
            return Benchmark("quantile", types, ids, vals, prov)
        vals, prov = _cluster_targets(func, table, system, benchmark)
        return Benchmark("cluster", types, ids, vals, prov)
    if isinstance(benchmark, Mapping | pd.Series | pd.DataFrame):
        vals = _user_targets(func, system, benchmark)
        return Benchmark(
            "user", types, ids, vals, dict.fromkeys(types, "user")
        )
    raise ParameterError(
        f"{func}(): 'benchmark' must be 'system', 'quantile', the name of a "
        "cluster in the table, a mapping / Series / DataFrame of targets or "
        f"a Benchmark; got {type(benchmark).__name__} {benchmark!r}.",
        parameter="benchmark",
        value=benchmark,
    )


def resolve_benchmark(
    df: pd.DataFrame | None,
    system: IndicatorSystem,
    benchmark: Any = "system",
    *,
    quantile: float = DEFAULT_QUANTILE,
    min_clusters: int = MIN_QUANTILE_CLUSTERS,
    allow_missing: bool = False,
) -> Benchmark:
    """Turn a benchmark specification into targets per (type, indicator).

    Parameters
    ----------
    df : pandas.DataFrame or None
        The clusters (validated with `clusterscore.io.validate`).
        Needed for ``"quantile"`` and for a cluster name; may be None for
        ``"system"`` and explicit targets.
    system : IndicatorSystem
        The indicator system.
    benchmark : str, Mapping, pandas.Series, pandas.DataFrame or Benchmark
        ``"system"`` (default): the per-type targets of the indicator file.
        ``"quantile"``: per type, the `quantile` q of the type's clusters
        for benefit indicators and the 1 - q quantile for cost indicators
        (numpy's linear interpolation, NaN cells left out); a type with
        fewer than `min_clusters` clusters falls back to the system
        targets with a `FallbackWarning` naming the type. Any other
        string: the name of a cluster in `df`, whose values become the
        targets of every type (a keyword wins over a cluster of the same
        name). A Series or a flat mapping ``{indicator: target}``: targets
        for every type; a DataFrame (rows = types, columns = indicators) or
        a nested mapping ``{type: {indicator: target}}``: per type.
        Indicators or types a user benchmark leaves out have no target.
    quantile : float
        q for ``"quantile"``, in (0, 1]; default 0.9.
    min_clusters : int
        Fewest clusters of a type for the quantile; default 5.
    allow_missing : bool
        Passed to `validate`: accept NaN cells in `df`.

    Returns
    -------
    Benchmark
        Targets (NaN = no target) and their provenance per type.

    Raises
    ------
    ParameterError
        Unknown cluster name (the message lists close names), unknown type
        or indicator in user targets, negative or infinite targets, a
        quantile outside (0, 1].
    ConfigError
        A negative or infinite target in the indicator file.
    DataError
        `df` fails validation or holds a negative value.

    References
    ----------
    .. [1] European Cluster Observatory, cluster "stars": a star for the
       top 10 % of clusters of a category (hence q = 0.9).
    .. [2] Gan, Y. et al. (2022), Strategic Study of CAE 24(2), section 3
       (the three cluster types that targets are set per).
    """
    func = "resolve_benchmark"
    q = _check_quantile(func, quantile)
    min_clusters = _check_positive_int(func, "min_clusters", min_clusters)
    table = None if df is None else _as_table(func, df, system, allow_missing)
    return _resolve(func, table, system, benchmark, q, min_clusters)


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


def _compute(
    func: str,
    df: pd.DataFrame,
    system: IndicatorSystem,
    benchmark: Any,
    bounds: Any,
    quantile: float,
    allow_missing: bool,
) -> _Gaps:
    upper, lower = _check_bounds(func, bounds)
    q = _check_quantile(func, quantile)
    table = _as_table(func, df, system, allow_missing)
    bm = _resolve(func, table, system, benchmark, q, MIN_QUANTILE_CLUSTERS)
    T = bm.values[table.type_codes]
    signs = np.array([i.sign for i in system.indicators])
    A = _attainment_kernel(table.X, T, signs)
    codes = _severity_kernel(A, upper, lower)
    codes = np.where(np.isnan(T), _NO_TARGET, codes)
    codes = np.where(np.isnan(table.X), _NO_DATA, codes).astype(np.int8)
    return _Gaps(table, bm, (upper, lower), T, A, codes)


def _provenance(g: _Gaps) -> dict[str, Any]:
    """Return what a gap table was measured against (``frame.attrs``)."""
    return {
        "benchmark": g.benchmark.mode,
        "provenance": dict(g.benchmark.provenance),
        "bounds": g.bounds,
    }


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
        the benchmark mode, its provenance per type and the bounds.

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


# --------------------------------------------------------------------------
# weights and the dimension view
# --------------------------------------------------------------------------


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
            from clusterscore.weights.hierarchy import system_weights

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
    frame = frame[frame["rank"] <= k].drop(columns=["_row", "_col", "_key"])
    frame = frame.reset_index(drop=True)
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
    k = _check_positive_int(func, "k", k)
    g = _compute(func, df, system, benchmark, bounds, quantile, allow_missing)
    return _top_frame(_dims(func, g, system, weights), system, k)


# --------------------------------------------------------------------------
# recommendations
# --------------------------------------------------------------------------

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


def _rec_frame(
    d: _Dims, system: IndicatorSystem, min_severity: str
) -> pd.DataFrame:
    g = d.gaps
    min_code = SEVERITIES.index(min_severity)
    member = _member(system).astype(bool)
    dim_of = member.argmax(axis=1)
    dim_ids = np.array(system.dimension_ids, dtype=object)
    ids = np.array(system.indicator_ids, dtype=object)
    labels = pd.Series(dict(enumerate(SEVERITIES)))
    lines = _rec_lines(system)

    # dimension-wide lines: flagged (cluster, dimension) pairs
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
        + pd.Series(att, dtype=float).map(_fmt_pct).to_numpy(dtype=object),
        "critical indicator(s): "
        + crit_names.reindex(pd.MultiIndex.from_arrays([rows, cols]))
        .fillna("")
        .to_numpy(dtype=object),
    )
    pairs = pd.DataFrame(
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
    wide = pairs.merge(
        lines[lines["j"] < 0], on=["t", "c", "j"], how="left", sort=False
    )

    # indicator-specific lines: indicators below target (any graded gap)
    rows, cols = np.nonzero((g.codes >= _MINOR) & (g.codes <= _CRITICAL))
    value, target = g.table.X[rows, cols], g.targets[rows, cols]
    sev = labels.reindex(g.codes[rows, cols]).to_numpy(dtype=object)
    cells = pd.DataFrame(
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
            + pd.Series(value, dtype=float).map(_fmt_num).to_numpy(object)
            + " of target "
            + pd.Series(target, dtype=float).map(_fmt_num).to_numpy(object),
        }
    )
    narrow = cells.merge(
        lines[lines["j"] >= 0], on=["t", "c", "j"], how="inner", sort=False
    )

    out = pd.concat([wide, narrow], ignore_index=True)
    out["_wide"] = out["j"] < 0
    out = out.sort_values(
        ["r", "c", "_wide", "j", "order"],
        ascending=[True, True, False, True, True],
        kind="stable",
    )
    out["cluster"] = g.table.clusters[out["r"].to_numpy()]
    out["type"] = g.table.types[out["r"].to_numpy()]
    out["dimension"] = dim_ids[out["c"].to_numpy()]
    out = out.loc[:, list(REC_COLUMNS)].reset_index(drop=True)
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


# --------------------------------------------------------------------------
# one cluster's diagnosis
# --------------------------------------------------------------------------


def _fmt_num(x: float) -> str:
    """Format a number with 4 significant digits ('n/a' for NaN)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:.4g}"


def _fmt_pct(x: float) -> str:
    """Attainment as a percentage ('n/a' for NaN, '∞' for inf)."""
    if x is None or math.isnan(x):
        return "n/a"
    if math.isinf(x):
        return "∞"
    return f"{100 * x:.1f}%"


_LABELS = {
    "en": {
        "title": "Gap diagnosis",
        "type": "Type",
        "benchmark": "Benchmark",
        "bounds": "Severity bounds",
        "dims": "Dimensions (weighted attainment of the benchmark; "
        "100% = every target met)",
        "short": "short of target",
        "weakest": "Weakest dimension (short board, 短板)",
        "also": "Also below target",
        "no_weak": "none: every target is met",
        "top": "Top gaps (priority = global weight x shortfall)",
        "no_top": "none",
        "recs": "Recommendations",
        "no_recs": "none: no dimension is flagged",
        "no_text": "(the indicator file has no recommendation for this "
        "type and dimension)",
        "source": "Source",
        "missing": "Not compared (no target or no data)",
        "vs": " vs target ",
        "priority": "priority",
    },
    "zh": {
        "title": "差距诊断",
        "type": "集群类型",
        "benchmark": "对标基准",
        "bounds": "严重程度分界",
        "dims": "各维度（加权达标率；100% 即全部目标达成）",
        "short": "未达标",
        "weakest": "短板维度",
        "also": "其他未达标维度",
        "no_weak": "无：全部目标均已达成",
        "top": "主要差距（优先度 = 全局权重 × 缺口）",
        "no_top": "无",
        "recs": "发展建议",
        "no_recs": "无：没有维度被标记",
        "no_text": "（指标文件中没有该类型与维度的建议）",
        "source": "出处",
        "missing": "未比较（无目标值或缺数据）",
        "vs": "，目标 ",
        "priority": "优先度",
    },
}

_MD_LABELS = {
    "en": {
        "dims": "Dimensions",
        "dimension": "dimension",
        "indicator": "indicator",
        "attainment": "attainment",
        "severity": "severity",
        "gaps": "short of target",
        "value": "value",
        "target": "target",
    },
    "zh": {
        "dims": "各维度",
        "dimension": "维度",
        "indicator": "指标",
        "attainment": "达标率",
        "severity": "严重程度",
        "gaps": "未达标指标",
        "value": "数值",
        "target": "目标值",
    },
}

_SEVERITY_ZH = {
    "none": "达标",
    "minor": "轻微",
    "major": "较大",
    "critical": "严重",
    "no target": "无目标值",
    "no data": "缺数据",
}


def _display_width(text: str) -> int:
    """Terminal columns of `text` (East Asian wide characters count 2)."""
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Wrap `text` to about `width` terminal columns (wide chars count 2)."""
    share = (_display_width(text) - len(text)) / max(len(text), 1)
    return textwrap.wrap(
        text,
        width=max(20, int(width / (1 + share))),
        initial_indent=first,
        subsequent_indent=rest,
    )


def _pad(text: str, width: int) -> str:
    """Left-align `text` in `width` terminal columns."""
    return text + " " * max(0, width - _display_width(text))


_PROVENANCE_ZH = (
    (
        re.compile(
            r"^system \(fallback: quantile needs >= (\d+) clusters "
            r"of a type; (\d+) in the table\)$"
        ),
        r"指标体系文件中的目标值（分位数基准要求同类型至少 \1 个集群，"
        r"表中只有 \2 个）",
    ),
    (re.compile(r"^system$"), "指标体系文件中的分类型目标值"),
    (
        re.compile(r"^quantile q=(\S+) of (\d+) clusters$"),
        r"同类型 \2 个集群的 \1 分位数",
    ),
    (re.compile(r"^cluster (.*)$"), r"对标集群：\1"),
    (re.compile(r"^user$"), "用户给定的目标值"),
)


def _describe_benchmark(provenance: str, lang: str) -> str:
    """Say in `lang` where a type's targets come from."""
    if lang == "zh":
        for pattern, repl in _PROVENANCE_ZH:
            if pattern.match(provenance):
                return pattern.sub(repl, provenance)
        return provenance
    if provenance == "system":
        return "system (the per-type targets of the indicator file)"
    return provenance


def _severity_label(severity: str, lang: str = "en") -> str:
    """Return a severity label in English or Chinese."""
    return _SEVERITY_ZH[severity] if lang == "zh" else severity


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
        The system (for names in `to_text`).
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

    def __str__(self) -> str:
        return self.to_text()

    def _names(self, lang: str) -> tuple[dict, dict, dict]:
        zh = lang == "zh"
        ind = {
            i.id: (i.name_zh if zh else i.name) or i.id
            for i in self.system.indicators
        }
        dim = {
            d.id: (d.name_zh if zh else d.name) or d.id
            for d in self.system.dimensions
        }
        typ = {
            t.id: (t.name_zh if zh else t.name) or t.id
            for t in self.system.types
        }
        return ind, dim, typ

    def to_text(self, lang: str = "en", width: int = 78) -> str:
        """Return the diagnosis as readable text.

        Parameters
        ----------
        lang : {"en", "zh"}
            English names and texts, or Chinese names and ``text_zh``
            (the English text where the file has no Chinese one).
        width : int
            Wrap recommendation texts at this width.
        """
        check_option("Diagnosis.to_text", "lang", lang, ("en", "zh"))
        lab = _LABELS[lang]
        ind, dim, typ = self._names(lang)

        def sev(s: str) -> str:
            return _severity_label(s, lang)

        upper, lower = self.bounds
        out = [
            f"{lab['title']}: {self.cluster}",
            f"{lab['type']}: {typ.get(self.cluster_type, self.cluster_type)}"
            f" ({self.cluster_type})",
            f"{lab['benchmark']}: {_describe_benchmark(self.benchmark, lang)}",
            f"{lab['bounds']}: {sev('none')} >= 1, {sev('minor')} >= "
            f"{upper:g}, {sev('major')} >= {lower:g}, {sev('critical')} "
            f"< {lower:g}",
            "",
            lab["dims"],
        ]
        names = [dim[d] for d in self.dimensions["dimension"]]
        wname = max(map(_display_width, names), default=0)
        wsev = max(_display_width(sev(x)) for x in SEVERITIES)
        for name, r in zip(
            names, self.dimensions.itertuples(index=False), strict=True
        ):
            out.append(
                f"  {_pad(name, wname)}  {_fmt_pct(r.attainment):>7}  "
                f"{_pad(sev(r.severity), wsev)}  {r.n_gaps}/{r.n_indicators}"
                f" {lab['short']}"
            )
        weak = [
            f"{dim[d]} ({_fmt_pct(self._dim_att(d))})" for d in self.weakest
        ]
        out += [
            "",
            f"{lab['weakest']}: " + (weak[0] if weak else lab["no_weak"]),
        ]
        if len(weak) > 1:
            out.append(f"{lab['also']}: " + ", ".join(weak[1:]))
        out += ["", lab["top"]]
        if not len(self.top_gaps):
            out.append(f"  {lab['no_top']}")
        for r in self.top_gaps.itertuples(index=False):
            unit = self.system.indicator(r.indicator).unit
            out.append(
                f"  {r.rank}. {ind[r.indicator]} [{dim[r.dimension]}]: "
                f"{_fmt_num(r.value)}{lab['vs']}{_fmt_num(r.target)} "
                f"{unit} -> {_fmt_pct(r.attainment)} ({sev(r.severity)}), "
                f"{lab['priority']} {r.priority:.4f}"
            )
        out += ["", lab["recs"]]
        if not len(self.recommendations):
            out.append(f"  {lab['no_recs']}")
        for r in self.recommendations.itertuples(index=False):
            text = (r.text_zh or r.text) if lang == "zh" else r.text
            out.append(
                f"  - {self._rec_head(r, lang)} "
                f"({sev(r.severity)}; {self._reason(r, lang)}):"
            )
            body = text if text else lab["no_text"]
            out += _wrap(body, width, "    ", "    ")
            if r.source:
                out += _wrap(
                    f"{lab['source']}: {r.source}", width, "    ", "      "
                )
        missing = self.gaps[self.gaps["severity"].isin(SEVERITIES[4:])]
        if len(missing):
            out += [
                "",
                f"{lab['missing']}: "
                + ", ".join(
                    f"{ind[i]} ({sev(s)})"
                    for i, s in zip(
                        missing["indicator"], missing["severity"], strict=True
                    )
                ),
            ]
        return "\n".join(out)

    def _rec_head(self, r: Any, lang: str) -> str:
        """Name a recommendation row: dimension, and indicator if any."""
        ind, dim, _ = self._names(lang)
        head = dim.get(r.dimension, r.dimension)
        return f"{head} / {ind[r.indicator]}" if r.indicator else head

    def _reason(self, r: Any, lang: str) -> str:
        """Say why a recommendation applies, in `lang`."""
        if lang != "zh":
            return r.reason
        ind, _, _ = self._names(lang)
        if r.indicator:
            return f"{ind[r.indicator]}达标率 {_fmt_pct(r.attainment)}"
        prefix = "critical indicator(s): "
        if r.reason.startswith(prefix):
            names = r.reason[len(prefix) :].split(", ")
            return "严重差距指标：" + "、".join(ind.get(n, n) for n in names)
        return f"维度达标率 {_fmt_pct(r.attainment)}"

    def _dim_att(self, dimension: str) -> float:
        row = self.dimensions[self.dimensions["dimension"] == dimension]
        return float(row["attainment"].iloc[0])

    def to_markdown(self, lang: str = "en") -> str:
        """Return the diagnosis as Markdown (headings, tables, a list).

        Parameters
        ----------
        lang : {"en", "zh"}
            As in `to_text`.
        """
        check_option("Diagnosis.to_markdown", "lang", lang, ("en", "zh"))
        lab = _LABELS[lang]
        md = _MD_LABELS[lang]
        ind, dim, typ = self._names(lang)

        def sev(s: str) -> str:
            return _severity_label(s, lang)

        upper, lower = self.bounds
        out = [
            f"## {lab['title']}: {self.cluster}",
            "",
            f"- {lab['type']}: {typ.get(self.cluster_type, self.cluster_type)}"
            f" (`{self.cluster_type}`)",
            f"- {lab['benchmark']}: "
            f"{_describe_benchmark(self.benchmark, lang)}",
            f"- {lab['bounds']}: {sev('none')} >= 1, {sev('minor')} >= "
            f"{upper:g}, {sev('major')} >= {lower:g}, {sev('critical')} "
            f"< {lower:g}",
            f"- {lab['weakest']}: "
            + (
                ", ".join(
                    f"{dim[d]} ({_fmt_pct(self._dim_att(d))})"
                    for d in self.weakest
                )
                if self.weakest
                else lab["no_weak"]
            ),
            "",
            f"### {md['dims']}",
            "",
            f"| {md['dimension']} | {md['attainment']} | {md['severity']} "
            f"| {md['gaps']} |",
            "| --- | ---: | --- | ---: |",
        ]
        out += [
            f"| {dim[r.dimension]} | {_fmt_pct(r.attainment)} | "
            f"{sev(r.severity)} | {r.n_gaps}/{r.n_indicators} |"
            for r in self.dimensions.itertuples(index=False)
        ]
        out += ["", f"### {lab['top']}", ""]
        if len(self.top_gaps):
            out += [
                f"| # | {md['indicator']} | {md['dimension']} | "
                f"{md['value']} | {md['target']} | {md['attainment']} | "
                f"{md['severity']} | {lab['priority']} |",
                "| ---: | --- | --- | ---: | ---: | ---: | --- | ---: |",
            ]
            out += [
                f"| {r.rank} | {ind[r.indicator]} | {dim[r.dimension]} | "
                f"{_fmt_num(r.value)} | {_fmt_num(r.target)} | "
                f"{_fmt_pct(r.attainment)} | {sev(r.severity)} | "
                f"{r.priority:.4f} |"
                for r in self.top_gaps.itertuples(index=False)
            ]
        else:
            out.append(lab["no_top"])
        out += ["", f"### {lab['recs']}", ""]
        if not len(self.recommendations):
            out.append(lab["no_recs"])
        for r in self.recommendations.itertuples(index=False):
            text = (r.text_zh or r.text) if lang == "zh" else r.text
            line = (
                f"- **{self._rec_head(r, lang)}** "
                f"({sev(r.severity)}; {self._reason(r, lang)}): "
                f"{text if text else lab['no_text']}"
            )
            if r.source:
                line += f" *{lab['source']}: {r.source}*"
            out.append(line)
        return "\n".join(out) + "\n"

    def to_dict(self) -> dict[str, Any]:
        """Return the diagnosis as plain data (JSON-serialisable).

        Infinite attainments become the string ``"inf"``; NaN becomes None.
        """

        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            out = []
            for rec in frame.to_dict(orient="records"):
                clean = {}
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
                    clean[key] = v
                out.append(clean)
            return out

        return {
            "cluster": self.cluster,
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
    k = _check_positive_int(func, "k", k)
    check_option(func, "min_severity", min_severity, _MIN_SEVERITY)
    g = _compute(func, df, system, benchmark, bounds, quantile, allow_missing)
    hits = np.flatnonzero(g.table.clusters == cluster)
    if not len(hits):
        close = difflib.get_close_matches(str(cluster), list(g.table.clusters))
        hint = (
            f"close names: {', '.join(map(repr, close))}"
            if close
            else f"the table has {len(g.table.clusters)} clusters"
        )
        raise ParameterError(
            f"{func}(): 'cluster' must be the name of a cluster in the "
            f"table; got {cluster!r} ({hint}).",
            parameter="cluster",
            value=cluster,
        )
    d = _dims(func, g, system, weights)
    ctype = str(g.table.types[hits[0]])

    def mine(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["cluster"] == cluster].reset_index(drop=True)

    dims = mine(_dims_frame(d, system))
    below = dims[dims["severity"].isin(_GRADED[1:])]
    weakest = tuple(
        below.sort_values("attainment", kind="stable")["dimension"]
    )
    return Diagnosis(
        cluster=str(cluster),
        cluster_type=ctype,
        benchmark=g.benchmark.provenance[ctype],
        bounds=g.bounds,
        gaps=mine(_long_frame(g, system)),
        dimensions=dims,
        weakest=weakest,
        top_gaps=mine(_top_frame(d, system, k)),
        recommendations=mine(_rec_frame(d, system, min_severity)),
        system=system,
    )
