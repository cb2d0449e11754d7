"""The options of a scoring run: the allowed names, the defaults, one record.

`RunOptions` is the one record of a run's options, shared by `evaluate`,
`clusterscore.uncertainty` and `clusterscore.uncertainty.sensitivity`;
`resolve_normalization` is the one rule for which normalisation a method
uses. The names each option may take come from the registries of the
stages below (`clusterscore.aggregate.AGGREGATIONS`,
`clusterscore.weights.combine.COMBINE_METHODS`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from clusterscore import aggregate as _agg
from clusterscore._checks import (
    as_optional_non_negative,
    check_flag,
    check_option,
    check_unit_interval,
    short_repr,
)
from clusterscore._choices import WEIGHTINGS
from clusterscore.aggregate.gra import DEFAULT_RHO, check_rho
from clusterscore.aggregate.registry import Aggregation as _Aggregation
from clusterscore.aggregate.vikor import DEFAULT_V, check_v
from clusterscore.errors import ParameterError
from clusterscore.judgments import MAX_CR, RI_TABLES
from clusterscore.judgments.priorities import METHODS as AHP_METHODS
from clusterscore.scoring.stages import MISSING_POLICIES, OBJECTIVES
from clusterscore.weights.combine import COMBINE_METHODS, CombineMethod

__all__ = [
    "AGGREGATIONS",
    "ALL_NORMALIZATIONS",
    "COMBINATIONS",
    "DEFAULT_NORMALIZATION",
    "METHOD_OPTIONS",
    "NORMALIZATIONS_FOR",
    "WEIGHTINGS",
    "RunOptions",
    "method_options",
    "resolve_normalization",
]

Weighting = Literal["ahp", "entropy", "combined"]
"""The names in `WEIGHTINGS`, as a type (a test keeps them in step)."""

AGGREGATIONS = tuple(_agg.AGGREGATIONS)
"""How normalised indicators are aggregated into a score."""
Aggregation = _Aggregation
"""The names in `AGGREGATIONS`, as a type (a test keeps them in step)."""

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
Normalization = Literal["minmax", "target", "percentile", "vector"]
"""The names in `ALL_NORMALIZATIONS`, as a type (a test keeps them in step)."""


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
Combination = CombineMethod
"""The names in `COMBINATIONS`, as a type (a test keeps them in step)."""

METHOD_OPTIONS = {"rho": "gra", "v": "vikor"}
"""Each aggregation's own option and the method it belongs to: GRA's
distinguishing coefficient ``rho`` in (0, 1] and VIKOR's group-utility
weight ``v`` in [0, 1] (both 0.5 by default)."""


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
    rho : float
        GRA's distinguishing coefficient in (0, 1] (Deng 1982; default
        0.5); used by ``method="gra"`` only, and in `as_dict` only then.
    v : float
        VIKOR's weight of the group-utility strategy in [0, 1] (Opricovic
        & Tzeng 2004; default 0.5); used by ``method="vikor"`` only, and
        in `as_dict` only then.
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
    rho: float = DEFAULT_RHO
    v: float = DEFAULT_V

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
        rho: float | None = None,
        v: float | None = None,
    ) -> RunOptions:
        """Validate the options of `fn` and return them as a record.

        The record's `system` is left empty for the caller to fill in
        (``dataclasses.replace``) once the system is loaded. `rho` and
        `v` (None: the default 0.5) are checked, and refused for a
        method they do not apply to (`METHOD_OPTIONS`).
        """
        check_option(fn, "weighting", weighting, WEIGHTINGS)
        check_option(fn, "method", method, AGGREGATIONS)
        check_option(fn, "combine", combine, COMBINATIONS)
        check_option(fn, "missing", missing, MISSING_POLICIES)
        check_option(fn, "objective", objective, OBJECTIVES)
        check_option(fn, "ri", ri, tuple(RI_TABLES))
        check_option(fn, "ahp_method", ahp_method, AHP_METHODS)
        by_type = check_flag(fn, "by_type", by_type)
        max_cr = as_optional_non_negative(fn, "max_cr", max_cr)
        alpha = check_unit_interval(fn, "alpha", alpha)
        if normalization is not None:
            check_option(
                fn, "normalization", normalization, NORMALIZATIONS_FOR[method]
            )
        extra = method_options(fn, method, {"rho": rho, "v": v})
        rho_v = (extra.get("rho", DEFAULT_RHO), extra.get("v", DEFAULT_V))
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
            rho=rho_v[0],
            v=rho_v[1],
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the options as a dict (field order), as `Evaluation` has.

        ``panel`` is left out for a table without years, ``rho`` unless
        the method is GRA and ``v`` unless it is VIKOR.
        """
        out = asdict(self)
        if out["panel"] is None:
            del out["panel"]
        for name, owner in METHOD_OPTIONS.items():
            if self.method != owner:
                del out[name]
        return out


def method_options(
    fn: str, methods: str | Sequence[str], given: Mapping[str, Any]
) -> dict[str, float]:
    """Check the aggregations' own options; refuse those no method uses.

    `given` maps option names (``rho``, ``v``; others are ignored) to
    values, None for "not given" (the default 0.5 is kept and the option
    left out of the result). An option is refused when none of `methods`
    (one method, or those `clusterscore.uncertainty` draws) owns it
    (`METHOD_OPTIONS`).

    Examples
    --------
    >>> method_options("evaluate", "gra", {"rho": 0.3, "v": None})
    {'rho': 0.3}
    """
    checks = {"rho": check_rho, "v": check_v}
    several = not isinstance(methods, str)
    pool = tuple(methods) if several else (methods,)
    out: dict[str, float] = {}
    for name, owner in METHOD_OPTIONS.items():
        value = given.get(name)
        if value is None:
            continue
        if owner not in pool:
            got = f"method={short_repr(methods)}"
            if several:
                got = f"methods={short_repr(list(pool))}"
            raise ParameterError(
                f"{fn}(): '{name}' only applies to method={owner!r}; got "
                f"{got}.",
                parameter=name,
                value=value,
                allowed=f"method={owner!r}",
            )
        out[name] = checks[name](fn, value)
    return out
