"""Raw columns (``[[raw]]``) and derived indicators (``derive = {...}``).

An indicator file may declare raw input columns, checked like
indicators (id, names, unit, bounds), and indicators computed from them
by a declared *kind* with named operands: no expression from the file
is ever evaluated. The arithmetic lives in `clusterscore.io.derive`;
this module parses and checks the declarations, raising `ConfigError`
naming the key at fault (``indicator.lq_ai.derive.local_total``).
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from clusterscore._checks import short_repr
from clusterscore.system.keys import (
    Source,
    check_id,
    entries,
    fields,
    fmt,
    suggest,
)
from clusterscore.system.model import RESERVED_COLUMNS, Derivation, Indicator

__all__ = ["KINDS", "attach_derivations", "read_raw"]

KINDS: dict[str, tuple[str, ...]] = {
    "ratio": ("numerator", "denominator"),
    "share": ("part", "whole"),
    "per_capita": ("numerator", "population"),
    "per_area": ("numerator", "area"),
    "growth": ("new", "old"),
    "lq": (
        "local_industry",
        "local_total",
        "national_industry",
        "national_total",
    ),
}
"""Each kind with its operand roles, in formula order.

ratio = scale * numerator / denominator (scale default 1); share = 100 *
part / whole; per_capita = scale * numerator / population and per_area =
scale * numerator / area (ratios named for their unit); growth = 100 *
(new - old) / old; lq = (local_industry / local_total) /
(national_industry / national_total).
"""

_FIXED_SCALE = {"share": 100.0, "growth": 100.0, "lq": 1.0}
"""Kinds whose scale is fixed by their definition."""

_CONSTANT_ROLES = ("national_industry", "national_total")
"""Roles that may be a positive number instead of a raw column id."""

_RAW = {
    "id": (str, True),
    "name": (str, True),
    "name_zh": (str, True),
    "unit": (str, True),
    "definition": (str, False),
    "lower": (float, False),
    "upper": (float, False),
    "lower_open": (bool, False),
    "integer": (bool, False),
    "source": (str, False),
}


def read_raw(src: Source) -> tuple[Indicator, ...]:
    """Check ``[[raw]]`` (optional); return the raw columns.

    A raw column is returned as an `Indicator` with ``dimension = ""``
    (its direction is unused); its id must be unique among raw columns
    and must not be a reserved column name.
    """
    out: list[Indicator] = []
    seen: set[str] = set()
    for n, entry in enumerate(entries(src, "raw", False), 1):
        rid = entry.get("id") if isinstance(entry, dict) else None
        key = f"raw.{rid}" if isinstance(rid, str) and rid else f"raw[{n}]"
        f = fields(src, entry, key, _RAW, f"[[raw]] entry {n}")
        check_id(src, f"{key}.id", f["id"], RESERVED_COLUMNS)
        if f["id"] in seen:
            raise src.fail(
                f"{key}.id", f"duplicate raw id {short_repr(f['id'])}."
            )
        seen.add(f["id"])
        lower, upper = f.get("lower"), f.get("upper")
        for name, v in (("lower", lower), ("upper", upper)):
            if v is not None and not math.isfinite(v):
                raise src.fail(
                    f"{key}.{name}",
                    f"{short_repr(name)} must be finite; got {short_repr(v)}.",
                )
        if lower is not None and upper is not None and lower > upper:
            raise src.fail(f"{key}.lower", "lower must be below upper.")
        out.append(
            Indicator(
                id=f["id"],
                name=f["name"],
                name_zh=f["name_zh"],
                unit=f["unit"],
                direction="benefit",
                dimension="",
                definition=f.get("definition", ""),
                lower=None if lower is None else float(lower),
                upper=None if upper is None else float(upper),
                lower_open=f.get("lower_open", False),
                integer=f.get("integer", False),
                source=src.cite(f"{key}.source", f.get("source", "")),
            )
        )
    return tuple(out)


def attach_derivations(
    src: Source,
    indicators: tuple[Indicator, ...],
    raw: tuple[Indicator, ...],
) -> tuple[Indicator, ...]:
    """Return `indicators` with each ``derive`` table parsed and checked.

    Raises `ConfigError` for a raw id that is also an indicator id, and
    for a ``derive`` table with an unknown kind, a missing, unknown or
    non-raw operand, or a bad scale.
    """
    ind_ids = tuple(i.id for i in indicators)
    raw_ids = tuple(r.id for r in raw)
    names = {i.name_zh: i.id for i in indicators}
    for r in raw:
        if r.id in ind_ids:
            raise src.fail(
                f"raw.{r.id}.id",
                f"raw id {short_repr(r.id)} is also an indicator id; a raw "
                "column "
                f"and an indicator are distinct input columns.",
            )
        if r.name_zh in names:
            raise src.fail(
                f"raw.{r.id}.name_zh",
                f"name_zh {short_repr(r.name_zh)} is also indicator "
                f"{short_repr(names[r.name_zh])}'s; input headers may use it.",
            )
    declared = {
        e["id"]: e.get("derive")
        for e in src.doc.get("indicator", [])
        if isinstance(e, dict) and isinstance(e.get("id"), str)
    }
    out = []
    for ind in indicators:
        table = declared.get(ind.id)
        if table is None:
            out.append(ind)
            continue
        key = f"indicator.{ind.id}.derive"
        d = _read_derivation(src, key, table, raw_ids, ind_ids)
        out.append(dataclasses.replace(ind, derive=d))
    return tuple(out)


def _read_derivation(
    src: Source,
    key: str,
    table: Any,
    raw_ids: tuple[str, ...],
    ind_ids: tuple[str, ...],
) -> Derivation:
    """Check one ``derive = {kind = ..., <role> = ..., scale = ...}``."""
    if not isinstance(table, dict):
        raise src.fail(
            key,
            f"must be an inline table, e.g. derive = {{ kind = "
            f'"ratio", numerator = "a", denominator = "b" }}; got '
            f"{fmt(table)}.",
        )
    kind = table.get("kind")
    if kind is None:
        raise src.fail(f"{key}.kind", f"missing 'kind'; one of {_kinds()}.")
    if kind not in KINDS:
        raise src.fail(
            f"{key}.kind",
            f"unknown kind {fmt(kind)}"
            f"{suggest(str(kind), tuple(KINDS))}; one of {_kinds()}.",
        )
    roles = KINDS[kind]
    allowed = ("kind", *roles) + (() if kind in _FIXED_SCALE else ("scale",))
    for name in table:
        if name not in allowed:
            raise src.fail(
                f"{key}.{name}",
                f"unknown field {short_repr(name)} for kind {kind!r}"
                f"{suggest(name, allowed)}; allowed: {', '.join(allowed)}.",
            )
    operands = [
        (role, _operand(src, f"{key}.{role}", table, role, raw_ids, ind_ids))
        for role in roles
    ]
    scale = _FIXED_SCALE.get(kind, table.get("scale", 1.0))
    if (
        isinstance(scale, bool)
        or not isinstance(scale, int | float)
        or not math.isfinite(scale)
        or scale <= 0
    ):
        raise src.fail(
            f"{key}.scale",
            f"scale must be a positive number; got {fmt(scale)}.",
        )
    return Derivation(kind=kind, operands=tuple(operands), scale=float(scale))


def _operand(
    src: Source,
    key: str,
    table: dict[str, Any],
    role: str,
    raw_ids: tuple[str, ...],
    ind_ids: tuple[str, ...],
) -> str | float:
    """Check one operand: a raw id (or, for LQ's national roles, > 0)."""
    if role not in table:
        raise src.fail(key, f"missing operand {role!r} (a [[raw]] id).")
    value = table[role]
    if role in _CONSTANT_ROLES and not isinstance(value, str | bool):
        if (
            isinstance(value, int | float)
            and math.isfinite(value)
            and value > 0
        ):
            return float(value)
        raise src.fail(
            key,
            f"{role!r} must be a [[raw]] id or a positive number; got "
            f"{fmt(value)}.",
        )
    if not isinstance(value, str):
        raise src.fail(
            key, f"{role!r} must be a [[raw]] id; got {fmt(value)}."
        )
    if value in ind_ids:
        raise src.fail(
            key,
            f"{short_repr(value)} is an indicator, not a raw column; operands "
            "must "
            f"be [[raw]] ids (declare {short_repr(value)}'s inputs as raw "
            "columns).",
        )
    if value not in raw_ids:
        known = ", ".join(raw_ids) or "none declared"
        raise src.fail(
            key,
            "unknown raw column "
            f"{short_repr(value)}{suggest(value, raw_ids)}; the "
            f"[[raw]] ids are {known}.",
        )
    return value


def _kinds() -> str:
    """Return the kinds, quoted, for messages."""
    return ", ".join(repr(k) for k in KINDS)
