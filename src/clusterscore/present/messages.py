"""Error messages in Chinese, built from the facts an error carries.

The library's errors speak English to library callers (their messages
are the library's, untouched). The command line, with ``--lang zh``,
shows the same error in Chinese: `zh_error` builds it from the
structured facts of the exception, never by translating its English
text:

`DataError` with ``failure_cases``
    One line per problem from `CHECKS` (one template per check code the
    validator can emit, `clusterscore.io`), naming the row, the cluster
    (and the year on a panel), the column by its Chinese name, the value
    and, from the indicator system, the bound and the unit (`unit_zh`).
`DataError` without them, `ConfigError`, `JudgmentError`, `ParameterError`
    Chinese framing naming the file and key (``.path``, ``.key``), the
    matrix, its CR and the judgments to revisit (``.matrix_name``,
    ``.cr``, ``.threshold``, ``.suggestions``), the flag, the value and
    what is allowed (``.parameter``, ``.value``, ``.allowed``).

Where a fact exists only inside the English text (a file error without
attributes, the rows of a repeated cluster name, the similar headers of a
missing column), a pattern of `DATA_PATTERNS` or of the line parsers
below reads it; when the English does not match, the Chinese framing is
followed by the English detail (`fallback`) rather than a guess. Every
Chinese string of the errors is in this module; the column words
(集群, 类型, 年份) and the list separator come from
`clusterscore.present.labels`, the one vocabulary of the tables.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

from clusterscore.errors import (
    ClusterScoreError,
    ConfigError,
    DataError,
    JudgmentError,
    ParameterError,
)
from clusterscore.io.problems import MAX_MESSAGE_LINES
from clusterscore.present.labels import label
from clusterscore.system import IndicatorSystem

__all__ = [
    "CHECKS",
    "DATA_PATTERNS",
    "MESSAGES",
    "YEAR_CHECKS",
    "zh_error",
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

_HINTS = MappingProxyType(
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

_CONFIG_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^no such indicator file\.$"), "找不到指标体系文件 {path}"),
    (
        re.compile(r"^is a directory, not an indicator file\.$"),
        "{path} 是一个目录，不是指标体系文件",
    ),
)

_HEAD = re.compile(r"^(?P<where>.*): (?P<n>\d+) problems? in the input table:")
_WHERE = re.compile(r"^(?P<path>.+?): ")

Flag = Callable[[str], "str | None"]


def _t(entry: str, /, **fields: Any) -> str:
    return MESSAGES[entry].format(**fields)


def _quote(value: Any) -> str:
    """Show a cell value: text in double quotes, numbers as numbers."""
    if isinstance(value, bool):
        return f'"{value}"'
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{float(value):g}"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return f'"{value}"'
    if isinstance(value, str):
        return f'"{value}"'
    return f"{number:g}"


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(value))
    except TypeError:
        return False


def _sep() -> str:
    return label("list_sep", "zh")


# --------------------------------------------------------------------------
# one line of a DataError
# --------------------------------------------------------------------------
class _Line:
    """The facts of one row of ``failure_cases`` and how to word them."""

    def __init__(
        self,
        case: Mapping[str, Any],
        system: IndicatorSystem | None,
        flag: Flag,
    ) -> None:
        self.row = None if _missing(case.get("row")) else case["row"]
        cluster = case.get("cluster")
        self.cluster = None if _missing(cluster) else str(cluster)
        column = case.get("column")
        self.column = None if _missing(column) else str(column)
        self.value = case.get("value")
        self.check = str(case.get("check"))
        self.english = str(case.get("message", ""))
        self.system = system
        self.flag = flag

    # --- the names --------------------------------------------------------
    def year(self) -> str | None:
        """Return the year of a panel row, as the English line names it."""
        if self.cluster is None:
            return None
        m = re.search(
            rf"cluster {re.escape(repr(self.cluster))}, year (\d+)",
            self.english,
        )
        return m[1] if m else None

    def who(self) -> str:
        row = _fmt_row(self.row)
        if self.cluster is None or self.check == "non_empty":
            return _t("row", row=row)
        year = self.year()
        if year is not None:
            return _t(
                "row_cluster_year", row=row, cluster=self.cluster, year=year
            )
        return _t("row_cluster", row=row, cluster=self.cluster)

    def column_name(self, column: str | None = None) -> str:
        column = self.column if column is None else column
        if column is None:
            return ""
        if column in ("cluster", "type", "year", "region", "province"):
            return _t("column", name=label(column, "zh"))
        ind = self.indicator(column)
        if ind is None:
            return _t("column", name=column)
        return _t("indicator_column", name=ind.name_zh or ind.name, id=ind.id)

    def indicator(self, column: str | None = None) -> Any:
        column = self.column if column is None else column
        if self.system is None or column not in self.system.indicator_ids:
            return None
        return self.system.indicator(column)

    def unit(self) -> str:
        ind = self.indicator()
        if ind is None:
            return ""
        unit = ind.unit_zh or ind.unit
        return _t("unit", unit=unit) if unit else ""

    # --- the line ---------------------------------------------------------
    def text(self) -> str:
        """Return the Chinese line (`fallback` where facts are missing)."""
        check = self.check
        if self.row is None or check in {"unique", "type_change"}:
            return self.table_level()
        if self.column == "year":
            problem = YEAR_CHECKS.get(check)
            if problem is None:
                return self.fallback()
            problem = problem.format(value=_quote(self.value))
        elif self.column == "type" and check == "cluster_type":
            problem = self.type_problem()
        elif check in ("numeric",):
            problem = CHECKS[check].format(
                value=_quote(self.value), hint=self.hint(), unit=self.unit()
            )
        elif check in ("min", "max", "min_exclusive"):
            ind = self.indicator()
            if ind is None:
                return self.fallback()
            bound = ind.upper if check == "max" else ind.lower
            problem = CHECKS[check].format(
                value=_quote(self.value), bound=f"{bound:g}", unit=self.unit()
            )
        elif check == "not_nullable":
            problem = CHECKS[check].format(
                missing=self.flag("missing") or "missing="
            )
        elif check in ("finite", "integer", "non_empty"):
            problem = CHECKS[check].format(
                value=_quote(self.value), unit=self.unit()
            )
        else:
            return self.fallback()
        return _t(
            "in_column",
            who=self.who(),
            column=self.column_name(),
            problem=problem,
        )

    def hint(self) -> str:
        text = str(self.value)
        if "," in text:
            return _HINTS["comma"]
        if text.rstrip().endswith(("%", "％")):
            return _HINTS["percent"]
        return ""

    def type_problem(self) -> str:
        if self.system is None:
            return self.english
        types = _sep().join(
            f"'{t.id}'（{t.name_zh}）" if t.name_zh else f"'{t.id}'"
            for t in self.system.types
        )
        if _missing(self.value) or not str(self.value).strip():
            return _t("type_missing", types=types)
        return CHECKS["cluster_type"].format(
            value=_quote(self.value), system=self.system.id, types=types
        )

    def table_level(self) -> str:
        check = self.check
        if check == "no_rows":
            return CHECKS["no_rows"]
        if check in ("missing_column", "column_in_dataframe"):
            m = re.search(
                r"; similar header\(s\) in the table: (.*)$", self.english
            )
            similar = _t("similar", names=m[1]) if m else ""
            return CHECKS[check].format(
                column=self.column_name(), similar=similar
            )
        if check == "duplicate_column":
            second = repr(str(self.value))
            m = re.match(
                rf"^columns (.+) and {re.escape(second)} both give",
                self.english,
            )
            if m is None:
                return self.fallback()
            return CHECKS[check].format(
                first=_unquote(m[1]),
                second=str(self.value),
                column=self.column_name(),
            )
        if check == "unit_mismatch":
            m = re.search(
                r"gives unit (.+?), but .* is measured in (.+?); "
                r"convert",
                self.english,
            )
            if m is None:
                return self.fallback()
            return CHECKS[check].format(
                header=str(self.value),
                unit=m[1],
                column=self.column_name(),
                expected=m[2],
            )
        if check == "unique":
            return self.unique()
        if check == "type_change":
            return self.type_change()
        return self.fallback()

    def unique(self) -> str:
        name = re.escape(repr(self.cluster))
        panel = re.search(
            rf"cluster {name}, year (\d+) \((?:line|row)s ([^)]*)\): the pair "
            r"is used (\d+) times",
            self.english,
        )
        if panel:
            return YEAR_CHECKS["unique"].format(
                cluster=self.cluster,
                year=panel[1],
                rows=self.rows(panel[2]),
                n=panel[3],
            )
        plain = re.search(
            rf"cluster {name} \((?:line|row)s ([^)]*)\), column 'cluster': "
            r"the name is used (\d+) times",
            self.english,
        )
        if plain is None:
            return self.fallback()
        return CHECKS["unique"].format(
            cluster=self.cluster, rows=self.rows(plain[1]), n=plain[2]
        )

    def rows(self, labels: str) -> str:
        return _t("rows", rows=MESSAGES["rows_sep"].join(labels.split(", ")))

    def type_change(self) -> str:
        m = re.search(
            r"the type changes between years \((.*)\); a cluster", self.english
        )
        if m is None:
            return self.fallback()
        names = (
            {t.id: t.name_zh for t in self.system.types} if self.system else {}
        )
        parts = []
        for item in m[1].split("; "):
            t = re.fullmatch(r"'([^']*)' in ([\d, ]+)", item)
            if t is None:
                return self.fallback()
            years = _sep().join(t[2].split(", "))
            parts.append(
                _t("type_years", type=names.get(t[1]) or t[1], years=years)
            )
        return CHECKS["type_change"].format(
            cluster=self.cluster,
            type_word=label("type", "zh"),
            said=MESSAGES["item_sep"].join(parts),
        )

    def fallback(self) -> str:
        """Return the Chinese naming of the cell, then the English line."""
        if self.row is None:
            return self.english
        if self.column is None:
            return _t("fallback_row", who=self.who(), detail=self.english)
        return _t(
            "in_column",
            who=self.who(),
            column=self.column_name(),
            problem=self.english,
        )


def _unquote(text: str) -> str:
    """Return the text of a Python string literal (as the English shows)."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def _fmt_row(row: Any) -> str:
    if isinstance(row, float) and row.is_integer():
        return str(int(row))
    return str(row)


