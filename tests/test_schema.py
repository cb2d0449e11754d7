"""Tests of clusterscore.io: the input-table schema and the CSV reader.

The unit tests build a small `IndicatorSystem` by hand (`small_system`), so
that they do not depend on the default indicator file; tests of the default
system and of the example CSV are in ``tests/test_examples.py``.
"""

from __future__ import annotations

import hashlib
import os
import re
import string
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import DataError, DataWarning, ParameterError
from clusterscore.io import (
    build_schema,
    make_template,
    read_clusters,
    validate,
)
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
)

DATA = Path(__file__).parent / "data" / "tables"


def small_system() -> IndicatorSystem:
    """Return a 5-indicator system covering every kind of bound."""
    inds = (
        Indicator(
            "output_value",
            "Leading-industry output value",
            "主导产业产值",
            "bn CNY",
            "benefit",
            "scale",
            lower=0,
        ),
        Indicator(
            "national_share",
            "Share of national industry",
            "占全国同行业比重",
            "%",
            "benefit",
            "scale",
            lower=0,
            upper=100,
        ),
        Indicator(
            "relative_energy_intensity",
            "Relative energy intensity",
            "单位增加值能耗相对值",
            "ratio",
            "cost",
            "scale",
            lower=0,
            lower_open=True,
        ),
        Indicator(
            "little_giant_firms",
            "National little giant SMEs",
            '专精特新"小巨人"企业数',
            "count",
            "benefit",
            "chain",
            lower=0,
            integer=True,
        ),
        Indicator(
            "industrial_concentration",
            "Industrial concentration (CR5)",
            "产业集中度（前5家企业产值占比）",
            "%",
            "benefit",
            "chain",
            lower=0,
            upper=100,
        ),
    )
    dims = (
        Dimension(
            "scale",
            "Scale",
            "集群规模",
            ("output_value", "national_share", "relative_energy_intensity"),
        ),
        Dimension(
            "chain",
            "Chain",
            "产业链",
            ("little_giant_firms", "industrial_concentration"),
        ),
    )
    types = (
        ClusterType("basic", "Basic", "基础型"),
        ClusterType("strategic", "Key strategic", "关键战略型"),
        ClusterType("cutting_edge", "Cutting-edge", "前沿技术型"),
    )
    return IndicatorSystem("test", "Test", "测试", 1, dims, inds, types)


SYSTEM = small_system()
IDS = list(SYSTEM.indicator_ids)


def good_table() -> pd.DataFrame:
    """Return a valid 3-cluster table in canonical order."""
    return pd.DataFrame(
        {
            "cluster": ["Wuxi IoT", "Changsha CM", "Shaoxing Textile"],
            "type": ["strategic", "strategic", "basic"],
            "region": [
                "Yangtze River Delta",
                "Central",
                "Yangtze River Delta",
            ],
            "province": ["Jiangsu", "Hunan", "Zhejiang"],
            "output_value": [300.0, 200.0, 500.0],
            "national_share": [20.0, 23.0, 8.0],
            "relative_energy_intensity": [0.9, 1.0, 1.2],
            "little_giant_firms": [40.0, 30.0, 20.0],
            "industrial_concentration": [30.0, 60.0, 25.0],
        }
    )


def problems_of(excinfo: pytest.ExceptionInfo[DataError]) -> tuple[str, ...]:
    """Return the problem lines of a raised DataError."""
    return excinfo.value.problems


# --------------------------------------------------------------------------
# build_schema
# --------------------------------------------------------------------------
def test_build_schema_columns_and_checks():
    """The schema has the text columns and one float column per indicator."""
    schema = build_schema(SYSTEM)
    assert isinstance(schema, pa.DataFrameSchema)
    assert list(schema.columns) == [
        "cluster",
        "type",
        "region",
        "province",
        *IDS,
    ]
    assert schema.strict is True
    assert not schema.columns["region"].required
    checks = {c: [k.name for k in schema.columns[c].checks] for c in IDS}
    assert checks["national_share"] == ["finite", "min", "max"]
    assert checks["relative_energy_intensity"] == ["finite", "min_exclusive"]
    assert checks["little_giant_firms"] == ["finite", "min", "integer"]
    assert not schema.columns["output_value"].nullable
    assert (
        build_schema(SYSTEM, allow_missing=True)
        .columns["output_value"]
        .nullable
    )


