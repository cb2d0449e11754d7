"""Tests of clusterscore.io.problems: every problem in one DataError."""

from __future__ import annotations

import pandas as pd
import pytest

from clusterscore.errors import DataError
from clusterscore.io import validate


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
