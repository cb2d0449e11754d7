"""Reading an input table from a CSV file or an Excel workbook.

A path ending in .xlsx or .xlsm is read as a workbook by
`clusterscore.io.excel.read_workbook`; any other as CSV. A file object
(text or binary) is read the same way: binary bytes that are a zip
archive as a workbook, others as CSV. The CSV file's
text comes from `clusterscore.io.decode.read_text` (UTF-8 or GB18030/GBK,
refusing what is not CSV text); this module parses it as comma-separated
cells, skips blank lines and validates the table with
`clusterscore.io.validate.check_table`, naming rows by their file line.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import warnings
from collections.abc import Iterator
from typing import IO, Any

import numpy as np
import pandas as pd

from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.io.decode import Decoded, check_text, decode_file, read_text
from clusterscore.io.excel import is_excel, read_workbook
from clusterscore.io.headers import collect_columns
from clusterscore.io.validate import check_system, check_table
from clusterscore.system import IndicatorSystem

__all__ = ["read_clusters"]


_DECIMAL_COMMA = re.compile(r"\d,\d")


def _lines(text: str) -> Iterator[str]:
    """Yield the lines of `text` as ``io.StringIO(text)`` would, uncopied.

    A line ends after each LF; the last one may have none.
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        yield text[start:end]
        start = end


def _refuse_other_separator(text: str, where: str) -> None:
    """DataError when the header line is one field holding ';' or tabs.

    Checked before the table is parsed: a European-locale Excel CSV (';'
    between fields, ',' as the decimal mark) has data lines that split
    into several comma fields, which would otherwise be reported as a
    ragged table.
    """
    try:
        lines = csv.reader(_lines(text))
        first = next(lines, [])
        second = next(lines, [])
    except csv.Error:
        return
    if len(first) != 1 or not (";" in first[0] or "\t" in first[0]):
        return
    sep = "';'" if ";" in first[0] else "tabs"
    decimal = (
        " and ',' as the decimal mark (Excel in a European locale)"
        if sep == "';'" and _DECIMAL_COMMA.search(",".join(second))
        else ""
    )
    raise DataError(
        f"{where}: the header line has one field and contains {sep}; "
        "clusterscore reads comma-separated files (save as CSV with "
        f"commas). The file looks separated by {sep}{decimal}: save it as "
        "'CSV UTF-8 (Comma delimited)' with '.' as the decimal symbol, or "
        "read it with pandas.read_csv(path, sep=';', decimal=',') and pass "
        "the DataFrame to validate()."
    )


def _record_lines(text: str) -> list[int] | None:
    """Return the 0-based file line where each CSV record of `text` starts.

    A quoted cell may hold line breaks, so record k need not be line k.
    None when Python's csv module reads the text otherwise than it can
    (a lone CR as line end): then records are counted as lines.
    """
    starts: list[int] = []
    done = 0
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for _ in reader:
            starts.append(done)
            done = reader.line_num
    except csv.Error:
        return None
    return starts


_BLANK_LINES = re.compile(r"(?:[ \t,]*(?:\r\n|\r|\n))*")
_BLANK_TEXT = re.compile(r"[ \t\r\n,]*")


def _skip_blank_lines(text: str, where: str) -> tuple[str, int]:
    """Return `text` from its first non-blank line, and the lines skipped.

    A blank line holds only spaces, tabs and commas. DataError if no line
    is left.
    """
    lead = _BLANK_LINES.match(text)
    blank = lead[0] if lead else ""
    skip = blank.count("\n") + blank.count("\r") - blank.count("\r\n")
    if blank:
        text = text[len(blank) :]
    if _BLANK_TEXT.fullmatch(text):  # (text.strip() would copy the text)
        raise DataError(
            f"{where}: has no header line (the file holds only blank "
            "lines); expected a header line naming the columns, then one "
            "line per cluster."
        )
    return text, skip


