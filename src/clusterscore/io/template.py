"""The empty input table of an indicator system, to fill in."""

from __future__ import annotations

import pandas as pd

from clusterscore._checks import check_instance
from clusterscore.io.headers import TEXT_COLUMNS
from clusterscore.system import IndicatorSystem

__all__ = ["make_template"]


def make_template(system: IndicatorSystem) -> pd.DataFrame:
    """Return the empty input table of `system`, with every column.

    Columns are ``cluster``, ``type``, ``region``, ``province`` (text) and
    one ``float64`` column per indicator id, in the system's order. Written
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
    for ind_id in system.indicator_ids:
        data[ind_id] = pd.Series(dtype="float64")
    return pd.DataFrame(data)