def test_system_schema_is_build_schema():
    """IndicatorSystem.schema() returns the schema build_schema makes."""
    assert list(SYSTEM.schema().columns) == list(build_schema(SYSTEM).columns)


def test_schema_alone_rejects_bad_values():
    """The pandera schema used on its own catches a bound violation."""
    df = good_table()
    df.loc[0, "national_share"] = 130.0
    with pytest.raises(pa.errors.SchemaErrors) as excinfo:
        SYSTEM.schema().validate(df, lazy=True)
    cases = excinfo.value.failure_cases
    assert cases.loc[0, "check"] == "max"
    assert cases.loc[0, "failure_case"] == 130.0


def test_build_schema_rejects_non_system():
    """build_schema() refuses something that is not an IndicatorSystem."""
    with pytest.raises(ParameterError, match="'system' must be an Indic"):
        build_schema({"indicators": []})


# --------------------------------------------------------------------------
# validate: good tables
# --------------------------------------------------------------------------
def test_validate_returns_canonical_shape():
    """A shuffled table comes back in canonical order, RangeIndex, float64."""
    df = good_table()
    shuffled = df[list(reversed(df.columns))].set_axis([7, 3, 5])
    shuffled["little_giant_firms"] = shuffled["little_giant_firms"].astype(int)
    out = validate(shuffled, SYSTEM)
    assert list(out.columns) == list(df.columns)
    assert isinstance(out.index, pd.RangeIndex)
    assert all(out[c].dtype == np.float64 for c in IDS)
    assert out["cluster"].tolist() == df["cluster"].tolist()
    pd.testing.assert_frame_equal(
        out[IDS], df[IDS].astype(float), check_dtype=True
    )


def test_validate_does_not_mutate_input():
    """The caller's DataFrame is unchanged, even when cells are parsed."""
    df = good_table().astype({"output_value": object})
    df.loc[0, "output_value"] = " 1,300.5 "
    df.loc[1, "cluster"] = "  Changsha CM  "
    before = df.copy(deep=True)
    out = validate(df, SYSTEM)
    pd.testing.assert_frame_equal(df, before)
    assert out.loc[0, "output_value"] == 1300.5
    assert out.loc[1, "cluster"] == "Changsha CM"


def test_validate_optional_columns_may_be_absent():
    """Without region/province the result has only cluster and type."""
    df = good_table().drop(columns=["region", "province"])
    out = validate(df, SYSTEM)
    assert list(out.columns) == ["cluster", "type", *IDS]


def test_validate_chinese_headers_and_type_names():
    """Chinese headers, full-width forms, curly quotes and type names map."""
    df = good_table().rename(
        columns={
            "cluster": "集群名称",
            "type": " 类型 ",
            "region": "地区",
            "province": "省份",
            "output_value": "主导产业产值",
            "national_share": "\ufeff占全国同行业比重",
            "little_giant_firms": "专精特新“小巨人”企业数",
            "industrial_concentration": "产业集中度(前5家企业产值占比)",
            "relative_energy_intensity": "Relative energy intensity",
        }
    )
    df[" 类型 "] = ["关键战略型", "Strategic", "基础型"]
    out = validate(df, SYSTEM)
    assert list(out.columns) == list(good_table().columns)
    assert out["type"].tolist() == ["strategic", "strategic", "basic"]


def test_validate_cluster_index_is_used():
    """A table indexed by 'cluster' (no cluster column) is accepted."""
    df = good_table().set_index("cluster")
    out = validate(df, SYSTEM)
    assert out["cluster"].tolist() == good_table()["cluster"].tolist()


def test_validate_thousands_separators_and_missing_tokens():
    """'1,234.5' is a number; 'N/A' and '' are missing when allowed."""
    df = good_table().astype({"output_value": object})
    df["output_value"] = ["1,234.5", "N/A", ""]
    out = validate(df, SYSTEM, allow_missing=True)
    assert out.loc[0, "output_value"] == 1234.5
    assert out["output_value"].isna().tolist() == [False, True, True]


