"""The ranking figure: scores split into the dimensions' contributions."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

from clusterscore.errors import ParameterError
from clusterscore.plot._base import check_lang, figure, font_context
from clusterscore.plot._draw import dim_color, type_color, type_legend, wrap
from clusterscore.plot._text import Names

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    from clusterscore.scoring import Evaluation

__all__ = ["contributions", "ranking"]


def _dimension_weights(ev: Evaluation) -> pd.DataFrame:
    """W_d per (cluster, dimension): the used weight of d's indicators."""
    w = ev.weights
    dims = list(ev.system.dimension_ids)
    if isinstance(w.index, pd.MultiIndex):  # by_type: weights per type
        per = w.groupby([w.index.get_level_values("type"), "dimension"])[
            "used"
        ].sum()
        wide = per.unstack("dimension").reindex(columns=dims).fillna(0.0)
        return wide.reindex(ev.ranking["type"].to_numpy()).set_axis(
            ev.ranking.index
        )
    per = w.groupby("dimension")["used"].sum().reindex(dims).fillna(0.0)
    return pd.DataFrame(
        np.tile(per.to_numpy(), (len(ev.ranking), 1)),
        index=ev.ranking.index,
        columns=dims,
    )


def contributions(ev: Evaluation) -> pd.DataFrame:
    r"""Each dimension's contribution to each cluster's score.

    Parameters
    ----------
    ev : Evaluation
        A weighted-sum or geometric evaluation.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``ev.ranking`` (best first), one column per dimension
        id; each row sums to the cluster's score.

    Raises
    ------
    ParameterError
        For a TOPSIS evaluation, whose score does not decompose.

    Notes
    -----
    Weighted sum: :math:`S_i = \sum_d W_d S_{id}`, so the contribution of
    :math:`d` is :math:`W_d S_{id}` with :math:`W_d` the summed weights of
    the dimension's indicators. Geometric: :math:`S_i = \prod_d
    S_{id}^{W_d}`, so :math:`\ln S_i = \sum_d W_d \ln S_{id}` and the
    contribution is :math:`S_i \, W_d \ln S_{id} / \ln S_i` (the sub-scores
    are at least 1 on the 0-100 scale because of the geometric floor, so
    every share is non-negative). See `clusterscore.scoring.evaluate`.
    """
    method = ev.options["method"]
    dims = list(ev.system.dimension_ids)
    sub = ev.ranking[dims].astype(float).fillna(0.0)
    W = _dimension_weights(ev)
    if method == "weighted_sum":
        return W * sub
    if method == "geometric":
        logs = W * np.log(sub.clip(lower=1e-12))
        total = logs.sum(axis=1)
        score = ev.ranking["score"].astype(float)
        share = logs.div(total.where(total != 0, np.nan), axis=0)
        out = share.mul(score, axis=0)
        # a score of 1 (every sub-score at the floor): equal split by W
        flat = total == 0
        out.loc[flat] = W.loc[flat].mul(score[flat], axis=0)
        return out
    raise ParameterError(
        f"contributions(): a {method!r} score does not decompose into "
        "dimension contributions; only 'weighted_sum' and 'geometric' do.",
        parameter="method",
        value=method,
        allowed=("weighted_sum", "geometric"),
    )


def ranking(
    ev: Evaluation, *, lang: str = "en", top: int | None = None
) -> Figure:
    """Horizontal bars of the scores, split into dimension contributions.

    Parameters
    ----------
    ev : Evaluation
        The evaluation to draw.
    lang : {"en", "zh"}
        Label language.
    top : int, optional
        Draw only the first `top` clusters.

    Returns
    -------
    matplotlib.figure.Figure
        One axes; a `BarContainer` per dimension (its ``label`` is the
        dimension id, the bar widths the `contributions`) for weighted sum
        and geometric, or per dimension sub-score for TOPSIS (with the
        score as markers). Cluster names are coloured by type.

    Examples
    --------
    >>> import clusterscore as cs
    >>> import clusterscore.plot as csp
    >>> s = cs.load_system()
    >>> ev = cs.evaluate(cs.synthetic_clusters(s, 12, 0), s)
    >>> fig = csp.ranking(ev)
    >>> [c.get_label() for c in fig.axes[0].containers][:2]
    ['scale', 'innovation']
    >>> csp.save_figure(fig, "ranking.svg")  # doctest: +SKIP
    """
    check_lang("ranking", lang)
    system = ev.system
    names = Names(system, lang)
    r = ev.ranking if top is None else ev.ranking.iloc[:top]
    dims = list(system.dimension_ids)
    method = ev.options["method"]
    n = len(r)
    y = np.arange(n)
    with font_context(lang):
        fig = figure(10.5, 1.6 + 0.3 * n)
        ax = fig.add_subplot()
        title, cap = _bars(ax, ev, r, dims)
        ax.set_yticks(
            y,
            [
                f"{k}. {wrap(c, 48)}"
                for k, c in zip(r["rank"], r.index, strict=True)
            ],
        )
        for lbl, t in zip(ax.get_yticklabels(), r["type"], strict=True):
            lbl.set_color(type_color(system, t))
        ax.tick_params(axis="y", labelsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel(names.text("score"))
        ax.set_title(names.text(title), loc="left", fontsize=11)
        fig.suptitle(
            names.text(cap), fontsize=7.5, color="#555555", x=0.0,
            ha="left", y=0.0, va="bottom",
        )  # fmt: skip
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
        _legends(fig, ax, r, names, dims, method)
    return fig


def _bars(
    ax: Axes, ev: Evaluation, r: pd.DataFrame, dims: list[str]
) -> tuple[str, str]:
    """Draw the bars; return the keys of the title and the caption."""
    method = ev.options["method"]
    n = len(r)
    y = np.arange(n)
    if method == "topsis":
        h = 0.8 / len(dims)
        for k, d in enumerate(dims):
            ax.barh(
                y - 0.4 + h * (k + 0.5),
                r[d].astype(float).fillna(0.0),
                height=h,
                color=dim_color(k),
                label=d,
            )
        ax.plot(
            r["score"], y, "D", color="black", ms=4, label="score", gid="s"
        )
        return "ranking_topsis", "ranking_caption_topsis"
    contrib = contributions(ev).loc[r.index]
    left = np.zeros(n)
    for k, d in enumerate(dims):
        w = contrib[d].to_numpy(dtype=float)
        ax.barh(y, w, left=left, height=0.72, color=dim_color(k), label=d)
        left += w
    for yi, s in zip(y, r["score"], strict=True):
        ax.text(s + 0.6, float(yi), f"{s:.1f}", va="center", fontsize=7.5)
    if method == "weighted_sum":
        return "ranking", "ranking_caption_sum"
    return "ranking", "ranking_caption_geo"


def _legends(
    fig: Figure,
    ax: Axes,
    r: pd.DataFrame,
    names: Names,
    dims: list[str],
    method: str,
) -> None:
    """Draw the legends outside the data: dimensions below, types right."""
    system = names.system
    handles, _ = ax.get_legend_handles_labels()
    labels = [names.dimension(d) for d in dims]
    if method == "topsis":
        labels.append("TOPSIS")
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=min(len(labels), 3),
        fontsize=8,
        title=names.text("dimension"),
        title_fontsize=8,
        frameon=False,
    )
    leg = type_legend(
        ax,
        system,
        r["type"],
        names,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    for text, h in zip(leg.get_texts(), leg.legend_handles, strict=True):
        text.set_color(cast("Patch", h).get_facecolor())  # type patches
