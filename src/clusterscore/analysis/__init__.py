"""Analyses beside the ranking: obstacle degree, coupling, method agreement.

- `obstacle_degree`: which indicators (and dimensions) hold each cluster
  back, as shares of its weighted shortfall (障碍度模型).
- `coupling_coordination`: how evenly the dimensions develop together
  (耦合协调度), classic and corrected forms.
- `compare_methods`: the ranking by several methods and weightings, with
  Spearman and Kendall rank correlations.

Every function takes an `Evaluation` (or the input of `evaluate`) and
recomputes nothing it can read from it; see ``docs/methodology.md``.
"""

from clusterscore.analysis.compare import MethodComparison, compare_methods
from clusterscore.analysis.coupling import (
    COUPLING_FORMS,
    GRADES,
    coordination_grade,
    coupling_coordination,
    coupling_degree,
)
from clusterscore.analysis.obstacle import (
    ObstacleDegree,
    obstacle_degree,
    obstacle_kernel,
)

__all__ = [
    "COUPLING_FORMS",
    "GRADES",
    "MethodComparison",
    "ObstacleDegree",
    "compare_methods",
    "coordination_grade",
    "coupling_coordination",
    "coupling_degree",
    "obstacle_degree",
    "obstacle_kernel",
]
