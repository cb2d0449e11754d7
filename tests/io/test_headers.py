"""Tests of clusterscore.io.headers: which column of a table is which.

Ids, Chinese and English names, aliases of the text columns, full-width
forms and quote marks; unknown, duplicate and missing columns.
"""

from __future__ import annotations

import pandas as pd
import pytest

from clusterscore.errors import DataError, DataWarning
from clusterscore.io import read_clusters, validate
from clusterscore.io.headers import (
    close_headers,
    collect_columns,
    column_items,
    header_key,
    header_keys,
)


def test_validate_chinese_headers_and_type_names(system, good_table):
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
    out = validate(df, system)
    assert list(out.columns) == list(good_table().columns)
    assert out["type"].tolist() == ["strategic", "strategic", "basic"]


def test_validate_cluster_index_is_used(system, good_table):
    """A table indexed by 'cluster' (no cluster column) is accepted."""
    df = good_table().set_index("cluster")
    out = validate(df, system)
    assert out["cluster"].tolist() == good_table()["cluster"].tolist()


def test_validate_extra_columns_warn_and_are_dropped(system, good_table):
    """Unknown columns are dropped with a DataWarning naming each one."""
    df = good_table()
    df["notes"] = "x"
    df["GDP"] = 1.0
    with pytest.warns(DataWarning, match=r"2 column\(s\).*'notes', 'GDP'"):
        out = validate(df, system)
    assert "notes" not in out.columns
    assert "GDP" not in out.columns


def test_validate_missing_columns_listed_with_close_names(
    system, good_table, problems_of
):
    """Every missing column is listed, with similar headers found."""
    df = good_table().rename(
        columns={"national_share": "national shares", "type": "typ"}
    )
    df = df.drop(columns=["cluster", "output_value"])
    with pytest.raises(DataError) as excinfo:
        validate(df, system)
    assert problems_of(excinfo) == (
        "column 'cluster' is missing",
        "column 'type' is missing; similar header(s) in the table: 'typ'",
        "column 'output_value' (主导产业产值) is missing",
        "column 'national_share' (占全国同行业比重) is missing; similar "
        "header(s) in the table: 'national shares'",
    )


def test_validate_duplicate_header_for_one_column(
    system, good_table, problems_of
):
    """An id and its Chinese name both present is reported."""
    df = good_table()
    df["主导产业产值"] = df["output_value"]
    with pytest.raises(DataError) as excinfo:
        validate(df, system)
    assert problems_of(excinfo) == (
        "columns 'output_value' and '主导产业产值' both give column "
        "'output_value'; keep only one of them (the first is used)",
    )


def test_read_clusters_extra_columns_warn(
    system, write, csv_header, csv_rows, tmp_path
):
    """Extra CSV columns are named in a DataWarning; empty ones are not."""
    header = csv_header + ",备注,"
    rows = [r + ",note," for r in csv_rows]
    path = write(tmp_path / "t.csv", [header, *rows], "utf-8", "\n")
    with pytest.warns(DataWarning, match=r"1 column\(s\).*: '备注'$"):
        out = read_clusters(path, system)
    assert "备注" not in out.columns


# --------------------------------------------------------------------------
# the matching rules
# --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("Output_Value", "output_value"),
        ("\ufeff national_share ", "national_share"),
        ("ＩＤ", "id"),
        ("专精特新“小巨人”企业数", "专精特新小巨人企业数"),
        ('专精特新"小巨人"企业数', "专精特新小巨人企业数"),
        ("产业集中度（前5家企业产值占比）", "产业集中度(前5家企业产值占比)"),
        ("a\u200bb", "ab"),
    ],
)
def test_header_key(header, key):
    """NFKC, invisible characters, case, spaces and quotes are ignored."""
    assert header_key(header) == key
    assert header_keys(pd.Series([header])).tolist() == [key]


def test_collect_columns_names_unnamed_extras(system):
    """An unnamed column with values is an extra, named by position."""
    items = [
        ("集群", pd.Series(["A"])),
        ("", pd.Series(["x"])),
        ("", pd.Series([""])),
        ("notes", pd.Series(["y"])),
    ]
    columns = collect_columns(items, system)
    assert list(columns.found) == ["cluster"]
    assert columns.extras == ["<unnamed column 2>", "notes"]
    assert columns.unmatched == ["notes"]
    assert columns.duplicates == []


def test_close_headers(system):
    """Misspelt headers are found for text and indicator columns."""
    unmatched = ["typ", "national shares", "GDP"]
    assert close_headers("type", system, unmatched) == ["typ"]
    assert close_headers("national_share", system, unmatched) == [
        "national shares"
    ]
    assert close_headers("output_value", system, unmatched) == []


def test_column_items_uses_cluster_index_only_without_column(good_table):
    """The index named like a cluster column is used only when none is."""
    df = good_table().set_index("cluster")
    assert [h for h, _ in column_items(df)][:2] == ["cluster", "type"]
    df.index.name = "集群"
    assert column_items(df)[0][0] == "cluster"
    both = good_table().set_index("cluster", drop=False)
    assert [h for h, _ in column_items(both)] == list(both.columns)
