"""The ``clusterscore plot`` and ``clusterscore report`` sub-commands.

``clusterscore plot KIND FILE.csv -o FIG.png|svg|pdf`` draws one figure
of `clusterscore.plot`; ``clusterscore report FILE.csv -o REPORT.html``
writes the self-contained evaluation report of
`clusterscore.present.report` (``--format markdown`` for Markdown with the
figures beside it). Both take the options of ``rank``. They need the
``clusterscore[report]`` extra (matplotlib).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from clusterscore._choices import (
    AGGREGATIONS,
    COMBINATIONS,
    DEFAULT_SAMPLES,
    MISSING_POLICIES,
    OBJECTIVES,
    PLOT_KINDS,
    REPORT_FORMATS,
    WEIGHTINGS,
)
from clusterscore.cli import _common as _cli
from clusterscore.errors import ParameterError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from clusterscore.scoring import Evaluation

__all__ = ["add_parser", "run_plot", "run_report"]

KINDS = PLOT_KINDS

_PLOT_EPILOG = """\
figure kinds:
  ranking    scores as bars split into the dimensions' contributions
  profile    radar of dimension sub-scores vs. benchmark attainment
             (--cluster NAME, repeatable; default: the first-ranked)
  gaps       clusters x indicators coloured by gap severity
  weights    AHP, entropy and combined weight per indicator
  intervals  rank intervals from a Monte Carlo run (--samples, --seed),
             with Sobol indices when --sobol N > 0

examples:
  clusterscore plot ranking clusters.csv -o ranking.svg
  clusterscore plot profile clusters.csv --cluster "Tangshan Steel" -o p.png
  clusterscore plot gaps clusters.csv --lang zh -o gaps.pdf
"""

_REPORT_EPILOG = """\
The HTML file is self-contained (figures inline as SVG, no network
request) and opens offline in any browser; its what-if slider recomputes
the ranking for another AHP share alpha of the linear combination.

examples:
  clusterscore report clusters.csv -o report.html
  clusterscore report clusters.csv --lang zh -o report_zh.html
  clusterscore report clusters.csv --format markdown -o report.md
  clusterscore report clusters.csv --samples 0 -o quick.html
