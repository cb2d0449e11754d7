"""The weights figure: AHP, entropy and combined weight per indicator."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt
import pandas as pd

from clusterscore._checks import short_repr
from clusterscore.errors import ParameterError
from clusterscore.plot._base import check_lang, figure, font_context
from clusterscore.plot._text import TEXT, Names

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from clusterscore.scoring import Evaluation

__all__ = ["weights"]


def weights(
    ev: Evaluation | pd.DataFrame,
    *,
    lang: str = "en",
    cluster_type: str | None = None,
) -> Figure:
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
    w = _one_type(w, cluster_type)
    names = Names(system, lang) if system is not None else None
    # the objective weights' column: entropy, or critic / std when chosen
    objective = next(c for c in ("entropy", "critic", "std") if c in w)
    cols = ("ahp", objective, "combined")
    colors = ("#0072B2", "#E69F00", "#009E73")
    dims = list(w["dimension"])
    y, heads, slot = _slots(dims)
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
        lab = names.text if names else TEXT["en"].__getitem__
        ax.set_xlabel(lab("weight"))
        ax.set_title(lab("weights"), loc="left", fontsize=11)
        ax.grid(axis="x", alpha=0.3)
        ax.set_axisbelow(True)
        handles, _ = ax.get_legend_handles_labels()
        fig.legend(
            handles,
            [lab(c) if c in TEXT["en"] else c.upper() for c in cols],
            loc="outside lower center",
            ncols=3, fontsize=8, frameon=False,
        )  # fmt: skip
    return fig


def _one_type(w: pd.DataFrame, cluster_type: str | None) -> pd.DataFrame:
    """Return the weights of one type when they are given per type."""
    if not isinstance(w.index, pd.MultiIndex):
        return w
    types = list(dict.fromkeys(w.index.get_level_values("type")))
    t = cluster_type or types[0]
    if t not in types:
        raise ParameterError(
            f"weights(): cluster_type must be one of {types}; got "
            f"{short_repr(t)}.",
            parameter="cluster_type",
            value=t,
            allowed=tuple(types),
        )
    # a row level: xs gives a frame (the stubs allow a Series)
    w = cast(pd.DataFrame, w.xs(t, level="type"))
    return w


def _slots(
    dims: list[str],
) -> tuple[npt.NDArray[np.float64], list[tuple[float, str]], float]:
    """Return row positions with a header slot above each dimension."""
    y, heads, slot = [], [], 0.0
    for k, d in enumerate(dims):
        if k == 0 or d != dims[k - 1]:
            heads.append((slot, d))
            slot += 0.9
        y.append(slot)
        slot += 1.0
    return np.asarray(y, dtype=float), heads, slot
