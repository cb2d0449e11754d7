"""Reading an input table from an Excel workbook (.xlsx, .xlsm).

The workbook is read with openpyxl from a copy of its bytes (the file is
never opened for writing), twice: once for the values Excel cached for
formulas (``data_only=True``), once for the formulas themselves, so that a
formula with no cached value can be refused by name. One worksheet is the
table: its first non-blank row is the header, each later non-blank row a
cluster. The cells then go through exactly the checks of a CSV file
(`clusterscore.io.validate.check_table`): numbers stored as text,
thousands separators, full-width digits and missing-value words are read
by `clusterscore.io.cells`. Problems name the cell in Excel's terms
(``Sheet1!D7``) as well as the cluster and the column.

The percentage rule: a numeric cell formatted as a percentage stores the
fraction (23 % is stored as 0.23). In a column whose unit is a percentage
(``%``, ``% of revenue``) it is read as the percentage shown (23), with a
`DataWarning` naming the column and the cells; elsewhere its stored value
is used. See ``docs/data-format.md``.
"""

from __future__ import annotations

import io
import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from clusterscore._checks import short_repr
from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.io.decode import read_bytes
from clusterscore.io.headers import collect_columns
from clusterscore.io.problems import quoted, with_cells
from clusterscore.io.validate import check_table
from clusterscore.system import IndicatorSystem

__all__ = [
    "EXCEL_SUFFIXES",
    "is_excel",
    "is_percent_unit",
    "read_workbook",
]

EXCEL_SUFFIXES: tuple[str, ...] = (".xlsx", ".xlsm")
"""File suffixes read as Excel workbooks (compared case-insensitively)."""

_OTHER_SPREADSHEETS = (".xls", ".ods", ".xlsb", ".numbers")

_PLAIN_SHEET = re.compile(r"[^\W\d]\w*")
_CELL_LIKE = re.compile(r"[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*")
_LITERAL_IN_FORMAT = re.compile(r'"[^"]*"|\\.')
_MAX_LISTED = 20  # formula cells listed in the error message


