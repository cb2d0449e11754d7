"""Gaps against the advanced-cluster benchmark, and recommendations.

Modules: `benchmark` (targets per type and indicator), `flag` (attainment,
severity, `flag_gaps`), `dimensions` (`dimension_gaps`, `top_gaps`),
`recommend` (`recommendations`), `diagnose` (one cluster's `Diagnosis`,
data only; `clusterscore.present` lays it out as text).
"""

from clusterscore.gaps.benchmark import (
    DEFAULT_QUANTILE,
    Benchmark,
    resolve_benchmark,
)
from clusterscore.gaps.diagnose import (
    Diagnosis,
    diagnose,
    set_diagnosis_renderer,
)
from clusterscore.gaps.dimensions import dimension_gaps, top_gaps
from clusterscore.gaps.flag import (
    GAP_COLUMNS,
    SEVERITIES,
    flag_gaps,
    format_attainment,
    format_value,
)
from clusterscore.gaps.recommend import REC_COLUMNS, recommendations

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
    "format_attainment",
    "format_value",
    "recommendations",
    "resolve_benchmark",
    "set_diagnosis_renderer",
    "top_gaps",
]
