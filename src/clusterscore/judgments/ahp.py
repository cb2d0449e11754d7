"""Analytic Hierarchy Process: every AHP function, from one module.

The package has three layers (see STYLE.md section 4):

* kernels (``_*_kernel``, `eigen_kernel`, `consistency_kernel`) on float
  arrays, without validation (``kernels.py``);
* `validate_judgments` (``validate.py``), which checks a pairwise
  comparison matrix and names the cell at fault;
* the public functions `ahp` and `consistency` (``priorities.py``),
  `diagnose_inconsistency` (``diagnose.py``), `aggregate_judgments`
  (``group.py``) and `complete_matrix` (``complete.py``).

This module re-exports them all, so that ``from clusterscore.judgments.ahp
import ...`` keeps working; new code imports from `clusterscore.judgments`.
It defines nothing itself.
"""

from clusterscore.judgments.complete import complete_matrix
from clusterscore.judgments.diagnose import Suggestion, diagnose_inconsistency
from clusterscore.judgments.group import GroupResult, aggregate_judgments
from clusterscore.judgments.kernels import consistency_kernel, eigen_kernel
from clusterscore.judgments.priorities import (
    METHODS,
    AHPResult,
    ahp,
    consistency,
)
from clusterscore.judgments.validate import validate_judgments

__all__ = [
    "METHODS",
    "AHPResult",
    "GroupResult",
    "Suggestion",
    "aggregate_judgments",
    "ahp",
    "complete_matrix",
    "consistency",
    "consistency_kernel",
    "diagnose_inconsistency",
    "eigen_kernel",
    "validate_judgments",
]
