"""The command line's errors in Chinese (``--lang zh``), through ``main``.

The same failures as the English tests elsewhere, read in Chinese: the
table's problems from their facts, the flags, the files. The expected
Chinese is written by hand from the inputs below.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "national_clusters.csv"


def _zh_error(proc, *fragments: str) -> None:
    """Exit 2, one Chinese error block, no traceback, no English frame."""
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith("clusterscore: 错误："), proc.stderr
    assert "Traceback" not in proc.stderr
    assert "problems in the input table" not in proc.stderr
    for f in fragments:
        assert f in proc.stderr, proc.stderr


@pytest.fixture
def bad_csv(tmp_path):
    """Write the example table with three bad cells; return path, names."""
    df = pd.read_csv(EXAMPLE).astype(object)
    df.loc[2, "rd_intensity"] = "abc"  # CSV line 4
    df.loc[3, "national_share"] = 150  # line 5; bounds [0, 100] %
    df.loc[4, "output_value"] = -2  # line 6; >= 0, 十亿元
    path = tmp_path / "bad.csv"
    df.to_csv(path, index=False)
    return path, df["cluster"]


@pytest.mark.parametrize("command", ["rank", "gaps", "validate", "coupling"])
def test_table_problems_in_chinese(cli, bad_csv, command):
    """Every problem line names line, cluster, Chinese column, unit."""
    path, names = bad_csv
    proc = cli(command, path, "--lang", "zh")
    _zh_error(
        proc,
        f"{path}：输入表中有 3 个问题：",
        f"第 4 行「{names[2]}」的「研发经费投入强度」（rd_intensity）列："
        '值 "abc" 不是数字（单位：%）',
        f"第 5 行「{names[3]}」的「占全国同行业比重」（national_share）列："
        "值 150 高于有效上限 100（单位：%）",
        f"第 6 行「{names[4]}」的「主导产业产值」（output_value）列："
        "值 -2 低于有效下限 0（单位：十亿元）",
    )


def test_english_stays_english(cli, bad_csv):
    """Without --lang zh the message is the library's, flags named."""
    path, _ = bad_csv
    proc = cli("rank", path)
    proc.assert_clean_error("3 problems in the input table", "is not a number")
    assert "错误" not in proc.stderr


def test_missing_value_names_the_flag(cli, tmp_path):
    """A missing value says which --missing choices let it through."""
    df = pd.read_csv(EXAMPLE)
    df.loc[0, "fiscal_support"] = None
    path = tmp_path / "hole.csv"
    df.to_csv(path, index=False)
    proc = cli("rank", path, "--lang", "zh")
    _zh_error(
        proc,
        f"第 2 行「{df.loc[0, 'cluster']}」的「财政专项资金（近5年累计）」"
        "（fiscal_support）列：缺少数值；",
        "--missing median 或 drop_indicator",
    )


def test_bad_option_value(cli):
    """A ParameterError: the flag, the value and the choices."""
    proc = cli(
        "rank",
        EXAMPLE,
        "--method",
        "topsis",
        "--normalization",
        "zscore",
        "--lang",
        "zh",
    )
    _zh_error(
        proc,
        "--normalization 的取值 'zscore' 无效；可选值：'vector'、'minmax'",
    )


def test_unknown_cluster(cli):
    """Name a cluster (gaps --cluster) a name not in the table."""
    proc = cli("gaps", EXAMPLE, "--cluster", "不存在", "--lang", "zh")
    _zh_error(
        proc,
        "--cluster 的取值 '不存在' 不是表中的集群名称（表中有 27 个集群）",
    )


def test_missing_files(cli, tmp_path):
    """The input file and the --system file, named in Chinese framing."""
    proc = cli("rank", tmp_path / "none.csv", "--lang", "zh")
    _zh_error(proc, f"{tmp_path / 'none.csv'}：找不到文件")
    proc = cli(
        "rank", EXAMPLE, "--system", tmp_path / "none.toml", "--lang", "zh"
    )
    _zh_error(proc, f"找不到指标体系文件 {tmp_path / 'none.toml'}")


def test_config_error_names_file_and_key(cli):
    """An inconsistent matrix refused by --max-cr: file, key, then detail."""
    proc = cli("rank", EXAMPLE, "--max-cr", "0.001", "--lang", "zh")
    _zh_error(
        proc, "指标体系文件 ", "advanced_manufacturing.toml 中的「judgments["
    )


def test_output_directory(cli, tmp_path):
    """-o naming a directory."""
    proc = cli("rank", EXAMPLE, "-o", tmp_path, "--lang", "zh")
    _zh_error(proc, f"无法写入输出 {tmp_path}：这是一个目录")


def test_table_errors_without_a_readable_system(cli, bad_csv, tmp_path):
    """The error is worded even when no system can be read again."""
    path, _ = bad_csv
    proc = cli("validate", path, "--lang", "zh", "--system", EXAMPLE)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("clusterscore: 错误：指标体系文件")


def test_a_value_named_like_a_parameter_stays_a_value(cli):
    """--benchmark's choice 'quantile' is not the --quantile flag."""
    proc = cli("gaps", EXAMPLE, "--benchmark", "Nope")
    proc.assert_clean_error("--benchmark must be 'system', 'quantile' or")
    proc = cli("gaps", EXAMPLE, "--benchmark", "Nope", "--lang", "zh")
    _zh_error(
        proc, "--benchmark 的取值 'Nope' 无效；可选值：'system'、'quantile'"
    )
    assert "等 29 项" in proc.stderr  # 2 keywords + 27 clusters, 8 shown
