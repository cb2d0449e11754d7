"""The profile radar (plot/radar.py): sub-scores and attainment."""

from __future__ import annotations

import numpy as np
import pytest

import clusterscore as cs
import clusterscore.plot as csp


def test_profile_vertices_are_subscores_and_attainment(ev):
    names = list(ev.ranking.index[[0, 5, -1]])
    fig = csp.profile(ev, names)
    ax = fig.axes[0]
    lines = {ln.get_gid(): ln for ln in ax.lines}
    att = ev.dimension_gaps().pivot(
        index="cluster", columns="dimension", values="attainment"
    )
    dims = list(ev.system.dimension_ids)
    for c in names:
        sub = lines[f"subscore:{c}"].get_ydata()
        np.testing.assert_allclose(
            sub[:-1], ev.ranking.loc[c, dims].to_numpy()
        )
        assert sub[-1] == sub[0]  # closed polygon
        a = lines[f"attainment:{c}"].get_ydata()[:-1]
        np.testing.assert_allclose(a, 100 * att.loc[c, dims].to_numpy())
    np.testing.assert_array_equal(lines["benchmark"].get_ydata(), 100.0)
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == ev.system.dimensions[0].name


def test_profile_unknown_cluster_is_a_clear_error(ev):
    with pytest.raises(cs.ParameterError, match=r"unknown cluster.*Atlantis"):
        csp.profile(ev, ["Tangshan Steel", "Atlantis"])
    with pytest.raises(cs.ClusterScoreError, match="Did you mean"):
        csp.profile(ev, "Tangshan Steeel")
