"""Reading ``[[judgments]]``: pairs to matrices, completed and checked.

Each entry's named pairs become one expert's reciprocal matrix in the
system's element order (NaN where not judged); `finish` completes an
incomplete matrix (`clusterscore.judgments.complete_matrix`), aggregates
several experts' matrices by the geometric mean of the individual
judgments (AIJ, `clusterscore.judgments.aggregate_judgments`) and refuses
records the consistency ratio of each matrix and, when it fails
`cr_acceptable` (CR <= `MAX_CR`, Saaty 1980), the judgments to revisit
(the matrix is refused where it is used, not at load).
"""

from __future__ import annotations

import math
import re
from typing import Any, cast

import numpy as np

from clusterscore._checks import short_repr
from clusterscore.errors import JudgmentError
from clusterscore.judgments import (
    aggregate_judgments,
    ahp,
    complete_matrix,
    diagnose_inconsistency,
)
from clusterscore.judgments.scales import (
    MAX_CR,
    RI_TABLES,
    SAATY_SCALE,
    RITable,
    cr_acceptable,
    judgment_text,
)
from clusterscore.system.keys import Source, entries, fields, fmt, suggest
from clusterscore.system.model import (
    DEFAULT_TYPE,
    LEVEL_DIMENSIONS,
    ClusterType,
    Dimension,
    Judgments,
)

__all__ = [
    "check_consistency",
    "describe_revisit",
    "finish",
    "judgment_value",
    "pairs_matrix",
    "read_judgments",
]

_SAATY_LOW = min(SAATY_SCALE.values)  # 1/9
_SAATY_HIGH = max(SAATY_SCALE.values)  # 9
_SCALE_TOL = 1e-3  # 0.111 is accepted as 1/9, 9.0001 is not
_RATIO_RE = re.compile(
    r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:/\s*(\d+(?:\.\d*)?|\.\d+)\s*)?\Z"
)
_JUDGMENTS = {
    "level": (str, True),
    "type": (str, True),
    "source": (str, True),
    "expert": (str, False),
    "incomplete": (bool, False),
    "pairs": (list, False),
    "ri": (float, False),
}
_RI_TABLE: RITable = "saaty"
"""The random-index table of the CR check at load."""

Group = list[dict[str, Any]]
"""The checked entries of one (level, type) matrix, in file order."""


def _readonly(a: np.ndarray) -> np.ndarray:
    """Return a read-only float copy of `a`."""
    out = np.array(a, dtype=float, copy=True)
    out.setflags(write=False)
    return out


def read_judgments(
    src: Source,
    types: tuple[ClusterType, ...],
    dims: tuple[Dimension, ...],
) -> tuple[Judgments, ...]:
    """Check ``[[judgments]]``, build, complete, aggregate, test CR.

    Every level (the dimensions, and each dimension's indicators) needs a
    ``"default"`` matrix or one per cluster type; a one-element level
    gets the 1x1 matrix without judgments. The result lists each level's
    default matrix first, then the types' in system order.
    """
    type_ids = tuple(t.id for t in types)
    levels: dict[str, tuple[str, ...]] = {
        LEVEL_DIMENSIONS: tuple(d.id for d in dims)
    }
    levels.update({d.id: d.indicators for d in dims})
    groups: dict[tuple[str, str], Group] = {}
    for n, entry in enumerate(entries(src, "judgments", False), 1):
        f = _entry(src, n, entry, levels, (*type_ids, DEFAULT_TYPE))
        groups.setdefault((f["level"], f["type"]), []).append(f)
    out = []
    for level, elements in levels.items():
        present = {t for (lv, t) in groups if lv == level}
        if DEFAULT_TYPE not in present and not set(type_ids) <= present:
            if len(elements) == 1:
                groups[(level, DEFAULT_TYPE)] = []
            else:
                missing = [t for t in type_ids if t not in present]
                raise src.fail(
                    f"judgments.{level}",
                    f"no judgments for level {short_repr(level)}: give one "
                    'with type = "default" or one for each cluster type '
                    f"(missing: {', '.join(missing)}).",
                )
        for ctype in (DEFAULT_TYPE, *type_ids):
            if (level, ctype) in groups:
                out.append(
                    finish(src, level, ctype, elements, groups[(level, ctype)])
                )
    return tuple(out)


