"""Reading ``[[target]]`` and ``[[recommendation]]``.

A target is a benchmark value per indicator and cluster type (finite,
> 0 and within the indicator's bounds); a recommendation is the
development path for a (cluster type, dimension) shortfall, optionally
narrowed to one indicator of the dimension.
"""

from __future__ import annotations

import math
from typing import Any

from clusterscore._checks import short_repr
from clusterscore.system.keys import Source, entries, fields, fmt, suggest
from clusterscore.system.model import (
    DEFAULT_TYPE,
    ClusterType,
    Dimension,
    Indicator,
    Recommendation,
    Target,
)

__all__ = ["read_recommendations", "read_targets"]

_TARGET = {
    "indicator": (str, True),
    "values": (dict, True),
    "estimate": (bool, True),
    "source": (str, True),
}
_RECOMMENDATION = {
    "type": (str, True),
    "dimension": (str, True),
    "indicator": (str, False),
    "text": (str, True),
    "text_zh": (str, False),
    "source": (str, True),
}


def read_targets(
    src: Source,
    types: tuple[ClusterType, ...],
    indicators: tuple[Indicator, ...],
) -> tuple[Target, ...]:
    """Check ``[[target]]``: known indicator and types, values > 0."""
    type_choices = (*(t.id for t in types), DEFAULT_TYPE)
    by_id = {i.id: i for i in indicators}
    seen: dict[tuple[str, str], int] = {}
    out = []
    for n, entry in enumerate(entries(src, "target", False), 1):
        key = f"target[{n}]"
        f = fields(src, entry, key, _TARGET, f"[[target]] entry {n}")
        ind_id = f["indicator"]
        if ind_id not in by_id:
            raise src.fail(
                f"{key}.indicator",
                f"unknown indicator {short_repr(ind_id)}"
                f"{suggest(ind_id, tuple(by_id))}.",
            )
        if not f["values"]:
            raise src.fail(
                f"{key}.values",
                f"no values; write e.g. values = {{ "
                f"{type_choices[0]} = 1.0 }}.",
            )
        source = src.cite(f"{key}.source", f["source"])
        for ctype, value in f["values"].items():
            vkey = f"target.{ind_id}.values.{ctype}"
            if ctype not in type_choices:
                raise src.fail(
                    vkey,
                    f"unknown cluster type {short_repr(ctype)}"
                    f"{suggest(ctype, type_choices)}; use one of "
                    f"{', '.join(type_choices)}.",
                )
            _check_value(src, vkey, by_id[ind_id], value)
            if (ind_id, ctype) in seen:
                raise src.fail(
                    vkey,
                    f"duplicate target for {short_repr(ind_id)} and type "
                    f"{short_repr(ctype)} (entries {seen[(ind_id, ctype)]} "
                    "and "
                    f"{n}).",
                )
            seen[(ind_id, ctype)] = n
            out.append(
                Target(
                    indicator=ind_id,
                    cluster_type=ctype,
                    value=float(value),
                    source=source,
                    estimate=f["estimate"],
                )
            )
    return tuple(out)


def _check_value(src: Source, vkey: str, ind: Indicator, value: Any) -> None:
    """Check one target value: a finite number > 0 in the bounds."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise src.fail(vkey, f"target must be a number; got {fmt(value)}.")
    if not math.isfinite(value) or value <= 0:
        raise src.fail(
            vkey,
            f"target must be a finite number > 0 (attainment "
            f"divides by it); got {short_repr(value)}.",
        )
    if not _within(ind, float(value)):
        raise src.fail(
            vkey,
            f"target {short_repr(value)} lies outside the valid bounds "
            f"of {short_repr(ind.id)} {_bounds_text(ind)}.",
        )


def read_recommendations(
    src: Source,
    types: tuple[ClusterType, ...],
    dims: tuple[Dimension, ...],
) -> tuple[Recommendation, ...]:
    """Check ``[[recommendation]]``: known type, dimension, indicator."""
    type_choices = (*(t.id for t in types), DEFAULT_TYPE)
    dim_ids = tuple(d.id for d in dims)
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for n, entry in enumerate(entries(src, "recommendation", False), 1):
        key = f"recommendation[{n}]"
        f = fields(
            src, entry, key, _RECOMMENDATION, f"[[recommendation]] entry {n}"
        )
        if f["type"] not in type_choices:
            raise src.fail(
                f"{key}.type",
                f"unknown cluster type {short_repr(f['type'])}"
                f"{suggest(f['type'], type_choices)}; use one of "
                f"{', '.join(type_choices)}.",
            )
        if f["dimension"] not in dim_ids:
            raise src.fail(
                f"{key}.dimension",
                f"unknown dimension {short_repr(f['dimension'])}"
                f"{suggest(f['dimension'], dim_ids)}; the dimension "
                f"ids are {', '.join(dim_ids)}.",
            )
        ind = f.get("indicator", "")
        members = next(d for d in dims if d.id == f["dimension"])
        if ind and ind not in members.indicators:
            raise src.fail(
                f"{key}.indicator",
                f"indicator {short_repr(ind)} is not in dimension "
                f"{short_repr(f['dimension'])} "
                f"({', '.join(members.indicators)})"
                f".",
            )
        which = (f["type"], f["dimension"], ind)
        if which in seen:
            raise src.fail(
                key,
                f"duplicate recommendation for type {short_repr(f['type'])}, "
                f"dimension {short_repr(f['dimension'])}"
                + (f", indicator {short_repr(ind)}" if ind else "")
                + f" (entries {seen[which]} and {n}).",
            )
        seen[which] = n
        out.append(
            Recommendation(
                cluster_type=f["type"],
                dimension=f["dimension"],
                text=f["text"],
                text_zh=f.get("text_zh", ""),
                source=src.cite(f"{key}.source", f["source"]),
                indicator=ind,
            )
        )
    return tuple(out)


def _within(ind: Indicator, value: float) -> bool:
    """Whether `value` lies in the indicator's valid bounds."""
    if ind.lower is not None:
        if ind.lower_open and value <= ind.lower:
            return False
        if value < ind.lower:
            return False
    return ind.upper is None or value <= ind.upper


def _bounds_text(ind: Indicator) -> str:
    """Return the bounds as an interval, e.g. ``(0, inf)`` or ``[0, 100]``."""
    lo = "-inf" if ind.lower is None else f"{ind.lower:g}"
    hi = "inf" if ind.upper is None else f"{ind.upper:g}"
    left = "(" if ind.lower is None or ind.lower_open else "["
    right = ")" if ind.upper is None else "]"
    return f"{left}{lo}, {hi}{right}"
