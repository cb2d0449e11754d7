"""The robustness figure: rank intervals from `uncertainty`, Sobol bars."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

from clusterscore.errors import ParameterError
from clusterscore.plot._base import TYPE_COLORS, check_lang, figure
from clusterscore.plot._base import font_context as _fonts
from clusterscore.plot._draw import type_handles, wrap
from clusterscore.plot._text import Names

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from clusterscore.system import IndicatorSystem
    from clusterscore.uncertainty.results import (
        SensitivityResult,
        UncertaintyResult,
    )

__all__ = ["rank_intervals"]


def _summary(
    result: UncertaintyResult | pd.DataFrame,
) -> tuple[
    pd.DataFrame, IndicatorSystem | None, tuple[float, float], int | None
]:
    if isinstance(result, pd.DataFrame):
        return result, None, (0.05, 0.95), None
    if not hasattr(result, "summary"):
        raise ParameterError(
            "rank_intervals(): expected an UncertaintyResult (from "
            f"clusterscore.uncertainty) or its summary; got "
            f"{type(result).__name__}.",
            parameter="result",
        )
    system = getattr(result.nominal, "system", None)
    lo, hi = result.interval
    return result.summary, system, (lo, hi), result.n_used


def rank_intervals(
    result: UncertaintyResult | pd.DataFrame,
    sensitivity: SensitivityResult | None = None,
    *,
    lang: str = "en",
    system: IndicatorSystem | None = None,
) -> Figure:
    """Each cluster's nominal rank with its rank interval; Sobol indices.

    Parameters
    ----------
    result : UncertaintyResult or pandas.DataFrame
        From `clusterscore.uncertainty`, or its ``summary`` frame
        (``nominal_rank``, ``median_rank``, ``rank_low``, ``rank_high``,
        ``type``).
    sensitivity : SensitivityResult, optional
        From `clusterscore.sensitivity`: its first-order and total-effect
        indices are drawn as bars in a second panel.
    lang : {"en", "zh"}
        Label language.
    system : IndicatorSystem, optional
        For the type names; taken from `result` when it has one.

    Returns
    -------
    matplotlib.figure.Figure
        The first axes holds one horizontal line per cluster from
        ``rank_low`` to ``rank_high`` (a `LineCollection`, gid
        ``"intervals"``), the nominal ranks (gid ``"nominal"``) and the
        median ranks (gid ``"median"``); with `sensitivity`, a second axes
        holds two `BarContainer` (``"S"`` and ``"ST"``) with the indices.
    """
    check_lang("rank_intervals", lang)
    summary, sys_, interval, n_used = _summary(result)
    system = system or sys_
    names = Names(system, lang) if system is not None else None
    # a bare summary frame: no names, only the figure words
    no_system = cast("IndicatorSystem", _NoSystem)
    text = names.text if names else Names(no_system, lang).text
    s = summary.sort_values("nominal_rank", kind="stable")
    m = len(s)
    types = list(system.cluster_types) if system is not None else []
    colors = [
        TYPE_COLORS[types.index(t) % len(TYPE_COLORS)] if t in types else "k"
        for t in s.get("type", pd.Series(["?"] * m))
    ]
    with _fonts(lang):
        height = 1.8 + 0.28 * m
        sens = sensitivity is not None
        fig = figure(10.5 if sens else 8.0, height)
        if sens:
            grid = fig.add_gridspec(1, 2, width_ratios=(3, 2))
            ax = fig.add_subplot(grid[0])
        else:
            ax = fig.add_subplot()
        _interval_panel(
            fig, ax, s, colors, text, names, system, interval, n_used
        )
        if sensitivity is not None:
            _sobol_panel(fig.add_subplot(grid[1]), sensitivity, text)
    return fig


class _NoSystem:
    """Stand-in system with no names (for a bare summary frame)."""

    dimensions = indicators = types = cluster_types = ()


def _sobol_panel(
    ax: Axes, sensitivity: SensitivityResult, text: Callable[..., str]
) -> None:
    """Bars of S and ST per input group, with their bootstrap intervals."""
    idx = sensitivity.indices
    groups = list(idx.index)
    x = np.arange(len(groups))
    for k, (col, color) in enumerate((("S", "#0072B2"), ("ST", "#E69F00"))):
        vals = idx[col].to_numpy(dtype=float)
        low = idx.get(f"{col}_low")
        high = idx.get(f"{col}_high")
        err = None
        if low is not None and high is not None:
            err = np.vstack(
                [
                    np.clip(vals - low.to_numpy(dtype=float), 0, None),
                    np.clip(high.to_numpy(dtype=float) - vals, 0, None),
                ]
            )
            err = np.nan_to_num(err)
        ax.bar(
            x + (k - 0.5) * 0.38, np.nan_to_num(vals), width=0.38,
            color=color, label=text(col), yerr=err, capsize=2,
            error_kw={"lw": 0.8},
        )  # fmt: skip
    ax.set_xticks(
        x, [wrap(text(g) if g in _GROUPS else g, 12) for g in groups]
    )
    ax.tick_params(axis="x", labelsize=7.5)
    ax.axhline(0, color="#444444", lw=0.6)
    ax.set_ylim(min(0.0, ax.get_ylim()[0]), max(1.0, ax.get_ylim()[1]))
    ax.set_title(text("sobol"), loc="left", fontsize=10)
    ax.legend(fontsize=7.5, loc="upper right")
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)


_GROUPS = (
    "dimension_judgments",
    "indicator_judgments",
    "alpha",
    "method",
    "normalization",
)


def _interval_panel(
    fig: Figure,
    ax: Axes,
    s: pd.DataFrame,
    colors: list[str],
    text: Callable[..., str],
    names: Names | None,
    system: IndicatorSystem | None,
    interval: tuple[float, float],
    n_used: int | None,
) -> None:
    """Draw the rank intervals, nominal and median ranks, and the legend."""
    m = len(s)
    y = np.arange(m)
    lo = s["rank_low"].to_numpy(dtype=float)
    hi = s["rank_high"].to_numpy(dtype=float)
    lines = ax.hlines(y, lo, hi, colors=colors, lw=3.5, alpha=0.55)
    lines.set_gid("intervals")
    ax.plot(
        s["nominal_rank"], y, "o", color="black", ms=4.5,
        label=text("nominal"), gid="nominal",
    )  # fmt: skip
    ax.plot(
        s["median_rank"], y, "|", color="#D55E00", ms=9, mew=2,
        label=text("median"), gid="median",
    )  # fmt: skip
    ax.set_yticks(y, [wrap(str(c), 44) for c in s.index])
    for lbl, c in zip(ax.get_yticklabels(), colors, strict=True):
        lbl.set_color(c)
    ax.tick_params(axis="y", labelsize=7.5)
    ax.invert_yaxis()
    ax.set_xlim(0.5, m + 0.5)
    step = 1 if m <= 12 else 2 if m <= 30 else 5
    ax.set_xticks(np.arange(1, m + 1, step))
    ax.set_xlabel(text("rank"))
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)
    title = text(
        "intervals",
        lo=100 * interval[0],
        hi=100 * interval[1],
        n=n_used if n_used is not None else "?",
    )
    ax.set_title(title, loc="left", fontsize=10)
    handles, _ = ax.get_legend_handles_labels()
    if system is not None and names is not None and "type" in s:
        handles += type_handles(system, s["type"], names)
    # outside the axes: a legend inside would hide the last ranks
    fig.legend(
        handles=handles,
        loc="outside lower left",
        ncols=min(len(handles), 5),
        fontsize=7.5,
        frameon=False,
    )
