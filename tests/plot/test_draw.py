"""Shared drawing (plot/_draw.py, plot.plot): sizes, overlaps, dispatch."""

from __future__ import annotations

import itertools

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import clusterscore as cs
import clusterscore.plot as csp


def test_plot_dispatch_and_unknown_kind(ev):
    assert csp.plot("weights", ev).axes
    with pytest.raises(cs.ParameterError, match="unknown figure kind 'pie'"):
        csp.plot("pie", ev)
    with pytest.raises(cs.ParameterError, match="lang"):
        csp.ranking(ev, lang="fr")


def test_every_figure_has_a_size_and_no_overlapping_tick_labels(ev, unc):
    """Cluster names (27, long) do not overlap: tick boxes are disjoint."""
    for fig in (csp.ranking(ev), csp.gap_heatmap(ev), csp.rank_intervals(unc)):
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        w, h = fig.get_size_inches()
        assert w > 0
        assert h > 0
        ax = fig.axes[0]
        r = canvas.get_renderer()
        boxes = [t.get_window_extent(r) for t in ax.get_yticklabels()]
        boxes.sort(key=lambda b: b.y0)
        for lower, upper in itertools.pairwise(boxes):
            assert lower.y1 <= upper.y0 + 0.5, "tick labels overlap"
        # legends lie outside the data area
        for leg in fig.legends:
            assert not leg.get_window_extent(r).overlaps(
                ax.get_window_extent(r)
            )
