"""The ``clusterscore sensitivity`` sub-command: how robust a ranking is.

``clusterscore sensitivity FILE`` runs the Monte Carlo uncertainty analysis
(`clusterscore.uncertainty.uncertainty`) and prints, per cluster, the
nominal rank, the median rank, the 5-95 % rank interval and the
probability of a top-k place, then the rank agreement of the samples with
the nominal ranking. With ``--saltelli N`` it also runs the variance-based
sensitivity analysis (`clusterscore.uncertainty.sensitivity`) and prints
the first-order and total-effect indices of each input group.

A progress bar is drawn on standard error when it is a terminal and the
run takes more than a second (``--quiet`` turns it off).
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from clusterscore._choices import OBJECTIVES, RI_TABLE_NAMES
from clusterscore.cli._common import (
    add_common,
    add_max_cr,
    add_method_options,
    add_missing,
    add_sheet,
    emit,
    float_option,
    int_option,
    load_system_arg,
)
from clusterscore.errors import ParameterError

__all__ = ["Progress", "add_parser", "run"]

_EPILOG = """\
what is perturbed (see docs/uncertainty.md):
  every AHP judgment moves up to --steps steps along Saaty's 1/9..9 scale;
  with --combine linear, the AHP share alpha of the AHP/entropy blend is
  uniform on --alpha-range; with --methods / --normalizations, the
  aggregation and the normalisation are drawn per sample (the first one is
  the nominal choice).
  A perturbed matrix with CR > --max-cr is redrawn (--cr-rule resample),
  drops its sample (reject) or is kept (keep).

the nominal ranking is the one `clusterscore rank` prints with the same
--weighting, --combine, --missing and the first of --methods and
--normalizations (defaults: combined, multiplicative, weighted_sum); the
output names these nominal options.

examples:
  clusterscore sensitivity clusters.csv --samples 2000 --seed 1
  clusterscore sensitivity clusters.csv --methods weighted_sum,geometric,topsis
  clusterscore sensitivity clusters.csv --saltelli 500 --format markdown
