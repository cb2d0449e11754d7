"""The ``clusterscore weights`` sub-command: AHP weights and consistency.

``clusterscore weights [--type TYPE]`` prints the dimension, local and
global AHP weights of a cluster type
(`clusterscore.weights.system_weights`) and the size, principal
eigenvalue, CI and CR of every pairwise matrix behind them.

``clusterscore weights FILE`` also computes the objective weights of the
clusters in FILE: per indicator the AHP, entropy and combined weights
(`clusterscore.scoring.evaluate`'s ``ev.weights``), with the
game-theory coefficients when ``--combine game_theory`` is used.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from clusterscore._choices import COMBINATIONS, OBJECTIVES
from clusterscore.cli._common import (
    add_common,
    add_missing,
    echo,
    emit,
    float_option,
    load_system_arg,
)
from clusterscore.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

    from clusterscore.system import IndicatorSystem

__all__ = ["add_parser", "run"]


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
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
        "cluster type and every matrix's consistency ratio; with FILE, also "
        "the entropy and combined weights of its clusters.",
    )
    p.add_argument(
        "file",
        metavar="FILE.csv",
        nargs="?",
        default=None,
        help="clusters whose entropy and combined weights to show",
    )
    add_common(p, table=True)
    p.add_argument(
        "--combine",
        choices=COMBINATIONS,
        default="multiplicative",
        help="how AHP and entropy weights combine, with FILE "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--alpha",
        type=float_option(0.0, 1.0),
        default=0.5,
        help="AHP share for --combine linear (default: 0.5)",
    )
    p.add_argument(
        "--objective",
        choices=OBJECTIVES,
        default="entropy",
        help="with FILE, the objective weights: entropy, CRITIC or "
        "standard deviation "
        "(default: %(default)s)",
    )
    add_missing(p)
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
    import pandas as pd

    from clusterscore.present import json_text, render_table, system_labels
    from clusterscore.weights import system_weights

    system = load_system_arg(args)
    if args.type is not None and args.type not in system.cluster_types:
        raise ParameterError(
            f"weights: --type must be one of "
            f"{{{', '.join(system.cluster_types)}}}; got "
            f"{echo(args.type)}.",
            parameter="type",
            value=args.type,
            allowed=system.cluster_types,
        )
    hw = system_weights(system, args.type)
    table = hw.table[
        ["dimension", "dimension_weight", "local_weight", "global_weight"]
    ]
    combo = None
    if args.file is not None:
        table, combo = _data_weights(args, system, table)
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
    kind = args.type or "default"
    if args.format == "json":
        doc = {
            "type": kind,
            "weights": json.loads(
                render_table(table, "json", args.lang, labels=labels)
            ),
            "consistency": json.loads(
                render_table(cr, "json", args.lang, labels=labels)
            ),
        }
        if args.file is not None:
            doc["combine"] = args.combine
            doc["game_theory"] = combo
        text = json_text(doc)
    elif args.format == "csv":
        merged = table.copy()
        dim_cr = {k.split("/")[0]: v.cr for k, v in hw.judgments.items()}
        merged["dimension_matrix_cr"] = dim_cr.get("dimensions", 0.0)
        merged["indicator_matrix_cr"] = merged["dimension"].map(dim_cr)
        text = render_table(merged, "csv", args.lang, labels=labels)
    else:
        text = (
            (_heading(args, kind, combo) if args.format == "table" else "")
            + render_table(
                table, args.format, args.lang, labels=labels, floatfmt=".4f"
            )
            + "\n"
            + render_table(
                cr, args.format, args.lang, labels=labels, floatfmt=".4f"
            )
        )
    emit(
        text,
        args,
        tables={"weights": table, "consistency": cr},
        labels=labels,
    )
    return 0


def _data_weights(
    args: argparse.Namespace, system: IndicatorSystem, table: pd.DataFrame
) -> tuple[pd.DataFrame, dict[str, float] | None]:
    """Add the entropy and combined weights of FILE's clusters.

    Returns the table (``global_weight`` is then ``ahp``) and the
    game-theory coefficients (None unless ``--combine game_theory``).
    """
    from clusterscore.io import read_clusters
    from clusterscore.scoring import evaluate
    from clusterscore.weights import game_theory_coefficients

    data = read_clusters(
        args.file, system, allow_missing=args.missing != "refuse"
    )
    ev = evaluate(
        data,
        system,
        combine=args.combine,
        alpha=args.alpha,
        missing=args.missing,
        by_type=args.type is not None,
        objective=args.objective,
    )
    w = ev.weights
    if args.type is not None:
        if args.type not in w.index.get_level_values(0):
            raise ParameterError(
                f"weights: --type {args.type}: {args.file} has no cluster "
                f"of that type.",
                parameter="type",
                value=args.type,
            )
        w = w.loc[args.type]
    out = table.drop(columns="global_weight").join(
        w[["ahp", args.objective, "combined"]], how="left"
    )
    combo = None
    if args.combine == "game_theory":
        a, b = game_theory_coefficients(w["ahp"], w[args.objective])
        combo = {"ahp": a, args.objective: b}
    return out, combo


def _heading(
    args: argparse.Namespace, kind: str, combo: dict[str, float] | None
) -> str:
    """Return the line(s) above the text tables."""
    from clusterscore.present import label

    lang = args.lang
    if kind == "default":
        kind = label("default_type", lang)
    colon = label("colon", lang)
    head = f"{label('weights_for', lang)}{colon}{kind}\n"
    if args.file is not None:
        head += f"{label('weights_data', lang)}{colon}{args.file}\n"
        head += f"{label('combine', lang)}{colon}{args.combine}"
        if args.combine == "linear":
            head += f" (alpha={args.alpha:g})"
        if combo is not None:
            head += (
                f"; {label('game_theory', lang)}{colon}"
                f"AHP {combo['ahp']:.4f}, "
                f"{_objective_label(args.objective, lang)} "
                f"{combo[args.objective]:.4f}"
            )
        head += "\n"
    return head + "\n"


def _objective_label(objective: str, lang: str) -> str:
    """Return the label of an objective method (CRITIC and std as named)."""
    from clusterscore.present import label

    return label("entropy", lang) if objective == "entropy" else objective