def is_excel(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is read as a workbook (its suffix is .xlsx/.xlsm).

    Raises
    ------
    DataError
        For spreadsheet formats the reader does not handle (.xls, .ods,
        .xlsb, .numbers), saying to save the file as .xlsx or CSV.
    """
    suffix = Path(path).suffix.lower()
    if suffix in _OTHER_SPREADSHEETS:
        raise DataError(
            f"{path}: {suffix} spreadsheets are not read; save the sheet as "
            "an Excel workbook (.xlsx) or as CSV."
        )
    return suffix in EXCEL_SUFFIXES


def is_percent_unit(unit: str) -> bool:
    """Whether `unit` is a percentage: ``%`` or ``% of ...``."""
    words = unit.strip().split()
    return bool(words) and words[0] in {"%", "％"}


def _address(sheet: str, column: int, row: int) -> str:
    """``Sheet1!D7``; ``'My data'!D7`` when Excel would quote the name.

    Excel quotes a sheet name unless it is a word (letters, digits,
    underscores, not starting with a digit) that does not look like a
    cell reference; quotes inside the name are doubled.
    """
    from openpyxl.utils import get_column_letter

    name = sheet
    if not _PLAIN_SHEET.fullmatch(sheet) or _CELL_LIKE.fullmatch(sheet):
        name = "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{get_column_letter(column)}{row}"


def _load(data: bytes, where: str, *, data_only: bool) -> Any:
    """Open a workbook from its bytes; DataError if it is not one.

    openpyxl fails on a damaged file with whatever its zip and XML layers
    raise (``BadZipFile``, ``KeyError`` for a missing part, ``ParseError``
    for broken XML, ``zlib.error``, ``ValueError`` ...): every one of them
    means the file is not a readable workbook.
    """
    import openpyxl

    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (data validation
            # extensions, default styles); they do not matter for reading
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(
                io.BytesIO(data), data_only=data_only, read_only=False
            )
    except MemoryError:
        raise DataError(
            f"{where}: the workbook is too large to read into memory."
        ) from None
    except Exception as exc:  # a parser of untrusted files
        hint = ""
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            hint = (
                " (it is an old .xls workbook or a password-protected one; "
                "remove the password or save it as .xlsx)"
            )
        elif not data.startswith(b"PK\x03\x04"):
            hint = " (it is not a zip archive, as .xlsx files are)"
        text = str(exc).strip()
        detail = text.splitlines()[0][:200] if text else ""
        raise DataError(
            f"{where}: is not a readable Excel .xlsx workbook{hint} "
            f"({type(exc).__name__}: {detail}); save it again from "
            "Excel as 'Excel Workbook (*.xlsx)'."
        ) from None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass
class _Grid:
    """One worksheet's header and data rows, as cells."""

    name: str
    header_row: int  # Excel row number of the header
    header: list[str]
    rows: list[int]  # Excel row numbers of the non-blank data rows
    cells: list[list[Any]]  # openpyxl cells (cached values), per data row
    formulas: list[list[Any]]  # the formula workbook's values, per data row


def _filled(ws: Any) -> list[tuple[int, int]]:
    """Return the (row, column) of the sheet's non-blank cells, sorted.

    Read from the cells the file stores, not by walking the sheet's
    rectangle: one empty but formatted cell at ``AZ60000`` makes that
    rectangle millions of cells (40 s to walk), though it holds no data.
    """
    stored = getattr(ws, "_cells", None)
    if isinstance(stored, dict):
        return sorted(k for k, c in stored.items() if not _blank(c.value))
    return sorted(  # openpyxl without the private mapping: walk the sheet
        (c.row, c.column)
        for row in ws.iter_rows()
        for c in row
        if not _blank(c.value)
    )


def _grid(ws: Any, ws_formulas: Any | None) -> _Grid | None:
    """Return the sheet's header and rows, None when the sheet is blank.

    The header is the first row with a non-blank cell; the data rows are
    the later rows with one; the width runs to the last non-blank column.
    """
    filled = _filled(ws)
    if not filled:
        return None
    width = max(c for _, c in filled)
    header_row, *rows = sorted({r for r, _ in filled})
    header = [
        "" if (v := ws.cell(header_row, k).value) is None else str(v)
        for k in range(1, width + 1)
    ]
    cells = [[ws.cell(r, k) for k in range(1, width + 1)] for r in rows]
    formulas = [
        [ws_formulas.cell(r, k + 1).value for k in range(width)]
        if ws_formulas is not None
        else [None] * width
        for r in rows
    ]
    return _Grid(ws.title, header_row, header, rows, cells, formulas)


def _is_candidate(grid: _Grid, system: IndicatorSystem) -> bool:
    """Whether the header has a cluster and an indicator column."""
    items = [(h, pd.Series([], dtype=object)) for h in grid.header]
    found = collect_columns(items, system).found
    return "cluster" in found and any(i in found for i in system.indicator_ids)


def _choose(
    grids: dict[str, _Grid | None],
    system: IndicatorSystem,
    sheet: str | None,
    where: str,
) -> _Grid:
    """Return the sheet to read: `sheet`, or the one input-like sheet."""
    names = list(grids)
    if sheet is not None:
        if sheet not in grids:
            raise DataError(
                f"{where}: has no sheet {short_repr(sheet)}; its sheets: "
                f"{quoted(names)}."
            )
        grid = grids[sheet]
        if grid is None:
            raise DataError(
                f"{where}: sheet {short_repr(sheet)} is empty; expected a "
                "header row "
                "and one row per cluster."
            )
        return grid
    filled = [g for g in grids.values() if g is not None]
    if not filled:
        raise DataError(
            f"{where}: every sheet is empty ({quoted(names)}); expected a "
            "header row and one row per cluster."
        )
    candidates = [g for g in filled if _is_candidate(g, system)]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates and len(filled) == 1:
        return filled[0]
    listed = candidates or filled
    what = (
        "sheets look like an input table"
        if candidates
        else "sheets have data but none has a header row with a cluster "
        "column and indicator columns"
    )
    raise DataError(
        f"{where}: {len(listed)} {what}: {quoted([g.name for g in listed])}; "
        "choose one with sheet='NAME' (--sheet NAME on the command line)."
    )


def _refuse_uncached(
    grid: _Grid, columns: dict[str, int], names: list[str], where: str
) -> None:
    """Raise DataError for formula cells that have no cached value."""
    found = []
    for r, (row, formulas) in enumerate(
        zip(grid.cells, grid.formulas, strict=True)
    ):
        for canonical, k in columns.items():
            formula = getattr(formulas[k], "text", formulas[k])  # array
            if (
                row[k].value is None
                and isinstance(formula, str)
                and formula.startswith("=")
            ):
                who = f"cluster {short_repr(names[r])}, " if names[r] else ""
                found.append(
                    f"{_address(grid.name, k + 1, grid.rows[r])}, {who}"
                    f"column {canonical!r}: the formula {short_repr(formula)} "
                    "has "
                    "no cached value"
                )
    if not found:
        return
    shown = found[:_MAX_LISTED]
    if len(found) > _MAX_LISTED:
        shown.append(f"... and {len(found) - _MAX_LISTED} more")
    raise DataError(
        "\n  ".join(
            [
                f"{where}: {len(found)} formula cell(s) have no cached "
                "value (the workbook was written by a program that does "
                "not calculate formulas); open it in Excel or LibreOffice, "
                "let it recalculate and save it, or paste the values:",
                *shown,
            ]
        ),
        problems=found,
    )


def _is_percent_format(number_format: Any) -> bool:
    r"""Whether Excel shows the cell as a percentage (x 100, with a %).

    A ``%`` inside quotes (``0"%"``) or escaped (``0\%``) is literal
    text and does not scale the value.
    """
    text = _LITERAL_IN_FORMAT.sub("", str(number_format))
    return "%" in text


def _percent_value(value: float) -> float:
    """100 x `value` in decimal, so 0.23 gives 23.0 exactly."""
    return float(Decimal(repr(float(value))) * 100)


def _column_values(
    grid: _Grid, k: int, percent: bool, shown: list[str]
) -> pd.Series:
    """Return column `k`, percent cells scaled when `percent`."""
    values = []
    for r, row in enumerate(grid.cells):
        cell = row[k]
        value = cell.value
        if (
            percent
            and isinstance(value, int | float)
            and not isinstance(value, bool)
            and _is_percent_format(cell.number_format)
        ):
            new = _percent_value(value)
            if len(shown) < 3:
                shown.append(
                    f"{_address(grid.name, k + 1, grid.rows[r])} "
                    f"{value!r} -> {new:g}"
                )
            else:
                shown.append("")
            value = new
        values.append(value)
    return pd.Series(values, dtype=object)


def _warn_percent(
    where: str, ind_id: str, unit: str, shown: Sequence[str], level: int
) -> None:
    examples = ", ".join(s for s in shown if s)
    warnings.warn(
        f"{where}: column {ind_id!r} (unit {unit}): {len(shown)} cell(s) "
        "formatted as percentages were read as the percentage shown, not "
        f"the fraction Excel stores ({examples}); to avoid this, format "
        "the column as numbers holding 23 for 23 %",
        DataWarning,
        stacklevel=level,
    )


def read_workbook(
    path: str | os.PathLike[str],
    system: IndicatorSystem,
    *,
    sheet: str | None = None,
    allow_missing: bool = False,
    stacklevel: int = 2,
    data: bytes | None = None,
) -> pd.DataFrame:
    """Read and validate the input table of one sheet of a workbook.

    See `clusterscore.io.read_clusters` (which calls this for .xlsx and
    .xlsm files) for the parameters and the result; `stacklevel` is that
    of the warnings, for the caller's caller. `data`, when given, is the
    workbook's bytes (read from a file object); `path` then only names it
    in messages.

    Raises
    ------
    DataError
        If the file is missing, empty or not a workbook; if `sheet` is not
        one of its sheets, or is empty; if no `sheet` is given and several
        sheets could be the table (the message lists them); if a formula
        cell of a table column has no cached value (named by cell); or
        listing every problem of the table, each line starting with the
        cell (``Sheet1!D7``).
    """
    if sheet is not None and not isinstance(sheet, str):
        raise ParameterError(
            f"read_clusters(): 'sheet' must be a sheet name (str) or None; "
            f"got {short_repr(sheet)}.",
            parameter="sheet",
            value=sheet,
        )
    where = str(path)
    if data is None:
        data = read_bytes(path, "workbook")
    elif not data:
        raise DataError(f"{where}: the file is empty (0 bytes).")
    book = _load(data, where, data_only=True)
    formulas = _load(data, where, data_only=False)
    grids = {ws.title: _grid(ws, formulas[ws.title]) for ws in book.worksheets}
    grid = _choose(grids, system, sheet, where)
    where = f"{where}, sheet {grid.name!r}"
    items = [
        (h, pd.Series([row[k].value for row in grid.cells], dtype=object))
        for k, h in enumerate(grid.header)
    ]
    found = collect_columns(items, system).found
    position = {
        canonical: next(k for k, (_, s) in enumerate(items) if s is series)
        for canonical, series in found.items()
    }
    names = [
        "" if _blank(v) else str(v).strip()
        for v in found.get("cluster", [None] * len(grid.rows))
    ]
    _refuse_uncached(grid, position, names, where)
    for canonical, k in position.items():
        if canonical not in system.indicator_ids:
            continue
        unit = system.indicator(canonical).unit
        shown: list[str] = []
        values = _column_values(grid, k, is_percent_unit(unit), shown)
        items[k] = (items[k][0], values)
        if shown:
            _warn_percent(where, canonical, unit, shown, stacklevel + 1)
    try:
        return check_table(
            items,
            grid.rows,
            system,
            allow_missing=allow_missing,
            where=where,
            row_word="row",
            stacklevel=stacklevel + 1,
        )
    except DataError as exc:
        if exc.failure_cases is None:
            raise

        def cell(row: Any, column: str) -> str | None:
            k = position.get(column)
            return None if k is None else _address(grid.name, k + 1, row)

        raise with_cells(exc, cell) from None
