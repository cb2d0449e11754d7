"""Tests of clusterscore.normalize.kernels: the formulas and edge cases.

Expected numbers are hand calculations written next to each case.
"""

from __future__ import annotations

import numpy as np

from clusterscore.normalize import (
    CONSTANT_COLUMN_VALUE,
    CONSTANT_COLUMN_ZERO,
    minmax_kernel,
    normalize,
    percentile_kernel,
    target_kernel,
    vector_kernel,
    zscore_kernel,
)

# --------------------------------------------------------------------------
# hand-computed cases


def test_minmax_by_direction_hand_case():
    """Min-max: benefit (x-min)/(max-min), cost (max-x)/(max-min)."""
    # col 0 benefit, min 1, max 3: (1-1)/2=0, (3-1)/2=1, (2-1)/2=0.5
    # col 1 cost, min 10, max 30: (30-10)/20=1, (30-30)/20=0, (30-20)/20=.5
    X = [[1.0, 10.0], [3.0, 30.0], [2.0, 20.0]]
    Y = normalize(X, ["benefit", "cost"], method="minmax")
    np.testing.assert_array_equal(Y, [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]])
    assert not np.signbit(Y).any()  # no -0.0 from the cost formula


def test_minmax_constant_column_is_half():
    """Min-max gives a constant column 0.5 for benefit and cost, no NaN."""
    X = np.array([[4.0, 1.0, 7.0], [4.0, 2.0, 7.0]])
    Y = minmax_kernel(X, np.array([1, 1, -1], dtype=np.int8))
    np.testing.assert_array_equal(Y[:, 0], [0.5, 0.5])
    np.testing.assert_array_equal(Y[:, 2], [0.5, 0.5])
    assert CONSTANT_COLUMN_VALUE == 0.5


def test_minmax_single_row_is_half():
    """One cluster: every column is constant and scores 0.5."""
    Y = normalize([[3.0, -2.0]], ["benefit", "cost"])
    np.testing.assert_array_equal(Y, [[0.5, 0.5]])


def test_target_hand_case():
    """Target: benefit min(x/t, 1), cost min(t/x, 1), cost x=0 gives 1."""
    # col 0 benefit, t=10: 5/10=0.5, 20/10=2 -> 1, 10/10=1
    # col 1 cost, t=4: 4/4=1, x=0 -> 1 (defined, no division), 4/8=0.5
    X = [[5.0, 4.0], [20.0, 0.0], [10.0, 8.0]]
    Y = normalize(X, ["benefit", "cost"], method="target", targets=[10, 4])
    np.testing.assert_array_equal(Y, [[0.5, 1.0], [1.0, 1.0], [1.0, 0.5]])


def test_target_kernel_zero_cost_value_no_warning():
    """A cost value of 0 scores 1 without a division-by-zero warning."""
    with np.errstate(all="raise"):
        Y = target_kernel(
            np.array([[0.0], [2.0]]),
            np.array([-1], dtype=np.int8),
            np.array([1.0]),
        )
    np.testing.assert_array_equal(Y, [[1.0], [0.5]])


def test_zscore_hand_case():
    """Z-score with ddof=1, direction applied by sign."""
    # col 0 benefit [1,2,3]: mean 2, sd sqrt((1+0+1)/2)=1 -> -1, 0, 1
    # col 1 cost [2,4,6]: mean 4, sd 2 -> -(-1)=1, 0, -1
    Y = normalize(
        [[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]],
        ["benefit", "cost"],
        method="zscore",
    )
    np.testing.assert_allclose(Y, [[-1, 1], [0, 0], [1, -1]], atol=1e-15)


def test_zscore_constant_column_and_single_row_are_zero():
    """Z-score gives 0 for a constant column and for a one-row table."""
    s = np.array([1, -1], dtype=np.int8)
    # column 0 is exactly constant, but its computed mean is not 0.1 and
    # its computed sd is ~1.7e-17: (x - mean)/sd would be -0.82, not 0
    X = np.array([[0.1, 5.0], [0.1, 6.0], [0.1, 7.0]])
    np.testing.assert_array_equal(zscore_kernel(X, s)[:, 0], [0.0] * 3)
    np.testing.assert_array_equal(zscore_kernel(X[:1], s), [[0.0, 0.0]])


