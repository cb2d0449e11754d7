"""Tests of clusterscore.aggregate: weighted sum, geometric mean, TOPSIS.

Expected numbers are hand calculations written next to each case, and the
published TOPSIS example of Hwang and Yoon (1981).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterscore.aggregate import (
    AGGREGATIONS,
    DEFAULT_FLOOR,
    aggregate,
    dimension_scores,
    dimension_weights,
    topsis,
    topsis_closeness,
    weighted_geometric,
    weighted_sum,
)
from clusterscore.errors import DataError, ParameterError
from clusterscore.normalize import normalize
from clusterscore.weights.entropy import entropy_weights

# --------------------------------------------------------------------------
# hand-computed cases


def test_weighted_sum_hand_case():
    """Weighted sum: S_i = sum_j w_j y_ij."""
    # row 0: .2*1 + .3*0 + .5*.5 = 0.45; row 1: 0 + .3 + .5 = 0.8
    Y = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 1.0]])
    w = np.array([0.2, 0.3, 0.5])
    np.testing.assert_allclose(weighted_sum(Y, w), [0.45, 0.8], rtol=1e-15)
    np.testing.assert_allclose(aggregate(Y, w), [0.45, 0.8], rtol=1e-15)


def test_geometric_hand_case():
    """Geometric: S_i = prod_j y_ij^w_j when no value is below the floor."""
    # row 0: 1^.5 * .25^.5 = 0.5; row 1: .04^.5 * 1^.5 = 0.2
    Y = np.array([[1.0, 0.25], [0.04, 1.0]])
    got = aggregate(Y, [0.5, 0.5], "geometric")
    np.testing.assert_allclose(got, [0.5, 0.2], rtol=1e-14)


def test_geometric_floor_keeps_a_zero_from_collapsing_the_score():
    """A min-max zero counts as the floor: 0.01^0.5 = 0.1, not 0."""
    # default floor 0.01: max(0, .01)^.5 * 1^.5 = 0.1
    # floor 0.04: 0.04^.5 = 0.2
    Y = np.array([[0.0, 1.0]])
    np.testing.assert_allclose(
        weighted_geometric(Y, np.array([0.5, 0.5])), [0.1], rtol=1e-14
    )
    np.testing.assert_allclose(
        aggregate(Y, [0.5, 0.5], "geometric", floor=0.04), [0.2], rtol=1e-14
    )
    assert DEFAULT_FLOOR == 0.01


def test_topsis_closeness_hand_case():
    """TOPSIS on a normalised matrix: C = d-/(d+ + d-)."""
    # Y rows (1,0), (0,1), (.5,.5); w (.75,.25); ideal (1,1), anti (0,0)
    # row 0: d+ = sqrt(.25^2*1) = .25,  d- = sqrt(.75^2*1) = .75 -> .75
    # row 1: d+ = .75, d- = .25 -> .25
    # row 2: d+ = d- = sqrt(.75^2*.25 + .25^2*.25) -> .5
    Y = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    got = aggregate(Y, [0.75, 0.25], "topsis")
    np.testing.assert_allclose(got, [0.75, 0.25, 0.5], rtol=1e-14)


def test_topsis_minmax_hand_case():
    """Raw TOPSIS with min-max normalisation and a cost criterion."""
    # col 0 benefit [10,20,30] -> r = 0, .5, 1
    # col 1 cost [5,3,4]       -> r = (5-x)/2 = 0, 1, .5
    # v = .5 r; ideal (.5,.5), anti (0,0)
    # A1 (0,0):      d+ = sqrt(.5) , d- = 0            -> C = 0
    # A2 (.25,.5):   d+ = .25, d- = sqrt(.3125) = sqrt(5)/4
    #                -> C = sqrt5/(1 + sqrt5) = 0.690983...
    # A3 (.5,.25):   symmetric to A2
    X = [[10.0, 5.0], [20.0, 3.0], [30.0, 4.0]]
    c = topsis(X, [0.5, 0.5], ["benefit", "cost"], normalization="minmax")
    r5 = math.sqrt(5.0)
    np.testing.assert_allclose(c, [0.0, r5 / (1 + r5), r5 / (1 + r5)])


def test_topsis_hwang_yoon_1981_fighter_aircraft():
    """Hwang & Yoon (1981), pp. 133-134: fighter aircraft, closeness.

    Four aircraft, six attributes (maximum speed, ferry range, maximum
    payload, acquisition cost [cost], reliability, maneuverability), weights
    (.2, .1, .1, .1, .2, .3), vector normalisation. The book prints
    C* = 0.643, 0.268, 0.613, 0.312 (rank A1 > A3 > A4 > A2). It rounds
    every intermediate to four decimals and divides its printed distances:
    A3 is 0.0920/(0.0580 + 0.0920) = 0.6133 there, 0.61354 unrounded. So
    every value agrees within one unit of the third decimal and three of
    the four round to the printed figure exactly.
    """
    X = [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ]
    w = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
    d = ["benefit", "benefit", "benefit", "cost", "benefit", "benefit"]
    printed = np.array([0.643, 0.268, 0.613, 0.312])
    c = topsis(X, w, d)
    assert np.all(np.abs(c - printed) < 1e-3)
    np.testing.assert_array_equal(
        np.round(c, 3)[[0, 1, 3]], printed[[0, 1, 3]]
    )
    assert list(np.argsort(-c)) == [0, 2, 3, 1]
    # the same through normalize() + aggregate()
    Y = normalize(X, d, method="vector")
    np.testing.assert_allclose(aggregate(Y, w, "topsis"), c, rtol=1e-12)


def test_dimension_scores_weighted_sum_hand_case():
    """Sub-score = within-dimension weighted mean; score = sum w_d S_d."""
    # groups: d0 = {0}, d1 = {1, 2}; w_d = (.2, .8)
    # row 0: S0 = 1; S1 = (.3*0 + .5*.5)/.8 = 0.3125; .2*1 + .8*.3125 = .45
    # row 1: S0 = 0; S1 = (.3*1 + .5*1)/.8 = 1;        .2*0 + .8*1 = .8
    Y = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 1.0]])
    w = np.array([0.2, 0.3, 0.5])
    S = dimension_scores(Y, w, [0, 1, 1])
    np.testing.assert_allclose(S, [[1.0, 0.3125], [0.0, 1.0]], rtol=1e-15)
    wd = dimension_weights(w, [0, 1, 1])
    np.testing.assert_allclose(wd, [0.2, 0.8])
    np.testing.assert_allclose(S @ wd, weighted_sum(Y, w), rtol=1e-15)


def test_dimension_scores_geometric_hand_case():
    """Geometric sub-scores; score = prod_d S_d^(w_d)."""
    # w = (.5, .25, .25), groups d0 = {0}, d1 = {1, 2}; w_d = (.5, .5)
    # S1 = .25^(.25/.5) * 1^(.25/.5) = 0.5, S0 = 1
    # score = 1^.5 * .5^.5 = 0.70711 = 1^.5 * .25^.25 * 1^.25
    Y = np.array([[1.0, 0.25, 1.0]])
    w = np.array([0.5, 0.25, 0.25])
    S = dimension_scores(Y, w, [0, 1, 1], "geometric")
    np.testing.assert_allclose(S, [[1.0, 0.5]], rtol=1e-15)
    np.testing.assert_allclose(
        weighted_geometric(Y, w), [math.sqrt(0.5)], rtol=1e-15
    )


def test_dimension_scores_topsis_single_indicator_is_minmax():
    """A one-indicator dimension's TOPSIS closeness is (y-min)/(max-min)."""
    # d- = w (y - lo), d+ = w (hi - y) -> C = (y - lo)/(hi - lo)
    Y = np.array([[0.2, 1.0], [0.6, 0.0], [1.0, 0.5]])
    S = dimension_scores(Y, np.array([0.4, 0.6]), [0, 1], "topsis")
    np.testing.assert_allclose(
        S, [[0.0, 1.0], [0.5, 0.0], [1.0, 0.5]], atol=1e-15
    )


