"""Excel workbooks out: an evaluation, the command tables, the template.

`to_excel` writes one workbook holding everything an `Evaluation`
produced and how: the ranking, the weights, the consistency of every AHP
matrix and each matrix itself with its priorities and CR, the gaps, the
imputed cells, and the options with their provenance (clusterscore
version, input file and its SHA-256 when given, date written).
`evaluation_sheets` returns those frames. `write_tables` writes the tables
of a command (``clusterscore rank -o ranking.xlsx``), and `write_template`
the fill-in workbook of ``clusterscore template -o template.xlsx``: the
header row, a drop-down of the cluster types, number validation from each
indicator's bounds and a sheet describing every indicator.

Headers and text cells follow `lang` as in the text tables
(`clusterscore.present.labels.system_labels`); sheet names stay English,
so that scripts find them. Numbers are written as openpyxl writes them,
with 16 significant digits (a relative difference below 1e-15).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from clusterscore._atomic import atomic_path
from clusterscore._checks import check_instance, check_option, short_repr
from clusterscore._version import __version__
from clusterscore.errors import DataError
from clusterscore.gaps import SEVERITIES
from clusterscore.io import describe_indicators, make_template
from clusterscore.present.labels import (
    LANGS,
    label,
    severity_label,
    system_labels,
)
from clusterscore.scoring import Evaluation
from clusterscore.system import IndicatorSystem

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "evaluation_sheets",
    "labelled",
    "to_excel",
    "write_tables",
    "write_template",
]

TEMPLATE_ROWS = 1000
"""Rows of the template whose cells carry data validation."""

_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def labelled(
    df: pd.DataFrame, labels: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Return `df` as a sheet shows it: named index first, labels applied.

    A named index becomes the first column(s) (as in
    `clusterscore.present.render_table`); text cells and column names
    found in `labels` are replaced by their label.
    """
    out = (
        df.reset_index()
        if any(n is not None for n in df.index.names)
        else df.reset_index(drop=True)
    )
    if labels:
        for c in out.columns:
            if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
                out[c] = out[c].map(
                    lambda v: labels.get(v, v) if isinstance(v, str) else v
                )
        out = out.rename(columns=lambda c: labels.get(c, c))
    return out


def _sheet_name(name: str, used: set[str]) -> str:
    """Return a unique sheet name: 31 characters, no forbidden ones."""
    base = name.translate(_FORBIDDEN)[:31] or "sheet"
    out, k = base, 2
    while out.casefold() in used:
        tail = f"~{k}"
        out, k = base[: 31 - len(tail)] + tail, k + 1
    used.add(out.casefold())
    return out