def _parse_csv(text: str, where: str) -> tuple[list[str], pd.DataFrame]:
    """Return the header and the non-blank lines of CSV `text`.

    Blank lines above the header (Excel and hand edits leave them) are
    skipped: the header is the first line with a non-blank cell. The
    lines keep the 0-based position in the file of the line they start
    on as index (so line numbers in messages are the file's, also after
    a quoted cell with a line break), every cell as text. Whatever
    pandas' reader refuses becomes a `DataError` naming the file.
    """
    text, skip = _skip_blank_lines(text, where)
    _refuse_other_separator(text, where)
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
        starts = _record_lines(text) if match else None
        record = int(match[2]) if match else 0
        line = (
            starts[record - 1] + 1
            if starts is not None and 0 < record <= len(starts)
            else record
        )
        detail = (
            f"line {line + skip} has {match[3]} fields but the header line "
            f"has {match[1]}"
            if match
            else str(exc).strip()
        )
        raise DataError(
            f"{where}: is not a valid CSV table: {detail}."
        ) from None
    except (ValueError, MemoryError, OverflowError, csv.Error) as exc:
        raise DataError(
            f"{where}: is not a valid CSV table: pandas could not parse it "
            f"({str(exc).strip() or type(exc).__name__})."
        ) from None
    # without a quote character every record is one line: the records
    # start on lines 0, 1, 2, ..., which the index already says
    starts = _record_lines(text) if '"' in text else None
    if starts is not None and len(starts) == len(raw):
        raw.index = pd.Index(starts) + skip
    else:
        raw.index = raw.index + skip
    header = [str(h) for h in raw.iloc[0]]
    body = raw.iloc[1:]
    # a line is blank when every cell is white space; the first cell (the
    # cluster name) decides nearly every line, so the other cells are only
    # stripped on lines whose first cell is blank
    filled = (body.iloc[:, 0].str.strip() != "").to_numpy(copy=True)
    unsure = np.flatnonzero(~filled)
    if len(unsure):
        rest = body.iloc[unsure].apply(lambda c: c.str.strip()) != ""
        filled[unsure] = rest.any(axis=1).to_numpy()
    body = body[filled]
    if body.empty:
        raise DataError(
            f"{where}: has no data rows (only a header line); expected one "
            "line per cluster below the header."
        )
    return header, body


_Source = str | os.PathLike[str] | IO[str] | IO[bytes]


def _is_file_object(source: Any) -> bool:
    return callable(getattr(source, "read", None))


def _source_name(source: Any) -> str:
    """Return a file object's name (as open() gives), else <StringIO>."""
    name = getattr(source, "name", None)
    if isinstance(name, str) and name:
        return name
    if isinstance(name, bytes | os.PathLike):
        return str(os.fsdecode(name))
    return f"<{type(source).__name__}>"


def _check_path(source: Any) -> str:
    """Return `source` as a path string; ParameterError if it is none."""
    if _is_file_object(source):
        return _source_name(source)
    path: Any = source
    if isinstance(source, os.PathLike):
        path = os.fspath(source)
    if isinstance(path, str) and path:
        return path
    hint = (
        " (to read a file's contents, pass io.BytesIO(data) or "
        "io.StringIO(text))"
        if isinstance(path, bytes | bytearray)
        else ""
    )
    got = "an empty string" if isinstance(path, str) else type(source).__name__
    raise ParameterError(
        "read_clusters(): 'path' must be a file path (str or os.PathLike) "
        f"or a file object opened for reading; got {got}{hint}.",
        parameter="path",
        value=source,
        allowed="str, os.PathLike, file object",
    )


def _read_object(source: Any, where: str) -> str | bytes:
    """Return the whole content of a file object; DataError if not."""
    try:
        content = source.read()
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{where}: cannot be read as text ({exc.reason} at byte "
            f"{exc.start}); open the file in binary mode (open(path, 'rb')) "
            "so that clusterscore can find its encoding."
        ) from None
    except (OSError, ValueError) as exc:  # closed, not readable
        raise DataError(f"{where}: cannot be read ({exc}).") from None
    if isinstance(content, bytearray | memoryview):
        content = bytes(content)
    if not isinstance(content, str | bytes):
        raise ParameterError(
            "read_clusters(): 'path' is a file object whose read() returned "
            f"{type(content).__name__}; expected str or bytes.",
            parameter="path",
            value=source,
        )
    return content


def _warn_note(decoded: Decoded, level: int) -> None:
    if decoded.note:
        warnings.warn(decoded.note, DataWarning, stacklevel=level + 1)


