"""The ``clusterscore template`` sub-command: an empty table to fill in.

``clusterscore template [-o FILE]`` writes the header of an input table
with every column of the system (`clusterscore.io.make_template`), with
indicator ids or, with ``--lang zh``, their Chinese names as headers.
``-o FILE.xlsx`` writes the fill-in workbook instead
(`clusterscore.present.write_template`): the header row, a drop-down of
the cluster types, number validation from each indicator's bounds and a
sheet describing every indicator.
"""

from __future__ import annotations

import argparse
import os

from clusterscore._choices import LANGS
from clusterscore.cli._common import add_common, emit, load_system_arg, note
from clusterscore.errors import ParameterError

__all__ = ["add_parser", "run"]


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``template`` on the ``clusterscore`` sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``template`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "template",
        help="write an empty input table to fill in",
        description="Write an empty input table with every column.",
    )
    add_common(p, table=False)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout; FILE.xlsx gets the fill-in "
        "Excel workbook",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="overwrite FILE if it exists (without it an existing FILE is "
        "refused)",
    )
    p.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="indicator headers as ids (en) or Chinese names",
    )
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore template`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    from clusterscore.io import make_template
    from clusterscore.present import write_template

    out = args.output
    if out and out != "-" and os.path.lexists(out) and not args.force:
        raise ParameterError(
            f"template: -o {out}: the file exists (a filled-in table would "
            "be lost); pass --force to overwrite it, or choose another file.",
            parameter="output",
            value=out,
        )
    system = load_system_arg(args)
    template = make_template(system)
    if args.output and args.output.lower().endswith(".xlsx"):
        write_template(system, args.output, lang=args.lang)
        note(
            f"wrote a fill-in workbook with {len(template.columns)} columns "
            f"to {args.output}"
        )
        return 0
    if args.lang == "zh":
        template = template.rename(
            columns={i.id: i.name_zh for i in system.indicators}
        )
    text = template.to_csv(index=False, lineterminator="\n")
    emit(text, args)
    if args.output:
        note(
            f"wrote an empty table with {len(template.columns)} columns "
            f"to {args.output}"
        )
    return 0
