"""Weighting methods: AHP (subjective), entropy and CRITIC (objective)."""

from clusterscore.weights.ahp import AHPResult, ahp

__all__ = ["AHPResult", "ahp"]
