"""Errors in Chinese, built from the facts an error carries.

`zh_error` words a `ClusterScoreError` in Chinese with the templates of
`clusterscore.present.messages` (the one catalogue), never by
translating its English text:

`DataError` with ``failure_cases``
    One line per problem, naming the row, the cluster (and the year on a
    panel), the column by its Chinese name and id, the value and, from
    the indicator system, the bound and the unit (`unit_zh`).
`DataError` without them, `ConfigError`, `JudgmentError`, `ParameterError`
    Chinese framing naming the file and key (``.path``, ``.key``), the
    matrix, its CR and the judgments to revisit (``.matrix_name``,
    ``.cr``, ``.threshold``, ``.suggestions``), the flag, the value and
    what is allowed (``.parameter``, ``.value``, ``.allowed``).

Where a fact exists only inside the English text (a file error without
attributes, the rows of a repeated cluster name, the similar headers of a
missing column, the year of a panel row), a pattern reads it; when the
English does not match, the Chinese framing is followed by the English
detail rather than a guess.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from clusterscore._checks import short_repr
from clusterscore.errors import (
    ClusterScoreError,
    ConfigError,
    DataError,
    JudgmentError,
    ParameterError,
)
from clusterscore.io.problems import MAX_MESSAGE_LINES
from clusterscore.judgments.scales import judgment_text
from clusterscore.present.labels import label
from clusterscore.present.messages import (
    CHECKS,
    CONFIG_PATTERNS,
    DATA_PATTERNS,
    HINTS,
    MESSAGES,
    YEAR_CHECKS,
    message,
)
from clusterscore.system import IndicatorSystem

__all__ = ["zh_error"]

_HEAD = re.compile(r"^(?P<where>.*): (?P<n>\d+) problems? in the input table:")

Flag = Callable[[str], "str | None"]


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
            rf"cluster {_name_pattern(self.cluster)}, year (\d+)",
            self.english,
        )
        return m[1] if m else None

    def who(self) -> str:
        row = _fmt_row(self.row)
        if self.cluster is None or self.check == "non_empty":
            return message("row", row=row)
        year = self.year()
        if year is not None:
            return message(
                "row_cluster_year", row=row, cluster=self.cluster, year=year
            )
        return message("row_cluster", row=row, cluster=self.cluster)

    def column_name(self, column: str | None = None) -> str:
        column = self.column if column is None else column
        if column is None:
            return ""
        if column in ("cluster", "type", "year", "region", "province"):
            return message("column", name=label(column, "zh"))
        ind = self.indicator(column)
        if ind is None:
            return message("column", name=column)
        return message(
            "indicator_column", name=ind.name_zh or ind.name, id=ind.id
        )

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
        return message("unit", unit=unit) if unit else ""

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
        return message(
            "in_column",
            who=self.who(),
            column=self.column_name(),
            problem=problem,
        )

    def hint(self) -> str:
        text = str(self.value)
        if "," in text:
            return HINTS["comma"]
        if text.rstrip().endswith(("%", "％")):
            return HINTS["percent"]
        return ""

    def type_problem(self) -> str:
        if self.system is None:
            return self.english
        types = _sep().join(
            f"'{t.id}'（{t.name_zh}）" if t.name_zh else f"'{t.id}'"
            for t in self.system.types
        )
        if _missing(self.value) or not str(self.value).strip():
            return message("type_missing", types=types)
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
            similar = message("similar", names=m[1]) if m else ""
            return CHECKS[check].format(
                column=self.column_name(), similar=similar
            )
        if check == "duplicate_column":
            second = short_repr(str(self.value))
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
        name = _name_pattern(self.cluster)
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
        return message(
            "rows", rows=MESSAGES["rows_sep"].join(labels.split(", "))
        )

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
                message(
                    "type_years", type=names.get(t[1]) or t[1], years=years
                )
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
            return message("fallback_row", who=self.who(), detail=self.english)
        return message(
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
            line = message("cell", cell=cell, line=line)
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
        return message("data", detail=english)
    lines = _data_lines(exc, system, flag)
    n = len(lines)
    m = _HEAD.match(english)
    head = (
        message("data_head", where=m["where"], n=n)
        if m
        else message("data_head_plain", n=n)
    )
    shown = lines[:MAX_MESSAGE_LINES]
    if n > MAX_MESSAGE_LINES:
        shown.append(message("data_more", n=n - MAX_MESSAGE_LINES))
    return "\n  ".join([head, *shown])


# --------------------------------------------------------------------------
# the other errors
# --------------------------------------------------------------------------
def _config_error(exc: ConfigError, english: str) -> str:
    if not exc.path:
        return message("config_plain", detail=english)
    detail = english.removeprefix(f"{exc.path}: ")
    if exc.key:
        detail = detail.removeprefix(f"{exc.key}: ")
        return message("config", path=exc.path, key=exc.key, detail=detail)
    for pattern, template in CONFIG_PATTERNS:
        if pattern.match(detail):
            return template.format(path=exc.path)
    return message("config_file", path=exc.path, detail=detail)


def _judgment_error(exc: JudgmentError, english: str) -> str:
    name = exc.matrix_name
    if exc.cr is not None and exc.threshold is not None and name:
        text = message(
            "judgment_cr", matrix=name, cr=exc.cr, threshold=exc.threshold
        )
        pairs = [
            message(
                "judgment_pair",
                row=s.row,
                column=s.column,
                value=judgment_text(s.value),
                suggested=s.suggested,
                saaty=judgment_text(s.suggested_saaty),
            )
            for s in exc.suggestions
            if hasattr(s, "suggested_saaty")
        ]
        if pairs:
            sep = MESSAGES["item_sep"]
            text += message("judgment_revisit", pairs=sep.join(pairs))
        return text
    detail = re.sub(r"^\w+\(\): ", "", english)
    if name:
        return message("judgment", matrix=name, detail=detail)
    return message("judgment_plain", detail=detail)


def _name_pattern(name: Any) -> str:
    """Return a regex of a cluster name as an English message echoes it.

    In full (``repr``) or cut (`short_repr`, a name longer than a message
    echoes); the two agree for a name of ordinary length.
    """
    whole, cut = re.escape(repr(name)), re.escape(short_repr(name))
    return whole if whole == cut else f"(?:{whole}|{cut})"


_MAX_CHOICES = 8
"""Choices a message lists (the rest are counted)."""


def _choices(allowed: Sequence[Any]) -> str:
    shown = _sep().join(short_repr(a) for a in allowed[:_MAX_CHOICES])
    if len(allowed) <= _MAX_CHOICES:
        return shown
    return message("more_choices", shown=shown, n=len(allowed))


def _cluster_error(flag: str, value: str, english: str) -> str:
    close = re.search(r"\(close names: (.*)\)\.?$", english)
    if close:
        names = _sep().join(close[1].split(", "))
        return message(
            "param_cluster_close", flag=flag, value=value, names=names
        )
    count = re.search(r"\(the table has (\d+) clusters\)\.?$", english)
    if count:
        return message(
            "param_cluster_count", flag=flag, value=value, n=count[1]
        )
    return message("param_cluster", flag=flag, value=value, detail=english)


def _param_error(exc: ParameterError, english: str, flag: Flag) -> str:
    param = exc.parameter
    if not param:
        return message("param_plain", detail=english)
    shown = flag(param) or f"'{param}'"
    allowed = exc.allowed
    value = short_repr(exc.value)
    if exc.value is not None:
        if param == "cluster":
            return _cluster_error(shown, value, english)
        if isinstance(allowed, str):
            return message(
                "param_range", flag=shown, value=value, allowed=allowed
            )
        if isinstance(allowed, tuple | list | frozenset | set) and allowed:
            choices = _choices(list(allowed))
            return message(
                "param_choice", flag=shown, value=value, allowed=choices
            )
    return message("param", flag=shown, detail=english)


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
            return message(
                "config_cause", path=exc.path, key=exc.key, detail=text
            )
        return _config_error(exc, english)
    if isinstance(exc, JudgmentError):
        return _judgment_error(exc, english)
    if isinstance(exc, ParameterError):
        return _param_error(exc, english, flag_of)
    return message("error", detail=english)
