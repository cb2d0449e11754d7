"""What every sub-command shares: the common options, messages, warnings.

Nothing here knows a sub-command; the sub-command modules import it.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from clusterscore.errors import (
    ClusterScoreError,
    ClusterScoreWarning,
    ParameterError,
)
from clusterscore.present import FORMATS, LANGS, write_output
from clusterscore.scoring import MISSING_POLICIES
from clusterscore.system import IndicatorSystem, load_system

__all__ = [
    "EXIT_USAGE",
    "FLAGS",
    "PROG",
    "add_common",
    "add_missing",
    "add_sheet",
    "cli_message",
    "emit",
    "float_option",
    "int_option",
    "load_system_arg",
    "note",
    "print_warnings",
]

PROG = "clusterscore"
EXIT_USAGE = 2


def add_common(parser: argparse.ArgumentParser, *, table: bool) -> None:
    """Add ``--system`` and, for table commands, format/output/lang."""
    parser.add_argument(
        "--system",
        metavar="FILE.toml",
        help="indicator system file (default: the bundled "
        "advanced-manufacturing system)",
    )
    if table:
        parser.add_argument(
            "--format",
            choices=FORMATS,
            default="table",
            help="output format (default: %(default)s)",
        )
        parser.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="write the output to FILE (UTF-8) instead of stdout; a "
            "FILE ending in .xlsx gets an Excel workbook (one sheet per "
            "table)",
        )
        parser.add_argument(
            "--lang",
            choices=LANGS,
            default="en",
            help="labels in English ids or Chinese names (default: en)",
        )


def add_sheet(parser: argparse.ArgumentParser) -> None:
    """Add ``--sheet NAME``: the sheet of an Excel workbook to read."""
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        default=None,
        help="the sheet to read when FILE is an Excel workbook (default: "
        "the one sheet that looks like an input table)",
    )


def load_system_arg(args: argparse.Namespace) -> IndicatorSystem:
    """Load the system named by ``--system`` (the default when absent)."""
    return load_system(args.system)


def note(text: str) -> None:
    """Print an informational line on standard error."""
    sys.stderr.write(f"{PROG}: {text}\n")


def print_warnings(caught: Iterable[warnings.WarningMessage]) -> None:
    """Print each distinct `ClusterScoreWarning` once on standard error.

    Other warnings (library internals' deprecations) are not for users
    and are left out.
    """
    seen = set()
    for w in caught:
        if not issubclass(w.category, ClusterScoreWarning):
            continue
        text = str(w.message)
        if text in seen:
            continue
        seen.add(text)
        sys.stderr.write(f"{PROG}: warning: {text}\n")


def add_missing(parser: argparse.ArgumentParser) -> None:
    """Add the ``--missing`` option every table command shares."""
    parser.add_argument(
        "--missing",
        choices=MISSING_POLICIES,
        default="refuse",
        help="missing values: refuse, fill with the type's median, or "
        "drop the indicator (default: refuse)",
    )


def int_option(minimum: int) -> Callable[[str], int]:
    """Return an argparse type: an integer >= `minimum`.

    Argparse names the flag in its message (``argument --top: ...``) and
    exits with status 2.
    """

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"must be a whole number >= {minimum}; got {text!r}"
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"must be a whole number >= {minimum}; got {text!r}"
            )
        return value

    return parse


def float_option(
    low: float, high: float, *, open_low: bool = False
) -> Callable[[str], float]:
    """Return an argparse type: a number in [low, high] ((low, high])."""
    span = f"{'(' if open_low else '['}{low:g}, {high:g}]"

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        ok = (low < value if open_low else low <= value) and value <= high
        if not ok:
            raise argparse.ArgumentTypeError(
                f"must be a number in {span}; got {text!r}"
            )
        return value

    return parse


#: Library parameter -> the CLI flag that sets it. ``"func:param"`` keys
#: win over plain ``"param"`` keys for messages of that function.
FLAGS = {
    "normalization": "--normalization",
    "weighting": "--weighting",
    "objective": "--objective",
    "method": "--method",
    "combine": "--combine",
    "alpha": "--alpha",
    "by_type": "--by-type",
    "missing": "--missing",
    "benchmark": "--benchmark",
    "quantile": "--quantile",
    "cluster": "--cluster",
    "judgment_steps": "--steps",
    "alpha_range": "--alpha-range",
    "methods": "--methods",
    "normalizations": "--normalizations",
    "weightings": "--weightings",
    "top_k": "--top-k",
    "max_cr": "--max-cr",
    "cr_rule": "--cr-rule",
    "ri": "--ri",
    "n_boot": "--bootstrap",
    "type": "--type",
    "uncertainty:n": "--samples",
    "sensitivity:n": "--saltelli",
    "diagnose:k": "--top",
}

_PARAMS = sorted({k.split(":")[-1] for k in FLAGS}, key=len, reverse=True)
_ALLOW_MISSING = re.compile(r"\ballow_missing=True\b")


def _flag(func: str, param: str) -> str | None:
    return FLAGS.get(f"{func}:{param}", FLAGS.get(param))


def cli_message(
    exc: ClusterScoreError,
    lang: str = "en",
    system: IndicatorSystem | None = None,
) -> str:
    """Return the message of `exc` in the words of the command line.

    The library says ``evaluate(): 'normalization' must be ...`` and
    ``allow_missing=True``, which a library caller reads; at the command
    line the same message names the flag (``--normalization must be
    ...``, ``--missing median``). A `ParameterError` is rewritten from
    its ``.parameter``; other keyword mentions from `FLAGS`.

    With ``lang="zh"`` the message is in Chinese, built from the facts
    the error carries (`clusterscore.present.zh_errors.zh_error`; the
    English message above is the detail where a fact is only in the
    text); `system` gives the Chinese names, bounds and units of a
    table's problems.
    """
    text = str(exc).rstrip()
    match = re.match(r"(\w+)\(\): ", text)
    func = match[1] if match else ""
    if isinstance(exc, ParameterError) and exc.parameter and match:
        if _flag(func, exc.parameter) is not None:
            text = text[match.end() :]
        allowed = exc.allowed
        values = (
            {str(a) for a in allowed}
            if isinstance(allowed, tuple | list | set | frozenset)
            else set()
        )
        for param in _PARAMS:
            flag = _flag(func, param)
            if flag is None:
                continue
            if param not in values:  # 'quantile' may be a value, not a flag
                text = re.sub(rf"'{param}'", flag, text)
            text = re.sub(rf"\b{param}='([^']*)'", rf"{flag} \1", text)
            text = re.sub(rf"\b{param}=(\w+)", rf"{flag} \1", text)
    text = _ALLOW_MISSING.sub("--missing median (or drop_indicator)", text)
    if lang != "zh":
        return text
    from clusterscore.present.zh_errors import zh_error

    return zh_error(
        exc, text, system=system, flag=lambda param: _flag(func, param)
    )


def emit(
    text: str,
    args: argparse.Namespace,
    *,
    tables: Mapping[str, pd.DataFrame] | None = None,
    labels: Mapping[str, str] | None = None,
) -> None:
    """Write a command's output to ``-o FILE`` or standard output.

    `tables` (sheet name -> frame) is what an ``-o FILE.xlsx`` workbook
    holds instead of `text` (see `clusterscore.present.write_output`).

    A CSV written to a file starts with a UTF-8 byte-order mark, which
    Excel needs to read UTF-8 (without it Excel on Chinese Windows
    decodes the file as GBK and garbles every Chinese label);
    clusterscore's own reader accepts it. Standard output never gets
    one, so pipes stay clean.
    """
    path = getattr(args, "output", None)
    to_file = path is not None and path != "-"
    if to_file and getattr(args, "format", "csv") == "csv":
        text = "\ufeff" + text
    write_output(text, path, tables=tables, labels=labels)