def test_dimension_with_zero_weight_uses_equal_weights():
    """A dimension whose weights are all 0 gets equal weights within."""
    # d1 = {1, 2} has weight 0: S1 = (.2 + .6)/2 = .4; score unaffected
    Y = np.array([[0.9, 0.2, 0.6]])
    w = np.array([1.0, 0.0, 0.0])
    for method in AGGREGATIONS:
        S = dimension_scores(Y, w, [0, 1, 1], method)
        assert np.all(np.isfinite(S))
    S = dimension_scores(Y, w, [0, 1, 1])
    np.testing.assert_allclose(S, [[0.9, 0.4]], rtol=1e-15)


def test_identical_alternatives_have_closeness_half():
    """All alternatives identical: d+ = d- = 0 and C is defined as 0.5."""
    X = np.ones((3, 2))
    for norm in ("vector", "minmax"):
        c = topsis(X, [0.5, 0.5], normalization=norm)
        np.testing.assert_array_equal(c, [0.5, 0.5, 0.5])
    np.testing.assert_array_equal(topsis([[4.0, 2.0]], [0.3, 0.7]), [0.5])


def test_topsis_rank_reversal_when_an_alternative_is_added():
    """TOPSIS is not independent of other alternatives (rank reversal).

    Y = (.75,.25), (.5,.5), (0,.75), w = (.5,.5): ideal (.75,.75), anti
    (0,.25); A1 d+ = .25, d- = .375, C = .6; A2 d+ = .1768, d- = .2795,
    C = .6126, so A2 > A1. Adding A4 = (1,.25) moves the ideal to (1,.75):
    A1 d+ = .2795, C = .375/.6545 = .5729; A2 d+ = d- = .2795, C = .5, so
    now A1 > A2. The weighted sum of a fixed normalised row does not
    depend on other rows: .5 for both, before and after.
    """
    Y = np.array([[0.75, 0.25], [0.5, 0.5], [0.0, 0.75]])
    w = np.array([0.5, 0.5])
    before = topsis_closeness(Y, w)
    after = topsis_closeness(np.vstack([Y, [[1.0, 0.25]]]), w)
    np.testing.assert_allclose(before[:2], [0.6, 0.6125741], rtol=1e-6)
    np.testing.assert_allclose(after[:2], [0.5729490, 0.5], rtol=1e-6)
    assert before[1] > before[0]
    assert after[0] > after[1]


