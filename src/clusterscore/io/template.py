"""The empty input table of an indicator system, to fill in.

`make_template` gives the table's columns; `describe_indicators` one row
per indicator with what a person filling the table needs (names, unit,
direction, valid bounds, definition), as the second sheet of the Excel
template (`clusterscore.present.excel.write_template`) shows it.
"""

from __future__ import annotations

import pandas as pd

from clusterscore._checks import check_instance
from clusterscore.io.headers import TEXT_COLUMNS
from clusterscore.system import IndicatorSystem

__all__ = ["INDICATOR_FIELDS", "describe_indicators", "make_template"]

INDICATOR_FIELDS: tuple[str, ...] = (
    "indicator",
    "name",
    "name_zh",
    "dimension",
    "unit",
    "direction",
    "lower",
    "upper",
    "lower_open",
    "integer",
    "definition",
)
"""The columns of `describe_indicators`."""


def make_template(system: IndicatorSystem) -> pd.DataFrame:
    """Return the empty input table of `system`, with every column.

    Columns are ``cluster``, ``type``, ``region``, ``province`` (text) and
    one ``float64`` column per indicator id, in the system's order (a
    derived indicator's raw columns, ``[[raw]]``, instead of it: see
    `IndicatorSystem.input_columns`). Written
    with ``DataFrame.to_csv(path, index=False)`` it gives the header line of
    a CSV that `read_clusters` reads once rows are filled in.

    Parameters
    ----------
    system : IndicatorSystem
        The indicator system.

    Returns
    -------
    pandas.DataFrame
        A table with no rows.
    """
    check_instance(
        "make_template",
        "system",
        system,
        IndicatorSystem,
        "an IndicatorSystem",
    )
    data: dict[str, pd.Series] = {
        c: pd.Series(dtype="str") for c in TEXT_COLUMNS
    }
    for ind in system.input_columns:  # raw columns, not derived ones
        data[ind.id] = pd.Series(dtype="float64")
    return pd.DataFrame(data)


def describe_indicators(system: IndicatorSystem) -> pd.DataFrame:
    """Return one row per indicator: what filling in its column needs.

    Parameters
    ----------
    system : IndicatorSystem
        The indicator system.

    Returns
    -------
    pandas.DataFrame
        The columns of `INDICATOR_FIELDS`, in the system's indicator order:
        the id (``indicator``), English and Chinese names, dimension id,
        unit, direction (``benefit``/``cost``), valid bounds (NaN where
        unbounded; ``lower_open`` True when the value must be above
        ``lower``), ``integer`` (whole numbers only) and the definition.
    """
    check_instance(
        "describe_indicators",
        "system",
        system,
        IndicatorSystem,
        "an IndicatorSystem",
    )
    rows = [
        {
            "indicator": i.id,
            "name": i.name,
            "name_zh": i.name_zh,
            "dimension": i.dimension,
            "unit": i.unit,
            "direction": i.direction,
            "lower": float("nan") if i.lower is None else float(i.lower),
            "upper": float("nan") if i.upper is None else float(i.upper),
            "lower_open": bool(i.lower_open),
            "integer": bool(i.integer),
            "definition": i.definition,
        }
        for i in system.indicators
    ]
    return pd.DataFrame(rows, columns=list(INDICATOR_FIELDS))
