"""The ranking figure (plot/scores.py): the dimension contributions."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.container import BarContainer

import clusterscore as cs
import clusterscore.plot as csp


def _bars(ax):
    return {
        c.get_label(): c for c in ax.containers if isinstance(c, BarContainer)
    }


def _widths(container):
    return np.array([p.get_width() for p in container.patches])


def test_contributions_add_up_to_the_score(ev):
    contrib = csp.contributions(ev)
    np.testing.assert_allclose(
        contrib.sum(axis=1), ev.ranking["score"], rtol=1e-12
    )
    w = ev.weights.groupby("dimension")["used"].sum()
    for d in ev.system.dimension_ids:
        np.testing.assert_allclose(
            contrib[d], w[d] * ev.ranking[d], rtol=1e-12
        )


def test_geometric_contributions_are_the_log_decomposition(table, system):
    ev = cs.evaluate(table, system, method="geometric")
    contrib = csp.contributions(ev)
    np.testing.assert_allclose(
        contrib.sum(axis=1), ev.ranking["score"], rtol=1e-10
    )
    w = ev.weights.groupby("dimension")["used"].sum()
    logs = sum(w[d] * np.log(ev.ranking[d]) for d in system.dimension_ids)
    np.testing.assert_allclose(np.log(ev.ranking["score"]), logs, rtol=1e-10)
    d = "innovation"
    share = w[d] * np.log(ev.ranking[d]) / np.log(ev.ranking["score"])
    np.testing.assert_allclose(contrib[d], share * ev.ranking["score"])


def test_ranking_bars_are_the_contributions_in_rank_order(ev):
    fig = csp.ranking(ev)
    ax = fig.axes[0]
    bars = _bars(ax)
    dims = list(ev.system.dimension_ids)
    assert list(bars) == dims
    contrib = csp.contributions(ev)
    left = np.zeros(len(ev.ranking))
    for d in dims:
        np.testing.assert_allclose(_widths(bars[d]), contrib[d].to_numpy())
        starts = np.array([p.get_x() for p in bars[d].patches])
        np.testing.assert_allclose(starts, left, atol=1e-12)
        left += contrib[d].to_numpy()
    np.testing.assert_allclose(left, ev.ranking["score"].to_numpy())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("1. ")
    assert ev.ranking.index[0] in labels[0]
    # names coloured by type: two different types get two different colours
    colors = {
        t: lbl.get_color()
        for lbl, t in zip(
            ax.get_yticklabels(), ev.ranking["type"], strict=True
        )
    }
    assert len(set(colors.values())) == len(colors)


def test_ranking_topsis_draws_subscores_and_score_markers(table, system):
    ev = cs.evaluate(table, system, method="topsis")
    fig = csp.ranking(ev)
    ax = fig.axes[0]
    bars = _bars(ax)
    for d in system.dimension_ids:
        np.testing.assert_allclose(_widths(bars[d]), ev.ranking[d].to_numpy())
    (marker,) = [ln for ln in ax.lines if ln.get_gid() == "s"]
    np.testing.assert_allclose(marker.get_xdata(), ev.ranking["score"])
    with pytest.raises(cs.ParameterError, match="does not decompose"):
        csp.contributions(ev)