def test_validate_extra_columns_warn_and_are_dropped():
    """Unknown columns are dropped with a DataWarning naming each one."""
    df = good_table()
    df["notes"] = "x"
    df["GDP"] = 1.0
    with pytest.warns(DataWarning, match=r"2 column\(s\).*'notes', 'GDP'"):
        out = validate(df, SYSTEM)
    assert "notes" not in out.columns
    assert "GDP" not in out.columns


def test_validate_allow_missing_lets_nan_but_not_inf():
    """With allow_missing NaN passes; inf is still refused."""
    df = good_table()
    df.loc[0, "output_value"] = np.nan
    out = validate(df, SYSTEM, allow_missing=True)
    assert np.isnan(out.loc[0, "output_value"])
    df.loc[1, "output_value"] = np.inf
    with pytest.raises(DataError) as excinfo:
        validate(df, SYSTEM, allow_missing=True)
    assert problems_of(excinfo) == (
        "cluster 'Changsha CM', column 'output_value': inf is not a "
        "finite number (unit bn CNY)",
    )


# --------------------------------------------------------------------------
# validate: every kind of bad table (the message names the cell)
# --------------------------------------------------------------------------
def bad(column: str, value: object, row: int = 0) -> pd.DataFrame:
    """Return the good table with one cell replaced."""
    df = good_table().astype({column: object})
    df.loc[row, column] = value
    return df


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
def test_validate_bad_cell_message(column, value, expected):
    """Each kind of bad cell gives one line naming cluster, column, value."""
    with pytest.raises(DataError) as excinfo:
        validate(bad(column, value), SYSTEM)
    assert problems_of(excinfo) == (expected,)
    assert expected in str(excinfo.value)
    assert str(excinfo.value).startswith(
        "validate(): 1 problem in the input table:"
    )
    cases = excinfo.value.failure_cases
    assert cases.loc[0, "column"] == column
    assert cases.loc[0, "row"] == 0


def test_validate_duplicate_names():
    """Duplicate cluster names are one line naming the rows; cells too."""
    df = good_table()
    df.loc[2, "cluster"] = "Wuxi IoT"
    df.loc[2, "national_share"] = 101.0
    with pytest.raises(DataError) as excinfo:
        validate(df, SYSTEM)
    assert problems_of(excinfo) == (
        "cluster 'Wuxi IoT' (rows 0, 2), column 'cluster': the name is "
        "used 2 times; cluster names must be unique",
        "cluster 'Wuxi IoT' (row 2), column 'national_share': 101.0 is "
        "above the valid maximum 100 (unit %)",
    )


def test_validate_names_compared_after_stripping():
    """'Wuxi IoT ' and 'Wuxi IoT' are the same name, hence a duplicate."""
    df = good_table()
    df.loc[1, "cluster"] = "Wuxi IoT  "
    with pytest.raises(DataError, match=r"'Wuxi IoT' \(rows 0, 1\)"):
        validate(df, SYSTEM)


def test_validate_missing_columns_listed_with_close_names():
    """Every missing column is listed, with similar headers found."""
    df = good_table().rename(
        columns={"national_share": "national shares", "type": "typ"}
    )
    df = df.drop(columns=["cluster", "output_value"])
    with pytest.raises(DataError) as excinfo:
        validate(df, SYSTEM)
    assert problems_of(excinfo) == (
        "column 'cluster' is missing",
        "column 'type' is missing; similar header(s) in the table: 'typ'",
        "column 'output_value' (主导产业产值) is missing",
        "column 'national_share' (占全国同行业比重) is missing; similar "
        "header(s) in the table: 'national shares'",
    )


def test_validate_rows_named_by_number_without_cluster_column():
    """Without a cluster column, cells are named by row."""
    df = good_table().drop(columns=["cluster"])
    df.loc[1, "national_share"] = -1.0
    with pytest.raises(DataError) as excinfo:
        validate(df, SYSTEM)
    assert problems_of(excinfo)[1] == (
        "row 1, column 'national_share': -1.0 is below the valid minimum 0 "
        "(unit %)"
    )


