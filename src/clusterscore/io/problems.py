"""The problems found in one input table, and the one DataError they make.

Validation collects every problem before it stops: `ProblemTable` holds
them, each with the row, column, value and check at fault and the line a
person reads, and knows how to name a row (``cluster 'name'`` when the
name is usable, else ``row N`` or ``line N``). `raise_problems` sorts them
(table-level problems first, then by row and column) and raises a single
`DataError` listing them all. `with_cells` puts the cell address of a
workbook (``Sheet1!D7``) in front of each line of such an error.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from clusterscore._checks import short_repr
from clusterscore.errors import DataError
from clusterscore.io.headers import TEXT_COLUMNS
from clusterscore.system import IndicatorSystem

__all__ = [
    "Problem",
    "ProblemTable",
    "fmt_value",
    "quoted",
    "raise_problems",
    "with_cells",
]

MAX_MESSAGE_LINES = 50
"""Problem lines shown in the error message (all are in ``.problems``)."""


def fmt_value(value: Any) -> str:
    """Show a value found in a cell: floats as floats, text quoted."""
    if isinstance(value, bool | np.bool_):
        return repr(str(value))
    if isinstance(value, int | float | np.integer | np.floating):
        return repr(float(value))
    return short_repr(str(value))


def quoted(names: Iterable[Any]) -> str:
    """Return ``'a', 'b'``: the names as quoted text, comma-separated."""
    return ", ".join(repr(str(n)) for n in names)


@dataclass
class Problem:
    """One problem of the table, as one line of the error."""

    row: int | None  # 0-based position; None for table-level problems
    column: str | None
    value: Any
    check: str
    message: str
    order: int = 0  # column order, for sorting


class ProblemTable:
    """The state of one validation: columns found, rows, problems."""

    def __init__(
        self,
        system: IndicatorSystem,
        row_labels: Sequence[Hashable] | pd.Index,
        row_word: str,
    ) -> None:
        self.system = system
        self.row_labels = row_labels
        self.row_word = row_word
        self.problems: list[Problem] = []
        self._names: pd.Series | None = None
        self._blanked = True
        self._counts: dict[str, int] | None = None
        self.order = {
            c: k for k, c in enumerate(TEXT_COLUMNS + system.indicator_ids)
        }

    def set_names(self, names: pd.Series) -> None:
        """Use the cluster names (text, missing where absent) to name rows."""
        self._names = names
        self._blanked = False
        self._counts = None

    @property
    def names(self) -> pd.Series | None:
        """The cluster names, '' where missing; None before `set_names`.

        Blanked on first use: a clean table never names a row.
        """
        if not self._blanked and self._names is not None:
            self._names = self._names.where(self._names.notna(), "")
            self._blanked = True
        return self._names

    @property
    def counts(self) -> dict[str, int]:
        """How often each name used more than once is used.

        Counted on first use (a clean table never names a row).
        """
        if self._counts is None:
            names = self.names
            if names is None:
                self._counts = {}
            else:
                repeated = names[names.duplicated(keep=False) & (names != "")]
                counts = repeated.value_counts()
                self._counts = {str(k): int(v) for k, v in counts.items()}
        return self._counts

    # --- how to name a row -------------------------------------------------
    def label(self, pos: int) -> Any:
        """Return the label of the row at `pos` (a Python scalar)."""
        label = self.row_labels[pos]
        return label.item() if isinstance(label, np.generic) else label

    def row(self, pos: int) -> str:
        """Return ``row N`` (or ``line N``) for the row at `pos`."""
        return f"{self.row_word} {self.label(pos)}"

    def who(self, pos: int) -> str:
        """``cluster 'name'`` when the name is usable, else ``row N``."""
        if self.names is not None:
            name = self.names.iloc[pos]
            if isinstance(name, str) and name:
                if self.counts.get(name, 0) > 1:
                    return f"cluster {short_repr(name)} ({self.row(pos)})"
                return f"cluster {short_repr(name)}"
        return self.row(pos)

    def add(
        self,
        row: int | None,
        column: str | None,
        value: Any,
        check: str,
        message: str,
    ) -> None:
        """Record one problem (`row` None for a table-level one)."""
        order = self.order.get(column, -1) if column is not None else -1
        self.problems.append(
            Problem(row, column, value, check, message, order)
        )


def _failure_cases(
    table: ProblemTable, problems: Sequence[Problem], lines: list[str]
) -> pd.DataFrame:
    """Return the problems as a DataFrame (row, cluster, column, ...)."""
    return pd.DataFrame(
        {
            "row": pd.Series(
                [
                    None if p.row is None else table.label(p.row)
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


def raise_problems(table: ProblemTable, where: str) -> None:
    """Raise one DataError listing every problem of `table`.

    Parameters
    ----------
    table : ProblemTable
        The problems found (at least one).
    where : str
        What the message starts with: the path, or ``validate()``.

    Raises
    ------
    DataError
        Always. Its message shows the first `MAX_MESSAGE_LINES` lines;
        ``.problems`` holds every line and ``.failure_cases`` a DataFrame
        (row, cluster, column, value, check, message).
    """
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
    head = f"{where}: {n} problem{'s' if n != 1 else ''} in the input table:"
    raise DataError(
        _message(head, lines),
        problems=lines,
        failure_cases=_failure_cases(table, problems, lines),
    )


def _message(head: str, lines: Sequence[str]) -> str:
    """`head`, then the first `MAX_MESSAGE_LINES` lines, indented."""
    n = len(lines)
    shown = list(lines[:MAX_MESSAGE_LINES])
    if n > MAX_MESSAGE_LINES:
        shown.append(
            f"... and {n - MAX_MESSAGE_LINES} more (all are in the "
            "error's .problems)"
        )
    return "\n  ".join([head, *shown])


def with_cells(
    error: DataError, cell: Callable[[Any, str], str | None]
) -> DataError:
    """Return `error` with each problem line led by its cell's address.

    Parameters
    ----------
    error : DataError
        An error made by `raise_problems` (with ``failure_cases``).
    cell : callable
        ``cell(row_label, column)`` gives the address of a cell
        (``Sheet1!D7``), or None; it is asked only for problems of one
        cell (row and column known).

    Returns
    -------
    DataError
        The same problems, in the same order, with ``"Sheet1!D7, "`` in
        front of the lines of a cell, and a ``cell`` column in
        ``failure_cases`` (None for table-level problems).
    """
    cases = error.failure_cases
    cells: list[str | None] = []
    lines: list[str] = []
    for row, column, line in zip(
        cases["row"], cases["column"], cases["message"], strict=True
    ):
        known = row is not None and not pd.isna(row) and column is not None
        address = cell(row, column) if known else None
        cells.append(address)
        lines.append(f"{address}, {line}" if address else line)
    cases = cases.assign(message=lines)
    cases.insert(0, "cell", pd.Series(cells, dtype="object"))
    head = str(error).split("\n", 1)[0]
    return DataError(
        _message(head, lines), problems=lines, failure_cases=cases
    )
