"""Normalisation: put every indicator on a common, higher-is-better scale.

Each method is an array kernel with the signature
``kernel(X, signs, ...) -> Y`` where ``X`` is an ``(m, n)`` float matrix
(clusters x indicators) and ``signs`` an ``(n,)`` int8 vector of ``+1``
(benefit: more is better) and ``-1`` (cost: less is better). Kernels do not
validate their input: they trust finite values, matching shapes and, where
the method says so, non-negative values and positive targets. Every method
returns a matrix in which a larger value is better whatever the indicator's
direction, and, except the z-score, lies in [0, 1].

`normalize` is the public, validating entry point; it accepts arrays or
DataFrames and dispatches through the `NORMALIZATIONS` registry, which is
also what the scoring stage, the command line and the docs enumerate.

A column with no spread (every cluster has the same value) carries no
information. Every kernel gives it a documented, finite value (never NaN):
0.5 for min-max and percentile ranks, 0 for z-scores, ``1/sqrt(m)`` (cost:
``1 - 1/sqrt(m)``) for vector normalisation; target-relative scores do not
depend on the spread. The weighting stage (entropy) is where such a column
is flagged; normalisation does not warn.

Layout: ``columns.py`` (blocked column statistics, shared with
`clusterscore.aggregate`), ``kernels.py`` (the five kernels and the
constant-column rules `CONSTANT_COLUMN_VALUE` and `CONSTANT_COLUMN_ZERO`),
``registry.py`` (`NormalizationMethod`, `NORMALIZATIONS`) and ``api.py``
(the validating `normalize`). The matrix checks are in
``clusterscore._checks``.
"""

from clusterscore.normalize.api import normalize

# Shared with clusterscore.aggregate (not public API):
from clusterscore.normalize.columns import (
    FloatArray as FloatArray,
)
from clusterscore.normalize.columns import (
    SignArray as SignArray,
)
from clusterscore.normalize.columns import (
    _block_rows as _block_rows,
)
from clusterscore.normalize.columns import (
    _column_norms as _column_norms,
)
from clusterscore.normalize.columns import (
    _column_stats as _column_stats,
)
from clusterscore.normalize.columns import (
    _pow2_rescale as _pow2_rescale,
)
from clusterscore.normalize.kernels import (
    CONSTANT_COLUMN_VALUE,
    CONSTANT_COLUMN_ZERO,
    ZSCORE_DDOF,
    minmax_kernel,
    percentile_kernel,
    target_kernel,
    vector_kernel,
    zscore_kernel,
)
from clusterscore.normalize.registry import NORMALIZATIONS, NormalizationMethod

__all__ = [
    "CONSTANT_COLUMN_VALUE",
    "CONSTANT_COLUMN_ZERO",
    "NORMALIZATIONS",
    "ZSCORE_DDOF",
    "NormalizationMethod",
    "minmax_kernel",
    "normalize",
    "percentile_kernel",
    "target_kernel",
    "vector_kernel",
    "zscore_kernel",
]
