"""Validation of an input table: the schema run, its failures worded.

An input table has one row per cluster and the columns

``cluster``
    The cluster's name: text, non-empty, unique.
``type``
    One of the system's cluster types (``system.cluster_types``).
``region``, ``province``
    Optional text.
``year``
    Optional whole number. With it the table is a *panel*: one row per
    cluster and year, ``(cluster, year)`` unique, a cluster's type the
    same in every year; every problem names the year too.
one column per indicator id
    Numbers: finite, within the indicator's valid bounds, whole numbers
    where the indicator is a count; missing values only when asked for.

`build_schema` returns the pandera ``DataFrameSchema`` of an
`IndicatorSystem` that checks exactly this. `validate` prepares a
DataFrame (matches headers, drops unknown columns with a `DataWarning`,
parses numbers written as text), runs the schema lazily and turns every
failure into one line of a single `DataError`. The format is described in
``docs/data-format.md``.
"""

from __future__ import annotations

import warnings
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from clusterscore._checks import check_instance, short_repr
from clusterscore.errors import DataWarning
from clusterscore.io.cells import (
    Parsed,
    add_number_problems,
    numeric_column,
    parse_columns,
)
from clusterscore.io.derive import add_derived, derived_ids, input_view
from clusterscore.io.fast import table_passes
from clusterscore.io.headers import (
    TEXT_COLUMNS,
    YEAR_COLUMN,
    close_headers,
    collect_columns,
    column_items,
    header_key,
)
from clusterscore.io.problems import (
    ProblemTable,
    fmt_value,
    quoted,
    raise_problems,
)
from clusterscore.system import Indicator, IndicatorSystem
from clusterscore.system.schema import normalize_name

if TYPE_CHECKING:
    import pandera.pandas as pa

__all__ = ["build_schema", "check_system", "check_table", "validate"]


def check_system(func: str, system: Any) -> None:
    """Raise ParameterError unless `system` is an IndicatorSystem."""
    check_instance(
        func,
        "system",
        system,
        IndicatorSystem,
        "an IndicatorSystem (see load_system())",
    )


class _PanelProblems(ProblemTable):
    """A problem table whose rows are named by cluster *and* year."""

    years: pd.Series | None = None

    def who(self, pos: int) -> str:
        """``cluster 'name', year Y`` when both are usable."""
        base = super().who(pos)
        if self.years is None or not base.startswith("cluster "):
            return base
        year = self.years.iloc[pos]
        if not (pd.notna(year) and float(year).is_integer()):
            return base
        name = self.names.iloc[pos] if self.names is not None else ""
        return f"cluster {short_repr(name)}, year {int(year)}"


def _year_problems(table: ProblemTable, year: Parsed) -> None:
    """Add one problem per ``year`` cell that is text but not a number."""
    for pos in map(int, year.bad.nonzero()[0]):
        text = str(year.original.iloc[pos])
        table.add(
            pos,
            YEAR_COLUMN,
            text,
            "numeric",
            f"{table.who(pos)}, column 'year': {short_repr(text)} is not "
            "a year (a whole number such as 2023)",
        )


def _year_message(where: str, check: str, value: Any) -> str:
    """Word a bad ``year`` cell."""
    if check == "not_nullable":
        return (
            f"{where}: the year is missing; in a panel every row needs "
            "its year"
        )
    return (
        f"{where}: {fmt_value(value)} is not a year (a whole number "
        "such as 2023)"
    )


def _panel_problems(table: ProblemTable, df: pd.DataFrame) -> None:
    """Add the panel's key and type problems: one line each.

    ``(cluster, year)`` must be unique, and a cluster's type the same in
    every year it appears in.
    """
    names = df["cluster"].astype("str")  # normalised by the parser
    years = df[YEAR_COLUMN]
    key = pd.DataFrame({"c": names, "y": years})
    dup = key.duplicated(keep=False) & (names != "") & years.notna()
    groups = key[dup].groupby(["c", "y"]).groups
    for (name, year), rows in cast(
        "dict[tuple[Any, Any], Any]", groups
    ).items():
        pos = sorted(int(r) for r in rows)
        labels = ", ".join(str(table.label(p)) for p in pos)
        table.add(
            pos[0],
            "cluster",
            name,
            "unique",
            f"cluster {short_repr(name)}, year {int(year)} ({table.row_word}s "
            f"{labels}): the pair is used {len(pos)} times; in a panel "
            "each (cluster, year) must be unique",
        )
    frame = pd.DataFrame({"c": names, "y": years, "t": df["type"]})
    frame = frame[(names != "") & years.notna() & df["type"].notna()]
    for name, group in frame.groupby("c", sort=True):
        if group["t"].nunique() < 2:
            continue
        by_type = group.groupby("t", sort=False)["y"].apply(
            lambda y: ", ".join(str(int(v)) for v in sorted(set(y)))
        )
        said = "; ".join(f"{t!r} in {ys}" for t, ys in by_type.items())
        table.add(
            int(group.index[0]),
            "type",
            name,
            "type_change",
            f"cluster {short_repr(name)}, column 'type': the type changes "
            f"between years ({said}); a cluster keeps one type in a panel "
            "(split it into two named clusters if it really changed)",
        )


