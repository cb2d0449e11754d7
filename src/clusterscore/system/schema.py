"""The pandera schema of input tables, built from an indicator system.

`table_schema` is what `IndicatorSystem.schema` returns: the rules of a
canonical input table (headers already the indicator ids). Reading files,
matching headers and wording failures for people is `clusterscore.io`'s.

`normalize_name` is the one rule by which two cluster names are the same
name: invisible characters removed, every run of white space (the
non-breaking and the ideographic space too) one space, none at either end.
The schema's ``non_empty`` and ``unique`` checks compare names after it;
`normalize_names` applies it to a whole column at once. pandera is
imported only when a schema is built.
"""

from __future__ import annotations

import operator
from itertools import repeat
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

if TYPE_CHECKING:
    import pandera.pandas as pa

    from clusterscore.system.model import Indicator, IndicatorSystem

__all__ = [
    "INVISIBLE",
    "already_normal",
    "joined_names",
    "names_sorted",
    "normalize_name",
    "normalize_names",
    "table_schema",
]

INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
"""Characters removed from names (and from around numbers): soft hyphen,
Mongolian vowel separator, zero-width space / non-joiner / joiner, word
joiner and the byte-order mark (zero-width no-break space)."""

_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))

_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
"""The ASCII characters `str.isprintable` accepts: space to tilde."""


def normalize_name(name: Any) -> str:
    """Return a cluster name in the form names are compared in.

    The characters of `INVISIBLE` are removed, each run of white space
    (every character for which ``str.isspace`` is true: ASCII space and
    tab, the no-break space U+00A0, the ideographic space U+3000, ...)
    becomes one ASCII space, and spaces at either end are dropped. Nothing
    else changes (case, full-width letters and Chinese text stay).

    Parameters
    ----------
    name : object
        The name (anything else is taken as ``str(name)``).

    Returns
    -------
    str
        The normalised name; ``""`` for a name of only blanks.

    Examples
    --------
    >>> normalize_name(" Wuxi\u00a0\u200bIoT  ")
    'Wuxi IoT'
    """
    return " ".join(str(name).translate(_DROP_INVISIBLE).split())


def joined_names(names: npt.NDArray[np.object_]) -> str | None:
    """Return the names joined with NUL between them, or None.

    None when an element is not a str (the join refuses it: a missing
    name, a number) or a name holds NUL itself, so that the joined text
    can be searched for what lies at the start, the end or between two
    names (`already_normal`).
    """
    try:
        joined = "\x00".join(names)
    except TypeError:
        return None
    if joined.count("\x00") != max(len(names) - 1, 0):
        return None
    return joined


def names_sorted(names: npt.NDArray[np.object_]) -> bool:
    """Whether the str `names` are in strictly increasing order.

    One comparison per neighbour; names in that order are also unique.
    """
    return len(names) < 2 or bool((names[1:] > names[:-1]).all())


def already_normal(names: npt.NDArray[np.object_]) -> bool:
    """Whether every element of `names` is a str that `normalize_name` keeps.

    A name is kept as it is when it is printable (``str.isprintable``: no
    invisible character and no white space but the ASCII space), has no
    space at either end and no two spaces in a row. The test runs on the
    names joined into one string with NUL (which no printable name holds)
    between them, so it costs a few passes of C code over the text instead
    of Python code per name; a non-str element (the join refuses it) or a
    name holding NUL answers False.

    Examples
    --------
    >>> already_normal(np.array(["Wuxi IoT", "长沙工程机械"], dtype=object))
    True
    >>> already_normal(np.array(["Wuxi  IoT"], dtype=object))
    False
    """
    joined = joined_names(names)
    if joined is None:
        return False
    # NUL read as a space: one scan finds a space at either end of a name
    # or two in a row, and also an empty name (NUL next to NUL or at an
    # end), which is normal: only then are the cases told apart
    spaced = joined.replace("\x00", " ")
    if (spaced.startswith(" ") or spaced.endswith(" ") or "  " in spaced) and (
        joined.startswith(" ")
        or joined.endswith(" ")
        or "  " in joined
        or " \x00" in joined
        or "\x00 " in joined
    ):
        return False
    if spaced.isascii():  # (known without a scan) printable: 0x20-0x7e
        return not spaced.encode("ascii").translate(None, _PRINTABLE_ASCII)
    return spaced.isprintable()


def normalize_names(names: Any) -> npt.NDArray[np.object_]:
    """Apply `normalize_name` to every name of `names` (vectorised).

    When `already_normal` finds every name normal (the common case, one
    C-level pass over the joined text) the names are returned as they
    are. Otherwise a name that is printable, that `str.strip` leaves as it
    is and that has no two spaces in a row is kept; only the others are
    rewritten one by one. The tests run as C-level maps over the names (no
    Python code per name).

    Parameters
    ----------
    names : array-like of str
        The names (no missing values).

    Returns
    -------
    numpy.ndarray
        Object array of the normalised names, in order.
    """
    arr = np.asarray(names, dtype=object).ravel()
    n = len(arr)
    if n == 0 or already_normal(arr):
        return arr.copy()
    if not np.fromiter(map(isinstance, arr, repeat(str)), bool, n).all():
        return np.array([normalize_name(x) for x in arr], dtype=object)
    normal = np.fromiter(map(str.isprintable, arr), bool, n)
    stripped = map(str.strip, arr)  # the same object when nothing to strip
    normal &= np.fromiter(map(operator.is_, stripped, arr), bool, n)
    normal &= ~np.fromiter(map(str.__contains__, arr, repeat("  ")), bool, n)
    out = arr.copy()
    todo = np.flatnonzero(~normal)
    if len(todo):
        out[todo] = [normalize_name(x) for x in arr[todo]]
    return out


def _names(s: pd.Series) -> pd.Series:
    text = s.astype("str").where(s.notna(), "")
    return pd.Series(normalize_names(text.to_numpy()), index=s.index)


def _non_empty(s: pd.Series) -> pd.Series:
    return _names(s) != ""


def _unique_name(s: pd.Series) -> pd.Series:
    names = _names(s)
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

    import pandera.pandas as pa

    return pa.Check(check, name=name, statistics={"bound": bound})


def _integer(s: pd.Series) -> pd.Series:
    x = s.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        ok = np.mod(x, 1.0) == 0.0
    return pd.Series(ok | ~np.isfinite(x), index=s.index)


def _indicator_checks(ind: Indicator) -> list[pa.Check]:
    import pandera.pandas as pa

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
        Columns ``cluster`` (text, non-empty and unique as compared by
        `normalize_name`), ``type`` (one of
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
    import pandera.pandas as pa

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
            description="Unique, non-empty name of the cluster (compared "
            "without invisible characters and extra white space).",
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
