"""Tests for combining two weight vectors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import ParameterError
from clusterscore.testing import weight_vectors
from clusterscore.weights.combine import (
    COMBINE_METHODS,
    combine_weights,
    game_theory_coefficients,
)

A = [0.6, 0.4]
B = [0.3, 0.7]

# ------------------------------------------------------------ hand checks


def test_multiplicative_hand_calculation():
    """Product synthesis (Hwang & Yoon 1981): a_j b_j / sum a_k b_k."""
    # 0.18 and 0.28, total 0.46
    np.testing.assert_allclose(
        combine_weights(A, B), [0.18 / 0.46, 0.28 / 0.46], rtol=1e-12
    )


def test_linear_hand_calculation():
    """Linear: 0.25 * (0.6, 0.4) + 0.75 * (0.3, 0.7) = (0.375, 0.625)."""
    np.testing.assert_allclose(
        combine_weights(A, B, method="linear", alpha=0.25),
        [0.375, 0.625],
        rtol=1e-12,
    )


def test_linear_alpha_ends_return_the_inputs():
    """With alpha = 1 linear gives a, with alpha = 0 it gives b."""
    np.testing.assert_allclose(
        combine_weights(A, B, "linear", alpha=1), A, rtol=1e-12
    )
    np.testing.assert_allclose(
        combine_weights(A, B, "linear", alpha=0), B, rtol=1e-12
    )


def test_game_theory_hand_calculation():
    """a=(.6,.4), b=(.3,.7): c = (29/75, 52/75), alpha = (29/81, 52/81)."""
    # a.a = .52, b.b = .58, a.b = .46, D = .52*.58 - .46**2 = .09
    # c1 = .58 * (.52 - .46) / .09 = 29/75; c2 = .52 * (.58 - .46) / .09
    alpha = game_theory_coefficients(A, B)
    np.testing.assert_allclose(alpha, [29 / 81, 52 / 81], rtol=1e-12)
    np.testing.assert_allclose(
        combine_weights(A, B, method="game_theory"),
        [33 / 81, 48 / 81],
        rtol=1e-12,
    )


def test_game_theory_coefficients_solve_the_2x2_system():
    """Before normalisation, c solves [[aa, ab], [ba, bb]] c = [aa, bb]."""
    a, b = np.array(A), np.array(B)
    G = np.array([[a @ a, a @ b], [b @ a, b @ b]])
    c = np.linalg.solve(G, [a @ a, b @ b])
    alpha = game_theory_coefficients(a, b)
    np.testing.assert_allclose(alpha, np.abs(c) / np.abs(c).sum())


def test_game_theory_symmetric_vectors_get_equal_coefficients():
    """(.5,.3,.2) and (.2,.3,.5) are mirror images: alpha = (.5, .5)."""
    w = combine_weights([0.5, 0.3, 0.2], [0.2, 0.3, 0.5], "game_theory")
    np.testing.assert_allclose(w, [0.35, 0.3, 0.35], rtol=1e-12)


def test_game_theory_negative_coefficient_uses_absolute_value():
    """a=(.55,.45), b=(.9,.1): c1 < 0; |c| normalised keeps w >= 0."""
    a, b = np.array([0.55, 0.45]), np.array([0.9, 0.1])
    # a.a = .505, a.b = .54, b.b = .82, D = .1225
    c1 = 0.82 * (0.505 - 0.54) / 0.1225
    c2 = 0.505 * (0.82 - 0.54) / 0.1225
    assert c1 < 0
    expected = (abs(c1) * a + c2 * b) / (abs(c1) + c2)
    w = combine_weights(a, b, method="game_theory")
    np.testing.assert_allclose(w, expected, rtol=1e-12)
    assert np.all(w >= 0)


def test_game_theory_signed_normalisation_differs_only_if_c_negative():
    """|c|/sum|c| (ours) equals the signed c/sum(c) iff both c_k > 0.

    Public implementations of the game-theory combination normalise the
    signed coefficients; no published example settles which convention
    the method's source uses (docs/methodology.md, combination section).
    """
    # both positive: c = (29/75, 52/75), the conventions agree
    a, b = np.array(A), np.array(B)
    G = np.array([[a @ a, a @ b], [b @ a, b @ b]])
    c = np.linalg.solve(G, [a @ a, b @ b])
    assert np.all(c > 0)
    np.testing.assert_allclose(game_theory_coefficients(a, b), c / c.sum())
    # one negative: the signed convention gives a coefficient < 0
    a, b = np.array([0.55, 0.45]), np.array([0.9, 0.1])
    G = np.array([[a @ a, a @ b], [b @ a, b @ b]])
    c = np.linalg.solve(G, [a @ a, b @ b])
    signed = c / c.sum()
    assert signed[0] < 0
    ours = np.asarray(game_theory_coefficients(a, b))
    assert np.all(ours >= 0)
    np.testing.assert_allclose(ours, np.abs(c) / np.abs(c).sum())
    # the signed combination is still a vector summing to 1 here
    w_signed = signed[0] * a + signed[1] * b
    assert w_signed.sum() == pytest.approx(1.0)


def test_game_theory_equal_vectors_return_them():
    """Equal vectors: the singular system returns the common vector."""
    a = [0.2, 0.3, 0.5]
    assert game_theory_coefficients(a, a) == (0.5, 0.5)
    np.testing.assert_allclose(combine_weights(a, a, "game_theory"), a)


# ------------------------------------------------------------ pandas


def test_series_are_aligned_by_label():
    """Two Series in different order are matched by label, a's order out."""
    a = pd.Series({"rd": 0.6, "talent": 0.4})
    b = pd.Series({"talent": 0.7, "rd": 0.3})
    w = combine_weights(a, b)
    assert isinstance(w, pd.Series)
    assert list(w.index) == ["rd", "talent"]
    np.testing.assert_allclose(w.to_numpy(), [0.18 / 0.46, 0.28 / 0.46])


