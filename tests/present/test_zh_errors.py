"""Tests for clusterscore.present.zh_errors: errors worded in Chinese.

Every expected line below is written by hand from the facts of the table
it comes from (row, cluster, column, value, the indicator's bounds and
Chinese unit in indicators/advanced_manufacturing.toml), not copied from
the code's output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import clusterscore as cs
from clusterscore.errors import (
    ClusterScoreError,
    ConfigError,
    DataError,
    JudgmentError,
    ParameterError,
)
from clusterscore.present.zh_errors import zh_error

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"
PANEL = ROOT / "examples" / "national_clusters_panel.csv"
SYSTEM = cs.load_system()


def _error(df: pd.DataFrame, system=SYSTEM) -> DataError:
    with pytest.raises(DataError) as info:
        cs.validate(df, system)
    return info.value


def _lines(exc: ClusterScoreError, **kw) -> list[str]:
    return zh_error(exc, str(exc), system=SYSTEM, **kw).split("\n  ")


def test_cell_problems_in_chinese():
    """Value problems name row, cluster, Chinese column, bound and unit."""
    df = pd.read_csv(EXAMPLE).astype(object)
    df.loc[0, "rd_intensity"] = "abc"  # row label 0 (validate: DataFrame)
    df.loc[1, "national_share"] = 150  # bounds [0, 100] %
    df.loc[2, "output_value"] = -1  # lower bound 0, 十亿元
    df.loc[3, "above_size_firms"] = 3.5  # an integer count, 家
    df.loc[4, "relative_energy_intensity"] = 0  # > 0, 倍
    df.loc[5, "national_share"] = "12%"
    lines = _lines(_error(df), flag=lambda p: f"--{p}")
    assert lines[0] == "validate()：输入表中有 6 个问题："
    c = df["cluster"]
    assert lines[1] == (
        f"第 0 行「{c[0]}」的「研发经费投入强度」（rd_intensity）列："
        '值 "abc" 不是数字（单位：%）'
    )
    assert lines[2] == (
        f"第 1 行「{c[1]}」的「占全国同行业比重」（national_share）列："
        "值 150 高于有效上限 100（单位：%）"
    )
    assert lines[3] == (
        f"第 2 行「{c[2]}」的「主导产业产值」（output_value）列："
        "值 -1 低于有效下限 0（单位：十亿元）"
    )
    assert lines[4] == (
        f"第 3 行「{c[3]}」的「规模以上企业数」（above_size_firms）列："
        "值 3.5 不是整数；该指标只取整数（单位：家）"
    )
    assert lines[5] == (
        f"第 4 行「{c[4]}」的「单位增加值能耗相对值」"
        "（relative_energy_intensity）列：值 0 不大于下限 0；该值必须 > 0"
        "（单位：倍）"
    )
    assert "请去掉 % 号" in lines[6]


def test_table_problems_in_chinese():
    """Missing column, repeated name, empty name, bad type, missing value."""
    df = pd.read_csv(EXAMPLE).astype(object)
    df = df.drop(columns="little_giant_firms")
    df.loc[1, "cluster"] = df.loc[2, "cluster"]
    df.loc[3, "cluster"] = ""
    df.loc[4, "type"] = "foo"
    df.loc[5, "type"] = None
    df.loc[6, "fiscal_support"] = None
    lines = _lines(_error(df), flag=lambda p: "--missing")
    text = "\n".join(lines)
    assert "缺少「专精特新“小巨人”企业数」（little_giant_firms）列" in lines
    assert (
        f"集群「{df.loc[2, 'cluster']}」（第 1、2 行）：名称出现了 2 次"
        in text
    )
    assert (
        "第 3 行的「集群」列：集群名称为空；每一行都需要一个非空且唯一的名称"
        in lines
    )
    assert (
        '的「类型」列：值 "foo" 不是指标体系「advanced_manufacturing」' in text
    )
    assert "'basic'（基础产业集群）、'strategic'（关键战略产业集群）" in text
    assert "的「类型」列：缺少集群类型；有效值：" in text
    assert "列：缺少数值；" in text
    assert "--missing median" in text
    # no line fell back to English
    assert not any(re.search(r"\b(is|the|must)\b", x) for x in lines[1:]), text


def test_panel_problems_in_chinese():
    """A panel's year, (cluster, year) key and type change."""
    df = pd.read_csv(PANEL).astype(object)
    df.loc[0, "year"] = "20x1"
    df.loc[1, "year"] = None
    df.loc[3, ["cluster", "year"]] = df.loc[2, ["cluster", "year"]]
    rows = df.index[df["cluster"] == df.loc[5, "cluster"]]
    first = df.loc[rows[0], "type"]
    df.loc[rows[-1], "type"] = "basic" if first != "basic" else "strategic"
    lines = _lines(_error(df))
    text = "\n".join(lines)
    assert (
        f'第 0 行「{df.loc[0, "cluster"]}」的「年份」列：值 "20x1" 不是年份'
        in text
    )
    assert "的「年份」列：缺少年份；面板数据的每一行都需要年份" in text
    year = int(df.loc[2, "year"])
    assert (
        f"集群「{df.loc[2, 'cluster']}」{year} 年（第 2、3 行）：同一（集群，"
        "年份）出现了 2 次" in text
    )
    assert "类型在不同年份之间发生了变化（" in text
    assert not any(re.search(r"\b(is|the|must)\b", x) for x in lines[1:]), text


