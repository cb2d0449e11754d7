"""The gap heat map (plot/heatmap.py): cells are the severities."""

from __future__ import annotations

import numpy as np
import pytest

import clusterscore as cs
import clusterscore.plot as csp


def test_gap_heatmap_cells_are_the_severities_in_rank_order(ev):
    fig = csp.gap_heatmap(ev)
    ax = fig.axes[0]
    (im,) = ax.images
    grid = np.ma.filled(im.get_array().astype(float), np.nan)
    gaps = ev.gaps
    inds = list(ev.system.indicator_ids)
    for i, c in enumerate(ev.ranking.index):
        for j, ind in enumerate(inds):
            sev = gaps.loc[
                (gaps.cluster == c) & (gaps.indicator == ind), "severity"
            ].item()
            assert grid[i, j] == csp.SEVERITY_CODES[sev], (c, ind)
    first = ax.get_yticklabels()[0].get_text()
    assert first == ev.ranking.index[0]


def test_gap_heatmap_of_a_frame_and_missing_cells(table, system):
    t = table.copy()
    t.loc[0, "rd_intensity"] = np.nan
    gaps = cs.flag_gaps(t, system, allow_missing=True)
    fig = csp.gap_heatmap(gaps, system=system)
    grid = np.ma.filled(
        fig.axes[0].images[0].get_array().astype(float), np.nan
    )
    clusters = list(dict.fromkeys(gaps["cluster"]))
    j = list(system.indicator_ids).index("rd_intensity")
    assert np.isnan(grid[clusters.index(t.loc[0, "cluster"]), j])
    assert np.isfinite(np.delete(grid, j, axis=1)).all()
    with pytest.raises(cs.ParameterError, match="system="):
        csp.gap_heatmap(gaps)
