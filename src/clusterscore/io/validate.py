"""Validated input: the pandera schema of an input table, and its reader.

An input table has one row per cluster and the columns

``cluster``
    The cluster's name: text, non-empty, unique.
``type``
    One of the system's cluster types (``system.cluster_types``).
``region``, ``province``
    Optional text.
one column per indicator id
    Numbers: finite, within the indicator's valid bounds, whole numbers
    where the indicator is a count; missing values only when asked for.

`build_schema` turns an `IndicatorSystem` into a pandera
``DataFrameSchema`` that checks exactly this. `validate` prepares a
DataFrame (matches headers, drops unknown columns with a `DataWarning`,
parses numbers written as text), runs the schema lazily and turns every
failure into one line of a single `DataError`. `read_clusters` reads a CSV
file (UTF-8 with or without BOM, or GB18030/GBK) and validates it.
`make_template` gives the empty table to fill in. The format is described
in ``docs/data-format.md``.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import unicodedata
import warnings
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.system import IndicatorSystem

__all__ = [
    "MISSING_TOKENS",
    "OPTIONAL_TEXT_COLUMNS",
    "REQUIRED_TEXT_COLUMNS",
    "TEXT_COLUMN_ALIASES",
    "build_schema",
    "make_template",
    "read_clusters",
    "validate",
]

REQUIRED_TEXT_COLUMNS: tuple[str, ...] = ("cluster", "type")
"""The text columns every input table must have."""

OPTIONAL_TEXT_COLUMNS: tuple[str, ...] = ("region", "province")
"""The text columns an input table may have."""

TEXT_COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "cluster": ("cluster", "cluster_name", "name", "集群", "集群名称", "名称"),
    "type": ("type", "cluster_type", "类型", "集群类型"),
    "region": ("region", "区域", "地区"),
    "province": ("province", "省份", "省", "省市"),
}
"""Headers accepted for the text columns (matched as `_header_key` does)."""

MISSING_TOKENS: frozenset[str] = frozenset(
    {"", "na", "n/a", "#n/a", "nan", "null", "none", "-", "--", "—"}
)
"""Cell texts read as a missing value (compared case-insensitively)."""

_MAX_MESSAGE_LINES = 50
_TEXT_COLUMNS = REQUIRED_TEXT_COLUMNS + OPTIONAL_TEXT_COLUMNS
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"))
_INVISIBLE_RE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
_QUOTES_AND_SPACE = re.compile(r"[\s\"'“”‘’「」『』]+")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_BEYOND_U07FF = re.compile("[\u0800-\U0010ffff]")
_CHINESE_TEXT = re.compile(
    "[\x00-\x7f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --------------------------------------------------------------------------
# The schema
# --------------------------------------------------------------------------
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
    if not isinstance(system, IndicatorSystem):
        raise ParameterError(
            "make_template(): 'system' must be an IndicatorSystem; got "
            f"{type(system).__name__}.",
            parameter="system",
            value=system,
        )
    data: dict[str, pd.Series] = {
        c: pd.Series(dtype="str") for c in _TEXT_COLUMNS
    }
    for ind_id in system.indicator_ids:
        data[ind_id] = pd.Series(dtype="float64")
    return pd.DataFrame(data)


# --------------------------------------------------------------------------
# Header matching and cell parsing
# --------------------------------------------------------------------------
def _header_key(header: Any) -> str:
    """Normalise a header for matching.

    NFKC (full-width -> half-width), invisible characters (BOM, zero-width)
    removed, case folded, whitespace and quote marks removed.
    """
    text = unicodedata.normalize("NFKC", str(header)).translate(_INVISIBLE)
    return _QUOTES_AND_SPACE.sub("", text.casefold())


def _header_lookup(system: IndicatorSystem) -> dict[str, str]:
    """Map normalised header keys to canonical column names."""
    lookup: dict[str, str] = {}
    for canonical, aliases in TEXT_COLUMN_ALIASES.items():
        for alias in aliases:
            lookup.setdefault(_header_key(alias), canonical)
    for ind in system.indicators:
        for name in (ind.id, ind.name_zh, ind.name):
            if name:
                lookup.setdefault(_header_key(name), ind.id)
    return lookup


def _type_lookup(system: IndicatorSystem) -> dict[str, str]:
    """Map normalised type words (id, English, Chinese name) to type ids."""
    lookup: dict[str, str] = {}
    for t in system.types:
        for word in (t.id, t.name, t.name_zh):
            if word:
                lookup.setdefault(_header_key(word), t.id)
    return lookup


def _is_blank(s: pd.Series) -> bool:
    if s.isna().all():
        return True
    return bool((s.astype("str").str.strip().fillna("") == "").all())


def _text_column(s: pd.Series) -> pd.Series:
    """Return stripped text, NaN where missing, on a RangeIndex."""
    values = s.reset_index(drop=True)
    missing = values.isna().to_numpy()
    text = values.astype("str").str.strip()
    return text.where(~missing, np.nan)


def _type_column(s: pd.Series, lookup: dict[str, str]) -> pd.Series:
    """Return the type column with English/Chinese names mapped to ids.

    A table has a handful of distinct type words, so the words are
    normalised once each (`pandas.factorize`), not once per row.
    """
    codes, words = pd.factorize(s.reset_index(drop=True), sort=False)
    text = _text_column(pd.Series(words, dtype=object))
    keys = (
        text.str.normalize("NFKC")
        .str.replace(_INVISIBLE_RE, "", regex=True)
        .str.casefold()
        .str.replace(_QUOTES_AND_SPACE, "", regex=True)
    )
    mapped = keys.map(lookup)
    per_word = mapped.where(mapped.notna(), text).to_numpy(dtype=object)
    out = np.where(codes >= 0, per_word[np.maximum(codes, 0)], None)
    return pd.Series(out, dtype="str").where(codes >= 0, np.nan)


@dataclass
class _Parsed:
    """A numeric column: values, and the text of cells that are not."""

    values: pd.Series
    original: pd.Series  # the cell as found (text), for messages
    bad: np.ndarray  # True where the cell is text that is not a number


def _numeric_column(s: pd.Series) -> _Parsed:
    """Parse a column into float64 (vectorised).

    Numbers pass through. Text is NFKC-normalised and stripped; a text in
    `MISSING_TOKENS` is missing; commas are accepted only as thousands
    separators (``1,234.5``); anything else that is not a number is bad.
    """
    values = s.reset_index(drop=True)
    if pd.api.types.is_bool_dtype(values):
        values = values.astype("object")
    if pd.api.types.is_numeric_dtype(values):
        out = values.to_numpy(dtype=float, na_value=np.nan)
        series = pd.Series(out, dtype="float64")
        return _Parsed(series, series, np.zeros(len(series), dtype=bool))
    missing = values.isna().to_numpy()
    text = values.astype("str").str.normalize("NFKC").str.strip()
    text = text.where(~missing, "")
    is_missing = text.str.casefold().isin(MISSING_TOKENS).to_numpy()
    grouped = text.str.fullmatch(_THOUSANDS).to_numpy(dtype=bool)
    clean = text.where(~grouped, text.str.replace(",", "", regex=False))
    clean = clean.where(~is_missing, np.nan)
    numbers = pd.to_numeric(clean, errors="coerce").astype("float64")
    bad = numbers.isna().to_numpy() & ~is_missing
    original = values.astype("object").where(~missing, np.nan)
    return _Parsed(numbers, original, bad)


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------
def _fmt(value: Any) -> str:
    """Show a value found in a cell: floats as floats, text quoted."""
    if isinstance(value, bool | np.bool_):
        return repr(str(value))
    if isinstance(value, int | float | np.integer | np.floating):
        return repr(float(value))
    return repr(str(value))


def _list(names: Sequence[Any]) -> str:
    return ", ".join(repr(str(n)) for n in names)


@dataclass
class _Problem:
    row: int | None  # 0-based position; None for table-level problems
    column: str | None
    value: Any
    check: str
    message: str
    order: int = 0  # column order, for sorting


class _Table:
    """The state of one validation: columns found, rows, problems."""

    def __init__(
        self,
        system: IndicatorSystem,
        row_labels: Sequence[Hashable],
        row_word: str,
    ) -> None:
        self.system = system
        self.row_labels = list(row_labels)
        self.row_word = row_word
        self.problems: list[_Problem] = []
        self.names: pd.Series | None = None
        self.counts: dict[str, int] = {}
        self.order = {
            c: k for k, c in enumerate(_TEXT_COLUMNS + system.indicator_ids)
        }

    # --- how to name a row -------------------------------------------------
    def row(self, pos: int) -> str:
        return f"{self.row_word} {self.row_labels[pos]}"

    def who(self, pos: int) -> str:
        """``cluster 'name'`` when the name is usable, else ``row N``."""
        if self.names is not None:
            name = self.names.iloc[pos]
            if isinstance(name, str) and name:
                if self.counts.get(name, 0) > 1:
                    return f"cluster {name!r} ({self.row(pos)})"
                return f"cluster {name!r}"
        return self.row(pos)

    def add(
        self,
        row: int | None,
        column: str | None,
        value: Any,
        check: str,
        message: str,
    ) -> None:
        order = self.order.get(column, -1) if column is not None else -1
        self.problems.append(
            _Problem(row, column, value, check, message, order)
        )


def _collect_columns(
    items: Sequence[tuple[Any, pd.Series]],
    system: IndicatorSystem,
    table: _Table,
) -> tuple[dict[str, pd.Series], list[str], list[str]]:
    """Match headers; return (canonical -> column, extras, unmatched keys)."""
    lookup = _header_lookup(system)
    found: dict[str, pd.Series] = {}
    header_of: dict[str, str] = {}
    extras: list[str] = []
    for position, (header, series) in enumerate(items, start=1):
        canonical = lookup.get(_header_key(header))
        if canonical is None:
            if _header_key(header) == "" and _is_blank(series):
                continue  # an empty, unnamed column (Excel leaves these)
            extras.append(
                str(header).strip() or f"<unnamed column {position}>"
            )
            continue
        if canonical in found:
            table.add(
                None,
                canonical,
                str(header),
                "duplicate_column",
                f"columns {header_of[canonical]!r} and {str(header)!r} "
                f"both give column {canonical!r}; keep only one of them "
                f"(the first is used)",
            )
            continue
        found[canonical] = series
        header_of[canonical] = str(header)
    return found, extras, [e for e in extras if not e.startswith("<")]


def _close_headers(
    canonical: str, system: IndicatorSystem, unmatched: Sequence[str]
) -> list[str]:
    """Headers in the table that look like a misspelt `canonical`."""
    if canonical in TEXT_COLUMN_ALIASES:
        targets = list(TEXT_COLUMN_ALIASES[canonical])
    else:
        ind = system.indicator(canonical)
        targets = [ind.id, ind.name_zh, ind.name]
    keys = {_header_key(h): h for h in unmatched}
    close: list[str] = []
    for target in targets:
        for key in difflib.get_close_matches(
            _header_key(target), list(keys), n=3, cutoff=0.75
        ):
            if keys[key] not in close:
                close.append(keys[key])
    return close


def _translate(
    failure_cases: pd.DataFrame,
    table: _Table,
    frame: pd.DataFrame,
    parsed: dict[str, _Parsed],
    unmatched: Sequence[str],
) -> None:
    """Turn pandera's failure cases into one problem line each."""
    system = table.system
    types = _list(system.cluster_types)
    duplicates: dict[str, list[int]] = {}
    for case in failure_cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else None
        check = str(case.check)
        value = case.failure_case
        raw_index = case.index
        pos = None if pd.isna(raw_index) else int(raw_index)

        if check == "column_in_dataframe":
            name = str(value)
            label = repr(name)
            if name in system.indicator_ids:
                label += f" ({system.indicator(name).name_zh})"
            close = _close_headers(name, system, unmatched)
            hint = (
                f"; similar header(s) in the table: {_list(close)}"
                if close
                else ""
            )
            table.add(
                None,
                name,
                None,
                "missing_column",
                f"column {label} is missing{hint}",
            )
            continue
        if column is None or pos is None:
            table.add(
                None,
                column,
                value,
                check,
                f"column {column!r}: check {check!r} failed: {value!r}",
            )
            continue
        if column == "cluster":
            if check == "unique":
                duplicates.setdefault(str(value).strip(), []).append(pos)
            elif check in {"not_nullable", "non_empty"}:
                table.add(
                    pos,
                    column,
                    value,
                    "non_empty",
                    f"{table.row(pos)}, column 'cluster': the cluster name "
                    "is empty; every row needs a non-empty, unique name",
                )
            continue
        where = f"{table.who(pos)}, column {column!r}"
        if column == "type":
            if check == "not_nullable":
                msg = f"{where}: the cluster type is missing; valid: {types}"
            else:
                msg = (
                    f"{where}: {_fmt(value)} is not a cluster type of "
                    f"system {system.id!r}; valid: {types}"
                )
            table.add(pos, column, value, "cluster_type", msg)
            continue
        if column not in system.indicator_ids:
            table.add(pos, column, value, check, f"{where}: {check} failed")
            continue
        ind = system.indicator(column)
        unit = f"(unit {ind.unit})"
        if check == "not_nullable":
            if parsed[column].bad[pos]:
                continue  # reported as not a number
            found = parsed[column].original.iloc[pos]
            shown = "" if pd.isna(found) else f" ({_fmt(found)})"
            msg = (
                f"{where}: the value is missing{shown}; every indicator "
                "needs a value (allow_missing=True lets missing values "
                "through)"
            )
        elif check == "finite":
            msg = f"{where}: {_fmt(value)} is not a finite number {unit}"
        elif check == "min":
            msg = (
                f"{where}: {_fmt(value)} is below the valid minimum "
                f"{ind.lower:g} {unit}"
            )
        elif check == "min_exclusive":
            msg = (
                f"{where}: {_fmt(value)} is not above the exclusive "
                f"minimum {ind.lower:g}; the value must be > "
                f"{ind.lower:g} {unit}"
            )
        elif check == "max":
            msg = (
                f"{where}: {_fmt(value)} is above the valid maximum "
                f"{ind.upper:g} {unit}"
            )
        elif check == "integer":
            msg = (
                f"{where}: {_fmt(value)} is not a whole number; "
                f"{column!r} takes integers {unit}"
            )
        else:
            msg = f"{where}: {_fmt(value)} fails check {check!r} {unit}"
        table.add(pos, column, value, check, msg)

    for name, positions in duplicates.items():
        rows = sorted(set(positions))
        labels = ", ".join(str(table.row_labels[p]) for p in rows)
        table.add(
            rows[0],
            "cluster",
            name,
            "unique",
            f"cluster {name!r} ({table.row_word}s {labels}), column "
            f"'cluster': the name is used {len(rows)} times; cluster names "
            "must be unique",
        )