def test_dataframe_labels_and_series_weights():
    """DataFrame in: scores are a Series indexed like the rows."""
    df = pd.DataFrame(
        {"a": [1.0, 0.0], "b": [0.0, 1.0]}, index=["Suzhou", "Wuxi"]
    )
    s = aggregate(df, pd.Series({"b": 0.25, "a": 0.75}))
    assert isinstance(s, pd.Series)
    assert list(s.index) == ["Suzhou", "Wuxi"]
    assert s.name == "score"
    np.testing.assert_allclose(s.to_numpy(), [0.75, 0.25])
    c = topsis(df, {"a": 0.5, "b": 0.5}, {"a": "benefit", "b": "cost"})
    assert c.name == "closeness"
    assert c.index.equals(df.index)
    batch = aggregate(df, np.array([[0.5, 0.5], [1.0, 0.0]]))
    assert isinstance(batch, pd.DataFrame)
    assert list(batch.columns) == ["Suzhou", "Wuxi"]


def test_registry_names():
    """The registry holds the three DESIGN method names."""
    assert set(AGGREGATIONS) == {"weighted_sum", "geometric", "topsis"}
    assert all(spec.name == name for name, spec in AGGREGATIONS.items())


def test_input_is_not_mutated():
    """aggregate() and topsis() leave the caller's arrays unchanged."""
    Y = np.array([[0.0, 1.0], [0.5, 0.25]])
    w = np.array([0.4, 0.6])
    for method in AGGREGATIONS:
        aggregate(Y, w, method)
    topsis(Y, w, ["cost", "benefit"], normalization="minmax")
    np.testing.assert_array_equal(Y, [[0.0, 1.0], [0.5, 0.25]])
    np.testing.assert_array_equal(w, [0.4, 0.6])


# --------------------------------------------------------------------------
# properties


