r"""Method agreement: rankings by several methods and their rank correlations.

The robustness table of an evaluation study: the same clusters ranked by
several aggregation methods and weightings, side by side, with the
Spearman rank correlation

.. math:: \rho_s = \operatorname{corr}(\operatorname{rank}(a),
          \operatorname{rank}(b))

(Pearson's correlation of the ranks, average ranks for ties; Spearman
1904) and Kendall's :math:`\tau_b`, which counts concordant minus
discordant pairs with the tie correction of Kendall (1945),

.. math:: \tau_b = \frac{n_c - n_d}{\sqrt{(n_0 - n_1)(n_0 - n_2)}}

between every two of them. Both are computed by pandas/scipy
(``DataFrame.corr(method="spearman" | "kendall")``; scipy's
``kendalltau`` is tau-b).

References
----------
.. [1] Spearman, C. (1904). The proof and measurement of association
   between two things. *American Journal of Psychology* 15(1), 72-101.
   doi:10.2307/1412159
.. [2] Kendall, M. G. (1945). The treatment of ties in ranking problems.
   *Biometrika* 33(3), 239-251. doi:10.1093/biomet/33.3.239
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

import numpy as np
import pandas as pd

from clusterscore._checks import check_option, short_repr
from clusterscore.errors import ParameterError
from clusterscore.scoring import (
    AGGREGATIONS,
    METHOD_OPTIONS,
    WEIGHTINGS,
    method_options,
    rank_clusters,
)
from clusterscore.system import IndicatorSystem

if TYPE_CHECKING:
    from clusterscore.scoring.options import Aggregation, Weighting

__all__ = ["MethodComparison", "compare_methods"]

DEFAULT_METHODS = ("weighted_sum", "geometric", "topsis")


@dataclass(frozen=True)
class MethodComparison:
    """Rankings of the same clusters by several methods.

    Attributes
    ----------
    ranks : pandas.DataFrame
        Indexed by ``cluster`` (in the first variant's ranking order); one
        column per variant, named ``"method/weighting"``: the rank (1 is
        best).
    scores : pandas.DataFrame
        Same layout: the 0-100 scores.
    spearman : pandas.DataFrame
        Spearman rank correlations between the variants (square,
        diagonal 1).
    kendall : pandas.DataFrame
        Kendall's tau-b between the variants (square, diagonal 1).
    variants : tuple of (str, str)
        The (method, weighting) pairs, in column order.
    """

    ranks: pd.DataFrame
    scores: pd.DataFrame
    spearman: pd.DataFrame
    kendall: pd.DataFrame
    variants: tuple[tuple[str, str], ...]


def _as_names(
    func: str, param: str, value: Any, allowed: Sequence[str]
) -> tuple[str, ...]:
    """Return a non-empty tuple of distinct names, each in `allowed`."""
    try:
        names = (value,) if isinstance(value, str) else tuple(value)
    except TypeError:  # not iterable: check_option refuses it by value
        names = (value,)
    if not names:
        raise ParameterError(
            f"{func}(): {param!r} must name at least one option.",
            parameter=param,
            value=value,
            allowed=tuple(allowed),
        )
    for name in names:
        check_option(func, param, name, allowed)
    if len(set(names)) != len(names):
        raise ParameterError(
            f"{func}(): {param!r} names an option twice: "
            f"{short_repr(list(names))}.",
            parameter=param,
            value=value,
        )
    return names


def _correlation(
    ranks: pd.DataFrame, method: Literal["spearman", "kendall"]
) -> pd.DataFrame:
    """Rank correlation matrix with the diagonal set to 1.

    A variant whose ranks are all tied has no defined correlation with
    another (NaN); with itself it agrees perfectly, so the diagonal is 1.
    """
    corr = ranks.corr(method=method)
    values = corr.to_numpy(copy=True)
    np.fill_diagonal(values, 1.0)
    return pd.DataFrame(values, index=corr.index, columns=corr.columns)


def compare_methods(
    df: pd.DataFrame,
    system: IndicatorSystem | None = None,
    *,
    methods: Sequence[str] | str = DEFAULT_METHODS,
    weightings: Sequence[str] | str = ("combined",),
    **options: Any,
) -> MethodComparison:
    """Rank the clusters with every method x weighting and compare.

    Parameters
    ----------
    df : pandas.DataFrame
        The input table (as for `clusterscore.rank_clusters`).
    system : IndicatorSystem, optional
        The indicator system; the default system when omitted.
    methods : sequence of str
        Aggregation methods (`clusterscore.scoring.AGGREGATIONS`); default
        ``("weighted_sum", "geometric", "topsis")``.
    weightings : sequence of str
        Weightings (`clusterscore.scoring.WEIGHTINGS`); default
        ``("combined",)``.
    **options
        Passed to every `rank_clusters` call (``by_type``, ``missing``,
        ``combine``, ``alpha``, ...). ``normalization`` applies to every
        method, so it must suit all of them; leave it out to use each
        method's default. ``rho`` (GRA) and ``v`` (VIKOR) go to the runs
        of their own method only, and are refused when `methods` lacks
        it.

    Returns
    -------
    MethodComparison
        ``ranks`` and ``scores`` side by side, ``spearman`` and
        ``kendall`` correlation matrices (diagonal 1).

    Raises
    ------
    ParameterError
        An unknown or repeated method or weighting, or an empty list; any
        error of `rank_clusters`.

    Examples
    --------
    >>> import clusterscore as cs
    >>> df = cs.datasets.synthetic_clusters(n=10, rng=3)
    >>> cmp = compare_methods(df, methods=("weighted_sum", "topsis"))
    >>> list(cmp.ranks.columns)
    ['weighted_sum/combined', 'topsis/combined']
    >>> float(cmp.spearman.iloc[0, 0])
    1.0
    """
    func = "compare_methods"
    for key in ("method", "weighting"):
        if key in options:
            raise ParameterError(
                f"{func}(): pass {key + 's'!r} (a list), not {key!r}.",
                parameter=key,
                value=options[key],
            )
    methods = _as_names(func, "methods", methods, AGGREGATIONS)
    weightings = _as_names(func, "weightings", weightings, WEIGHTINGS)
    # rho (GRA) and v (VIKOR) go to their own method's runs only
    own = method_options(
        func, methods, {k: options.pop(k, None) for k in METHOD_OPTIONS}
    )
    variants = tuple((m, w) for m in methods for w in weightings)
    ranks: dict[str, pd.Series] = {}
    scores: dict[str, pd.Series] = {}
    order = None
    for method, weighting in variants:
        mine = {k: x for k, x in own.items() if METHOD_OPTIONS[k] == method}
        ranking = rank_clusters(  # the names were checked by _as_names
            df,
            system,
            weighting=cast("Weighting", weighting),
            method=cast("Aggregation", method),
            **options,
            **mine,
        )
        if order is None:
            order = ranking.index
        label = f"{method}/{weighting}"
        ranks[label] = ranking["rank"]
        scores[label] = ranking["score"]
    assert order is not None  # _as_names: at least one variant
    rank_table = pd.DataFrame(ranks).reindex(order)
    score_table = pd.DataFrame(scores).reindex(order)
    rank_table.index.name = score_table.index.name = "cluster"
    return MethodComparison(
        ranks=rank_table,
        scores=score_table,
        spearman=_correlation(rank_table, "spearman"),
        kendall=_correlation(rank_table, "kendall"),
        variants=variants,
    )
