"""The ``clusterscore`` command: argument parsing only; the library works.

Every sub-command takes ``--system FILE.toml``; table commands take
``--format table|csv|json|markdown`` and ``-o FILE``. A `ClusterScoreError`
becomes one ``clusterscore: error: ...`` block on standard error and exit
status 2, with no traceback; warnings become ``clusterscore: warning: ...``
lines on standard error.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

import pandas as pd

from clusterscore import _cli_gaps, _cli_report, _cli_sensitivity
from clusterscore.errors import ClusterScoreError, ClusterScoreWarning
from clusterscore.present import (
    FORMATS,
    LANGS,
    render_table,
    system_labels,
    write_output,
)

PROG = "clusterscore"
EXIT_USAGE = 2


def add_common(parser: argparse.ArgumentParser, *, table: bool) -> None:
    """Add ``--system`` and, for table commands, format/output/lang."""
    parser.add_argument(
        "--system",
        metavar="FILE.toml",
        help="indicator system file (default: the bundled "
        "advanced-manufacturing system)",
    )
    if table:
        parser.add_argument(
            "--format",
            choices=FORMATS,
            default="table",
            help="output format (default: %(default)s)",
        )
        parser.add_argument(
            "-o",
            "--output",
            metavar="FILE",
            help="write the output to FILE (UTF-8) instead of stdout",
        )
        parser.add_argument(
            "--lang",
            choices=LANGS,
            default="en",
            help="labels in English ids or Chinese names (default: en)",
        )


def load_system_arg(args: argparse.Namespace):
    """Load the system named by ``--system`` (the default when absent)."""
    from clusterscore.system import load_system

    return load_system(args.system)


def note(text: str) -> None:
    """Print an informational line on standard error."""
    sys.stderr.write(f"{PROG}: {text}\n")


# --------------------------------------------------------------------------
# validate, template
# --------------------------------------------------------------------------


def _run_validate(args: argparse.Namespace) -> int:
    from clusterscore.io import read_clusters

    system = load_system_arg(args)
    table = read_clusters(args.file, system, allow_missing=args.allow_missing)
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


def _run_template(args: argparse.Namespace) -> int:
    from clusterscore.io import make_template

    system = load_system_arg(args)
    template = make_template(system)
    if args.lang == "zh":
        template = template.rename(
            columns={i.id: i.name_zh for i in system.indicators}
        )
    text = template.to_csv(index=False, lineterminator="\n")
    write_output(text, args.output)
    if args.output:
        note(
            f"wrote an empty table with {len(template.columns)} columns "
            f"to {args.output}"
        )
    return 0


# --------------------------------------------------------------------------
# rank, weights
# --------------------------------------------------------------------------


def _run_rank(args: argparse.Namespace) -> int:
    from clusterscore.io import read_clusters
    from clusterscore.scoring import evaluate

    system = load_system_arg(args)
    table = read_clusters(
        args.file, system, allow_missing=args.missing != "refuse"
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
    write_output(text, args.output)
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


def _run_weights(args: argparse.Namespace) -> int:
    from clusterscore.weights.hierarchy import system_weights

    system = load_system_arg(args)
    if args.type is not None and args.type not in system.cluster_types:
        from clusterscore.errors import ParameterError

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
        import json

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
    write_output(text, args.output)
    return 0


# --------------------------------------------------------------------------
# the parser
# --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Return the ``clusterscore`` argument parser."""
    from clusterscore import __version__
    from clusterscore.scoring import (
        AGGREGATIONS,
        COMBINATIONS,
        MISSING_POLICIES,
        WEIGHTINGS,
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Score, rank and diagnose advanced manufacturing "
        "clusters (AHP + entropy weights).",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "rank",
        help="score and rank the clusters of a CSV file",
        description="Score and rank the clusters of a CSV file.",
    )
    p.add_argument("file", metavar="FILE.csv")
    add_common(p, table=True)
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
    p.set_defaults(run=_run_rank)

    p = sub.add_parser(
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
    p.set_defaults(run=_run_weights)

    _cli_gaps.add_parser(sub)
    _cli_sensitivity.add_parser(sub)
    _cli_report.add_parsers(sub)

    p = sub.add_parser(
        "validate",
        help="check a CSV file against the indicator system",
        description="Check a CSV file against the indicator system and "
        "list every problem at once.",
    )
    p.add_argument("file", metavar="FILE.csv")
    add_common(p, table=False)
    p.add_argument(
        "--allow-missing",
        action="store_true",
        help="accept empty cells (for --missing median|drop_indicator)",
    )
    p.set_defaults(run=_run_validate)

    p = sub.add_parser(
        "template",
        help="write an empty input table to fill in",
        description="Write an empty input table with every column.",
    )
    add_common(p, table=False)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of stdout",
    )
    p.add_argument(
        "--lang",
        choices=LANGS,
        default="en",
        help="indicator headers as ids (en) or Chinese names",
    )
    p.set_defaults(run=_run_template)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            status = args.run(args)
        except ClusterScoreError as exc:
            _print_warnings(caught)
            message = str(exc).rstrip()
            sys.stderr.write(f"{PROG}: error: {message}\n")
            return EXIT_USAGE
        except BrokenPipeError:  # e.g. `clusterscore rank f.csv | head`
            return 0
    _print_warnings(caught)
    return status


def _print_warnings(caught) -> None:
    seen = set()
    for w in caught:
        if not issubclass(w.category, ClusterScoreWarning):
            continue  # library internals' deprecations are not for users
        text = str(w.message)
        if text in seen:
            continue
        seen.add(text)
        sys.stderr.write(f"{PROG}: warning: {text}\n")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