def _check_table(
    items: Sequence[tuple[Any, pd.Series]],
    row_labels: Sequence[Hashable],
    system: IndicatorSystem,
    *,
    allow_missing: bool,
    where: str,
    row_word: str,
    stacklevel: int,
) -> pd.DataFrame:
    """Validate columns given as (header, values); return the clean table."""
    table = _Table(system, row_labels, row_word)
    found, extras, unmatched = _collect_columns(items, system, table)
    n_rows = len(row_labels)
    if n_rows == 0:
        table.add(None, None, None, "no_rows", "the table has no data rows")

    frame: dict[str, pd.Series] = {}
    parsed: dict[str, _Parsed] = {}
    for name in _TEXT_COLUMNS:
        if name not in found:
            continue
        if name == "type":
            frame[name] = _type_column(found[name], _type_lookup(system))
        else:
            frame[name] = _text_column(found[name]).astype("str")
    for ind_id in system.indicator_ids:
        if ind_id not in found:
            continue
        p = _numeric_column(found[ind_id])
        parsed[ind_id] = p
        frame[ind_id] = p.values
    df = pd.DataFrame(frame, index=pd.RangeIndex(n_rows))

    if "cluster" in df:
        names = df["cluster"].where(df["cluster"].notna(), "")
        table.names = names
        repeated = names[names.duplicated(keep=False) & (names != "")]
        table.counts = repeated.value_counts().to_dict()  # only names > 1

    for ind_id, p in parsed.items():
        unit = system.indicator(ind_id).unit
        for pos in np.flatnonzero(p.bad):
            text = str(p.original.iloc[pos])
            hint = ""
            if "," in text:
                hint = (
                    "; use '.' as the decimal mark (',' is accepted only "
                    "between groups of three digits, as in 1,234.5)"
                )
            elif text.rstrip().endswith(("%", "％")):
                hint = "; write the number without the % sign"
            table.add(
                int(pos),
                ind_id,
                text,
                "numeric",
                f"{table.who(int(pos))}, column {ind_id!r}: {text!r} is not "
                f"a number{hint} (unit {unit})",
            )

    schema = build_schema(system, allow_missing=allow_missing)
    try:
        df = schema.validate(df, lazy=True)
    except SchemaErrors as exc:
        _translate(exc.failure_cases, table, df, parsed, unmatched)

    if table.problems:
        _raise(table, where)
    if extras:
        warnings.warn(
            f"{where}: ignored {len(extras)} column(s) that are not in the "
            f"indicator system {system.id!r}: {_list(extras)}",
            DataWarning,
            stacklevel=stacklevel,
        )
    ordered = [c for c in _TEXT_COLUMNS if c in df]
    ordered += list(system.indicator_ids)
    out = df[ordered].reset_index(drop=True)
    for ind_id in system.indicator_ids:
        out[ind_id] = out[ind_id].astype("float64")
    return out


