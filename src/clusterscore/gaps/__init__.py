"""Gaps against the advanced-cluster benchmark, and recommendations."""

from clusterscore.gaps.benchmark import (
    DEFAULT_QUANTILE,
    GAP_COLUMNS,
    REC_COLUMNS,
    SEVERITIES,
    Benchmark,
    Diagnosis,
    diagnose,
    dimension_gaps,
    flag_gaps,
    recommendations,
    resolve_benchmark,
    top_gaps,
)

__all__ = [
    "DEFAULT_QUANTILE",
    "GAP_COLUMNS",
    "REC_COLUMNS",
    "SEVERITIES",
    "Benchmark",
    "Diagnosis",
    "diagnose",
    "dimension_gaps",
    "flag_gaps",
    "recommendations",
    "resolve_benchmark",
    "top_gaps",
]
