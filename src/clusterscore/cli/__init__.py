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
from typing import Any

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
    check_paths,
    cli_message,
    closed_stdout,
    flush_stdout,
    load_system_arg,
    note,
    output_failed,
    print_warnings,
    silence_stdout,
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


class _Parser(argparse.ArgumentParser):
    """argparse's parser, except that a failed write of ``--help`` raises.

    argparse ignores an `OSError` while it prints help, usage or the
    version, so ``clusterscore --help > /dev/full`` would exit with
    status 0 having written nothing; `main` reports it instead.
    """

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (sys.stdout if file is None else file).write(message)


class _Version(argparse.Action):
    """``--version``: print ``clusterscore X.Y.Z`` and exit.

    argparse's own version action needs the string when the parser is
    built; the installed version is read (``importlib.metadata``, a tenth
    of a second) only when ``--version`` is given.
    """

    def __init__(self, option_strings: list[str], dest: str) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show program's version number and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from clusterscore._version import __version__

        sys.stdout.write(f"{parser.prog} {__version__}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """Return the ``clusterscore`` argument parser."""
    parser = _Parser(
        prog=PROG,
        description="Score, rank and diagnose advanced manufacturing "
        "clusters (AHP + entropy weights).",
    )
    parser.add_argument("--version", action=_Version)
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
    """Run the command line; return the exit status.

    0 on success, 2 for a usage or input error (a `ClusterScoreError`), 1
    when the output cannot be written (a full disk or a closed standard
    output), each with one line on standard error and no traceback.
    """
    if sys.stdout is None:  # started with standard output closed
        sys.stdout = closed_stdout()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit:  # --help, --version, usage errors: printed already
        failed = flush_stdout()
        if failed is not None:
            return failed
        raise
    except BrokenPipeError:  # `clusterscore --help | head -1`
        silence_stdout()
        return 0
    except OSError as exc:  # `clusterscore --help > /dev/full`
        return output_failed(exc)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            check_paths(args)
            status: int = args.run(args)
            sys.stdout.flush()
        except ClusterScoreError as exc:
            print_warnings(caught, args)
            lang = getattr(args, "lang", "en")
            sys.stderr.write(_error_block(exc, args, lang))
            return EXIT_USAGE
        except BrokenPipeError:  # e.g. `clusterscore rank f.csv | head`
            silence_stdout()
            return 0
        except OSError as exc:  # e.g. `clusterscore weights > /dev/full`
            print_warnings(caught, args)
            return output_failed(exc)
    print_warnings(caught, args)
    return status