@st.composite
def problems(draw, min_rows=1, unit=True):
    """Draw a matrix (in [0, 1] if `unit`), a weight vector and directions."""
    m = draw(st.integers(min_rows, 7))
    n = draw(st.integers(1, 5))
    hi = 1.0 if unit else 1e4
    elements = st.one_of(
        st.sampled_from([0.0, hi / 2, hi]),  # ties, zeros, extremes
        st.floats(0.0, hi, allow_nan=False),
    )
    Y = draw(arrays(np.float64, (m, n), elements=elements))
    raw = np.array(draw(st.lists(st.floats(0.0, 1.0), min_size=n, max_size=n)))
    w = raw / raw.sum() if raw.sum() > 0 else np.full(n, 1.0 / n)
    signs = draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n))
    return Y, w, np.array(signs, dtype=np.int8)


@st.composite
def weight_batches(draw, n):
    """Draw k weight vectors of length n as rows."""
    k = draw(st.integers(1, 4))
    raw = draw(arrays(np.float64, (k, n), elements=st.floats(0.01, 1.0)))
    return raw / raw.sum(axis=1, keepdims=True)


def _score(method, Y, w):
    return np.asarray(aggregate(Y, w, method))


@settings(max_examples=200)
@given(problems(), st.sampled_from(list(AGGREGATIONS)))
def test_scores_in_unit_interval(data, method):
    """Scores of a [0, 1] matrix lie in [0, 1]; geometric >= the floor."""
    Y, w, _ = data
    s = _score(method, Y, w)
    assert s.shape == (Y.shape[0],)
    assert np.all(s >= 0.0)
    assert np.all(s <= 1.0 + 1e-12)
    if method == "geometric":
        assert np.all(s >= DEFAULT_FLOOR * (1 - 1e-12))


@settings(max_examples=200)
@given(problems(unit=False), st.sampled_from(["vector", "minmax"]))
def test_raw_topsis_in_unit_interval(data, norm):
    """Raw TOPSIS closeness lies in [0, 1] for benefit and cost columns."""
    X, w, signs = data
    c = topsis(X, w, signs, normalization=norm)
    assert np.all((c >= 0.0) & (c <= 1.0))


@settings(max_examples=200)
@given(
    problems(),
    st.sampled_from(list(AGGREGATIONS)),
    st.randoms(use_true_random=False),
)
def test_row_order_equivariance(data, method, rnd):
    """Permuting the clusters permutes their scores and nothing else."""
    Y, w, signs = data
    perm = np.array(rnd.sample(range(Y.shape[0]), Y.shape[0]))
    np.testing.assert_allclose(
        _score(method, Y[perm], w), _score(method, Y, w)[perm], atol=1e-12
    )
    for norm in ("vector", "minmax"):
        np.testing.assert_allclose(
            topsis(Y[perm], w, signs, normalization=norm),
            topsis(Y, w, signs, normalization=norm)[perm],
            atol=1e-12,
        )


@settings(max_examples=200)
@given(
    problems(),
    st.sampled_from(list(AGGREGATIONS)),
    st.data(),
    st.floats(1e-6, 1.0),
)
def test_raising_a_normalised_value_never_lowers_the_score(
    data, method, pick, step
):
    """With fixed weights, raising y_ij never lowers cluster i's score."""
    Y, w, _ = data
    i = pick.draw(st.integers(0, Y.shape[0] - 1))
    j = pick.draw(st.integers(0, Y.shape[1] - 1))
    Y2 = Y.copy()
    Y2[i, j] = min(1.0, Y[i, j] + step)
    assert _score(method, Y2, w)[i] >= _score(method, Y, w)[i] - 1e-12


@settings(max_examples=200)
@given(
    problems(unit=False),
    st.sampled_from(
        [
            ("minmax", "weighted_sum"),
            ("minmax", "geometric"),
            ("percentile", "weighted_sum"),
            ("percentile", "geometric"),
            ("vector", "weighted_sum"),
            ("vector", "geometric"),
            ("zscore", "weighted_sum"),
            ("target", "geometric"),
            ("vector", "topsis"),
            ("minmax", "topsis"),
        ]
    ),
    st.data(),
    st.floats(1e-3, 1e4),
)
def test_improving_a_raw_indicator_never_lowers_the_score(
    data, pipeline, pick, step
):
    """Raising a benefit (lowering a cost) raw value never lowers the score.

    Through normalisation, which depends on the other clusters, and then
    aggregation with fixed weights; for TOPSIS this holds for the improved
    cluster itself (with non-negative data), though not for the order of
    the others (see the rank-reversal test).
    """
    X, w, signs = data
    norm, method = pipeline
    i = pick.draw(st.integers(0, X.shape[0] - 1))
    j = pick.draw(st.integers(0, X.shape[1] - 1))
    X2 = X.copy()
    X2[i, j] = X[i, j] + step if signs[j] > 0 else max(0.0, X[i, j] - step)
    targets = np.full(X.shape[1], 5e3) if norm == "target" else None

    def score(M):
        Y = normalize(M, signs, method=norm, targets=targets)
        return _score(method, Y, w)[i]

    assert score(X2) >= score(X) - 1e-9


