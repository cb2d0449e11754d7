"""The ``clusterscore weights`` sub-command: AHP weights and consistency.

``clusterscore weights [--type TYPE]`` prints the dimension, local and
global AHP weights of a cluster type
(`clusterscore.weights.system_weights`) and the size, principal
eigenvalue, CI and CR of every pairwise matrix behind them.
"""

from __future__ import annotations

import argparse
import json

import pandas as pd

from clusterscore.cli._common import add_common, load_system_arg
from clusterscore.errors import ParameterError
from clusterscore.present import render_table, system_labels, write_output
from clusterscore.weights import system_weights

__all__ = ["add_parser", "run"]


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``weights`` on the sub-parsers of the ``clusterscore`` command.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``weights`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "weights",
        help="show the AHP weights and consistency ratios",
        description="Show the dimension and indicator AHP weights of a "
        "cluster type and every matrix's consistency ratio.",
    )
    add_common(p, table=True)
    p.add_argument(
        "--type",
        default=None,
        help="cluster type (default: the type-agnostic weights)",
    )
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore weights`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    system = load_system_arg(args)
    if args.type is not None and args.type not in system.cluster_types:
        raise ParameterError(
            f"weights: --type must be one of "
            f"{{{', '.join(system.cluster_types)}}}; got {args.type!r}.",
            parameter="type",
            value=args.type,
            allowed=system.cluster_types,
        )
    hw = system_weights(system, args.type)
    table = hw.table[
        ["dimension", "dimension_weight", "local_weight", "global_weight"]
    ]
    cr = pd.DataFrame(
        {
            "n": [r.n for r in hw.judgments.values()],
            "lambda_max": [r.lambda_max for r in hw.judgments.values()],
            "ci": [r.ci for r in hw.judgments.values()],
            "cr": [r.cr for r in hw.judgments.values()],
        },
        index=pd.Index(list(hw.judgments), name="matrix"),
    )
    labels = system_labels(system, args.lang)
    if args.format == "json":
        weights_json = render_table(table, "json", args.lang, labels=labels)
        cr_json = render_table(cr, "json", args.lang, labels=labels)
        text = (
            json.dumps(
                {
                    "type": args.type or "default",
                    "weights": json.loads(weights_json),
                    "consistency": json.loads(cr_json),
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    elif args.format == "csv":
        merged = table.copy()
        dim_cr = {k.split("/")[0]: v.cr for k, v in hw.judgments.items()}
        merged["dimension_matrix_cr"] = dim_cr.get("dimensions", 0.0)
        merged["indicator_matrix_cr"] = merged["dimension"].map(dim_cr)
        text = render_table(merged, "csv", args.lang, labels=labels)
    else:
        kind = args.type or "default (type-agnostic)"
        head = f"AHP weights for cluster type: {kind}\n\n"
        text = (
            (head if args.format == "table" else "")
            + render_table(
                table, args.format, args.lang, labels=labels, floatfmt=".4f"
            )
            + "\n"
            + render_table(
                cr, args.format, args.lang, labels=labels, floatfmt=".4f"
            )
        )
    write_output(
        text,
        args.output,
        tables={"weights": table, "consistency": cr},
        labels=labels,
    )
    return 0
