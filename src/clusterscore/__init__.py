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

Importing the package is cheap: every name of ``__all__`` (and every
sub-package, ``clusterscore.normalize`` and the others) is imported on
first use (PEP 562 module ``__getattr__``), so ``clusterscore --help``
loads neither numpy nor pandas. The ``TYPE_CHECKING`` block below shows
type checkers and IDEs the real imports.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from clusterscore.scoring import (  # type: ignore[no-redef]  # mypy's
        Evaluation,
        evaluate,  # false "already defined" (the module scoring.evaluate)
        rank_clusters,
    )
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

#: Public name -> the module that defines it (imported on first use).
_EXPORTS = {
    "__version__": "clusterscore._version",
    "dimension_scores": "clusterscore.aggregate",
    "topsis": "clusterscore.aggregate",
    "weighted_geometric": "clusterscore.aggregate",
    "weighted_sum": "clusterscore.aggregate",
    "MethodComparison": "clusterscore.analysis",
    "ObstacleDegree": "clusterscore.analysis",
    "compare_methods": "clusterscore.analysis",
    "coupling_coordination": "clusterscore.analysis",
    "obstacle_degree": "clusterscore.analysis",
    "synthetic_clusters": "clusterscore.datasets",
    "ClusterScoreError": "clusterscore.errors",
    "ClusterScoreWarning": "clusterscore.errors",
    "ConfigError": "clusterscore.errors",
    "DataError": "clusterscore.errors",
    "DataWarning": "clusterscore.errors",
    "DegenerateIndicatorWarning": "clusterscore.errors",
    "FallbackWarning": "clusterscore.errors",
    "JudgmentError": "clusterscore.errors",
    "ParameterError": "clusterscore.errors",
    "Benchmark": "clusterscore.gaps",
    "Diagnosis": "clusterscore.gaps",
    "diagnose": "clusterscore.gaps",
    "dimension_gaps": "clusterscore.gaps",
    "flag_gaps": "clusterscore.gaps",
    "recommendations": "clusterscore.gaps",
    "resolve_benchmark": "clusterscore.gaps",
    "top_gaps": "clusterscore.gaps",
    "build_schema": "clusterscore.io",
    "make_template": "clusterscore.io",
    "read_clusters": "clusterscore.io",
    "validate": "clusterscore.io",
    "AHPResult": "clusterscore.judgments",
    "GroupResult": "clusterscore.judgments",
    "Suggestion": "clusterscore.judgments",
    "aggregate_judgments": "clusterscore.judgments",
    "ahp": "clusterscore.judgments",
    "complete_matrix": "clusterscore.judgments",
    "consistency": "clusterscore.judgments",
    "diagnose_inconsistency": "clusterscore.judgments",
    "to_excel": "clusterscore.present",
    "report": "clusterscore.present.report",
    "Evaluation": "clusterscore.scoring",
    "evaluate": "clusterscore.scoring",
    "rank_clusters": "clusterscore.scoring",
    "ClusterType": "clusterscore.system",
    "Dimension": "clusterscore.system",
    "Indicator": "clusterscore.system",
    "IndicatorSystem": "clusterscore.system",
    "Judgments": "clusterscore.system",
    "Recommendation": "clusterscore.system",
    "Target": "clusterscore.system",
    "default_system_path": "clusterscore.system",
    "load_system": "clusterscore.system",
    "SensitivityResult": "clusterscore.uncertainty",
    "UncertaintyResult": "clusterscore.uncertainty",
    "sensitivity": "clusterscore.uncertainty",
    "sobol_indices": "clusterscore.uncertainty",
    "uncertainty": "clusterscore.uncertainty",
    "HierarchyWeights": "clusterscore.weights",
    "combine_weights": "clusterscore.weights",
    "critic_weights": "clusterscore.weights",
    "entropy_weights": "clusterscore.weights",
    "game_theory_coefficients": "clusterscore.weights",
    "std_weights": "clusterscore.weights",
    "system_weights": "clusterscore.weights",
}

#: The sub-packages reachable as attributes (``clusterscore.normalize``).
_SUBMODULES = frozenset(
    (
        "aggregate",
        "analysis",
        "datasets",
        "errors",
        "gaps",
        "io",
        "judgments",
        "normalize",
        "plot",
        "present",
        "scoring",
        "system",
        "weights",
    )
)

#: Public functions named like the sub-package that defines them: the
#: attribute stays the function when the sub-package is imported.
_SHADOWED = frozenset(("uncertainty",))


class _Package(types.ModuleType):
    """The package module; keeps ``clusterscore.uncertainty`` the function.

    Importing a sub-package sets it as an attribute of its parent; for a
    name in `_SHADOWED` the function of that name is kept instead, as the
    eager ``from clusterscore.uncertainty import uncertainty`` did.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    """Import a public name or a sub-package on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        if name in _SUBMODULES:
            return importlib.import_module(f"{__name__}.{name}")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if module == "clusterscore.gaps":
        # present registers the renderers behind Diagnosis.to_text and
        # .to_markdown
        importlib.import_module("clusterscore.present")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Return the public names and what is already imported."""
    return sorted(set(globals()) | set(__all__))