@settings(max_examples=200)
@given(problems(min_rows=2), st.sampled_from(list(AGGREGATIONS)))
def test_dominating_cluster_never_scores_lower(data, method):
    """A row >= another in every normalised value scores at least as high."""
    Y, w, _ = data
    Y = Y.copy()
    Y[0] = np.maximum(Y[0], Y[1])  # row 0 dominates row 1
    s = _score(method, Y, w)
    assert s[0] >= s[1] - 1e-12


@settings(max_examples=200)
@given(problems(min_rows=2, unit=False), st.sampled_from(["vector", "minmax"]))
def test_dominating_alternative_raw_topsis(data, norm):
    """Raw TOPSIS: better on every criterion (by direction) never lower."""
    X, w, signs = data
    X = X.copy()
    X[0] = np.where(signs > 0, np.maximum(X[0], X[1]), np.minimum(X[0], X[1]))
    c = topsis(X, w, signs, normalization=norm)
    assert c[0] >= c[1] - 1e-12


@settings(max_examples=200)
@given(problems(), st.data())
def test_batched_equals_loop(data, pick):
    """Scores for k weight vectors in one call equal k separate calls."""
    Y, _, signs = data
    W = pick.draw(weight_batches(Y.shape[1]))
    for method in AGGREGATIONS:
        batch = _score(method, Y, W)
        assert batch.shape == (W.shape[0], Y.shape[0])
        loop = np.array([_score(method, Y, w) for w in W])
        np.testing.assert_allclose(batch, loop, rtol=1e-12, atol=1e-14)
    for norm in ("vector", "minmax"):
        batch = topsis(Y, W, signs, normalization=norm)
        loop = np.array([topsis(Y, w, signs, normalization=norm) for w in W])
        np.testing.assert_allclose(batch, loop, rtol=1e-12, atol=1e-14)


@settings(max_examples=200)
@given(problems(unit=False), st.sampled_from(["vector", "minmax"]))
def test_raw_topsis_equals_normalize_then_closeness(data, norm):
    """topsis(X) equals TOPSIS closeness of normalize(X) (affine maps)."""
    X, w, signs = data
    Y = normalize(X, signs, method=norm)
    np.testing.assert_allclose(
        topsis(X, w, signs, normalization=norm),
        topsis_closeness(Y, w),
        atol=1e-9,
    )


@st.composite
def grouped(draw):
    """Draw a [0, 1] problem with a dimension map covering every group."""
    Y, w, _ = draw(problems())
    n = Y.shape[1]
    d = draw(st.integers(1, n))
    groups = np.array(
        list(range(d))
        + draw(st.lists(st.integers(0, d - 1), min_size=n - d, max_size=n - d))
    )
    perm = draw(st.permutations(range(n)))
    return Y, w, groups[list(perm)]


@settings(max_examples=200)
@given(grouped(), st.sampled_from(["vector", "minmax"]), st.data())
def test_topsis_subscores_from_raw_matrix(data, norm, pick):
    """Sub-scores from a raw matrix equal topsis() on each dimension."""
    X, w, groups = data
    X = X * 100.0
    n = X.shape[1]
    signs = np.array(
        pick.draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n))
    )
    S = dimension_scores(
        X, w, groups, "topsis", directions=signs, normalization=norm
    )
    for d in range(S.shape[1]):
        cols = groups == d
        total = w[cols].sum()
        wd = w[cols] / total if total > 0 else np.full(cols.sum(), 1.0)
        wd = wd / wd.sum()
        want = topsis(X[:, cols], wd, signs[cols], normalization=norm)
        np.testing.assert_allclose(S[:, d], want, atol=1e-9)


