"""Tests of clusterscore.normalize.api: normalize(), properties, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from clusterscore.errors import DataError, ParameterError
from clusterscore.normalize import (
    NORMALIZATIONS,
    normalize,
)

BOUNDED = [name for name, spec in NORMALIZATIONS.items() if spec.bounded]
ALL = list(NORMALIZATIONS)


def test_dataframe_in_dataframe_out_with_mapping_arguments():
    """A DataFrame keeps its labels; mappings are aligned by column label."""
    df = pd.DataFrame(
        {"a": [1.0, 3.0], "b": [4.0, 2.0]}, index=pd.Index(["x", "y"])
    )
    out = normalize(
        df,
        {"b": "cost", "a": "benefit"},
        method="target",
        targets=pd.Series({"b": 2.0, "a": 2.0}),
    )
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == ["x", "y"]
    assert list(out.columns) == ["a", "b"]
    # a benefit t=2: 1/2=.5, 3/2 -> 1; b cost t=2: 2/4=.5, 2/2=1
    np.testing.assert_array_equal(out.to_numpy(), [[0.5, 0.5], [1.0, 1.0]])


def test_input_is_not_mutated():
    """normalize() leaves the caller's array and DataFrame unchanged."""
    X = np.array([[1.0, 2.0], [3.0, 5.0]])
    df = pd.DataFrame(X.copy(), columns=["p", "q"])
    for method in ("minmax", "zscore", "vector", "percentile"):
        normalize(X, ["benefit", "cost"], method=method)
        normalize(df, ["cost", "benefit"], method=method)
    np.testing.assert_array_equal(X, [[1.0, 2.0], [3.0, 5.0]])
    np.testing.assert_array_equal(df.to_numpy(), X)


# --------------------------------------------------------------------------
# properties

_values = st.one_of(
    st.integers(0, 4).map(float),  # ties and constant columns
    st.floats(0.0, 1e6, allow_nan=False, allow_infinity=False),
)


@st.composite
def tables(draw, min_rows=1):
    """Draw a non-negative (m, n) table, its directions and targets."""
    m = draw(st.integers(min_rows, 8))
    n = draw(st.integers(1, 4))
    X = draw(arrays(np.float64, (m, n), elements=_values))
    signs = np.array(
        draw(st.lists(st.sampled_from([1, -1]), min_size=n, max_size=n)),
        dtype=np.int8,
    )
    targets = np.array(
        draw(
            st.lists(
                st.floats(0.01, 1e6, allow_nan=False),
                min_size=n,
                max_size=n,
            )
        )
    )
    return X, signs, targets


def _run(method, X, signs, targets):
    return normalize(
        X,
        signs,
        method=method,
        targets=targets if method == "target" else None,
    )


@settings(max_examples=200)
@given(tables(), st.sampled_from(ALL))
def test_outputs_finite_and_in_range(data, method):
    """Every method is finite; bounded ones lie in [0, 1], no NaN ever."""
    X, signs, targets = data
    Y = _run(method, X, signs, targets)
    assert Y.shape == X.shape
    assert np.all(np.isfinite(Y))
    if NORMALIZATIONS[method].bounded:
        assert Y.min() >= 0.0
        assert Y.max() <= 1.0


@settings(max_examples=200)
@given(tables(), st.sampled_from(ALL), st.randoms(use_true_random=False))
def test_row_order_equivariance(data, method, rnd):
    """Permuting the clusters permutes the normalised rows, nothing else."""
    X, signs, targets = data
    perm = np.array(rnd.sample(range(X.shape[0]), X.shape[0]))
    Y = _run(method, X, signs, targets)
    Yp = _run(method, X[perm], signs, targets)
    np.testing.assert_allclose(Yp, Y[perm], rtol=1e-12, atol=1e-12)


@settings(max_examples=200)
@given(
    tables(),
    st.sampled_from(ALL),
    st.data(),
    st.floats(1e-3, 1e6, allow_nan=False),
)
def test_improving_a_value_never_lowers_its_score(data, method, pick, step):
    """Raising a benefit (lowering a cost) value never lowers its own y_ij."""
    X, signs, targets = data
    i = pick.draw(st.integers(0, X.shape[0] - 1))
    j = pick.draw(st.integers(0, X.shape[1] - 1))
    X2 = X.copy()
    if signs[j] > 0:
        X2[i, j] += step
    else:
        assume(X[i, j] > 0)
        X2[i, j] = max(0.0, X[i, j] - step)
    Y = _run(method, X, signs, targets)
    Y2 = _run(method, X2, signs, targets)
    # z-scores: non-decreasing by Samuelson's inequality; others by form
    assert Y2[i, j] >= Y[i, j] - 1e-9 * max(1.0, abs(Y[i, j]))


