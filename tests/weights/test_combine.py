"""Tests for combining two weight vectors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterscore.errors import FallbackWarning, ParameterError
from clusterscore.testing import weight_vectors
from clusterscore.weights.combine import (
    COMBINE_METHODS,
    _game_theory_rows,
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
    """Both c > 0: alpha = c / sum(c), c solving [[aa, ab], [ba, bb]] c."""
    a, b = np.array(A), np.array(B)
    G = np.array([[a @ a, a @ b], [b @ a, b @ b]])
    c = np.linalg.solve(G, [a @ a, b @ b])
    assert np.all(c > 0)
    alpha = game_theory_coefficients(a, b)
    np.testing.assert_allclose(alpha, c / c.sum(), rtol=1e-12)


def test_game_theory_symmetric_vectors_get_equal_coefficients():
    """(.5,.3,.2) and (.2,.3,.5) are mirror images: alpha = (.5, .5)."""
    w = combine_weights([0.5, 0.3, 0.2], [0.2, 0.3, 0.5], "game_theory")
    np.testing.assert_allclose(w, [0.35, 0.3, 0.35], rtol=1e-12)


def test_game_theory_negative_coefficient_gives_the_constrained_equilibrium():
    """a=(.55,.45), b=(.9,.1): c1 < 0, so alpha = (0, 1) and w = b, warned.

    Hand calculation: a.a = .505, a.b = .54, b.b = .82, D = .1225,
    c1 = .82 (.505 - .54) / D = -0.2343, c2 = .505 (.82 - .54) / D = 1.154.
    With c1 held at 0 the best reply is c2 = 1, and raising c1 cannot
    help player a, since a.(b - a) = .54 - .505 > 0.
    """
    a, b = np.array([0.55, 0.45]), np.array([0.9, 0.1])
    match = (
        r"combine_weights\(\): the game-theory coefficients solve to "
        r"c = \(-0\.2343, 1\.154\); the method requires c_k >= 0 .*"
        r"the combination equals 'b'\. Use method='linear'"
    )
    with pytest.warns(FallbackWarning, match=match):
        w = combine_weights(a, b, method="game_theory")
    np.testing.assert_array_equal(w, b)
    with pytest.warns(FallbackWarning, match="equals 'a'"):
        assert game_theory_coefficients(b, a) == (1.0, 0.0)


def test_game_theory_signed_normalisation_would_give_negative_weights():
    """Normalising the signed c (c1 < 0) can make a weight negative.

    This is why the constraint c_k >= 0 of the method is kept rather than
    normalising c / sum(c) regardless of sign (docs/methodology.md).
    """
    a, b = np.array([0.55, 0.45]), np.array([0.9, 0.1])
    G = np.array([[a @ a, a @ b], [b @ a, b @ b]])
    c = np.linalg.solve(G, [a @ a, b @ b])
    signed = c / c.sum()
    w_signed = signed[0] * a + signed[1] * b
    assert signed[0] < 0
    assert w_signed[1] < 0 or w_signed[0] > b[0]
    with pytest.warns(FallbackWarning):
        w = combine_weights(a, b, method="game_theory")
    assert np.all(w >= 0)


# Su, Lyu, Zhu, Chen & Hua (2022), 干旱区研究 39(3), 801-809, Table 1
# (洪水风险评价指标赋权结果) and section 2.3 ("β1 = 0.525, β2 = 0.475"):
# entropy (W1) and AHP (W2) weights of RF, RFT, DEM, NDVI, DR, POP, GDP.
SU_2022_ENTROPY = (0.070, 0.197, 0.009, 0.071, 0.011, 0.306, 0.336)
SU_2022_AHP = (0.413, 0.131, 0.113, 0.067, 0.073, 0.138, 0.067)
SU_2022_COMBINED = (0.233, 0.166, 0.058, 0.038, 0.072, 0.226, 0.208)


def test_game_theory_golden_su_2022_coefficients():
    """Su et al. (2022) Table 1: beta = (0.525, 0.475) to the printed digit.

    The printed AHP column sums to 1.002 (3-decimal rounding), so it is
    rescaled to 1 (clusterscore refuses a vector not summing to 1); the
    unrounded AHP vector summed to 1. Without the rescaling the system
    gives beta_1 = 0.5236, which prints as 0.524.
    """
    w1 = np.array(SU_2022_ENTROPY)
    w2 = np.array(SU_2022_AHP)
    assert w2.sum() == pytest.approx(1.002)
    beta = game_theory_coefficients(w1, w2 / w2.sum())
    assert np.round(beta, 3).tolist() == [0.525, 0.475]


def test_game_theory_golden_su_2022_combined_weights():
    """Su et al. (2022) Table 1: the combined weights at 3 decimals.

    Five rows match as printed. The NDVI and DR rows contradict the
    paper's own beta: their printed combined weights 0.038 and 0.072 are
    0.525 (0.011, 0.071) + 0.475 (0.067, 0.073), i.e. the two entropy
    values are swapped in print (0.071 for NDVI, 0.011 for DR). With the
    swap all seven rows, and beta, match.
    """
    w2 = np.array(SU_2022_AHP) / sum(SU_2022_AHP)
    w = combine_weights(np.array(SU_2022_ENTROPY), w2, "game_theory")
    rows = [0, 1, 2, 5, 6]  # RF, RFT, DEM, POP, GDP
    np.testing.assert_array_equal(
        np.round(w[rows], 3), np.array(SU_2022_COMBINED)[rows]
    )
    swapped = np.array(SU_2022_ENTROPY)
    swapped[[3, 4]] = swapped[[4, 3]]
    beta = game_theory_coefficients(swapped, w2)
    assert np.round(beta, 3).tolist() == [0.525, 0.475]
    w = combine_weights(swapped, w2, "game_theory")
    np.testing.assert_array_equal(np.round(w, 3), SU_2022_COMBINED)


# Hou & Wang (2021), 安全与环境学报 21(6), 2443-2451, section 2.3, eq. (17):
# improved-FAHP (w1) and CRITIC (w2) weights of 11 slope indicators,
# printed dot products w1w1' = 0.13187272, w1w2' = 0.07394352,
# w2w2' = 0.13443172, "α1* = 0.4953, α2* = 0.5047" and the combined w*.
HOU_2021_FAHP = (
    0.1691, 0.0764, 0.0828, 0.0533, 0.2469, 0.0828,
    0.0763, 0.0553, 0.0553, 0.0111, 0.0887,
)  # fmt: skip
HOU_2021_CRITIC = (
    0.0209, 0.0495, 0.0565, 0.0390, 0.0351, 0.1682,
    0.1766, 0.1899, 0.0209, 0.1217, 0.1217,
)  # fmt: skip
HOU_2021_COMBINED = (
    0.0943, 0.0628, 0.0695, 0.0461, 0.1400, 0.1259,
    0.1269, 0.1232, 0.0379, 0.0669, 0.1054,
)  # fmt: skip


def test_game_theory_golden_hou_wang_2021():
    """Hou & Wang (2021): dot products, alpha* and all 11 combined weights.

    The printed dot products are those of the printed vectors to all 8
    digits. The printed alpha* = (0.4953, 0.5047) is one unit off in the
    4th decimal: the paper's raw alpha (0.6364, 0.6485) does not solve its
    own system (which gives 0.6352, 0.6506), so alpha* is compared at
    1e-4. Applied to the printed vectors (w1 sums to 0.998, as printed),
    our coefficients give every printed combined weight at 4 decimals.
    """
    w1, w2 = np.array(HOU_2021_FAHP), np.array(HOU_2021_CRITIC)
    assert round(w1 @ w1, 8) == 0.13187272
    assert round(w1 @ w2, 8) == 0.07394352
    assert round(w2 @ w2, 8) == 0.13443172
    a1, a2 = game_theory_coefficients(w1 / w1.sum(), w2)
    np.testing.assert_allclose([a1, a2], [0.4953, 0.5047], atol=1.01e-4)
    np.testing.assert_array_equal(
        np.round(a1 * w1 + a2 * w2, 4), HOU_2021_COMBINED
    )


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
@pytest.mark.filterwarnings("ignore::clusterscore.errors.FallbackWarning")
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
@pytest.mark.filterwarnings("ignore::clusterscore.errors.FallbackWarning")
def test_prop_game_theory_is_symmetric(pair):
    """Swapping a and b swaps the coefficients, same combined vector."""
    a, b = pair
    w_ab = combine_weights(a, b, method="game_theory")
    w_ba = combine_weights(b, a, method="game_theory")
    np.testing.assert_allclose(w_ab, w_ba, rtol=1e-9, atol=1e-12)


@settings(max_examples=200)
@given(pair=_pairs())
@pytest.mark.filterwarnings("ignore::clusterscore.errors.FallbackWarning")
def test_prop_game_theory_is_the_constrained_equilibrium(pair):
    """The coefficients solve the game with c >= 0 (a complementarity problem).

    With c the unnormalised coefficients (alpha scaled so that each
    positive c_k meets its own first-order condition): every player with
    c_k > 0 has w_k . (c_1 a + c_2 b - w_k) = 0, and a player with
    c_k = 0 could not gain by raising it, w_k . (c_1 a + c_2 b - w_k) >= 0.
    """
    a, b = pair
    alpha = np.asarray(game_theory_coefficients(a, b))
    assert np.all(alpha >= 0)
    assert alpha.sum() == pytest.approx(1.0)
    V = np.stack([a, b])
    G = V @ V.T
    if np.linalg.det(G) <= 1e-12 * G[0, 0] * G[1, 1]:
        return  # a ~= b: any coefficients reproduce the common vector
    # the scale s with s * alpha satisfying the active conditions
    k = int(np.argmax(alpha))
    s = G[k, k] / (G[k] @ alpha)
    c = s * alpha
    slack = G @ c - np.diag(G)
    for j in range(2):
        if c[j] > 0:
            assert slack[j] == pytest.approx(0.0, abs=1e-9)
        else:
            assert slack[j] >= -1e-12


@settings(max_examples=200)
@given(
    pairs=st.integers(2, 6).flatmap(
        lambda n: st.lists(
            st.tuples(weight_vectors(n), weight_vectors(n)),
            min_size=1,
            max_size=5,
        )
    )
)
@pytest.mark.filterwarnings("ignore::clusterscore.errors.FallbackWarning")
def test_prop_game_theory_rows_equal_the_pairwise_coefficients(pairs):
    """The batched kernel (used by uncertainty) gives each pair's alpha."""
    a = np.stack([p[0] for p in pairs])
    b = np.stack([p[1] for p in pairs])
    alpha, _ = _game_theory_rows(a, b)
    expected = [game_theory_coefficients(x, y) for x, y in pairs]
    np.testing.assert_allclose(alpha, expected, rtol=1e-12, atol=1e-15)


