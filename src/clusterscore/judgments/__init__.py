"""Pairwise-comparison judgments: AHP weights and consistency, pure math.

Validation of reciprocal matrices, the eigenvector, geometric-mean and
arithmetic priorities, lambda_max, CI and CR with the random-index tables,
inconsistency diagnosis, group aggregation (AIJ/AIP) and completion of
incomplete matrices. It depends on nothing but numpy: the indicator-system
reader uses it to complete and check judgments as it reads them, and
`clusterscore.weights` to weight a system's hierarchy.

Modules: ``ahp.py`` (`ahp`, `consistency`, `AHPResult`), ``kernels.py``
(`eigen_kernel`, `consistency_kernel` and the other array kernels),
``validate.py`` (`validate_judgments`, the RI choice), ``diagnose.py``
(`diagnose_inconsistency`, `Suggestion`), ``group.py``
(`aggregate_judgments`, `GroupResult`), ``complete.py``
(`complete_matrix`: LLSM and Harker) and ``scales.py`` (RI tables,
Saaty's scale, `MAX_CR`, `cr_acceptable`).
"""

from clusterscore.judgments.ahp import METHODS, AHPResult, ahp, consistency
from clusterscore.judgments.complete import complete_matrix
from clusterscore.judgments.diagnose import Suggestion, diagnose_inconsistency
from clusterscore.judgments.group import GroupResult, aggregate_judgments
from clusterscore.judgments.kernels import consistency_kernel, eigen_kernel
from clusterscore.judgments.scales import (
    MAX_CR,
    RI_TABLES,
    SAATY_SCALE,
    cr_acceptable,
)
from clusterscore.judgments.validate import validate_judgments

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
