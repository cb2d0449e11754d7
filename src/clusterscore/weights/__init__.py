"""Weights of a system's indicators: subjective, objective and combined.

Subjective weights come from the system's pairwise judgments through its
hierarchy (`system_weights`, on the AHP of `clusterscore.judgments`);
objective weights from the data (`entropy_weights`, `critic_weights`,
`std_weights`); and `combine_weights` joins the two.
"""

from clusterscore.weights.combine import (
    combine_weights,
    game_theory_coefficients,
)
from clusterscore.weights.critic import critic_weights, std_weights
from clusterscore.weights.entropy import entropy_weights
from clusterscore.weights.hierarchy import HierarchyWeights, system_weights

__all__ = [
    "HierarchyWeights",
    "combine_weights",
    "critic_weights",
    "entropy_weights",
    "game_theory_coefficients",
    "std_weights",
    "system_weights",
]