def _entry(
    src: Source,
    n: int,
    entry: Any,
    levels: dict[str, tuple[str, ...]],
    type_choices: tuple[str, ...],
) -> dict[str, Any]:
    """Check the `n`-th ``[[judgments]]`` entry and build its matrix.

    Return its fields with ``_key``, ``_n`` and ``_matrix`` added.
    """
    key = f"judgments[{n}]"
    f = fields(src, entry, key, _JUDGMENTS, f"[[judgments]] entry {n}")
    level, ctype = f["level"], f["type"]
    if level not in levels:
        choices = tuple(levels)
        raise src.fail(
            f"{key}.level",
            f"unknown level {short_repr(level)}{suggest(level, choices)}; "
            f"use {LEVEL_DIMENSIONS!r} or a dimension id "
            f"({', '.join(choices[1:])}).",
        )
    if ctype not in type_choices:
        raise src.fail(
            f"{key}.type",
            f"unknown cluster type {short_repr(ctype)}"
            f"{suggest(ctype, type_choices)}; use one of "
            f"{', '.join(type_choices)}.",
        )
    incomplete = f.get("incomplete", False)
    if "pairs" not in f and not incomplete:
        raise src.fail(
            f"{key}.pairs",
            f"missing required field 'pairs' in [[judgments]] "
            f"entry {n} (only incomplete = true entries may omit "
            f"it).",
        )
    f["_key"] = key
    f["_n"] = n
    f["_matrix"] = pairs_matrix(
        src, key, level, ctype, levels[level], f.get("pairs", []), incomplete
    )
    return f


