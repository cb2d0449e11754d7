"""Obstacle degree model (clusterscore.analysis.obstacle)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import clusterscore as cs
from clusterscore.analysis import obstacle_degree, obstacle_kernel
from clusterscore.errors import ParameterError
from clusterscore.normalize import normalize


def _load_reference():
    here = Path(__file__).resolve()
    for parent in here.parents:
        path = parent / "reference" / "analysis_examples.py"
        if path.exists():
            break
    spec = importlib.util.spec_from_file_location("analysis_examples", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["analysis_examples"] = module
    spec.loader.exec_module(module)
    return module


ref = _load_reference()


@pytest.fixture(scope="module")
def df():
    return cs.datasets.synthetic_clusters(n=30, rng=2)


@pytest.fixture(scope="module")
def ev(df):
    return cs.evaluate(df)


def test_hand_calculation():
    """No published example was found: the recorded hand calculation."""
    ex = ref.OBSTACLE_HAND
    assert ex.status == "not found"
    obst = obstacle_kernel(np.array(ex.matrix), np.array(ex.weights))
    np.testing.assert_allclose(obst[0], ex.results["O"], atol=1e-12)


def test_rows_sum_to_100_and_dimensions_are_sums(ev):
    od = obstacle_degree(ev)
    np.testing.assert_allclose(od.indicators.sum(axis=1), 100.0)
    np.testing.assert_allclose(od.dimensions.sum(axis=1), 100.0)
    for d in od.dimensions.columns:
        members = [i for i, dd in od.dimension_of.items() if dd == d]
        np.testing.assert_allclose(
            od.dimensions[d], od.indicators[members].sum(axis=1)
        )
    assert list(od.indicators.index) == list(ev.ranking.index)
    assert od.normalization == "minmax"


def test_matches_the_weighted_sum_score(ev):
    """Shortfalls: 100 - score = 100 * sum_j w_j (1 - y_ij) (min-max)."""
    od = obstacle_degree(ev)
    shortfall = (od.weights * od.deviation).sum(axis=1)
    np.testing.assert_allclose(
        100.0 * (1.0 - shortfall), ev.ranking["score"], atol=1e-9
    )


def test_zero_at_best_observed_value(ev, df):
    od = obstacle_degree(ev)
    for ind in od.indicators.columns:
        col = df.set_index("cluster")[ind]
        sign = ev.system.indicator(ind).sign
        best = col.max() if sign > 0 else col.min()
        at_best = col.index[col == best]
        assert (od.indicators.loc[at_best, ind] == 0).all()


def test_recomputes_the_normalised_matrix(ev):
    """Y is normalize(X) of the table, in the evaluation's order."""
    od = obstacle_degree(ev)
    table = ev.table.set_index("cluster").loc[od.indicators.index]
    ids = list(od.indicators.columns)
    signs = [ev.system.indicator(i).sign for i in ids]
    Y = normalize(table[ids].to_numpy(float), signs)
    np.testing.assert_allclose(1 - od.deviation.to_numpy(), Y)


@pytest.mark.parametrize(
    ("options", "norm"),
    [
        ({"by_type": True}, "minmax"),
        ({"method": "topsis"}, "minmax"),
        ({"normalization": "target"}, "target"),
        ({"normalization": "percentile"}, "percentile"),
        ({"method": "geometric"}, "minmax"),
    ],
)
def test_other_evaluations(df, options, norm):
    ev = cs.evaluate(df, **options)
    od = obstacle_degree(ev)
    assert od.normalization == norm
    totals = od.indicators.sum(axis=1).to_numpy()
    assert np.all(np.isclose(totals, 100.0) | (totals == 0.0))


def test_by_type_uses_the_types_weights(df):
    ev = cs.evaluate(df, by_type=True)
    od = obstacle_degree(ev)
    for cluster, t in od.types.items():
        expected = ev.weights.xs(t, level="type")["used"]
        np.testing.assert_allclose(
            od.weights.loc[cluster, expected.index], expected.to_numpy()
        )


def test_override_normalization(ev):
    od = obstacle_degree(ev, normalization="percentile")
    assert od.normalization == "percentile"
    with pytest.raises(ParameterError) as info:
        obstacle_degree(ev, normalization="vector")
    assert info.value.parameter == "normalization"


def test_top(ev):
    od = obstacle_degree(ev)
    top = od.top(3)
    assert list(top.columns) == [
        "cluster",
        "type",
        "position",
        "indicator",
        "obstacle",
        "dimension",
        "deviation",
    ]
    first = top[top["cluster"] == ev.ranking.index[0]]
    row = od.indicators.loc[ev.ranking.index[0]]
    assert first["indicator"].tolist() == list(
        row.sort_values(ascending=False, kind="stable").index[:3]
    )
    assert (first["position"] == [1, 2, 3]).all()
    dims = od.top(2, level="dimension")
    assert set(dims.columns) == {
        "cluster",
        "type",
        "position",
        "dimension",
        "obstacle",
    }


@pytest.mark.parametrize("n", [0, -1, 1.5, "3", True])
def test_top_bad_n(ev, n):
    with pytest.raises(ParameterError) as info:
        obstacle_degree(ev).top(n)
    assert info.value.parameter == "n"


def test_top_bad_level(ev):
    with pytest.raises(ParameterError) as info:
        obstacle_degree(ev).top(3, level="indicators")
    assert info.value.parameter == "level"


def test_no_shortfall_gives_zero():
    obst = obstacle_kernel(np.ones((2, 3)), np.array([0.2, 0.3, 0.5]))
    assert (obst == 0).all()