def test_vector_hand_case():
    """Vector: benefit x/||x||, cost 1 - x/||x||."""
    # col [3, 4]: ||x|| = 5 -> benefit 0.6, 0.8; cost 0.4, 0.2
    Y = normalize(
        [[3.0, 3.0], [4.0, 4.0]], ["benefit", "cost"], method="vector"
    )
    np.testing.assert_allclose(Y, [[0.6, 0.4], [0.8, 0.2]], rtol=1e-15)


def test_vector_zero_and_constant_columns():
    """An all-zero column gets the constant-column value 1/sqrt(m)."""
    # m = 4: constant column c gives c/(2c) = 0.5; all-zero gets the same
    X = np.array([[0.0, 2.0, 0.0]] * 4)
    Y = vector_kernel(X, np.array([1, 1, -1], dtype=np.int8))
    np.testing.assert_allclose(Y, 0.5, rtol=1e-15)


def test_vector_extreme_magnitudes():
    """Vector norms survive squares that overflow or underflow."""
    # [3, 4] * 1e200: squares overflow, yet the result is 0.6, 0.8;
    # [3, 4] * 1e-200: squares underflow to 0, same result
    s = np.array([1, 1], dtype=np.int8)
    X = np.array([[3e200, 3e-200], [4e200, 4e-200]])
    np.testing.assert_allclose(
        vector_kernel(X, s), [[0.6, 0.6], [0.8, 0.8]], rtol=1e-14
    )


def test_percentile_hand_case_average_ties():
    """Percentile: (rank - 1)/(m - 1), average ties, cost mirrored."""
    # col [10,20,20,40] benefit: ranks 1, 2.5, 2.5, 4 -> 0, .5, .5, 1
    # cost: ranks of -x: 4, 2.5, 2.5, 1 -> 1, .5, .5, 0
    X = [[10.0, 10.0], [20.0, 20.0], [20.0, 20.0], [40.0, 40.0]]
    Y = normalize(X, ["benefit", "cost"], method="percentile")
    np.testing.assert_array_equal(
        Y, [[0.0, 1.0], [0.5, 0.5], [0.5, 0.5], [1.0, 0.0]]
    )


def test_percentile_constant_and_single_row():
    """Percentile ranks give 0.5 to a constant column and to one row."""
    s = np.array([1], dtype=np.int8)
    np.testing.assert_array_equal(
        percentile_kernel(np.array([[2.0], [2.0], [2.0]]), s), 0.5
    )
    np.testing.assert_array_equal(percentile_kernel(np.array([[9.0]]), s), 0.5)


def test_minmax_constant_column_rule_is_a_parameter():
    """constant= sets a flat column's value; lo/hi may be passed in."""
    X = np.array([[1.0, 4.0, 2.0], [3.0, 4.0, 6.0], [2.0, 4.0, 4.0]])
    signs = np.array([1, -1, -1], dtype=np.int8)
    half = minmax_kernel(X, signs)
    zero = minmax_kernel(X, signs, constant=CONSTANT_COLUMN_ZERO)
    np.testing.assert_array_equal(half[:, 1], [0.5, 0.5, 0.5])
    np.testing.assert_array_equal(zero[:, 1], [0.0, 0.0, 0.0])
    assert not np.signbit(zero).any()
    np.testing.assert_array_equal(half[:, [0, 2]], zero[:, [0, 2]])
    # col 0 benefit (x - 1)/2; col 2 cost (6 - x)/4
    np.testing.assert_array_equal(zero[:, 0], [0.0, 1.0, 0.5])
    np.testing.assert_array_equal(zero[:, 2], [1.0, 0.0, 0.5])
    given_stats = minmax_kernel(
        X,
        signs,
        constant=CONSTANT_COLUMN_ZERO,
        lo=X.min(axis=0),
        hi=X.max(axis=0),
    )
    np.testing.assert_array_equal(given_stats, zero)
