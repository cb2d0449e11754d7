"""The five figures of an evaluation, each a `matplotlib.figure.Figure`.

Every function takes an `Evaluation` (or the frame it draws), draws with
matplotlib's object interface (no ``pyplot``) and returns the figure; the
caller saves it (`save_figure`) or embeds it (`svg_text`). Labels are in
English or Chinese (``lang="zh"``: the system's Chinese names).

The data behind every artist is the evaluation's: bar widths are the
contributions of `contributions`, heat-map cells the severity codes of
``ev.gaps``, radar vertices the sub-scores of ``ev.ranking`` and the
attainments of ``ev.dimension_gaps()``.
"""

from __future__ import annotations

import math
from difflib import get_close_matches
from typing import Any

import numpy as np
import pandas as pd

from clusterscore.errors import ParameterError
from clusterscore.plot._base import (
    DIMENSION_COLORS,
    SEVERITY_COLORS,
    TYPE_COLORS,
    check_lang,
    figure,
    font_context,
)
from clusterscore.plot._text import TEXT, Names

__all__ = [
    "SEVERITY_CODES",
    "contributions",
    "gap_heatmap",
    "profile",
    "ranking",
    "weights",
]

SEVERITY_CODES = {"none": 0, "minor": 1, "major": 2, "critical": 3}
"""The heat map's cell value per severity; NaN for no data / no target."""


def _type_color(system, tid: str) -> str:
    types = list(system.cluster_types)
    k = types.index(tid) if tid in types else len(types)
    return TYPE_COLORS[k % len(TYPE_COLORS)]


def _dim_color(k: int) -> str:
    return DIMENSION_COLORS[k % len(DIMENSION_COLORS)]


def _dimension_weights(ev) -> pd.DataFrame:
    """W_d per (cluster, dimension): the used weight of d's indicators."""
    w = ev.weights
    dims = list(ev.system.dimension_ids)
    if isinstance(w.index, pd.MultiIndex):  # by_type: weights per type
        per = w.groupby([w.index.get_level_values("type"), "dimension"])[
            "used"
        ].sum()
        per = per.unstack("dimension").reindex(columns=dims).fillna(0.0)
        return per.reindex(ev.ranking["type"].to_numpy()).set_axis(
            ev.ranking.index
        )
    per = w.groupby("dimension")["used"].sum().reindex(dims).fillna(0.0)
    return pd.DataFrame(
        np.tile(per.to_numpy(), (len(ev.ranking), 1)),
        index=ev.ranking.index,
        columns=dims,
    )


def contributions(ev) -> pd.DataFrame:
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


def _wrap(label: str, width: int = 38) -> str:
    """Break a long label on a space near `width` characters."""
    if len(label) <= width or " " not in label:
        return label
    cut = label.rfind(" ", 0, width + 1)
    if cut <= 0:
        cut = label.find(" ")
    return label[:cut] + "\n" + _wrap(label[cut + 1 :], width)


def _type_handles(system, types, names) -> list[Any]:
    """Legend patches of the cluster types present in `types`."""
    from matplotlib.patches import Patch

    seen = [t for t in system.cluster_types if t in set(types)]
    return [
        Patch(color=_type_color(system, t), label=names.type(t)) for t in seen
    ]


def _type_legend(ax, system, types, names, **kw) -> Any:
    handles = _type_handles(system, types, names)
    return ax.legend(handles=handles, title=names.text("type"), **kw)


def ranking(ev, *, lang: str = "en", top: int | None = None):
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
        if method == "topsis":
            h = 0.8 / len(dims)
            for k, d in enumerate(dims):
                ax.barh(
                    y - 0.4 + h * (k + 0.5),
                    r[d].astype(float).fillna(0.0),
                    height=h,
                    color=_dim_color(k),
                    label=d,
                )
            ax.plot(
                r["score"], y, "D", color="black", ms=4, label="score", gid="s"
            )
            title, cap = "ranking_topsis", "ranking_caption_topsis"
        else:
            contrib = contributions(ev).loc[r.index]
            left = np.zeros(n)
            for k, d in enumerate(dims):
                w = contrib[d].to_numpy(dtype=float)
                ax.barh(
                    y, w, left=left, height=0.72, color=_dim_color(k), label=d
                )
                left += w
            for yi, s in zip(y, r["score"], strict=True):
                ax.text(s + 0.6, yi, f"{s:.1f}", va="center", fontsize=7.5)
            title = "ranking"
            cap = (
                "ranking_caption_sum"
                if method == "weighted_sum"
                else "ranking_caption_geo"
            )
        ax.set_yticks(
            y,
            [
                f"{k}. {_wrap(c, 48)}"
                for k, c in zip(r["rank"], r.index, strict=True)
            ],
        )
        for lbl, t in zip(ax.get_yticklabels(), r["type"], strict=True):
            lbl.set_color(_type_color(system, t))
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
        handles, _ = ax.get_legend_handles_labels()
        labels = [names.dimension(d) for d in dims]
        if method == "topsis":
            labels.append("TOPSIS")
        # legends outside the data: dimensions below, types to the right
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
        leg = _type_legend(
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
            text.set_color(h.get_facecolor())
    return fig


def _find_clusters(func: str, ev, clusters) -> list[str]:
    if clusters is None:
        return [ev.ranking.index[0]]
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


def profile(
    ev,
    clusters: str | list[str] | None = None,
    *,
    lang: str = "en",
    size: tuple[float, float] | None = None,
    title: bool = True,
):
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
    from matplotlib.lines import Line2D

    check_lang("profile", lang)
    names_ = _find_clusters("profile", ev, clusters)
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
        ax = fig.add_subplot(projection="polar")
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)
        ax.plot(
            closed, np.full(len(closed), 100.0), color="#444444", lw=1.2,
            ls=":", gid="benchmark",
        )  # fmt: skip
        handles = []
        for k, c in enumerate(names_):
            color = _dim_color(k) if len(names_) > 1 else "#0072B2"
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
            if len(names_) > 1:
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
        ax.set_xticks(angles, [_wrap(names.dimension(d), 16) for d in dims])
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


