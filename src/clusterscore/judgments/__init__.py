"""Pairwise-comparison judgments: AHP weights and consistency, pure math.

Validation of reciprocal matrices, the eigenvector, geometric-mean and
arithmetic priorities, lambda_max, CI and CR with the random-index tables,
inconsistency diagnosis, group aggregation (AIJ/AIP) and completion of
incomplete matrices. It depends on nothing but numpy: the indicator-system
reader uses it to complete and check judgments as it reads them, and
`clusterscore.weights` to weight a system's hierarchy.
"""

from clusterscore.judgments.ahp import (
    METHODS,
    AHPResult,
    GroupResult,
    Suggestion,
    aggregate_judgments,
    ahp,
    complete_matrix,
    consistency,
    diagnose_inconsistency,
    validate_judgments,
)
from clusterscore.judgments.scales import RI_TABLES, SAATY_SCALE

__all__ = [
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
    "diagnose_inconsistency",
    "validate_judgments",
]
