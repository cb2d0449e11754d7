"""The ``clusterscore`` command: argument parsing only; the library works.

Every sub-command takes ``--system FILE.toml``; table commands take
``--format table|csv|json|markdown`` and ``-o FILE``. A `ClusterScoreError`
becomes one ``clusterscore: error: ...`` block on standard error and exit
status 2, with no traceback; warnings become ``clusterscore: warning: ...``
lines on standard error.

Each sub-command is a module of this package (`rank`, `weights`, `gaps`,
`obstacles`, `coupling`, `compare`, `sensitivity`, `validate`,
`template`) with
``add_parser(subparsers)`` and ``run(args)``; what they share is in
``_common``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from clusterscore._version import __version__
from clusterscore.cli import (
    compare,
    coupling,
    gaps,
    obstacles,
    rank,
    report,
    sensitivity,
    template,
    validate,
    weights,
)
from clusterscore.cli._common import (
    EXIT_USAGE,
    PROG,
    add_common,
    cli_message,
    load_system_arg,
    note,
    print_warnings,
)
from clusterscore.errors import ClusterScoreError

__all__ = [
    "COMMANDS",
    "EXIT_USAGE",
    "PROG",
    "add_common",
    "build_parser",
    "load_system_arg",
    "main",
    "note",
]

#: The sub-commands, in the order ``--help`` lists them.
COMMANDS = (
    rank,
    weights,
    gaps,
    obstacles,
    coupling,
    compare,
    sensitivity,
    validate,
    template,
    report,
)


def build_parser() -> argparse.ArgumentParser:
    """Return the ``clusterscore`` argument parser."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Score, rank and diagnose advanced manufacturing "
        "clusters (AHP + entropy weights).",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def _error_block(
    exc: ClusterScoreError, args: argparse.Namespace, lang: str
) -> str:
    """Return the ``clusterscore: error: ...`` block of `exc` in `lang`.

    In Chinese (``--lang zh``) the word is 错误 and a table's problems
    are worded with the names, bounds and units of the ``--system`` (read
    again here; without it, when it is the file at fault, with ids).
    """
    if lang != "zh":
        return f"{PROG}: error: {cli_message(exc)}\n"
    from clusterscore.errors import DataError
    from clusterscore.present.labels import label

    system = None
    if isinstance(exc, DataError) and exc.failure_cases is not None:
        try:
            system = load_system_arg(args)
        except ClusterScoreError:
            system = None
    try:
        message = cli_message(exc, lang, system)
    except Exception:  # a wording bug must not hide the error itself
        return f"{PROG}: error: {cli_message(exc)}\n"
    return f"{PROG}: {label('error', lang)}{label('colon', lang)}{message}\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            status: int = args.run(args)
        except ClusterScoreError as exc:
            print_warnings(caught)
            lang = getattr(args, "lang", "en")
            sys.stderr.write(_error_block(exc, args, lang))
            return EXIT_USAGE
        except BrokenPipeError:  # e.g. `clusterscore rank f.csv | head`
            return 0
    print_warnings(caught)
    return status
