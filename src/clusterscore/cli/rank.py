"""The ``clusterscore rank`` sub-command: score and rank the clusters.

``clusterscore rank FILE`` reads and validates the table, scores it with
`clusterscore.scoring.evaluate` and prints the ranking (with the
evaluation's summary under the text table). Imputed cells and dropped
indicators are reported on standard error.
"""

from __future__ import annotations

import argparse

from clusterscore.cli._common import (
    add_common,
    add_sheet,
    load_system_arg,
    note,
)
from clusterscore.io import read_clusters
from clusterscore.present import render_table, system_labels, write_output
from clusterscore.scoring import (
    AGGREGATIONS,
    COMBINATIONS,
    MISSING_POLICIES,
    WEIGHTINGS,
    evaluate,
)

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``rank`` on the sub-parsers of the ``clusterscore`` command.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``rank`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "rank",
        help="score and rank the clusters of a CSV file",
        description="Score and rank the clusters of a CSV file.",
    )
    p.add_argument("file", metavar="FILE.csv")
    add_common(p, table=True)
    add_sheet(p)
    p.add_argument(
        "--weighting",
        choices=WEIGHTINGS,
        default="combined",
        help="where weights come from (default: %(default)s)",
    )
    p.add_argument(
        "--method",
        choices=AGGREGATIONS,
        default="weighted_sum",
        help="aggregation (default: %(default)s)",
    )
    p.add_argument(
        "--normalization",
        default=None,
        help="minmax|target|percentile (weighted_sum, "
        "geometric) or vector|minmax (topsis)",
    )
    p.add_argument(
        "--combine",
        choices=COMBINATIONS,
        default="multiplicative",
        help="how AHP and entropy weights combine (default: %(default)s)",
    )
    p.add_argument(
        "--alpha",
        type=float,
        default=0.5,
        help="AHP share for --combine linear (default: 0.5)",
    )
    p.add_argument(
        "--by-type",
        action="store_true",
        help="rank each cluster type with its own weights",
    )
    p.add_argument(
        "--missing",
        choices=MISSING_POLICIES,
        default="refuse",
        help="missing values: refuse, fill with the type's "
        "median, or drop the indicator (default: refuse)",
    )
    p.add_argument(
        "--top",
        type=int,
        default=None,
        metavar="K",
        help="show only the first K ranks",
    )
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore rank`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    system = load_system_arg(args)
    table = read_clusters(
        args.file,
        system,
        sheet=args.sheet,
        allow_missing=args.missing != "refuse",
    )
    ev = evaluate(
        table,
        system,
        weighting=args.weighting,
        method=args.method,
        normalization=args.normalization,
        combine=args.combine,
        alpha=args.alpha,
        by_type=args.by_type,
        missing=args.missing,
    )
    ranking = ev.ranking[["rank", "type", "score", *system.dimension_ids]]
    if args.top:
        ranking = ranking[ranking["rank"] <= args.top]
    labels = system_labels(system, args.lang)
    text = render_table(ranking, args.format, args.lang, labels=labels)
    if args.format == "table":
        text += "\n" + ev.summary() + "\n"
    write_output(text, args.output, tables={"ranking": ranking}, labels=labels)
    for row in ev.imputed.itertuples(index=False):
        note(
            f"imputed {row.cluster} / {row.indicator} = {row.value:g} "
            f"(median of {'its type' if row.basis == 'type' else 'all'})"
        )
    if ev.dropped:
        note(
            f"dropped indicator(s) with missing values: "
            f"{', '.join(ev.dropped)}"
        )
    return 0