"""


class Progress:
    """A minimal progress bar on a terminal stream.

    Call it as ``progress(done, total)``. Nothing is drawn unless `stream`
    is a terminal, `quiet` is false and `delay` seconds have passed since
    the bar was made, so short runs, ``--quiet`` and redirected output
    stay clean. The bar is redrawn in place (a carriage return).
    """

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        *,
        delay: float = 1.0,
        width: int = 30,
        quiet: bool = False,
    ) -> None:
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self.delay = delay
        self.width = width
        self.start = time.monotonic()
        self.drawn = False
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty()) and not quiet

    def __call__(self, done: int, total: int) -> None:
        """Redraw the bar for `done` of `total` steps."""
        if not self.enabled:
            return
        if not self.drawn and time.monotonic() - self.start < self.delay:
            return
        frac = done / total if total else 1.0
        fill = round(frac * self.width)
        bar = "#" * fill + "." * (self.width - fill)
        self.stream.write(
            f"\rclusterscore: {self.label} [{bar}] {frac:4.0%} {done}/{total}"
        )
        self.drawn = True
        if done >= total:
            self.close()
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line if anything was drawn."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False
            self.enabled = False


def _names(text: str | None) -> tuple[str, ...] | None:
    """Split a comma-separated option value."""
    if text is None:
        return None
    return tuple(t.strip() for t in text.split(",") if t.strip())


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Register ``sensitivity`` on the ``clusterscore`` sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers()``.

    Returns
    -------
    argparse.ArgumentParser
        The ``sensitivity`` parser; its ``run`` default is `run`.
    """
    p = subparsers.add_parser(
        "sensitivity",
        help="uncertainty and sensitivity of the ranking",
        description="Perturb the AHP judgments, the AHP/entropy share and "
        "optionally the method choices; report each cluster's rank "
        "interval and top-k probability, and (with --saltelli) the Sobol "
        "sensitivity indices of the input groups.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", metavar="FILE", help="the clusters (CSV)")
    p.add_argument(
        "--samples",
        type=int_option(1),
        default=1000,
        metavar="N",
        help="Monte Carlo samples (default: %(default)s)",
    )
    p.add_argument(
        "--seed",
        type=int_option(0),
        default=None,
        metavar="S",
        help="random seed; the same seed gives the same output",
    )
    p.add_argument(
        "--steps",
        type=int_option(0),
        default=1,
        metavar="K",
        help="largest move of a judgment on Saaty's scale (default: 1)",
    )
    p.add_argument(
        "--alpha-range",
        type=float_option(0.0, 1.0),
        nargs=2,
        default=(0.3, 0.7),
        metavar=("LOW", "HIGH"),
        help="range of the AHP share alpha (default: 0.3 0.7)",
    )
    p.add_argument(
        "--weighting",
        default="combined",
        choices=("combined", "ahp", "entropy"),
        help="weights (default: %(default)s)",
    )
    p.add_argument(
        "--combine",
        default="multiplicative",
        choices=("linear", "multiplicative", "game_theory"),
        help="AHP/entropy combination (default: %(default)s)",
    )
    p.add_argument(
        "--methods",
        metavar="M[,M...]",
        help="aggregation methods to draw from, nominal first "
        "(weighted_sum, geometric, topsis; default: weighted_sum)",
    )
    add_method_options(p)
    p.add_argument(
        "--normalizations",
        metavar="N[,N...]",
        help="normalisations to draw from, nominal first (minmax, target, "
        "percentile, vector; default: the method's own)",
    )
    p.add_argument(
        "--top-k",
        type=int_option(1),
        default=3,
        metavar="K",
        help="report the probability of a rank <= K (default: 3)",
    )
    p.add_argument(
        "--objective",
        choices=OBJECTIVES,
        default="entropy",
        help="objective weights: entropy, CRITIC or standard deviation "
        "(default: %(default)s)",
    )
    add_max_cr(
        p,
        open_low=True,
        help="consistency-ratio threshold of a perturbed matrix; 'none' "
        "accepts every matrix (default: 0.10)",
    )
    p.add_argument(
        "--cr-rule",
        default="resample",
        choices=("resample", "reject", "keep"),
        help="what to do with a perturbed matrix above --max-cr "
        "(default: %(default)s)",
    )
    p.add_argument(
        "--saltelli",
        type=int_option(0),
        default=0,
        metavar="N",
        help="also run a Sobol sensitivity analysis with N base samples "
        "(N x (groups + 2) runs; default: 0, off)",
    )
    p.add_argument(
        "--bootstrap",
        type=int_option(0),
        default=1000,
        metavar="B",
        help="bootstrap replicates of the Sobol intervals (default: 1000)",
    )
    p.add_argument(
        "--ri",
        default="saaty",
        choices=RI_TABLE_NAMES,
        help="random-index table of the consistency ratio "
        "(default: %(default)s)",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar on standard error (it is drawn only on a "
        "terminal, for runs longer than a second)",
    )
    add_missing(p)
    add_common(p, table=True)
    add_sheet(p)
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``clusterscore sensitivity`` with parsed arguments; return 0.

    Errors are raised as `clusterscore.errors.ClusterScoreError` for the
    command's ``main`` to report (exit status 2).
    """
    if args.saltelli and args.format == "csv":
        raise ParameterError(
            "sensitivity: --format csv holds one table; with --saltelli use "
            "--format table, markdown or json.",
            parameter="format",
            value="csv",
        )
    if args.saltelli == 1:
        raise ParameterError(
            f"sensitivity: --saltelli must be 0 (off) or a number of base "
            f"samples >= 2; got {args.saltelli}.",
            parameter="saltelli",
            value=args.saltelli,
        )
    import numpy as np

    from clusterscore.io import read_clusters
    from clusterscore.present import system_labels
    from clusterscore.present.uncertainty import (
        render_uncertainty,
        uncertainty_summary,
    )
    from clusterscore.uncertainty import sensitivity, uncertainty

    system = load_system_arg(args)
    table = read_clusters(
        args.file,
        system,
        sheet=args.sheet,
        allow_missing=args.missing != "refuse",
    )
    gen = np.random.default_rng(args.seed)
    common = {
        "judgment_steps": args.steps,
        "alpha_range": tuple(args.alpha_range),
        "methods": _names(args.methods),
        "normalizations": _names(args.normalizations),
        "weighting": args.weighting,
        "objective": args.objective,
        "combine": args.combine,
        "max_cr": args.max_cr,  # None: every matrix is accepted
        "cr_rule": args.cr_rule,
        "ri": args.ri,
        "missing": args.missing,
        "rho": args.gra_rho,
        "v": args.vikor_v,
    }
    quiet = bool(getattr(args, "quiet", False))
    bar = Progress("uncertainty", quiet=quiet)
    try:
        res = uncertainty(
            table,
            system,
            args.samples,
            gen,
            top_k=args.top_k,
            progress=bar,
            **common,
        )
    finally:
        bar.close()
    sens = None
    if args.saltelli:
        bar = Progress("sensitivity", quiet=quiet)
        try:
            sens = sensitivity(
                table,
                system,
                args.saltelli,
                gen,
                n_boot=args.bootstrap,
                progress=bar,
                **common,
            )
        finally:
            bar.close()
    labels = system_labels(system, args.lang)
    text = render_uncertainty(res, sens, args.format, args.lang, labels=labels)
    tables = {
        "uncertainty": uncertainty_summary(res),
        "agreement": res.agreement,
        "consistency": res.consistency,
    }
    if sens is not None:
        tables["sensitivity"] = sens.indices
    emit(text, args, tables=tables, labels=labels)
    return 0
