"""The rank-interval figure (plot/intervals.py): the uncertainty summary."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.container import BarContainer

import clusterscore.plot as csp


def _bars(ax):
    return {
        c.get_label(): c for c in ax.containers if isinstance(c, BarContainer)
    }


def _heights(container):
    return np.array([p.get_height() for p in container.patches])


def test_rank_intervals_draw_the_uncertainty_summary(unc, sens):
    fig = csp.rank_intervals(unc, sens)
    ax = fig.axes[0]
    s = unc.summary.sort_values("nominal_rank", kind="stable")
    (lc,) = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert lc.get_gid() == "intervals"
    segs = lc.get_segments()
    np.testing.assert_allclose([g[0][0] for g in segs], s["rank_low"])
    np.testing.assert_allclose([g[1][0] for g in segs], s["rank_high"])
    lines = {ln.get_gid(): ln for ln in ax.lines}
    np.testing.assert_allclose(lines["nominal"].get_xdata(), s["nominal_rank"])
    np.testing.assert_allclose(lines["median"].get_xdata(), s["median_rank"])
    bars = _bars(fig.axes[1])
    np.testing.assert_allclose(
        _heights(bars["first order S"]),
        np.nan_to_num(sens.indices["S"].to_numpy()),
    )
    np.testing.assert_allclose(
        _heights(bars["total effect ST"]),
        np.nan_to_num(sens.indices["ST"].to_numpy()),
    )
    assert len(csp.rank_intervals(unc.summary).axes) == 1