def _gap_frame(ev_or_gaps, system):
    if isinstance(ev_or_gaps, pd.DataFrame):
        if system is None:
            raise ParameterError(
                "gap_heatmap(): drawing a gaps frame needs `system=`.",
                parameter="system",
            )
        return ev_or_gaps, system, None
    return ev_or_gaps.gaps, ev_or_gaps.system, ev_or_gaps.ranking


def severity_matrix(gaps: pd.DataFrame, clusters, indicators) -> np.ndarray:
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


def gap_heatmap(ev, *, lang: str = "en", system=None):
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
        ax.set_yticks(np.arange(m), [_wrap(c, 44) for c in clusters])
        ax.tick_params(axis="y", labelsize=7.5)
        width = 14 if lang == "zh" else 30
        ax.set_xticks(
            np.arange(n), [_wrap(names.indicator(i), width) for i in inds]
        )
        ax.tick_params(axis="x", labelsize=7, rotation=90)
        ax.tick_params(top=True, labeltop=False)
        dim_of = [system.indicator(i).dimension for i in inds]
        start = 0
        top = ax.secondary_xaxis("top")
        mids, dlabels = [], []
        for k in range(1, n + 1):
            if k == n or dim_of[k] != dim_of[start]:
                if k < n:
                    ax.axvline(k - 0.5, color="white", lw=3)
                mids.append((start + k - 1) / 2)
                dlabels.append(_wrap(names.dimension(dim_of[start]), 18))
                start = k
        top.set_xticks(mids, dlabels, fontsize=8)
        top.tick_params(length=0)
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


def weights(ev, *, lang: str = "en", cluster_type: str | None = None):
    """AHP, entropy and combined weight per indicator, grouped by dimension.

    Parameters
    ----------
    ev : Evaluation or pandas.DataFrame
        An evaluation, or its ``weights`` frame (then the indicator ids
        are drawn as labels).
    lang : {"en", "zh"}
        Label language.
    cluster_type : str, optional
        With ``by_type=True`` weights differ per type: the type to draw
        (default: the first type present).

    Returns
    -------
    matplotlib.figure.Figure
        One axes with three `BarContainer` (labels ``"ahp"``,
        ``"entropy"``, ``"combined"``) whose bar widths are those columns
        of ``ev.weights`` in its row order (entropy NaN drawn as 0).
    """
    check_lang("weights", lang)
    if isinstance(ev, pd.DataFrame):
        w, system = ev, None
    else:
        w, system = ev.weights, ev.system
    if isinstance(w.index, pd.MultiIndex):
        types = list(dict.fromkeys(w.index.get_level_values("type")))
        t = cluster_type or types[0]
        if t not in types:
            raise ParameterError(
                f"weights(): cluster_type must be one of {types}; got {t!r}.",
                parameter="cluster_type",
                value=t,
                allowed=tuple(types),
            )
        w = w.xs(t, level="type")
    names = Names(system, lang) if system is not None else None
    cols = ("ahp", "entropy", "combined")
    colors = ("#0072B2", "#E69F00", "#009E73")
    dims = list(w["dimension"])
    # one header slot above each dimension's indicators
    y, heads, slot = [], [], 0.0
    for k, d in enumerate(dims):
        if k == 0 or d != dims[k - 1]:
            heads.append((slot, d))
            slot += 0.9
        y.append(slot)
        slot += 1.0
    y = np.asarray(y)
    with font_context(lang):
        fig = figure(8.5, 1.6 + 0.34 * slot)
        ax = fig.add_subplot()
        h = 0.27
        for k, (c, color) in enumerate(zip(cols, colors, strict=True)):
            ax.barh(
                y + (k - 1) * h, w[c].astype(float).fillna(0.0), height=h,
                color=color, label=c,
            )  # fmt: skip
        if names is not None:
            ylabels = [names.indicator(i) for i in w.index]
        else:
            ylabels = list(w.index)
        ax.set_yticks(y, ylabels)
        ax.tick_params(axis="y", labelsize=8)
        ax.set_ylim(slot - 0.4, -0.6)
        xmax = float(np.nanmax(w[list(cols)].to_numpy(dtype=float)))
        for k, (pos, d) in enumerate(heads):
            if k:
                ax.axhline(pos - 0.55, color="#888888", lw=0.8)
            label = names.dimension(d) if names else d
            ax.text(
                xmax * 0.005, pos - 0.05, label, fontsize=8.5, va="center",
                ha="left", color="#222222", fontweight="bold",
            )  # fmt: skip
        ax.set_xlim(0, xmax * 1.05)
        lab = names.text if names else TEXT["en"].get
        ax.set_xlabel(lab("weight"))
        ax.set_title(lab("weights"), loc="left", fontsize=11)
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
        handles, _ = ax.get_legend_handles_labels()
        fig.legend(
            handles, [lab(c) for c in cols], loc="outside lower center",
            ncols=3, fontsize=8, frameon=False,
        )  # fmt: skip
    return fig
