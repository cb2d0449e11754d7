"""The gap heat map: clusters x indicators coloured by severity."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore.errors import ParameterError
from clusterscore.plot._base import (
    SEVERITY_COLORS,
    check_lang,
    figure,
    font_context,
)
from clusterscore.plot._draw import wrap
from clusterscore.plot._text import Names

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from clusterscore.scoring import Evaluation
    from clusterscore.system import IndicatorSystem

__all__ = ["SEVERITY_CODES", "gap_heatmap", "severity_matrix"]


SEVERITY_CODES = {"none": 0, "minor": 1, "major": 2, "critical": 3}
"""The heat map's cell value per severity; NaN for no data / no target."""


def _gap_frame(
    ev_or_gaps: Evaluation | pd.DataFrame, system: IndicatorSystem | None
) -> tuple[pd.DataFrame, IndicatorSystem, pd.DataFrame | None]:
    if isinstance(ev_or_gaps, pd.DataFrame):
        if system is None:
            raise ParameterError(
                "gap_heatmap(): drawing a gaps frame needs `system=`.",
                parameter="system",
            )
        return ev_or_gaps, system, None
    return ev_or_gaps.gaps, ev_or_gaps.system, ev_or_gaps.ranking


def severity_matrix(
    gaps: pd.DataFrame, clusters: Iterable[str], indicators: Iterable[str]
) -> npt.NDArray[np.float64]:
    """Severity codes (`SEVERITY_CODES`, NaN otherwise), clusters x inds."""
    codes = gaps["severity"].map(SEVERITY_CODES).astype(float)
    grid = (
        pd.DataFrame(
            {"c": gaps["cluster"], "i": gaps["indicator"], "v": codes}
        )
        .pivot(index="c", columns="i", values="v")
        .reindex(index=list(clusters), columns=list(indicators))
    )
    return grid.to_numpy(dtype=float)


def gap_heatmap(
    ev: Evaluation | pd.DataFrame,
    *,
    lang: str = "en",
    system: IndicatorSystem | None = None,
) -> Figure:
    """Clusters x indicators coloured by gap severity, grouped by dimension.

    Parameters
    ----------
    ev : Evaluation or pandas.DataFrame
        An evaluation (its ``gaps``, clusters in rank order) or a frame of
        `clusterscore.gaps.flag_gaps` (clusters in its order; then give
        `system`).
    lang : {"en", "zh"}
        Label language.
    system : IndicatorSystem, optional
        Needed with a frame.

    Returns
    -------
    matplotlib.figure.Figure
        One axes whose image holds `severity_matrix` (0 none, 1 minor,
        2 major, 3 critical, NaN no data or no target); indicators in the
        system's order, a line between dimensions.
    """
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    check_lang("gap_heatmap", lang)
    gaps, system, rank = _gap_frame(ev, system)
    names = Names(system, lang)
    if rank is not None:
        clusters = list(rank.index)
    else:
        clusters = list(dict.fromkeys(gaps["cluster"]))
    present = set(gaps["indicator"])
    inds = [i for i in system.indicator_ids if i in present]
    grid = severity_matrix(gaps, clusters, inds)
    cmap = ListedColormap(
        [SEVERITY_COLORS[s] for s in ("none", "minor", "major", "critical")]
    ).with_extremes(bad=SEVERITY_COLORS["no data"])
    m, n = grid.shape
    with font_context(lang):
        fig = figure(2.8 + 0.3 * n, 3.3 + 0.24 * m)
        ax = fig.add_subplot()
        im = ax.imshow(
            np.ma.masked_invalid(grid), cmap=cmap, vmin=-0.5, vmax=3.5,
            aspect="auto", interpolation="nearest",
        )  # fmt: skip
        im.set_gid("severity")
        ax.set_yticks(np.arange(m), [wrap(c, 44) for c in clusters])
        ax.tick_params(axis="y", labelsize=7.5)
        width = 14 if lang == "zh" else 30
        ax.set_xticks(
            np.arange(n), [wrap(names.indicator(i), width) for i in inds]
        )
        ax.tick_params(axis="x", labelsize=7, rotation=90)
        ax.tick_params(top=True, labeltop=False)
        _dimension_bands(ax, system, inds, names)
        ax.set_xticks(np.arange(n + 1) - 0.5, minor=True)
        ax.set_yticks(np.arange(m + 1) - 0.5, minor=True)
        ax.grid(which="minor", color="white", lw=0.6)
        ax.tick_params(which="minor", length=0)
        handles = [
            Patch(color=SEVERITY_COLORS[s], label=names.text(s))
            for s in ("none", "minor", "major", "critical", "no data")
        ]
        fig.legend(
            handles=handles, loc="outside lower center", ncols=5,
            fontsize=8, frameon=False, title=names.text("severity"),
            title_fontsize=8,
        )  # fmt: skip
        fig.suptitle(names.text("gaps"), fontsize=11)
    return fig


def _dimension_bands(
    ax: Axes, system: IndicatorSystem, inds: list[str], names: Names
) -> None:
    """Separate the dimensions' columns; name each dimension on top."""
    n = len(inds)
    dim_of = [system.indicator(i).dimension for i in inds]
    start = 0
    top = ax.secondary_xaxis("top")
    mids, dlabels = [], []
    for k in range(1, n + 1):
        if k == n or dim_of[k] != dim_of[start]:
            if k < n:
                ax.axvline(k - 0.5, color="white", lw=3)
            mids.append((start + k - 1) / 2)
            dlabels.append(wrap(names.dimension(dim_of[start]), 18))
            start = k
    top.set_xticks(mids, dlabels, fontsize=8)
    top.tick_params(length=0)
