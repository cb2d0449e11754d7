r"""Aggregation: from normalised indicators and weights to one score each.

Kernels take a normalised, higher-is-better matrix ``Y`` of shape
``(m, n)`` (clusters x indicators, normally in [0, 1]) and weights ``W``
that are either one vector of shape ``(n,)`` summing to 1, giving scores of
shape ``(m,)``, or a batch of ``k`` weight vectors of shape ``(k, n)``
(each row summing to 1), giving scores of shape ``(k, m)`` in one call,
without a Python loop over the ``k`` samples (the Monte Carlo stage uses
this). Kernels do not validate.

- `weighted_sum`: :math:`S_i = \sum_j w_j y_{ij}`.
- `weighted_geometric`: :math:`S_i = \prod_j \max(y_{ij}, f)^{w_j}` with
  a floor :math:`f` (`DEFAULT_FLOOR` = 0.01).
- `topsis_closeness`: TOPSIS relative closeness on ``Y`` (Hwang and Yoon
  1981).
- `dimension_scores`: per-dimension sub-scores consistent with each of the
  three (for the weighted sum and the geometric mean the overall score is
  the dimension-weighted combination of the sub-scores).

The public, validating functions are `aggregate` (dispatching through the
`AGGREGATIONS` registry) and `topsis` (TOPSIS on a raw decision matrix,
fast: two blocked passes over memory).

Large matrices are processed in row blocks of about 2**15 elements so that
temporaries stay in the CPU cache and peak memory does not grow with the
number of clusters; the loop is over blocks of thousands of rows, never
over single clusters.

Layout: ``kernels.py`` (the score kernels, `DEFAULT_FLOOR`,
`TOPSIS_NORMALIZATIONS`), ``dimensions.py`` (dimension weights and the
sub-score kernels), ``registry.py`` (`AggregationMethod` and the
`AGGREGATIONS` registry: the one place a method is registered) and
``api.py`` (the validating `aggregate`, `topsis`, `dimension_scores`).
"""

from clusterscore.aggregate.api import aggregate, dimension_scores, topsis
from clusterscore.aggregate.dimensions import dimension_weights
from clusterscore.aggregate.kernels import (
    DEFAULT_FLOOR,
    TOPSIS_NORMALIZATIONS,
    topsis_closeness,
    weighted_geometric,
    weighted_sum,
)
from clusterscore.aggregate.registry import AGGREGATIONS, AggregationMethod

__all__ = [
    "AGGREGATIONS",
    "DEFAULT_FLOOR",
    "TOPSIS_NORMALIZATIONS",
    "AggregationMethod",
    "aggregate",
    "dimension_scores",
    "dimension_weights",
    "topsis",
    "topsis_closeness",
    "weighted_geometric",
    "weighted_sum",
]