def _data_lines(
    exc: DataError, system: IndicatorSystem | None, flag: Flag
) -> list[str]:
    cases = exc.failure_cases
    records: Sequence[Mapping[str, Any]] = cases.to_dict(orient="records")
    lines = []
    for case in records:
        line = _Line(case, system, flag).text()
        cell = case.get("cell")
        if isinstance(cell, str) and cell:
            line = _t("cell", cell=cell, line=line)
        lines.append(line)
    return lines


def _data_error(
    exc: DataError, english: str, system: IndicatorSystem | None, flag: Flag
) -> str:
    cases = exc.failure_cases
    if cases is None or "check" not in getattr(cases, "columns", ()):
        for pattern, template in DATA_PATTERNS:
            m = pattern.match(english)
            if m:
                return template.format(**m.groupdict())
        return _t("data", detail=english)
    lines = _data_lines(exc, system, flag)
    n = len(lines)
    m = _HEAD.match(english)
    head = (
        _t("data_head", where=m["where"], n=n)
        if m
        else _t("data_head_plain", n=n)
    )
    shown = lines[:MAX_MESSAGE_LINES]
    if n > MAX_MESSAGE_LINES:
        shown.append(_t("data_more", n=n - MAX_MESSAGE_LINES))
    return "\n  ".join([head, *shown])


