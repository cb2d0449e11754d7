"""Pairwise-comparison judgments: AHP weights and consistency, pure math.

Validation of reciprocal matrices, the eigenvector, geometric-mean and
arithmetic priorities, lambda_max, CI and CR with the random-index tables,
inconsistency diagnosis, group aggregation (AIJ/AIP) and completion of
incomplete matrices. It depends on nothing but numpy: the indicator-system
reader uses it to complete and check judgments as it reads them, and
`clusterscore.weights` to weight a system's hierarchy.

Modules: ``priorities.py`` (`ahp`, `consistency`, `AHPResult`),
``kernels.py`` (`eigen_kernel`, `consistency_kernel` and the other array
kernels), ``validate.py`` (`validate_judgments`, the RI choice),
``diagnose.py`` (`diagnose_inconsistency`, `Suggestion`), ``group.py``
(`aggregate_judgments`, `GroupResult`), ``complete.py``
(`complete_matrix`: LLSM and Harker) and ``scales.py`` (RI tables,
Saaty's scale, `MAX_CR`, `cr_acceptable`); ``ahp.py`` re-exports the
functions of all of them under its old name.
"""

# Through the ahp module, so that it is loaded before the name ``ahp`` is
# bound here: ``clusterscore.judgments.ahp`` is the function, not the module.
from clusterscore.judgments.ahp import (
    METHODS,
    AHPResult,
    GroupResult,
    Suggestion,
    aggregate_judgments,
    ahp,
    complete_matrix,
    consistency,
    consistency_kernel,
    diagnose_inconsistency,
    eigen_kernel,
    validate_judgments,
)
from clusterscore.judgments.scales import (
    MAX_CR,
    RI_TABLES,
    SAATY_SCALE,
    cr_acceptable,
)

__all__ = [
    "MAX_CR",
    "METHODS",
    "RI_TABLES",
    "SAATY_SCALE",
    "AHPResult",
    "GroupResult",
    "Suggestion",
    "aggregate_judgments",
    "ahp",
    "complete_matrix",
    "consistency",
    "consistency_kernel",
    "cr_acceptable",
    "diagnose_inconsistency",
    "eigen_kernel",
    "validate_judgments",
]