# --------------------------------------------------------------------------
# pandera's failure cases, worded for people
# --------------------------------------------------------------------------
def _missing_column(
    name: str, system: IndicatorSystem, unmatched: Sequence[str]
) -> str:
    """Word a missing column, with the similar headers found."""
    label = repr(name)
    if name in system.indicator_ids:
        label += f" ({system.indicator(name).name_zh})"
    close = close_headers(name, system, unmatched)
    hint = (
        f"; similar header(s) in the table: {quoted(close)}" if close else ""
    )
    return f"column {label} is missing{hint}"


def _type_message(
    where: str, check: str, value: Any, system: IndicatorSystem
) -> str:
    """Word a bad ``type`` cell."""
    types = quoted(system.cluster_types)
    if check == "not_nullable":
        return f"{where}: the cluster type is missing; valid: {types}"
    return (
        f"{where}: {fmt_value(value)} is not a cluster type of "
        f"system {system.id!r}; valid: {types}"
    )


def _indicator_message(
    where: str, check: str, value: Any, ind: Indicator, found: Any
) -> str:
    """Word an indicator cell that fails `check`.

    `found` is the cell as found, for a missing value.
    """
    unit = f"(unit {ind.unit})"
    shown = fmt_value(value)
    if check == "not_nullable":
        was = "" if pd.isna(found) else f" ({fmt_value(found)})"
        return (
            f"{where}: the value is missing{was}; every indicator "
            "needs a value (allow_missing=True lets missing values "
            "through)"
        )
    if check == "finite":
        return f"{where}: {shown} is not a finite number {unit}"
    if check == "min":
        return (
            f"{where}: {shown} is below the valid minimum {ind.lower:g} {unit}"
        )
    if check == "min_exclusive":
        return (
            f"{where}: {shown} is not above the exclusive "
            f"minimum {ind.lower:g}; the value must be > "
            f"{ind.lower:g} {unit}"
        )
    if check == "max":
        return (
            f"{where}: {shown} is above the valid maximum {ind.upper:g} {unit}"
        )
    if check == "integer":
        return (
            f"{where}: {shown} is not a whole number; "
            f"{ind.id!r} takes integers {unit}"
        )
    return f"{where}: {shown} fails check {check!r} {unit}"


def _add_duplicates(
    table: ProblemTable, duplicates: Mapping[str, list[int]]
) -> None:
    """Add one line per cluster name used more than once."""
    for name, positions in duplicates.items():
        rows = sorted(set(positions))
        labels = ", ".join(str(table.label(p)) for p in rows)
        table.add(
            rows[0],
            "cluster",
            name,
            "unique",
            f"cluster {short_repr(name)} ({table.row_word}s {labels}), column "
            f"'cluster': the name is used {len(rows)} times; cluster names "
            "must be unique",
        )


def _translate(
    failure_cases: pd.DataFrame,
    table: ProblemTable,
    parsed: Mapping[str, Parsed],
    unmatched: Sequence[str],
) -> None:
    """Turn pandera's failure cases into one problem line each."""
    system = table.system
    duplicates: dict[str, list[int]] = {}
    # a row's ``index`` is the column (not tuple.index): typed as Any
    for case in cast("Iterable[Any]", failure_cases.itertuples(index=False)):
        column = case.column if isinstance(case.column, str) else None
        check = str(case.check)
        value = case.failure_case
        pos = None if pd.isna(case.index) else int(case.index)
        if check == "column_in_dataframe":
            msg = _missing_column(str(value), system, unmatched)
            table.add(None, str(value), None, "missing_column", msg)
        elif column is None or pos is None:
            msg = (
                f"column {column!r}: check {check!r} failed: "
                f"{short_repr(value)}"
            )
            table.add(None, column, value, check, msg)
        elif column == "cluster":
            if check == "unique":
                key = normalize_name(value)
                duplicates.setdefault(key, []).append(pos)
            elif check in {"not_nullable", "non_empty"}:
                table.add(
                    pos,
                    column,
                    value,
                    "non_empty",
                    f"{table.row(pos)}, column 'cluster': the cluster name "
                    "is empty; every row needs a non-empty, unique name",
                )
        elif column == YEAR_COLUMN:
            if not (check == "not_nullable" and parsed[column].bad[pos]):
                where = f"{table.who(pos)}, column 'year'"
                msg = _year_message(where, check, value)
                table.add(pos, column, value, check, msg)
        elif column == "type":
            where = f"{table.who(pos)}, column {column!r}"
            msg = _type_message(where, check, value, system)
            table.add(pos, column, value, "cluster_type", msg)
        elif column not in system.indicator_ids:
            where = f"{table.who(pos)}, column {column!r}"
            table.add(pos, column, value, check, f"{where}: {check} failed")
        elif not (check == "not_nullable" and parsed[column].bad[pos]):
            # (a missing value that is bad text is reported as not a number)
            where = f"{table.who(pos)}, column {column!r}"
            found = parsed[column].original.iloc[pos]
            ind = system.indicator(column)
            msg = _indicator_message(where, check, value, ind, found)
            table.add(pos, column, value, check, msg)
    _add_duplicates(table, duplicates)