# --------------------------------------------------------------------------
# the other errors
# --------------------------------------------------------------------------
def _config_error(exc: ConfigError, english: str) -> str:
    if not exc.path:
        return _t("config_plain", detail=english)
    detail = english.removeprefix(f"{exc.path}: ")
    if exc.key:
        detail = detail.removeprefix(f"{exc.key}: ")
        return _t("config", path=exc.path, key=exc.key, detail=detail)
    for pattern, template in _CONFIG_PATTERNS:
        if pattern.match(detail):
            return template.format(path=exc.path)
    return _t("config_file", path=exc.path, detail=detail)


def _judgment_value(x: float) -> str:
    """Write a judgment as ``3`` or ``1/3`` (else to 3 digits)."""
    if x >= 1:
        return f"{x:.3g}"
    inv = 1.0 / x
    return f"1/{inv:.3g}" if abs(inv - round(inv)) < 1e-9 else f"{x:.3g}"


def _judgment_error(exc: JudgmentError, english: str) -> str:
    name = exc.matrix_name
    if exc.cr is not None and exc.threshold is not None and name:
        text = _t(
            "judgment_cr", matrix=name, cr=exc.cr, threshold=exc.threshold
        )
        pairs = [
            _t(
                "judgment_pair",
                row=s.row,
                column=s.column,
                value=_judgment_value(s.value),
                suggested=s.suggested,
                saaty=_judgment_value(s.suggested_saaty),
            )
            for s in exc.suggestions
            if hasattr(s, "suggested_saaty")
        ]
        if pairs:
            sep = MESSAGES["item_sep"]
            text += _t("judgment_revisit", pairs=sep.join(pairs))
        return text
    detail = re.sub(r"^\w+\(\): ", "", english)
    if name:
        return _t("judgment", matrix=name, detail=detail)
    return _t("judgment_plain", detail=detail)


