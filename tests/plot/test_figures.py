"""What the figures draw is the evaluation's numbers."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.container import BarContainer

import clusterscore as cs
import clusterscore.plot as csp


def _bars(ax):
    return {
        c.get_label(): c for c in ax.containers if isinstance(c, BarContainer)
    }


def _widths(container):
    return np.array([p.get_width() for p in container.patches])


def _heights(container):
    return np.array([p.get_height() for p in container.patches])


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


def test_chinese_labels_use_the_systems_names(ev, unc):
    system = ev.system
    fig = csp.weights(ev, lang="zh")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0] == system.indicators[0].name_zh
    fig = csp.profile(ev, lang="zh")
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks[0] == system.dimensions[0].name_zh
    fig = csp.ranking(ev, lang="zh")
    texts = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    texts += [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert system.types[0].name_zh in texts
    assert system.dimensions[0].name_zh in texts
    fig = csp.rank_intervals(unc, lang="zh")
    assert "排名" in fig.axes[0].get_xlabel()


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
