"""Uncertainty and sensitivity of a ranking: Monte Carlo and Sobol indices.

Modules: `sampling` (perturbed judgments, alpha and method draws),
`ranks` (batched ranks, Spearman, Kendall), `sobol` (the estimators),
`model` (the evaluation on batches of sampled inputs) and `run` (the
drivers `uncertainty` and `sensitivity` and their results).
"""

from clusterscore.uncertainty.ranks import (
    batched_ranks,
    kendall_tau_b,
    spearman_rho,
)
from clusterscore.uncertainty.run import (
    SensitivityResult,
    UncertaintyResult,
    sensitivity,
    uncertainty,
)
from clusterscore.uncertainty.sampling import batched_ahp, perturb_judgments
from clusterscore.uncertainty.sobol import sobol_indices

__all__ = [
    "SensitivityResult",
    "UncertaintyResult",
    "batched_ahp",
    "batched_ranks",
    "kendall_tau_b",
    "perturb_judgments",
    "sensitivity",
    "sobol_indices",
    "spearman_rho",
    "uncertainty",
]