_MAX_CHOICES = 8
"""Choices a message lists (the rest are counted)."""


def _choices(allowed: Sequence[Any]) -> str:
    shown = _sep().join(repr(a) for a in allowed[:_MAX_CHOICES])
    if len(allowed) <= _MAX_CHOICES:
        return shown
    return _t("more_choices", shown=shown, n=len(allowed))


def _cluster_error(flag: str, value: str, english: str) -> str:
    close = re.search(r"\(close names: (.*)\)\.?$", english)
    if close:
        names = _sep().join(close[1].split(", "))
        return _t("param_cluster_close", flag=flag, value=value, names=names)
    count = re.search(r"\(the table has (\d+) clusters\)\.?$", english)
    if count:
        return _t("param_cluster_count", flag=flag, value=value, n=count[1])
    return _t("param_cluster", flag=flag, value=value, detail=english)


def _param_error(exc: ParameterError, english: str, flag: Flag) -> str:
    param = exc.parameter
    if not param:
        return _t("param_plain", detail=english)
    shown = flag(param) or f"'{param}'"
    allowed = exc.allowed
    value = repr(exc.value)
    if exc.value is not None:
        if param == "cluster":
            return _cluster_error(shown, value, english)
        if isinstance(allowed, str):
            return _t("param_range", flag=shown, value=value, allowed=allowed)
        if isinstance(allowed, tuple | list | frozenset | set) and allowed:
            choices = _choices(list(allowed))
            return _t("param_choice", flag=shown, value=value, allowed=choices)
    return _t("param", flag=shown, detail=english)


def zh_error(
    exc: ClusterScoreError,
    english: str,
    *,
    system: IndicatorSystem | None = None,
    flag: Flag | None = None,
) -> str:
    """Return the message of `exc` in Chinese, from its structured facts.

    Parameters
    ----------
    exc : ClusterScoreError
        The error.
    english : str
        Its English message as the reader would see it (at the command
        line: with the flags named, `clusterscore.cli._common.cli_message`);
        the detail of the fallbacks.
    system : IndicatorSystem, optional
        The indicator system of the table, for the Chinese names, bounds
        and units of a `DataError`'s problems (ids and no bounds without
        it).
    flag : callable, optional
        ``flag(parameter) -> "--flag"`` (or None): how the reader sets a
        library parameter. Without it parameters are named as they are.

    Returns
    -------
    str
        The message; a `DataError` listing problems has one indented line
        per problem (at most `MAX_MESSAGE_LINES`, as the English one).
    """
    flag_of: Flag = flag if flag is not None else (lambda p: None)
    if isinstance(exc, DataError):
        return _data_error(exc, english, system, flag_of)
    if isinstance(exc, ConfigError):
        cause = exc.__cause__
        if isinstance(cause, JudgmentError) and cause.cr is not None:
            # a matrix of the file, with its facts: worded as a matrix
            text = _judgment_error(cause, str(cause))
            return _t("config_cause", path=exc.path, key=exc.key, detail=text)
        return _config_error(exc, english)
    if isinstance(exc, JudgmentError):
        return _judgment_error(exc, english)
    if isinstance(exc, ParameterError):
        return _param_error(exc, english, flag_of)
    return _t("error", detail=english)
