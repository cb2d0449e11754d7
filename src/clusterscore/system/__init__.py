"""The indicator system: the frozen model and the reader of its TOML file.

`model` holds the frozen records and their constants; `reader` reads a
file (`load_system`) through one function per section (`sections`,
`matrices`, `targets`) over the key checks of `keys`. `MAX_CR` is
`clusterscore.judgments.scales.MAX_CR`, the CR cut-off above which a
matrix is recorded as inconsistent (`IndicatorSystem.inconsistent`, with
`describe_revisit`'s advice). Sources cite the file's ``[references]`` as
``[@key section]``; the reader resolves them (`Reference`).
"""

from clusterscore.judgments.scales import MAX_CR
from clusterscore.system.matrices import describe_revisit
from clusterscore.system.model import (
    DEFAULT_TYPE,
    LEVEL_DIMENSIONS,
    ClusterType,
    Dimension,
    Indicator,
    IndicatorSystem,
    Judgments,
    Recommendation,
    Reference,
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
    "Reference",
    "Target",
    "default_system_path",
    "describe_revisit",
    "load_system",
]
