"""The normalisation registry: `NORMALIZATIONS` and `NormalizationMethod`.

`normalize`, the scoring stage, the command line and the docs enumerate
it; a new method adds its kernel in `clusterscore.normalize.kernels` and
one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clusterscore.normalize.columns import FloatArray
from clusterscore.normalize.kernels import (
    minmax_kernel,
    percentile_kernel,
    target_kernel,
    vector_kernel,
    zscore_kernel,
)


@dataclass(frozen=True)
class NormalizationMethod:
    """One normalisation method of the registry.

    Attributes
    ----------
    name : str
        The option value (``normalize(..., method=name)``).
    kernel : callable
        ``kernel(X, signs)`` or, when `needs_targets`, ``kernel(X, signs,
        targets)``.
    bounded : bool
        Whether results lie in [0, 1] (needed by the geometric mean).
    needs_targets : bool
        Whether the method takes one target per indicator.
    nonnegative : bool
        Whether the method needs every value >= 0.
    formula : str
        Benefit and cost formulas in plain text, for docs and help.
    """

    name: str
    kernel: Callable[..., FloatArray]
    bounded: bool
    needs_targets: bool
    nonnegative: bool
    formula: str


NORMALIZATIONS: dict[str, NormalizationMethod] = {
    "minmax": NormalizationMethod(
        "minmax",
        minmax_kernel,
        bounded=True,
        needs_targets=False,
        nonnegative=False,
        formula="benefit (x - min)/(max - min); cost (max - x)/(max - min);"
        " constant column 0.5",
    ),
    "target": NormalizationMethod(
        "target",
        target_kernel,
        bounded=True,
        needs_targets=True,
        nonnegative=True,
        formula="benefit min(x/target, 1); cost min(target/x, 1), 1 at x=0",
    ),
    "zscore": NormalizationMethod(
        "zscore",
        zscore_kernel,
        bounded=False,
        needs_targets=False,
        nonnegative=False,
        formula="sign * (x - mean)/sd, sd with ddof=1; constant column 0",
    ),
    "vector": NormalizationMethod(
        "vector",
        vector_kernel,
        bounded=True,
        needs_targets=False,
        nonnegative=True,
        formula="benefit x/||x||; cost 1 - x/||x||, ||x|| = sqrt(sum x^2)",
    ),
    "percentile": NormalizationMethod(
        "percentile",
        percentile_kernel,
        bounded=True,
        needs_targets=False,
        nonnegative=False,
        formula="(rank - 1)/(m - 1), rank 1 = worst, average ties",
    ),
}