def test_validate_every_problem_at_once():
    """A table with many faults lists them all, table-level ones first."""
    df = good_table().astype({"output_value": object})
    df = df.drop(columns=["industrial_concentration"])
    df.loc[0, "output_value"] = "lots"
    df.loc[1, "national_share"] = 130.0
    df.loc[1, "type"] = "frontier"
    df.loc[2, "little_giant_firms"] = 2.5
    df.loc[2, "relative_energy_intensity"] = -1.0
    with pytest.raises(DataError) as excinfo:
        validate(df, SYSTEM)
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


def test_validate_duplicate_header_for_one_column():
    """An id and its Chinese name both present is reported."""
    df = good_table()
    df["主导产业产值"] = df["output_value"]
    with pytest.raises(DataError) as excinfo:
        validate(df, SYSTEM)
    assert problems_of(excinfo) == (
        "columns 'output_value' and '主导产业产值' both give column "
        "'output_value'; keep only one of them (the first is used)",
    )


def test_validate_no_rows():
    """An empty table is refused: 'the table has no data rows'."""
    with pytest.raises(DataError) as excinfo:
        validate(good_table().iloc[:0], SYSTEM)
    assert problems_of(excinfo) == ("the table has no data rows",)


def test_validate_template_has_no_rows():
    """The empty template itself fails only for having no rows."""
    with pytest.raises(DataError, match="no data rows"):
        validate(make_template(SYSTEM), SYSTEM)


def test_validate_long_message_is_truncated_but_problems_kept():
    """Over 50 problems: the message is cut, .problems keeps all."""
    df = pd.concat([good_table()] * 30, ignore_index=True)
    df["cluster"] = [f"c{k}" for k in range(90)]
    df["national_share"] = 200.0
    with pytest.raises(DataError) as excinfo:
        validate(df, SYSTEM)
    assert len(excinfo.value.problems) == 90
    assert "... and 40 more (all are in the error's .problems)" in str(
        excinfo.value
    )


def test_validate_rejects_non_dataframe():
    """validate() refuses a non-DataFrame with ParameterError."""
    with pytest.raises(ParameterError, match="'df' must be a pandas Data"):
        validate([[1, 2]], SYSTEM)
    with pytest.raises(ParameterError, match="'system' must be an Indic"):
        validate(good_table(), "advanced_manufacturing")


def test_data_error_is_value_error():
    """DataError can be caught as ValueError."""
    with pytest.raises(ValueError, match="above the valid maximum"):
        validate(bad("national_share", 101.0), SYSTEM)


@settings(max_examples=100)
@given(
    share=st.floats(allow_nan=False, allow_infinity=False),
    firms=st.floats(allow_nan=False, allow_infinity=False),
)
def test_validate_accepts_exactly_the_valid_values(share, firms):
    """A cell passes iff it is within bounds (and whole where required)."""
    df = good_table()
    df.loc[0, "national_share"] = share
    df.loc[0, "little_giant_firms"] = firms
    valid = 0 <= share <= 100 and firms >= 0 and float(firms).is_integer()
    if valid:
        assert validate(df, SYSTEM).loc[0, "national_share"] == share
    else:
        with pytest.raises(DataError) as excinfo:
            validate(df, SYSTEM)
        assert all(
            p.startswith("cluster 'Wuxi IoT', column ")
            for p in excinfo.value.problems
        )


@settings(max_examples=100)
@given(st.permutations(list(good_table().columns)))
def test_validate_column_order_does_not_matter(order):
    """Any column order gives the same validated table."""
    expected = validate(good_table(), SYSTEM)
    pd.testing.assert_frame_equal(
        validate(good_table()[order], SYSTEM), expected
    )


# --------------------------------------------------------------------------
# make_template
# --------------------------------------------------------------------------
def test_make_template_columns_and_dtypes():
    """The template has every column, no rows, float indicator columns."""
    template = make_template(SYSTEM)
    assert list(template.columns) == list(good_table().columns)
    assert len(template) == 0
    assert all(template[c].dtype == np.float64 for c in IDS)