@settings(max_examples=200)
@given(grouped())
def test_weighted_sum_is_dimension_weighted_sum_of_subscores(data):
    """Weighted sum: S_i = sum_d w_d S_id with w_d = sum_{j in d} w_j."""
    Y, w, groups = data
    S = dimension_scores(Y, w, groups, "weighted_sum")
    wd = dimension_weights(w, groups)
    assert np.all((S >= 0) & (S <= 1 + 1e-12))
    np.testing.assert_allclose(S @ wd, weighted_sum(Y, w), atol=1e-12)


@settings(max_examples=200)
@given(grouped())
def test_geometric_is_dimension_weighted_geometric_of_subscores(data):
    """Geometric: S_i = prod_d S_id^(w_d)."""
    Y, w, groups = data
    S = dimension_scores(Y, w, groups, "geometric")
    wd = dimension_weights(w, groups)
    assert np.all((S >= DEFAULT_FLOOR * (1 - 1e-12)) & (S <= 1 + 1e-12))
    np.testing.assert_allclose(
        np.prod(S**wd, axis=1), weighted_geometric(Y, w), rtol=1e-12
    )


@settings(max_examples=200)
@given(grouped())
def test_topsis_subscores_in_unit_interval(data):
    """TOPSIS sub-scores lie in [0, 1] and one dimension gives the score."""
    Y, w, groups = data
    S = dimension_scores(Y, w, groups, "topsis")
    assert np.all((S >= 0) & (S <= 1))
    one = dimension_scores(Y, w, np.zeros(Y.shape[1], dtype=int), "topsis")
    np.testing.assert_allclose(one[:, 0], topsis_closeness(Y, w), atol=1e-12)


# --------------------------------------------------------------------------
# errors


def test_unknown_method_lists_valid_names():
    """A bad aggregation name raises ParameterError listing valid names."""
    with pytest.raises(ParameterError, match=r"'method' must be one of") as e:
        aggregate([[1.0]], [1.0], "wsum")
    for name in AGGREGATIONS:
        assert repr(name) in str(e.value)
    with pytest.raises(ParameterError, match=r"'method' must be one of"):
        dimension_scores(np.ones((1, 1)), np.ones(1), [0], "mean")


def test_unknown_topsis_normalization():
    """topsis() rejects a normalisation outside {'vector', 'minmax'}."""
    with pytest.raises(
        ParameterError,
        match=r"'normalization' must be one of \{'vector', 'minmax'\}; "
        r"got 'sum'",
    ):
        topsis([[1.0]], [1.0], normalization="sum")


def test_weights_length_mismatch():
    """Weights of the wrong length raise ParameterError."""
    with pytest.raises(ParameterError, match=r"one entry per criterion \(2\)"):
        aggregate([[1.0, 0.0]], [1.0])
    with pytest.raises(ParameterError, match=r"one entry per criterion \(2\)"):
        topsis([[1.0, 0.0]], [0.2, 0.3, 0.5])
    with pytest.raises(ParameterError, match=r"shape \(2,\) or \(k, 2\)"):
        aggregate([[1.0, 0.0]], np.full((2, 3), 1 / 3))
    with pytest.raises(ParameterError, match=r"shape \(2,\) or \(k, 2\)"):
        aggregate([[1.0, 0.0]], np.full((1, 1, 2), 0.5))


def test_weights_must_sum_to_one():
    """Weights not summing to 1 are rejected, not silently rescaled."""
    with pytest.raises(
        ParameterError, match=r"must sum to 1; they sum to 0.9"
    ):
        aggregate([[1.0, 0.0]], [0.5, 0.4])
    with pytest.raises(ParameterError, match=r"row 1: 1.1"):
        aggregate([[1.0, 0.0]], [[0.5, 0.5], [0.6, 0.5]])


def test_negative_weights_rejected():
    """Negative weights raise ParameterError, one vector or a batch."""
    with pytest.raises(ParameterError, match=r"finite and non-negative"):
        aggregate([[1.0, 0.0]], [1.5, -0.5])
    with pytest.raises(ParameterError, match=r"rows \[0\] are not"):
        topsis([[1.0, 0.0]], [[1.5, -0.5]])


