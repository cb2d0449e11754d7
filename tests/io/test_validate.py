"""Tests of clusterscore.io.validate: `validate` and its worded failures.

The shared test data (the small system ``system``, ``good_table``,
``bad``) are fixtures in ``tests/io/conftest.py``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.io import validate

COLUMNS = [
    "cluster",
    "type",
    "region",
    "province",
    "output_value",
    "national_share",
    "relative_energy_intensity",
    "little_giant_firms",
    "industrial_concentration",
]
"""The columns of ``good_table()`` (a hypothesis strategy needs them at
import time, before fixtures exist)."""


def test_validate_returns_canonical_shape(system, ids, good_table):
    """A shuffled table comes back in canonical order, RangeIndex, float64."""
    df = good_table()
    shuffled = df[list(reversed(df.columns))].set_axis([7, 3, 5])
    shuffled["little_giant_firms"] = shuffled["little_giant_firms"].astype(int)
    out = validate(shuffled, system)
    assert list(out.columns) == list(df.columns)
    assert isinstance(out.index, pd.RangeIndex)
    assert all(out[c].dtype == np.float64 for c in ids)
    assert out["cluster"].tolist() == df["cluster"].tolist()
    pd.testing.assert_frame_equal(
        out[ids], df[ids].astype(float), check_dtype=True
    )


def test_validate_optional_columns_may_be_absent(system, ids, good_table):
    """Without region/province the result has only cluster and type."""
    df = good_table().drop(columns=["region", "province"])
    out = validate(df, system)
    assert list(out.columns) == ["cluster", "type", *ids]


def test_validate_allow_missing_lets_nan_but_not_inf(
    system, good_table, problems_of
):
    """With allow_missing NaN passes; inf is still refused."""
    df = good_table()
    df.loc[0, "output_value"] = np.nan
    out = validate(df, system, allow_missing=True)
    assert np.isnan(out.loc[0, "output_value"])
    df.loc[1, "output_value"] = np.inf
    with pytest.raises(DataError) as excinfo:
        validate(df, system, allow_missing=True)
    assert problems_of(excinfo) == (
        "cluster 'Changsha CM', column 'output_value': inf is not a "
        "finite number (unit bn CNY)",
    )


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        (
            "national_share",
            130.0,
            "cluster 'Wuxi IoT', column 'national_share': 130.0 is above "
            "the valid maximum 100 (unit %)",
        ),
        (
            "output_value",
            -5,
            "cluster 'Wuxi IoT', column 'output_value': -5.0 is below the "
            "valid minimum 0 (unit bn CNY)",
        ),
        (
            "relative_energy_intensity",
            0.0,
            "cluster 'Wuxi IoT', column 'relative_energy_intensity': 0.0 is "
            "not above the exclusive minimum 0; the value must be > 0 "
            "(unit ratio)",
        ),
        (
            "little_giant_firms",
            12.5,
            "cluster 'Wuxi IoT', column 'little_giant_firms': 12.5 is not "
            "a whole number; 'little_giant_firms' takes integers (unit "
            "count)",
        ),
        (
            "output_value",
            float("-inf"),
            "cluster 'Wuxi IoT', column 'output_value': -inf is not a "
            "finite number (unit bn CNY)",
        ),
        (
            "output_value",
            "about 300",
            "cluster 'Wuxi IoT', column 'output_value': 'about 300' is not "
            "a number (unit bn CNY)",
        ),
        (
            "output_value",
            "12,5",
            "cluster 'Wuxi IoT', column 'output_value': '12,5' is not a "
            "number; use '.' as the decimal mark (',' is accepted only "
            "between groups of three digits, as in 1,234.5) (unit bn CNY)",
        ),
        (
            "national_share",
            "23%",
            "cluster 'Wuxi IoT', column 'national_share': '23%' is not a "
            "number; write the number without the % sign (unit %)",
        ),
        (
            "national_share",
            True,
            "cluster 'Wuxi IoT', column 'national_share': 'True' is not a "
            "number (unit %)",
        ),
        (
            "output_value",
            np.nan,
            "cluster 'Wuxi IoT', column 'output_value': the value is "
            "missing; every indicator needs a value (allow_missing=True "
            "lets missing values through)",
        ),
        (
            "output_value",
            "n/a",
            "cluster 'Wuxi IoT', column 'output_value': the value is "
            "missing ('n/a'); every indicator needs a value "
            "(allow_missing=True lets missing values through)",
        ),
        (
            "type",
            "strategy",
            "cluster 'Wuxi IoT', column 'type': 'strategy' is not a cluster "
            "type of system 'test'; valid: 'basic', 'strategic', "
            "'cutting_edge'",
        ),
        (
            "type",
            None,
            "cluster 'Wuxi IoT', column 'type': the cluster type is "
            "missing; valid: 'basic', 'strategic', 'cutting_edge'",
        ),
        (
            "cluster",
            "   ",
            "row 0, column 'cluster': the cluster name is empty; every row "
            "needs a non-empty, unique name",
        ),
        (
            "cluster",
            None,
            "row 0, column 'cluster': the cluster name is empty; every row "
            "needs a non-empty, unique name",
        ),
    ],
)
def test_validate_bad_cell_message(
    system, bad, problems_of, column, value, expected
):
    """Each kind of bad cell gives one line naming cluster, column, value."""
    with pytest.raises(DataError) as excinfo:
        validate(bad(column, value), system)
    assert problems_of(excinfo) == (expected,)
    assert expected in str(excinfo.value)
    assert str(excinfo.value).startswith(
        "validate(): 1 problem in the input table:"
    )
    cases = excinfo.value.failure_cases
    assert cases.loc[0, "column"] == column
    assert cases.loc[0, "row"] == 0


def test_validate_duplicate_names(system, good_table, problems_of):
    """Duplicate cluster names are one line naming the rows; cells too."""
    df = good_table()
    df.loc[2, "cluster"] = "Wuxi IoT"
    df.loc[2, "national_share"] = 101.0
    with pytest.raises(DataError) as excinfo:
        validate(df, system)
    assert problems_of(excinfo) == (
        "cluster 'Wuxi IoT' (rows 0, 2), column 'cluster': the name is "
        "used 2 times; cluster names must be unique",
        "cluster 'Wuxi IoT' (row 2), column 'national_share': 101.0 is "
        "above the valid maximum 100 (unit %)",
    )


def test_validate_names_compared_after_stripping(system, good_table):
    """'Wuxi IoT ' and 'Wuxi IoT' are the same name, hence a duplicate."""
    df = good_table()
    df.loc[1, "cluster"] = "Wuxi IoT  "
    with pytest.raises(DataError, match=r"'Wuxi IoT' \(rows 0, 1\)"):
        validate(df, system)


def test_validate_rows_named_by_number_without_cluster_column(
    system, good_table, problems_of
):
    """Without a cluster column, cells are named by row."""
    df = good_table().drop(columns=["cluster"])
    df.loc[1, "national_share"] = -1.0
    with pytest.raises(DataError) as excinfo:
        validate(df, system)
    assert problems_of(excinfo)[1] == (
        "row 1, column 'national_share': -1.0 is below the valid minimum 0 "
        "(unit %)"
    )


def test_validate_no_rows(system, good_table, problems_of):
    """An empty table is refused: 'the table has no data rows'."""
    with pytest.raises(DataError) as excinfo:
        validate(good_table().iloc[:0], system)
    assert problems_of(excinfo) == ("the table has no data rows",)


def test_validate_rejects_non_dataframe(system, good_table):
    """validate() refuses a non-DataFrame with ParameterError."""
    with pytest.raises(ParameterError, match="'df' must be a pandas Data"):
        validate([[1, 2]], system)
    with pytest.raises(ParameterError, match="'system' must be an Indic"):
        validate(good_table(), "advanced_manufacturing")


@settings(max_examples=100)
@given(
    share=st.floats(allow_nan=False, allow_infinity=False),
    firms=st.floats(allow_nan=False, allow_infinity=False),
)
def test_validate_accepts_exactly_the_valid_values(
    system, good_table, share, firms
):
    """A cell passes iff it is within bounds (and whole where required)."""
    df = good_table()
    df.loc[0, "national_share"] = share
    df.loc[0, "little_giant_firms"] = firms
    valid = 0 <= share <= 100 and firms >= 0 and float(firms).is_integer()
    if valid:
        assert validate(df, system).loc[0, "national_share"] == share
    else:
        with pytest.raises(DataError) as excinfo:
            validate(df, system)
        assert all(
            p.startswith("cluster 'Wuxi IoT', column ")
            for p in excinfo.value.problems
        )


@settings(max_examples=100)
@given(st.permutations(COLUMNS))
def test_validate_column_order_does_not_matter(system, good_table, order):
    """Any column order gives the same validated table."""
    expected = validate(good_table(), system)
    pd.testing.assert_frame_equal(
        validate(good_table()[order], system), expected
    )


# --------------------------------------------------------------------------
# panels: the optional year column
# --------------------------------------------------------------------------
def _panel(good_table) -> pd.DataFrame:
    """Return the good table in 2021 and 2022 (six rows)."""
    a, b = good_table(), good_table()
    a["year"], b["year"] = 2021, 2022
    return pd.concat([a, b], ignore_index=True)


def test_year_column_makes_a_panel(system, ids, good_table):
    """A year column (any header alias, text digits too) is kept as int64."""
    df = _panel(good_table).rename(columns={"year": "年份"})
    df["年份"] = df["年份"].astype(str).str.replace("2", "２")  # full-width
    out = validate(df, system)
    assert list(out.columns) == [*COLUMNS[:4], "year", *ids]
    assert out["year"].dtype == np.int64
    assert out["year"].tolist() == [2021] * 3 + [2022] * 3


def test_panel_key_is_cluster_and_year(system, good_table, problems_of):
    """The same name in two years is fine; twice in one year is not."""
    df = _panel(good_table)
    df.loc[4, "year"] = 2021  # the second cluster twice in 2021
    name = df.loc[1, "cluster"]
    with pytest.raises(DataError) as info:
        validate(df, system)
    (line,) = problems_of(info)
    assert line.startswith(f"cluster {name!r}, year 2021 (rows 1, 4)")
    assert "(cluster, year) must be unique" in line


def test_panel_messages_name_the_year(system, good_table, problems_of):
    """Every cell problem names the cluster and the year."""
    df = _panel(good_table)
    df.loc[5, "national_share"] = 150.0
    name = df.loc[5, "cluster"]
    with pytest.raises(DataError) as info:
        validate(df, system)
    (line,) = problems_of(info)
    assert line.startswith(
        f"cluster {name!r}, year 2022, column 'national_share': 150"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2021.5, "2021.5 is not a year"),
        ("next", "'next' is not a year"),
        (None, "the year is missing"),
    ],
)
def test_bad_year_cells(system, good_table, problems_of, value, expected):
    """A year that is not a whole number, text or missing is refused."""
    df = _panel(good_table).astype({"year": object})
    df.loc[2, "year"] = value
    with pytest.raises(DataError) as info:
        validate(df, system)
    (line,) = problems_of(info)
    assert "column 'year'" in line
    assert expected in line


def test_type_change_is_refused_naming_the_years(
    system, good_table, problems_of
):
    """A cluster keeps its type across years; the message says both."""
    df = _panel(good_table)
    old = df.loc[0, "type"]
    new = next(t for t in system.cluster_types if t != old)
    df.loc[3, "type"] = new
    with pytest.raises(DataError) as info:
        validate(df, system)
    (line,) = problems_of(info)
    assert f"cluster {df.loc[0, 'cluster']!r}, column 'type'" in line
    assert f"{old!r} in 2021; {new!r} in 2022" in line


def test_many_extra_columns_warning_is_short(system, good_table):
    """20,000 unknown columns: ten are named, the rest counted."""
    df = good_table()
    extra = pd.DataFrame(
        np.zeros((len(df), 20000)), columns=[f"x{k}" for k in range(20000)]
    )
    wide = pd.concat([df, extra], axis=1)
    with pytest.warns(DataWarning) as record:
        validate(wide, system)
    (message,) = [str(w.message) for w in record]
    assert message == (
        "validate(): ignored 20000 column(s) that are not in the indicator "
        "system 'test': 'x0', 'x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', "
        "'x8', 'x9' and 19990 more"
    )
