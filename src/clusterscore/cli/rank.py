"""The ``clusterscore rank`` sub-command: score and rank the clusters.

``clusterscore rank FILE`` reads and validates the table, scores it with
`clusterscore.scoring.evaluate` and prints the ranking (with the
evaluation's summary under the text table). Imputed cells and dropped
indicators are reported on standard error. On a panel (a ``year``
column) it prints each year's ranking with ``rank_change`` and
``score_change`` (``--year Y``: one year; ``--panel``: global or per-year
normalisation and weights).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from clusterscore._choices import (
    AGGREGATIONS,
    COMBINATIONS,
    MISSING_POLICIES,
    OBJECTIVES,
    PANEL_MODES,
    RI_TABLE_NAMES,
    WEIGHTINGS,
)
from clusterscore.cli._common import (
    add_common,
    add_max_cr,
    add_method_options,
    add_sheet,
    emit,
    float_option,
    int_option,
    load_system_arg,
    note,
    select_year,
)

if TYPE_CHECKING:
    import pandas as pd

    from clusterscore.scoring import Evaluation

__all__ = ["add_parser", "run"]


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
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
        "--objective",
        choices=OBJECTIVES,
        default="entropy",
        help="objective weights: entropy, CRITIC or standard deviation "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--method",
        choices=AGGREGATIONS,
        default="weighted_sum",
        help="aggregation (default: %(default)s)",
    )
    add_method_options(p)
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
        type=float_option(0.0, 1.0),
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
        "--ri",
        default="saaty",
        choices=RI_TABLE_NAMES,
        help="random-index table of the consistency ratio "
        "(default: %(default)s)",
    )
    add_max_cr(p)
    p.add_argument(
        "--top",
        type=int_option(1),
        default=None,
        metavar="K",
        help="show only the first K ranks (of each year on a panel)",
    )
    p.add_argument(
        "--panel",
        choices=PANEL_MODES,
        default=None,
        help="a table with a year column: one normalisation and set of "
        "weights over all years (global, the default) or each year on "
        "its own (per_year)",
    )
    p.add_argument(
        "--year",
        type=int,
        default=None,
        metavar="Y",
        help="a table with a year column: show only year Y",
    )
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore rank`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    from clusterscore.io import read_clusters
    from clusterscore.present import (
        evaluation_summary,
        label,
        render_table,
        system_labels,
    )
    from clusterscore.scoring import evaluate

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
        panel=args.panel,
        objective=args.objective,
        ri=args.ri,
        max_cr=args.max_cr,
        rho=args.gra_rho,
        v=args.vikor_v,
    )
    panel = "panel" in ev.options
    change = ["rank_change", "score_change"] if panel else []
    cols = ["rank", *change, "type", "score", *system.dimension_ids]
    ranking = ev.ranking[cols]
    if args.top is not None:
        ranking = ranking[ranking["rank"] <= args.top]
    years = ranking.index.get_level_values("year") if panel else None
    if select_year("rank", years, args.year) is not None:
        assert years is not None
        ranking = ranking[years == args.year]
    labels = system_labels(system, args.lang)
    if args.format == "json":
        text = _json_document(ev, ranking, args.lang, labels)
    elif panel and args.format in ("table", "markdown"):
        text = "\n".join(
            f"{label('year', args.lang)} {y}\n"
            + render_table(
                part.droplevel("year"), args.format, args.lang, labels=labels
            )
            for y, part in ranking.groupby(level="year", sort=True)
        )
    else:
        text = render_table(ranking, args.format, args.lang, labels=labels)
    if args.format == "table":
        text += "\n" + evaluation_summary(ev, args.lang) + "\n"
    emit(text, args, tables={"ranking": ranking}, labels=labels)
    lang = args.lang
    for row in cast("Iterable[Any]", ev.imputed.itertuples(index=False)):
        basis = "basis_type" if row.basis == "type" else "basis_all"
        note(
            label("note_imputed", lang).format(
                cluster=row.cluster,
                indicator=labels.get(row.indicator, row.indicator),
                value=f"{row.value:g}",
                basis=label(basis, lang),
            )
        )
    if ev.dropped:
        names = [labels.get(d, d) for d in ev.dropped]
        note(
            label("note_dropped", lang).format(
                names=label("list_sep", lang).join(names)
            )
        )
    return 0


def _json_document(
    ev: Evaluation, ranking: pd.DataFrame, lang: str, labels: dict[str, str]
) -> str:
    """One JSON document: the options, the weights and the ranking rows.

    The shape is documented in ``docs/cli.md`` (``rank --format json``).
    """
    from clusterscore.present import json_text, jsonable, render_table

    rows = json.loads(render_table(ranking, "json", lang, labels=labels))
    weights = json.loads(render_table(ev.weights, "json", lang, labels=labels))
    doc = {
        "options": jsonable(dict(ev.options)),
        "version": ev.version,
        "weights": weights,
        "ranking": rows,
    }
    return json_text(doc)
