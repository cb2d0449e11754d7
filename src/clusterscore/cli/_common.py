"""What every sub-command shares: the common options, messages, warnings.

Nothing here knows a sub-command; the sub-command modules import it.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Iterable

from clusterscore.errors import ClusterScoreWarning
from clusterscore.present import FORMATS, LANGS
from clusterscore.system import IndicatorSystem, load_system

__all__ = [
    "EXIT_USAGE",
    "PROG",
    "add_common",
    "add_sheet",
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
