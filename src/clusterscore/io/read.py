"""Reading an input table from a CSV file.

The file's text comes from `clusterscore.io.decode.read_text` (UTF-8 or
GB18030/GBK, refusing what is not CSV text); this module parses it as
comma-separated cells, skips blank lines and validates the table with
`clusterscore.io.validate.check_table`, naming rows by their file line.
"""

from __future__ import annotations

import io
import os
import re

import pandas as pd

from clusterscore.errors import DataError
from clusterscore.io.decode import read_text
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
    lead = re.match(r"(?:[ \t,]*(?:\r\n|\r|\n))*", text)[0]
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
    check_system("read_clusters", system)
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
        stacklevel=3,
    )