def judgment_value(src: Source, key: str, value: Any) -> float:
    """Parse a judgment: a number or a ``"a/b"`` string in 1/9..9."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise src.fail(
            key,
            f"judgment value must be a number or a string such as "
            f'"1/3"; got {fmt(value)}.',
        )
    if isinstance(value, str):
        m = _RATIO_RE.match(value)
        if not m:
            raise src.fail(
                key,
                f"cannot read judgment value {short_repr(value)}; write a "
                'number (3, 0.5) or a ratio such as "1/3".',
            )
        num = float(m.group(1))
        den = float(m.group(2)) if m.group(2) is not None else 1.0
        if den == 0.0:
            raise src.fail(
                key, f"judgment value {short_repr(value)} divides by zero."
            )
        x = num / den
    else:
        x = float(value)
    if not math.isfinite(x) or x <= 0.0:
        raise src.fail(
            key,
            f"judgment value must be positive and finite (Saaty "
            f"scale 1/9..9); got {fmt(value)}.",
        )
    if x < _SAATY_LOW - _SCALE_TOL or x > _SAATY_HIGH + 1e-9:
        raise src.fail(
            key,
            f"judgment value {fmt(value)} = {x:.4g} is outside the "
            f"Saaty scale 1/9..9.",
        )
    return x


def pairs_matrix(
    src: Source,
    key: str,
    level: str,
    ctype: str,
    elements: tuple[str, ...],
    pairs: list[Any],
    incomplete: bool,
) -> np.ndarray:
    """Build one expert's matrix (NaN = not judged) from named pairs.

    Unless `incomplete`, every pair of elements must be judged.
    """
    name = f"{level}/{ctype}"
    index = {e: k for k, e in enumerate(elements)}
    n = len(elements)
    a = np.full((n, n), np.nan)
    np.fill_diagonal(a, 1.0)
    first: dict[frozenset[str], int] = {}
    for k, pair in enumerate(pairs, 1):
        pkey = f"{key}.pairs[{k}]"
        row, col, raw = _pair(src, pkey, name, level, elements, pair)
        both = frozenset((row, col))
        if both in first:
            raise src.fail(
                pkey,
                f"({name}) duplicated judgment between {short_repr(row)} and "
                f"{short_repr(col)}: already given in pairs[{first[both]}] "
                f"(give each pair once, in one direction).",
            )
        first[both] = k
        value = judgment_value(src, pkey, raw)
        i, j = index[row], index[col]
        a[i, j] = value
        a[j, i] = 1.0 / value
    if not incomplete:
        _check_complete(src, f"{key}.pairs", name, elements, a)
    return a


def _pair(
    src: Source,
    pkey: str,
    name: str,
    level: str,
    elements: tuple[str, ...],
    pair: Any,
) -> tuple[str, str, Any]:
    """Check one ``[row, column, value]`` pair of known, distinct elements.

    `name` is the matrix's ``"<level>/<type>"``, for messages.
    """
    if (
        not isinstance(pair, list)
        or len(pair) != 3
        or not isinstance(pair[0], str)
        or not isinstance(pair[1], str)
    ):
        raise src.fail(
            pkey,
            f"({name}) each pair must be [row, column, value], "
            f'e.g. ["{elements[0]}", "{elements[-1]}", 3]; got '
            f"{short_repr(pair)}.",
        )
    row, col, raw = pair
    for e in (row, col):
        if e not in elements:
            raise src.fail(
                pkey,
                f"({name}) unknown element {short_repr(e)}"
                f"{suggest(e, elements)}; level {short_repr(level)} "
                f"compares {', '.join(elements)}.",
            )
    if row == col:
        raise src.fail(
            pkey,
            f"({name}) pair compares {short_repr(row)} with itself; the "
            f"diagonal is always 1.",
        )
    return row, col, raw


def _check_complete(
    src: Source,
    key: str,
    name: str,
    elements: tuple[str, ...],
    a: np.ndarray,
) -> None:
    """Raise unless every pair above the diagonal of `a` is judged."""
    n = len(elements)
    missing = [
        f"[{short_repr(elements[i])}, {short_repr(elements[j])}]"
        for i in range(n)
        for j in range(i + 1, n)
        if np.isnan(a[i, j])
    ]
    if missing:
        shown = ", ".join(missing[:6])
        more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
        raise src.fail(
            key,
            f"({name}) missing judgment(s) {shown}{more}: a "
            f"complete matrix of {n} elements needs all "
            f"{n * (n - 1) // 2} pairs (or set incomplete = true).",
        )


def finish(
    src: Source,
    level: str,
    ctype: str,
    elements: tuple[str, ...],
    group: Group,
) -> Judgments:
    """Complete, aggregate and check one (level, type) matrix."""
    name = f"{level}/{ctype}"
    if not group:  # a single-element level needs no judgments
        one = _readonly(np.ones((1, 1)))
        return Judgments(level, ctype, elements, one, (one,), ("",), "")
    if len(group) > 1:
        _check_experts(src, name, group)
    completed = [_completed(src, name, elements, g) for g in group]
    if len(completed) == 1:
        matrix = completed[0]
    else:
        matrix = np.asarray(
            aggregate_judgments(
                completed, method="aij", labels=elements, name=name
            ).matrix,
            dtype=float,
        )
    key = group[0]["_key"] if len(group) == 1 else f"judgments.{name}"
    ri = _file_ri(src, level, elements, group)
    cr, revisit = check_consistency(src, key, name, elements, matrix, ri)
    sources = []
    for g in group:
        text = src.cite(f"{g['_key']}.source", g["source"])
        if text not in sources:
            sources.append(text)
    return Judgments(
        level=level,
        cluster_type=ctype,
        elements=elements,
        matrix=_readonly(matrix),
        expert_matrices=tuple(_readonly(g["_matrix"]) for g in group),
        experts=tuple(g.get("expert", "") for g in group),
        source="; ".join(sources),
        key=key,
        cr=cr,
        ri=ri,
        revisit=revisit,
    )


def _file_ri(
    src: Source, level: str, elements: tuple[str, ...], group: Group
) -> float | None:
    """Return the ``ri`` the file gives for a matrix beyond the RI table.

    A matrix larger than Saaty's table (n > 15) needs one (else the
    ConfigError names the level and the ways out); a smaller one may not
    have one (its RI comes from the table chosen at run time).
    """
    n, n_max = len(elements), RI_TABLES[_RI_TABLE].n_max
    given = [g for g in group if "ri" in g]
    what = (
        f"level {LEVEL_DIMENSIONS!r}"
        if level == LEVEL_DIMENSIONS
        else f"dimension {short_repr(level)}"
    )
    if given and n <= n_max:
        raise src.fail(
            f"{given[0]['_key']}.ri",
            f"'ri' is only for matrices larger than the random-index "
            f"tables (n > {n_max}); {what} has {n} elements, whose RI "
            f"comes from the table.",
        )
    if n <= n_max:
        return None
    if not given:
        raise src.fail(
            group[0]["_key"],
            f"{what} has {n} elements, but Saaty's random-index table "
            f"covers at most n = {n_max}, so the consistency of its "
            f"judgments cannot be checked. Split {what} into groups of at "
            f"most {n_max}, or give the random index of a {n}x{n} matrix "
            f"as a number in this [[judgments]] entry: ri = 1.59 (e.g. "
            f"from a published simulation for n = {n}).",
        )
    value = float(given[0]["ri"])
    if not (math.isfinite(value) and value > 0):
        raise src.fail(
            f"{given[0]['_key']}.ri",
            "'ri' must be a finite number > 0; got "
            f"{short_repr(given[0]['ri'])}.",
        )
    return value


def _check_experts(src: Source, name: str, group: Group) -> None:
    """Several entries for one matrix need distinct, named experts."""
    names = [g.get("expert", "") for g in group]
    for g, who in zip(group, names, strict=True):
        if not who.strip():
            others = ", ".join(str(h["_n"]) for h in group if h is not g)
            raise src.fail(
                f"{g['_key']}.expert",
                f"duplicated judgments for {name} (also entries "
                f"{others}); several entries for one matrix are "
                f"group judgments and each needs a distinct "
                f"'expert' name.",
            )
    for k, who in enumerate(names):
        if who in names[:k]:
            raise src.fail(
                f"{group[k]['_key']}.expert",
                f"duplicated judgments for {name}: expert {short_repr(who)} "
                f"appears in entries {group[names.index(who)]['_n']}"
                f" and {group[k]['_n']}.",
            )


def _completed(
    src: Source, name: str, elements: tuple[str, ...], g: dict[str, Any]
) -> np.ndarray:
    """Return the entry's matrix, completed if it has missing judgments."""
    m: np.ndarray = g["_matrix"]
    if not np.isnan(m).any():
        return m
    try:
        return np.asarray(
            complete_matrix(m, labels=elements, name=name), dtype=float
        )
    except JudgmentError as exc:
        raise src.fail(
            f"{g['_key']}.pairs",
            f"({name}) cannot complete the incomplete judgments: {exc}",
        ) from None


