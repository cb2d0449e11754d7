"""Tests of clusterscore.aggregate.dimensions: dimension sub-scores.

Expected numbers are hand calculations written next to each case.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterscore.aggregate import (
    AGGREGATIONS,
    DEFAULT_FLOOR,
    dimension_scores,
    dimension_weights,
    topsis,
    topsis_closeness,
    weighted_geometric,
    weighted_sum,
)
from clusterscore.errors import ParameterError


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
