"""The weights figure (plot/weightbars.py): bars are the weight columns."""

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


def test_weights_bars_are_the_weight_columns(ev):
    fig = csp.weights(ev)
    bars = _bars(fig.axes[0])
    assert list(bars) == ["ahp", "entropy", "combined"]
    for col, container in bars.items():
        np.testing.assert_allclose(
            _widths(container), ev.weights[col].to_numpy()
        )
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == [ev.system.indicator(i).name for i in ev.weights.index]


def test_weights_by_type_draws_one_type(table, system):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", cs.ClusterScoreWarning)
        ev = cs.evaluate(table, system, by_type=True)
    fig = csp.weights(ev, cluster_type="strategic")
    bars = _bars(fig.axes[0])
    want = ev.weights.xs("strategic", level="type")["ahp"].to_numpy()
    np.testing.assert_allclose(_widths(bars["ahp"]), want)
    with pytest.raises(cs.ParameterError, match="cluster_type"):
        csp.weights(ev, cluster_type="nope")
    contrib = csp.contributions(ev)
    np.testing.assert_allclose(contrib.sum(axis=1), ev.ranking["score"])