def test_directions_length_mismatch():
    """topsis() directions of the wrong length raise ParameterError."""
    with pytest.raises(ParameterError, match=r"'directions' must have one"):
        topsis([[1.0, 2.0]], [0.5, 0.5], ["cost"])


def test_nan_names_the_column():
    """NaN input raises DataError naming the column and the row."""
    df = pd.DataFrame(
        {"a": [0.5, 0.2], "patents": [np.nan, 0.1]}, index=["Hefei", "Xian"]
    )
    with pytest.raises(DataError, match=r"column 'patents'.*'Hefei'"):
        aggregate(df, [0.5, 0.5])
    with pytest.raises(DataError, match=r"column 'patents'.*'Hefei'"):
        topsis(df, [0.5, 0.5])
    with pytest.raises(DataError, match=r"column 1: 1 NaN at row\(s\) 0"):
        topsis(df.to_numpy(), [0.5, 0.5], normalization="minmax")


def test_geometric_rejects_negative_values():
    """Geometric aggregation of z-scores raises DataError naming a column."""
    df = pd.DataFrame({"z": [-1.0, 1.0], "ok": [0.2, 0.4]})
    with pytest.raises(DataError, match=r"column 'z' has minimum -1"):
        aggregate(df, [0.5, 0.5], "geometric")


@pytest.mark.parametrize("bad", [0.0, -0.1, 1.5, "x", np.nan])
def test_floor_out_of_range(bad):
    """A floor outside (0, 1] raises ParameterError."""
    with pytest.raises(ParameterError, match=r"'floor' must be a number in"):
        aggregate([[0.5]], [1.0], "geometric", floor=bad)


def test_floor_only_for_geometric():
    """A floor given to another method raises instead of being ignored."""
    with pytest.raises(ParameterError, match=r"only applies to method='geo"):
        aggregate([[0.5]], [1.0], "weighted_sum", floor=0.1)


def test_empty_and_non_numeric_matrices():
    """Empty or text input raises DataError."""
    with pytest.raises(DataError, match=r"at least one row"):
        aggregate(np.empty((0, 2)), [0.5, 0.5])
    with pytest.raises(DataError, match=r"not numeric: name"):
        topsis(pd.DataFrame({"name": ["a"], "x": [1.0]}), [0.5, 0.5])


def test_dimension_groups_errors():
    """Bad group maps raise ParameterError saying what is wrong."""
    Y, w = np.ones((2, 3)), np.full(3, 1 / 3)
    with pytest.raises(ParameterError, match=r"must be n integers"):
        dimension_scores(Y, w, [0, 1])
    with pytest.raises(ParameterError, match=r"must be n integers"):
        dimension_scores(Y, w, [0.0, 1.0, 1.0])
    with pytest.raises(ParameterError, match=r"must lie in 0\.\.1"):
        dimension_scores(Y, w, [0, 1, 2], n_groups=2)
    with pytest.raises(
        ParameterError, match=r"dimension\(s\) \[1\] have none"
    ):
        dimension_scores(Y, w, [0, 2, 2])
    with pytest.raises(ParameterError, match=r"only applies to method='top"):
        dimension_scores(Y, w, [0, 0, 1], normalization="vector")
    with pytest.raises(ParameterError, match=r"'normalization' must be one"):
        dimension_scores(Y, w, [0, 0, 1], "topsis", normalization="sum")


def _entropy_reference():
    """Load tests/reference/entropy_examples.py (the published examples)."""
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).parent / "reference" / "entropy_examples.py"
    spec = importlib.util.spec_from_file_location("entropy_examples", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["entropy_examples"] = module
    spec.loader.exec_module(module)
    return module


def test_topsis_liu_2022_closeness():
    """Liu et al. (2022, 中国检验检测): entropy-TOPSIS closeness C, 2 dp.

    Entropy weights on min-max data, TOPSIS on the weighted min-max matrix
    with Euclidean distances; all ten printed C values are reproduced.
    """
    ref = _entropy_reference()
    ex = ref.LIU_2022
    w = entropy_weights(ex.matrix, ex.directions)
    c = topsis(ex.matrix, w, ex.directions, normalization="minmax")
    np.testing.assert_array_equal(np.round(c, 2), ref.LIU_2022_CLOSENESS)
