"""clusterscore: evaluate advanced manufacturing clusters.

Score and rank clusters with an indicator system of five dimensions,
weighted by AHP (expert judgments) and the entropy method (the data),
diagnose each cluster's gaps against the advanced-cluster benchmark with
the development path that fits its type, and measure how robust a ranking
is. See ``docs/methodology.md`` for every formula and its source.

The modules `clusterscore.normalize` and `clusterscore.aggregate` hold the
normalisation and aggregation registries (``normalize.normalize(...)``,
``aggregate.aggregate(...)``); the functions are not re-exported here so
that the module names stay modules.

The public-testing toolkit lives in `clusterscore.testing` (it needs the
optional ``hypothesis`` dependency and is not imported here).
"""

# present registers the renderers behind Diagnosis.to_text / .to_markdown
import clusterscore.present  # noqa: F401
from clusterscore._version import __version__
from clusterscore.aggregate import (
    dimension_scores,
    topsis,
    weighted_geometric,
    weighted_sum,
)
from clusterscore.analysis import (
    MethodComparison,
    ObstacleDegree,
    compare_methods,
    coupling_coordination,
    obstacle_degree,
)
from clusterscore.datasets import synthetic_clusters
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
from clusterscore.gaps import (
    Benchmark,
    Diagnosis,
    diagnose,
    dimension_gaps,
    flag_gaps,
    recommendations,
    resolve_benchmark,
    top_gaps,
)
from clusterscore.io import (
    build_schema,
    make_template,
    read_clusters,
    validate,
)
from clusterscore.judgments import (
    AHPResult,
    GroupResult,
    Suggestion,
    aggregate_judgments,
    ahp,
    complete_matrix,
    consistency,
    diagnose_inconsistency,
)
from clusterscore.present import to_excel
from clusterscore.present.report import report
from clusterscore.scoring import Evaluation, evaluate, rank_clusters
from clusterscore.system import (
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
    Recommendation,
    Target,
    default_system_path,
    load_system,
)
from clusterscore.uncertainty import (
    SensitivityResult,
    UncertaintyResult,
    sensitivity,
    sobol_indices,
    uncertainty,
)
from clusterscore.weights import (
    HierarchyWeights,
    combine_weights,
    critic_weights,
    entropy_weights,
    game_theory_coefficients,
    std_weights,
    system_weights,
)

__all__ = [
    "AHPResult",
    "Benchmark",
    "ClusterScoreError",
    "ClusterScoreWarning",
    "ClusterType",
    "ConfigError",
    "DataError",
    "DataWarning",
    "DegenerateIndicatorWarning",
    "Diagnosis",
    "Dimension",
    "Evaluation",
    "FallbackWarning",
    "GroupResult",
    "HierarchyWeights",
    "Indicator",
    "IndicatorSystem",
    "JudgmentError",
    "Judgments",
    "MethodComparison",
    "ObstacleDegree",
    "ParameterError",
    "Recommendation",
    "SensitivityResult",
    "Suggestion",
    "Target",
    "UncertaintyResult",
    "__version__",
    "aggregate_judgments",
    "ahp",
    "build_schema",
    "combine_weights",
    "compare_methods",
    "complete_matrix",
    "consistency",
    "coupling_coordination",
    "critic_weights",
    "default_system_path",
    "diagnose",
    "diagnose_inconsistency",
    "dimension_gaps",
    "dimension_scores",
    "entropy_weights",
    "evaluate",
    "flag_gaps",
    "game_theory_coefficients",
    "load_system",
    "make_template",
    "obstacle_degree",
    "rank_clusters",
    "read_clusters",
    "recommendations",
    "report",
    "resolve_benchmark",
    "sensitivity",
    "sobol_indices",
    "std_weights",
    "synthetic_clusters",
    "system_weights",
    "to_excel",
    "top_gaps",
    "topsis",
    "uncertainty",
    "validate",
    "weighted_geometric",
    "weighted_sum",
]
