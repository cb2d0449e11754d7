"""Computing derived indicators from a table's raw columns.

Pure numpy kernels (`ratio`, `growth`, `location_quotient`) and a thin
pandas layer (`add_derived`) that applies each indicator's declared
`clusterscore.system.Derivation`, refuses a zero denominator by name and
checks the results against the indicator's bounds. `input_view` gives
the system whose indicators are the input table's numeric columns (the
raw columns instead of the derived indicators), which `validate` checks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import pandas as pd

from clusterscore._checks import short_repr
from clusterscore.errors import DataError
from clusterscore.system import Indicator, IndicatorSystem

__all__ = [
    "add_derived",
    "derived_ids",
    "growth",
    "input_view",
    "location_quotient",
    "ratio",
]


def ratio(
    numerator: np.ndarray, denominator: np.ndarray, scale: float = 1.0
) -> np.ndarray:
    """Return ``scale * numerator / denominator`` (float64).

    A share is ``ratio(part, whole, 100)``; a per-capita or per-area
    value is a ratio over population or area. A zero denominator gives
    NaN here; `add_derived` refuses it before calling.
    """
    num = np.asarray(numerator, dtype="float64")
    den = np.asarray(denominator, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        out = scale * num / den
    return np.where(den == 0, np.nan, out)


def growth(new: np.ndarray, old: np.ndarray) -> np.ndarray:
    """Return the growth rate ``100 * (new - old) / old`` in percent."""
    new = np.asarray(new, dtype="float64")
    return ratio(new - np.asarray(old, dtype="float64"), old, 100.0)


def location_quotient(
    e_ir: np.ndarray, e_r: np.ndarray, e_i: np.ndarray, e: np.ndarray
) -> np.ndarray:
    r"""Return the location quotient :math:`(e_{ir}/e_r) / (E_i/E)`.

    Parameters
    ----------
    e_ir : array
        The cluster's (region's) employment or output in industry i.
    e_r : array
        The region's total employment or output.
    e_i, e : array or float
        The national employment (output) in industry i and in total.

    Returns
    -------
    numpy.ndarray
        LQ > 1: the industry is more concentrated in the region than in
        the nation (a specialisation); NaN where a denominator is zero.

    References
    ----------
    .. [1] IMPLAN, "Location Quotient" (knowledge-base article),
       https://support.implan.com/hc/en-us/articles/360051560773
    .. [2] 区位熵 (专门化率), jianshe99.com,
       https://www.jianshe99.com/zixun/ziliao/sh1904298953.shtml
       The measure goes back to Isard, W. (1960), *Methods of Regional
       Analysis*, MIT Press (not read here); see ``docs/methodology.md``
       ("Derived indicators").
    """
    return ratio(ratio(e_ir, e_r), ratio(e_i, e))


def derived_ids(system: IndicatorSystem) -> tuple[str, ...]:
    """Return the ids of the system's derived indicators, in order."""
    return tuple(i.id for i in system.indicators if i.derive is not None)


def input_view(system: IndicatorSystem) -> IndicatorSystem:
    """Return `system` with `input_columns` as its indicators.

    The view is what an input table is checked against: the raw columns
    take the place of the derived indicators. A system without derived
    indicators is returned as it is.
    """
    if not derived_ids(system):
        return system
    return dataclasses.replace(system, indicators=system.input_columns, raw=())


def _operand_values(
    df: pd.DataFrame, value: str | float
) -> tuple[np.ndarray, str]:
    """Return an operand's values and its label (column or constant)."""
    if isinstance(value, str):
        return df[value].to_numpy(dtype="float64"), repr(value)
    return np.full(len(df), float(value)), f"the constant {value:g}"


def _compute(
    df: pd.DataFrame, ind: Indicator, problems: list[str]
) -> np.ndarray:
    """Compute one derived indicator; add zero-denominator problems."""
    d = ind.derive
    assert d is not None
    vals = {role: _operand_values(df, v) for role, v in d.operands}
    roles = [r for r, _ in d.operands]
    # lq divides by e_r, E_i (E_i / E is a denominator) and E
    denominators = roles[1:] if d.kind == "lq" else roles[1:2]
    names = _row_names(df)
    for role in denominators:
        values, label = vals[role]
        for pos in np.flatnonzero(values == 0):
            problems.append(
                f"{names[pos]}, raw column {label}: the value is 0, the "
                f"denominator ({role}) of derived indicator {ind.id!r} "
                f"({d.kind}); it must not be zero"
            )
    a = [vals[r][0] for r in roles]
    if d.kind == "lq":
        return location_quotient(*a)
    if d.kind == "growth":
        return growth(*a)
    return ratio(a[0], a[1], d.scale)


def _row_names(df: pd.DataFrame) -> list[str]:
    """``cluster 'A'`` per row (``row n`` when there is no name)."""
    if "cluster" not in df:
        return [f"row {n}" for n in range(1, len(df) + 1)]
    return [f"cluster {short_repr(str(c))}" for c in df["cluster"]]


def _bound_problem(where: str, value: float, ind: Indicator) -> str | None:
    """Word a derived value outside the indicator's bounds, or None."""
    unit = f"(unit {ind.unit})"
    if np.isnan(value):
        return None
    if ind.lower is not None and (
        value < ind.lower or (ind.lower_open and value == ind.lower)
    ):
        op = "above" if ind.lower_open else "at least"
        return (
            f"{where}: {value:g} is below the valid minimum; the value "
            f"must be {op} {ind.lower:g} {unit}"
        )
    if ind.upper is not None and value > ind.upper:
        return (
            f"{where}: {value:g} is above the valid maximum "
            f"{ind.upper:g} {unit}"
        )
    return None


def add_derived(
    df: pd.DataFrame,
    system: IndicatorSystem,
    *,
    where: str,
    ordered: Sequence[str] = (),
) -> pd.DataFrame:
    """Return `df` (validated raw columns) with the derived indicators.

    Parameters
    ----------
    df : pandas.DataFrame
        A table validated against `input_view` (raw columns float64).
    system : IndicatorSystem
        The system declaring the derivations.
    where : str
        The start of the error message (the file or ``validate()``).
    ordered : sequence of str
        The leading columns (text, year) to keep first; the indicators
        follow in system order, then the raw columns.

    Returns
    -------
    pandas.DataFrame
        Each derived indicator as a float64 column.

    Raises
    ------
    DataError
        When a denominator is zero (naming the cluster, the raw column
        and the indicator) or a derived value is outside the indicator's
        bounds, every problem at once.
    """
    out = df.copy()
    problems: list[str] = []
    names = _row_names(df)
    for ind in system.indicators:
        if ind.derive is None:
            continue
        values = _compute(df, ind, problems)
        out[ind.id] = values.astype("float64")
        inputs = ", ".join(ind.derive.raw_ids)
        for pos, v in enumerate(values):
            w = f"{names[pos]}, derived indicator {ind.id!r} (from {inputs})"
            msg = _bound_problem(w, float(v), ind)
            if msg is not None:
                problems.append(msg)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise DataError(
            f"{where}: {len(problems)} problem(s) computing derived "
            f"indicators:\n{lines}",
            problems=problems,
        )
    raw = [r.id for r in system.raw if r.id in out]
    columns = [*ordered, *system.indicator_ids, *raw]
    return out[columns].reset_index(drop=True)
