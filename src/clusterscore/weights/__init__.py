"""Weighting methods: AHP (subjective), entropy and CRITIC (objective).

Subjective weights come from pairwise judgments (`ahp`, group and
incomplete judgments, the hierarchy of a system); objective weights from
the data (`entropy_weights`, `critic_weights`, `std_weights`); and
`combine_weights` joins the two.
"""

from clusterscore.weights.ahp import (
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
from clusterscore.weights.combine import (
    combine_weights,
    game_theory_coefficients,
)
from clusterscore.weights.entropy import (
    critic_weights,
    entropy_weights,
    std_weights,
)
from clusterscore.weights.hierarchy import HierarchyWeights, system_weights

__all__ = [
    "AHPResult",
    "GroupResult",
    "HierarchyWeights",
    "Suggestion",
    "aggregate_judgments",
    "ahp",
    "combine_weights",
    "complete_matrix",
    "consistency",
    "critic_weights",
    "diagnose_inconsistency",
    "entropy_weights",
    "game_theory_coefficients",
    "std_weights",
    "system_weights",
    "validate_judgments",
]