def read_clusters(
    path: _Source,
    system: IndicatorSystem,
    *,
    sheet: str | None = None,
    allow_missing: bool = False,
) -> pd.DataFrame:
    """Read an input table from a CSV file or an Excel workbook; validate it.

    A CSV file is comma-separated text in UTF-8 (with or without BOM),
    UTF-16 with BOM, or GB18030/GBK (as Excel writes "CSV" on Chinese
    Windows; only when the file is not UTF-8 and reads as Chinese text),
    with CRLF or LF line ends, a header line, then one line per cluster;
    columns in any order. Lines whose cells are all empty are skipped.
    Problems are reported by line number (the header is line 1, as in a
    spreadsheet).

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
    path : str, path-like or file object
        The CSV file or workbook. A file object opened for reading is read
        to its end (not closed): text is CSV text; bytes are a workbook
        when they are a zip archive (as .xlsx files are) or the object's
        ``name`` ends in .xlsx/.xlsm, else CSV bytes.
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
        If the path is missing, a directory, not a regular file, unreadable,
        empty, binary, not decodable or mixing encodings, not a rectangular
        CSV or has no data rows; for a workbook, if it is not one, `sheet`
        is not in it, several sheets could be the table (they are listed)
        or a formula has no cached value; or listing every problem of the
        table (see `validate`), each line starting with the path (and the
        sheet).
    ParameterError
        If `path` is not a path or a file object (bytes, a number, None),
        `system` is not an `IndicatorSystem`, or `sheet` is not a str or is
        given for a CSV file.

    Warns
    -----
    DataWarning
        When columns unknown to the system are dropped, when cells
        formatted as percentages are read as the percentage shown, and
        when a CSV file is read in an encoding other than UTF-8 (GB18030
        or UTF-16; the warning names it).
    """
    where = _check_path(path)
    check_system("read_clusters", system)
    if sheet is not None and not isinstance(sheet, str):
        raise ParameterError(
            f"read_clusters(): 'sheet' must be a sheet name (str) or None; "
            f"got {type(sheet).__name__}.",
            parameter="sheet",
            value=sheet,
        )
    content: str | bytes | None = None
    if _is_file_object(path):
        content = _read_object(path, where)
        excel = isinstance(content, bytes) and (
            content.startswith(b"PK\x03\x04")
            or where.lower().endswith((".xlsx", ".xlsm"))
        )
    else:
        excel = is_excel(where)
    if excel:
        return read_workbook(
            where,
            system,
            sheet=sheet,
            allow_missing=allow_missing,
            stacklevel=3,
            data=content if isinstance(content, bytes) else None,
        )
    if sheet is not None:
        raise ParameterError(
            f"read_clusters(): 'sheet' applies to Excel workbooks "
            f"(.xlsx, .xlsm); {where} is read as CSV.",
            parameter="sheet",
            value=sheet,
        )
    if content is None:
        decoded = read_text(where)
    elif isinstance(content, bytes):
        decoded = decode_file(content, where)
    else:
        check_text(content.removeprefix("\ufeff"), where)
        decoded = Decoded(content.removeprefix("\ufeff"), "text")
    _warn_note(decoded, 2)
    return _read_csv(
        decoded.text,
        where,
        system,
        allow_missing=allow_missing,
        utf8=decoded.utf8,
    )


# pandas before 3.1 reads floats with its own converter unless asked for
# the correctly rounded one; from 3.1 on every mode is correctly rounded
# and the argument is deprecated
_PANDAS = tuple(int(p) for p in re.findall(r"\d+", pd.__version__)[:2])
_FLOATS: dict[str, Any] = (
    {} if _PANDAS >= (3, 1) else {"float_precision": "round_trip"}
)