"""


def _add_rank_options(p: argparse.ArgumentParser) -> None:
    """Add the options of ``rank`` (weighting, method, ...) and ``--lang``."""
    _cli.add_common(p, table=False)
    p.add_argument(
        "--weighting", choices=WEIGHTINGS, default="combined",
        help="where weights come from (default: %(default)s)",
    )  # fmt: skip
    p.add_argument(
        "--objective", choices=OBJECTIVES, default="entropy",
        help="objective weights: entropy, CRITIC or standard deviation "
        "(default: %(default)s)",
    )  # fmt: skip
    p.add_argument(
        "--method", choices=AGGREGATIONS, default="weighted_sum",
        help="aggregation (default: %(default)s)",
    )  # fmt: skip
    _cli.add_method_options(p)
    p.add_argument(
        "--normalization", default=None,
        help="minmax|target|percentile (weighted_sum, geometric) or "
        "vector|minmax (topsis)",
    )  # fmt: skip
    p.add_argument(
        "--combine", choices=COMBINATIONS, default="multiplicative",
        help="how AHP and entropy weights combine (default: %(default)s)",
    )  # fmt: skip
    p.add_argument(
        "--alpha", type=_cli.float_option(0.0, 1.0), default=0.5,
        help="AHP share for --combine linear (default: 0.5)",
    )  # fmt: skip
    p.add_argument(
        "--by-type", action="store_true",
        help="rank each cluster type with its own weights",
    )  # fmt: skip
    p.add_argument(
        "--missing", choices=MISSING_POLICIES, default="refuse",
        help="missing values: refuse, fill with the type's median, or "
        "drop the indicator (default: refuse)",
    )  # fmt: skip
    p.add_argument(
        "--lang", choices=("en", "zh"), default="en",
        help="labels in English or Chinese (default: en)",
    )  # fmt: skip


def _add_samples(p: argparse.ArgumentParser, default: int) -> None:
    p.add_argument(
        "--samples", type=int, default=default, metavar="N",
        help="Monte Carlo samples of the uncertainty analysis "
        f"(default: {default}; 0 = off)",
    )  # fmt: skip
    p.add_argument(
        "--seed", type=int, default=0,
        help="seed of the samples (default: 0)",
    )  # fmt: skip
    p.add_argument(
        "--sobol", type=int, default=0, metavar="N",
        help="rows of the Saltelli design for Sobol indices "
        "(default: 0 = none)",
    )  # fmt: skip


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Register ``plot`` and ``report`` on the CLI's sub-parsers."""
    p = subparsers.add_parser(
        "plot",
        help="draw one figure of the evaluation (PNG, SVG or PDF)",
        description="Draw one figure of the evaluation of a CSV file.",
        epilog=_PLOT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("kind", metavar="KIND", choices=KINDS, help="|".join(KINDS))
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument(
        "-o", "--output", required=True, metavar="FIG",
        help="output file; .png, .svg or .pdf",
    )  # fmt: skip
    p.add_argument(
        "--cluster", action="append", default=None, metavar="NAME",
        help="cluster(s) for the profile (repeatable)",
    )  # fmt: skip
    _add_rank_options(p)
    _add_samples(p, 500)
    p.set_defaults(run=run_plot)

    p = subparsers.add_parser(
        "report",
        help="write the evaluation report (self-contained HTML)",
        description="Write the evaluation report of a CSV file: one "
        "self-contained HTML file, or Markdown with figures beside it.",
        epilog=_REPORT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument(
        "-o", "--output", required=True, metavar="REPORT",
        help="output file (.html, or .md with --format markdown)",
    )  # fmt: skip
    p.add_argument(
        "--format", choices=REPORT_FORMATS, default="html",
        help="html (default) or markdown",
    )  # fmt: skip
    _add_rank_options(p)
    _add_samples(p, DEFAULT_SAMPLES)
    p.set_defaults(run=run_report)


def _evaluate(args: argparse.Namespace) -> Evaluation:
    from clusterscore.io import read_clusters
    from clusterscore.scoring import evaluate

    system = _cli.load_system_arg(args)
    table = read_clusters(
        args.file, system, allow_missing=args.missing != "refuse"
    )
    return evaluate(
        table,
        system,
        weighting=args.weighting,
        method=args.method,
        normalization=args.normalization,
        combine=args.combine,
        alpha=args.alpha,
        by_type=args.by_type,
        missing=args.missing,
        rho=args.gra_rho,
        v=args.vikor_v,
        objective=args.objective,
    )


def _check_count(name: str, value: int) -> None:
    if value < 0:
        raise ParameterError(
            f"--{name} must be >= 0; got {value}.", parameter=name, value=value
        )


def run_plot(args: argparse.Namespace) -> int:
    """Run ``clusterscore plot``."""
    from clusterscore import plot as csp

    out = csp.check_output_path("plot", args.output)
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise ParameterError(
            f"plot: the output must end in .png, .svg or .pdf; got "
            f"{args.output!r}.",
            parameter="output",
            value=args.output,
        )
    _check_count("samples", args.samples)
    _check_count("sobol", args.sobol)
    ev = _evaluate(args)
    if args.kind == "intervals":
        fig = _intervals_figure(ev, args)
    elif args.kind == "profile":
        names = None
        if args.cluster is not None:
            names = [_cli.cluster_name(c) for c in args.cluster]
        fig = csp.profile(ev, names, lang=args.lang)
    else:
        fig = csp.plot(args.kind, ev, lang=args.lang)
    csp.save_figure(fig, args.output)
    _cli.note(f"wrote the {args.kind} figure to {args.output}")
    return 0


def _intervals_figure(ev: Evaluation, args: argparse.Namespace) -> Figure:
    from clusterscore import plot as csp
    from clusterscore.present.report import run_uncertainty

    if args.samples < 1:
        raise ParameterError(
            "plot intervals: --samples must be >= 1.",
            parameter="samples",
            value=args.samples,
        )
    u, sens, reason = run_uncertainty(ev, args.samples, args.seed, args.sobol)
    if u is None:
        raise ParameterError(f"plot intervals: {reason}")
    return csp.rank_intervals(u, sens, lang=args.lang)


def run_report(args: argparse.Namespace) -> int:
    """Run ``clusterscore report``."""
    from clusterscore import plot as csp
    from clusterscore.present.report import report

    csp.check_output_path("report", args.output)
    _check_count("samples", args.samples)
    _check_count("sobol", args.sobol)
    ev = _evaluate(args)
    out = report(
        ev,
        args.output,
        lang=args.lang,
        format=args.format,
        samples=args.samples,
        seed=args.seed,
        sobol=args.sobol,
        source=args.file,
    )
    _cli.note(f"wrote the report to {out}")
    return 0
