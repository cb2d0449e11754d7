"""The Chinese wording of clusterscore's errors: the one catalogue.

The library's errors speak English to library callers (their messages
are the library's, untouched). The command line, with ``--lang zh``,
shows the same error in Chinese, built by `clusterscore.present.zh_errors`
from the structured facts of the exception with the templates here:

`MESSAGES`
    The framing of every error: the head of a table's problem list, how
    a row, cluster and column are named, the files, keys, flags and
    judgment matrices of the other errors, and the fallbacks (Chinese
    framing, then the English detail) where a fact is only in the text.
`CHECKS`, `YEAR_CHECKS`
    One line per check code the validator (`clusterscore.io`) can emit,
    for indicator and text columns and for the ``year`` column.
`HINTS`, `DATA_PATTERNS`, `CONFIG_PATTERNS`
    The hints of a cell that is not a number, and the whole-message
    errors without attributes (a file not found, an empty file) read
    from their English form.
`WARNING_PATTERNS`, `SEGMENT_WORDS`
    The warnings the command line prints (`clusterscore.present.zh_warnings`
    reads them from their English form; a warning no pattern knows keeps
    its English text after the Chinese word for "warning").

Every Chinese string of the errors is here; the column words (集群,
类型, 年份) and the list separator come from
`clusterscore.present.labels`, the one vocabulary of the tables.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

__all__ = [
    "CHECKS",
    "CONFIG_PATTERNS",
    "DATA_PATTERNS",
    "HINTS",
    "MESSAGES",
    "SEGMENT_WORDS",
    "WARNING_PATTERNS",
    "YEAR_CHECKS",
    "message",
]

MESSAGES: Mapping[str, str] = MappingProxyType(
    {
        # the frame of a DataError listing the problems of a table
        "data_head": "{where}：输入表中有 {n} 个问题：",
        "data_head_plain": "输入表中有 {n} 个问题：",
        "data_more": "……另有 {n} 个问题未列出",
        "cell": "{cell}，{line}",
        # naming a row, a cluster, a column
        "row": "第 {row} 行",
        "rows": "第 {rows} 行",
        "row_cluster": "第 {row} 行「{cluster}」",
        "row_cluster_year": "第 {row} 行「{cluster}」（{year} 年）",
        "column": "「{name}」列",
        "indicator_column": "「{name}」（{id}）列",
        "in_column": "{who}的{column}：{problem}",
        "fallback_row": "{who}：{detail}",
        "unit": "（单位：{unit}）",
        "rows_sep": "、",
        "type_missing": "缺少集群类型；有效值：{types}",
        "similar": "；表中相近的列名：{names}",
        "type_years": "{type}：{years} 年",
        "item_sep": "；",
        # the fallbacks: Chinese framing, then the English detail
        "data": "输入数据有误：{detail}",
        "config": "指标体系文件 {path} 中的「{key}」有误：{detail}",
        "config_cause": "指标体系文件 {path} 中的「{key}」：{detail}",
        "config_file": "指标体系文件 {path} 有误：{detail}",
        "config_plain": "指标体系有误：{detail}",
        "param": "参数 {flag} 有误：{detail}",
        "param_choice": "{flag} 的取值 {value} 无效；可选值：{allowed}",
        "param_range": "{flag} 的取值 {value} 无效；应为 {allowed}",
        "param_plain": "参数有误：{detail}",
        "param_cluster": (
            "{flag} 的取值 {value} 不是表中的集群名称（{detail}）"
        ),
        "param_cluster_close": (
            "{flag} 的取值 {value} 不是表中的集群名称；相近的名称：{names}"
        ),
        "param_cluster_count": (
            "{flag} 的取值 {value} 不是表中的集群名称（表中有 {n} 个集群）"
        ),
        "more_choices": "{shown} 等 {n} 项",
        "judgment": "判断矩阵「{matrix}」有误：{detail}",
        "judgment_plain": "判断矩阵有误：{detail}",
        "judgment_cr": (
            "判断矩阵「{matrix}」的一致性不足：一致性比率 CR = {cr:.3f}，"
            "超过上限 {threshold:.2f}。"
        ),
        "judgment_revisit": "最不一致的判断：{pairs}",
        "judgment_pair": (
            "{row} 对 {column} 为 {value}，与权重一致的值为 {suggested:.3g}"
            "（Saaty 标度上最接近：{saaty}）"
        ),
        "error": "{detail}",
    }
)
"""The framing of every error: key -> Chinese template."""

CHECKS: Mapping[str, str] = MappingProxyType(
    {
        # an indicator column (and the text columns' own codes)
        "numeric": "值 {value} 不是数字{hint}{unit}",
        "not_nullable": (
            "缺少数值；每个指标都需要数值（{missing} median 或 "
            "drop_indicator 可处理缺失值）"
        ),
        "finite": "值 {value} 不是有限数{unit}",
        "min": "值 {value} 低于有效下限 {bound}{unit}",
        "min_exclusive": (
            "值 {value} 不大于下限 {bound}；该值必须 > {bound}{unit}"
        ),
        "max": "值 {value} 高于有效上限 {bound}{unit}",
        "integer": "值 {value} 不是整数；该指标只取整数{unit}",
        "cluster_type": (
            "值 {value} 不是指标体系「{system}」的集群类型；有效值：{types}"
        ),
        "non_empty": "集群名称为空；每一行都需要一个非空且唯一的名称",
        "unique": (
            "集群「{cluster}」（{rows}）：名称出现了 {n} 次；集群名称必须唯一"
        ),
        "type_change": (
            "集群「{cluster}」的「{type_word}」列：类型在不同年份之间发生了"
            "变化（{said}）；面板数据中一个集群只能有一种类型（如确有变化，"
            "请拆分为两个不同名称的集群）"
        ),
        "missing_column": "缺少{column}{similar}",
        # pandera's own name of a missing column (validate renames it)
        "column_in_dataframe": "缺少{column}{similar}",
        "duplicate_column": (
            "「{first}」列与「{second}」列都对应{column}；请只保留其中一列"
            "（当前使用第一列）"
        ),
        "unit_mismatch": (
            "「{header}」列标注的单位为 {unit}，但{column}的单位是 "
            "{expected}；请换算数值，并写明其中一个单位（或不写单位）"
        ),
        "no_rows": "表中没有数据行",
    }
)
"""One Chinese line per check code the validator emits: code -> template."""

YEAR_CHECKS: Mapping[str, str] = MappingProxyType(
    {
        "numeric": "值 {value} 不是年份（应为整数，如 2023）",
        "finite": "值 {value} 不是年份（应为整数，如 2023）",
        "integer": "值 {value} 不是年份（应为整数，如 2023）",
        "not_nullable": "缺少年份；面板数据的每一行都需要年份",
        "unique": (
            "集群「{cluster}」{year} 年（{rows}）：同一（集群，年份）出现了 "
            "{n} 次；面板数据中每个（集群，年份）必须唯一"
        ),
    }
)
"""The checks of the ``year`` column, worded for years."""

HINTS: Mapping[str, str] = MappingProxyType(
    {
        "comma": "；小数点请用“.”（“,”只能作千位分隔符，如 1,234.5）",
        "percent": "；请去掉 % 号，只写数字",
    }
)

DATA_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<path>.+): file not found\.$"), "{path}：找不到文件"),
    (
        re.compile(r"^(?P<path>.+): is a directory, not a CSV file\.$"),
        "{path}：这是一个目录，不是 CSV 文件",
    ),
    (
        re.compile(
            r"^(?P<path>.+): the file is empty "
            r"\((?:0 bytes|only blank lines)\)"
        ),
        "{path}：文件为空；应有一行表头，以及每个集群一行",
    ),
    (
        re.compile(r"^(?P<path>.+): has no data rows \(only a header line\)"),
        "{path}：只有表头行，没有数据行；表头下应每个集群一行",
    ),
    (
        re.compile(r"^cannot write output to (?P<path>.+): it is a directory"),
        "无法写入输出 {path}：这是一个目录",
    ),
)
"""Whole-message DataErrors without attributes: English pattern -> zh."""

CONFIG_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^no such indicator file\.$"), "找不到指标体系文件 {path}"),
    (
        re.compile(r"^is a directory, not an indicator file\.$"),
        "{path} 是一个目录，不是指标体系文件",
    ),
)


WARNING_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (  # io.validate: columns the system does not know
        re.compile(
            r"^(?P<where>.+): ignored (?P<n>\d+) column\(s\) that are not in "
            r"the indicator system '(?P<system>[^']*)': (?P<shown>.+?)"
            r"(?: and (?P<more>\d+) more)?$"
        ),
        "{where}：忽略了 {n} 个不属于指标体系 '{system}' 的列：{shown}{more}",
    ),
    (  # weights.entropy: a constant indicator
        re.compile(
            r"^\w+\(\): constant column\(s\) (?P<columns>.+?)"
            r"(?: and (?P<more>\d+) more)? carry no "
            r"information and get weight 0\.$"
        ),
        "常数列{columns}{more}在各集群间没有差异，不含信息，权重为 0。",
    ),
    (  # scoring.stages: objective weights undefined for a segment
        re.compile(
            r"^evaluate\(\): (?P<segment>.+?) (?:(?P<single>has a single "
            r"cluster)|gives no \w+ weights \((?P<why>.*)\)), so "
            r"(?P<objective>\w+) weights are undefined for it; its clusters "
            r"are scored with the AHP weights, which also stand in for the "
            r"'\w+' weights reported\.$"
        ),
        "{segment}{reason}，{objective}客观权重无定义；其集群改用 AHP "
        "权重评分，报告中的{objective}权重也以 AHP 权重代替。",
    ),
    (  # io.decode: a file that was not UTF-8
        re.compile(
            r"^(?P<where>.+): read as GB18030/GBK \(as Excel saves "
            r"'CSV \(逗号分隔\)' on Chinese Windows\), not UTF-8: "
            r"(?P<detail>.*)$"
        ),
        "{where}：按 GB18030/GBK 编码读取（中文 Windows 上的 Excel 以此保存"
        "「CSV (逗号分隔)」），不是 UTF-8：{detail}",
    ),
    (
        re.compile(r"^(?P<where>.+): read as UTF-16 \(its BOM\)$"),
        "{where}：按 UTF-16 编码读取（依据其字节顺序标记）",
    ),
    (  # plot: no CJK font
        re.compile(r"^clusterscore\.plot: no font with Chinese glyphs"),
        "clusterscore.plot：matplotlib 找不到含中文字形的字体，PNG 或 PDF "
        "中的中文标签将显示为空方框。请安装一种（Debian/Ubuntu：apt-get "
        "install fonts-noto-cjk，然后删除 matplotlib 的字体缓存 "
        "~/.cache/matplotlib），或保存为 SVG（文字由浏览器渲染）。",
    ),
    (  # cli.gaps: obstacle degrees could not be computed
        re.compile(
            r"^gaps: no obstacle degrees for this table: (?P<detail>.*)$"
        ),
        "gaps：无法为此表计算障碍度（差距诊断不受影响）：{detail}",
    ),
)
"""The warnings the CLI prints: English pattern -> zh template."""

SEGMENT_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "table": "整张表",
        "type": "集群类型「{name}」",
        "year": "{year} 年",
        "year_type": "{year} 年的集群类型「{name}」",
        "single": "只有一个集群",
        "why": "得不出客观权重（{detail}）",
        "entropy": "熵权法",
        "critic": "CRITIC 法",
        "std": "标准差法",
        "list_sep": "、",
        "more": "，另有 {n} 列",
        "warning": "警告",
    }
)
"""The pieces `zh_warning` fills the templates with."""


def message(entry: str, /, **fields: Any) -> str:
    """Return the template `entry` of `MESSAGES` filled with `fields`."""
    return MESSAGES[entry].format(**fields)