def _target(path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    if target.is_dir():
        raise DataError(f"cannot write output to {path}: it is a directory.")
    return target


def _save(book: Any, path: str | os.PathLike[str]) -> None:
    try:
        with atomic_path(path) as tmp:
            book.save(tmp)
    except OSError as exc:
        raise DataError(f"cannot write output to {path}: {exc}") from None


def _fill(ws: Any, frame: pd.DataFrame) -> None:
    """Write `frame` (header, then rows) into the empty sheet `ws`."""
    ws.append([str(c) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        ws.append([_cell(v) for v in row])
    ws.freeze_panes = "A2"
    for k, c in enumerate(frame.columns, start=1):
        texts = [str(c), *(str(v) for v in frame.iloc[:50, k - 1])]
        width = min(60, max(8, *(len(t) for t in texts)) + 2)
        ws.column_dimensions[_letter(k)].width = width


def _letter(k: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(k)


def _cell(value: Any) -> Any:
    """Return what openpyxl writes: NaN/None empty, numpy scalars plain."""
    if value is None:
        return None
    if isinstance(value, float | np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def write_tables(
    path: str | os.PathLike[str],
    tables: Mapping[str, pd.DataFrame],
    *,
    labels: Mapping[str, str] | None = None,
) -> None:
    """Write each table to a sheet of a new workbook at `path`.

    Parameters
    ----------
    path : str or path-like
        The .xlsx file (replaced if it exists).
    tables : mapping of str to pandas.DataFrame
        Sheet name -> table, in sheet order; a named index becomes the
        first column(s). Names are made valid sheet names (at most 31
        characters; the ones Excel forbids become ``-``).
    labels : mapping, optional
        Translations of column names and text cells
        (`clusterscore.present.system_labels`).

    Raises
    ------
    DataError
        If `path` is a directory or cannot be written.
    """
    import openpyxl

    target = _target(path)
    book = openpyxl.Workbook()
    book.remove(cast("Worksheet", book.active))  # a new book has one
    used: set[str] = set()
    for name, frame in tables.items():
        ws = book.create_sheet(_sheet_name(name, used))
        _fill(ws, labelled(frame, labels))
    _save(book, target)


# --------------------------------------------------------------------------
# an evaluation
# --------------------------------------------------------------------------
def _consistency(ev: Evaluation, sheets: Mapping[str, str]) -> pd.DataFrame:
    rows = [
        {
            "matrix": name,
            "sheet": sheets[name],
            "n": r.n,
            "lambda_max": r.lambda_max,
            "ci": r.ci,
            "ri": r.ri,
            "cr": r.cr,
            "method": r.method,
        }
        for name, r in ev.judgments.items()
    ]
    return pd.DataFrame(rows)


def _matrix(ev: Evaluation, name: str) -> pd.DataFrame:
    """One AHP matrix: elements, the judgments, priorities, CR (row 1)."""
    result = ev.judgments[name]
    given = {j.name: j for j in ev.system.judgments}.get(name)
    elements = list(result.labels or range(result.n))
    frame = pd.DataFrame({"element": [str(e) for e in elements]})
    if given is not None and set(given.elements) == set(elements):
        order = [given.elements.index(e) for e in elements]
        matrix = np.asarray(given.matrix, dtype=float)[np.ix_(order, order)]
        for k, e in enumerate(elements):
            frame[str(e)] = matrix[:, k]
    frame["weight"] = np.asarray(result.weights, dtype=float)
    frame["cr"] = [result.cr] + [np.nan] * (len(elements) - 1)
    return frame


def _options(
    ev: Evaluation, source: str | os.PathLike[str] | None
) -> pd.DataFrame:
    """Return the options, then the provenance, as (option, value) text."""
    pairs: list[tuple[str, Any]] = list(ev.options.items())
    pairs += [
        ("system_id", ev.system.id),
        ("dropped", ", ".join(ev.dropped)),
        ("clusterscore_version", ev.version),
        ("written_by", f"clusterscore {__version__}"),
        (
            "written_at",
            _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        ),
    ]
    if source is not None:
        try:
            digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()
        except OSError as exc:
            raise DataError(
                f"to_excel(): cannot read the input file "
                f"{short_repr(str(source))} for its "
                f"SHA-256 ({exc.strerror})."
            ) from None
        pairs += [("input_file", str(source)), ("input_sha256", digest)]
    return pd.DataFrame(
        {
            "option": [k for k, _ in pairs],
            "value": ["" if v is None else str(v) for _, v in pairs],
        }
    )


def evaluation_sheets(
    ev: Evaluation,
    *,
    lang: str = "en",
    source: str | os.PathLike[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Return the sheets `to_excel` writes, by sheet name, in order.

    ``ranking`` (``ev.ranking`` with ``cluster`` as first column),
    ``weights`` (``ev.weights``, index as first column(s)),
    ``consistency`` (one row per AHP matrix: n, lambda_max, CI, RI, CR,
    method and the sheet holding it), one ``ahp <matrix>`` sheet per
    matrix (its elements, the judgments, the priorities and the CR on the
    first row), ``gaps`` (``ev.gaps``), ``imputed`` (``ev.imputed``) and
    ``options`` (every option, then the provenance). With ``lang="zh"``
    headers and ids are Chinese (sheet names stay English).

    Parameters
    ----------
    ev : Evaluation
        The evaluation.
    lang : {"en", "zh"}
        The language of the headers and labels.
    source : str or path-like, optional
        The input file the evaluated table was read from: its path and
        SHA-256 go to the ``options`` sheet.

    Returns
    -------
    dict of str to pandas.DataFrame
        The sheets as written (labels applied, no index).
    """
    check_instance("to_excel", "ev", ev, Evaluation, "an Evaluation")
    check_option("to_excel", "lang", lang, LANGS)
    labels = system_labels(ev.system, lang)
    used = {"ranking", "weights", "consistency", "gaps", "imputed"}
    used |= {"options"}
    matrix_sheets = {
        name: _sheet_name(f"ahp {name.replace('/', ' ')}", used)
        for name in ev.judgments
    }
    gaps = ev.gaps.copy()
    if lang != "en":
        gaps["severity"] = gaps["severity"].map(
            {s: severity_label(s, lang) for s in SEVERITIES}
        )
    sheets = {
        "ranking": labelled(ev.ranking, labels),
        "weights": labelled(ev.weights, labels),
        "consistency": labelled(_consistency(ev, matrix_sheets), labels),
    }
    for name, sheet in matrix_sheets.items():
        sheets[sheet] = labelled(_matrix(ev, name), labels)
    sheets["gaps"] = labelled(gaps, labels)
    sheets["imputed"] = labelled(ev.imputed, labels)
    sheets["options"] = labelled(_options(ev, source), labels)
    return sheets


def to_excel(
    ev: Evaluation,
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
    source: str | os.PathLike[str] | None = None,
) -> None:
    """Write an evaluation to one Excel workbook, a sheet per frame.

    The sheets are those of `evaluation_sheets`: ``ranking``,
    ``weights``, ``consistency``, one ``ahp <matrix>`` sheet per AHP
    matrix, ``gaps``, ``imputed`` and ``options`` (the options of the run,
    the clusterscore version, the date written and, when `source` is
    given, the input file and its SHA-256). Each sheet reads back with
    ``pandas.read_excel(path, sheet_name=...)`` as the frame it holds.

    Parameters
    ----------
    ev : Evaluation
        The evaluation (`clusterscore.evaluate`).
    path : str or path-like
        The .xlsx file to write (replaced if it exists).
    lang : {"en", "zh"}
        Headers and ids in English (ids) or Chinese (names).
    source : str or path-like, optional
        The input file of the evaluation, for the provenance.

    Raises
    ------
    DataError
        If `path` is a directory or cannot be written, or `source` cannot
        be read.
    ParameterError
        If `ev` is not an Evaluation or `lang` not a language.

    Examples
    --------
    >>> import clusterscore as cs
    >>> ev = cs.evaluate(cs.synthetic_clusters(8, seed=1))  # doctest: +SKIP
    >>> cs.to_excel(ev, "evaluation.xlsx")  # doctest: +SKIP
    """
    write_tables(path, evaluation_sheets(ev, lang=lang, source=source))


# --------------------------------------------------------------------------
# the fill-in template
# --------------------------------------------------------------------------
def _rule(ind: Any) -> dict[str, Any]:
    """Return the data-validation keywords of one indicator column.

    Excel's number validation: whole numbers for integer indicators,
    decimals otherwise, within the valid bounds (any number when the
    indicator has none).
    """
    kind = "whole" if ind.integer else "decimal"

    def number(x: float) -> str:
        return str(int(x)) if ind.integer else repr(float(x))

    lo, hi = ind.lower, ind.upper
    above = "above" if ind.lower_open else "at least"
    low_op = "greaterThan" if ind.lower_open else "greaterThanOrEqual"
    if lo is not None and hi is not None and not ind.lower_open:
        rule = {"operator": "between", "formula1": number(lo)}
        rule |= {"formula2": number(hi)}
        text = f"between {lo:g} and {hi:g}"
    elif lo is not None and hi is not None:
        # "above lo and at most hi": Excel has no such operator; the
        # reader refuses a value equal to lo
        rule = {"operator": "between", "formula1": number(lo)}
        rule |= {"formula2": number(hi)}
        text = f"above {lo:g} and at most {hi:g}"
    elif lo is not None:
        rule = {"operator": low_op, "formula1": number(lo)}
        text = f"{above} {lo:g}"
    elif hi is not None:
        rule = {"operator": "lessThanOrEqual", "formula1": number(hi)}
        text = f"at most {hi:g}"
    else:
        rule = {"operator": "between", "formula1": "-1E+300"}
        rule |= {"formula2": "1E+300"}
        text = "any number"
    whole = "a whole number" if ind.integer else "a number"
    rule |= {"type": kind, "error": f"{ind.id}: {whole}, {text} "}
    rule["error"] += f"(unit {ind.unit})"
    return rule


def write_template(
    system: IndicatorSystem,
    path: str | os.PathLike[str],
    *,
    lang: str = "en",
) -> None:
    """Write the fill-in workbook of `system`'s input table.

    Sheet ``clusters`` has the header row (indicator ids, or with
    ``lang="zh"`` the Chinese names, which `read_clusters` also reads), a
    drop-down of the valid cluster types in the ``type`` column and, in
    every indicator column, Excel's number validation from the
    indicator's bounds (whole numbers for counts), for the first
    `TEMPLATE_ROWS` rows. Sheet ``indicators`` describes every indicator
    (`clusterscore.io.describe_indicators`). Filled in, the workbook reads
    with `read_clusters` without naming the sheet.

    Parameters
    ----------
    system : IndicatorSystem
        The indicator system.
    path : str or path-like
        The .xlsx file to write (replaced if it exists).
    lang : {"en", "zh"}
        The language of the headers and of the type names.

    Raises
    ------
    DataError
        If `path` is a directory or cannot be written.
    """
    import openpyxl
    from openpyxl.worksheet.datavalidation import DataValidation

    check_option("write_template", "lang", lang, LANGS)
    target = _target(path)
    template = make_template(system)
    heads = {c: label(c, lang) for c in template.columns[:4]}
    if lang == "zh":
        heads |= {i.id: i.name_zh for i in system.indicators}
    book = openpyxl.Workbook()
    ws = cast("Worksheet", book.active)  # a new book has one sheet
    ws.title = "clusters"
    _fill(ws, template.rename(columns=heads))
    last = TEMPLATE_ROWS + 1
    types = [t.name_zh if lang == "zh" else t.id for t in system.types]
    choice = DataValidation(
        type="list",
        formula1='"' + ",".join(types) + '"',
        allow_blank=True,
        showErrorMessage=True,
        error=f"type: one of {', '.join(types)}",
        errorTitle="cluster type",
    )
    ws.add_data_validation(choice)
    choice.add(f"B2:B{last}")
    for k, ind in enumerate(system.indicators, start=5):
        rule = _rule(ind)
        error = rule.pop("error")
        dv = DataValidation(
            **rule,
            allow_blank=True,
            showErrorMessage=True,
            error=error,
            errorTitle=ind.id,
        )
        ws.add_data_validation(dv)
        dv.add(f"{_letter(k)}2:{_letter(k)}{last}")
    labels = system_labels(system, lang)
    described = describe_indicators(system)
    if lang == "zh":
        described["dimension"] = described["dimension"].map(
            {d.id: d.name_zh for d in system.dimensions}
        )
    described = described.rename(columns=lambda c: labels.get(c, c))
    _fill(book.create_sheet("indicators"), described)
    _save(book, target)
