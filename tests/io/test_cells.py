"""Tests of clusterscore.io.cells: text, type words and numbers in cells."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from clusterscore.io import validate
from clusterscore.io.cells import (
    MISSING_TOKENS,
    numeric_column,
    text_column,
    type_column,
    type_lookup,
)


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


def test_numeric_column_full_width_and_grouped_text():
    """Full-width digits and commas, signs and spaces parse; '1,23' not."""
    cells = ["１２３", "+1,234", "１，２３４", " 7 ", "1,23", "NULL", "—"]
    parsed = numeric_column(pd.Series([*cells, None], dtype=object))
    assert parsed.values.tolist()[:4] == [123.0, 1234.0, 1234.0, 7.0]
    assert parsed.values.iloc[4:].isna().all()
    assert parsed.bad.tolist() == [False] * 4 + [True] + [False] * 3
    assert parsed.original.iloc[4] == "1,23"


def test_numeric_column_numbers_and_booleans():
    """Numbers pass through as float64; booleans are bad text."""
    numbers = numeric_column(pd.Series([1, 2], index=[5, 9]))
    assert numbers.values.dtype == np.float64
    assert numbers.values.tolist() == [1.0, 2.0]
    assert not numbers.bad.any()
    flags = numeric_column(pd.Series([True, False]))
    assert flags.bad.tolist() == [True, True]


@pytest.mark.parametrize("token", sorted(MISSING_TOKENS))
def test_missing_tokens_are_missing(token):
    """Every missing token, in any case, is missing, not bad."""
    parsed = numeric_column(pd.Series([token.upper(), token], dtype=object))
    assert parsed.values.isna().all()
    assert not parsed.bad.any()


def test_type_column_maps_words_and_keeps_missing(system):
    """Ids, English and Chinese type names map to ids; NaN stays NaN."""
    words = pd.Series(
        [" Basic ", "关键战略型", None, "cutting_edge", "other"],
        dtype=object,
        index=[3, 1, 4, 1, 5],
    )
    out = type_column(words, type_lookup(system))
    assert out.iloc[[0, 1, 3, 4]].tolist() == [
        "basic",
        "strategic",
        "cutting_edge",
        "other",
    ]
    assert pd.isna(out.iloc[2])
    assert isinstance(out.index, pd.RangeIndex)


def test_text_column_strips_and_keeps_missing():
    """Text is stripped; missing stays missing; the index is reset."""
    out = text_column(pd.Series(["  a ", None], index=[7, 8]))
    assert out.iloc[0] == "a"
    assert pd.isna(out.iloc[1])
    assert out.index.tolist() == [0, 1]
