"""The ``clusterscore gaps`` sub-command: gaps against the benchmark.

``clusterscore gaps FILE`` prints one row per (cluster, indicator) with the
target, the attainment and the severity (`clusterscore.gaps.flag_gaps`).
With ``--cluster NAME`` it prints that cluster's diagnosis instead: its
attainment per dimension, weakest dimensions, top gaps and the development
recommendations that apply, with their sources
(`clusterscore.gaps.diagnose`); on a panel (a ``year`` column) the
diagnosis is of the latest year (``--year Y``: of year Y) and shows the
attainment trend of each dimension over the years. Beside the benchmark
gaps the diagnosis shows the cluster's top obstacle degrees
(`clusterscore.analysis.obstacle_degree` of the default evaluation of the
diagnosed year), with one line saying how the two differ.
"""

from __future__ import annotations

import argparse
import warnings
from typing import TYPE_CHECKING

from clusterscore._choices import DEFAULT_QUANTILE, SEVERITIES
from clusterscore.cli._common import (
    add_common,
    add_missing,
    add_sheet,
    cluster_name,
    emit,
    float_option,
    int_option,
    load_system_arg,
)
from clusterscore.errors import ClusterScoreError, ClusterScoreWarning

if TYPE_CHECKING:
    import pandas as pd

    from clusterscore.gaps import Diagnosis
    from clusterscore.system import IndicatorSystem

__all__ = ["add_parser", "run"]

_EPILOG = """\
benchmarks:
  system     the per-type targets of the indicator file (default)
  quantile   per type, the --quantile q of the clusters in FILE (1 - q for
             cost indicators); a type with fewer than 5 clusters falls back
             to the system targets, with a warning
  CLUSTER    any other value names a cluster in FILE: its values are the
             targets of every cluster

severity: none (target met), minor (>= 0.8 of it), major (>= 0.5),
critical (< 0.5); "no target" where the benchmark has none; "no data"
for an empty cell (--missing drop_indicator; --missing median judges the
type's median instead).

examples:
  clusterscore gaps clusters.csv
  clusterscore gaps clusters.csv --benchmark quantile --quantile 0.75
  clusterscore gaps clusters.csv --cluster "Changsha Construction Machinery"
  clusterscore gaps clusters.csv --cluster 长沙市工程机械集群 --lang zh
"""


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``gaps`` on the sub-parsers of the ``clusterscore`` command.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``gaps`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "gaps",
        help="gaps against the advanced-cluster benchmark",
        description="Compare every cluster's indicators with the "
        "benchmark targets of its type and flag the gaps; with --cluster, "
        "diagnose one cluster (weakest dimensions, top gaps, development "
        "recommendations).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="the clusters (CSV)")
    p.add_argument(
        "--benchmark",
        default="system",
        metavar="system|quantile|CLUSTER",
        help="where the targets come from (default: %(default)s)",
    )
    p.add_argument(
        "--quantile",
        type=float_option(0.0, 1.0, open_low=True),
        default=DEFAULT_QUANTILE,
        metavar="Q",
        help="q for --benchmark quantile, in (0, 1] (default: %(default)s)",
    )
    p.add_argument(
        "--cluster",
        metavar="NAME",
        help="diagnose this cluster (readable report) instead of listing "
        "every gap",
    )
    p.add_argument(
        "--top",
        type=int_option(1),
        default=5,
        metavar="K",
        help="top gaps (and top obstacles) shown in a diagnosis "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--year",
        type=int,
        default=None,
        metavar="Y",
        help="a table with a year column: diagnose year Y (default: the "
        "cluster's latest year)",
    )
    add_missing(p)
    add_common(p, table=True)
    add_sheet(p)
    p.set_defaults(run=run)
    return p


def _localise(
    frame: pd.DataFrame, system: IndicatorSystem, lang: str
) -> pd.DataFrame:
    """Translate the severity words for ``lang="zh"`` (ids stay ids)."""
    from clusterscore.present import severity_label

    if lang != "zh":
        return frame
    out = frame.copy(deep=False)  # the other columns are shared, not copied
    out["severity"] = out["severity"].map(
        {s: severity_label(s, "zh") for s in SEVERITIES}
    )
    return out


def _obstacles(
    table: pd.DataFrame,
    system: IndicatorSystem,
    diag: Diagnosis,
    args: argparse.Namespace,
) -> pd.DataFrame | None:
    """Return the diagnosed cluster's top obstacle degrees.

    The obstacles of the default evaluation (combined weights, weighted
    sum) of the clusters of the diagnosed year (the whole table without
    years), the ``--top`` largest; None (with a warning) where the table
    cannot be evaluated.
    """
    from clusterscore.analysis import obstacle_degree
    from clusterscore.present import obstacle_rows
    from clusterscore.scoring import evaluate

    if diag.year is not None and "year" in table.columns:
        table = table[table["year"] == diag.year].drop(columns="year")
    try:
        ev = evaluate(
            table.reset_index(drop=True), system, missing=args.missing
        )
        od = obstacle_degree(ev)
    except ClusterScoreError as exc:  # the gaps stand without them
        warnings.warn(
            f"gaps: no obstacle degrees for this table: {exc}",
            ClusterScoreWarning,
            stacklevel=2,
        )
        return None
    return obstacle_rows(od, args.top, diag.cluster)


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore gaps`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2); warnings are issued as
    usual (``main`` prints them as ``clusterscore: warning: ...``).
    """
    from clusterscore.gaps import diagnose, flag_gaps
    from clusterscore.io import read_clusters
    from clusterscore.present import (
        json_text,
        obstacle_block,
        render_table,
        system_labels,
    )
    from clusterscore.scoring import evaluate

    system = load_system_arg(args)
    holes = args.missing != "refuse"
    table = read_clusters(
        args.file, system, sheet=args.sheet, allow_missing=holes
    )
    if args.missing == "median":
        table = evaluate(table, system, missing="median").table
    benchmark = cluster_name(args.benchmark)
    labels = system_labels(system, args.lang)
    if args.cluster is not None:
        diag = diagnose(
            table,
            system,
            cluster_name(args.cluster),
            benchmark,
            k=args.top,
            quantile=args.quantile,
            year=args.year,
            allow_missing=holes,
        )
        rows = _obstacles(table, system, diag, args)
        if args.format == "table":
            text = diag.to_text(lang=args.lang) + "\n"
            if rows is not None:
                text += "\n" + obstacle_block(
                    rows, "table", args.lang, labels=labels
                )
        elif args.format == "markdown":
            text = diag.to_markdown(lang=args.lang)
            if rows is not None:
                text = text.rstrip("\n") + "\n\n"
                text += obstacle_block(
                    rows, "markdown", args.lang, labels=labels
                )
        elif args.format == "json":
            doc = diag.to_dict()
            if rows is not None:
                doc.update(obstacle_block(rows, "json", args.lang))
            text = json_text(doc)
        else:
            text = render_table(
                _localise(diag.gaps, system, args.lang),
                "csv",
                args.lang,
                labels=labels,
            )
        gaps = diag.gaps
    else:
        gaps = flag_gaps(
            table,
            system,
            benchmark,
            quantile=args.quantile,
            allow_missing=holes,
        )
        shown = _localise(gaps, system, args.lang)  # one localised frame
        text = render_table(
            shown, args.format, args.lang, labels=labels, floatfmt=".3f"
        )
        tables = {"gaps": shown}
        emit(text, args, tables=tables, labels=labels)
        return 0
    tables = {"gaps": _localise(gaps, system, args.lang)}
    emit(text, args, tables=tables, labels=labels)
    return 0
