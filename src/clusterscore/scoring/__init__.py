"""Scoring: `evaluate()` and `rank_clusters()`, the whole pipeline for a table.

``stages.py`` holds the stage functions on prepared arrays (preparation and
missing values, subjective and objective weights per segment, the scoring
matrix, aggregation, ranks with ties) that `evaluate` and the uncertainty
drivers both call; ``evaluate.py`` assembles them into the `Evaluation`.
"""

from clusterscore.scoring.evaluate import (
    Evaluation,
    evaluate,
    evaluate_prepared,
    rank_clusters,
)
from clusterscore.scoring.options import (
    AGGREGATIONS,
    ALL_NORMALIZATIONS,
    COMBINATIONS,
    DEFAULT_NORMALIZATION,
    METHOD_OPTIONS,
    NORMALIZATIONS_FOR,
    WEIGHTINGS,
    RunOptions,
    method_options,
    resolve_normalization,
)
from clusterscore.scoring.panel import (
    PANEL_MODES,
)
from clusterscore.scoring.stages import (
    MIN_TYPE_VALUES,
    MISSING_POLICIES,
    OBJECTIVES,
    Prepared,
    aggregate_scores,
    competition_ranks,
    dimension_scores,
    hierarchy_weights,
    normalised,
    objective_weights,
    prepare,
    scoring_matrix,
    subjective_weights,
)

__all__ = [
    "AGGREGATIONS",
    "ALL_NORMALIZATIONS",
    "COMBINATIONS",
    "DEFAULT_NORMALIZATION",
    "METHOD_OPTIONS",
    "MIN_TYPE_VALUES",
    "MISSING_POLICIES",
    "NORMALIZATIONS_FOR",
    "OBJECTIVES",
    "PANEL_MODES",
    "WEIGHTINGS",
    "Evaluation",
    "Prepared",
    "RunOptions",
    "aggregate_scores",
    "competition_ranks",
    "dimension_scores",
    "evaluate",
    "evaluate_prepared",
    "hierarchy_weights",
    "method_options",
    "normalised",
    "objective_weights",
    "prepare",
    "rank_clusters",
    "resolve_normalization",
    "scoring_matrix",
    "subjective_weights",
]
