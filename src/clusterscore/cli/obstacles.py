"""The ``clusterscore obstacles`` sub-command: what holds each cluster back.

``clusterscore obstacles FILE`` evaluates the clusters
(`clusterscore.scoring.evaluate`) and prints each cluster's largest
obstacle degrees (障碍度, `clusterscore.analysis.obstacle_degree`): the
share in percent of its weighted shortfall from the best observed cluster
that each indicator accounts for, then the same summed per dimension
(`clusterscore.present.analysis.render_obstacles`). On a panel (a ``year``
column) one year is analysed: the latest, or ``--year Y``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from clusterscore._choices import AGGREGATIONS, WEIGHTINGS
from clusterscore.cli._common import (
    add_common,
    add_method_options,
    add_missing,
    cluster_name,
    echo,
    emit,
    int_option,
    load_system_arg,
    select_year,
)
from clusterscore.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["add_parser", "add_year", "cross_section", "run"]

_EPILOG = """\
The obstacle degree of indicator j for cluster i is
  O_ij = 100 w_j (1 - y_ij) / sum_j w_j (1 - y_ij)
with y the normalised value (1 = the best observed cluster) and w the
weights used; each cluster's degrees sum to 100. The dimension obstacle is
the sum over the dimension's indicators.

examples:
  clusterscore obstacles clusters.csv
  clusterscore obstacles clusters.csv --cluster "Xi'an Aviation" --top 10
  clusterscore obstacles clusters.csv --weighting entropy --lang zh
"""


def add_year(parser: argparse.ArgumentParser) -> None:
    """Add ``--year Y``: the year of a panel to analyse."""
    parser.add_argument(
        "--year",
        type=int,
        default=None,
        metavar="Y",
        help="a table with a year column: analyse year Y (default: the "
        "latest year)",
    )


def cross_section(
    table: pd.DataFrame, year: int | None, command: str
) -> pd.DataFrame:
    """Return the rows of one year of a panel, without the year column.

    A table without a ``year`` column is returned as it is (``--year``
    refused); on a panel the default is the latest year.
    """
    if "year" not in table.columns:
        select_year(command, None, year)  # refuses --year
        return table
    year = select_year(command, table["year"], year, latest=True)
    part = table[table["year"] == year].drop(columns="year")
    return part.reset_index(drop=True)


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``obstacles`` on the ``clusterscore`` sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``obstacles`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "obstacles",
        help="obstacle degrees: which indicators hold each cluster back",
        description="Evaluate the clusters and show, per cluster, the "
        "indicators and dimensions that account for most of its weighted "
        "shortfall from the best observed cluster (obstacle degree, %).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--cluster", metavar="NAME", help="show this cluster alone")
    p.add_argument(
        "--top",
        type=int_option(1),
        default=5,
        metavar="K",
        help="obstacles shown per cluster (default: %(default)s)",
    )
    p.add_argument(
        "--weighting",
        choices=WEIGHTINGS,
        default="combined",
        help="the weights (default: %(default)s)",
    )
    p.add_argument(
        "--method",
        choices=AGGREGATIONS,
        default="weighted_sum",
        help="the aggregation method of the evaluation, which sets the "
        "default normalisation (default: %(default)s)",
    )
    add_method_options(p)
    add_year(p)
    add_missing(p)
    add_common(p, table=True)
    p.set_defaults(run=run)
    return p


def _check_cluster(table: pd.DataFrame, name: str | None) -> None:
    """Refuse a ``--cluster`` that names no cluster of the table."""
    if name is None or name in set(table["cluster"]):
        return
    raise DataError(
        f"--cluster {echo(name)}: no such cluster in the table; it has "
        f"{table['cluster'].nunique()} clusters (see `clusterscore rank`)"
    )


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore obstacles`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    from clusterscore.analysis import obstacle_degree
    from clusterscore.io import read_clusters
    from clusterscore.present import render_obstacles, system_labels
    from clusterscore.scoring import evaluate

    system = load_system_arg(args)
    table = read_clusters(
        args.file, system, allow_missing=args.missing != "refuse"
    )
    table = cross_section(table, args.year, "obstacles")
    cluster = None if args.cluster is None else cluster_name(args.cluster)
    _check_cluster(table, cluster)
    ev = evaluate(
        table,
        system,
        weighting=args.weighting,
        method=args.method,
        missing=args.missing,
        rho=args.gra_rho,
        v=args.vikor_v,
    )
    od = obstacle_degree(ev)
    labels = system_labels(system, args.lang)
    text = render_obstacles(
        od,
        args.format,
        args.lang,
        top=args.top,
        cluster=cluster,
        labels=labels,
    )
    emit(text, args)
    return 0
