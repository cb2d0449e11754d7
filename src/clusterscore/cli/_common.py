"""What every sub-command shares: the common options, messages, warnings.

Nothing here knows a sub-command; the sub-command modules import it.
Building the parser must stay light (``clusterscore --help`` imports no
numpy or pandas): option choices come from `clusterscore._choices`, and
the library is imported inside the functions that run a command.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from clusterscore._choices import FORMATS, LANGS, MAX_CR, MISSING_POLICIES
from clusterscore.errors import (
    ClusterScoreError,
    ClusterScoreWarning,
    ConfigError,
    ParameterError,
)

if TYPE_CHECKING:
    import pandas as pd

    from clusterscore.system import IndicatorSystem

__all__ = [
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "FLAGS",
    "PROG",
    "add_common",
    "add_max_cr",
    "add_method_options",
    "add_missing",
    "add_sheet",
    "check_paths",
    "cli_message",
    "closed_stdout",
    "cluster_name",
    "cr_option",
    "echo",
    "emit",
    "float_option",
    "flush_stdout",
    "int_option",
    "load_system_arg",
    "note",
    "output_failed",
    "print_warnings",
    "select_year",
    "silence_stdout",
]

PROG = "clusterscore"
EXIT_USAGE = 2
EXIT_OUTPUT = 1
"""Exit status when the output cannot be written (a full disk, a closed
standard output)."""


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


def add_method_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--gra-rho`` and ``--vikor-v``: the aggregations' own options.

    None (not given) keeps the library's default, 0.5 for each (Deng
    1982; Opricovic & Tzeng 2004); the library refuses either for a
    method that does not use it, by the flag (`FLAGS`).
    """
    parser.add_argument(
        "--gra-rho",
        type=float_option(0.0, 1.0, open_low=True),
        default=None,
        metavar="RHO",
        help="GRA's distinguishing coefficient in (0, 1], for --method gra "
        "(default: 0.5)",
    )
    parser.add_argument(
        "--vikor-v",
        type=float_option(0.0, 1.0),
        default=None,
        metavar="V",
        help="VIKOR's weight of group utility against individual regret "
        "in [0, 1], for --method vikor (default: 0.5)",
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
    """Load the system named by ``--system`` (the default when absent).

    A ``--system`` that exists but is neither a regular file nor a
    directory (a FIFO, ``/dev/null``) is refused as such here; the reader
    would call it a directory.
    """
    from clusterscore.system import load_system

    path = args.system
    special = path is not None and os.path.exists(path)
    if special and not (os.path.isfile(path) or os.path.isdir(path)):
        raise ConfigError(
            f"{path}: not a regular file (a device, FIFO or socket); "
            "--system needs an indicator file (.toml).",
            path=path,
            key=None,
        )
    return load_system(path)


def cluster_name(text: str) -> str:
    """Return a cluster name given as an option, as the table reader reads it.

    The reader strips every text cell (`clusterscore.io.cells.text_column`);
    the same rule applied to ``--cluster " Changsha ..."`` finds the
    cluster the table names ``"Changsha ..."``.
    """
    import pandas as pd

    from clusterscore.io.cells import text_column

    return str(text_column(pd.Series([text], dtype=object)).iloc[0])


def check_paths(args: argparse.Namespace) -> None:
    """Refuse an output file that is an input file (the same file).

    ``-o FILE`` may not name the input table (``FILE``) or the indicator
    file (``--system``), under any spelling or link: the input would be
    lost. Raises `ParameterError` before anything is read.
    """
    out = getattr(args, "output", None)
    if out is None or out == "-" or not os.path.exists(out):
        return
    command = getattr(args, "command", None) or PROG
    for attr, what in (
        ("file", "the input table"),
        ("system", "the --system file"),
    ):
        given = getattr(args, attr, None)
        if not isinstance(given, str) or not os.path.exists(given):
            continue
        if os.path.samefile(out, given):
            raise ParameterError(
                f"{command}: -o {out} is {what} {given}; an input file is "
                "never overwritten. Write the output to another file.",
                parameter="output",
                value=out,
            )


def note(text: str) -> None:
    """Print an informational line on standard error."""
    sys.stderr.write(f"{PROG}: {text}\n")


def print_warnings(
    caught: Iterable[warnings.WarningMessage],
    args: argparse.Namespace | None = None,
) -> None:
    """Print each distinct `ClusterScoreWarning` once on standard error.

    Other warnings (library internals' deprecations) are not for users
    and are left out. With ``--lang zh`` (in `args`) the warnings are
    worded in Chinese (`clusterscore.present.zh_warnings`), with the
    Chinese names of the ``--system``'s indicators and types.
    """
    texts: list[str] = []
    for w in caught:
        if not issubclass(w.category, ClusterScoreWarning):
            continue
        text = str(w.message)
        if text not in texts:
            texts.append(text)
    if not texts:
        return
    if getattr(args, "lang", "en") == "zh" and args is not None:
        try:
            lines = _zh_warnings(texts, args)
        except Exception:  # a wording bug must not hide the warnings
            lines = None
        if lines is not None:
            sys.stderr.writelines(lines)
            return
    sys.stderr.writelines(f"{PROG}: warning: {text}\n" for text in texts)


def _zh_warnings(texts: list[str], args: argparse.Namespace) -> list[str]:
    """Return the ``clusterscore: 警告：...`` lines of `texts`."""
    from clusterscore.present.messages import SEGMENT_WORDS
    from clusterscore.present.zh_warnings import zh_warning

    try:
        system: IndicatorSystem | None = load_system_arg(args)
    except ClusterScoreError:
        system = None
    word = SEGMENT_WORDS["warning"]
    return [f"{PROG}: {word}：{zh_warning(t, system)}\n" for t in texts]


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
                f"must be a whole number >= {minimum}; got {echo(text)}"
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"must be a whole number >= {minimum}; got {echo(text)}"
            )
        return value

    return parse