@settings(max_examples=200)
@given(
    pairs=st.integers(2, 6).flatmap(
        lambda n: st.lists(
            st.tuples(weight_vectors(n), weight_vectors(n), st.floats(0, 1)),
            min_size=1,
            max_size=5,
        )
    )
)
@pytest.mark.filterwarnings("ignore::clusterscore.errors.FallbackWarning")
def test_prop_batched_kernels_equal_combine_weights_row_by_row(pairs):
    """Each method's kernel on a (k, n) batch (as uncertainty calls it)."""
    a = np.stack([p[0] for p in pairs])
    b = np.stack([p[1] for p in pairs])
    alpha = np.array([[p[2]] for p in pairs])
    for method, kernel in COMBINE_METHODS.items():
        expected = [combine_weights(x, y, method, t) for x, y, t in pairs]
        np.testing.assert_allclose(
            kernel(a, b, alpha), expected, rtol=1e-12, atol=1e-15
        )


@settings(max_examples=200)
@given(pair=_pairs(), data=st.data())
@pytest.mark.filterwarnings("ignore::clusterscore.errors.FallbackWarning")
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


def test_combine_method_type_lists_the_methods():
    """The Literal type of combine_weights(method=...) names them all."""
    import typing

    from clusterscore.weights import combine

    assert typing.get_args(combine.CombineMethod) == tuple(
        combine.COMBINE_METHODS
    )
