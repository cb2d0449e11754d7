"""clusterscore: evaluate advanced manufacturing clusters.

Score and rank clusters with an indicator system of five dimensions,
weighted by AHP (expert judgments) and the entropy method (the data), and
diagnose each cluster's gaps against the advanced-cluster benchmark.
"""

from importlib.metadata import PackageNotFoundError, version

from clusterscore.errors import (
    ClusterScoreError,
    ClusterScoreWarning,
    ConfigError,
    DataError,
    DataWarning,
    DegenerateIndicatorWarning,
    FallbackWarning,
    JudgmentError,
    ParameterError,
)
from clusterscore.weights import AHPResult, ahp

try:
    __version__ = version("clusterscore")
except PackageNotFoundError:  # running from a source tree, not installed
    __version__ = "0+unknown"

__all__ = [
    "AHPResult",
    "ClusterScoreError",
    "ClusterScoreWarning",
    "ConfigError",
    "DataError",
    "DataWarning",
    "DegenerateIndicatorWarning",
    "FallbackWarning",
    "JudgmentError",
    "ParameterError",
    "__version__",
    "ahp",
]
