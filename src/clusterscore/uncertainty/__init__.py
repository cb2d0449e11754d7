"""Uncertainty and sensitivity of a ranking: Monte Carlo and Sobol indices."""

from clusterscore.uncertainty.run import (
    SensitivityResult,
    UncertaintyResult,
    batched_ahp,
    batched_ranks,
    kendall_tau_b,
    perturb_judgments,
    sensitivity,
    sobol_indices,
    spearman_rho,
    uncertainty,
)

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