def _fast_columns(
    text: str,
    skip: int,
    system: IndicatorSystem,
    *,
    allow_missing: bool,
    utf8: bytes | None,
) -> tuple[list[tuple[str, pd.Series]], list[int], bool] | None:
    """Read CSV `text` with the indicator columns as numbers, or None.

    The fast path of `read_clusters`: pandas' C parser converts the
    indicator columns to float64 itself, so that no Python string is made
    for their cells. It converts a cell only when the cell is an ASCII
    decimal number (sign, digits, point, exponent), ASCII white space
    around it, or ``inf``/``infinity`` (refused here); that is a part of
    `clusterscore.io.cells.NUMBER_PATTERN`, and it rounds correctly, as
    the exact path does. Empty cells are NaN when `allow_missing` (else
    they fail the conversion: looking for them costs time, and a missing
    value then fails the table anyway). Everything else (a cell that is
    no such number, a thousands separator, full-width digits, a missing
    token, an infinite value, a quote in the header line, a line with a
    blank first cell, any warning of pandas) gives None, and the caller
    reads every cell as text by `_parse_csv`. `utf8` is `text` in UTF-8,
    if the caller has it.

    Returns the (header, column) pairs, the file line of each row, and
    whether a `DataError` of `check_table` on them is final: the lines are
    exact (no quote in `text`, so no cell with a line break) and no
    value is missing (whose message quotes the cell as found).
    """
    end = text.find("\n") % (len(text) + 1)  # (-1: the whole text)
    cr = text.find("\r", 0, end)
    first = text[: end if cr < 0 else cr]
    if '"' in first or first.startswith("\ufeff"):
        return None
    header = first.split(",")
    # which columns check_table will take as indicators: the headers
    # matched with stand-in columns, known again by identity
    probe = [(h, pd.Series([], dtype=object)) for h in header]
    position = {id(column): k for k, (_, column) in enumerate(probe)}
    found = collect_columns(probe, system).found
    numeric = {
        position[id(found[i])] for i in system.indicator_ids if i in found
    }
    if not numeric:
        return None
    try:
        data = text.encode("utf-8") if utf8 is None else utf8
        empty = (
            {
                "keep_default_na": False,
                "na_values": {k: [""] for k in numeric},
            }
            if allow_missing
            else {"na_filter": False}
        )
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            body = pd.read_csv(
                io.BytesIO(data),
                header=None,
                skiprows=1,
                names=list(range(len(header))),
                dtype={
                    k: "float64" if k in numeric else str
                    for k in range(len(header))
                },
                skip_blank_lines=False,
                **empty,
                **_FLOATS,
            )
    except (ValueError, MemoryError, OverflowError, Warning):
        return None  # (ParserError, UnicodeError are ValueErrors)
    del data
    if body.empty:
        return None
    missing = False
    for k in range(len(header)):
        column = body[k]
        if k in numeric:
            if column.dtype != np.float64:
                return None
            values = column.to_numpy()
            finite = np.isfinite(values)
            if not finite.all():
                nan = np.isnan(values)
                if k == 0 or not (finite | nan).all():
                    return None  # a blank first cell; an infinite value
                missing = True
        elif column.isna().any() or (
            k == 0 and ((column == "") | column.str.isspace()).any()
        ):
            return None  # a blank first cell: maybe a blank line
    lines = list(range(skip + 2, skip + 2 + len(body)))
    items = [(header[k], body[k]) for k in range(len(header))]
    return items, lines, not missing and '"' not in text


def _read_csv(
    text: str,
    where: str,
    system: IndicatorSystem,
    *,
    allow_missing: bool,
    fast: bool = True,
    utf8: bytes | None = None,
) -> pd.DataFrame:
    """Validate the CSV text of `where` (see `read_clusters`).

    The table is read by `_fast_columns` first. When that cannot read it,
    or `check_table` refuses what it read and the refusal is not final
    (it may name a line or quote a cell otherwise than the exact path),
    every cell is read as text (`_parse_csv`) and checked again: the
    result and every message are the exact path's. `fast` False reads the
    exact way only. `utf8` is `text` in UTF-8, if the caller has it.
    """
    # the same check on either path (a partial adds no frame, so the
    # warning's stacklevel still names the caller of read_clusters)
    check = functools.partial(
        check_table,
        system=system,
        allow_missing=allow_missing,
        where=where,
        row_word="line",
        stacklevel=4,
    )
    if fast:
        start, skip = _skip_blank_lines(text, where)
        _refuse_other_separator(start, where)
        if utf8 is not None and len(start) < len(text):  # blank lines: ASCII
            utf8 = utf8[len(text) - len(start) :]
        read = _fast_columns(
            start, skip, system, allow_missing=allow_missing, utf8=utf8
        )
        del start, utf8
        if read is not None:
            items, lines, final = read
            try:
                return check(items, lines)
            except DataError:
                if final:
                    raise
            del items, read
    header, body = _parse_csv(text, where)
    lines = (body.index + 1).tolist()
    items = [
        (header[k], body.iloc[:, k].reset_index(drop=True))
        for k in range(len(header))
    ]
    return check(items, lines)