def _raise(table: _Table, where: str) -> None:
    """Raise one DataError listing every problem of `table`."""
    problems = sorted(
        table.problems,
        key=lambda p: (
            p.row is not None,
            -1 if p.row is None else p.row,
            p.order,
        ),
    )
    lines = [p.message for p in problems]
    n = len(lines)
    shown = lines[:_MAX_MESSAGE_LINES]
    if n > _MAX_MESSAGE_LINES:
        shown.append(
            f"... and {n - _MAX_MESSAGE_LINES} more (all are in the "
            "error's .problems)"
        )
    head = f"{where}: {n} problem{'s' if n != 1 else ''} in the input table:"
    failure_cases = pd.DataFrame(
        {
            "row": pd.Series(
                [
                    None if p.row is None else table.row_labels[p.row]
                    for p in problems
                ],
                dtype="object",
            ),
            "cluster": [
                None
                if p.row is None or table.names is None
                else table.names.iloc[p.row] or None
                for p in problems
            ],
            "column": [p.column for p in problems],
            "value": [p.value for p in problems],
            "check": [p.check for p in problems],
            "message": lines,
        }
    )
    raise DataError(
        "\n  ".join([head, *shown]),
        problems=lines,
        failure_cases=failure_cases,
    )


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
    _check_system("build_schema", system)
    return system.schema(allow_missing=allow_missing)


