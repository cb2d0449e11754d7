"""The ``clusterscore validate`` sub-command: check a table, change nothing.

``clusterscore validate FILE`` reads the table with
`clusterscore.io.read_clusters` and prints one line: the number of
clusters per type, of indicators and of missing values. Every problem of
an invalid table is reported at once (exit status 2); the file is never
modified.
"""

from __future__ import annotations

import argparse

from clusterscore._choices import LANGS
from clusterscore.cli._common import (
    add_common,
    add_missing,
    add_sheet,
    load_system_arg,
)

__all__ = ["add_parser", "run"]


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``validate`` on the ``clusterscore`` sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``validate`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "validate",
        help="check a CSV file against the indicator system",
        description="Check a CSV file against the indicator system and "
        "list every problem at once.",
    )
    p.add_argument("file", metavar="FILE.csv")
    add_common(p, table=False)
    add_sheet(p)
    p.add_argument(
        "--allow-missing",
        action="store_true",
        help="accept empty cells (the same as --missing median)",
    )
    add_missing(p)
    p.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="language of the summary line (default: en)",
    )
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore validate`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    from clusterscore.io import read_clusters
    from clusterscore.present import label, write_output

    system = load_system_arg(args)
    holes_ok = args.allow_missing or args.missing != "refuse"
    table = read_clusters(
        args.file, system, sheet=args.sheet, allow_missing=holes_ok
    )
    counts = table["type"].value_counts()
    names = {t.id: t.name_zh for t in system.types}
    by_type = label("list_sep", args.lang).join(
        f"{counts[t]} {names[t] if args.lang == 'zh' else t}"
        for t in system.cluster_types
        if t in counts
    )
    holes = int(table[list(system.indicator_ids)].isna().sum().sum())
    extra = label("holes", args.lang).format(n=holes) if holes else ""
    line = label("valid", args.lang).format(
        file=args.file,
        n=len(table),
        by_type=by_type,
        k=len(system.indicators),
        holes=extra,
    )
    write_output(line + "\n", None)
    return 0
