"""The ``clusterscore validate`` sub-command: check a table, change nothing.

``clusterscore validate FILE`` reads the table with
`clusterscore.io.read_clusters` and prints one line: the number of
clusters per type, of indicators and of missing values. Every problem of
an invalid table is reported at once (exit status 2); the file is never
modified.
"""

from __future__ import annotations

import argparse

from clusterscore.cli._common import add_common, add_sheet, load_system_arg
from clusterscore.io import read_clusters
from clusterscore.present import write_output

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> argparse.ArgumentParser:
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
        help="accept empty cells (for --missing median|drop_indicator)",
    )
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore validate`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    system = load_system_arg(args)
    table = read_clusters(
        args.file,
        system,
        sheet=args.sheet,
        allow_missing=args.allow_missing,
    )
    counts = table["type"].value_counts()
    by_type = ", ".join(
        f"{counts[t]} {t}" for t in system.cluster_types if t in counts
    )
    holes = int(table[list(system.indicator_ids)].isna().sum().sum())
    extra = f"; {holes} missing value(s)" if holes else ""
    write_output(
        f"{args.file}: valid: {len(table)} clusters ({by_type}), "
        f"{len(system.indicators)} indicators{extra}\n",
        None,
    )
    return 0
