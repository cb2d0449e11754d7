"""Render tables for the command line: aligned text, CSV, JSON, Markdown.

Text alignment counts East Asian wide characters as two columns, so tables
with Chinese labels line up in a terminal.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from clusterscore._atomic import write_text_atomic
from clusterscore._checks import check_option
from clusterscore._choices import FORMATS as FORMATS
from clusterscore.errors import DataError
from clusterscore.present.csv_text import csv_text, float_texts
from clusterscore.present.excel import write_tables
from clusterscore.present.labels import LANGS as LANGS
from clusterscore.present.labels import label
from clusterscore.present.labels import system_labels as system_labels
from clusterscore.present.text import display_width, md_cell

if TYPE_CHECKING:
    from clusterscore.scoring import Evaluation


def evaluation_summary(ev: Evaluation, lang: str = "en") -> str:
    """Say which weights and methods an evaluation used, in `lang`.

    In English this is ``ev.summary()`` word for word; in Chinese the
    same lines from the catalogue (`clusterscore.present.labels`), with
    indicator and dimension ids given by their Chinese names.

    Parameters
    ----------
    ev : Evaluation
        The outcome of `clusterscore.scoring.evaluate`.
    lang : {"en", "zh"}
        The language.

    Returns
    -------
    str
        The lines, without a final newline.
    """
    check_option("evaluation_summary", "lang", lang, LANGS)
    if lang == "en":
        return ev.summary()
    o = ev.options
    names = system_labels(ev.system, lang)
    sep = label("list_sep", lang)
    panel = o.get("panel")
    head = "ev_head" if panel is None else "ev_head_panel"
    lines = [
        label(head, lang).format(
            version=ev.version,
            n=len(ev.ranking),
            k=int(ev.weights["used"].gt(0).sum()),
        ),
        # GRA's rho / VIKOR's v, as in the English summary
        label("ev_options", lang).format(
            own="".join(f" ({k}={o[k]})" for k in ("rho", "v") if k in o),
            **o,
        ),
        label("ev_objective", lang).format(**o),
        label("ev_matrices", lang).format(
            crs=sep.join(
                f"{name} CR={r.cr:.4f}" for name, r in ev.judgments.items()
            )
        ),
    ]
    if panel is not None:
        lines.append(label("ev_panel_changes", lang))
        lines.append(label(f"ev_panel_{panel}", lang))
    if len(ev.imputed):
        lines.append(label("ev_imputed", lang).format(n=len(ev.imputed)))
    if ev.dropped:
        dropped = sep.join(names.get(d, d) for d in ev.dropped)
        lines.append(label("ev_dropped", lang).format(names=dropped))
    return "\n".join(lines)


def _cell(value: Any, floatfmt: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return ""
        return format(float(value), floatfmt)
    return str(value)


def _column_texts(column: pd.Series, floatfmt: str) -> list[str]:
    """Return the cells of one column as `_cell` writes them.

    A float or integer column is formatted in one map over its values.
    """
    if column.dtype == np.float64:
        return float_texts(column.to_numpy(), floatfmt)
    if column.dtype == np.int64:
        return list(map(str, column.to_numpy().tolist()))
    return [_cell(v, floatfmt) for v in column.tolist()]


def _text_table(df: pd.DataFrame, floatfmt: str) -> str:
    """Aligned columns: numbers to the right, text to the left.

    Built column by column: each cell is formatted and measured once.
    """
    padded: list[list[str]] = []
    widths: list[int] = []
    for k in range(df.shape[1]):
        column = df.iloc[:, k]
        cells = [str(df.columns[k]), *_column_texts(column, floatfmt)]
        sizes = list(map(display_width, cells))
        width = max(sizes)
        pairs = zip(cells, sizes, strict=True)
        if pd.api.types.is_numeric_dtype(column):
            padded.append([" " * (width - n) + t for t, n in pairs])
        else:
            padded.append([t + " " * (width - n) for t, n in pairs])
        widths.append(width)
    lines = ["  ".join(cells).rstrip() for cells in zip(*padded, strict=True)]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _markdown(df: pd.DataFrame, floatfmt: str) -> str:
    numeric = [pd.api.types.is_numeric_dtype(df[c]) for c in df.columns]
    head = "| " + " | ".join(md_cell(c) for c in df.columns) + " |"
    rule = "|" + "|".join("---:" if n else "---" for n in numeric) + "|"
    body = [
        "| " + " | ".join(md_cell(_cell(v, floatfmt)) for v in row) + " |"
        for row in df.itertuples(index=False, name=None)
    ]
    return "\n".join([head, rule, *body]) + "\n"


def _json_value(v: Any) -> Any:
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, float | np.floating):
        return float(v) if math.isfinite(v) else None
    if isinstance(v, np.bool_):
        return bool(v)
    return v


def jsonable(obj: Any) -> Any:
    """Return `obj` with every value JSON can hold as it is.

    Mappings become dicts with string keys, tuples, lists and arrays
    become lists, numpy scalars Python numbers, and NaN and infinities
    ``None`` (JSON has no such numbers; ``null`` is what `docs/cli.md`
    promises).
    """
    if isinstance(obj, Mapping):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | np.ndarray):
        return [jsonable(v) for v in obj]
    return _json_value(obj)


def json_text(obj: Any) -> str:
    """Return `obj` as a strict JSON document (UTF-8 text, a newline).

    Non-finite numbers become ``null`` (see `jsonable`); the encoder is
    run with ``allow_nan=False``, so the output always parses with a
    strict JSON parser.
    """
    return (
        json.dumps(
            jsonable(obj), ensure_ascii=False, indent=2, allow_nan=False
        )
        + "\n"
    )


def _translated(column: pd.Series, labels: Mapping[str, str]) -> pd.Series:
    """Return a text column with each cell found in `labels` translated.

    Each distinct value is looked up once (a gap table repeats a handful
    of ids down millions of rows); missing cells stay missing, and a
    column holding other values than text is mapped cell by cell.
    """
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    words = list(uniques)
    if not words or not all(isinstance(w, str) for w in words):
        return column.map(
            lambda v: labels.get(v, v) if isinstance(v, str) else v
        )
    texts = np.array(
        [*(labels.get(w, w) for w in words), np.nan], dtype=object
    )
    # code -1 (missing) takes the last entry, NaN; the constructor infers
    # the column's type as Series.map does
    return pd.Series(texts[codes], index=column.index)


def render_table(
    df: pd.DataFrame,
    fmt: str = "table",
    lang: str = "en",
    *,
    labels: Mapping[str, str] | None = None,
    floatfmt: str = ".2f",
) -> str:
    """Render `df` (index included as the first columns) as text.

    Parameters
    ----------
    df : pandas.DataFrame
        The table; a named index becomes the first column(s).
    fmt : {"table", "csv", "json", "markdown"}
        Aligned text, CSV, JSON (a list of records) or a Markdown table.
    lang : {"en", "zh"}
        With ``"zh"`` and `labels`, headers and text cells are translated.
    labels : mapping, optional
        Translations of column names and cell values (ids to names).
    floatfmt : str
        Format of floats in text and Markdown tables (CSV and JSON keep
        full precision).
    """
    check_option("render_table", "fmt", fmt, FORMATS)
    check_option("render_table", "lang", lang, LANGS)
    # a shallow copy: columns are replaced, never written into
    out = (
        df.reset_index()
        if any(n is not None for n in df.index.names)
        else df.copy(deep=False)
    )
    if labels:
        for c in out.columns:
            if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
                out[c] = _translated(out[c], labels)
        out = out.rename(columns=lambda c: labels.get(c, c))
    if fmt == "csv":
        return csv_text(out)  # what to_csv writes, column by column
    if fmt == "json":
        return json_text(out.to_dict(orient="records"))
    if fmt == "markdown":
        return _markdown(out, floatfmt)
    return _text_table(out, floatfmt)


def write_output(
    text: str,
    path: str | None,
    *,
    tables: Mapping[str, pd.DataFrame] | None = None,
    labels: Mapping[str, str] | None = None,
    bom: bool = False,
) -> None:
    """Write `text` as UTF-8 to `path`, or to standard output if None.

    With `bom`, a file (never standard output) starts with the UTF-8
    byte-order mark.

    A `path` ending in ``.xlsx`` gets a workbook instead: one sheet per
    table of `tables` (sheet name -> frame, labelled with `labels`, see
    `clusterscore.present.excel.write_tables`); `text` is not written.

    Raises
    ------
    DataError
        If `path` is a directory or cannot be written, or ends in
        ``.xlsx`` and no `tables` were given (the output is text only).
    """
    if path is None or path == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
        return
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        if tables is None:
            raise DataError(
                f"cannot write output to {path}: this output is text, not "
                "tables; write it to a text file (.txt, .csv, .md, .json)."
            )
        write_tables(target, tables, labels=labels)
        return
    if target.is_dir():
        raise DataError(f"cannot write output to {path}: it is a directory.")
    try:
        write_text_atomic(target, text, bom=bom)
    except OSError as exc:
        raise DataError(f"cannot write output to {path}: {exc}") from None
