"""The profile figure: a radar of sub-scores against attainment."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt

from clusterscore.plot._base import check_lang, figure, font_context
from clusterscore.plot._draw import dim_color, find_clusters, wrap
from clusterscore.plot._text import Names

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.projections.polar import PolarAxes

    from clusterscore.scoring import Evaluation

__all__ = ["profile"]


def profile(
    ev: Evaluation,
    clusters: str | list[str] | None = None,
    *,
    lang: str = "en",
    size: tuple[float, float] | None = None,
    title: bool = True,
) -> Figure:
    """Radar chart of dimension sub-scores against benchmark attainment.

    Parameters
    ----------
    ev : Evaluation
        The evaluation.
    clusters : str or list of str, optional
        The cluster(s) to draw; the first-ranked one when omitted.
    lang : {"en", "zh"}
        Label language.
    size : (float, float), optional
        Width and height in inches.
    title : bool
        Draw the title (the report's cluster sections have their own).

    Returns
    -------
    matplotlib.figure.Figure
        One polar axes. Per cluster two closed lines: the sub-scores
        (``gid="subscore:<cluster>"``, solid, filled) and the weighted
        dimension attainment in % (``gid="attainment:<cluster>"``,
        dashed; 100 % = every target of the dimension met, see
        `clusterscore.gaps.dimension_gaps`); a grey ring marks 100 %.

    Raises
    ------
    ParameterError
        A cluster that is not in the evaluation.
    """
    check_lang("profile", lang)
    names_ = find_clusters("profile", ev, clusters)
    system = ev.system
    names = Names(system, lang)
    dims = list(system.dimension_ids)
    att = ev.dimension_gaps().pivot(
        index="cluster", columns="dimension", values="attainment"
    )
    angles = np.linspace(0, 2 * math.pi, len(dims), endpoint=False)
    closed = np.r_[angles, angles[:1]]
    with font_context(lang):
        if size is None:
            size = (6.4, 5.6 if len(names_) == 1 else 6.2)
        fig = figure(*size)
        ax = cast("PolarAxes", fig.add_subplot(projection="polar"))
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)
        ax.plot(
            closed, np.full(len(closed), 100.0), color="#444444", lw=1.2,
            ls=":", gid="benchmark",
        )  # fmt: skip
        handles = _lines(ax, ev, names_, att, closed, names)
        ax.set_xticks(angles, [wrap(names.dimension(d), 16) for d in dims])
        ax.tick_params(axis="x", labelsize=8.5 if size[0] > 5 else 9.5, pad=4)
        ax.set_ylim(0, 105)
        ax.set_yticks([25, 50, 75, 100], ["25", "50", "75", "100"])
        ax.tick_params(axis="y", labelsize=7, colors="#666666")
        ax.set_rlabel_position(0)
        heading = names.text("profile")
        if len(names_) == 1:
            heading = f"{names_[0]}\n{heading}"
        if title:
            ax.set_title(heading, fontsize=10, pad=14)
        fig.legend(
            handles=handles,
            loc="outside lower center",
            fontsize=7.5,
            ncols=1 if len(names_) == 1 else 2,
            frameon=False,
        )
    return fig


def _lines(
    ax: PolarAxes,
    ev: Evaluation,
    clusters: list[str],
    att: pd.DataFrame,
    closed: npt.NDArray[np.float64],
    names: Names,
) -> list[Line2D]:
    """Draw each cluster's two polygons; return the legend handles."""
    from matplotlib.lines import Line2D

    dims = list(ev.system.dimension_ids)
    handles = []
    for k, c in enumerate(clusters):
        color = dim_color(k) if len(clusters) > 1 else "#0072B2"
        sub = ev.ranking.loc[c, dims].astype(float).fillna(0.0).to_numpy()
        a = 100.0 * att.loc[c, dims].astype(float).fillna(0.0).to_numpy()
        ax.plot(
            closed, np.r_[sub, sub[:1]], color=color, lw=2,
            gid=f"subscore:{c}",
        )  # fmt: skip
        ax.fill(closed, np.r_[sub, sub[:1]], color=color, alpha=0.12)
        ax.plot(
            closed, np.r_[a, a[:1]], color=color, lw=1.4, ls="--",
            marker="o", ms=3, gid=f"attainment:{c}",
        )  # fmt: skip
        if len(clusters) > 1:
            handles.append(Line2D([], [], color=color, lw=6, label=c))
    styles = (
        ("-", None, names.text("subscore")),
        ("--", "o", names.text("attainment")),
        (":", None, names.text("benchmark")),
    )
    for ls, mk, label in styles:
        handles.append(
            Line2D([], [], color="#444444", ls=ls, marker=mk, ms=3,
                   label=label)
        )  # fmt: skip
    return handles