def check_consistency(
    src: Source,
    key: str,
    name: str,
    elements: tuple[str, ...],
    matrix: np.ndarray,
    ri: float | None = None,
) -> tuple[float, str]:
    """Return the matrix's CR and, above `MAX_CR`, what to revisit.

    An inconsistent matrix no longer stops the file from loading: it is
    recorded (`Judgments.revisit`, `IndicatorSystem.inconsistent`) and
    the computations that would use it refuse it
    (`clusterscore.weights.system_weights`). A malformed matrix raises.
    """
    try:
        result = ahp(
            matrix,
            ri=_RI_TABLE if ri is None else ri,
            labels=elements,
            name=name,
        )
    except JudgmentError as exc:
        text = str(exc).removeprefix("ahp(): ")
        raise src.fail(key, text) from None
    if cr_acceptable(result.cr, MAX_CR):
        return float(result.cr), ""
    return float(result.cr), describe_revisit(matrix, elements)


def describe_revisit(
    matrix: np.ndarray, elements: tuple[str, ...], top: int = 3
) -> str:
    """Name the judgments that contribute most to a matrix's inconsistency.

    From `clusterscore.judgments.diagnose_inconsistency` (Saaty 1980,
    section 7.1): each pair with its value and the value consistent with
    the eigenvector weights (nearest on Saaty's scale).
    """
    rows = diagnose_inconsistency(matrix, top=top, labels=elements)
    return "; ".join(
        f"[{short_repr(r.row)}, {short_repr(r.column)}] = "
        f"{judgment_text(cast(float, r.value))}: "
        f"consistent value {r.suggested:.3g} (nearest on Saaty's scale: "
        f"{judgment_text(cast(float, r.suggested_saaty))}; "
        f"{r.contribution:.0%} of the inconsistency)"
        for r in rows.itertuples(index=False)
    )
