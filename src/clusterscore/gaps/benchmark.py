"""Benchmark targets per (cluster type, indicator), with their provenance.

A *benchmark* gives a target for every (cluster type, indicator); each
cluster's value is compared with the target of its type (`flag_gaps` in
`clusterscore.gaps.flag`). `resolve_benchmark` builds the targets from one
of four sources: the per-type targets of the indicator file
(``"system"``), a top quantile of the same-type clusters (``"quantile"``),
the values of a named cluster, or targets given by the user.

This module also turns a validated input table into the arrays every gap
computation works on (`_as_table`).

References
----------
.. [1] Gan, Y. et al. (2022). Construction of modern science and
   technology support system for advanced manufacturing clusters.
   Strategic Study of CAE, 24(2). Sections 3-4 (seed 000): the three
   cluster types, their problems and development paths.
.. [2] European Cluster Observatory: a cluster earns a "size" star in the
   top 10 % of its category (the default quantile q = 0.9).
"""

from __future__ import annotations

import difflib
import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, cast

import numpy as np
import pandas as pd

from clusterscore._checks import (
    check_count,
    check_quantile,
    short_list,
    short_repr,
)
from clusterscore._choices import DEFAULT_QUANTILE
from clusterscore.errors import (
    ConfigError,
    DataError,
    FallbackWarning,
    ParameterError,
)
from clusterscore.io import validate
from clusterscore.system import IndicatorSystem

__all__ = [
    "BENCHMARK_MODES",
    "DEFAULT_QUANTILE",
    "MIN_QUANTILE_CLUSTERS",
    "Benchmark",
    "resolve_benchmark",
]

MIN_QUANTILE_CLUSTERS = 5
"""Fewest clusters of a type for a quantile benchmark; below it the
type's system targets are used (with a `FallbackWarning`)."""

BENCHMARK_MODES = ("system", "quantile")
"""The benchmark keywords; any other string names a cluster."""


def _unknown(
    func: str,
    param: str,
    what: str,
    names: Sequence[Any],
    valid: Sequence[Any],
) -> ParameterError:
    """Build the error for names that are not in `valid`, with hints.

    A few of the unknown names are shown (`short_list`), each with its
    close matches; the rest are counted.
    """
    choices = list(map(str, valid))

    def shown(name: Any) -> str:
        close = difflib.get_close_matches(str(name), choices)
        hint = (
            f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
        )
        return f"{short_repr(name)}{hint}"

    return ParameterError(
        f"{func}(): {param!r} names unknown {what}: "
        f"{short_list(names, show=shown)}; "
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
    years: np.ndarray | None = None  # (n,) int on a panel, else None

    def year_rows(self) -> list[tuple[int, np.ndarray, _Table]]:
        """Return a panel's years: (year, rows, the year's sub-table)."""
        out = []
        assert self.years is not None  # called on panels only
        for y in np.unique(self.years):
            rows = np.flatnonzero(self.years == y)
            sub = _Table(
                self.frame.iloc[rows].reset_index(drop=True),
                self.clusters[rows],
                self.types[rows],
                self.type_codes[rows],
                self.X[rows],
            )
            out.append((int(y), rows, sub))
        return out


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
            f"cluster {short_repr(clusters[i])} column {ids[j]!r} = "
            f"{X[i, j]:g}"
            for i, j in neg
        ]
        raise DataError(
            f"{func}(): attainment is a ratio of value and target and needs "
            f"values >= 0; negative: {short_list(cells, show=str)}.",
            problems=cells,
        )
    years = frame["year"].to_numpy(dtype=np.int64) if "year" in frame else None
    return _Table(
        frame, clusters, types, np.asarray(codes, dtype=int), X, years
    )


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
                names = short_list(table.clusters[table.type_codes == k])
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
            some = ", ".join(map(short_repr, table.clusters[:5]))
            more = ", ..." if len(table.clusters) > 5 else ""
            hint = f"no close name; the table has {some}{more}"
        raise ParameterError(
            f"{func}(): 'benchmark' must be 'system', 'quantile' or the "
            f"name of a cluster in the table; got {short_repr(name)} "
            f"({hint}).",
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
            # flat columns: stack() is a Series (the stubs allow a frame)
            f"{short_repr(cast('pd.Series[Any]', frame.stack()).tolist())}.",
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
            f"(NaN = no target); got {short_list(cells, show=str)}.",
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
                f"{func}(): benchmark={short_repr(benchmark)} needs the "
                "table of clusters ('df'); only 'system' and explicit "
                "targets work without it.",
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
        f"a Benchmark; got {type(benchmark).__name__} "
        f"{short_repr(benchmark)}.",
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
    q = check_quantile(func, quantile)
    min_clusters = check_count(func, "min_clusters", min_clusters)
    table = None if df is None else _as_table(func, df, system, allow_missing)
    return _resolve(func, table, system, benchmark, q, min_clusters)