# --------------------------------------------------------------------------
# validate
# --------------------------------------------------------------------------
MAX_LISTED_EXTRAS = 10
"""Unknown columns named in the warning about them; the rest are counted."""


def _extras_message(where: str, extras: Sequence[str], system_id: str) -> str:
    """Word the warning about ignored columns (a few named, others counted)."""
    shown = quoted(extras[:MAX_LISTED_EXTRAS])
    more = len(extras) - MAX_LISTED_EXTRAS
    if more > 0:
        shown += f" and {more} more"
    return (
        f"{where}: ignored {len(extras)} column(s) that are not in the "
        f"indicator system {system_id!r}: {shown}"
    )


def check_table(
    items: Sequence[tuple[Any, pd.Series]],
    row_labels: Sequence[Hashable] | pd.Index,
    system: IndicatorSystem,
    *,
    allow_missing: bool,
    where: str,
    row_word: str,
    stacklevel: int,
    fast: bool = True,
) -> pd.DataFrame:
    """Validate columns given as (header, values); return the clean table.

    The table is first checked by `clusterscore.io.fast.table_passes`
    (numpy on whole arrays); only when that finds a problem (or `fast` is
    False) does the pandera schema run, lazily, to word every problem.

    Problems name rows ``{row_word} {label}`` and the error message
    starts with `where`. `stacklevel` goes to `warnings.warn` for the
    `DataWarning` about dropped columns (3 names the caller of the public
    function that calls this one).

    With derived indicators, the table is checked against
    `input_view` (the raw columns), a column headed by a derived
    indicator is ignored (it is recomputed), and `add_derived` adds the
    derived indicators.
    """
    full, system = system, input_view(system)
    if system is not full:
        skip = {
            header_key(name)
            for i in derived_ids(full)
            for name in (i, full.indicator(i).name_zh, full.indicator(i).name)
        }
        items = [(h, s) for h, s in items if header_key(h) not in skip]
    columns = collect_columns(items, system)
    year = columns.found.pop(YEAR_COLUMN, None)
    panel = year is not None
    table = (_PanelProblems if panel else ProblemTable)(
        system, row_labels, row_word
    )
    for canonical, header, message in columns.duplicates:
        table.add(None, canonical, header, "duplicate_column", message)
    for canonical, header, message in columns.unit_conflicts:
        table.add(None, canonical, header, "unit_mismatch", message)
    n_rows = len(row_labels)
    if n_rows == 0:
        table.add(None, None, None, "no_rows", "the table has no data rows")

    df, parsed = parse_columns(columns.found, system, n_rows)
    if "cluster" in df:
        table.set_names(df["cluster"])
    add_number_problems(table, parsed)
    if year is not None:  # a panel
        parsed_year = numeric_column(year)
        df[YEAR_COLUMN] = parsed_year.values
        cast(_PanelProblems, table).years = parsed_year.values
        _year_problems(table, parsed_year)
        parsed = {**parsed, YEAR_COLUMN: parsed_year}
    clean = fast and not table.problems
    if not (
        clean
        and table_passes(
            df, parsed, system, allow_missing=allow_missing, panel=panel
        )
    ):
        from pandera.errors import SchemaErrors

        schema = build_schema(system, allow_missing=allow_missing)
        if panel:  # (cluster, year) is the key: checked by _panel_problems
            checks = schema.columns["cluster"].checks
            schema = schema.update_column(
                "cluster", checks=[c for c in checks if c.name != "unique"]
            )
        try:
            df = schema.validate(df, lazy=True)
        except SchemaErrors as exc:
            _translate(exc.failure_cases, table, parsed, columns.unmatched)
    if panel and {"cluster", "type"} <= set(df):
        _panel_problems(table, df)

    if table.problems:
        raise_problems(table, where)
    if columns.extras:
        warnings.warn(
            _extras_message(where, columns.extras, system.id),
            DataWarning,
            stacklevel=stacklevel,
        )
    ordered = [c for c in TEXT_COLUMNS if c in df]
    ordered += [YEAR_COLUMN] if panel else []
    ordered += list(system.indicator_ids)
    # the parsed frame is in this order (but for a panel's year) with a
    # RangeIndex and one float64 block of indicators: kept as it is, the
    # block reaches `evaluate` without a copy
    out = df if list(df.columns) == ordered else df[ordered]
    out = out.reset_index(drop=True)
    if panel:
        out[YEAR_COLUMN] = out[YEAR_COLUMN].astype("int64")
    for ind_id in system.indicator_ids:
        if out[ind_id].dtype != np.float64:  # (re-set, it gets a block)
            out[ind_id] = out[ind_id].astype("float64")
    if system is not full:
        lead = [c for c in TEXT_COLUMNS if c in out]
        lead += [YEAR_COLUMN] if panel else []
        out = add_derived(out, full, where=where, ordered=lead)
    return out


