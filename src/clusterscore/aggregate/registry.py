"""The aggregation registry: `AGGREGATIONS` and `AggregationMethod`.

Every aggregation method is one `AggregationMethod` entry of
`AGGREGATIONS`, which `aggregate`, `dimension_scores`, the scoring stage,
the command line and the docs enumerate. A new method adds its kernels in
its own module of this package and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from clusterscore.aggregate.dimensions import (
    _dim_geometric,
    _dim_topsis,
    _dim_weighted_sum,
)
from clusterscore.aggregate.gra import gra_dimension_kernel, gra_grade
from clusterscore.aggregate.kernels import (
    topsis_closeness,
    weighted_geometric,
    weighted_sum,
)
from clusterscore.aggregate.vikor import vikor_dimension_kernel, vikor_score
from clusterscore.normalize import FloatArray


@dataclass(frozen=True)
class AggregationMethod:
    """One aggregation method of the registry.

    Attributes
    ----------
    name : str
        The option value (``aggregate(..., method=name)``).
    kernel : callable
        ``kernel(Y, W, **options)`` -> scores (m,) or (k, m).
    options : tuple of str
        The keyword options the kernel takes (``("floor",)`` for the
        geometric mean, ``("rho",)`` for GRA, ``("v",)`` for VIKOR, or
        empty).
    nonnegative : bool
        Whether the method needs every normalised value >= 0.
    dimension_kernel : callable
        ``dimension_kernel(Y, M, floor, **options)`` with M the (n, n_dims)
        matrix of within-dimension weights; see `dimension_scores`.
    formula : str
        The formula in plain text, for docs and help.
    subscore : str
        What a dimension sub-score means for this method.
    """

    name: str
    kernel: Callable[..., FloatArray]
    options: tuple[str, ...]
    nonnegative: bool
    dimension_kernel: Callable[..., FloatArray]
    formula: str
    subscore: str


AGGREGATIONS: dict[str, AggregationMethod] = {
    "weighted_sum": AggregationMethod(
        "weighted_sum",
        weighted_sum,
        options=(),
        nonnegative=False,
        dimension_kernel=_dim_weighted_sum,
        formula="S = sum_j w_j y_j",
        subscore="weighted mean of the dimension's indicators; the score "
        "is the dimension-weighted sum of the sub-scores",
    ),
    "geometric": AggregationMethod(
        "geometric",
        weighted_geometric,
        options=("floor",),
        nonnegative=True,
        dimension_kernel=_dim_geometric,
        formula="S = prod_j max(y_j, floor)^w_j, floor 0.01",
        subscore="weighted geometric mean of the dimension's indicators; "
        "the score is the dimension-weighted geometric mean of the "
        "sub-scores",
    ),
    "topsis": AggregationMethod(
        "topsis",
        topsis_closeness,
        options=(),
        nonnegative=False,
        dimension_kernel=_dim_topsis,
        formula="C = d-/(d+ + d-), weighted Euclidean distances to the "
        "ideal (d+) and anti-ideal (d-)",
        subscore="TOPSIS closeness on the dimension's indicators alone; "
        "the score is not a function of the sub-scores",
    ),
    "gra": AggregationMethod(
        "gra",
        gra_grade,
        options=("rho",),
        nonnegative=False,
        dimension_kernel=gra_dimension_kernel,
        formula="S = sum_j w_j xi_j, xi = (dmin + rho dmax) / (d + rho "
        "dmax), d = |1 - y| (grey relational grade, Deng 1982)",
        subscore="grey relational grade over the dimension's indicators; "
        "the score is the dimension-weighted sum of the sub-scores",
    ),
    "vikor": AggregationMethod(
        "vikor",
        vikor_score,
        options=("v",),
        nonnegative=False,
        dimension_kernel=vikor_dimension_kernel,
        formula="S = 1 - Q, Q = v (S - S*)/(S- - S*) + (1 - v) (R - R*)/"
        "(R- - R*) (VIKOR, Opricovic & Tzeng 2004)",
        subscore="1 - Q of VIKOR run on the dimension's indicators alone; "
        "the score is not a function of the sub-scores",
    ),
}
Aggregation = Literal["weighted_sum", "geometric", "topsis", "gra", "vikor"]
"""The names in `AGGREGATIONS`, as a type (a test keeps them in step)."""
