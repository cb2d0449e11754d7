"""The option names and defaults the command line offers, in one light module.

Building the ``clusterscore`` argument parser (and so ``--help``) needs
the choices of every option, but not the numpy/pandas code behind them.
This module imports nothing, so the parser can be built without loading
the library. Each constant below is defined here once; the library
modules that own the meaning import it from here (``present.tables``,
``scoring``, ``judgments.scales``, ``gaps``, ``analysis.coupling``,
``present.report``). Where the truth is a registry of functions
(aggregations, combinations, random-index tables, CR rules, languages),
the names are mirrored here and ``tests/test_choices.py`` keeps the two in
step.
"""

from __future__ import annotations

__all__ = [
    "AGGREGATIONS",
    "COMBINATIONS",
    "COUPLING_FORMS",
    "CR_RULES",
    "DEFAULT_QUANTILE",
    "DEFAULT_SAMPLES",
    "FORMATS",
    "LANGS",
    "MAX_CR",
    "MISSING_POLICIES",
    "OBJECTIVES",
    "PANEL_MODES",
    "PLOT_KINDS",
    "REPORT_FORMATS",
    "RI_TABLE_NAMES",
    "SEVERITIES",
    "WEIGHTINGS",
]

# ---- defined here (the library modules import them) ----------------------

FORMATS = ("table", "csv", "json", "markdown")
"""The output formats of the table commands (`present.render_table`)."""

MISSING_POLICIES = ("refuse", "median", "drop_indicator")
"""What to do with missing values (NaN cells) in the table."""

OBJECTIVES = ("entropy", "critic", "std")
"""The objective (data-driven) weighting methods: Shannon entropy,
CRITIC (Diakoulaki et al. 1995) and the standard deviation."""

WEIGHTINGS = ("ahp", "entropy", "combined")
"""Where the indicator weights come from."""

PANEL_MODES = ("global", "per_year")
"""How a panel is scored: all years together, or each year on its own."""

MAX_CR = 0.10
"""Saaty's customary threshold: a CR that does not exceed 0.10 is accepted.

Saaty, T. L. (1980), *The Analytic Hierarchy Process*, McGraw-Hill. The
indicator-file reader, `ahp(max_cr=...)` and the uncertainty drivers all
apply it through `cr_acceptable`.
"""

SEVERITIES = ("none", "minor", "major", "critical", "no target", "no data")
"""Severity labels: the four graded ones, worst last, then the two that
say a comparison was impossible (``"no target"``: the benchmark has no
target for the cell; ``"no data"``: the cluster's value is missing)."""

DEFAULT_QUANTILE = 0.9
"""Default quantile of ``benchmark="quantile"``: the top 10 % of the
clusters of a type, as the European Cluster Observatory's size star."""

COUPLING_FORMS = ("corrected", "classic")
"""The forms of the coupling degree; see `clusterscore.analysis.coupling`."""

REPORT_FORMATS = ("html", "markdown")
"""The formats of `clusterscore.report`."""

DEFAULT_SAMPLES = 500
"""Monte Carlo samples of the report's uncertainty section (0: off)."""

# ---- mirrored from a registry (tests/test_choices.py checks them) ---------

LANGS = ("en", "zh")
"""The languages of the vocabulary (`clusterscore.present.labels.LANGS`)."""

AGGREGATIONS = ("weighted_sum", "geometric", "topsis", "gra", "vikor")
"""The keys of `clusterscore.aggregate.AGGREGATIONS`, in its order."""

COMBINATIONS = ("multiplicative", "linear", "game_theory")
"""The keys of `clusterscore.weights.combine.COMBINE_METHODS`."""

RI_TABLE_NAMES = ("saaty", "alonso_lamata", "tummala_ling")
"""The keys of `clusterscore.judgments.RI_TABLES`."""

CR_RULES = ("resample", "reject", "keep")
"""`clusterscore.uncertainty.sampling.CR_RULES`."""

PLOT_KINDS = ("ranking", "profile", "gaps", "weights", "intervals")
"""The keys of `clusterscore.plot.KINDS`."""