def test_panel_rows_name_the_year():
    """A value problem on a panel names the year when the line gives it."""
    exc = DataError(
        "x.csv: 1 problem in the input table:\n  cluster 'A', year 2022, "
        "column 'rd_intensity': 'q' is not a number (unit % of revenue)",
        problems=["..."],
        failure_cases=pd.DataFrame(
            {
                "row": [5],
                "cluster": ["A"],
                "column": ["rd_intensity"],
                "value": ["q"],
                "check": ["numeric"],
                "message": [
                    "cluster 'A', year 2022, column 'rd_intensity': 'q' is "
                    "not a number (unit % of revenue)"
                ],
            }
        ),
    )
    assert _lines(exc)[1].startswith(
        "第 5 行「A」（2022 年）的「研发经费投入强度」（rd_intensity）列："
    )


def test_without_system_ids_name_columns_and_bounds_fall_back():
    """No system: the column id names the column; a bound's English stays."""
    df = pd.read_csv(EXAMPLE).astype(object)
    df.loc[0, "national_share"] = 150
    exc = _error(df)
    text = zh_error(exc, str(exc))
    assert "「national_share」列：cluster" in text  # the English detail
    assert "above the valid maximum 100" in text


def test_unknown_check_falls_back_to_the_english_line():
    """A code with no template: Chinese naming, then the English line."""
    exc = DataError(
        "validate(): 1 problem in the input table:\n  row 1: odd",
        failure_cases=pd.DataFrame(
            {
                "row": [1],
                "cluster": [None],
                "column": ["region"],
                "value": ["x"],
                "check": ["str_length"],
                "message": ["row 1, column 'region': str_length failed"],
            }
        ),
    )
    lines = _lines(exc)
    assert lines[1] == (
        "第 1 行的「区域」列：row 1, column 'region': str_length failed"
    )


def test_many_problems_are_cut_as_in_english():
    """Over 50 problems: the first 50 lines and a count of the rest."""
    df = pd.read_csv(EXAMPLE).astype(object)
    df["national_share"] = 150
    df["global_market_share"] = 150
    exc = _error(df)
    lines = _lines(exc)
    assert lines[0] == "validate()：输入表中有 54 个问题："
    assert len(lines) == 1 + 50 + 1
    assert lines[-1] == "……另有 4 个问题未列出"


def test_excel_cells_lead_their_lines(tmp_path):
    """A workbook's problems start with the cell (Sheet!A1)."""
    pytest.importorskip("openpyxl")
    df = pd.read_csv(EXAMPLE).iloc[:3].astype(object)
    df.loc[1, "national_share"] = 150
    path = tmp_path / "t.xlsx"
    df.to_excel(path, index=False, sheet_name="数据")
    with pytest.raises(DataError) as info:
        cs.read_clusters(path, SYSTEM)
    col = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[
        list(df.columns).index("national_share")
    ]
    line = _lines(info.value)[1]
    assert line.startswith(f"数据!{col}3，第 3 行「{df.loc[1, 'cluster']}」")


@pytest.mark.parametrize(
    ("english", "zh"),
    [
        ("a.csv: file not found.", "a.csv：找不到文件"),
        (
            "d: is a directory, not a CSV file.",
            "d：这是一个目录，不是 CSV 文件",
        ),
        (
            "e.csv: the file is empty (0 bytes); expected a header line",
            "e.csv：文件为空；应有一行表头，以及每个集群一行",
        ),
        (
            "h.csv: has no data rows (only a header line); expected one",
            "h.csv：只有表头行，没有数据行；表头下应每个集群一行",
        ),
        ("x.csv: something new", "输入数据有误：x.csv: something new"),
    ],
)
def test_file_errors(english, zh):
    """Whole-message data errors: known forms in Chinese, else framed."""
    assert zh_error(DataError(english), english) == zh


