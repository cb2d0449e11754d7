"""Tests of clusterscore.aggregate.api: aggregate(), topsis(), errors.

Properties of the validating entry points, their errors, and the
published TOPSIS closeness values of Liu et al. (2022).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

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
    topsis,
    topsis_closeness,
)
from clusterscore.errors import DataError, ParameterError
from clusterscore.normalize import normalize
from clusterscore.weights.entropy import entropy_weights


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
    # not GRA: its coefficients scale with the largest difference over the
    # whole matrix (test_gra_is_not_monotone_off_min_max below)
    st.sampled_from([m for m in AGGREGATIONS if m != "gra"]),
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


def test_gra_is_not_monotone_off_min_max():
    """Deng's two-level maximum makes GRA non-monotone on a general matrix.

    Y = [[0, 0.5], [1, 1]], w = (0.5, 0.5), rho = 0.5: the first row's
    differences are (1, 0.5), the largest difference is 1, so its
    coefficients are 0.5/1.5 and 0.5/1.0, grade 5/12. Raising y_00 to 0.5
    makes the largest difference 0.5: both coefficients become 0.25/0.75,
    grade 1/3 < 5/12. Under min-max normalisation every varying column
    holds a 0 and a 1, the largest difference is always 1 and GRA is
    monotone there.
    """
    w = [0.5, 0.5]
    before = aggregate([[0.0, 0.5], [1.0, 1.0]], w, "gra")[0]
    after = aggregate([[0.5, 0.5], [1.0, 1.0]], w, "gra")[0]
    assert before == pytest.approx(5 / 12)
    assert after == pytest.approx(1 / 3)


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


def _entropy_reference():
    """Load tests/reference/entropy_examples.py (the published examples)."""
    path = Path(__file__).parents[1] / "reference" / "entropy_examples.py"
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


# ------------------------------------------- rescaling a column (16.4)


@st.composite
def _table_and_rescaling(draw):
    """Draw a small table of well-separated values, a column and 10**k.

    Values are integers 0..100 (so a column's spread is never a rounding
    artefact), k in [-300, 300]: x * 10**k stays a normal float.
    """
    m = draw(st.integers(2, 7))
    n = draw(st.integers(1, 4))
    X = draw(
        arrays(np.float64, (m, n), elements=st.integers(0, 100).map(float))
    )
    j = draw(st.integers(0, n - 1))
    k = draw(st.integers(-300, 300))
    raw = draw(arrays(np.float64, n, elements=st.floats(0.05, 1.0)))
    w = raw / raw.sum()
    signs = draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n))
    Z = X.copy()
    Z[:, j] *= 10.0**k
    return X, Z, w, signs


def _same_ranking(a, b):
    """Scores agree to 1e-9, and so does every order they separate."""
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)
    gap = a[:, None] - a[None, :]
    clear = np.abs(gap) > 1e-9
    assert np.array_equal(
        np.sign(gap[clear]), np.sign((b[:, None] - b[None, :])[clear])
    )


@settings(max_examples=200)
@given(_table_and_rescaling(), st.sampled_from(["vector", "minmax"]))
def test_topsis_ranking_is_invariant_under_rescaling_a_column(case, norm):
    """TOPSIS is unit-free: a column times 10**k ranks as before."""
    X, Z, w, signs = case
    _same_ranking(
        topsis(X, w, signs, normalization=norm),
        topsis(Z, w, signs, normalization=norm),
    )


@settings(max_examples=200)
@given(_table_and_rescaling())
def test_weighted_sum_of_minmax_is_invariant_under_rescaling(case):
    """Min-max then the weighted sum: a column times 10**k changes nothing."""
    X, Z, w, signs = case
    _same_ranking(
        aggregate(normalize(X, signs), w), aggregate(normalize(Z, signs), w)
    )


def test_topsis_of_a_table_scaled_by_1e_minus_300_equals_the_original():
    """The issue's case: the whole table times 1e-300 (and 1e300).

    Reference: Hwang and Yoon (1981, p. 133), as in `topsis`'s example;
    closeness is unit-free, so the scaled tables give the same numbers.
    """
    X = np.array(
        [
            [2.0, 1500, 20000, 5.5, 5, 9],
            [2.5, 2700, 18000, 6.5, 3, 5],
            [1.8, 2000, 21000, 4.5, 7, 7],
            [2.2, 1800, 20000, 5.0, 5, 5],
        ]
    )
    w = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
    d = ["benefit"] * 3 + ["cost"] + ["benefit"] * 2
    for norm in ("vector", "minmax"):
        base = topsis(X, w, d, normalization=norm)
        for factor in (1e-300, 1e300, 2.0**-1000):
            np.testing.assert_allclose(
                topsis(X * factor, w, d, normalization=norm), base, rtol=1e-12
            )


def test_topsis_spread_beyond_the_float_range_is_no_nan():
    """A column from -1e308 to 1e308 ranks like (-1, 0, 1), no NaN."""
    X = np.array([[-1e308, 3.0], [0.0, 1.0], [1e308, 2.0]])
    small = np.array([[-1.0, 3.0], [0.0, 1.0], [1.0, 2.0]])
    for norm in ("vector", "minmax"):
        np.testing.assert_allclose(
            topsis(X, [0.5, 0.5], normalization=norm),
            topsis(small, [0.5, 0.5], normalization=norm),
            rtol=1e-12,
        )


def test_aggregate_refuses_a_normalised_matrix_whose_spread_overflows():
    """aggregate() takes normalised values: a 1e308 spread is an error."""
    with pytest.raises(DataError, match=r"'Y' in column\(s\) 0 span"):
        aggregate([[-1e308, 0.0], [1e308, 1.0]], [0.5, 0.5], "topsis")


def test_topsis_of_an_integer_table_in_subnormal_units_is_exact():
    """Integers times 5e-324 are exact subnormals: the same closeness."""
    X = np.array([[4.0, 30, 2], [5, 10, 7], [3, 20, 9], [4, 40, 1]])
    w = [0.5, 0.3, 0.2]
    for norm in ("vector", "minmax"):
        np.testing.assert_allclose(
            topsis(X * 5e-324, w, normalization=norm),
            topsis(X, w, normalization=norm),
            rtol=1e-12,
        )


def test_topsis_sub_scores_of_a_raw_matrix_survive_an_overflowing_spread():
    """dimension_scores(normalization=...) rescales like topsis does."""
    X = np.array([[-1e308, 3.0], [0.0, 1.0], [1e308, 2.0]])
    small = np.array([[-1.0, 3.0], [0.0, 1.0], [1.0, 2.0]])
    for norm in ("minmax", "vector"):
        got = dimension_scores(
            X, np.array([0.5, 0.5]), [0, 1], "topsis", normalization=norm
        )
        want = dimension_scores(
            small, np.array([0.5, 0.5]), [0, 1], "topsis", normalization=norm
        )
        np.testing.assert_allclose(got, want, rtol=1e-12)