def _check_system(func: str, system: Any) -> None:
    if not isinstance(system, IndicatorSystem):
        raise ParameterError(
            f"{func}(): 'system' must be an IndicatorSystem (see "
            f"load_system()); got {type(system).__name__}.",
            parameter="system",
            value=system,
        )


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
        present), then the indicator ids in the system's order; text columns
        stripped, indicator columns ``float64``; a default RangeIndex.

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
    _check_system("validate", system)
    if not isinstance(df, pd.DataFrame):
        raise ParameterError(
            "validate(): 'df' must be a pandas DataFrame; got "
            f"{type(df).__name__}.",
            parameter="df",
            value=df,
        )
    items: list[tuple[Any, pd.Series]] = list(df.items())
    keys = {_header_key(h) for h, _ in items}
    cluster_keys = {_header_key(a) for a in TEXT_COLUMN_ALIASES["cluster"]}
    index_name = df.index.name
    if (
        index_name is not None
        and _header_key(index_name) in cluster_keys
        and not keys & cluster_keys
    ):
        items.insert(0, ("cluster", df.index.to_series()))
    return _check_table(
        items,
        list(df.index),
        system,
        allow_missing=allow_missing,
        where="validate()",
        row_word="row",
        stacklevel=3,
    )


# --------------------------------------------------------------------------
# Reading CSV files
# --------------------------------------------------------------------------
def _decode(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (BOM or not), else GB18030 (GBK).

    Short GBK texts can also be valid UTF-8 (GBK '群' = C8 BA = UTF-8
    'Ⱥ'). Bytes that are valid UTF-8 but decode to no character beyond
    U+07FF (no Chinese at all), while their GB18030 reading is Chinese
    text, are read as GB18030.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")
    if text.isascii() or _BEYOND_U07FF.search(text):
        return text
    try:
        other = data.decode("gb18030")
    except UnicodeDecodeError:
        return text
    return other if _CHINESE_TEXT.fullmatch(other) else text


def _read_text(path: str | os.PathLike[str]) -> str:
    """Return the decoded text of a CSV file; DataError if unusable."""
    p = Path(path)
    where = str(path)
    if not p.exists():
        raise DataError(f"{where}: file not found.")
    if p.is_dir():
        raise DataError(f"{where}: is a directory, not a CSV file.")
    if not p.is_file():
        raise DataError(f"{where}: is not a regular file.")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DataError(f"{where}: cannot be read ({exc.strerror}).") from None
    if not data:
        raise DataError(
            f"{where}: the file is empty (0 bytes); expected a header line "
            "and one line per cluster."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(
            f"{where}: the file is UTF-16 text; save it as 'CSV UTF-8' or "
            "'CSV (comma delimited)' (UTF-8 or GB18030/GBK)."
        )
    if b"\x00" in data:
        hint = (
            " (it looks like an Excel .xlsx workbook; save it as CSV)"
            if data.startswith(b"PK\x03\x04")
            else ""
        )
        raise DataError(
            f"{where}: is a binary file, not CSV text: it contains NUL "
            f"bytes{hint}."
        )
    try:
        text = _decode(data)
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{where}: is not a text file in UTF-8 or GB18030/GBK: "
            f"undecodable byte 0x{exc.object[exc.start]:02x} at offset "
            f"{exc.start}."
        ) from None
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise DataError(
            f"{where}: is a binary file, not CSV text: control character "
            f"U+{ord(bad.group()):04X} on line {line}."
        )
    if not text.strip():
        raise DataError(
            f"{where}: the file is empty (only blank lines); expected a "
            "header line and one line per cluster."
        )
    return text


def read_clusters(
    path: str | os.PathLike[str],
    system: IndicatorSystem,
    *,
    allow_missing: bool = False,
) -> pd.DataFrame:
    """Read an input table from a CSV file and validate it.

    The file is comma-separated text in UTF-8 (with or without BOM) or
    GB18030/GBK (as Excel writes "CSV" on Chinese Windows), with CRLF or LF
    line ends, a header line, then one line per cluster; columns in any
    order. Lines whose cells are all empty are skipped. The file is only
    read, never modified. Problems are reported by line number (the header
    is line 1, as in a spreadsheet).

    Parameters
    ----------
    path : str or path-like
        The CSV file.
    system : IndicatorSystem
        The indicator system (see `clusterscore.system.load_system`).
    allow_missing : bool, default False
        Let missing indicator values through (see `validate`).

    Returns
    -------
    pandas.DataFrame
        As `validate` returns it.

    Raises
    ------
    DataError
        If the path is missing, a directory, empty, binary, not decodable,
        not a rectangular CSV or has no data rows; or listing every problem
        of the table (see `validate`), each line starting with the path.

    Warns
    -----
    DataWarning
        When columns unknown to the system are dropped.
    """
    _check_system("read_clusters", system)
    where = str(path)
    text = _read_text(path)
    try:
        raw = pd.read_csv(
            io.StringIO(text),
            header=None,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
        )
    except pd.errors.ParserError as exc:
        match = re.search(
            r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc)
        )
        detail = (
            f"line {match[2]} has {match[3]} fields but the header line "
            f"has {match[1]}"
            if match
            else str(exc).strip()
        )
        raise DataError(
            f"{where}: is not a valid CSV table: {detail}."
        ) from None
    header = [str(h) for h in raw.iloc[0]]
    if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
        sep = "';'" if ";" in header[0] else "tabs"
        raise DataError(
            f"{where}: the header line has one field and contains {sep}; "
            "clusterscore reads comma-separated files (save as CSV with "
            "commas)."
        )
    body = raw.iloc[1:]
    filled = (body.apply(lambda c: c.str.strip()) != "").any(axis=1)
    body = body[filled.to_numpy()]
    if body.empty:
        raise DataError(
            f"{where}: has no data rows (only a header line); expected one "
            "line per cluster below the header."
        )
    lines = (body.index + 1).tolist()
    items = [
        (header[k], body.iloc[:, k].reset_index(drop=True))
        for k in range(len(header))
    ]
    return _check_table(
        items,
        lines,
        system,
        allow_missing=allow_missing,
        where=where,
        row_word="line",
        stacklevel=3,
    )