def test_series_and_array_are_matched_by_position():
    """One Series and one array: positions, labels from the Series."""
    b = pd.Series({"rd": 0.3, "talent": 0.7})
    w = combine_weights(A, b, method="linear")
    assert list(w.index) == ["rd", "talent"]
    np.testing.assert_allclose(w.to_numpy(), [0.45, 0.55])


def test_mismatched_labels_raise_naming_them():
    """Series with different labels: ParameterError naming the extras."""
    a = pd.Series({"rd": 0.6, "talent": 0.4})
    b = pd.Series({"rd": 0.3, "policy": 0.7})
    with pytest.raises(
        ParameterError, match=r"only in 'a': \['talent'\]; only in 'b'"
    ):
        combine_weights(a, b)


# ------------------------------------------------------------ errors


def test_unknown_method_raises():
    """An unknown method name lists the valid ones."""
    with pytest.raises(
        ParameterError,
        match=r"'method' must be one of \{'multiplicative', 'linear', "
        r"'game_theory'\}; got 'product'",
    ):
        combine_weights(A, B, method="product")


@pytest.mark.parametrize("alpha", [-0.1, 1.5, float("nan"), "half"])
def test_alpha_outside_unit_interval_raises(alpha):
    """The blend share alpha must be a number in [0, 1]."""
    with pytest.raises(ParameterError, match=r"'alpha' must be a number in"):
        combine_weights(A, B, method="linear", alpha=alpha)


def test_multiplicative_disjoint_supports_raise():
    """If sum a_k b_k = 0 the product weights are undefined."""
    with pytest.raises(ParameterError, match=r"sum\(a \* b\) = 0"):
        combine_weights([1.0, 0.0], [0.0, 1.0])


@pytest.mark.parametrize(
    ("a", "b", "message"),
    [
        ([0.5, 0.6], B, r"'a' must sum to 1"),
        (A, [0.3, 0.3], r"'b' must sum to 1"),
        ([1.2, -0.2], B, r"'a' must be finite and non-negative"),
        (A, [0.2, 0.3, 0.5], r"'b' must have one entry per criterion \(2\)"),
    ],
)
def test_invalid_weight_vectors_raise(a, b, message):
    """Inputs must be non-negative, sum to 1 and have equal length."""
    with pytest.raises(ParameterError, match=message):
        combine_weights(a, b)


def test_game_theory_coefficients_validate():
    """game_theory_coefficients checks its vectors too."""
    with pytest.raises(ParameterError, match="'b' must sum to 1"):
        game_theory_coefficients(A, [0.5, 0.6])


# ------------------------------------------------------------ properties


@st.composite
def _pairs(draw):
    n = draw(st.integers(1, 9))
    return draw(weight_vectors(n)), draw(weight_vectors(n))


@settings(max_examples=200)
@given(pair=_pairs(), method=st.sampled_from(sorted(COMBINE_METHODS)))
def test_prop_combined_weights_sum_to_one(pair, method):
    """Every method returns non-negative weights summing to 1."""
    a, b = pair
    w = combine_weights(a, b, method=method, alpha=0.3)
    assert w.shape == a.shape
    assert np.all(w >= 0)
    assert w.sum() == pytest.approx(1.0, abs=1e-12)


@settings(max_examples=200)
@given(a=weight_vectors())
def test_prop_multiplicative_with_uniform_returns_a(a):
    """Multiplying by uniform weights changes nothing."""
    u = np.full(a.size, 1.0 / a.size)
    np.testing.assert_allclose(combine_weights(a, u), a, rtol=1e-12)


@settings(max_examples=200)
@given(pair=_pairs(), alpha=st.floats(0, 1))
def test_prop_linear_lies_between_inputs(pair, alpha):
    """The linear blend lies between a and b coordinate by coordinate."""
    a, b = pair
    w = combine_weights(a, b, method="linear", alpha=alpha)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    assert np.all(w >= lo - 1e-12)
    assert np.all(w <= hi + 1e-12)


@settings(max_examples=200)
@given(pair=_pairs())
def test_prop_game_theory_is_symmetric(pair):
    """Swapping a and b swaps the coefficients, same combined vector."""
    a, b = pair
    w_ab = combine_weights(a, b, method="game_theory")
    w_ba = combine_weights(b, a, method="game_theory")
    np.testing.assert_allclose(w_ab, w_ba, rtol=1e-9, atol=1e-12)


@settings(max_examples=200)
@given(pair=_pairs(), data=st.data())
def test_prop_combination_is_permutation_equivariant(pair, data):
    """Reordering criteria in both inputs reorders the result."""
    a, b = pair
    p = np.asarray(data.draw(st.permutations(range(a.size))))
    for method in COMBINE_METHODS:
        np.testing.assert_allclose(
            combine_weights(a[p], b[p], method=method),
            combine_weights(a, b, method=method)[p],
            rtol=1e-9,
            atol=1e-12,
        )
