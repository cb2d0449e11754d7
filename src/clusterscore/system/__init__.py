"""The indicator system: the frozen model and the reader of its TOML file."""

from clusterscore.system.model import (
    DEFAULT_SYSTEM_FILE,
    DEFAULT_TYPE,
    LEVEL_DIMENSIONS,
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

__all__ = [
    "DEFAULT_SYSTEM_FILE",
    "DEFAULT_TYPE",
    "LEVEL_DIMENSIONS",
    "ClusterType",
    "Dimension",
    "Indicator",
    "IndicatorSystem",
    "Judgments",
    "Recommendation",
    "Target",
    "default_system_path",
    "load_system",
]