def test_make_template_filled_in_reads_back(tmp_path):
    """The template's CSV, filled in with rows, reads back unchanged."""
    path = tmp_path / "template.csv"
    make_template(SYSTEM).to_csv(path, index=False)
    header = path.read_text(encoding="utf-8").strip()
    rows = good_table().to_csv(index=False, header=False)
    path.write_text(header + "\n" + rows, encoding="utf-8")
    pd.testing.assert_frame_equal(
        read_clusters(path, SYSTEM), validate(good_table(), SYSTEM)
    )


def test_make_template_rejects_non_system():
    """make_template() refuses something that is not an IndicatorSystem."""
    with pytest.raises(ParameterError, match="'system' must be"):
        make_template(None)


# --------------------------------------------------------------------------
# read_clusters: encodings, line ends, headers
# --------------------------------------------------------------------------
CHINESE_HEADER = (
    "集群,类型,地区,省份,主导产业产值,占全国同行业比重,"
    "单位增加值能耗相对值,专精特新“小巨人”企业数,"
    "产业集中度（前5家企业产值占比）"
)
ROWS = [
    "无锡市物联网集群,strategic,长江三角洲,江苏,300,20,0.9,40,30",
    "长沙市工程机械集群,关键战略型,中部,湖南,200,23,1.0,30,60",
    "绍兴现代纺织集群,基础型,长江三角洲,浙江,500,8,1.2,20,25",
]


def write(path: Path, lines: list[str], encoding: str, newline: str) -> Path:
    """Write lines with the given encoding and line end; return path."""
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_read_clusters_encodings(tmp_path, encoding, newline):
    """UTF-8 with/without BOM and GB18030/GBK, LF or CRLF, read the same."""
    path = write(
        tmp_path / "t.csv", [CHINESE_HEADER, *ROWS], encoding, newline
    )
    out = read_clusters(path, SYSTEM)
    assert out["cluster"].tolist() == [r.split(",")[0] for r in ROWS]
    assert out["type"].tolist() == ["strategic", "strategic", "basic"]
    assert out["province"].tolist() == ["江苏", "湖南", "浙江"]
    assert out["national_share"].tolist() == [20.0, 23.0, 8.0]
    assert list(out.columns) == list(good_table().columns)


def test_read_clusters_leaves_file_unchanged(tmp_path):
    """Reading (even a failing read) never changes the file's bytes."""
    path = write(
        tmp_path / "t.csv", [CHINESE_HEADER, *ROWS], "gb18030", "\r\n"
    )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = os.stat(path).st_mtime_ns
    read_clusters(path, SYSTEM)
    bad_path = write(
        tmp_path / "bad.csv", [CHINESE_HEADER, ROWS[0] + "0"], "utf-8", "\n"
    )
    bad_digest = hashlib.sha256(bad_path.read_bytes()).hexdigest()
    with pytest.raises(DataError):
        read_clusters(bad_path, SYSTEM)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert os.stat(path).st_mtime_ns == mtime
    assert hashlib.sha256(bad_path.read_bytes()).hexdigest() == bad_digest


def test_read_clusters_problems_named_by_line(tmp_path):
    """Cell problems name the cluster; bad names name the file line."""
    lines = [
        CHINESE_HEADER,
        ROWS[0].replace(",20,", ",120,"),
        "",
        ",basic,中部,湖南,200,23,1.0,30,60",
        ROWS[2].replace(",500,", ",五百,"),
    ]
    path = write(tmp_path / "t.csv", lines, "utf-8", "\r\n")
    with pytest.raises(DataError) as excinfo:
        read_clusters(path, SYSTEM)
    assert excinfo.value.problems == (
        "cluster '无锡市物联网集群', column 'national_share': 120.0 is above "
        "the valid maximum 100 (unit %)",
        "line 4, column 'cluster': the cluster name is empty; every row "
        "needs a non-empty, unique name",
        "cluster '绍兴现代纺织集群', column 'output_value': '五百' is not a "
        "number (unit bn CNY)",
    )
    assert str(excinfo.value).startswith(f"{path}: 3 problems")
    assert excinfo.value.failure_cases["row"].tolist() == [2, 4, 5]