@settings(max_examples=200)
@given(
    st.integers(2, 10).flatmap(
        lambda m: st.integers(1, 6).flatmap(
            lambda n: st.tuples(
                arrays(
                    float,
                    (m, n),
                    elements=st.floats(-1e3, 1e3, allow_subnormal=False),
                ),
                arrays(float, (n,), elements=st.floats(0.01, 1.0)),
            )
        )
    )
)
def test_properties(data):
    """Rows sum to 100 (or 0 with no shortfall); 0 at the best value."""
    X, w = data
    Y = normalize(X)
    flat = np.ptp(X, axis=0) == 0
    Y[:, flat] = 1.0  # as obstacle_degree does for a column at its best
    obst = obstacle_kernel(Y, w / w.sum())
    totals = obst.sum(axis=1)
    assert np.all(np.isclose(totals, 100.0) | (totals == 0.0))
    at_best = X.max(axis=0) == X
    assert np.all(obst[at_best] == 0.0)
    assert np.all(obst >= 0.0)


@pytest.mark.parametrize("missing", ["median", "drop_indicator"])
def test_missing_value_policies(df, missing):
    """The same kept indicators (and imputed values) as the evaluation."""
    holed = df.copy()
    ids = list(cs.load_system().indicator_ids)
    holed.loc[3, ids[0]] = np.nan
    holed.loc[5, ids[4]] = np.nan
    ev = cs.evaluate(holed, missing=missing)
    od = obstacle_degree(ev)
    kept = [i for i in ids if i not in ev.dropped]
    assert list(od.indicators.columns) == kept
    np.testing.assert_allclose(od.indicators.sum(axis=1), 100.0)
    shortfall = (od.weights * od.deviation).sum(axis=1)
    np.testing.assert_allclose(
        100.0 * (1.0 - shortfall), ev.ranking["score"], atol=1e-9
    )


# --------------------------------------------------------------------------
# panels (a table with a year column)
# --------------------------------------------------------------------------

PANEL_CSV = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "national_clusters_panel.csv"
)


@pytest.fixture(scope="module")
def panel_table():
    import pandas as pd

    system = cs.load_system()
    return cs.validate(pd.read_csv(PANEL_CSV), system)


@pytest.mark.filterwarnings(
    "ignore::clusterscore.errors.DegenerateIndicatorWarning"
)
def test_global_panel_by_hand(panel_table):
    """Global panel: one min-max over all cluster-years, one weight vector.

    O = 100 w (1 - y) / sum w (1 - y) computed here by hand from the
    table, with the columns without spread over the whole panel at
    y = 1 (no shortfall), for every cluster-year.
    """
    system = cs.load_system()
    ev = cs.evaluate(panel_table, system)
    od = obstacle_degree(ev)
    ids = list(od.indicators.columns)
    X = panel_table.set_index(["year", "cluster"])[ids].astype(float)
    span = X.max() - X.min()
    Y = (X - X.min()) / span.where(span > 0, 1.0)
    cost = [i for i in ids if system.indicator(i).direction == "cost"]
    Y[cost] = 1.0 - Y[cost]
    Y.loc[:, span == 0] = 1.0
    w = ev.weights["used"].reindex(ids)
    short = (1.0 - Y) * w
    expected = 100 * short.div(short.sum(axis=1), axis=0)
    assert list(od.indicators.index) == list(ev.ranking.index)
    np.testing.assert_allclose(
        od.indicators.to_numpy(),
        expected.loc[od.indicators.index].to_numpy(),
        atol=1e-9,
    )


@pytest.mark.filterwarnings(
    "ignore::clusterscore.errors.DegenerateIndicatorWarning"
)
def test_per_year_panel_is_each_year_on_its_own(panel_table):
    """Scored per year, a year's degrees are those of that year alone."""
    ev = cs.evaluate(panel_table, panel="per_year")
    od = obstacle_degree(ev, year=2022)
    alone = panel_table[panel_table["year"] == 2022].drop(columns="year")
    solo = obstacle_degree(cs.evaluate(alone))
    assert set(od.indicators.index.get_level_values("year")) == {2022}
    got = od.indicators.droplevel("year")
    np.testing.assert_allclose(
        got.to_numpy(), solo.indicators.loc[got.index].to_numpy(), atol=1e-9
    )
    top = od.top(2)
    assert list(top.columns[:2]) == ["year", "cluster"]
    assert set(top["year"]) == {2022}


@pytest.mark.filterwarnings(
    "ignore::clusterscore.errors.DegenerateIndicatorWarning"
)
def test_year_is_checked(panel_table, ev):
    """A year the panel lacks, or a year on a table without years."""
    pev = cs.evaluate(panel_table, panel="per_year")
    with pytest.raises(ParameterError, match=r"one of the panel's years"):
        obstacle_degree(pev, year=1999)
    with pytest.raises(ParameterError, match="has no years"):
        obstacle_degree(ev, year=2022)


def test_top_of_one_cluster(ev):
    """top(cluster=...) is that cluster's rows of the full table."""
    name = ev.ranking.index[3]
    od = obstacle_degree(ev)
    full = od.top(4)
    one = od.top(4, cluster=name)
    expected = full[full["cluster"] == name].reset_index(drop=True)
    assert len(one) == 4
    assert one.equals(expected)
    with pytest.raises(ParameterError, match="'cluster' 'Nowhere'"):
        od.top(2, cluster="Nowhere")