def test_config_error_names_file_and_key():
    """A ConfigError: the file and key in Chinese framing, detail after."""
    exc = ConfigError(
        "f.toml: indicator[2].unit: missing.",
        path="f.toml",
        key="indicator[2].unit",
    )
    assert zh_error(exc, str(exc)) == (
        "指标体系文件 f.toml 中的「indicator[2].unit」有误：missing."
    )
    with pytest.raises(ConfigError) as info:
        cs.load_system(ROOT / "no_such.toml")
    exc = info.value
    assert zh_error(exc, str(exc)) == f"找不到指标体系文件 {exc.path}"


def test_judgment_error_from_its_facts():
    """CR, threshold, matrix and the judgments to revisit, in Chinese."""
    # Saaty's 3x3 example made inconsistent: a13 = 1/9 against a12 = a23 = 3
    matrix = [[1, 3, 1 / 9], [1 / 3, 1, 3], [9, 1 / 3, 1]]
    with pytest.raises(JudgmentError) as info:
        cs.ahp(matrix, name="dimensions/basic", max_cr=0.1)
    exc = info.value
    text = zh_error(exc, str(exc))
    assert text.startswith(
        "判断矩阵「dimensions/basic」的一致性不足："
        f"一致性比率 CR = {exc.cr:.3f}，"
        "超过上限 0.10。最不一致的判断："
    )
    s = exc.suggestions[0]
    assert f"{s.row} 对 {s.column} 为 " in text
    assert "Saaty 标度上最接近" in text


def test_config_error_caused_by_a_matrix():
    """A ConfigError raised from a JudgmentError is worded as the matrix."""
    cause = JudgmentError(
        "ahp(): inconsistent", cr=0.2, threshold=0.1, matrix_name="m"
    )
    exc = ConfigError("f.toml: j[1]: inconsistent", path="f.toml", key="j[1]")
    exc.__cause__ = cause
    assert zh_error(exc, str(exc)) == (
        "指标体系文件 f.toml 中的「j[1]」：判断矩阵「m」的一致性不足："
        "一致性比率 "
        "CR = 0.200，超过上限 0.10。"
    )


def test_parameter_errors():
    """Choices, ranges and the cluster name, with the flag that sets them."""
    with pytest.raises(ParameterError) as info:
        cs.evaluate(pd.read_csv(EXAMPLE), SYSTEM, normalization="zscore")
    exc = info.value
    text = zh_error(exc, str(exc), flag=lambda p: "--normalization")
    assert text.startswith(
        "--normalization 的取值 'zscore' 无效；可选值：'minmax'"
    )
    exc = ParameterError(
        "f(): 'alpha' ...", parameter="alpha", value=2.0, allowed="[0, 1]"
    )
    assert zh_error(exc, "", flag=lambda p: "--alpha") == (
        "--alpha 的取值 2.0 无效；应为 [0, 1]"
    )
    exc = ParameterError("rank: --year needs a panel")
    assert zh_error(exc, str(exc)) == "参数有误：rank: --year needs a panel"
    many = ParameterError(
        "m", parameter="b", value="x", allowed=list("abcdefghij")
    )
    assert zh_error(many, "m").endswith("'h' 等 10 项")


def test_cluster_not_found():
    """A cluster name not in the table: close names or the count."""
    table = cs.read_clusters(EXAMPLE, SYSTEM)
    with pytest.raises(ParameterError) as info:
        cs.diagnose(table, SYSTEM, "Nope")
    exc = info.value
    assert zh_error(exc, str(exc), flag=lambda p: "--cluster") == (
        "--cluster 的取值 'Nope' 不是表中的集群名称"
        f"（表中有 {len(table)} 个集群）"
    )
    name = table["cluster"][0]
    with pytest.raises(ParameterError) as info:
        cs.diagnose(table, SYSTEM, name[:-1])
    exc = info.value
    assert f"相近的名称：'{name}'" in zh_error(exc, str(exc))


def test_other_errors_keep_their_text():
    """The base class has no facts: its message as it is."""
    assert zh_error(ClusterScoreError("odd"), "odd") == "odd"