def test_read_clusters_thousands_and_blank_rows(tmp_path):
    """Quoted '2,858' is 2858; rows with only empty cells are skipped."""
    lines = [
        CHINESE_HEADER,
        '绍兴现代纺织集群,basic,长江三角洲,浙江,"1,500",8,1.2,"2,858",25',
        ",,,,,,,,",
        "",
    ]
    path = write(tmp_path / "t.csv", lines, "utf-8", "\n")
    out = read_clusters(path, SYSTEM)
    assert out["output_value"].tolist() == [1500.0]
    assert out["little_giant_firms"].tolist() == [2858.0]


def test_read_clusters_extra_columns_warn(tmp_path):
    """Extra CSV columns are named in a DataWarning; empty ones are not."""
    header = CHINESE_HEADER + ",备注,"
    rows = [r + ",note," for r in ROWS]
    path = write(tmp_path / "t.csv", [header, *rows], "utf-8", "\n")
    with pytest.warns(DataWarning, match=r"1 column\(s\).*: '备注'$"):
        out = read_clusters(path, SYSTEM)
    assert "备注" not in out.columns


def test_read_clusters_allow_missing(tmp_path):
    """Empty cells are NaN with allow_missing, an error without."""
    lines = [CHINESE_HEADER, ROWS[0].replace(",20,", ",,"), *ROWS[1:]]
    path = write(tmp_path / "t.csv", lines, "utf-8", "\n")
    out = read_clusters(path, SYSTEM, allow_missing=True)
    assert np.isnan(out.loc[0, "national_share"])
    with pytest.raises(DataError, match="'national_share': the value is"):
        read_clusters(path, SYSTEM)


# --------------------------------------------------------------------------
# read_clusters: file-level errors
# --------------------------------------------------------------------------
def test_read_clusters_missing_file(tmp_path):
    """A path that does not exist: 'file not found', naming the path."""
    path = tmp_path / "nope.csv"
    with pytest.raises(DataError, match=rf"^{re.escape(str(path))}: file not"):
        read_clusters(path, SYSTEM)


def test_read_clusters_directory(tmp_path):
    """A directory: 'is a directory'."""
    with pytest.raises(DataError, match="is a directory, not a CSV file"):
        read_clusters(tmp_path, SYSTEM)


def test_read_clusters_empty_file(tmp_path):
    """A 0-byte file: 'the file is empty (0 bytes)'."""
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError, match=r"empty\.csv: the file is empty \(0"):
        read_clusters(path, SYSTEM)


def test_read_clusters_blank_file(tmp_path):
    """A file of blank lines: 'the file is empty (only blank lines)'."""
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\r\n\r\n  \n")
    with pytest.raises(DataError, match=r"empty \(only blank lines\)"):
        read_clusters(path, SYSTEM)


def test_read_clusters_header_only(tmp_path):
    """A header without rows: 'has no data rows'."""
    path = tmp_path / "header.csv"
    make_template(SYSTEM).to_csv(path, index=False)
    with pytest.raises(DataError, match=r"header\.csv: has no data rows"):
        read_clusters(path, SYSTEM)


def test_read_clusters_binary_nul(tmp_path):
    """NUL bytes: 'is a binary file'; an xlsx gets a hint."""
    path = tmp_path / "book.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)))
    with pytest.raises(DataError, match=r"binary file.*Excel \.xlsx"):
        read_clusters(path, SYSTEM)


def test_read_clusters_binary_fixture():
    """The committed binary fixture is refused as binary."""
    with pytest.raises(DataError, match="is a binary file"):
        read_clusters(DATA / "binary.csv", SYSTEM)


def test_read_clusters_undecodable(tmp_path):
    """Bytes valid in neither UTF-8 nor GB18030: 'undecodable byte'."""
    path = tmp_path / "latin.csv"
    path.write_bytes(b"cluster,type\n\xff\xff,basic\n")
    with pytest.raises(DataError, match=r"undecodable byte 0xff at offset"):
        read_clusters(path, SYSTEM)


