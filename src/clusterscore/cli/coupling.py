"""The ``clusterscore coupling`` sub-command: how evenly dimensions develop.

``clusterscore coupling FILE`` evaluates the clusters
(`clusterscore.scoring.evaluate`) and prints, per cluster, the coupling
degree C of its dimension sub-scores, the comprehensive development index
T, the coupling coordination degree D = sqrt(C T) and its ten-grade class
(耦合协调度, `clusterscore.analysis.coupling_coordination`). On a panel (a
``year`` column) one year is analysed: the latest, or ``--year Y``.
"""

from __future__ import annotations

import argparse

from clusterscore._choices import COUPLING_FORMS, WEIGHTINGS
from clusterscore.cli._common import (
    add_common,
    add_missing,
    emit,
    load_system_arg,
)
from clusterscore.cli.obstacles import add_year, cross_section

__all__ = ["add_parser", "run"]

_EPILOG = """\
forms of C:
  corrected  the form proposed by its critics (the default): C reaches 1
             only when every dimension is equal, and spreads over [0, 1]
  classic    n-th root of prod U / (mean U)^n, the long-used form

D = sqrt(C T); grade k (1-10) is D in (0.1 (k - 1), 0.1 k], with its
Chinese and English name. See docs/methodology.md.

examples:
  clusterscore coupling clusters.csv
  clusterscore coupling clusters.csv --form classic --lang zh
"""


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``coupling`` on the ``clusterscore`` sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``coupling`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "coupling",
        help="coupling coordination degree of the dimensions",
        description="Evaluate the clusters and show, per cluster, the "
        "coupling degree C of its dimension sub-scores, the development "
        "index T, the coordination degree D and its grade.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument(
        "--form",
        choices=COUPLING_FORMS,
        default="corrected",
        help="form of the coupling degree C (default: %(default)s)",
    )
    p.add_argument(
        "--weighting",
        choices=WEIGHTINGS,
        default="combined",
        help="the weights (default: %(default)s)",
    )
    add_year(p)
    add_missing(p)
    add_common(p, table=True)
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore coupling`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    from clusterscore.analysis import coupling_coordination
    from clusterscore.io import read_clusters
    from clusterscore.present import render_coupling, system_labels
    from clusterscore.scoring import evaluate

    system = load_system_arg(args)
    table = read_clusters(
        args.file, system, allow_missing=args.missing != "refuse"
    )
    table = cross_section(table, args.year, "coupling")
    ev = evaluate(
        table, system, weighting=args.weighting, missing=args.missing
    )
    cc = coupling_coordination(ev, form=args.form)
    labels = system_labels(system, args.lang)
    text = render_coupling(
        cc, args.format, args.lang, form=args.form, labels=labels
    )
    emit(text, args)
    return 0
