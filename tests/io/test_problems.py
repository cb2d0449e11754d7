"""Tests of clusterscore.io.problems: every problem in one DataError."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.errors import DataError
from clusterscore.io import validate
from clusterscore.io.problems import (
    ProblemTable,
    fmt_value,
    quoted,
    raise_problems,
    with_cells,
)


def test_validate_every_problem_at_once(system, good_table, problems_of):
    """A table with many faults lists them all, table-level ones first."""
    df = good_table().astype({"output_value": object})
    df = df.drop(columns=["industrial_concentration"])
    df.loc[0, "output_value"] = "lots"
    df.loc[1, "national_share"] = 130.0
    df.loc[1, "type"] = "frontier"
    df.loc[2, "little_giant_firms"] = 2.5
    df.loc[2, "relative_energy_intensity"] = -1.0
    with pytest.raises(DataError) as excinfo:
        validate(df, system)
    lines = problems_of(excinfo)
    assert len(lines) == 6
    assert lines[0].startswith("column 'industrial_concentration'")
    assert [line.split(",")[0] for line in lines[1:]] == [
        "cluster 'Wuxi IoT'",
        "cluster 'Changsha CM'",
        "cluster 'Changsha CM'",
        "cluster 'Shaoxing Textile'",
        "cluster 'Shaoxing Textile'",
    ]
    cases = excinfo.value.failure_cases
    assert list(cases.columns) == [
        "row",
        "cluster",
        "column",
        "value",
        "check",
        "message",
    ]
    assert cases["check"].tolist() == [
        "missing_column",
        "numeric",
        "cluster_type",
        "max",
        "min_exclusive",
        "integer",
    ]


def test_validate_long_message_is_truncated_but_problems_kept(
    system, good_table
):
    """Over 50 problems: the message is cut, .problems keeps all."""
    df = pd.concat([good_table()] * 30, ignore_index=True)
    df["cluster"] = [f"c{k}" for k in range(90)]
    df["national_share"] = 200.0
    with pytest.raises(DataError) as excinfo:
        validate(df, system)
    assert len(excinfo.value.problems) == 90
    assert "... and 40 more (all are in the error's .problems)" in str(
        excinfo.value
    )


def test_data_error_is_value_error(system, bad):
    """DataError can be caught as ValueError."""
    with pytest.raises(ValueError, match="above the valid maximum"):
        validate(bad("national_share", 101.0), system)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (3, "3.0"),
        (np.float64(2.5), "2.5"),
        (True, "'True'"),
        (np.bool_(False), "'False'"),
        ("x", "'x'"),
        (None, "'None'"),
    ],
)
def test_fmt_value(value, shown):
    """Numbers are shown as floats; text and booleans quoted."""
    assert fmt_value(value) == shown


def test_quoted():
    """Names are quoted and joined by commas."""
    assert quoted(["a", 1]) == "'a', '1'"
    assert quoted([]) == ""


def test_problem_table_names_rows(system):
    """A row is named by its cluster, with the row when names repeat."""
    table = ProblemTable(system, [2, 3, 4], "line")
    assert table.who(0) == "line 2"
    table.set_names(pd.Series(["A", "B", "A"]))
    assert table.who(1) == "cluster 'B'"
    assert table.who(2) == "cluster 'A' (line 4)"
    table.set_names(pd.Series(["A", "", "C"]))
    assert table.who(1) == "line 3"


def test_raise_problems_sorts_table_level_first(system):
    """Table-level problems first, then by row and column order."""
    table = ProblemTable(system, [0, 1], "row")
    table.add(1, "output_value", 1.0, "min", "second row")
    table.add(0, "national_share", 1.0, "max", "first row, later column")
    table.add(0, "type", "x", "cluster_type", "first row, type")
    table.add(None, None, None, "no_rows", "table")
    with pytest.raises(DataError) as excinfo:
        raise_problems(table, "here")
    assert excinfo.value.problems == (
        "table",
        "first row, type",
        "first row, later column",
        "second row",
    )
    assert str(excinfo.value).startswith("here: 4 problems in the input")


def test_with_cells_leads_each_cell_line_with_its_address(system, bad):
    """Cell problems get 'Sheet1!C2, '; table-level ones stay as they are."""
    df = bad("national_share", 120.0).drop(columns=["type"])
    with pytest.raises(DataError) as excinfo:
        validate(df, system)
    located = with_cells(
        excinfo.value, lambda row, column: f"Sheet1!X{row + 2}"
    )
    assert located.problems == (
        "column 'type' is missing",
        "Sheet1!X2, cluster 'Wuxi IoT', column 'national_share': 120.0 is "
        "above the valid maximum 100 (unit %)",
    )
    assert located.failure_cases["cell"].tolist() == [None, "Sheet1!X2"]
    assert str(located).splitlines()[0] == str(excinfo.value).splitlines()[0]
