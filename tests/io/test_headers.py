"""Tests of clusterscore.io.headers: which column of a table is which.

Ids, Chinese and English names, aliases of the text columns, full-width
forms and quote marks; unknown, duplicate and missing columns.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from clusterscore.datasets import synthetic_clusters
from clusterscore.errors import DataError, DataWarning
from clusterscore.io import read_clusters, validate
from clusterscore.io.headers import (
    close_headers,
    collect_columns,
    column_items,
    header_key,
    header_keys,
    split_unit,
)
from clusterscore.system import load_system


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


# --------------------------------------------------------------------------
# units in brackets after the name (issue 11, item 8)
# --------------------------------------------------------------------------
def _with_units(system):
    """Return `system` with Chinese units and aliases on two indicators."""
    extra = {
        "output_value": {"unit_zh": "十亿元"},
        "national_share": {"unit_zh": "%", "unit_aliases": ("百分比",)},
        "little_giant_firms": {"unit_zh": "家", "unit_aliases": ("个",)},
    }
    inds = tuple(
        dataclasses.replace(i, **extra.get(i.id, {}))
        for i in system.indicators
    )
    return dataclasses.replace(system, indicators=inds)


_UNIT_HEADERS = {
    "full-width brackets, Chinese unit": "主导产业产值（十亿元）",
    "half-width brackets, English unit": "主导产业产值(bn CNY)",
    "spaces around": " 主导产业产值 （ 十亿元 ） ",
    "English name, English unit": "Leading-industry output value (bn CNY)",
    "id, square brackets": "output_value [bn CNY]",
    "lenticular brackets": "主导产业产值【十亿元】",
    "unit case and width": "主导产业产值（ＢＮ cny）",
}


@pytest.mark.parametrize("header", _UNIT_HEADERS.values(), ids=_UNIT_HEADERS)
def test_read_clusters_header_with_unit(
    system, write, csv_header, csv_rows, tmp_path, header
):
    """A header ``name (unit)`` reads as the indicator when the unit fits."""
    units = _with_units(system)
    plain = read_clusters(
        write(tmp_path / "plain.csv", [csv_header, *csv_rows], "utf-8", "\n"),
        units,
    )
    new_header = csv_header.replace("主导产业产值", f'"{header}"', 1)
    new_header = new_header.replace("占全国同行业比重", "占全国同行业比重(%)")
    new_header = new_header.replace(
        "专精特新“小巨人”企业数", "专精特新“小巨人”企业数（个）"
    )
    path = write(tmp_path / "t.csv", [new_header, *csv_rows], "utf-8", "\n")
    out = read_clusters(path, units)
    pd.testing.assert_frame_equal(out, plain)
    assert out["output_value"].tolist() == [300.0, 200.0, 500.0]
    assert out["little_giant_firms"].tolist() == [40.0, 30.0, 20.0]


def test_read_clusters_unit_in_english_without_unit_zh(
    system, write, csv_header, csv_rows, tmp_path
):
    """An indicator with no Chinese unit takes its English one."""
    header = csv_header.replace(
        "单位增加值能耗相对值", "单位增加值能耗相对值（ratio）"
    )
    path = write(tmp_path / "t.csv", [header, *csv_rows], "utf-8", "\n")
    out = read_clusters(path, system)
    assert out["relative_energy_intensity"].tolist() == [0.9, 1.0, 1.2]


def test_read_clusters_contradicting_unit_refused(
    system, write, csv_header, csv_rows, tmp_path, problems_of
):
    """A unit not the indicator's is refused naming column and units."""
    header = csv_header.replace("主导产业产值", "主导产业产值（亿元）", 1)
    path = write(tmp_path / "t.csv", [header, *csv_rows], "utf-8", "\n")
    with pytest.raises(DataError, match=r"t\.csv") as excinfo:
        read_clusters(path, _with_units(system))
    assert problems_of(excinfo) == (
        "column '主导产业产值（亿元）' gives unit '亿元', but indicator "
        "'output_value' is measured in 'bn CNY' / '十亿元'; convert the "
        "values and write one of these units (or none)",
    )


def test_validate_every_contradicting_unit_listed(
    system, good_table, problems_of
):
    """Two wrong units are two problems; a right one is none."""
    df = good_table().rename(
        columns={
            "national_share": "national_share (‰)",
            "little_giant_firms": "专精特新“小巨人”企业数(家)",
            "relative_energy_intensity": "单位增加值能耗相对值(吨标煤)",
        }
    )
    with pytest.raises(DataError) as excinfo:
        validate(df, _with_units(system))
    assert problems_of(excinfo) == (
        "column 'national_share (‰)' gives unit '‰', but indicator "
        "'national_share' is measured in '%' / '百分比'; convert the "
        "values and write one of these units (or none)",
        "column '单位增加值能耗相对值(吨标煤)' gives unit '吨标煤', but "
        "indicator 'relative_energy_intensity' is measured in 'ratio'; "
        "convert the values and write one of these units (or none)",
    )


@pytest.mark.parametrize(
    ("header", "parts"),
    [
        ("主导产业产值（亿元）", ("主导产业产值", "亿元")),
        ("R&D投入强度(%)", ("R&D投入强度", "%")),
        (" a [ b ] ", ("a", "b")),
        (
            "产业集中度（前5家企业产值占比）（%）",
            ("产业集中度(前5家企业产值占比)", "%"),
        ),
        ("主导产业产值", None),
        ("主导产业产值（）", None),
        ("(%)", None),
    ],
)
def test_split_unit(header, parts):
    """The last bracketed text ending a header is its unit."""
    assert split_unit(header) == parts


def test_headers_without_units_unchanged(system):
    """A name containing brackets still matches whole, with no unit check."""
    items = [
        ("产业集中度（前5家企业产值占比）", pd.Series([1.0])),
        ("集群名称（全称）", pd.Series(["a"])),
    ]
    columns = collect_columns(items, system)
    assert list(columns.found) == ["industrial_concentration"]
    assert columns.extras == ["集群名称（全称）"]
    assert columns.unit_conflicts == []


def test_default_system_headers_with_chinese_units(tmp_path):
    """Every default indicator reads under ``name_zh（unit_zh）``."""
    system = load_system()
    df = synthetic_clusters(system, 6, rng=1)
    renamed = df.rename(
        columns={
            i.id: f"{i.name_zh}（{i.unit_zh}）" for i in system.indicators
        }
    )
    assert all(i.unit_zh for i in system.indicators)
    path = tmp_path / "zh.csv"
    renamed.to_csv(path, index=False)
    out = read_clusters(path, system)
    plain = tmp_path / "plain.csv"
    df.to_csv(plain, index=False)
    pd.testing.assert_frame_equal(out, read_clusters(plain, system))