def test_read_clusters_control_characters(tmp_path):
    """Decodable text with control characters is refused as binary."""
    path = tmp_path / "ctl.csv"
    path.write_bytes(b"cluster,type\n\x01\x02,basic\n")
    with pytest.raises(DataError, match=r"U\+0001 on line 2"):
        read_clusters(path, SYSTEM)


def test_read_clusters_utf16(tmp_path):
    """UTF-16 (Excel 'Unicode text') gets its own message."""
    path = tmp_path / "u16.csv"
    path.write_bytes("cluster,type\n".encode("utf-16"))
    with pytest.raises(DataError, match="is UTF-16 text"):
        read_clusters(path, SYSTEM)


def test_read_clusters_ragged_row(tmp_path):
    """A line with more fields than the header is named."""
    path = write(
        tmp_path / "r.csv", [CHINESE_HEADER, ROWS[0] + ",x,y"], "utf-8", "\n"
    )
    with pytest.raises(
        DataError, match="line 2 has 11 fields but the header line has 9"
    ):
        read_clusters(path, SYSTEM)


def test_read_clusters_semicolons(tmp_path):
    """A semicolon-separated file is recognised and explained."""
    path = write(
        tmp_path / "s.csv",
        [CHINESE_HEADER.replace(",", ";"), ROWS[0].replace(",", ";")],
        "utf-8",
        "\n",
    )
    with pytest.raises(DataError, match="contains ';'"):
        read_clusters(path, SYSTEM)


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("bad_cells.csv", r"column 'national_share': 130.0 is above"),
        ("missing_columns.csv", r"column 'type' is missing"),
        ("header_only.csv", r"has no data rows"),
        ("empty.csv", r"the file is empty \(0 bytes\)"),
    ],
)
def test_read_clusters_fixture_files(fixture, expected):
    """The committed bad-table fixtures fail with the expected message."""
    path = DATA / fixture
    before = path.read_bytes()
    with pytest.raises(DataError, match=expected):
        read_clusters(path, SYSTEM)
    assert path.read_bytes() == before


def test_read_clusters_good_fixture_gbk_crlf():
    """The committed GBK/CRLF fixture (as Excel writes it) reads."""
    raw = (DATA / "good_gbk_crlf.csv").read_bytes()
    assert b"\r\n" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    out = read_clusters(DATA / "good_gbk_crlf.csv", SYSTEM)
    assert len(out) == 3
    assert out["cluster"].iloc[1] == "长沙市工程机械集群"


@settings(max_examples=50)
@given(
    names=st.lists(
        st.text(string.ascii_letters + "中文集群 ", min_size=1, max_size=8)
        .map(str.strip)
        .filter(bool),
        min_size=1,
        max_size=5,
        unique=True,
    ),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_read_clusters_round_trip(tmp_path_factory, names, encoding):
    """A validated table written as CSV reads back identical."""
    n = len(names)
    df = pd.DataFrame(
        {
            "cluster": names,
            "type": ["basic"] * n,
            **{c: [1.0] * n for c in IDS},
        }
    )
    path = tmp_path_factory.mktemp("rt") / "t.csv"
    path.write_bytes(df.to_csv(index=False).encode(encoding))
    pd.testing.assert_frame_equal(
        read_clusters(path, SYSTEM), validate(df, SYSTEM)
    )


def test_read_clusters_gbk_that_is_also_valid_utf8(tmp_path):
    """GBK '群' (C8 BA) is valid UTF-8 ('Ⱥ') but is read as GBK."""
    text = "cluster,type," + ",".join(IDS) + "\n群,basic,1,1,1,1,1\n"
    path = tmp_path / "g.csv"
    path.write_bytes(text.encode("gbk"))
    assert path.read_bytes().decode("utf-8").splitlines()[1][0] == "Ⱥ"
    assert read_clusters(path, SYSTEM)["cluster"].tolist() == ["群"]
    path.write_bytes(text.replace("群", "Zürich 群").encode("utf-8"))
    assert read_clusters(path, SYSTEM)["cluster"].tolist() == ["Zürich 群"]