@settings(max_examples=200)
@given(tables(min_rows=2), st.sampled_from(["minmax", "percentile"]))
def test_cost_mirrors_benefit(data, method):
    """For min-max and percentile ranks, cost = 1 - benefit."""
    X, _, _ = data
    n = X.shape[1]
    ben = normalize(X, ["benefit"] * n, method=method)
    cost = normalize(X, ["cost"] * n, method=method)
    flat = X.max(axis=0) == X.min(axis=0)
    np.testing.assert_allclose(cost[:, ~flat], 1.0 - ben[:, ~flat], atol=1e-12)
    np.testing.assert_array_equal(cost[:, flat], 0.5)


# --------------------------------------------------------------------------
# errors


def test_unknown_method_lists_valid_names():
    """A bad method name raises ParameterError listing every valid name."""
    with pytest.raises(ParameterError, match=r"'method' must be one of") as e:
        normalize([[1.0]], method="min-max")
    for name in NORMALIZATIONS:
        assert repr(name) in str(e.value)
    assert "'min-max'" in str(e.value)


def test_directions_length_mismatch():
    """Directions of the wrong length raise ParameterError."""
    with pytest.raises(ParameterError, match=r"one entry per criterion \(2\)"):
        normalize([[1.0, 2.0]], ["benefit"])


def test_directions_mapping_must_cover_columns():
    """A directions mapping missing a column names the missing label."""
    df = pd.DataFrame({"a": [1.0], "b": [2.0]})
    with pytest.raises(ParameterError, match=r"missing: \['b'\]"):
        normalize(df, {"a": "benefit"})


def test_nan_names_column_and_row():
    """A NaN raises DataError naming the column and the row label."""
    df = pd.DataFrame(
        {"gdp": [1.0, 2.0], "rd_intensity": [0.5, np.nan]},
        index=["Suzhou", "Wuxi"],
    )
    with pytest.raises(DataError, match=r"column 'rd_intensity'.*'Wuxi'"):
        normalize(df)


def test_infinity_names_column_position():
    """An infinity in an array raises DataError naming column position."""
    with pytest.raises(DataError, match=r"column 1: 1 infinite at row\(s\) 0"):
        normalize(np.array([[1.0, np.inf], [2.0, 3.0]]))


def test_target_needs_targets():
    """method='target' without targets raises ParameterError."""
    with pytest.raises(ParameterError, match=r"needs 'targets'"):
        normalize([[1.0]], method="target")


@pytest.mark.parametrize("bad", [0.0, -1.0, np.nan, np.inf])
def test_non_positive_target_rejected(bad):
    """A target that is not a finite number > 0 raises ParameterError."""
    with pytest.raises(ParameterError, match=r"finite number > 0; got 1="):
        normalize([[1.0, 2.0]], method="target", targets=[1.0, bad])


def test_target_length_mismatch():
    """Targets of the wrong length raise ParameterError."""
    with pytest.raises(ParameterError, match=r"one entry per indicator \(2\)"):
        normalize([[1.0, 2.0]], method="target", targets=[1.0])


def test_targets_only_for_target_method():
    """Targets passed to another method raise instead of being ignored."""
    with pytest.raises(ParameterError, match=r"only applies to method='tar"):
        normalize([[1.0]], method="minmax", targets=[1.0])


@pytest.mark.parametrize("method", ["target", "vector"])
def test_negative_values_rejected_where_ratios_need_them(method):
    """Target and vector name the column holding a negative value."""
    df = pd.DataFrame({"ok": [1.0, 2.0], "profit": [3.0, -4.0]})
    with pytest.raises(DataError, match=r"column 'profit' has minimum -4"):
        normalize(df, method=method, targets=[1.0, 1.0])


def test_non_numeric_and_empty_tables():
    """Text columns, empty tables and 1-D input raise DataError."""
    text = pd.DataFrame({"a": ["x", "y"], "b": [1.0, 2.0]})
    with pytest.raises(DataError, match=r"not numeric: a"):
        normalize(text)
    with pytest.raises(DataError, match=r"at least one row"):
        normalize(np.empty((0, 3)))
    with pytest.raises(DataError, match=r"must be 2-D"):
        normalize([1.0, 2.0])


def test_span_beyond_the_float_range_is_normalised_exactly():
    """A column from -1e308 to 1e308 is normalised, not refused or NaN.

    max - min overflows, yet the column is min-max normalised like the
    same column in ordinary units. By hand: (x - min) / (max - min) of
    (-1, 0, 1) is (0, 0.5, 1).
    """
    got = normalize([[-1e308], [0.0], [1e308]])
    np.testing.assert_array_equal(got, [[0.0], [0.5], [1.0]])
    z = normalize([[-1e308], [0.0], [1e308]], method="zscore")
    np.testing.assert_allclose(z.ravel(), [-1.0, 0.0, 1.0], rtol=1e-15)
