"""The indicator system: the frozen model and the reader of its TOML file.

`model` holds the frozen records and their constants; `reader` reads a
file (`load_system`) through one function per section (`sections`,
`matrices`, `targets`) over the key checks of `keys`. `MAX_CR` is
`clusterscore.judgments.scales.MAX_CR`, the reader's CR cut-off.
"""

from clusterscore.judgments.scales import MAX_CR
from clusterscore.system.model import (
    DEFAULT_TYPE,
    LEVEL_DIMENSIONS,
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
    Recommendation,
    Target,
)
from clusterscore.system.reader import (
    DEFAULT_SYSTEM_FILE,
    default_system_path,
    load_system,
)

__all__ = [
    "DEFAULT_SYSTEM_FILE",
    "DEFAULT_TYPE",
    "LEVEL_DIMENSIONS",
    "MAX_CR",
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
