"""The pandera schema of input tables, built from an indicator system.

`table_schema` is what `IndicatorSystem.schema` returns: the rules of a
canonical input table (headers already the indicator ids). Reading files,
matching headers and wording failures for people is `clusterscore.io`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pandera.pandas as pa

if TYPE_CHECKING:
    from clusterscore.system.model import Indicator, IndicatorSystem

__all__ = ["table_schema"]


def _non_empty(s: pd.Series) -> pd.Series:
    return s.astype("str").str.strip().str.len() > 0


def _unique_name(s: pd.Series) -> pd.Series:
    names = s.astype("str").str.strip()
    return ~names.duplicated(keep=False) | (names == "")


def _finite(s: pd.Series) -> pd.Series:
    return pd.Series(np.isfinite(s.to_numpy(dtype=float)), index=s.index)


def _bound_check(name: str, op: str, bound: float) -> pa.Check:
    """Return a bound check that passes non-finite values (see finite)."""

    def check(s: pd.Series) -> pd.Series:
        x = s.to_numpy(dtype=float)
        with np.errstate(invalid="ignore"):
            ok = {
                "ge": x >= bound,
                "gt": x > bound,
                "le": x <= bound,
            }[op]
        return pd.Series(ok | ~np.isfinite(x), index=s.index)

    return pa.Check(check, name=name, statistics={"bound": bound})


def _integer(s: pd.Series) -> pd.Series:
    x = s.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        ok = np.mod(x, 1.0) == 0.0
    return pd.Series(ok | ~np.isfinite(x), index=s.index)


def _indicator_checks(ind: Indicator) -> list[pa.Check]:
    checks = [pa.Check(_finite, name="finite")]
    if ind.lower is not None:
        if ind.lower_open:
            checks.append(_bound_check("min_exclusive", "gt", ind.lower))
        else:
            checks.append(_bound_check("min", "ge", ind.lower))
    if ind.upper is not None:
        checks.append(_bound_check("max", "le", ind.upper))
    if ind.integer:
        checks.append(pa.Check(_integer, name="integer"))
    return checks


def table_schema(
    system: IndicatorSystem, *, allow_missing: bool = False
) -> pa.DataFrameSchema:
    """Return the pandera schema of input tables for `system`.

    Parameters
    ----------
    system : IndicatorSystem
        The indicator system whose indicators are the numeric columns.
    allow_missing : bool, default False
        Whether indicator values may be missing (NaN). Infinite values
        are refused either way.

    Returns
    -------
    pandera.DataFrameSchema
        Columns ``cluster`` (text, non-empty, unique), ``type`` (one of
        ``system.cluster_types``), optional ``region`` and ``province``
        (text), an optional ``year`` (a whole number: the table is then
        a panel, whose key ``(cluster, year)`` `validate` checks instead
        of the cluster's uniqueness), and one ``float64`` column per
        indicator id with the checks ``finite``, ``min`` (or
        ``min_exclusive`` when the lower bound is open), ``max`` and
        ``integer``, as the indicator declares them. A system with
        derived indicators has a column per raw column (`[[raw]]`)
        instead of one per derived indicator (`input_columns`). The
        schema is strict (no other columns) and does not care about column
        order. It checks a table whose headers already are the canonical
        names; `validate` also matches Chinese headers, drops unknown
        columns and words the failures for people.

    Notes
    -----
    The checks follow pandera's convention of ignoring missing values
    (``ignore_na``); whether a missing value is allowed is the column's
    ``nullable`` flag. Bound and integer checks pass infinite values, so
    that an infinite value is reported once, by ``finite``.

    References
    ----------
    .. [1] N. Bantilan, "pandera: Statistical data validation of pandas
       dataframes", Proc. 19th Python in Science Conf. (SciPy 2020),
       pp. 116-124, doi:10.25080/Majora-342d178e-010.

    Examples
    --------
    >>> from clusterscore.system import (
    ...     ClusterType, Dimension, Indicator, IndicatorSystem)
    >>> ind = Indicator("share", "Share", "份额", "%", "benefit", "d",
    ...                 lower=0, upper=100)
    >>> system = IndicatorSystem(
    ...     "s", "S", "S", 1, (Dimension("d", "D", "D", ("share",)),),
    ...     (ind,), (ClusterType("basic", "Basic", "基础型"),))
    >>> schema = table_schema(system)
    >>> list(schema.columns)
    ['cluster', 'type', 'region', 'province', 'year', 'share']
    >>> [c.name for c in schema.columns["share"].checks]
    ['finite', 'min', 'max']
    """
    columns: dict[str, pa.Column] = {
        "cluster": pa.Column(
            str,
            nullable=False,
            coerce=True,
            checks=[
                pa.Check(_non_empty, name="non_empty"),
                pa.Check(_unique_name, name="unique"),
            ],
            title="Cluster name",
            description="Unique, non-empty name of the cluster.",
        ),
        "type": pa.Column(
            str,
            nullable=False,
            coerce=True,
            checks=[pa.Check.isin(system.cluster_types, name="cluster_type")],
            title="Cluster type",
            description="One of: " + ", ".join(system.cluster_types),
        ),
        "region": pa.Column(str, nullable=True, required=False, coerce=True),
        "province": pa.Column(str, nullable=True, required=False, coerce=True),
        "year": pa.Column(
            "float64",
            nullable=False,
            required=False,
            coerce=True,
            checks=[
                pa.Check(_finite, name="finite"),
                pa.Check(_integer, name="integer"),
            ],
            title="Year",
            description="Optional: a whole number; makes the table a "
            "panel, keyed by (cluster, year).",
        ),
    }
    for ind in system.input_columns:  # raw columns, not derived ones
        columns[ind.id] = pa.Column(
            "float64",
            nullable=allow_missing,
            coerce=True,
            checks=_indicator_checks(ind),
            title=ind.name,
            description=f"{ind.name_zh}; unit {ind.unit}; "
            + (ind.direction if ind.dimension else "raw column"),
        )
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=False,
        name=f"clusterscore input table ({system.id})",
    )