def echo(text: str) -> str:
    """Echo an option's text in a message, cut when long (`short_repr`)."""
    from clusterscore._checks import short_repr  # numpy: only on an error

    return short_repr(text)


def select_year(
    command: str,
    years: Iterable[Any] | None,
    year: int | None,
    *,
    latest: bool = False,
) -> int | None:
    """Check ``--year`` against a table's years; return the year to use.

    The one rule of every command with ``--year``: `years` are the
    table's years (None: not a panel). ``--year`` on a table without
    years, or a year in which the table has no rows, is a bad argument:
    `ParameterError` naming the flag, the year and the table's years.
    Without ``--year``: the latest year if `latest`, else None (every
    year); None for a table without years.
    """
    if years is None:
        if year is None:
            return None
        raise ParameterError(
            f"{command}: --year needs a table with a 'year' column (a panel)",
            parameter="year",
            value=year,
        )
    have = sorted({int(y) for y in years})
    if year is None:
        return have[-1] if latest and have else None
    if year not in have:
        raise ParameterError(
            f"{command}: --year {year}: the table has no rows in that year; "
            f"its years: {', '.join(map(str, have))}",
            parameter="year",
            value=year,
            allowed=tuple(have),
        )
    return year


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
                f"must be a number in {span}; got {echo(text)}"
            )
        return value

    return parse


def cr_option(*, open_low: bool = False) -> Callable[[str], float | None]:
    """Return an argparse type: a CR threshold >= 0 (> 0), or ``none``.

    ``none`` (any case) gives None: the consistency check is off, as the
    library's ``max_cr=None``.
    """
    span = f"{'(' if open_low else '['}0, inf]"
    number = float_option(0.0, float("inf"), open_low=open_low)

    def parse(text: str) -> float | None:
        if text.strip().lower() == "none":
            return None
        try:
            return number(text)
        except argparse.ArgumentTypeError:
            raise argparse.ArgumentTypeError(
                f"must be a number in {span} or 'none' (no check); "
                f"got {echo(text)}"
            ) from None

    return parse


def add_max_cr(
    parser: argparse.ArgumentParser,
    *,
    open_low: bool = False,
    help: str = "refuse a judgment matrix whose consistency ratio exceeds "
    "CR; 'none' switches the check off (default: 0.10)",
) -> None:
    """Add ``--max-cr CR|none``: the consistency-ratio threshold."""
    parser.add_argument(
        "--max-cr",
        type=cr_option(open_low=open_low),
        default=MAX_CR,
        metavar="CR",
        help=help,
    )


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
    "rho": "--gra-rho",
    "v": "--vikor-v",
}

_PARAMS = sorted({k.split(":")[-1] for k in FLAGS}, key=len, reverse=True)
_ALLOW_MISSING = re.compile(r"\ballow_missing=True\b")
_MAX_CR_WAY_OUT = (  # the inconsistent-matrix refusal's way out
    (re.compile(r"\bpass max_cr=None\b"), "give --max-cr none"),
    (re.compile(r"\ba higher max_cr\b"), "a higher --max-cr"),
)


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
    for pattern, words in _MAX_CR_WAY_OUT:
        text = pattern.sub(words, text)
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
    from clusterscore.present import write_output

    path = getattr(args, "output", None)
    to_file = path is not None and path != "-"
    bom = to_file and getattr(args, "format", "csv") == "csv"
    write_output(text, path, tables=tables, labels=labels, bom=bom)


class _ClosedRaw(io.RawIOBase):
    """A raw stream whose first write fails: a closed standard output.

    Later writes (the interpreter's flush at exit) discard their bytes:
    the failure has been reported once.
    """

    failed = False

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        if self.failed:
            return len(b)
        self.failed = True
        raise OSError(errno.EBADF, "standard output is closed")


def closed_stdout() -> io.TextIOWrapper:
    """Return a standard output for a process started with it closed.

    Python sets ``sys.stdout`` to None then (``clusterscore ... >&-``);
    this stream fails on the first write or flush, so the command ends in
    one ``cannot write to standard output`` line, not a traceback.
    """
    return io.TextIOWrapper(io.BufferedWriter(_ClosedRaw()), encoding="utf-8")


def silence_stdout() -> None:
    """Point standard output at the null device (after a failed write).

    The interpreter flushes standard output again when it exits; with the
    unwritable data still buffered that would print a second error (and
    exit with status 120). Nothing happens where standard output is no
    file descriptor (a test's captured output).
    """
    try:
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (AttributeError, OSError, ValueError):
        return
    try:
        os.dup2(null, fd)
    except OSError:
        pass
    finally:
        os.close(null)


def output_failed(exc: OSError) -> int:
    """Say in one line that the output could not be written; return 1."""
    silence_stdout()
    reason = exc.strerror or str(exc) or type(exc).__name__
    where = "standard output" if exc.filename is None else exc.filename
    with contextlib.suppress(OSError):  # standard error may be gone too
        sys.stderr.write(f"{PROG}: error: cannot write to {where}: {reason}\n")
    return EXIT_OUTPUT


def flush_stdout() -> int | None:
    """Flush standard output; on failure say so and return 1, else None."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return None
    except OSError as exc:
        return output_failed(exc)
    return None