def build_schema(
    system: IndicatorSystem, *, allow_missing: bool = False
) -> pa.DataFrameSchema:
    """Return the pandera schema of input tables for `system`.

    The same as ``system.schema(allow_missing=...)``; see
    `clusterscore.system.IndicatorSystem.schema` for what it checks.

    Parameters
    ----------
    system : IndicatorSystem
        The indicator system whose indicators are the numeric columns.
    allow_missing : bool, default False
        Whether indicator values may be missing (NaN).

    Returns
    -------
    pandera.DataFrameSchema
        The strict, order-free schema of canonical input tables.
    """
    check_system("build_schema", system)
    return system.schema(allow_missing=allow_missing)


def validate(
    df: pd.DataFrame,
    system: IndicatorSystem,
    *,
    allow_missing: bool = False,
) -> pd.DataFrame:
    """Check an input table against `system` and return it cleaned.

    Headers are matched to columns after stripping whitespace and BOMs,
    ignoring case, full-width forms and quote marks: an indicator column may
    be headed by its id, its Chinese name (`name_zh`) or its English name;
    the text columns by the names in `TEXT_COLUMN_ALIASES` (e.g. ``集群``,
    ``类型``). A ``type`` value may be a type id or the type's English or
    Chinese name. Numbers given as text are parsed (commas allowed only as
    thousands separators; the texts in `MISSING_TOKENS` mean missing).
    Columns the system does not know are dropped, with a `DataWarning`
    naming them when the table is otherwise valid (when it is not, the
    `DataError` suggests the unknown headers that look like a missing
    column). If ``df`` has no ``cluster`` column but its index is named
    ``cluster``, the index is used.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per cluster. Never modified.
    system : IndicatorSystem
        The indicator system (see `clusterscore.system.load_system`).
    allow_missing : bool, default False
        Let missing indicator values (NaN) through, for later imputation.
        Infinite values are refused either way.

    Returns
    -------
    pandas.DataFrame
        Columns ``cluster``, ``type``, ``region`` and ``province`` (those
        present), ``year`` (``int64``, a panel only), then the indicator
        ids in the system's order; text columns stripped, indicator
        columns ``float64``; a default RangeIndex.

    Raises
    ------
    DataError
        Listing every problem at once, one line each, naming the cluster
        (or the row, when the name itself is at fault), the column, the
        value found and what is allowed. ``.problems`` holds the lines and
        ``.failure_cases`` a DataFrame (row, cluster, column, value, check,
        message). Rows are named by their index label.
    ParameterError
        If `df` is not a DataFrame or `system` not an IndicatorSystem.

    Warns
    -----
    DataWarning
        When columns are dropped because the system does not know them.

    See Also
    --------
    build_schema : the pandera schema that does the checking.
    read_clusters : the same for a CSV file.

    Examples
    --------
    >>> import pandas as pd
    >>> from clusterscore.system import (
    ...     ClusterType, Dimension, Indicator, IndicatorSystem)
    >>> ind = Indicator("share", "Share", "份额", "%", "benefit", "d",
    ...                 lower=0, upper=100)
    >>> system = IndicatorSystem(
    ...     "s", "S", "S", 1, (Dimension("d", "D", "D", ("share",)),),
    ...     (ind,), (ClusterType("basic", "Basic", "基础型"),))
    >>> table = pd.DataFrame({"集群": ["A"], "类型": ["basic"], "份额": [23]})
    >>> validate(table, system)
      cluster   type  share
    0       A  basic   23.0
    """
    check_system("validate", system)
    check_instance("validate", "df", df, pd.DataFrame, "a pandas DataFrame")
    return check_table(
        column_items(df),
        df.index,
        system,
        allow_missing=allow_missing,
        where="validate()",
        row_word="row",
        stacklevel=3,
    )
