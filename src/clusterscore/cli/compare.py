"""The ``clusterscore compare`` sub-command: rankings by several methods.

``clusterscore compare FILE`` ranks the clusters with several aggregation
methods and weightings (`clusterscore.analysis.compare_methods`) and
prints the rankings side by side with the Spearman and Kendall rank
correlations between every two of them
(`clusterscore.present.compare.render_comparison`).
"""

from __future__ import annotations

import argparse

from clusterscore._choices import (
    AGGREGATIONS,
    COMBINATIONS,
    OBJECTIVES,
    WEIGHTINGS,
)
from clusterscore.cli._common import (
    add_common,
    add_method_options,
    add_missing,
    emit,
    float_option,
    load_system_arg,
)

__all__ = ["add_parser", "run"]

_EPILOG = f"""\
methods:    {", ".join(AGGREGATIONS)}
weightings: {", ".join(WEIGHTINGS)}

Every method x weighting pair is one column, named METHOD/WEIGHTING; the
rows are in the order of the first pair's ranking.

examples:
  clusterscore compare clusters.csv
  clusterscore compare clusters.csv --methods weighted_sum,topsis,vikor
  clusterscore compare clusters.csv --weightings ahp,entropy,combined
"""


def _names(text: str) -> tuple[str, ...]:
    """Split a comma-separated option value."""
    return tuple(t.strip() for t in text.split(",") if t.strip())


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``compare`` on the ``clusterscore`` sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``compare`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "compare",
        help="rankings by several methods side by side, with their "
        "rank correlations",
        description="Rank the clusters with several aggregation methods "
        "and weightings; show the rankings side by side and the Spearman "
        "and Kendall rank correlations between them.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument(
        "--methods",
        default="weighted_sum,geometric,topsis",
        metavar="M[,M...]",
        help="aggregation methods (default: %(default)s)",
    )
    add_method_options(p)
    p.add_argument(
        "--weightings",
        default="combined",
        metavar="W[,W...]",
        help="weightings (default: %(default)s)",
    )
    p.add_argument(
        "--objective",
        choices=OBJECTIVES,
        default="entropy",
        help="objective weights: entropy, CRITIC or standard deviation "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--combine",
        choices=COMBINATIONS,
        default="multiplicative",
        help="how AHP and entropy weights combine (default: %(default)s)",
    )
    p.add_argument(
        "--alpha",
        type=float_option(0.0, 1.0),
        default=0.5,
        help="AHP share for --combine linear (default: 0.5)",
    )
    add_missing(p)
    add_common(p, table=True)
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore compare`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    from clusterscore.analysis import compare_methods
    from clusterscore.io import read_clusters
    from clusterscore.present import system_labels
    from clusterscore.present.compare import render_comparison

    system = load_system_arg(args)
    table = read_clusters(
        args.file, system, allow_missing=args.missing != "refuse"
    )
    cmp = compare_methods(
        table,
        system,
        methods=_names(args.methods),
        weightings=_names(args.weightings),
        combine=args.combine,
        alpha=args.alpha,
        missing=args.missing,
        objective=args.objective,
        rho=args.gra_rho,
        v=args.vikor_v,
    )
    types = table.set_index("cluster")["type"]
    labels = system_labels(system, args.lang)
    text = render_comparison(
        cmp, args.format, args.lang, labels=labels, types=types
    )
    emit(text, args)
    return 0
