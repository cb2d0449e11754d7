"""Reading an input table from a CSV file or an Excel workbook.

A path ending in .xlsx or .xlsm is read as a workbook by
`clusterscore.io.excel.read_workbook`; any other as CSV. The CSV file's
text comes from `clusterscore.io.decode.read_text` (UTF-8 or GB18030/GBK,
refusing what is not CSV text); this module parses it as comma-separated
cells, skips blank lines and validates the table with
`clusterscore.io.validate.check_table`, naming rows by their file line.
"""

from __future__ import annotations

import io
import os
import re
from typing import cast

import pandas as pd

from clusterscore.errors import DataError, ParameterError
from clusterscore.io.decode import read_text
from clusterscore.io.excel import is_excel, read_workbook
from clusterscore.io.validate import check_system, check_table
from clusterscore.system import IndicatorSystem

__all__ = ["read_clusters"]


def _parse_csv(text: str, where: str) -> tuple[list[str], pd.DataFrame]:
    """Return the header and the non-blank lines of CSV `text`.

    Blank lines above the header (Excel and hand edits leave them) are
    skipped: the header is the first line with a non-blank cell. The
    lines keep their 0-based position in the file as index (so line
    numbers in messages are the file's), every cell as text. Whatever
    pandas' reader refuses becomes a `DataError` naming the file.
    """
    # the pattern matches the empty string: never None
    lead = cast(
        "re.Match[str]", re.match(r"(?:[ \t,]*(?:\r\n|\r|\n))*", text)
    )[0]
    skip = lead.count("\n") + lead.count("\r") - lead.count("\r\n")
    text = text[len(lead) :]
    if not text.strip(" \t\r\n,"):
        raise DataError(
            f"{where}: has no header line (the file holds only blank "
            "lines); expected a header line naming the columns, then one "
            "line per cluster."
        )
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
            f"line {int(match[2]) + skip} has {match[3]} fields but the "
            f"header line has {match[1]}"
            if match
            else str(exc).strip()
        )
        raise DataError(
            f"{where}: is not a valid CSV table: {detail}."
        ) from None
    except (pd.errors.EmptyDataError, ValueError, MemoryError) as exc:
        raise DataError(
            f"{where}: is not a valid CSV table: pandas could not parse it "
            f"({str(exc).strip() or type(exc).__name__})."
        ) from None
    raw.index = raw.index + skip
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
    return header, body


def read_clusters(
    path: str | os.PathLike[str],
    system: IndicatorSystem,
    *,
    sheet: str | None = None,
    allow_missing: bool = False,
) -> pd.DataFrame:
    """Read an input table from a CSV file or an Excel workbook; validate it.

    A CSV file is comma-separated text in UTF-8 (with or without BOM) or
    GB18030/GBK (as Excel writes "CSV" on Chinese Windows), with CRLF or LF
    line ends, a header line, then one line per cluster; columns in any
    order. Lines whose cells are all empty are skipped. Problems are
    reported by line number (the header is line 1, as in a spreadsheet).

    A path ending in ``.xlsx`` or ``.xlsm`` is an Excel workbook: one
    sheet holds the table, its first non-blank row the header; the cells
    are checked by the same rules, and problems name the cell
    (``Sheet1!D7``) as well as the cluster and the column. Formulas are
    read as the values Excel cached; a numeric cell formatted as a
    percentage in a column whose unit is ``%`` is read as the percentage
    shown (see `clusterscore.io.excel` and ``docs/data-format.md``).

    The file is only read, never modified.

    Parameters
    ----------
    path : str or path-like
        The CSV file or workbook.
    system : IndicatorSystem
        The indicator system (see `clusterscore.system.load_system`).
    sheet : str, optional
        The workbook's sheet to read. By default the one sheet whose header
        row has a cluster column and indicator columns (or the only sheet
        with data). Only for workbooks.
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
        not a rectangular CSV or has no data rows; for a workbook, if it is
        not one, `sheet` is not in it, several sheets could be the table
        (they are listed) or a formula has no cached value; or listing
        every problem of the table (see `validate`), each line starting
        with the path (and the sheet).
    ParameterError
        If `sheet` is given for a CSV file.

    Warns
    -----
    DataWarning
        When columns unknown to the system are dropped, and when cells
        formatted as percentages are read as the percentage shown.
    """
    check_system("read_clusters", system)
    if is_excel(path):
        out = read_workbook(
            path,
            system,
            sheet=sheet,
            allow_missing=allow_missing,
            stacklevel=3,
        )
    else:
        if sheet is not None:
            raise ParameterError(
                f"read_clusters(): 'sheet' applies to Excel workbooks "
                f"(.xlsx, .xlsm); {path} is read as CSV.",
                parameter="sheet",
                value=sheet,
            )
        out = _read_csv(path, system, allow_missing=allow_missing)
    return out


def _read_csv(
    path: str | os.PathLike[str],
    system: IndicatorSystem,
    *,
    allow_missing: bool,
) -> pd.DataFrame:
    """Read and validate a CSV file (see `read_clusters`)."""
    where = str(path)
    header, body = _parse_csv(read_text(path), where)
    lines = (body.index + 1).tolist()
    items = [
        (header[k], body.iloc[:, k].reset_index(drop=True))
        for k in range(len(header))
    ]
    return check_table(
        items,
        lines,
        system,
        allow_missing=allow_missing,
        where=where,
        row_word="line",
        stacklevel=4,
    )
