"""Drawing helpers shared by the figures: colours, labels, look-ups."""

from __future__ import annotations

from difflib import get_close_matches
from typing import TYPE_CHECKING, Any

from clusterscore.errors import ParameterError
from clusterscore.plot._base import DIMENSION_COLORS, TYPE_COLORS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from matplotlib.axes import Axes
    from matplotlib.legend import Legend
    from matplotlib.patches import Patch

    from clusterscore.plot._text import Names
    from clusterscore.scoring import Evaluation
    from clusterscore.system import IndicatorSystem

__all__ = [
    "dim_color",
    "find_clusters",
    "type_color",
    "type_handles",
    "type_legend",
    "wrap",
]


def type_color(system: IndicatorSystem, tid: str) -> str:
    """Return the colour of cluster type `tid` (by its place in the system)."""
    types = list(system.cluster_types)
    k = types.index(tid) if tid in types else len(types)
    return TYPE_COLORS[k % len(TYPE_COLORS)]


def dim_color(k: int) -> str:
    """Return the colour of the `k`-th dimension."""
    return DIMENSION_COLORS[k % len(DIMENSION_COLORS)]


def wrap(label: str, width: int = 38) -> str:
    """Break a long label on a space near `width` characters."""
    if len(label) <= width or " " not in label:
        return label
    cut = label.rfind(" ", 0, width + 1)
    if cut <= 0:
        cut = label.find(" ")
    return label[:cut] + "\n" + wrap(label[cut + 1 :], width)


def type_handles(
    system: IndicatorSystem, types: Iterable[str], names: Names
) -> list[Patch]:
    """Legend patches of the cluster types present in `types`."""
    from matplotlib.patches import Patch

    seen = [t for t in system.cluster_types if t in set(types)]
    return [
        Patch(color=type_color(system, t), label=names.type(t)) for t in seen
    ]


def type_legend(
    ax: Axes,
    system: IndicatorSystem,
    types: Iterable[str],
    names: Names,
    **kw: Any,
) -> Legend:
    """Draw the legend of the cluster types on `ax`."""
    handles = type_handles(system, types, names)
    return ax.legend(handles=handles, title=names.text("type"), **kw)


def find_clusters(
    func: str, ev: Evaluation, clusters: str | Iterable[str] | None
) -> list[str]:
    """Return `clusters` as a list; each must be in the evaluation."""
    if clusters is None:
        return [str(ev.ranking.index[0])]
    if isinstance(clusters, str):
        clusters = [clusters]
    clusters = list(clusters)
    known = set(ev.ranking.index)
    bad = [c for c in clusters if c not in known]
    if bad or not clusters:
        hint = ""
        if bad:
            close = get_close_matches(bad[0], list(known), n=3)
            if close:
                hint = f" Did you mean {', '.join(map(repr, close))}?"
        raise ParameterError(
            f"{func}(): unknown cluster(s) {', '.join(map(repr, bad))}: "
            f"not in the evaluation's {len(known)} clusters.{hint}",
            parameter="clusters",
            value=bad,
        )
    return clusters
