"""The options of a scoring run: the allowed names, the defaults, one record.

`RunOptions` is the one record of a run's options, shared by `evaluate`,
`clusterscore.uncertainty` and `clusterscore.uncertainty.sensitivity`;
`resolve_normalization` is the one rule for which normalisation a method
uses. The names each option may take come from the registries of the
stages below (`clusterscore.aggregate.AGGREGATIONS`,
`clusterscore.weights.combine.COMBINE_METHODS`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from clusterscore import aggregate as _agg
from clusterscore._checks import (
    as_optional_non_negative,
    check_option,
    check_unit_interval,
)
from clusterscore._choices import WEIGHTINGS
from clusterscore.judgments import MAX_CR, RI_TABLES
from clusterscore.scoring.stages import MISSING_POLICIES, OBJECTIVES
from clusterscore.weights.combine import COMBINE_METHODS

__all__ = [
    "AGGREGATIONS",
    "ALL_NORMALIZATIONS",
    "COMBINATIONS",
    "DEFAULT_NORMALIZATION",
    "NORMALIZATIONS_FOR",
    "WEIGHTINGS",
    "RunOptions",
    "resolve_normalization",
]

AGGREGATIONS = tuple(_agg.AGGREGATIONS)
"""How normalised indicators are aggregated into a score."""

NORMALIZATIONS_FOR = {
    "weighted_sum": ("minmax", "target", "percentile"),
    "geometric": ("minmax", "target", "percentile"),
    "topsis": _agg.TOPSIS_NORMALIZATIONS,
    "gra": ("minmax", "target", "percentile"),
    "vikor": ("minmax",),
}
"""The normalisations each aggregation accepts (z-scores are excluded:
scores must stay in 0-100); the first is the default."""

DEFAULT_NORMALIZATION = {
    m: norms[0] for m, norms in NORMALIZATIONS_FOR.items()
}
"""The normalisation used when ``normalization=None``."""

ALL_NORMALIZATIONS = tuple(
    dict.fromkeys(n for norms in NORMALIZATIONS_FOR.values() for n in norms)
)
"""Every normalisation some aggregation accepts (minmax, target,
percentile, vector)."""


def resolve_normalization(method: str, normalization: str | None) -> str:
    """Return the normalisation `method` uses when `normalization` is asked.

    The one rule: a normalisation the method accepts (`NORMALIZATIONS_FOR`)
    is used as given; None, or one the method does not accept, gives the
    method's default (`DEFAULT_NORMALIZATION`). `evaluate` refuses a
    normalisation the method does not accept before asking;
    `clusterscore.uncertainty` draws methods and normalisations
    independently and relies on the substitution.

    Examples
    --------
    >>> resolve_normalization("topsis", None)
    'vector'
    >>> resolve_normalization("topsis", "target")
    'vector'
    >>> resolve_normalization("geometric", "percentile")
    'percentile'
    """
    if (
        normalization is None
        or normalization not in NORMALIZATIONS_FOR[method]
    ):
        return DEFAULT_NORMALIZATION[method]
    return normalization


COMBINATIONS = tuple(COMBINE_METHODS)


@dataclass(frozen=True)
class RunOptions:
    """The options of one scoring run, after defaults were filled in.

    The one record of a run's options: `evaluate` builds it from its
    arguments (`checked`), `clusterscore.uncertainty` builds the nominal
    run of `uncertainty` and `sensitivity` from theirs, and
    `evaluate_prepared` scores with it. ``Evaluation.options`` is its
    `as_dict` (a plain dict, as before the record existed).

    Attributes
    ----------
    weighting, method, normalization, combine, alpha, by_type, missing, \
ahp_method, objective, ri, max_cr
        As for `evaluate`; `normalization` is resolved (never None).
    system : str
        The indicator system's path, or its id when it has none.
    panel : {None, "global", "per_year"}
        How a panel (a table with a ``year`` column) is scored; None for
        a table without years, and then absent from `as_dict`.
    """

    weighting: str = "combined"
    method: str = "weighted_sum"
    normalization: str = "minmax"
    combine: str = "multiplicative"
    alpha: float = 0.5
    by_type: bool = False
    missing: str = "refuse"
    ahp_method: str = "eigenvector"
    objective: str = "entropy"
    ri: str = "saaty"
    max_cr: float | None = MAX_CR
    system: str = ""
    panel: str | None = None

    @classmethod
    def checked(
        cls,
        fn: str,
        *,
        weighting: str,
        method: str,
        normalization: str | None,
        combine: str,
        alpha: float,
        by_type: bool,
        missing: str,
        ahp_method: str,
        objective: str = "entropy",
        ri: str = "saaty",
        max_cr: float | None = MAX_CR,
    ) -> RunOptions:
        """Validate the options of `fn` and return them as a record.

        The record's `system` is left empty for the caller to fill in
        (``dataclasses.replace``) once the system is loaded.
        """
        check_option(fn, "weighting", weighting, WEIGHTINGS)
        check_option(fn, "method", method, AGGREGATIONS)
        check_option(fn, "combine", combine, COMBINATIONS)
        check_option(fn, "missing", missing, MISSING_POLICIES)
        check_option(fn, "objective", objective, OBJECTIVES)
        check_option(fn, "ri", ri, tuple(RI_TABLES))
        max_cr = as_optional_non_negative(fn, "max_cr", max_cr)
        alpha = check_unit_interval(fn, "alpha", alpha)
        if normalization is not None:
            check_option(
                fn, "normalization", normalization, NORMALIZATIONS_FOR[method]
            )
        return cls(
            weighting=weighting,
            method=method,
            normalization=resolve_normalization(method, normalization),
            combine=combine,
            alpha=alpha,
            by_type=bool(by_type),
            missing=missing,
            ahp_method=ahp_method,
            objective=objective,
            ri=ri,
            max_cr=max_cr,
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the options as a dict (field order), as `Evaluation` has.

        ``panel`` is left out for a table without years.
        """
        out = asdict(self)
        if out["panel"] is None:
            del out["panel"]
        return out
