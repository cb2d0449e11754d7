"""Tests of clusterscore.io.cells: text, type words and numbers in cells."""

from __future__ import annotations

import pandas as pd

from clusterscore.io import validate


def test_validate_does_not_mutate_input(system, good_table):
    """The caller's DataFrame is unchanged, even when cells are parsed."""
    df = good_table().astype({"output_value": object})
    df.loc[0, "output_value"] = " 1,300.5 "
    df.loc[1, "cluster"] = "  Changsha CM  "
    before = df.copy(deep=True)
    out = validate(df, system)
    pd.testing.assert_frame_equal(df, before)
    assert out.loc[0, "output_value"] == 1300.5
    assert out.loc[1, "cluster"] == "Changsha CM"


def test_validate_thousands_separators_and_missing_tokens(system, good_table):
    """'1,234.5' is a number; 'N/A' and '' are missing when allowed."""
    df = good_table().astype({"output_value": object})
    df["output_value"] = ["1,234.5", "N/A", ""]
    out = validate(df, system, allow_missing=True)
    assert out.loc[0, "output_value"] == 1234.5
    assert out["output_value"].isna().tolist() == [False, True, True]
